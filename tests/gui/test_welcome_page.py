"""The welcome page: what a first start, a closed file or a last file gone shows, and its four ways in."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dxplanner.i18n import set_language
from dxplanner.paths import AppPaths
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.excel_import.dialog import ImportDialog
from dxplanner.ui.gui import Windows, create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKind
from dxplanner.ui.recent_files import RecentFiles
from tests.gui.conftest import TODAY
from tests.unit.excel_samples import build_decision_appendix

pytestmark = pytest.mark.gui


def _windows(
    settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Windows, AppPaths]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its own guard
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "log")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return Windows(app, settings, paths), paths


def _start(qtbot: QtBot, windows: Windows) -> MainWindow:
    window = windows.show(None)
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _action(window: MainWindow, text: str) -> bool:
    """Whether the File menu's action named text can be chosen."""
    return next(action for action in window.file_menu.actions() if action.text() == text).isEnabled()


def test_a_first_start_shows_the_page_and_the_demo_opens_from_it_and_again_next_time(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows, paths = _windows(settings, tmp_path, monkeypatch)
    window = _start(qtbot, windows)
    try:
        assert window.store is None and window.welcome.isVisible() and not window.splitter.isVisible()
        assert not paths.data_dir.exists() or not list(paths.data_dir.glob("*.dxplan"))  # nothing made
        assert window.welcome.no_recent.isVisible()  # the empty list says so
        # What needs a plan cannot be chosen, and what starts one can.
        assert not _action(window, "&Close") and not _action(window, "&Print the task sheet…")
        assert not any(action.isEnabled() for action in window.insert_menu.actions())
        assert not window.map_action.isEnabled() and not window.edit_menu.isEnabled()
        assert _action(window, "&New…") and _action(window, "&Open…")
        # Every way in is reached with Tab, starting from the first.
        page = window.welcome
        assert QApplication.focusWidget() is page.demo_button
        reached: list[QWidget | None] = []
        for _press in range(4):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            reached.append(QApplication.focusWidget())
        assert reached[:3] == [page.new_button, page.import_button, page.open_button]
        # F1 on the page: the guide's first steps, which describe it.
        qtbot.keyClick(page.new_button, Qt.Key.Key_F1)
        assert window.help_window is not None and window.help_window.current_page() == "index.md#start"
        window.help_window.close()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        page.demo_button.setFocus()

        qtbot.keyClick(page.demo_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.store is not None, timeout=20_000)
        assert window.store is not None and window.store.path == paths.data_dir / "demo.dxplan"
        assert not window.welcome.isVisible() and window.splitter.isVisible()
        key = window.current_key()
        assert key is not None and key.kind is NodeKind.PLAN
        assert "Chính phủ số" in window.navigator.currentIndex().data()
        assert _action(window, "&Close") and window.map_action.isEnabled()
    finally:
        window.put_away()

    # The next start: the file used last, as before.
    window = _start(qtbot, windows)
    try:
        assert window.store is not None and window.store.path == paths.data_dir / "demo.dxplan"
        assert not window.welcome.isVisible()
    finally:
        window.put_away()


def test_a_last_file_that_is_gone_shows_the_page_with_the_reason(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows, paths = _windows(settings, tmp_path, monkeypatch)
    settings.setValue("last_file", str(tmp_path / "gone.dxplan"))
    window = _start(qtbot, windows)
    try:
        assert window.store is None and window.welcome.isVisible()
        note = window.welcome.note
        assert note.isVisible() and "gone.dxplan" in note.text() and "could not be opened" in note.text()
        assert not paths.data_dir.exists() or not list(paths.data_dir.glob("*.dxplan"))  # none in its stead
    finally:
        window.put_away()
    # The navigator was never laid out: the first plan opened still gets the layout made for the screen.
    assert settings.value("window/splitter") is None


def test_closing_the_file_shows_the_page_where_a_recent_file_opens_with_a_click(
    qtbot: QtBot, window: MainWindow, settings: QSettings, demo_path: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "old" / "gone.dxplan"
    RecentFiles(settings).add(gone)
    assert window.open_file(demo_path)
    next(action for action in window.file_menu.actions() if action.text() == "&Close").trigger()
    assert window.store is None and window.welcome.isVisible()
    assert settings.value("last_file") is None  # closed on purpose: the next start shows the page
    shown = {button.text(): button for button in window.welcome.recent_buttons}
    assert set(shown) == {"demo.dxplan", "gone.dxplan"}
    assert shown["demo.dxplan"].toolTip() == str(demo_path.parent) and shown["demo.dxplan"].isEnabled()
    assert not shown["gone.dxplan"].isEnabled()  # greyed: it cannot be opened
    qtbot.mouseClick(shown["demo.dxplan"], Qt.MouseButton.LeftButton)
    assert window.store is not None and window.store.path == demo_path
    assert not window.welcome.isVisible()


def test_a_menu_that_works_only_on_a_plan_is_greyed_while_the_page_shows(
    window: MainWindow, demo_path: Path
) -> None:
    # The guide: "The menus that work on a plan stay greyed until one is open." Insert adds records
    # to the open plan only, so its title is greyed like Edit's and Chart's, not just its items.
    assert window.open_file(demo_path)
    assert window.insert_menu.menuAction().isEnabled()
    next(action for action in window.file_menu.actions() if action.text() == "&Close").trigger()
    assert window.welcome.isVisible()
    assert not window.insert_menu.menuAction().isEnabled()
    assert not window.edit_menu.menuAction().isEnabled() and not window.chart_menu.menuAction().isEnabled()
    assert window.help_menu.menuAction().isEnabled()  # the guide stays at hand
    assert window.open_file(demo_path)
    assert window.insert_menu.menuAction().isEnabled()


def test_new_plan_asks_where_and_opens_the_new_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "ke-hoach-cua-toi"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(chosen), ""))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focused = QApplication.focusWidget()
    assert focused is not None and window.welcome.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the page's &New plan
    made = tmp_path / "ke-hoach-cua-toi.dxplan"
    qtbot.waitUntil(made.exists)  # a mnemonic presses the button as a click does, after a moment
    assert window.store is not None and window.store.path == made and not window.welcome.isVisible()


def _importer_window(qtbot: QtBot, settings: QSettings, documents: Path) -> MainWindow:
    window = MainWindow(
        settings, open_plan_file, create_plan, today=lambda: TODAY, documents=lambda: documents
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _drop(path: Path) -> tuple[QDropEvent, QMimeData]:
    """A drop of the file at path, and its data (the event does not own it: keep it while in use)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    return event, data


def _answer_preview(import_it: bool) -> None:
    """Import (or cancel) in the preview once it has read the table."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, ImportDialog) and dialog.table is not None:
        if import_it:
            dialog.import_now()
        else:
            dialog.reject()
    else:
        QTimer.singleShot(50, lambda: _answer_preview(import_it))


def test_import_an_excel_plan_makes_a_plan_file_named_after_the_workbook_and_imports_it(
    qtbot: QtBot, settings: QSettings, messages: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = build_decision_appendix(tmp_path)
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kwargs: (str(sample.path), ""))
    window = _importer_window(qtbot, settings, documents)
    try:
        # Dropped on the page, then cancelled in the preview: no file is left behind, the page is back.
        QTimer.singleShot(50, lambda: _answer_preview(False))
        drop, _data = _drop(sample.path)
        window.dropEvent(drop)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Nothing was imported"))
        assert window.store is None and window.welcome.isVisible() and messages == []
        assert list(documents.iterdir()) == []
        assert RecentFiles(settings).paths() == []

        QTimer.singleShot(50, lambda: _answer_preview(True))
        window.welcome.import_button.click()
        made = documents / f"{sample.path.stem}.dxplan"
        assert window.store is not None and window.store.path == made
        key = window.current_key()
        assert key is not None and key.kind is NodeKind.PLAN  # the imported plan is shown
        assert window.statusBar().currentMessage().startswith("Imported ")
        with closing(sqlite3.connect(made)) as written:
            assert written.execute("SELECT count(*) FROM task").fetchone()[0] == len(sample.tasks)
    finally:
        window.put_away()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_page_lists_each_recent_file_once_and_each_way_in_has_its_own_mnemonic(
    qtbot: QtBot, settings: QSettings, demo_path: Path, language: str
) -> None:
    set_language(language)
    RecentFiles(settings).add(demo_path)
    window = MainWindow(settings, open_plan_file, create_plan)
    qtbot.addWidget(window)
    window.show()
    page = window.welcome
    # The list is filled more than once as the window is built: only its last filling shows.
    shown = [button for button in page.findChildren(QPushButton, "recent_file") if button.isVisible()]
    assert shown == page.recent_buttons and [button.text() for button in shown] == ["demo.dxplan"]
    texts = [page.demo_button.text(), page.new_button.text(), page.import_button.text()]
    texts += [page.open_button.text(), page.recent_title.text()]
    texts += [action.text() for action in window.menuBar().actions()]
    assert len(texts) == 11  # the five ways in and the six menus
    keys = [QKeySequence.mnemonic(text).toString() for text in texts]
    assert all(keys) and len(set(keys)) == len(keys), dict(zip(texts, keys, strict=True))
