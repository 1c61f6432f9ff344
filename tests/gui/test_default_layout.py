"""The window's first layout shows a task's whole row (number, name, lead unit, dates, progress, status)
beside a useful chart, without sideways scrolling, on a 1366 x 768 laptop and a 1920 x 1080 screen, in
Vietnamese and in English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.i18n import set_language
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.workbench_layout import DETAILS_FLOOR
from tests.gui.conftest import TODAY

pytestmark = pytest.mark.gui

PLAN_2026 = 6
ROW = (
    SheetColumn.CODE,
    SheetColumn.NAME,
    SheetColumn.LEAD,
    SheetColumn.START,
    SheetColumn.END,
    SheetColumn.PROGRESS,
    SheetColumn.STATUS,
)
# The columns whose values must show whole (a name or a unit may be cut, with its tooltip).
WHOLE = (SheetColumn.START, SheetColumn.END, SheetColumn.PROGRESS, SheetColumn.STATUS)


@pytest.fixture(params=["vi", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize(("width", "height", "chart"), [(1366, 768, 300), (1920, 1080, 450)])
def test_the_first_layout_shows_the_whole_task_row_beside_the_chart(
    qtbot: QtBot, tmp_path: Path, demo_path: Path, language: str, width: int, height: int, chart: int
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", language)
    window = MainWindow(settings, open_plan_file, create_plan, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert window.editor is not None
    sheet = window.editor.sheet
    view, header = sheet.view, sheet.view.header()
    qtbot.waitUntil(sheet.chart_shown)  # built once the sheet has painted
    QApplication.processEvents()
    assert sheet.gantt.width() >= chart, sheet.gantt.width()
    room = view.viewport().width()
    for column in ROW:
        assert not view.isColumnHidden(column), column.name
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= room, (column.name, left, room)
    assert view.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    assert header.sectionSize(SheetColumn.NAME) >= 180
    metrics = view.fontMetrics()
    model = view.model()
    shown = 0
    index = view.indexAt(view.viewport().rect().topLeft())
    while index.isValid() and view.visualRect(index).top() < room:
        for column in WHOLE:
            text = str(model.index(index.row(), column, index.parent()).data() or "")
            assert metrics.horizontalAdvance(text) + 8 <= header.sectionSize(column), (column.name, text)
        shown += 1
        index = view.indexBelow(index)
        if shown > 25:
            break
    assert shown > 10
    # The details beside it on a wide screen; folded away on a laptop, F7 brings them back.
    editor = window.editor
    details = editor.plan_page.sizes()[1]
    assert (details >= 380) if width >= 1600 else (details == 0 and not editor.details_action.isChecked())
    # A click on a task's name leaves the numbers and the fold arrows where they are.
    sheet.select_task(353)
    name = view.currentIndex().siblingAtColumn(SheetColumn.NAME)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(name).center())
    assert view.horizontalScrollBar().value() == 0


def _laptop_window(qtbot: QtBot, settings: QSettings, demo_path: Path) -> MainWindow:
    """A 1366 x 768 window on the demo's 2026 plan."""
    window = MainWindow(settings, open_plan_file, create_plan, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    QApplication.processEvents()
    return window


def test_a_restart_with_the_details_folded_away_shows_details_off_and_f7_brings_them_back(
    qtbot: QtBot, tmp_path: Path, demo_path: Path
) -> None:
    # Followed from the guide on a 1366 px laptop: after a restart the Details button showed pressed
    # with the details folded away, and the first F7 did nothing that could be seen.
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = _laptop_window(qtbot, settings, demo_path)  # folds them away, and remembers it when put away
    first.put_away()
    window = _laptop_window(qtbot, settings, demo_path)
    editor = window.editor
    assert editor is not None
    assert editor.plan_page.sizes()[1] == 0
    assert not editor.details_action.isChecked()
    editor.details_action.trigger()  # F7
    assert editor.plan_page.sizes()[1] > 0 and editor.details_action.isChecked()


@pytest.mark.parametrize("width", [1366, 1440])
def test_details_opened_in_a_narrow_window_leave_the_task_names_readable(
    qtbot: QtBot, tmp_path: Path, demo_path: Path, language: str, width: int
) -> None:
    """F7 on a 1366 x 768 laptop squeezed the name column to two letters ("Xâ…") in Vietnamese: the
    details took 400 pixels and the row could give way nowhere else. They open narrower there."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", language)
    window = MainWindow(settings, open_plan_file, create_plan, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(width, 768)
    window.show()
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert window.editor is not None
    sheet = window.editor.sheet
    qtbot.waitUntil(sheet.chart_shown)
    window.editor.details_action.setChecked(False)
    QApplication.processEvents()
    window.editor.details_action.setChecked(True)  # F7
    QApplication.processEvents()
    details = window.editor.plan_page.sizes()[1]
    assert details >= DETAILS_FLOOR, details  # the details' tables whole, with their buttons
    # Some twelve letters of a name at least (its whole name in the tooltip), no sideways scrolling.
    assert sheet.view.header().sectionSize(SheetColumn.NAME) >= 90
    assert sheet.view.horizontalScrollBar().maximum() == 0
