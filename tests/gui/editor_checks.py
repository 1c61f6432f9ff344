"""What the window shows, checked against the plan file read afresh: the sheet, its totals, the chart."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dxplanner.core.gantt_bar import GanttBar
from dxplanner.core.models import BudgetLine, Dependency, Task
from dxplanner.core.rollup import has_own_work
from dxplanner.core.task_numbers import NumberedTask, task_numbers
from dxplanner.labels import label
from dxplanner.numbers import decimal_text, whole_text
from dxplanner.store import queries
from dxplanner.store.chart_rows import plan_chart
from dxplanner.store.plan_store import PlanStore
from dxplanner.ui.gantt.rows import bar_of
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn, TaskSheetModel


@dataclass(frozen=True)
class FileView:
    """One plan as the file holds it now, read with the store's own queries (not the sheet's cache)."""

    chart: list[GanttBar]  # the engine's rows: roll-ups and standing, parents first
    rows: dict[int, queries.SheetRow]
    parents: dict[int, int | None]
    money: dict[int, int]  # planned đồng of each task's own budget lines
    critical: frozenset[int]
    numbers: dict[int, str]  # the number each task shows: its own code, else its place's
    work: frozenset[int]  # what counts as a task: leaves, and groups with work of their own


def read_plan(store: PlanStore, plan_id: int, today: datetime.date, critical: bool) -> FileView:
    """Read a plan afresh: the engine's chart, every task's own values and its own money."""
    with store.read() as session:
        chart = plan_chart(session, plan_id, today, critical=critical)
        ids = [bar.task_id for bar in chart.bars]
        rows = queries.sheet_rows(session, ids)
        task, line = queries.table(Task), queries.table(BudgetLine)
        parents = dict(
            session.connection()
            .execute(sa.select(task.c.id, task.c.parent_id).where(task.c.plan_id == plan_id))
            .all()
        )
        money = dict(
            session.connection()
            .execute(
                sa.select(line.c.task_id, sa.func.sum(line.c.planned))
                .select_from(line.join(task, task.c.id == line.c.task_id))
                .where(task.c.plan_id == plan_id)
                .group_by(line.c.task_id)
            )
            .all()
        )
        nodes = queries.outline_nodes(session, [plan_id])
        codes = queries.task_codes(session, plan_id)
    has_kids = {parent for parent in parents.values() if parent is not None}
    numbers = task_numbers(
        NumberedTask(node.id, node.parent_id, node.position, codes.get(node.id)) for node in nodes
    )
    work = frozenset(node.id for node in nodes if node.id not in has_kids or has_own_work(node))
    return FileView(
        chart.bars,
        rows,
        parents,
        {key: int(value) for key, value in money.items()},
        chart.critical,
        numbers,
        work,
    )


def _date(value: datetime.date | None, form: str) -> str:
    return "" if value is None else value.strftime(form)


def _money_text(total: int) -> str:
    return whole_text(total / 1_000_000) if total else ""


def _totals(view: FileView) -> dict[int, int]:
    """What each task's budget cell must show: its own lines and every line below it."""
    children: dict[int | None, list[int]] = {}
    for task_id, parent in view.parents.items():
        children.setdefault(parent, []).append(task_id)

    def below(task_id: int) -> int:
        return view.money.get(task_id, 0) + sum(below(kid) for kid in children.get(task_id, []))

    return {task_id: below(task_id) for task_id in view.parents}


def check_sheet(window: MainWindow, today: datetime.date) -> FileView | None:
    """Every cell the sheet shows equals the file: names, dates, numbers, roll-ups, budgets, counts."""
    editor = window.editor
    if editor is None or editor.sheet.plan_id is None:
        return None
    assert window.store is not None
    sheet, model, plan_id = editor.sheet, editor.sheet.model, editor.sheet.plan_id
    chart_shown = sheet.chart_shown() and sheet.gantt.show_critical
    view = read_plan(window.store, plan_id, today, critical=chart_shown)
    order = [bar.task_id for bar in view.chart]
    assert model.reading_order() == order, "the sheet's rows are not the plan's tasks in the file's order"
    form = model.date_format
    totals = _totals(view)
    mismatches = []
    for bar in view.chart:
        task_id, row = bar.task_id, view.rows[bar.task_id]
        assert model.parent_of(task_id) == view.parents[task_id], f"task {task_id} is under the wrong row"
        index = model.index_of(task_id)
        assert index.isValid() and model.task_id(index.parent()) == view.parents[task_id]
        expected = {
            SheetColumn.CODE: view.numbers.get(task_id, ""),
            SheetColumn.NAME: row.name,
            SheetColumn.KIND: label(row.kind),
            SheetColumn.LEAD: row.lead_unit or "",
            SheetColumn.COOPERATING: row.cooperating,
            SheetColumn.TIMELINE: row.timeline_text or "",
            SheetColumn.START: _date(bar.start, form),
            SheetColumn.END: _date(bar.end, form),
            # A group's figure rounded; a task's own as stored, to a tenth (12,5% typed shows 12,5%).
            SheetColumn.PROGRESS: (
                f"{bar.progress:.0f}%" if bar.is_group else f"{decimal_text(round(bar.progress, 1))}%"
            ),
            SheetColumn.STATUS: label(bar.health) if bar.health is not None else label(row.status),
            SheetColumn.PRODUCT: row.product or "",
            SheetColumn.BUDGET: _money_text(totals[task_id]),
            SheetColumn.NOTES: row.notes or "",
        }
        for column, wanted in expected.items():
            shown = model.data(index.siblingAtColumn(column), Qt.ItemDataRole.DisplayRole) or ""
            if shown != wanted:
                mismatches.append(
                    f"task {task_id} {column.name}: the sheet shows {shown!r}, the file {wanted!r}"
                )
    assert not mismatches, "\n".join(mismatches[:20])
    leaves = [bar for bar in view.chart if bar.task_id in view.work]
    late = sum(1 for bar in leaves if bar.health is not None and bar.health.value == "late")
    assert model.counts() == (len(leaves), late), "the task counts in the status bar are wrong"
    return view


