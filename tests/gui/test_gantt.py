"""The Gantt chart beside the sheet: same rows, editing by dragging bars, undo, refusals and export."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import select

from dxplanner.core.enums import TaskStatus
from dxplanner.core.models import Dependency, Task
from dxplanner.core.workdays import vietnam_calendar
from dxplanner.ui.gantt.export import Paper, export_chart
from dxplanner.ui.gantt.gestures import link_handle
from dxplanner.ui.gantt.painter import bar_geometry
from dxplanner.ui.gantt.rows import bar_of
from dxplanner.ui.gantt.view import LEGEND_HEIGHT, GanttView
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot

pytestmark = pytest.mark.gui

DECREE = 353  # 01/07/2026 - 30/09/2026, no links
CORE_DATA_LIST = 354  # 01/01/2026 - 31/03/2026, must end before 357 starts (FS)
REPORTING_RULES = 355  # 01/10/2026 - 31/12/2026
LGSP_GROUP, LGSP_HCMC = 364, 365
DAY_ZOOM = 20.0  # pixels per day
TODAY_IN_TESTS = datetime.date(2026, 11, 20)


def _chart(window: MainWindow, demo_path: Path) -> tuple[TaskSheet, GanttView]:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    gantt = sheet.gantt
    QApplication.processEvents()
    return sheet, gantt


def _dates(window: MainWindow, task_id: int) -> tuple[datetime.date | None, datetime.date | None, float]:
    with window.store.read() as session:  # type: ignore[union-attr]
        task = session.get(Task, task_id)
        assert task is not None
        return task.planned_start, task.planned_end, task.progress


def _show_day(gantt: GanttView, day: datetime.date, at_x: float = 60.0) -> None:
    """Zoom to days and scroll so that day begins at_x pixels from the chart's left edge."""
    gantt.set_zoom(DAY_ZOOM)
    gantt.hbar.setValue(round(gantt.scale.x_of(day) - at_x))
    assert gantt.x_offset == pytest.approx(gantt.scale.x_of(day) - at_x, abs=1)


def _drag(qtbot: QtBot, gantt: GanttView, start: QPointF, end: QPointF) -> None:
    qtbot.mousePress(gantt, Qt.MouseButton.LeftButton, pos=start.toPoint())
    middle = (start + end) / 2
    qtbot.mouseMove(gantt, middle.toPoint())
    qtbot.mouseMove(gantt, end.toPoint())
    qtbot.mouseRelease(gantt, Qt.MouseButton.LeftButton, pos=end.toPoint())


def _undo(qtbot: QtBot, sheet: TaskSheet) -> None:
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_the_chart_shows_the_demo_plan_row_for_row_with_the_sheet(
    window: MainWindow, demo_path: Path
) -> None:
    sheet, gantt = _chart(window, demo_path)
    rows = gantt.visible_rows()
    assert len(rows) > 20
    tree_top = sheet.view.viewport().geometry().top()
    for task_id, top in rows[:25]:
        index = sheet.model.index_of(task_id)
        # The same task sits at the same height in the sheet and in the chart.
        assert sheet.view.visualRect(index).top() + tree_top == top
    dated = [task_id for task_id, _top in rows if (bar := bar_of(sheet.model, task_id)) and bar.dated]
    assert dated, "the demo plan's tasks have dates"
    rect = gantt.bar_rect(DECREE)
    assert rect is not None and rect.width() > 0
    # The header above the rows is level with the sheet's column header.
    assert gantt.header_rect().height() == sheet.view.header().height()
    assert gantt.grab().width() == gantt.width()


