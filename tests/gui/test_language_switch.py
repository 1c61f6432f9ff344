"""Switching the language keeps what the window shows, the open file, its undo history and its state."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import Pillar, TaskKind
from dxplanner.i18n import current_language, set_language
from dxplanner.paths import AppPaths
from dxplanner.services import edits, records
from dxplanner.services.edits import update_task
from dxplanner.services.files import PlanLocation
from dxplanner.store.server_store import open_server
from dxplanner.ui.app_settings import SettingsDialog
from dxplanner.ui.dashboard.page import DashboardPage
from dxplanner.ui.gui import Windows, _install_qt_translations
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.gui.keys import open_editor, type_text

pytestmark = pytest.mark.gui

PLAN_2026 = 6
DECREE_ON_DIGITAL_SERVICES = 353  # late on 20/11/2026 (in group 349)
DIGITAL_STAFF_TRAINING = 410  # in group 408


@pytest.fixture
def windows(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Windows]:
    """The application's windows, in English at first; the language is English again after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its own guard
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = current_language()
    shown = Windows(app, settings, AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "log"))
    yield shown
    if shown.current is not None:
        shown.current.close()
    set_language(before)
    _install_qt_translations(app)


def _open(windows: Windows, qtbot: QtBot, path: PlanLocation) -> MainWindow:
    window = windows.show(path)  # closed by the fixture (the old ones delete themselves on a switch)
    window.resize(1440, 860)
    return window


def _on_the_2026_plan(windows: Windows, qtbot: QtBot, demo_path: Path) -> tuple[MainWindow, TaskSheet]:
    """The demo open in English on its 2026 plan, the sheet and its chart shown."""
    english = _open(windows, qtbot, demo_path)
    assert english.editor is not None
    english.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    qtbot.waitUntil(english.editor.sheet.chart_shown)
    return english, english.editor.sheet


def _on_the_dashboard(windows: Windows, qtbot: QtBot, demo_path: Path) -> DashboardPage:
    """The demo open in English on its strategy's dashboard."""
    english = _open(windows, qtbot, demo_path)
    english.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert english.editor is not None
    return english.editor.dashboard


def _switch(windows: Windows, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, language: str) -> MainWindow:
    """Choose another language in File > Settings, as a user does; the window that shows after."""
    old = windows.current
    assert old is not None

    def choose(dialog: SettingsDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData(language))
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose)
    old._edit_settings()  # File > Settings… (its words are the language's)
    new = windows.current
    assert new is not None and new is not old
    assert not old.isVisible() and new.isVisible()
    return new


def _name_shown(sheet: TaskSheet, task_id: int) -> str:
    return str(sheet.model.data(sheet.model.index_of(task_id, SheetColumn.NAME)))


