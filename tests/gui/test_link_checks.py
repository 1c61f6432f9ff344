"""A link the planned dates break at once is refused with the reason, from the details pane and the chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.ui.gantt.gestures import link_handle
from dxplanner.ui.gantt.painter import bar_geometry
from dxplanner.ui.gantt.rows import bar_of
from dxplanner.ui.main_window import MainWindow
from tests.conftest import snapshot

pytestmark = pytest.mark.gui

# The demo's 2026 plan: I.5 ends on 31/03/2026, II.4 runs through 2026 from 01/01.
CORE_DATA_LIST = 354  # I.5 "Ban hành danh mục dữ liệu cốt lõi, dữ liệu dùng chung ..."
VNEID = 362  # II.4 "Phát triển ứng dụng VNeID ..."
REFUSAL = (
    "This link is refused: “Phát triển ứng dụng VNeID",
    "” can only start after “Ban hành danh mục dữ liệu cốt lõi",
    "” ends, but it is planned to start before that. Move one of the two tasks first.",
)


def _refused(messages: list[str]) -> bool:
    return len(messages) == 1 and all(part in messages[0] for part in REFUSAL)


def test_ii_4_after_i_5_typed_in_the_details_pane_is_refused_with_the_reason(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path) and window.editor is not None and window.session is not None
    sheet = window.editor.sheet
    before = snapshot(window.store)  # type: ignore[arg-type]
    steps = window.session.undo_stack.count()
    sheet.select_task(VNEID)
    details = window.editor.details.task
    assert details.record_id == VNEID
    details.add_link.setFocus()
    qtbot.keyClicks(details.add_link, "danh muc du lieu cot loi")
    qtbot.keyClick(details.add_link, Qt.Key.Key_Return)
    assert _refused(messages), messages
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert window.session.undo_stack.count() == steps
    assert details.links.table.rowCount() == 0
    assert details.add_link.text() == "danh muc du lieu cot loi"  # left to correct


def test_ii_4_after_i_5_drawn_on_the_chart_is_refused_with_the_same_reason(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path) and window.editor is not None and window.session is not None
    sheet = window.editor.sheet
    sheet.show_chart()
    gantt = sheet.gantt
    QApplication.processEvents()
    gantt.fit_plan()
    before = snapshot(window.store)  # type: ignore[arg-type]
    steps = window.session.undo_stack.count()
    target = gantt.bar_rect(VNEID)
    row_top = next(top for task_id, top in gantt.visible_rows() if task_id == CORE_DATA_LIST)
    bar = bar_of(sheet.model, CORE_DATA_LIST)
    assert target is not None and bar is not None
    start = QPointF(*link_handle(bar_geometry(bar, row_top, gantt.row_height(), gantt.scale, gantt.x_offset)))
    qtbot.mousePress(gantt, Qt.MouseButton.LeftButton, pos=start.toPoint())
    qtbot.mouseMove(gantt, ((start + target.center()) / 2).toPoint())
    qtbot.mouseMove(gantt, target.center().toPoint())
    qtbot.mouseRelease(gantt, Qt.MouseButton.LeftButton, pos=target.center().toPoint())
    assert _refused(messages), messages
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert window.session.undo_stack.count() == steps
