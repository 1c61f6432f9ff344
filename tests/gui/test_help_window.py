"""The user guide from the Help menu, in the window's language, and F1 at the part about the screen in use."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from dxplanner.i18n import current_language, set_language
from dxplanner.resources import guide_dir
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.gui import create_plan
from dxplanner.ui.help_window import HOME, SHORTCUTS, TOPICS, HelpWindow, guide_language
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKind

pytestmark = pytest.mark.gui


@pytest.fixture
def vietnamese_window(qtbot: QtBot, settings: QSettings) -> Iterator[MainWindow]:
    """The main window as a Vietnamese user has it (its menus built in Vietnamese)."""
    before = current_language()
    settings.setValue("language", "vi")
    set_language("vi")
    window = MainWindow(settings, open_plan_file, create_plan, today=lambda: datetime.date(2026, 11, 20))
    qtbot.addWidget(window)
    window.show()
    yield window
    set_language(before)
    if window.store is not None:
        window.store.close()


def _shown_text(help_window: HelpWindow) -> str:
    return help_window.browser.toPlainText()


def test_help_user_guide_opens_the_vietnamese_guide_in_a_vietnamese_window(
    vietnamese_window: MainWindow,
) -> None:
    assert vietnamese_window.guide_action.text() == "&Hướng dẫn sử dụng"
    vietnamese_window.guide_action.trigger()
    guide = vietnamese_window.help_window
    assert guide is not None and guide.isVisible()
    assert guide.language == "vi"
    assert guide.current_page() == "index.md"
    assert "Hướng dẫn sử dụng dxplanner" in _shown_text(guide)
    # The page list names the pages in Vietnamese, in the order of a secretariat's work.
    titles = [guide.pages.item(row).text() for row in range(guide.pages.count())]
    assert titles[:2] == ["Hướng dẫn sử dụng dxplanner", "Thiết lập các đơn vị"]
    assert titles[-1] == "Phím tắt"


def test_help_user_guide_opens_the_english_guide_in_an_english_window(window: MainWindow) -> None:
    window.guide_action.trigger()
    guide = window.help_window
    assert guide is not None and guide.isVisible()
    assert guide.language == "en"
    assert "dxplanner user guide" in _shown_text(guide)
    assert "Hướng dẫn sử dụng" not in _shown_text(guide)


def test_help_keyboard_shortcuts_opens_the_shortcuts_page(window: MainWindow) -> None:
    shortcuts = next(a for a in window.help_menu.actions() if a.text() == "&Keyboard shortcuts")
    shortcuts.trigger()
    guide = window.help_window
    assert guide is not None
    assert guide.current_page() == "shortcuts.md"
    assert "Ctrl+Shift+Z" in _shown_text(guide)


def test_a_link_opens_its_page_at_its_anchor_and_back_returns(window: MainWindow, qtbot: QtBot) -> None:
    window.guide_action.trigger()
    guide = window.help_window
    assert guide is not None
    guide.resize(900, 500)
    browser = guide.browser
    # What a click on "Set up the units" in the index does: the link, resolved against the page.
    browser.setSource(browser.source().resolved(QUrl("units.md#merge")))
    assert guide.current_page() == "units.md#merge"
    assert "Merge two units" in _shown_text(guide)
    # The anchor is at a heading further down: the page is scrolled to it.
    qtbot.waitUntil(lambda: browser.verticalScrollBar().value() > 0)
    assert guide.pages.currentItem().text() == "Set up the units"
    assert guide.back_action.isEnabled()
    guide.back_action.trigger()
    assert guide.current_page() == "index.md"
    guide.forward_action.trigger()
    assert guide.current_page() == "units.md#merge"


def test_the_guide_shows_its_pictures(window: MainWindow) -> None:
    window.guide_action.trigger()
    guide = window.help_window
    assert guide is not None
    document = guide.browser.document()
    picture = document.resource(
        2, guide.browser.source().resolved(QUrl("../images/sheet-en.png"))
    )  # 2: QTextDocument.ImageResource, loaded when the page was laid out
    assert picture is not None and not picture.isNull()
    assert picture.width() <= 720  # a whole-window screenshot is shown smaller


def test_the_guide_window_remembers_its_size(window: MainWindow, settings: QSettings, qtbot: QtBot) -> None:
    window.guide_action.trigger()
    guide = window.help_window
    assert guide is not None
    guide.resize(700, 450)
    guide.close()
    again = HelpWindow(settings, "en")
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 450)


def test_f1_on_the_task_sheet_opens_the_sheet_part_of_the_progress_page(
    window: MainWindow, demo_path: Path, qtbot: QtBot
) -> None:
    assert window.open_file(demo_path)
    editor = window.editor
    assert editor is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.sheet.view.setFocus()
    QTest.keyClick(editor.sheet.view, Qt.Key.Key_F1)
    guide = window.help_window
    assert guide is not None and guide.isVisible()
    assert guide.current_page() == "progress.md#sheet"
    assert "The task sheet" in _shown_text(guide)


def test_f1_in_the_dashboard_opens_the_dashboard_page(
    window: MainWindow, demo_path: Path, qtbot: QtBot
) -> None:
    assert window.open_file(demo_path)
    editor = window.editor
    assert editor is not None
    window.select(next(key for key in window.all_keys() if key.kind is NodeKind.DASHBOARD))
    assert editor.stack.currentWidget() is editor.dashboard
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.dashboard.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = window.help_window
    assert guide is not None
    assert guide.current_page() == "dashboard.md#dashboard"


def test_f1_in_the_report_dialog_opens_the_report_page_over_it(
    window: MainWindow, demo_path: Path, qtbot: QtBot
) -> None:
    assert window.open_file(demo_path)
    seen: list[str] = []

    def press_f1() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        # As on a desktop: the dialog comes up active, with the focus in its first field.
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is dialog
        QTest.keyClick(focused, Qt.Key.Key_F1)
        opened = [child for child in dialog.findChildren(HelpWindow) if child.isVisible()]
        seen.extend(child.current_page() for child in opened)
        for child in opened:
            child.close()
        dialog.reject()

    QTimer.singleShot(300, press_f1)
    window._make_report()
    assert seen == ["report.md#report"]


def test_a_language_the_guide_is_not_written_in_gets_the_english_guide(tmp_path: Path) -> None:
    for language in ("en", "vi"):
        (tmp_path / language).mkdir()
        (tmp_path / language / "index.md").write_text("# Guide\n", encoding="utf-8")
    (tmp_path / "fr").mkdir()  # a folder begun, with no pages yet
    assert guide_language("vi", tmp_path) == "vi"
    assert guide_language("fr", tmp_path) == "en"
    assert guide_language("de", tmp_path) == "en"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_screen_with_context_help_has_its_part_in_the_guide(language: str) -> None:
    folder = guide_dir() / language
    for screen, topic in [
        *TOPICS.items(),
        ("home", HOME),
        ("shortcuts", SHORTCUTS),
        ("unit page", "units.md"),
    ]:
        page, _sep, anchor = topic.partition("#")
        assert (folder / page).is_file(), (screen, topic)
        if anchor:
            assert f'<a id="{anchor}"></a>' in (folder / page).read_text(encoding="utf-8"), (screen, topic)


def test_f1_with_the_focus_in_the_navigator_opens_the_part_about_the_page_shown(
    window: MainWindow, demo_path: Path, qtbot: QtBot
) -> None:
    assert window.open_file(demo_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_F1)
    guide = window.help_window
    assert guide is not None
    assert guide.current_page() == "progress.md#sheet"  # the latest plan is shown when a file opens
    window.select(next(key for key in window.all_keys() if key.kind is NodeKind.UNIT))
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_F1)
    assert guide.current_page() == "units.md"