def test_the_plan_page_is_as_the_user_left_it_after_a_switch(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english, sheet = _on_the_2026_plan(windows, qtbot, demo_path)
    assert english.editor is not None
    # The critical path marked, a search, a kind, a window of dates, a group folded, a task chosen.
    sheet.chart_actions["critical"].trigger()
    sheet.search.setText("số")
    sheet.kind_filter.setCurrentIndex(sheet.kind_filter.findData(TaskKind.TASK.value))
    sheet.set_window(datetime.date(2025, 1, 1), None)
    sheet.select_task(DECREE_ON_DIGITAL_SERVICES, SheetColumn.END)
    sheet.view.collapse(sheet.model.index_of(408))
    assert not sheet.view.isExpanded(sheet.model.index_of(408))
    sheet.gantt.set_zoom(6.0)
    sheet.gantt.hbar.setValue(sheet.gantt.hbar.maximum() // 2)
    zoom, scrolled = sheet.gantt.scale.px_per_day, sheet.gantt.hbar.value()
    english.editor.details_action.setChecked(False)  # the details folded away (F7)
    assert english.editor.plan_page.sizes()[1] == 0
    shown_before = sheet.model.counts()

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.file_menu.title() == "&Tệp"
    assert vietnamese.current_key() == NodeKey(NodeKind.PLAN, PLAN_2026)
    assert vietnamese.editor is not None
    after = vietnamese.editor.sheet
    assert vietnamese.editor.stack.currentWidget() is vietnamese.editor.plan_page
    assert after.search.text() == "số"
    assert after.kind_filter.currentData() == TaskKind.TASK.value
    assert after.kind_filter.currentText() == "Nhiệm vụ"
    assert after.window_from.date() == datetime.date(2025, 1, 1)
    assert after.model.counts() == shown_before
    assert after.current_task() == DECREE_ON_DIGITAL_SERVICES
    assert after.view.currentIndex().column() == SheetColumn.END
    assert not after.view.isExpanded(after.model.index_of(408))
    group = after.model.parent_of(DECREE_ON_DIGITAL_SERVICES)
    assert group is not None and after.view.isExpanded(after.model.index_of(group))
    assert vietnamese.editor.plan_page.sizes()[1] == 0
    assert not vietnamese.editor.details_action.isChecked()
    qtbot.waitUntil(after.chart_shown)
    assert after.chart_actions["critical"].isChecked() and after.gantt.show_critical
    assert after.gantt.critical
    assert after.gantt.scale.px_per_day == pytest.approx(zoom)
    assert after.gantt.hbar.value() == scrolled


def test_the_gantt_hidden_stays_hidden_and_the_navigator_keeps_its_open_branches(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _open(windows, qtbot, demo_path)
    assert english.editor is not None
    sheet = english.editor.sheet
    qtbot.waitUntil(sheet.chart_shown)
    sheet.chart_actions["chart"].trigger()
    assert not sheet.chart_shown()
    units = english.navigator_model.find(NodeKey(NodeKind.SECTION, 3))
    english.navigator.expand(units)
    strategies = english.navigator_model.find(NodeKey(NodeKind.SECTION, 1))
    english.navigator.collapse(strategies)
    english.select(NodeKey(NodeKind.PLAN, PLAN_2026))  # opens its strategy again
    first_strategy = english.navigator_model.index(0, 0, strategies)
    english.navigator.collapse(first_strategy)
    open_before = {
        key for key in english.all_keys() if english.navigator.isExpanded(english.navigator_model.find(key))
    }

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.editor is not None
    open_after = {
        key
        for key in vietnamese.all_keys()
        if vietnamese.navigator.isExpanded(vietnamese.navigator_model.find(key))
    }
    assert open_after == open_before
    # The chart stays away, however long the window is left to build what it builds after the paint.
    qtbot.waitUntil(lambda: vietnamese.editor is not None and vietnamese.editor._details is not None)
    qtbot.wait(50)
    assert not vietnamese.editor.sheet.chart_shown()
    assert not vietnamese.editor.sheet.chart_actions["chart"].isChecked()


def test_the_dashboard_and_its_filters_stay_after_a_switch(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _on_the_dashboard(windows, qtbot, demo_path)
    page.plan.setCurrentIndex(page.plan.findData(PLAN_2026))
    page.unit.setCurrentIndex(2)
    unit = page.unit.currentData()
    page.pillar.setCurrentIndex(page.pillar.findData(Pillar.DIGITAL_GOVERNMENT))
    page.set_as_of(datetime.date(2026, 6, 30))
    page.sort_units.setCurrentIndex(1)

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.current_key() == NodeKey(NodeKind.DASHBOARD, 1)
    assert vietnamese.editor is not None
    after = vietnamese.editor.dashboard
    assert vietnamese.editor.stack.currentWidget() is after
    assert after.plan.currentData() == PLAN_2026
    assert after.unit.currentData() == unit
    assert after.pillar.currentData() == Pillar.DIGITAL_GOVERNMENT
    assert after.as_of.date() == datetime.date(2026, 6, 30)
    assert after.sort_units.currentData() is False
    assert after.pillar.itemText(0) == "Mọi trụ cột"
    chosen = after.chosen()
    assert chosen is not None and after.data is not None
    assert (chosen.plan_id, chosen.unit_id, chosen.as_of) == (PLAN_2026, unit, datetime.date(2026, 6, 30))


def test_the_estate_map_and_its_filters_stay_after_a_switch(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _open(windows, qtbot, demo_path)
    english.map_action.trigger()
    assert english.editor is not None
    page = english.editor.estate_map
    page.plan.setCurrentIndex(page.plan.findData(PLAN_2026))
    page.status.setCurrentIndex(1)  # all but retired
    assert page.scene is not None
    key = next(iter(page.scene.boxes))
    page.select(key)
    page.view.set_scale(0.5)

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.editor is not None
    after = vietnamese.editor.estate_map
    assert vietnamese.editor.stack.currentWidget() is after
    assert after.plan.currentData() == PLAN_2026
    assert after.status.currentIndex() == 1
    assert after.selected() is not None and after.selected().key == key  # type: ignore[union-attr]
    assert after.view.scale_now() == pytest.approx(0.5)
    assert after.shown_filter is not None and after.shown_filter.plan_id == PLAN_2026


def test_an_edit_made_before_the_switch_is_saved_and_undone_after_it(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _open(windows, qtbot, demo_path)
    assert english.editor is not None and english.session is not None
    store = english.store
    assert store is not None
    old_name = records.task(store, DIGITAL_STAFF_TRAINING).name  # type: ignore[union-attr]
    english.session.run("Rename", lambda plan: update_task(plan, DIGITAL_STAFF_TRAINING, name="Đổi tên"))

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.store is not None and vietnamese.store.path == demo_path
    assert records.task(vietnamese.store, DIGITAL_STAFF_TRAINING).name == "Đổi tên"  # type: ignore[union-attr]
    sheet = vietnamese.editor.sheet  # type: ignore[union-attr]
    assert _name_shown(sheet, DIGITAL_STAFF_TRAINING) == "Đổi tên"
    assert vietnamese.undo_action.isEnabled()
    vietnamese.undo_action.trigger()
    assert records.task(vietnamese.store, DIGITAL_STAFF_TRAINING).name == old_name  # type: ignore[union-attr]
    # The sheet of the new window hears the undo.
    assert _name_shown(sheet, DIGITAL_STAFF_TRAINING) == old_name
    vietnamese.redo_action.trigger()
    vietnamese.close()
    # Closed, the file keeps the edit (and its lock is gone: it opens for writing again).
    from dxplanner.store.plan_file import open_plan_file

    again = open_plan_file(demo_path)
    try:
        assert not again.read_only
        assert records.task(again, DIGITAL_STAFF_TRAINING).name == "Đổi tên"  # type: ignore[union-attr]
    finally:
        again.close()


def test_a_read_only_file_stays_read_only_and_an_offline_window_stays_offline(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = windows.show(None)  # no file yet: the test opens it read-only as File > Open would
    assert english.open_file(demo_path, read_only=True)
    english._show_offline("the server went away")

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.store is not None and vietnamese.store.read_only
    assert "[chỉ đọc]" in vietnamese.windowTitle() or "chỉ đọc" in vietnamese.windowTitle()
    assert vietnamese.offline == "the server went away"
    assert vietnamese.offline_banner.isVisibleTo(vietnamese)
    assert not vietnamese.navigator.isEnabled()


def test_switching_back_and_forth_keeps_one_open_store_and_no_listeners_of_the_old_window(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _open(windows, qtbot, demo_path)
    store = english.store
    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")
    again = _switch(windows, qtbot, monkeypatch, "en")
    assert again.file_menu.title() == "&File"
    assert again.store is store  # handed on, not opened again
    assert again.session is not None
    # An edit in the last window reaches its views only: the windows put away hear nothing.
    assert english.store is None and vietnamese.store is None
    again.session.run("Rename", lambda plan: update_task(plan, DIGITAL_STAFF_TRAINING, name="Lần ba"))
    assert again.editor is not None
    assert _name_shown(again.editor.sheet, DIGITAL_STAFF_TRAINING) == "Lần ba"


def test_a_shared_plan_keeps_its_link_and_hears_others_after_a_switch(
    qtbot: QtBot, windows: Windows, live_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _open(windows, qtbot, live_url)
    assert english.live is not None and english.live.wait_listening(10)
    link = english.live
    assert english.editor is not None
    task_id = english.editor.sheet.model.reading_order()[3]

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.live is link and english.live is None  # the same listener, still listening
    assert vietnamese.store is not None and vietnamese.editor is not None
    other = open_server(live_url)  # another user
    try:
        edits.update_task(other, task_id, name="Tên do người kia đặt")
    finally:
        other.close()
    sheet = vietnamese.editor.sheet
    qtbot.waitUntil(lambda: _name_shown(sheet, task_id) == "Tên do người kia đặt", timeout=10_000)
    # Their change is not mistaken for one of this window's: Undo has nothing to undo.
    assert not vietnamese.undo_action.isEnabled()


def test_a_name_being_typed_when_the_language_changes_is_saved(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _open(windows, qtbot, demo_path)
    assert english.editor is not None
    sheet = english.editor.sheet
    sheet.select_task(DIGITAL_STAFF_TRAINING, SheetColumn.NAME)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    editor = open_editor()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "Tên đang gõ")  # no Enter: File > Settings is chosen with the cell open

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.store is not None and vietnamese.editor is not None
    assert records.task(vietnamese.store, DIGITAL_STAFF_TRAINING).name == "Tên đang gõ"  # type: ignore[union-attr]
    assert _name_shown(vietnamese.editor.sheet, DIGITAL_STAFF_TRAINING) == "Tên đang gõ"


def test_the_sheet_left_for_the_dashboard_is_as_it_was_when_the_user_comes_back(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english, sheet = _on_the_2026_plan(windows, qtbot, demo_path)
    sheet.chart_actions["critical"].trigger()
    sheet.late_only.setChecked(True)
    sheet.select_task(DECREE_ON_DIGITAL_SERVICES)
    english.select(NodeKey(NodeKind.DASHBOARD, 1))

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")
    assert vietnamese.editor is not None
    assert vietnamese.editor.stack.currentWidget() is vietnamese.editor.dashboard
    vietnamese.select(NodeKey(NodeKind.PLAN, PLAN_2026))

    after = vietnamese.editor.sheet
    assert after.late_only.isChecked() and after.late_only.text() == "Chỉ nhiệm vụ chậm"
    assert after.current_task() == DECREE_ON_DIGITAL_SERVICES
    qtbot.waitUntil(after.chart_shown)
    assert after.gantt.show_critical and after.chart_actions["critical"].isChecked()


def test_the_record_chosen_on_a_page_of_the_estate_stays_chosen(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _open(windows, qtbot, demo_path)
    english.select(NodeKey(NodeKind.ESTATE_SYSTEMS))
    assert english.editor is not None
    page = english.editor.estate_page(NodeKind.ESTATE_SYSTEMS)
    second = page.model.record(2)
    assert second is not None
    page.choose(second.id)

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.current_key() == NodeKey(NodeKind.ESTATE_SYSTEMS)
    assert vietnamese.editor is not None
    after = vietnamese.editor.estate_page(NodeKind.ESTATE_SYSTEMS)
    assert vietnamese.editor.stack.currentWidget() is after
    assert after.form.record_id == second.id
    assert after.view.currentIndex().row() == 2


def test_a_window_with_no_file_open_stays_so_after_a_switch(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _open(windows, qtbot, demo_path)
    english.close_file()  # File > Close: the user put the file away

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.store is None and vietnamese.editor is None
    assert vietnamese.file_menu.title() == "&Tệp"
    # The welcome page, in the new language, offers the ways in again.
    assert vietnamese.welcome.isVisible() and not vietnamese.splitter.isVisible()


def test_the_dashboard_scrolled_down_stays_scrolled_after_a_switch(
    qtbot: QtBot, windows: Windows, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bar = _on_the_dashboard(windows, qtbot, demo_path).charts_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 300)
    bar.setValue(300)  # down to the charts below the first screen

    vietnamese = _switch(windows, qtbot, monkeypatch, "vi")

    assert vietnamese.editor is not None
    after = vietnamese.editor.dashboard.charts_area.verticalScrollBar()
    qtbot.waitUntil(lambda: after.value() == 300)
