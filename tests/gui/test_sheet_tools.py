"""Finding and filtering tasks, baselines and slippage, copying rows, and the language of the window."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from dxplanner.core.models import Task
from dxplanner.core.rollup import has_own_work
from dxplanner.core.status import Health
from dxplanner.core.text import fold
from dxplanner.paths import AppPaths
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.app_settings import SettingsDialog
from dxplanner.ui.date_line import DateLine
from dxplanner.ui.gui import Windows, create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.conftest import Answers
from tests.gui.keys import open_editor

pytestmark = pytest.mark.gui

PLAN_2026 = 6
DECREE_ON_DIGITAL_SERVICES = 353  # 01/07/2026 - 30/09/2026, 75%: late on 20/11/2026
DIGITAL_STAFF_TRAINING = 410  # "Đào tạo cán bộ chuyên trách chuyển đổi số cấp xã"
DTI_ASSESSMENT = 411  # "Đánh giá chỉ số chuyển đổi số (DTI) năm 2025"
DIGITAL_DAY = 414  # "Tổ chức Ngày Chuyển đổi số quốc gia năm 2026"
CORE_DATA_LIST = 354  # 01/01/2026 - 31/03/2026


def _sheet(window: MainWindow, demo_path: Path) -> TaskSheet:
    assert window.open_file(demo_path)
    assert window.editor is not None and window.editor.sheet.plan_id == PLAN_2026
    return window.editor.sheet


def _shown_tasks(sheet: TaskSheet) -> set[int]:
    """The tasks the sheet shows now: not plain groups, but groups with work of their own (issue 15)."""
    model = sheet.model
    return {
        task_id
        for task_id in model.reading_order()
        if model.index_of(task_id).isValid()
        and (not model.has_children(task_id) or has_own_work(model.node(task_id)))  # type: ignore[arg-type]
    }


def _plan_tasks(window: MainWindow) -> list[Task]:
    assert window.store is not None
    with window.store.read() as session:
        return list(session.exec(select(Task).where(Task.plan_id == PLAN_2026)).all())


def test_the_search_box_ignores_accents_and_the_filters_narrow_the_sheet(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet = _sheet(window, demo_path)
    everything = _shown_tasks(sheet)
    assert window._counts_label.text().startswith(f"{len(everything)} tasks shown")

    sheet.search.setFocus()
    qtbot.keyClicks(sheet.search, "chuyen doi so")
    found = _shown_tasks(sheet)
    assert {DIGITAL_STAFF_TRAINING, DTI_ASSESSMENT, DIGITAL_DAY} <= found
    for task_id in found:
        row = sheet.model.sheet_row(task_id)
        assert row is not None
        haystack = fold(
            " ".join(filter(None, (row.code, row.name, row.lead_unit, row.cooperating, row.product)))
        )
        assert all(word in haystack for word in ("chuyen", "doi", "so")), row.name
    assert CORE_DATA_LIST not in found
    assert window._counts_label.text().startswith(f"{len(found)} tasks shown")
    # The groups above what was found stay, so every found task is reachable in the tree.
    assert sheet.model.rowCount() < len(found) + 1

    sheet.search.clear()
    assert _shown_tasks(sheet) == everything

    sheet.late_only.click()
    late = _shown_tasks(sheet)
    assert DECREE_ON_DIGITAL_SERVICES in late
    assert all(sheet.model.health(task_id) is Health.LATE for task_id in late)
    assert window._counts_label.text() == f"{len(late)} tasks shown, {len(late)} late"
    sheet.late_only.click()

    sheet.lead_filter.setFocus()  # the list of units is filled on first use
    sheet.lead_filter.setCurrentIndex(sheet.lead_filter.findData(7))  # Bộ Công an
    led = _shown_tasks(sheet)
    expected = {task.id for task in _plan_tasks(window) if task.lead_unit_id == 7} & everything
    assert led == expected and led
    sheet.lead_filter.setCurrentIndex(0)

    sheet.set_window(datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))
    october = _shown_tasks(sheet)
    spans = {task.id: (task.planned_start, task.planned_end) for task in _plan_tasks(window)}
    assert october and CORE_DATA_LIST not in october
    for task_id in october:
        start, end = spans[task_id]
        assert start is not None and end is not None
        assert start <= datetime.date(2026, 10, 31) and end >= datetime.date(2026, 10, 1)
    sheet.set_window(None, None)
    assert _shown_tasks(sheet) == everything


def test_a_baseline_shows_slippage_and_replacing_one_is_asked_first(
    qtbot: QtBot, window: MainWindow, demo_path: Path, answers: Answers
) -> None:
    sheet = _sheet(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    answers.confirm = False
    sheet.actions_by_name["baseline"].trigger()
    assert answers.questions == ["This plan already has a baseline. Replace it with today's planned dates?"]
    assert snapshot(window.store) == before  # type: ignore[arg-type]

    answers.confirm = True
    sheet.actions_by_name["baseline"].trigger()
    assert all(
        (task.baseline_start, task.baseline_end) == (task.planned_start, task.planned_end)
        for task in _plan_tasks(window)
    )
    assert not sheet.view.isColumnHidden(SheetColumn.SLIPPAGE)
    slip = sheet.model.index_of(DECREE_ON_DIGITAL_SERVICES, SheetColumn.SLIPPAGE)
    assert sheet.model.data(slip) == "+0"

    # The task now ends ten days later than its baseline.
    sheet.select_task(DECREE_ON_DIGITAL_SERVICES, SheetColumn.END)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    editor = open_editor()
    assert isinstance(editor, DateLine)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "10/10/2026")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert sheet.model.data(sheet.model.index_of(DECREE_ON_DIGITAL_SERVICES, SheetColumn.SLIPPAGE)) == "+10"


def test_copied_rows_are_tab_separated_text_that_pastes_back_as_the_same_tasks(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    sheet.view.clearSelection()
    for task_id in (DIGITAL_STAFF_TRAINING, DTI_ASSESSMENT):
        index = sheet.model.index_of(task_id, SheetColumn.NAME)
        sheet.view.selectionModel().select(index, sheet.view.selectionModel().SelectionFlag.Select)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    lines = clipboard.text().splitlines()
    assert len(lines) == 2
    first = lines[0].split("\t")
    assert first[:2] == ["2", "Đào tạo cán bộ chuyên trách chuyển đổi số cấp xã"]
    assert "01/04/2026" in first and "30/06/2026" in first and "100%" in first

    # Pasted below the last task of the plan, they come back as tasks with the same values.
    originals = {task.name: task for task in _plan_tasks(window)}
    sheet.select_task(417, SheetColumn.CODE)
    qtbot.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert messages == []
    copies = [task for task in _plan_tasks(window) if task.id not in {t.id for t in originals.values()}]
    assert sorted(task.name for task in copies) == sorted(
        [originals[name].name for name in originals if originals[name].id in (410, 411)]
    )
    for copy in copies:
        original = originals[copy.name]
        assert (copy.lead_unit_id, copy.planned_start, copy.planned_end, copy.progress, copy.status) == (
            original.lead_unit_id,
            original.planned_start,
            original.planned_end,
            original.progress,
            original.status,
        )
        assert copy.parent_id == 408


DIGITAL_INFRASTRUCTURE = 358  # group "II": ten tasks, one (364) with three tasks of its own below it


_Row = tuple[object, ...]


def _subtree(window: MainWindow, top: int) -> list[_Row]:
    """A task and everything below it in sheet order: (depth, name, timeline, own figure and status,
    own dates, lead and cooperating units), without ids, places or numbers."""
    tasks = _plan_tasks(window)
    children: dict[int | None, list[Task]] = {}
    for each in sorted(tasks, key=lambda item: item.position):
        children.setdefault(each.parent_id, []).append(each)
    found: list[_Row] = []
    waiting = [(next(each for each in tasks if each.id == top), 0)]
    while waiting:
        each, depth = waiting.pop()
        assert each.id is not None
        found.append(
            (depth, each.name, each.timeline_text, each.progress, each.status.value,
             each.planned_start, each.planned_end, each.lead_unit_id, _cooperating(window, each.id))
        )  # fmt: skip
        waiting.extend((child, depth + 1) for child in reversed(children.get(each.id, [])))
    return found


def _make_awkward(path: Path) -> None:
    """Group II as a user may leave it: words for its time but no dates of its own, figures to two and
    three decimals, a number of a task's own below a task, units that share the short name "Sở TT&TT"."""
    from dxplanner.store.operations.tasks import set_task_units, update_task

    store = open_plan_file(path)
    try:
        with store.write() as session:  # (the rules would take a figure to a tenth from a typed one)
            session.connection().execute(
                sa.text("UPDATE task SET progress = 99.96, status = 'in_progress' WHERE id = 359")
            )
            # Three decimals, which a reader of "1.250" takes for thousands.
            session.connection().execute(sa.text("UPDATE task SET progress = 33.333 WHERE id = 361"))
        update_task(store, 358, timeline_text="Quý 2/2026")
        update_task(store, 365, code="7a")
        update_task(store, 360, lead_unit_id=27)  # HN-STTTT, one of five "Sở TT&TT"
        set_task_units(store, 360, [29])  # HCM-STTTT, another
    finally:
        store.close()


