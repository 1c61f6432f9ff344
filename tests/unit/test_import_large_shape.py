"""An import of the benchmark's appendix writes exactly the rows its cells say, worked out here by hand."""

from __future__ import annotations

import sqlite3
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from tests.unit.excel_samples import large_plan_rows, write_large_plan

TASKS = 600  # 500 groups as in the benchmark, most with one task, some with two
MILLION = 1_000_000
# What each timeline of the generator means (start, end); a deadline alone starts with the plan.
WHEN = {
    "Tháng 6/2025": ("2025-06-01", "2025-06-30"),
    "Tháng 9/2025": ("2025-09-01", "2025-09-30"),
    "Tháng 10/2025": ("2025-10-01", "2025-10-31"),
    "6 tháng đầu năm 2025": ("2025-01-01", "2025-06-30"),
    "6 tháng cuối năm 2025": ("2025-07-01", "2025-12-31"),
    "6 tháng cuối năm 2026": ("2026-07-01", "2026-12-31"),
    "Năm 2025": ("2025-01-01", "2025-12-31"),
    "Năm 2026": ("2026-01-01", "2026-12-31"),
    "2025": ("2025-01-01", "2025-12-31"),
    "2026": ("2026-01-01", "2026-12-31"),
    "2025-2026": ("2025-01-01", "2026-12-31"),
    "2025 – 2026": ("2025-01-01", "2026-12-31"),
    "Trước 30/9/2025": ("2025-01-01", "2025-09-30"),
    "Thường xuyên": (None, None),
}
# The money columns G, H, I: central budget, local budget, other sources.
SOURCES = ("central_budget", "local_budget", "other")
AGENCY = "UBND tỉnh Quảng Ngãi"  # "UBND TỈNH QUẢNG NGÃI" at the top left, as lists write it
# Units at the top of the tree: the province and the central government's bodies; the rest go under it.
TOP = {AGENCY, "Bộ Thông tin và Truyền thông", "Văn phòng Chính phủ", "Bộ Công an", "Bộ Nội vụ",
       "Bộ Chỉ huy Quân sự tỉnh"}  # fmt: skip


def _amount(value: object) -> int | None:
    """Triệu đồng to đồng: a number, or Vietnamese text ("1.250,5")."""
    if value is None:
        return None
    if isinstance(value, str):
        value = Decimal(value.replace(".", "").replace(",", "."))
    assert isinstance(value, int | Decimal)
    return int(value * MILLION)


def _expected() -> tuple[list[tuple[object, ...]], set[tuple[object, ...]], Counter[tuple[object, ...]]]:
    """Tasks (in order), cooperation links and budget lines that the generator's rows say."""
    tasks: list[tuple[object, ...]] = []
    cooperation: set[tuple[object, ...]] = set()
    budget: Counter[tuple[object, ...]] = Counter()
    group = -1
    in_group = 0
    for row in large_plan_rows(TASKS):
        if isinstance(row[0], str):  # a group: its roman number and its title
            group += 1
            in_group = 0
            tasks.append((row[0], row[1], "group", None, group, None, None, None, None, None, None))
            continue
        number, name, lead, helpers, timeline, product, *money, note = row
        start, end = WHEN[str(timeline)]
        group_row = next(index for index in range(len(tasks) - 1, -1, -1) if tasks[index][2] == "group")
        task_index = len(tasks)
        tasks.append(
            (str(number), name, "task", group_row, in_group, lead, product, timeline, start, end, note)
        )
        in_group += 1
        for helper in str(helpers or "").replace("\n", "; ").split("; "):
            if helper and helper != lead:
                cooperation.add((task_index, helper))
        year = int((start or end or "2025")[:4])
        for source, value in zip(SOURCES, money, strict=True):
            if (amount := _amount(value)) is not None:
                budget[task_index, source, year, amount] += 1
    return tasks, cooperation, budget


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new plan file with the benchmark's appendix (600 tasks) imported into it."""
    folder = tmp_path_factory.mktemp("large")
    workbook, target = folder / "plan.xlsx", folder / "plan.dxplan"
    write_large_plan(workbook, TASKS)
    create_plan_file(target)
    store = open_plan_file(target)
    try:
        table = read_plan_table(workbook)
        match_units(store, table)
        import_table(store, table)
    finally:
        store.close()
    return target


def _rows(path: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_every_task_is_written_in_order_with_its_parent_lead_dates_and_texts(imported: Path) -> None:
    tasks, _cooperation, _budget = _expected()
    rows = _rows(
        imported,
        "SELECT task.id, task.code, task.name, task.kind, task.parent_id, task.position, unit.name, "
        "task.product, task.timeline_text, task.planned_start, task.planned_end, task.notes, "
        "task.progress, task.status FROM task LEFT JOIN unit ON unit.id = task.lead_unit_id ORDER BY task.id",
    )
    ids = [row[0] for row in rows]
    written = [
        (code, name, kind, None if parent is None else ids.index(parent), *rest[:7])
        for _id, code, name, kind, parent, *rest in rows
    ]
    assert written == tasks
    assert {(row[-2], row[-1]) for row in rows} == {(0.0, "not_started")}


def test_cooperating_units_and_budget_lines_are_those_the_cells_name(imported: Path) -> None:
    _tasks, cooperation, budget = _expected()
    ids = [row[0] for row in _rows(imported, "SELECT id FROM task ORDER BY id")]
    links = _rows(
        imported,
        "SELECT task_unit.task_id, unit.name, task_unit.role FROM task_unit JOIN unit ON unit.id = unit_id",
    )
    assert {(ids.index(task), name) for task, name, _role in links} == cooperation
    assert len(links) == len(cooperation)
    assert {role for _task, _name, role in links} == {"cooperating"}
    lines = _rows(imported, "SELECT task_id, source, year, planned, allocated, disbursed FROM budget_line")
    assert Counter((ids.index(task), *rest[:3]) for task, *rest in lines) == budget
    assert {tuple(rest[3:]) for _task, *rest in lines} == {(0, 0)}


def test_the_units_named_are_made_once_each_under_the_province(imported: Path) -> None:
    tasks, cooperation, _budget = _expected()
    named = {task[5] for task in tasks if task[5]} | {helper for _task, helper in cooperation} | {AGENCY}
    units = _rows(
        imported,
        "SELECT unit.name, parent.name FROM unit LEFT JOIN unit AS parent ON parent.id = unit.parent_id",
    )
    names = [str(name) for name, _parent in units]
    assert sorted(names) == sorted(str(name) for name in named)  # each unit once
    assert {str(name): parent for name, parent in units} == {
        str(name): None if name in TOP else AGENCY for name in named
    }
    plan = _rows(imported, "SELECT plan.name, unit.name, plan.start, plan.end FROM action_plan AS plan "
                 "JOIN unit ON unit.id = plan.unit_id")  # fmt: skip
    assert plan == [("Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2025", AGENCY, "2025-01-01", "2026-12-31")]
