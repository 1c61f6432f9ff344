"""`dxplanner estate FILE [--json]`: every element and link as JSON with stable keys, or counts by kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dxplanner import cli
from dxplanner.i18n import set_language
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from tests.conftest import run_cli as _run
from tests.unit.estate_builders import Estate, fill_estate


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Estate]:
    """A plan file with a filled estate (made once for the module)."""
    path = create_plan_file(tmp_path_factory.mktemp("estate_cli") / "estate.dxplan")
    store = open_plan_file(path)
    try:
        made = fill_estate(store)
    finally:
        store.close()
    return path, made


def test_json_holds_every_element_and_link_with_stable_keys(filled: tuple[Path, Estate]) -> None:
    path, made = filled
    status, out, err = _run("estate", str(path), "--json")
    assert (status, err) == (0, "")
    said = json.loads(out)
    assert list(said) == [
        "systems",
        "data_links",
        "open_datasets",
        "public_services",
        "committee",
        "effects",
        "risk_treatments",
    ]
    systems = {system["code"]: system for system in said["systems"]}
    assert systems["MC"] == {
        "id": made.registry,
        "code": "MC",
        "name": "Hệ thống thông tin giải quyết thủ tục hành chính",
        "short_name": "HTTTGQTTHC",
        "kind": "application",
        "owner_unit_id": made.basics.ministry,
        "level": "ministry_province",
        "hosting": "government_cloud",
        "hosted_on_id": made.cloud,
        "security_level": 2,
        "security_plan_approved": False,
        "status": "building",
        "description": "Một cửa điện tử của tỉnh",
    }
    assert said["data_links"] == [
        {
            "id": made.link,
            "from_system_id": made.registry,
            "to_system_id": made.population,
            "via": "ndxp",
            "data": "Thông tin công dân",
            "status": "planned",
        }
    ]
    [service] = said["public_services"]
    assert (service["code"], service["level"], service["online_share"]) == (
        "1.001234",
        "partial_online",
        42.5,
    )
    assert [member["role"] for member in said["committee"]] == ["head", "it_unit"]
    assert {(effect["task_id"], effect["effect"], effect["service_level"]) for effect in said["effects"]} == {
        (made.build_task, "builds", None),
        (made.build_task, "connects", None),
        (made.raise_task, "raises_level", "full_process_online"),
    }
    assert said["risk_treatments"] == [{"risk_id": made.risk, "task_id": made.build_task}]
    assert "Cơ sở dữ liệu quốc gia về dân cư" in out  # UTF-8 as it is, not escaped


def test_json_keys_and_values_stay_the_same_in_vietnamese(filled: tuple[Path, Estate]) -> None:
    path, _made = filled
    english = _run("estate", str(path), "--json")[1]
    set_language("vi")
    assert _run("estate", str(path), "--json")[1] == english


def test_without_json_each_kind_is_counted_in_the_users_language(filled: tuple[Path, Estate]) -> None:
    path, _made = filled
    status, out, err = _run("estate", str(path))
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "Systems: 5 (Information system 1, Platform 1, Database 1, Infrastructure 2)",
        "Data links: 1 (NDXP 1)",
        "Open datasets: 1",
        "Public services: 1 (Partial online 1)",
        "Steering committee: 2",
        "Task effects: 3 (Builds 1, Connects 1, Raises the level 1)",
        "Risk treatments: 1",
    ]
    set_language("vi")
    assert _run("estate", str(path))[1].splitlines()[0] == (
        "Hệ thống: 5 (Hệ thống thông tin 1, Nền tảng 1, Cơ sở dữ liệu 1, Hạ tầng 2)"
    )


def test_an_empty_estate_is_counted_as_none(tmp_path: Path) -> None:
    path = create_plan_file(tmp_path / "empty.dxplan")
    status, out, _err = _run("estate", str(path))
    assert status == 0 and out.splitlines()[0] == "Systems: 0"
    assert json.loads(_run("estate", str(path), "--json")[1])["systems"] == []


def test_a_missing_file_is_one_message_and_exit_status_one(tmp_path: Path) -> None:
    status, out, err = _run("estate", str(tmp_path / "none.dxplan"), "--json")
    assert (status, out) == (1, "")
    assert err.startswith("dxplanner: ") and err.count("\n") == 1


def test_the_entry_point_knows_the_command() -> None:
    assert "estate" in cli.COMMANDS


def test_check_counts_the_estate_with_the_other_records(filled: tuple[Path, Estate]) -> None:
    path, _made = filled
    status, out, _err = _run("check", str(path), "--json")
    counts = json.loads(out)["counts"]
    assert status == 0
    assert {
        name: counts.get(name)
        for name in (
            "systems",
            "data links",
            "open datasets",
            "public services",
            "committee members",
            "task effects",
            "risk treatments",
        )
    } == {
        "systems": 5,
        "data links": 1,
        "open datasets": 1,
        "public services": 1,
        "committee members": 2,
        "task effects": 3,
        "risk treatments": 1,
    }
