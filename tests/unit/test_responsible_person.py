"""A person named where a task table expects a unit ("đ/c Minh") is the task's responsible person."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, cast

from sqlmodel import select

from dxplanner import cli
from dxplanner.core.models import Task, Unit
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from tests.unit import excel_indicator_samples as samples


def test_a_person_in_a_unit_cell_is_kept_on_the_task_not_made_a_unit(tmp_path: Path) -> None:
    path, expected = samples.build_tasks_with_persons(tmp_path)
    table = read_plan_table(path)
    assert table.errors == []
    read = {task["row"]: task for task in cast(list[dict[str, Any]], table.as_json()["tasks"])}
    for wanted in expected:
        got = read[wanted["row"]]
        assert {key: got[key] for key in wanted} == wanted, f"row {wanted['row']}"
    assert "“đ/c Minh” is a person: kept as the responsible person, not made a unit" in read[2]["guesses"]
    assert not any("Minh" in text or "Lan" in text or "Hùng" in text for text in table.unit_texts())


def test_the_responsible_person_is_written_by_the_import(tmp_path: Path, store: PlanStore) -> None:
    path, _expected = samples.build_tasks_with_persons(tmp_path)
    table = read_plan_table(path)
    match_units(store, table)
    import_table(store, table)
    with store.read() as session:
        people = dict(session.exec(select(Task.name, Task.responsible_person)).all())
        units = set(session.exec(select(Unit.name)).all())
    assert people["Rà soát danh mục thủ tục hành chính trực tuyến toàn trình"] == "đ/c Minh"
    assert people["Số hóa hồ sơ hộ tịch"] == "Đồng chí Lan"
    assert people["Tuyên truyền về chuyển đổi số"] is None
    assert not {"đ/c Minh", "Đồng chí Lan", "Đ/c Hùng"} & units


def test_the_responsible_person_goes_out_and_back_in_the_data_workbook(tmp_path: Path) -> None:
    path, _expected = samples.build_tasks_with_persons(tmp_path)
    plan = tmp_path / "plan.dxplan"
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["import", str(path), "--into", str(plan)], out, err) == 0, err.getvalue()
    assert cli.run(["export", str(plan), "--out", str(tmp_path / "all.xlsx")], out, err) == 0, err.getvalue()
    again = tmp_path / "again.dxplan"
    assert cli.run(["import", str(tmp_path / "all.xlsx"), "--into", str(again)], out, err) == 0, (
        err.getvalue()
    )
    store = open_plan_file(again)
    try:
        with store.read() as session:
            people = set(session.exec(select(Task.responsible_person)).all())
    finally:
        store.close()
    assert people == {"đ/c Minh", "Đồng chí Lan", "Đ/c Hùng", None}


def test_only_a_name_after_a_form_of_address_is_a_person() -> None:
    from dxplanner.core.persons import split_person

    assert split_person("đ/c Minh") == (None, "đ/c Minh")
    assert split_person("Sở Nội vụ, đ/c Nguyễn Văn Hùng") == ("Sở Nội vụ", "đ/c Nguyễn Văn Hùng")
    assert split_person("Phòng Tư pháp - Ông Tuấn (Trưởng phòng)") == (
        "Phòng Tư pháp",
        "Ông Tuấn (Trưởng phòng)",
    )
    for unit in ("UBND huyện Ba Tơ", "Bà Rịa - Vũng Tàu", "Sở Y tế tỉnh Bà Rịa - Vũng Tàu", "Phòng Văn hóa"):
        assert split_person(unit) == (unit, None)
    assert split_person("ông bà nhân dân trên địa bàn") == ("ông bà nhân dân trên địa bàn", None)


def test_a_data_workbook_written_before_these_fields_still_restores(demo_path: Path, tmp_path: Path) -> None:
    """A workbook exported by the release before schema 3 has no column for the new fields."""
    import openpyxl

    from dxplanner.core.models import IndicatorTarget

    exported = tmp_path / "all.xlsx"
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["export", str(demo_path), "--out", str(exported)], out, err) == 0, err.getvalue()
    book = openpyxl.load_workbook(exported)
    for sheet, heading in (
        ("tasks", "responsible_person"),
        ("indicators", "lead_unit_id"),
        ("indicator_targets", "scope"),
        ("indicator_targets", "comparison"),
        ("indicator_targets", "text"),
    ):
        column = next(cell.column for cell in book[sheet][1] if cell.value == heading)
        book[sheet].delete_cols(column)
    book.save(exported)
    again = tmp_path / "again.dxplan"
    status = cli.run(["import", str(exported), "--into", str(again)], out, err)
    assert status == 0, err.getvalue()
    store = open_plan_file(again)
    try:
        with store.read() as session:
            targets = session.exec(select(IndicatorTarget)).all()
    finally:
        store.close()
    assert targets and {(target.scope, target.comparison, target.text) for target in targets} == {
        ("", None, None)
    }
