"""The window keeps files safe: one writer at a time, backups, restore, a copy, close, and what it says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dxplanner.paths import AppPaths
from dxplanner.store.backups import Backup, BackupShelf
from dxplanner.store.file_lock import FileLockedError, lock_path, read_holder
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.file_guard import LockAnswer
from dxplanner.ui.gui import Windows, create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from tests.conftest import snapshot
from tests.gui.conftest import TODAY, Answers

pytestmark = pytest.mark.gui


class LockQuestions:
    """Answers the question a locked file raises, and remembers who was named."""

    def __init__(self, answer: LockAnswer) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, error: FileLockedError) -> LockAnswer:
        self.asked.append(error.message)
        return self.answer


def _window(
    qtbot: QtBot,
    settings: QSettings,
    answers: Answers,
    shelf: BackupShelf | None = None,
    locked: LockQuestions | None = None,
    chosen: list[Backup] | None = None,
) -> MainWindow:
    def choose(backups: list[Backup], _name: str) -> Backup | None:
        if chosen is None:
            return None
        chosen.extend(backups)
        return backups[-1] if backups else None

    window = MainWindow(
        settings,
        open_plan_file,
        create_plan,
        today=lambda: TODAY,
        confirm=answers.ask_confirm,
        ask_progress=answers.ask_progress,
        backups=shelf,
        ask_locked=locked,
        choose_backup=choose,
    )
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def shelf(tmp_path: Path) -> BackupShelf:
    return BackupShelf(tmp_path / "backups")


@pytest.fixture
def closing() -> Iterator[list[MainWindow]]:
    """Windows to put away after the test, so no lock outlives it."""
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.put_away()


def _rename_first_task(window: MainWindow, qtbot: QtBot, name: str) -> int:
    assert window.editor is not None
    sheet = window.editor.sheet
    task_id = sheet.model.reading_order()[0]
    sheet.model.setData(sheet.model.index_of(task_id, SheetColumn.NAME), name)
    return task_id


def test_a_second_window_on_a_file_is_asked_and_opens_it_read_only(
    qtbot: QtBot, settings: QSettings, answers: Answers, demo_path: Path, closing: list[MainWindow]
) -> None:
    first = _window(qtbot, settings, answers)
    closing.append(first)
    assert first.open_file(demo_path)
    questions = LockQuestions(LockAnswer.READ_ONLY)
    second = _window(qtbot, settings, answers, locked=questions)
    closing.append(second)
    assert second.open_file(demo_path)
    assert len(questions.asked) == 1 and "is open for editing by" in questions.asked[0]
    assert second.store is not None and second.store.read_only
    assert "[read-only]" in second.windowTitle()
    assert second.saved_label.text().startswith("Read-only")

    # What the writer saves reaches the reader's window.
    task_id = _rename_first_task(first, qtbot, "Đổi tên ở cửa sổ thứ nhất")
    second.guard.poll()
    assert second.editor is not None
    row = second.editor.sheet.model.sheet_row(task_id)
    assert row is not None and row.name == "Đổi tên ở cửa sổ thứ nhất"

    # Cancel leaves the window as it was.
    questions.answer = LockAnswer.CANCEL
    third = _window(qtbot, settings, answers, locked=questions)
    assert not third.open_file(demo_path)
    assert third.store is None


def test_open_anyway_stops_the_first_window_from_writing(
    qtbot: QtBot,
    settings: QSettings,
    answers: Answers,
    demo_path: Path,
    messages: list[str],
    closing: list[MainWindow],
) -> None:
    first = _window(qtbot, settings, answers)
    closing.append(first)
    first.open_file(demo_path)
    _rename_first_task(first, qtbot, "Sửa trước")
    assert first.session is not None and first.session.undo_stack.count() == 1
    second = _window(qtbot, settings, answers, locked=LockQuestions(LockAnswer.ANYWAY))
    closing.append(second)
    assert second.open_file(demo_path) and second.store is not None and not second.store.read_only
    task_id = _rename_first_task(second, qtbot, "Sửa ở cửa sổ thứ hai")
    before = snapshot(second.store)

    # The first window's edit and its undo are both refused; the second window's work stands.
    _rename_first_task(first, qtbot, "Sửa sau")
    assert any("opened demo.dxplan for editing anyway" in message for message in messages)
    first.session.undo_stack.undo()
    assert snapshot(second.store) == before
    first.guard.poll()
    assert "[read-only]" in first.windowTitle()
    assert first.session.undo_stack.count() == 0
    assert second.editor is not None
    row = second.editor.sheet.model.sheet_row(task_id)
    assert row is not None and row.name == "Sửa ở cửa sổ thứ hai"


def test_closing_the_file_releases_its_lock(
    qtbot: QtBot, settings: QSettings, answers: Answers, demo_path: Path
) -> None:
    window = _window(qtbot, settings, answers)
    window.open_file(demo_path)
    assert read_holder(demo_path) is not None
    close = next(action for action in window.file_menu.actions() if action.text() == "&Close")
    close.trigger()
    assert window.store is None and window.editor is None
    assert not lock_path(demo_path).exists()
    assert window.windowTitle() == "dxplanner"
    assert window.navigator_model.rowCount() == 0
    assert not window.edit_menu.isEnabled()
    other = open_plan_file(demo_path)
    other.close()


def test_a_backup_is_taken_on_opening_and_restored_from_the_file_menu(
    qtbot: QtBot, settings: QSettings, answers: Answers, demo_path: Path, shelf: BackupShelf
) -> None:
    offered: list[Backup] = []
    window = _window(qtbot, settings, answers, shelf=shelf, chosen=offered)
    window.open_file(demo_path)
    qtbot.waitUntil(lambda: len(shelf.backups_of(demo_path)) == 1)
    assert window.store is not None
    original = snapshot(window.store)
    task_id = _rename_first_task(window, qtbot, "Một thay đổi sẽ được khôi phục")
    actions = window.file_menu.actions()
    restore = next(action for action in actions if action.text() == "Restore from &backup…")
    restore.trigger()
    assert [backup.reason for backup in offered] == ["opened"]
    assert any("Replace demo.dxplan with the backup" in question for question in answers.questions)
    assert window.store is not None and snapshot(window.store) == original
    assert window.editor is not None
    row = window.editor.sheet.model.sheet_row(task_id)
    assert row is not None and row.name != "Một thay đổi sẽ được khôi phục"
    # The edited file was kept as one more backup, and the restored file is locked by this window.
    assert sorted(backup.reason for backup in shelf.backups_of(demo_path)) == ["before-restore", "opened"]
    holder, lock = read_holder(demo_path), window.store.lock
    assert holder is not None and lock is not None and holder.token == lock.holder.token
    window.put_away()


def test_save_a_copy_writes_a_whole_copy_and_keeps_editing_the_file(
    qtbot: QtBot,
    settings: QSettings,
    answers: Answers,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    window = _window(qtbot, settings, answers)
    window.open_file(demo_path)
    _rename_first_task(window, qtbot, "Có trong bản sao")
    chosen = tmp_path / "ban-sao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(chosen), ""))
    save_copy = next(action for action in window.file_menu.actions() if action.text() == "Save a &copy as…")
    save_copy.trigger()
    copy = tmp_path / "ban-sao.dxplan"
    assert window.store is not None and window.store.path == demo_path
    opened = open_plan_file(copy, read_only=True)
    try:
        assert snapshot(opened) == snapshot(window.store)
    finally:
        opened.close()
    assert "Saved a copy as" in window.statusBar().currentMessage()
    # The open file itself is never the copy's target.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(demo_path), ""))
    save_copy.trigger()
    assert messages and "is the file that is open" in messages[-1]
    window.put_away()


def test_ctrl_s_and_the_status_bar_say_that_changes_are_saved(
    qtbot: QtBot, settings: QSettings, answers: Answers, demo_path: Path
) -> None:
    window = _window(qtbot, settings, answers)
    window.open_file(demo_path)
    assert window.saved_label.text().startswith("All changes saved")
    save = next(action for action in window.file_menu.actions() if action.text() == "&Save")
    assert save.shortcut().toString() == "Ctrl+S"
    save.trigger()
    assert "saved to demo.dxplan as it is made" in window.statusBar().currentMessage()
    window.put_away()


def test_the_window_opens_the_file_used_last_when_none_is_named(
    qtbot: QtBot, settings: QSettings, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its own guard
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "log")
    settings.setValue("last_file", str(demo_path))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    windows = Windows(app, settings, paths)
    window = windows.show(None)
    qtbot.addWidget(window)
    try:
        assert window.store is not None and window.store.path == demo_path
        assert not paths.data_dir.exists() or not list(paths.data_dir.glob("*.dxplan"))  # none made
        assert not window.welcome.isVisible()
    finally:
        window.put_away()

    # A plan file an older version made as the default plan is the last file: it opens as before.
    older = paths.data_dir / "plan.dxplan"
    older.parent.mkdir(parents=True, exist_ok=True)
    create_plan(older, False)
    settings.setValue("last_file", str(older))
    window = windows.show(None)
    qtbot.addWidget(window)
    try:
        assert window.store is not None and window.store.path == older
    finally:
        window.put_away()


def test_looking_at_the_demo_in_the_window_leaves_it_untouched_for_the_next_demo(
    qtbot: QtBot, settings: QSettings, answers: Answers, tmp_path: Path, shelf: BackupShelf
) -> None:
    from dxplanner.store.start_files import demo_copy

    first = demo_copy(tmp_path / "data")
    window = _window(qtbot, settings, answers, shelf=shelf)
    window.open_file(first)
    qtbot.waitUntil(lambda: len(shelf.backups_of(first)) == 1)
    window.put_away()
    assert demo_copy(tmp_path / "data") == first

    window.open_file(first)
    _rename_first_task(window, qtbot, "Công việc của người dùng")
    window.put_away()
    assert demo_copy(tmp_path / "data") == tmp_path / "data" / "demo-2.dxplan"