def check_chart(window: MainWindow, view: FileView | None) -> None:
    """The Gantt chart beside the sheet draws the engine's bars, links and critical path."""
    editor = window.editor
    if editor is None or view is None or not editor.sheet.chart_shown():
        return
    gantt = editor.sheet.gantt
    model: TaskSheetModel = editor.sheet.model
    for bar in view.chart:
        drawn = bar_of(model, bar.task_id)
        assert drawn is not None, f"task {bar.task_id} has no bar"
        assert (drawn.start, drawn.end, drawn.is_group, drawn.health) == (
            bar.start,
            bar.end,
            bar.is_group,
            bar.health,
        ), f"task {bar.task_id}: the chart draws {drawn}, the engine {bar}"
        assert abs(drawn.progress - bar.progress) < 1e-9
    # Links are drawn between the rows shown: a task in a closed group is drawn on the group's row.
    order = gantt.rows.order()
    row_of = {task_id: row for row, task_id in enumerate(order)}

    def shown_row(task_id: int) -> int:
        current: int | None = task_id
        while current is not None and current not in row_of:
            current = view.parents.get(current)
        assert current is not None, f"task {task_id} is on no row of the chart"
        return row_of[current]

    assert window.store is not None and model.plan_id is not None
    with window.store.read() as session:
        links = queries.plan_links(session, [model.plan_id])
    # A link from another plan's task is not drawn: only its successor is in this plan.
    inside = [link for link in links if link.predecessor in view.parents and link.successor in view.parents]
    wanted = {(shown_row(link.predecessor), shown_row(link.successor), link.type.value) for link in inside}
    wanted = {(a, b, kind) for a, b, kind in wanted if a != b}
    arrows = {(a, b, link.type.value) for link, a, b in gantt.rows.links_across(0, max(0, len(order) - 1))}
    assert arrows == wanted, f"the chart's links differ from the file's by {sorted(arrows ^ wanted)}"
    if gantt.show_critical:
        gantt.repaint()  # the critical path is worked out again at the next paint
        QApplication.processEvents()
        assert gantt.critical == view.critical, (
            f"the chart marks {sorted(gantt.critical)} critical, the engine {sorted(view.critical)}"
        )


def check_details(window: MainWindow) -> None:
    """The details beside the sheet show the current task as the file holds it: fields, links, money."""
    editor = window.editor
    panel = editor._details if editor is not None else None  # only once built: checking must not build it
    if editor is None or panel is None or editor.sheet.plan_id is None:
        return
    assert window.store is not None
    current = editor.sheet.current_task()
    assert panel.task.record_id == current, f"the details show task {panel.task.record_id}, not {current}"
    assert panel.plan.record_id == editor.sheet.plan_id, "the details show another plan"
    if current is None:
        return
    with window.store.read() as session:
        record = queries.record(session, Task, current)
        before = queries.records(session, Dependency, queries.column(Dependency, "successor_id") == current)
        money = queries.records(session, BudgetLine, queries.column(BudgetLine, "task_id") == current)
    assert record is not None
    heading = f"{record['code'] or ''} {record['name']}".strip()
    assert panel.task.heading.text() == heading, f"the details are headed {panel.task.heading.text()!r}"
    for name, field in panel.task.fields.items():
        shown = field.value()
        assert shown == record[name], f"the details show {name} {shown!r}, the file {record[name]!r}"
    links, budget = panel.task.record_tables[:2]
    assert links.table.rowCount() == len(before), "the details list other links than the file's"
    assert budget.table.rowCount() == len(money), "the details list other budget lines than the file's"