def test_a_folded_group_copied_pastes_back_with_every_task_below_it_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    _make_awkward(demo_path)
    sheet = _sheet(window, demo_path)
    assert window.store is not None
    original = _subtree(window, DIGITAL_INFRASTRUCTURE)
    assert len(original) == 14 and max(int(str(row[0])) for row in original) == 2
    sheet.view.collapse(sheet.model.index_of(DIGITAL_INFRASTRUCTURE))
    sheet.view.clearSelection()
    sheet.select_task(DIGITAL_INFRASTRUCTURE, SheetColumn.NAME)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    # A spreadsheet gets the group and its tasks, as the sheet shows them.
    assert [line.split("\t")[1] for line in clipboard.text().splitlines()] == [row[1] for row in original]

    before = snapshot(window.store)
    sheet.select_task(417, SheetColumn.NAME)
    qtbot.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert messages == []
    (copy,) = [
        each.id
        for each in _plan_tasks(window)
        if each.name == original[0][1] and each.id != DIGITAL_INFRASTRUCTURE
    ]
    assert copy is not None
    assert _subtree(window, copy) == original
    # Numbered by their new places: the group as the tenth task of VI, not "II" (a heading's number).
    copies = sheet.model.with_everything_below([copy])
    assert all(each.code is None for each in _plan_tasks(window) if each.id in copies)
    assert sheet.model.number(copy) == "10" and sheet.model.number(365) == "7a"
    # Its own values were pasted, not the rolled-up ones it shows: it shows what the original shows.
    rolled, pasted = sheet.model.rolled(DIGITAL_INFRASTRUCTURE), sheet.model.rolled(copy)
    assert rolled is not None and pasted is not None
    assert (pasted.progress, pasted.start, pasted.end) == (rolled.progress, rolled.start, rolled.end)

    # The links between the copied tasks are made between their copies.
    links = _links_within(window, DIGITAL_INFRASTRUCTURE)
    assert len(links) >= 2 and _links_within(window, copy) == links

    qtbot.keyClick(sheet.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(window.store) == before


def test_a_copied_link_the_dates_break_is_left_out_and_the_sheet_says_so(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    """A task's dates may be typed past its links (they are not checked then): its copy comes without
    that link rather than not at all."""
    from dxplanner.store.operations.tasks import update_task

    store = open_plan_file(demo_path)
    try:
        update_task(store, 367, planned_start=datetime.date(2026, 3, 2))  # before 365, its predecessor, ends
    finally:
        store.close()
    sheet = _sheet(window, demo_path)
    said: list[str] = []
    sheet.notice.connect(said.append)
    sheet.select_task(DIGITAL_INFRASTRUCTURE, SheetColumn.NAME)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    sheet.select_task(417, SheetColumn.NAME)
    qtbot.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert messages == []
    assert said == ["1 of the copied links were left out: the tasks' dates break them."]
    (copy,) = [
        each.id
        for each in _plan_tasks(window)
        if each.name == "Phát triển hạ tầng số, nền tảng số" and each.parent_id == 408
    ]
    assert copy is not None
    assert _links_within(window, copy) == _links_within(window, DIGITAL_INFRASTRUCTURE) - {(7, 9, "FS", 0)}
    assert len(_links_within(window, copy)) == 1


def test_the_edit_menu_offers_copy_and_paste_of_rows_with_their_keys(
    window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    """A user who does not know Ctrl+C and Ctrl+V finds them in the Edit menu (a walkthrough did not)."""
    sheet = _sheet(window, demo_path)
    actions = {action.text().split("\t")[0]: action for action in window.edit_menu.actions()}
    assert actions["&Copy rows"].text().endswith("\tCtrl+C") and actions["&Paste rows"].text().endswith(
        "\tCtrl+V"
    )
    before = {task.id for task in _plan_tasks(window)}
    sheet.select_task(DIGITAL_DAY, SheetColumn.NAME)
    actions["&Copy rows"].trigger()
    sheet.select_task(417, SheetColumn.NAME)
    actions["&Paste rows"].trigger()
    assert messages == []
    (copy,) = [task for task in _plan_tasks(window) if task.id not in before]
    assert copy.name == "Tổ chức Ngày Chuyển đổi số quốc gia năm 2026" and copy.parent_id == 408


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Foo\tdxplanner-level\na\t0\nb\t1\n", ["Foo", "a", "b"]),  # no heading row: levels go too
        ("Nhiệm vụ\tSTT\tdxplanner-level\na\t1\t²\n", ["a"]),  # "²" is a digit to isdigit(), not to int()
        ("Nhiệm vụ\tSTT\tdxplanner-level\nb\t1\t" + "9" * 5000 + "\n", ["b"]),
    ],
)
def test_a_level_column_from_another_program_pastes_its_rows_flat(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str], text: str, names: list[str]
) -> None:
    sheet = _sheet(window, demo_path)
    before = {task.id for task in _plan_tasks(window)}
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    clipboard.setText(text)
    sheet.select_task(417, SheetColumn.NAME)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert messages == []
    pasted = sorted(
        (task for task in _plan_tasks(window) if task.id not in before), key=lambda task: task.position
    )
    assert [task.name for task in pasted] == names and {task.parent_id for task in pasted} == {408}


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("1\t2\tFS\t0\n2\t3\tSS\t-2\n", [(1, 2, "FS", 0), (2, 3, "SS", -2)]),
        ("1\t²\tFS\t0\n1\t2\tFS\t--3\n1\t2\n" + "9" * 5000 + "\t1\tFS\t0\n", []),
    ],
)
def test_the_links_on_the_clipboard_are_read_and_a_strangers_lines_passed_over(
    text: str, links: list[tuple[int, int, str, int]]
) -> None:
    from dxplanner.ui.task_sheet import _row_links

    assert _row_links(text) == links


