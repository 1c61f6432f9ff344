"""Structural edits in the sheet keep a project's numbers, and the sheet agrees with the other views."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import TaskStatus
from dxplanner.core.report import StatusGroup
from dxplanner.store.operations.plans import update_plan
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.progress_dialog import ProgressAnswer
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.gui.conftest import TODAY, Answers
from tests.gui.keys import type_into_editor
from tests.unit.projections import projection

pytestmark = pytest.mark.gui

PLAN = 6
GROUP_II = 358
PROJECT = 360  # 35%, 25 billion đồng of its own, 01/01/2026 - 31/12/2027
BUILT_IN_PARTS = 376  # 85% of its own, and three sub-tasks (100%, 100%, 55%)
VNEID = 362  # group II's task 4: 75%, no budget lines

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _sheet(window: MainWindow, demo_path: Path) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.view.setFocus()
    return sheet


def _shown(sheet: TaskSheet, task_id: int) -> tuple[str, str, str]:
    """The project's progress, status and budget as the sheet prints them."""
    model = sheet.model
    return tuple(
        model.data(model.index_of(task_id, column))
        for column in (SheetColumn.PROGRESS, SheetColumn.STATUS, SheetColumn.BUDGET)
    )


def _money(text: str) -> int:
    """Millions of đồng as the sheet prints them, in đồng."""
    return int(text.replace(",", "") or 0) * 1_000_000


def _agrees_with_the_other_views(window: MainWindow, sheet: TaskSheet) -> None:
    """Every row of the sheet shows what the chart, the report and the dashboard show."""
    assert window.store is not None
    seen = projection(window.store, PLAN)
    model = sheet.model
    assert set(model.reading_order()) == set(seen.tasks)
    for task_id, figures in seen.tasks.items():
        rolled = model.rolled(task_id)
        assert rolled is not None
        assert (round(rolled.progress), model.health(task_id), rolled.start, rolled.end) == (
            figures.progress,
            figures.health,
            figures.start,
            figures.end,
        ), task_id
    # The status bar counts the tasks the report's summary and the dashboard count.
    assert model.counts() == (sum(seen.counts.values()), seen.counts[StatusGroup.LATE])
    # No money is lost from the sheet's totals: its top rows hold every đồng the report counts.
    tops = model.children_shown(None)
    assert sum(_money(model.data(model.index_of(top, SheetColumn.BUDGET))) for top in tops) == seen.money
    sheet.show_chart()
    gantt = sheet.gantt
    gantt.set_critical(True)
    assert gantt.critical == seen.critical
    gantt.set_critical(False)


def test_a_task_indented_into_a_project_keeps_its_numbers_through_undo_redo_and_outdent(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    as_shipped = _shown(sheet, PROJECT)
    assert as_shipped == ("35%", "On track", "25,000")
    group_total = _shown(sheet, GROUP_II)[2]
    _agrees_with_the_other_views(window, sheet)

    # Insert on the project's row, name the new task, and indent it into the project.
    sheet.select_task(PROJECT)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Insert)
    type_into_editor(qtbot, "Khảo sát hiện trạng")
    added = sheet.current_task()
    assert added is not None and sheet.model.parent_of(added) == GROUP_II
    qtbot.keyClick(sheet.view, Qt.Key.Key_Right, CTRL_SHIFT)
    assert sheet.model.parent_of(added) == PROJECT
    # The project still shows its own 35% and its own 25 billion; its group lost no money.
    assert _shown(sheet, PROJECT) == as_shipped
    assert _shown(sheet, GROUP_II)[2] == group_total
    # The sheet says what the project's figure is made of.
    tip = sheet.model.data(sheet.model.index_of(PROJECT, SheetColumn.PROGRESS), Qt.ItemDataRole.ToolTipRole)
    assert tip == "35%: its own 35% and its sub-tasks' work together"
    _agrees_with_the_other_views(window, sheet)

    for keys in ((Qt.Key.Key_Z, CTRL), (Qt.Key.Key_Y, CTRL)):
        sheet.view.setFocus()
        qtbot.keyClick(sheet.view, *keys)
        QApplication.processEvents()
        assert _shown(sheet, PROJECT) == as_shipped
        assert _shown(sheet, GROUP_II)[2] == group_total
        _agrees_with_the_other_views(window, sheet)
    assert sheet.model.parent_of(added) == PROJECT

    sheet.select_task(added)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Left, CTRL_SHIFT)
    assert sheet.model.parent_of(added) == GROUP_II
    assert _shown(sheet, PROJECT) == as_shipped
    _agrees_with_the_other_views(window, sheet)
    assert messages == []


def test_progress_reported_on_a_task_built_in_parts_reaches_its_own_share_too(
    window: MainWindow, demo_path: Path, answers: Answers
) -> None:
    sheet = _sheet(window, demo_path)
    model = sheet.model
    assert _shown(sheet, BUILT_IN_PARTS)[0] == "85%"
    sheet.select_task(BUILT_IN_PARTS)
    answers.progress = ProgressAnswer(TODAY, 90, TaskStatus.IN_PROGRESS, "Đã nghiệm thu giai đoạn 2")
    sheet.actions_by_name["report"].trigger()
    assert answers.questions == ["progress of 4"]  # the task's own work and its three sub-tasks
    # Every part of it now stands at 90%, so the task as a whole does.
    assert _shown(sheet, BUILT_IN_PARTS)[0] == "90%"
    node = model.node(BUILT_IN_PARTS)
    assert node is not None and node.progress == 90


def test_a_plan_weighed_by_money_rolls_up_again_when_a_budget_line_is_added(
    window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    session = window.session
    assert session is not None
    session.run("weigh by money", lambda store: update_plan(store, PLAN, progress_weight="budget"))
    _agrees_with_the_other_views(window, sheet)
    before = sheet.model.rolled(GROUP_II)
    # 100 billion đồng for the VNeID task (75%, no money so far): it now weighs in group II.
    session.run(
        "add money",
        lambda store: add_budget_line(
            store, VNEID, source="central_budget", year=2026, planned=100_000_000_000
        ),
    )
    after = sheet.model.rolled(GROUP_II)
    assert before is not None and after is not None and after.progress != before.progress
    _agrees_with_the_other_views(window, sheet)


@pytest.mark.parametrize(
    ("chosen", "undo_text"),
    [((BUILT_IN_PARTS,), "Undo Delete 4 tasks"), ((VNEID,), "Undo Delete 1 task")],
)
def test_the_undo_of_a_deletion_counts_every_task_deleted(
    window: MainWindow, demo_path: Path, answers: Answers, chosen: tuple[int, ...], undo_text: str
) -> None:
    """A task with three sub-tasks deleted is four tasks to take back, not "1 task"."""
    sheet = _sheet(window, demo_path)
    answers.confirm = True
    for task_id in chosen:
        sheet.select_task(task_id)
    sheet.delete_selected()
    assert window.session is not None
    assert window.session.undo_stack.undoText() == undo_text.removeprefix("Undo ")
