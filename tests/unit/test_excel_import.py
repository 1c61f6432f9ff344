"""Importing real-looking Excel plan tables: what is read, task by task, and what bad files are told."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa
from sqlmodel import select

from dxplanner import cli
from dxplanner.core.enums import UnitKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import BudgetLine, Task, TaskUnit, Unit
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.excel.template import write_template
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.operations.tasks import create_task
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit import excel_bad_inputs as bad
from tests.unit import excel_samples as samples

SAMPLES = {name: getattr(samples, name) for name in dir(samples) if name.startswith("build_")}

# What each bad file is told: one message, in words a user can act on.
BAD_MESSAGES = {
    "old_xls": "old Excel 97-2003 workbook (.xls)",
    "old_xls_renamed": "old Excel 97-2003 workbook (.xls)",
    "csv_renamed": "is a text (CSV) file",
    "renamed_other": "is not an Excel workbook",
    "password_protected": "is protected with a password",
    "truncated": "is damaged or incomplete",
    "empty_sheet": "is empty",
    "no_header": "No plan table was found",
    "zip_bomb": "would unpack to more data than a plan workbook holds",
    "entity_attack": "contains XML declarations",
    "external_entity": "contains XML declarations",
}


def _import(arguments: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["import", *arguments], out, err)
    return status, out.getvalue(), err.getvalue()


def _count(store: PlanStore, model: type) -> int:
    with store.read() as session:
        return int(session.connection().execute(sa.select(sa.func.count()).select_from(model)).scalar_one())


@pytest.mark.parametrize("build", SAMPLES.values(), ids=SAMPLES.keys())
def test_each_kind_of_table_is_read_task_by_task(
    build: Callable[[Path], samples.Sample], tmp_path: Path
) -> None:
    sample = build(tmp_path)
    table = read_plan_table(sample.path)
    assert (table.sheet, table.header_rows[1]) == (sample.sheet, sample.header_row)
    assert table.errors == []
    read = {task["row"]: task for task in cast(list[dict[str, Any]], table.as_json()["tasks"])}
    assert sorted(read) == [task["row"] for task in sample.tasks]
    for expected in sample.tasks:
        got = read[expected["row"]]
        assert {key: got[key] for key in expected} == expected, f"row {expected['row']}"


@pytest.mark.parametrize(
    "kind", [kind for kind in bad.KINDS if kind.name in BAD_MESSAGES], ids=lambda k: k.name
)
def test_each_bad_file_gets_one_clear_message_and_changes_nothing(
    kind: bad.Kind, tmp_path: Path, demo_path: Path
) -> None:
    if kind.name == "zip_bomb":
        path = bad.build_zip_bomb(tmp_path, size=8 * 1024 * 1024)  # the same ratio, built at once
    else:
        path = kind.build(tmp_path)
    store = open_plan_file(demo_path)
    before = snapshot(store)
    store.close()
    tracemalloc.start()
    status, out, err = _import([str(path), "--into", str(demo_path)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and BAD_MESSAGES[kind.name] in err
    assert "Traceback" not in err
    assert peak < 64 * 1024 * 1024  # nothing was unpacked in full
    store = open_plan_file(demo_path)
    assert snapshot(store) == before
    store.close()


def test_the_full_size_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    path = bad.build_zip_bomb(tmp_path)  # a gigabyte declared, a megabyte on disk
    with pytest.raises(InvalidInputError, match="would unpack to more data"):
        read_plan_table(path)


@pytest.mark.parametrize("name", ["lying_dimensions", "lying_dimensions_small"])
def test_a_sheet_is_read_whatever_size_it_declares(name: str, tmp_path: Path) -> None:
    kind = next(kind for kind in bad.KINDS if kind.name == name)
    table = read_plan_table(kind.build(tmp_path))
    expected = 3 if name == "lying_dimensions" else 5
    assert len(table.tasks) == expected and table.errors == []
    assert all(len(table.headings) <= 4 for _task in table.tasks)


def test_import_into_a_new_file_creates_the_plan_and_its_units(tmp_path: Path) -> None:
    sample = samples.build_decision_appendix(tmp_path)
    target = tmp_path / "new.dxplan"
    status, out, err = _import([str(sample.path), "--into", str(target)])
    assert (status, err) == (0, "")
    assert "Imported 10 tasks in 2 groups" in out
    store = open_plan_file(target, read_only=True)
    try:
        with store.read() as session:
            connection = session.connection()
            task = sa.table(
                "task", sa.column("id"), sa.column("parent_id"), sa.column("code"), sa.column("name")
            )
            rows = connection.execute(sa.select(task.c.code, task.c.parent_id).order_by(task.c.id)).all()
            plans = connection.execute(sa.text('SELECT name, start, "end", unit_id FROM action_plan')).all()
            found = connection.execute(sa.text("SELECT name, parent_id, id FROM unit")).all()
            parents: dict[str, int | None] = {row[0]: row[1] for row in found}
            ids: dict[str, int] = {row[0]: row[2] for row in found}
            units = set(parents)
        assert [code for code, _parent in rows][:3] == ["I", "1", "2"]
        assert rows[0][1] is None and rows[1][1] is not None
        # The title and the agency, in capitals at the table's top, are named as lists name them.
        assert len(plans) == 1 and plans[0][0] == "Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2025"
        assert {"Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông", "Các sở, ban, ngành"} <= units
        # The province owns the plan, and the units the table named sit under it, not beside it.
        province = ids["UBND tỉnh Quảng Ngãi"]
        assert plans[0][3] == province and parents["UBND tỉnh Quảng Ngãi"] is None
        assert {name for name, parent in parents.items() if parent is None} == {"UBND tỉnh Quảng Ngãi"}
        assert _count(store, BudgetLine) == sum(
            len(cast(list[object], task["budget"])) for task in sample.tasks if "budget" in task
        )
        assert _count(store, TaskUnit) > 0
    finally:
        store.close()


def test_a_dry_run_prints_the_json_and_writes_nothing(tmp_path: Path) -> None:
    sample = samples.build_english_headings(tmp_path)
    target = tmp_path / "never.dxplan"
    status, out, _err = _import([str(sample.path), "--into", str(target), "--dry-run", "--json"])
    document = json.loads(out)
    assert status == 0 and not target.exists()
    assert set(document) == {"tasks", "errors", "warnings", "summary"}
    first = document["tasks"][0]
    assert set(first) >= {
        "row",
        "code",
        "name",
        "kind",
        "parent_code",
        "level",
        "lead_unit",
        "cooperating_units",
        "start",
        "end",
        "timeline_text",
        "product",
        "budget",
    }
    assert first["kind"] == "group" and document["tasks"][1]["parent_code"] == first["code"]
    assert all(isinstance(line["amount"], int) for task in document["tasks"] for line in task["budget"])


def test_import_into_a_plan_adds_after_its_tasks_and_undoes_as_one_step(
    tmp_path: Path, demo_store: PlanStore
) -> None:
    sample = samples.build_nested_numbering(tmp_path)
    before = snapshot(demo_store)
    tasks_before = _count(demo_store, Task)
    table = read_plan_table(sample.path)
    match_units(demo_store, table)
    outcome = import_table(demo_store, table, plan_id=6)
    assert _count(demo_store, Task) == tasks_before + len(sample.tasks)
    with demo_store.read() as session:
        top = (
            session.connection()
            .execute(
                sa.text("SELECT name FROM task WHERE plan_id = 6 AND parent_id IS NULL ORDER BY position")
            )
            .all()
        )
    assert top[-1][0] == next(task["name"] for task in reversed(sample.tasks) if task["level"] == 0)
    assert outcome.plan_id == 6
    after = snapshot(demo_store)
    # The bulk insert keeps no redo of its own: undoing records it, exactly.
    redo = demo_store.replay(demo_store.last_journal.undo)
    assert snapshot(demo_store) == before
    undo = demo_store.replay(redo)
    assert snapshot(demo_store) == after
    demo_store.replay(undo)
    assert snapshot(demo_store) == before


def test_a_task_added_after_an_import_takes_the_next_id(tmp_path: Path, demo_plan_store: PlanStore) -> None:
    # The import writes its tasks with ids of its own; a server's counter must follow them.
    table = read_plan_table(samples.build_nested_numbering(tmp_path).path)
    match_units(demo_plan_store, table)
    import_table(demo_plan_store, table, plan_id=6)
    with demo_plan_store.read() as session:
        largest = session.exec(select(sa.func.max(Task.id))).one()
    assert largest is not None
    made = create_task(demo_plan_store, plan_id=6, name="Nhiệm vụ thêm sau khi nhập")
    assert made.id == largest + 1


def test_units_are_matched_by_abbreviation_and_similar_names(tmp_path: Path, store: PlanStore) -> None:
    sample = samples.build_spills_and_totals(tmp_path)
    table = read_plan_table(sample.path)
    with store.write() as session:
        session.add(Unit(code="STTTT-QN", name="Sở Thông tin và Truyền thông", kind=UnitKind.DEPARTMENT))
        session.add(Unit(code="STC-QN", name="Sở Tài chánh", kind=UnitKind.DEPARTMENT))  # a typo in the file
        session.add(Unit(code="BTC", name="Bộ Tài chính", kind=UnitKind.MINISTRY))  # alike, but not a Sở
    match_units(store, table)
    assert table.units["Sở TT&TT"].how.value == "abbreviation"
    assert table.units["Sở Tài chính"].how.value == "fuzzy"
    assert table.units["Sở Tài chính"].unit_name == "Sở Tài chánh"
    assert table.units["Các sở, ban, ngành"].unit_id is None  # proposed as a new unit
    assert any("is taken to be the unit" in warning.message for warning in table.warnings)


def test_a_table_with_errors_imports_nothing(tmp_path: Path, demo_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Bắt đầu", "Kết thúc", "Kinh phí (triệu đồng)"])
    sheet.append([1, "Triển khai", "Sở Nội vụ", "01/02/2025", "không rõ", "12"])
    sheet.append([2, "Nâng cấp", "Sở Nội vụ", "01/06/2025", "31/06/2025", "100"])  # June has 30 days
    path = tmp_path / "errors.xlsx"
    book.save(path)
    store = open_plan_file(demo_path)
    before = snapshot(store)
    store.close()
    status, _out, err = _import([str(path), "--into", str(demo_path)])
    assert status == 1
    assert "Row 2, column E: “không rõ” is not a date." in err and "Row 3, column E" in err
    store = open_plan_file(demo_path)
    assert snapshot(store) == before
    store.close()


def test_our_template_reads_back_every_column(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "template.xlsx"
    write_template(path)
    book = load_workbook(path)
    sheet = book["Kế hoạch"]
    sheet.append(["I", "Hạ tầng số"])
    sheet.append(
        [
            1,
            "Nâng cấp mạng",
            "Sở TT&TT",
            "Sở Tài chính; Sở Nội vụ",
            "Quý II/2025",
            "Mạng mới",
            "1.200",
            300,
            None,
            None,
            "50,5",
            "ưu tiên",
        ]
    )
    book.save(path)
    table = read_plan_table(path)
    assert table.errors == [] and table.header_rows == (6, 7)
    assert len(set(table.columns.values())) == 12
    task = table.tasks[1]
    assert (task.parent_code, task.lead_unit, task.cooperating_units) == (
        "I",
        "Sở TT&TT",
        ["Sở Tài chính", "Sở Nội vụ"],
    )
    assert sorted(amount.amount for amount in task.budget) == [50_500_000, 300_000_000, 1_200_000_000]


def test_a_name_several_units_go_by_is_left_for_the_user_to_choose(
    tmp_path: Path, demo_store: PlanStore
) -> None:
    table = read_plan_table(samples.build_spills_and_totals(tmp_path).path)
    match_units(demo_store, table)  # the demo has a "Sở TT&TT" in each of five provinces
    match = table.units["Sở TT&TT"]
    assert match.unit_id is None and len(match.candidates) == 5
    assert any("5 units go by “Sở TT&TT”" in warning.message for warning in table.warnings)


def test_a_name_the_provinces_share_is_taken_as_the_tables_own_province(
    tmp_path: Path, demo_store: PlanStore
) -> None:
    table = read_plan_table(samples.build_decision_appendix(tmp_path).path)
    assert table.agency == "UBND TỈNH QUẢNG NGÃI"
    match_units(demo_store, table)
    match = table.units["Sở Thông tin và Truyền thông"]
    assert match.unit_name == "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi"


def test_a_ministrys_new_units_go_under_it_but_the_provinces_it_names_do_not(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["BỘ NỘI VỤ"])
    sheet.append(["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2027"])
    sheet.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"])
    sheet.append([1, "Số hóa hồ sơ cán bộ", "Vụ Tiền lương", "UBND tỉnh Nam Định", "Quý II/2027"])
    sheet.append([2, "Cơ sở dữ liệu tổ chức hành chính", "Cục Văn thư và Lưu trữ nhà nước", None, "2027"])
    workbook = tmp_path / "bo-noi-vu.xlsx"
    book.save(workbook)
    target = tmp_path / "new.dxplan"
    status, _out, err = _import([str(workbook), "--into", str(target)])
    assert (status, err) == (0, "")
    store = open_plan_file(target, read_only=True)
    try:
        with store.read() as session:
            rows = session.connection().execute(sa.text("SELECT id, name, parent_id FROM unit")).all()
    finally:
        store.close()
    ids = {name: unit_id for unit_id, name, _parent in rows}
    parents = {name: parent for _id, name, parent in rows}
    ministry = ids["Bộ Nội vụ"]
    assert parents == {
        "Bộ Nội vụ": None,
        "Vụ Tiền lương": ministry,
        "Cục Văn thư và Lưu trữ nhà nước": ministry,
        "UBND tỉnh Nam Định": None,  # a province is no ministry's unit
    }