def _links_within(window: MainWindow, top: int) -> set[tuple[int, int, str, int]]:
    """The links between a task's subtree's tasks, as their places in _subtree's order."""
    from dxplanner.core.models import Dependency

    tasks = _plan_tasks(window)
    children: dict[int | None, list[int]] = {}
    for each in sorted(tasks, key=lambda item: item.position):
        children.setdefault(each.parent_id, []).append(each.id)  # type: ignore[arg-type]
    order, waiting = [], [top]
    while waiting:
        current = waiting.pop()
        order.append(current)
        waiting.extend(reversed(children.get(current, [])))
    place = {task_id: number for number, task_id in enumerate(order)}
    assert window.store is not None
    with window.store.read() as session:
        return {
            (place[link.predecessor_id], place[link.successor_id], link.type.value, link.lag_days)
            for link in session.exec(select(Dependency)).all()
            if link.predecessor_id in place and link.successor_id in place
        }


def test_choosing_vietnamese_in_the_settings_rebuilds_the_window_in_vietnamese_on_the_same_file(
    qtbot: QtBot, settings: QSettings, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its own guard
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    windows = Windows(app, settings, AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "log"))
    english = windows.show(demo_path)
    qtbot.addWidget(english)
    assert english.file_menu.title() == "&File"

    def choose_vietnamese(dialog: SettingsDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("vi"))
        dialog.date_format.setCurrentIndex(dialog.date_format.findData("yyyy-MM-dd"))
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_vietnamese)
    settings_action = next(action for action in english.file_menu.actions() if action.text() == "&Settings…")
    settings_action.trigger()

    vietnamese = windows.current
    assert vietnamese is not None and vietnamese is not english
    qtbot.addWidget(vietnamese)
    assert not english.isVisible() and vietnamese.isVisible()
    assert vietnamese.file_menu.title() == "&Tệp"
    assert vietnamese.store is not None and vietnamese.store.path == demo_path
    assert vietnamese.editor is not None
    sheet = vietnamese.editor.sheet
    assert sheet.model.headerData(SheetColumn.NAME, Qt.Orientation.Horizontal) == "Nhiệm vụ"
    assert sheet.model.data(sheet.model.index_of(DECREE_ON_DIGITAL_SERVICES, SheetColumn.END)) == "2026-09-30"
    assert vietnamese._counts_label.text().endswith("nhiệm vụ chậm")
    vietnamese.close()