def test_collapsing_a_group_in_the_sheet_collapses_it_in_the_chart(
    window: MainWindow, demo_path: Path
) -> None:
    sheet, gantt = _chart(window, demo_path)
    sheet.view.expand(sheet.model.index_of(LGSP_GROUP))
    shown = [task_id for task_id, _top in gantt.visible_rows()]
    assert LGSP_HCMC in shown
    assert gantt.rows.row_of(LGSP_HCMC) == gantt.rows.row_of(LGSP_GROUP) + 1  # type: ignore[operator]

    sheet.view.collapse(sheet.model.index_of(LGSP_GROUP))
    shown = [task_id for task_id, _top in gantt.visible_rows()]
    assert LGSP_GROUP in shown and LGSP_HCMC not in shown
    assert gantt.rows.row_of(LGSP_HCMC) is None
    # The row after the group is now the group's next sibling, in the chart as in the sheet.
    after = shown[shown.index(LGSP_GROUP) + 1]
    assert sheet.model.index_of(after) == sheet.view.indexBelow(
        sheet.model.index_of(LGSP_GROUP)
    ).siblingAtColumn(0)


def test_selection_is_shared_both_ways(qtbot: QtBot, window: MainWindow, demo_path: Path) -> None:
    sheet, gantt = _chart(window, demo_path)
    _show_day(gantt, datetime.date(2026, 7, 1))
    rect = gantt.bar_rect(DECREE)
    assert rect is not None
    qtbot.mouseClick(
        gantt, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.left()) + 10, int(rect.center().y()))
    )
    assert sheet.current_task() == DECREE
    sheet.select_task(REPORTING_RULES)
    selection = sheet.view.selectionModel()
    index = sheet.model.index_of(REPORTING_RULES)
    assert selection.isRowSelected(index.row(), index.parent()) or sheet.current_task() == REPORTING_RULES


