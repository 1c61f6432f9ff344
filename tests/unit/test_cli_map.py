"""`dxplanner map FILE --out map.xml|svg|pdf|png`: a plan file's estate as an exchange file or a picture."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from dxplanner.app import main
from dxplanner.cli import EXIT_BAD_ARGUMENTS, EXIT_OK, EXIT_USER_ERROR
from dxplanner.core.enums import DataLinkVia, EstateStatus, SystemKind
from dxplanner.core.models import DataLink, PublicService, System
from dxplanner.i18n import set_language
from dxplanner.services.estate_exchange import read_estate_file
from dxplanner.store.plan_store import PlanStore
from tests.conftest import run_cli as _run
from tests.unit.builders import basics


def _add(store: PlanStore, record: SQLModel) -> int:
    # The estate's own operations are another helper's: the records go in as they are.
    with store.write() as session:
        session.add(record)
        session.flush()
        record_id = record.id  # type: ignore[attr-defined]
    assert isinstance(record_id, int)
    return record_id


@pytest.fixture
def estate_file(store: PlanStore, plan_path: Path) -> Path:
    """A plan file with a data centre, a portal on it, a planned registry, a link and a service."""
    ids = basics(store)
    centre = _add(
        store,
        System(name="Trung tâm dữ liệu Bộ", kind=SystemKind.INFRASTRUCTURE, owner_unit_id=ids.ministry),
    )
    portal = _add(
        store,
        System(
            name="Cổng dịch vụ công của Bộ",
            kind=SystemKind.PORTAL,
            owner_unit_id=ids.department,
            hosted_on_id=centre,
            security_level=3,
        ),
    )
    registry = _add(
        store,
        System(name="Cơ sở dữ liệu chuyên ngành", kind=SystemKind.DATABASE, status=EstateStatus.PLANNED),
    )
    _add(store, DataLink(from_system_id=registry, to_system_id=portal, via=DataLinkVia.LGSP, data="Hồ sơ"))
    _add(store, PublicService(name="Cấp giấy phép bưu chính", unit_id=ids.department, system_id=portal))
    return plan_path


def test_map_writes_the_estate_as_an_exchange_file(estate_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.xml"

    status, out, err = _run("map", str(estate_file), "--out", str(target), "--as-of", "2025-06-30")

    assert (status, err) == (EXIT_OK, "")
    assert out == f"Wrote the estate map on 30/06/2025 to {target}: 4 elements, 3 lines.\n"
    imported = read_estate_file(target)
    assert sorted(system.name for system in imported.systems) == [
        "Cơ sở dữ liệu chuyên ngành",
        "Cổng dịch vụ công của Bộ",
        "Trung tâm dữ liệu Bộ",
    ]
    names = {system.ref: system.name for system in imported.systems}
    ((source, target_ref),) = [(link.from_ref, link.to_ref) for link in imported.data_links]
    assert (names[source], names[target_ref]) == ("Cơ sở dữ liệu chuyên ngành", "Cổng dịch vụ công của Bộ")
    (service,) = imported.services
    assert names[service.system_ref or ""] == "Cổng dịch vụ công của Bộ"
    portal = next(system for system in imported.systems if system.kind == SystemKind.PORTAL)
    assert names[portal.hosted_on_ref or ""] == "Trung tâm dữ liệu Bộ"
    assert portal.security_level == 3


@pytest.mark.parametrize("suffix", ["svg", "pdf", "png"])
def test_map_draws_the_estate_as_a_picture(estate_file: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"map.{suffix}"

    status, out, err = _run("map", str(estate_file), "--out", str(target), "--as-of", "2025-06-30")

    assert (status, err) == (EXIT_OK, "")
    assert out == f"Wrote the estate map on 30/06/2025 to {target}: 4 elements, 3 lines.\n"
    head = target.read_bytes()[:8]
    assert head == {"svg": b"<?xml ve", "pdf": b"%PDF-1.4", "png": b"\x89PNG\r\n\x1a\n"}[suffix]
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".map")] == []  # no temporary


def test_the_svg_names_the_estate_in_the_users_language(estate_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    set_language("vi")

    status, out, _err = _run("map", str(estate_file), "--out", str(target), "--as-of", "2025-06-30")

    assert status == EXIT_OK
    assert out.startswith("Đã ghi bản đồ kiến trúc ngày 30/06/2025 vào ")
    root = ET.parse(target).getroot()
    words = {node.text for node in root.iter("{http://www.w3.org/2000/svg}text")}
    tips = [node.text or "" for node in root.iter("{http://www.w3.org/2000/svg}title")]
    assert {"Bản đồ kiến trúc ngày 30/06/2025", "Hạ tầng", "Đang vận hành"} <= words
    assert "Cổng dịch vụ công của Bộ\nCổng thông tin · Đang vận hành" in "\n".join(tips)


def test_a_file_of_another_kind_is_refused_before_the_plan_is_read(tmp_path: Path) -> None:
    target = tmp_path / "map.docx"

    status, out, err = _run("map", str(tmp_path / "no plan here.dxplan"), "--out", str(target))

    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err == (
        "dxplanner: A map can be saved as .svg, .pdf or .png (a picture) or as .xml (an ArchiMate"
        " exchange file), not as “.docx”.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_file_of_another_kind_is_refused_in_vietnamese(tmp_path: Path) -> None:
    set_language("vi")

    status, _out, err = _run("map", str(tmp_path / "plan.dxplan"), "--out", str(tmp_path / "map.jpg"))

    assert status == EXIT_USER_ERROR
    assert err == (
        "dxplanner: Bản đồ lưu được thành hình (.svg, .pdf hoặc .png) hoặc tệp trao đổi ArchiMate"
        " (.xml), không lưu được thành “.jpg”.\n"
    )


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_a_picture_that_cannot_be_written_is_one_line_and_leaves_nothing(
    estate_file: Path, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / "no such folder" / f"map.{suffix}"

    status, out, err = _run("map", str(estate_file), "--out", str(target))

    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err.startswith(f"dxplanner: The map could not be written to {target}: ") and err.count("\n") == 1
    assert not target.parent.exists()


def test_a_plan_that_is_not_there_is_one_line_on_stderr(tmp_path: Path) -> None:
    status, out, err = _run("map", str(tmp_path / "missing.dxplan"), "--out", str(tmp_path / "map.xml"))

    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err.startswith("dxplanner: ") and err.count("\n") == 1
    assert not (tmp_path / "map.xml").exists()


def test_an_unknown_action_plan_is_refused(estate_file: Path, tmp_path: Path) -> None:
    status, _out, err = _run("map", str(estate_file), "--out", str(tmp_path / "map.xml"), "--plan", "999")

    assert status == EXIT_USER_ERROR
    assert err.startswith("dxplanner: ") and err.count("\n") == 1
    assert not (tmp_path / "map.xml").exists()


def test_a_day_that_is_no_date_is_a_bad_argument(
    estate_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, _err = _run("map", str(estate_file), "--out", str(tmp_path / "m.xml"), "--as-of", "30/06")

    assert status == EXIT_BAD_ARGUMENTS
    assert "not a date in the form YYYY-MM-DD: 30/06" in capsys.readouterr().err  # argparse's own stderr


def test_the_map_is_as_of_today_by_default(estate_file: Path, tmp_path: Path) -> None:
    status, out, _err = _run("map", str(estate_file), "--out", str(tmp_path / "map.xml"))

    assert status == EXIT_OK
    assert datetime.date.today().strftime("%d/%m/%Y") in out


def test_the_program_takes_map_as_a_command_not_as_a_file_to_open(estate_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.xml"

    status = main(["map", str(estate_file), "--out", str(target)])

    assert status == EXIT_OK
    assert len(read_estate_file(target).systems) == 3
