"""The task sheet (and the Gantt chart beside it) shows every task as the one plan projection does."""

from __future__ import annotations

import datetime

import pytest
from pytestqt.qtbot import QtBot

from dxplanner.core.projection import PlanProjection
from dxplanner.labels import label
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.operations.tasks import update_task
from dxplanner.store.plan_store import PlanStore
from dxplanner.ui.gantt.rows import bar_of
from dxplanner.ui.session import DataChange
from dxplanner.ui.sheet_model import SheetColumn, TaskSheetModel
from tests.unit.plan_agreement import build_plan, check_chart, expected, project

pytestmark = pytest.mark.gui

D = datetime.date
DEMO_PLAN = 6
TODAY = D(2026, 11, 20)


def _sheet(store: PlanStore, plan_id: int, today: datetime.date) -> TaskSheetModel:
    model = TaskSheetModel(today=lambda: today)
    model.load(store, plan_id)
    return model


def _agrees(model: TaskSheetModel, projection: PlanProjection) -> None:
    """Every row of the sheet, and its bar on the chart beside it, as the projection has the task."""
    assert model.reading_order() == projection.order()
    shown, wanted = {}, {}
    for task in projection:
        rolled = model.rolled(task.id)
        assert rolled is not None
        shown[task.id] = (
            model.number(task.id),
            model.parent_of(task.id),
            rolled.start,
            rolled.end,
            rolled.progress,
            model.health(task.id),
            model.has_children(task.id),
            model.counts_as_task(task.id),
        )
        wanted[task.id] = (
            task.number,
            task.parent,
            task.start,
            task.end,
            task.progress,
            task.health,
            task.has_children,
            task.counts_as_task,
        )
        # What a person reads in the cells.
        texts = [model.data(model.index_of(task.id, column)) for column in
                 (SheetColumn.CODE, SheetColumn.PROGRESS, SheetColumn.STATUS, SheetColumn.END)]  # fmt: skip
        end = task.end.strftime(model.date_format) if task.end else ""
        assert texts == [task.number, f"{task.progress:.0f}%", label(task.health), end], task.id
        bar = bar_of(model, task.id)
        assert bar is not None
        assert (bar.code, bar.start, bar.end, bar.progress, bar.health) == expected(task)[:1] + expected(
            task
        )[2:]
    assert shown == wanted, {key: (shown[key], wanted[key]) for key in shown if shown[key] != wanted[key]}
    late = [task for task in projection.work() if task.health.value == "late"]
    assert model.counts() == (len(projection.work()), len(late))


def test_the_demo_plan_reads_the_same_in_the_sheet_as_in_every_other_view(
    qtbot: QtBot, demo_store: PlanStore
) -> None:
    model = _sheet(demo_store, DEMO_PLAN, TODAY)
    _agrees(model, project(demo_store, DEMO_PLAN, TODAY, TODAY))
    check_chart(demo_store, DEMO_PLAN, TODAY)


def test_a_plan_weighed_by_money_reads_the_same_in_the_sheet_after_edits(
    qtbot: QtBot, store: PlanStore
) -> None:
    built = build_plan(store)
    model = _sheet(store, built.plan, built.today)
    _agrees(model, project(store, built.plan, built.today, built.today))
    # An edit refreshes only the rows it touches; the figures are those of the plan projected anew.
    below = model.children_shown(built.project)
    update_task(store, below[-1], progress=90, code="1.b")
    model.refresh(DataChange.of(store.last_journal))
    _agrees(model, project(store, built.plan, built.today, built.today))
    # Money weighs the plan's tasks: a budget line changes the roll-ups above it.
    add_budget_line(store, built.project, source="central_budget", year=2025, planned=50_000_000_000)
    model.refresh(DataChange.of(store.last_journal))
    _agrees(model, project(store, built.plan, built.today, built.today))
    check_chart(store, built.plan, built.today)