def test_dragging_a_bar_moves_the_task_by_working_days_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet, gantt = _chart(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    start, end, _progress = _dates(window, DECREE)
    assert (start, end) == (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    _show_day(gantt, start)  # type: ignore[arg-type]
    rect = gantt.bar_rect(DECREE)
    assert rect is not None
    grab = QPointF(rect.left() + 10, rect.center().y())
    _drag(qtbot, gantt, grab, grab + QPointF(7 * DAY_ZOOM, 0))

    # A week later on the calendar: five working days, and the end moves by as many.
    calendar = vietnam_calendar()
    new_start, new_end, _progress = _dates(window, DECREE)
    assert new_start == datetime.date(2026, 7, 8)
    assert calendar.working_days(start, new_start) - 1 == 5  # type: ignore[arg-type]
    assert new_end == calendar.add_working_days(end, 5)  # type: ignore[arg-type]
    assert calendar.working_days(new_start, new_end) == calendar.working_days(start, end)  # type: ignore[arg-type]
    assert sheet.model.rolled(DECREE).start == new_start  # type: ignore[union-attr]
    assert window.undo_action.text().startswith("&Undo Move")

    _undo(qtbot, sheet)
    assert _dates(window, DECREE)[:2] == (start, end)
    assert snapshot(window.store) == before  # type: ignore[arg-type]


def test_dragging_the_end_and_the_progress_handle(qtbot: QtBot, window: MainWindow, demo_path: Path) -> None:
    sheet, gantt = _chart(window, demo_path)
    start, end, progress = _dates(window, DECREE)
    _show_day(gantt, end, at_x=gantt.width() / 2)  # type: ignore[arg-type]
    rect = gantt.bar_rect(DECREE)
    assert rect is not None
    edge = QPointF(rect.right(), rect.center().y())
    _drag(qtbot, gantt, edge, edge + QPointF(2 * DAY_ZOOM, 0))
    assert _dates(window, DECREE)[:2] == (start, datetime.date(2026, 10, 2))
    assert window.undo_action.text().startswith("&Undo Change the end")

    # The progress handle: three pixels a day show the whole bar, wide enough to drag along.
    gantt.set_zoom(3.0)
    gantt.hbar.setValue(round(gantt.scale.x_of(start) - 20))  # type: ignore[arg-type]
    rect = gantt.bar_rect(DECREE)
    assert rect is not None
    notch = QPointF(rect.left() + rect.width() * progress / 100, rect.bottom() + 3)
    target = QPointF(rect.left() + rect.width() * 0.9, rect.bottom() + 3)
    _drag(qtbot, gantt, notch, target)
    assert _dates(window, DECREE)[2] == pytest.approx(90, abs=1)

    _undo(qtbot, sheet)
    _undo(qtbot, sheet)
    assert _dates(window, DECREE) == (start, end, progress)


def test_dragging_the_progress_of_a_completed_task_shows_the_new_figure_and_its_status(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet, gantt = _chart(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    start, _end, progress = _dates(window, CORE_DATA_LIST)
    assert progress == 100 and _status(window, CORE_DATA_LIST) is TaskStatus.COMPLETED
    gantt.set_zoom(3.0)
    gantt.hbar.setValue(round(gantt.scale.x_of(start) - 20))  # type: ignore[arg-type]
    rect = gantt.bar_rect(CORE_DATA_LIST)
    assert rect is not None
    notch = QPointF(rect.right(), rect.bottom() + 3)
    _drag(qtbot, gantt, notch, QPointF(rect.left() + rect.width() * 0.4, rect.bottom() + 3))
    # The figure dragged to is stored and shown: the task is no longer completed, as when it is typed.
    figure = _dates(window, CORE_DATA_LIST)[2]
    assert figure == pytest.approx(40, abs=1)
    assert _status(window, CORE_DATA_LIST) is TaskStatus.IN_PROGRESS
    assert sheet.model.data(sheet.model.index_of(CORE_DATA_LIST, SheetColumn.PROGRESS)) == f"{figure:.0f}%"
    assert gantt.bar_rect(CORE_DATA_LIST) is not None
    assert bar_of(sheet.model, CORE_DATA_LIST).progress == figure  # type: ignore[union-attr]
    assert "so its status is in progress" in window.statusBar().currentMessage()
    _undo(qtbot, sheet)
    assert snapshot(window.store) == before  # type: ignore[arg-type]


def _status(window: MainWindow, task_id: int) -> TaskStatus:
    with window.store.read() as session:  # type: ignore[union-attr]
        task = session.get(Task, task_id)
        assert task is not None
        return task.status


def test_a_move_that_breaks_a_link_is_refused_with_the_reason_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    sheet, gantt = _chart(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    start, _end, _progress = _dates(window, CORE_DATA_LIST)
    _show_day(gantt, start)  # type: ignore[arg-type]
    rect = gantt.bar_rect(CORE_DATA_LIST)
    assert rect is not None
    grab = QPointF(rect.left() + 10, rect.center().y())
    _drag(qtbot, gantt, grab, grab + QPointF(14 * DAY_ZOOM, 0))
    assert len(messages) == 1
    assert "can only start after" in messages[0] and "Ban hành danh mục dữ liệu" in messages[0]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert not sheet.session.undo_stack.canUndo()


def test_dragging_an_end_before_the_start_is_refused(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    _sheet, gantt = _chart(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    gantt.fit_plan()
    rect = gantt.bar_rect(DECREE)
    assert rect is not None
    edge = QPointF(rect.right(), rect.center().y())
    _drag(qtbot, gantt, edge, QPointF(rect.left() - 40, rect.center().y()))
    assert len(messages) == 1 and "is before the start" in messages[0]
    assert snapshot(window.store) == before  # type: ignore[arg-type]


def test_drawing_a_link_from_one_bar_to_another(qtbot: QtBot, window: MainWindow, demo_path: Path) -> None:
    sheet, gantt = _chart(window, demo_path)
    gantt.fit_plan()
    source, target = gantt.bar_rect(DECREE), gantt.bar_rect(REPORTING_RULES)
    assert source is not None and target is not None
    row_top = next(top for task_id, top in gantt.visible_rows() if task_id == DECREE)
    bar = bar_of(sheet.model, DECREE)
    assert bar is not None
    handle = link_handle(bar_geometry(bar, row_top, gantt.row_height(), gantt.scale, gantt.x_offset))
    _drag(qtbot, gantt, QPointF(*handle), target.center())

    def links() -> list[tuple[int, int]]:
        with window.store.read() as session:  # type: ignore[union-attr]
            rows = session.exec(select(Dependency).where(Dependency.predecessor_id == DECREE)).all()
            return [(row.predecessor_id, row.successor_id) for row in rows]

    assert links() == [(DECREE, REPORTING_RULES)]
    _undo(qtbot, sheet)
    assert links() == []


def test_ctrl_wheel_zooms_and_the_header_follows(window: MainWindow, demo_path: Path) -> None:
    _sheet, gantt = _chart(window, demo_path)
    gantt.fit_plan()
    before = gantt.scale.px_per_day
    position = QPointF(gantt.width() / 2, gantt.height() / 2)
    event = QWheelEvent(
        position,
        gantt.mapToGlobal(position),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(gantt, event)
    assert gantt.scale.px_per_day == pytest.approx(before * 1.25**2)


def test_exporting_png_svg_and_pdf_writes_valid_files(
    tmp_path: Path, window: MainWindow, demo_path: Path
) -> None:
    _sheet, gantt = _chart(window, demo_path)
    chart, span = gantt.chart(whole=True)
    assert span is None and len(chart.bars) == 69  # the 2026 plan: 61 tasks and 8 groups
    png, svg, pdf = tmp_path / "plan.png", tmp_path / "plan.svg", tmp_path / "plan.pdf"
    assert export_chart(chart, png) == 1
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 1000 and image.height() > 69 * 18
    assert export_chart(chart, svg) == 1
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert any(text and "Xây dựng Nghị định" in text for text in root.itertext())
    pages = export_chart(chart, pdf, Paper.A4)
    assert pages == 3  # 69 rows at about 30 a page on A4 landscape
    assert pdf.read_bytes().startswith(b"%PDF")
    assert export_chart(chart, tmp_path / "plan-a3.pdf", Paper.A3) == 2
    visible, visible_span = gantt.chart(whole=False)
    assert visible_span is not None and 0 < len(visible.bars) < len(chart.bars)
    assert export_chart(visible, tmp_path / "visible.png", span=visible_span) == 1
    assert not list(tmp_path.glob(".*.part")), "no temporary file is left behind"
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian package poppler-utils) is not installed: the PDF was not rendered")
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    assert len(list(tmp_path.glob("page-*.png"))) == 3


def test_an_export_to_an_unknown_kind_of_file_is_refused(
    tmp_path: Path, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    from dxplanner.ui.gantt.export_dialog import export_to

    _sheet, gantt = _chart(window, demo_path)
    assert export_to(gantt, tmp_path / "plan.docx") is None
    assert messages == ["A chart can be saved as PNG, SVG or PDF, not as “.docx”."]
    assert not (tmp_path / "plan.docx").exists()


def test_a_strategy_shows_all_its_plans_on_one_chart(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, demo_path: Path
) -> None:
    from dxplanner.ui.gantt.chart_browser import StrategyChartDialog
    from dxplanner.ui.navigator import NodeKey, NodeKind

    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.STRATEGY, 1))
    assert window.editor is not None
    form = window.editor.form(NodeKind.STRATEGY)
    assert form is not None
    button = form.findChild(QPushButton, "strategy_chart")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, StrategyChartDialog)]
    assert len(dialogs) == 1
    browser = dialogs[0].browser
    plans = [bar for bar in browser.shown_rows() if bar.level == 0]
    assert len(plans) == 6 and "2021" in plans[0].name and "2026" in plans[-1].name
    everything = len(browser.shown_rows())
    browser.toggle(plans[0].task_id)  # close the 2021 plan
    assert len(browser.shown_rows()) < everything and browser.shown_rows()[1] == plans[1]
    assert not browser.grab().isNull()
    assert dialogs[0].export(tmp_path / "strategy.pdf") is not None
    assert (tmp_path / "strategy.pdf").read_bytes().startswith(b"%PDF")
    dialogs[0].close()


def test_a_bar_tells_its_task_when_the_mouse_rests_on_it(window: MainWindow, demo_path: Path) -> None:
    _sheet, gantt = _chart(window, demo_path)
    text = gantt.tooltip(DECREE)
    assert text is not None
    lines = text.splitlines()
    assert lines[0].startswith("Xây dựng Nghị định về quản lý đầu tư")
    assert "01/07/2026 – 30/09/2026" in lines
    assert "Progress: 75%" in lines and any(line.startswith("Status: ") for line in lines)


def test_the_critical_path_is_marked_on_request(window: MainWindow, demo_path: Path) -> None:
    from dxplanner.store.chart_rows import plan_chart

    sheet, gantt = _chart(window, demo_path)
    assert gantt.critical == frozenset()
    sheet.chart_actions["critical"].trigger()
    with window.store.read() as session:  # type: ignore[union-attr]
        expected = plan_chart(session, 6, TODAY_IN_TESTS, critical=True).critical
    assert gantt.critical == expected == {358, 360}  # the 2026-2027 data centre project and its group
    sheet.chart_actions["critical"].trigger()
    assert gantt.critical == frozenset()


def test_a_click_that_trembles_moves_nothing(qtbot: QtBot, window: MainWindow, demo_path: Path) -> None:
    sheet, gantt = _chart(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    gantt.fit_plan()  # under half a pixel a day: one pixel is two days
    rect = gantt.bar_rect(DECREE)
    assert rect is not None
    grab = QPointF(rect.left() + rect.width() / 3, rect.center().y())
    _drag(qtbot, gantt, grab, grab + QPointF(1, 0))
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert sheet.current_task() == DECREE and not sheet.session.undo_stack.canUndo()


def test_with_a_filter_on_links_are_not_drawn_to_the_wrong_row(window: MainWindow, demo_path: Path) -> None:
    sheet, gantt = _chart(window, demo_path)
    sheet.search.setText("Hợp nhất LGSP TP Hồ Chí Minh")
    sheet._apply_filter()
    shown = gantt.rows.order()
    assert shown == [358, LGSP_GROUP, LGSP_HCMC]
    # 365 -> 367 is a link, but 367 is filtered out: no arrow from 365 to its own group.
    assert gantt.rows.links_across(0, len(shown) - 1) == []
    sheet.view.collapse(sheet.model.index_of(LGSP_GROUP))
    assert gantt.rows.order() == [358, LGSP_GROUP]


def _on_screen(window: MainWindow, gantt: GanttView) -> QImage:
    """The chart as the window last painted it (not painted afresh, as grab() would)."""
    corner = gantt.mapTo(window, QPoint(0, 0))
    shot = window.screen().grabWindow(window.winId(), corner.x(), corner.y(), gantt.width(), gantt.height())
    return shot.toImage().convertToFormat(QImage.Format.Format_RGB32)


def _same_picture(shown: QImage, fresh: QImage) -> bool:
    """Whether two pictures of the chart are the same to the eye: antialiased edges clipped by the
    part repainted may differ by a shade (125 against 126), anything stale differs by far more."""
    if shown.size() != fresh.size():
        return False
    width, height = shown.width(), shown.height()
    a = numpy.frombuffer(shown.constBits(), numpy.uint8, shown.sizeInBytes()).reshape(height, -1)
    b = numpy.frombuffer(fresh.constBits(), numpy.uint8, fresh.sizeInBytes()).reshape(height, -1)
    return bool(numpy.abs(a[:, : width * 4].astype(int) - b[:, : width * 4].astype(int)).max() <= 2)


def test_an_edit_repaints_the_rows_it_changes_and_the_chart_shows_what_a_whole_repaint_would(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet, gantt = _chart(window, demo_path)
    qtbot.waitExposed(window)
    sheet.select_task(CORE_DATA_LIST)
    _show_day(gantt, datetime.date(2026, 1, 1))
    qtbot.wait(50)
    painted: list[QRect] = []

    class Watch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())  # type: ignore[attr-defined]
            return False

    watch = Watch()
    gantt.installEventFilter(watch)
    # The window settles first (the details are built after the first paint, and the chart resized).
    qtbot.waitUntil(lambda: window.editor is not None and window.editor._details is not None)
    for _ in range(20):
        painted.clear()
        qtbot.wait(100)
        if not painted:
            break
    end = sheet.model.index_of(CORE_DATA_LIST, SheetColumn.END)
    # An earlier end: the bar shrinks and its arrow to the task that follows it moves.
    assert sheet.model.setData(end, datetime.date(2026, 2, 27))
    qtbot.wait(50)
    assert painted, "the chart was not repainted"
    union = QRect()
    for rect in painted:
        union = union.united(rect)
    changed = _on_screen(window, gantt)
    fresh = gantt.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)  # painted whole
    assert _same_picture(changed, fresh), "the chart on screen is not what painting it whole shows"
    # The rows of the task, of its groups and those its arrows reach; not the whole chart, header
    # and legend included (a whole repaint took a third of an edit's round trip on a 10,000-task plan).
    assert union.top() >= gantt.header_rect().bottom(), f"the header was repainted: {union}"
    assert union.bottom() < gantt.height() - gantt.hbar.height() - LEGEND_HEIGHT, (
        f"so was the legend: {union}"
    )

    painted.clear()
    _undo(qtbot, sheet)
    qtbot.wait(50)
    assert _dates(window, CORE_DATA_LIST)[1] == datetime.date(2026, 3, 31)
    assert _same_picture(
        _on_screen(window, gantt), gantt.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    )
    gantt.removeEventFilter(watch)


def test_a_new_name_repaints_the_rows_of_the_task_and_its_groups_not_the_rows_its_arrows_reach(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet, gantt = _chart(window, demo_path)
    qtbot.waitExposed(window)
    sheet.select_task(CORE_DATA_LIST)
    _show_day(gantt, datetime.date(2026, 1, 1))
    qtbot.waitUntil(lambda: window.editor is not None and window.editor._details is not None)
    painted: list[QRect] = []

    class Watch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.extend(event.region())  # type: ignore[attr-defined]
            return False

    watch = Watch()
    gantt.installEventFilter(watch)
    for _ in range(20):
        painted.clear()
        qtbot.wait(100)
        if not painted:
            break
    name = sheet.model.index_of(CORE_DATA_LIST, SheetColumn.NAME)
    assert sheet.model.setData(name, "Danh mục cơ sở dữ liệu dùng chung (sửa)")
    qtbot.wait(50)
    gantt.removeEventFilter(watch)
    rows = sum(rect.height() for rect in painted) / gantt.row_height()
    # Its row and its group's (a group's roll-up is announced too), each with a pixel or two of edge:
    # the arrow to the task that follows it did not move.
    assert 0 < rows < 3, painted
    assert _same_picture(
        _on_screen(window, gantt), gantt.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    )


def test_an_edit_that_starts_a_task_before_the_plan_widens_the_chart_and_undo_narrows_it_back(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    sheet, gantt = _chart(window, demo_path)
    first, last = gantt._span
    earlier = first - datetime.timedelta(days=400)
    start = sheet.model.index_of(CORE_DATA_LIST, SheetColumn.START)
    assert sheet.model.setData(start, earlier.strftime("%d/%m/%Y"))
    assert gantt._span == (earlier, last)
    assert gantt.scale.origin <= earlier
    _undo(qtbot, sheet)
    assert gantt._span == (first, last)