def test_rows_copied_beside_the_chart_paste_back_whole_from_any_column(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    """Beside the chart the sheet hides the cooperating units, the timeline and the product: a row
    copied there still pastes back with them, and from the Task column as from the No. column."""
    sheet = _sheet(window, demo_path)
    qtbot.waitUntil(sheet.chart_shown)
    assert sheet.view.isColumnHidden(SheetColumn.COOPERATING)
    sheet.select_task(DIGITAL_STAFF_TRAINING, SheetColumn.NAME)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    originals = {task.id: task for task in _plan_tasks(window)}
    sheet.select_task(417, SheetColumn.NAME)
    qtbot.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert messages == []
    (copy,) = [task for task in _plan_tasks(window) if task.id not in originals]
    original = originals[DIGITAL_STAFF_TRAINING]
    fields = ("name", "lead_unit_id", "timeline_text", "product", "planned_start", "planned_end")
    assert {field: getattr(copy, field) for field in fields} == {
        field: getattr(original, field) for field in fields
    }
    # Pasted beside the task it copies, it does not show that task's number a second time.
    assert copy.id is not None and original.code is not None and copy.code is None
    siblings = [task.id for task in _plan_tasks(window) if task.parent_id == copy.parent_id]
    numbers = [sheet.model.number(task_id) for task_id in siblings if task_id is not None]
    assert len(numbers) == len(set(numbers)), numbers
    assert copy.id is not None
    assert _cooperating(window, copy.id) == _cooperating(window, DIGITAL_STAFF_TRAINING) != set()


def _cooperating(window: MainWindow, task_id: int) -> set[int]:
    from dxplanner.core.models import TaskUnit

    with window.store.read() as session:  # type: ignore[union-attr]
        return {link.unit_id for link in session.exec(select(TaskUnit).where(TaskUnit.task_id == task_id))}


def test_the_table_without_the_chart_keeps_its_columns_after_a_restart(
    qtbot: QtBot, settings: QSettings, demo_path: Path
) -> None:
    """F9 brings back every column the table showed without the chart, after a restart too: the
    layout was remembered as it stood beside the chart, and the next F9 showed those seven only."""

    def started() -> tuple[MainWindow, TaskSheet]:
        window = MainWindow(settings, open_plan_file, create_plan)
        qtbot.addWidget(window)
        window.resize(1440, 860)
        window.show()
        assert window.open_file(demo_path) and window.editor is not None
        sheet = window.editor.sheet
        qtbot.waitUntil(sheet.chart_shown)
        return window, sheet

    def shown(sheet: TaskSheet) -> list[SheetColumn]:
        return [column for column in SheetColumn if not sheet.view.isColumnHidden(column)]

    window, sheet = started()
    beside_chart = shown(sheet)
    sheet.chart_actions["chart"].trigger()  # F9: the table alone
    without_chart = shown(sheet)
    assert len(without_chart) > len(beside_chart)
    sheet.chart_actions["chart"].trigger()  # the chart again, and quit
    assert shown(sheet) == beside_chart
    window.close()

    window, sheet = started()
    assert shown(sheet) == beside_chart
    sheet.chart_actions["chart"].trigger()
    assert shown(sheet) == without_chart
    window.close()


def test_clearing_a_search_opens_the_groups_again_as_the_user_had_them(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    """A search opens every group; clearing it folded the groups the user had opened and showed
    the top of the tree. Now the tree is as it was, with the task found still in sight."""
    sheet = _sheet(window, demo_path)
    view, model = sheet.view, sheet.model
    groups = [task_id for task_id in model.reading_order() if model.has_children(task_id)]
    nested = next(task_id for task_id in groups if model.parent_of(task_id) is not None)
    view.collapseAll()
    view.expand(model.index_of(model.parent_of(nested)))  # type: ignore[arg-type]
    view.expand(model.index_of(nested))
    opened = {task_id for task_id in groups if view.isExpanded(model.index_of(task_id))}
    assert len(opened) == 2
    sheet.search.setText("VNeID")
    qtbot.waitUntil(lambda: model.reading_order() != [] and sheet.model._shown is not None)
    found = sheet.current_task()
    sheet.search.setText("")
    qtbot.waitUntil(lambda: sheet.model._shown is None)
    reopened = {task_id for task_id in groups if view.isExpanded(model.index_of(task_id))}
    assert opened <= reopened
    # Only what the found task needs besides: the groups above it, opened to keep it in sight.
    above = set()
    parent = model.parent_of(found) if found is not None else None
    while parent is not None:
        above.add(parent)
        parent = model.parent_of(parent)
    assert reopened == opened | above
