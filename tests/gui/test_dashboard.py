"""The dashboard in the window: open it, filter it, and see an edit in the sheet reach its charts."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.services.dashboard import Dashboard
from dxplanner.store import dashboard_data
from dxplanner.store.operations.plans import create_plan
from dxplanner.ui.dashboard import warm_up
from dxplanner.ui.dashboard.chart_cell import ChartCell
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn

pytestmark = pytest.mark.gui

DECREE = 353  # a task of the 2026 plan, 75% done


def _actual(window: MainWindow) -> list[float]:
    assert window.editor is not None
    figure = window.editor.dashboard.cells["progress"].figure
    (line,) = [line for line in figure.axes[0].get_lines() if line.get_gid() == "actual"]
    return [float(value) for value in line.get_ydata()]  # type: ignore[union-attr, arg-type]


def test_the_dashboard_follows_its_filters_and_the_sheet(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None
    dashboard = window.editor.dashboard
    assert window.editor.stack.currentWidget() is dashboard
    whole = dashboard.data
    assert whole is not None and len(whole.indicators) == 21 and whole.attention

    # A filter: the 2026 plan only.
    dashboard.plan.setCurrentIndex(dashboard.plan.findData(6))
    assert dashboard.data is not None and dashboard.data.filter.plan_id == 6
    # 61 leaves, and two tasks reporting work of their own beside their sub-tasks' (issue 15).
    assert sum(load.total for load in dashboard.data.units) == 63
    before = _actual(window)

    # Type a task's progress in the sheet, then come back to the dashboard.
    window.select(NodeKey(NodeKind.PLAN, 6))
    sheet = window.editor.sheet
    assert sheet.model.setData(sheet.model.index_of(DECREE, SheetColumn.PROGRESS), 100)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    dashboard.plan.setCurrentIndex(dashboard.plan.findData(6))
    qtbot.waitUntil(lambda: _actual(window) != before)
    after = _actual(window)
    assert after[-1] > before[-1]  # the reported curve rose by the task's share of the plan

    # Undo reaches the dashboard too, while it is on screen.
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: _actual(window) == before)


def test_double_clicking_a_late_task_opens_it_in_its_plan(window: MainWindow, demo_path: Path) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None
    attention = window.editor.dashboard.attention
    first = attention.item_at(0)
    attention.itemDoubleClicked.emit(attention.item(0, 0))
    QApplication.processEvents()
    assert window.editor.stack.currentWidget() is window.editor.plan_page
    assert window.editor.sheet.plan_id == first.plan_id
    assert window.editor.sheet.current_task() == first.task_id


def test_a_chart_exports_and_copies_as_a_picture(tmp_path: Path, window: MainWindow, demo_path: Path) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None
    cell = window.editor.dashboard.cells["units"]
    for suffix in ("png", "svg", "pdf"):
        assert cell.export(tmp_path / f"units.{suffix}")
        assert (tmp_path / f"units.{suffix}").stat().st_size > 1000
    cell.copy()
    image = QApplication.clipboard().image()
    assert not image.isNull() and image.width() > 100
    assert Qt.ContextMenuPolicy.ActionsContextMenu == cell.contextMenuPolicy()


def _fits(cell: ChartCell) -> bool:
    """Whether the figure is drawn at the size of the space the chart has on screen."""
    ratio = cell.canvas.devicePixelRatioF()
    width, height = cell.figure.bbox.size
    return bool(
        abs(width - cell.canvas.width() * ratio) < 2 and abs(height - cell.canvas.height() * ratio) < 2
    )


def test_charts_fill_their_space_after_a_filter_and_new_plans_can_be_chosen(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None
    dashboard = window.editor.dashboard
    dashboard.unit.setCurrentIndex(2)
    dashboard.plan.setCurrentIndex(dashboard.plan.findData(6))
    for name in ("progress", "units", "budget"):
        qtbot.waitUntil(lambda name=name: _fits(dashboard.cells[name]))  # type: ignore[misc]

    # A plan added elsewhere in the window is there to choose, and the choice made stays.
    chosen_unit = dashboard.unit.currentData()
    window.session.run(  # type: ignore[union-attr]
        "Add plan",
        lambda store: create_plan(
            store,
            name="Kế hoạch 2027",
            unit_id=1,
            strategy_id=1,
            start=datetime.date(2027, 1, 1),
            end=datetime.date(2027, 12, 31),
        ),
    )
    assert dashboard.plan.findText("Kế hoạch 2027") > 0
    assert (dashboard.plan.currentData(), dashboard.unit.currentData()) == (6, chosen_unit)


def test_a_new_figure_takes_the_size_of_its_chart_on_screen(qtbot: QtBot) -> None:
    cell = ChartCell("example")
    qtbot.addWidget(cell)
    cell.resize(500, 400)
    cell.show()
    cell.show_figure(Figure(figsize=(5, 4), dpi=100), 400)
    qtbot.waitUntil(lambda: _fits(cell))
    # The next figure is built wider than the space, which does not change: it must still fit it.
    cell.show_figure(Figure(figsize=(9, 4), dpi=100), 400)
    qtbot.waitUntil(lambda: _fits(cell))


def test_the_plan_is_as_the_user_left_it_after_a_look_at_the_dashboard(
    window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, 6))
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.select_task(DECREE)
    above = set()
    parent = sheet.model.parent_of(DECREE)
    while parent is not None:
        above.add(parent)
        parent = sheet.model.parent_of(parent)
    closed = next(
        task for task in sheet.model.groups() if task not in above and sheet.model.parent_of(task) is None
    )
    sheet.view.collapse(sheet.model.index_of(closed))

    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    window.select(NodeKey(NodeKind.PLAN, 6))

    assert window.editor.stack.currentWidget() is window.editor.plan_page
    # The group closed stays closed, the cursor where it was: the sheet was kept, not read again.
    assert not sheet.view.isExpanded(sheet.model.index_of(closed))
    assert sheet.current_task() == DECREE


def test_the_charts_out_of_sight_are_drawn_when_scrolled_to(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.resize(1366, 768)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None
    dashboard = window.editor.dashboard
    kpi = dashboard.cells["kpi"]
    qtbot.waitUntil(lambda: not dashboard.cells["progress"].waiting)
    assert kpi.waiting  # below the fold: not built yet

    dashboard.charts_area.verticalScrollBar().setValue(dashboard.charts_area.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: not kpi.waiting)
    # Built and drawn at the size of its place, as if it had been drawn with the others.
    qtbot.waitUntil(lambda: _fits(kpi))
    assert kpi.canvas.figure.axes and kpi.canvas.figure.texts


def test_the_mouse_wheel_over_a_chart_scrolls_the_page(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    assert window.open_file(demo_path)
    window.resize(1366, 768)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None
    dashboard = window.editor.dashboard
    qtbot.waitUntil(lambda: not dashboard.cells["progress"].waiting)
    canvas = dashboard.cells["progress"].canvas
    bar = dashboard.charts_area.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    middle = QPointF(canvas.width() / 2, canvas.height() / 2)
    down = QWheelEvent(
        middle, canvas.mapToGlobal(middle), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(canvas, down)
    assert bar.value() > 0


def _reads_of_the_tasks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the dashboard's reads of the tasks' facts (one a strategy, however many filters)."""
    reads: list[int] = []
    read = dashboard_data._tasks

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(1)
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard_data, "_tasks", counted)
    return reads


def _plan_looked_at(qtbot: QtBot, window: MainWindow, demo_path: Path) -> None:
    """Open the file on a plan and wait while the dashboard's numbers are read in the background."""
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.PLAN, 6))
    qtbot.waitUntil(lambda: warm_up.reading_ahead(window.session.store))  # type: ignore[union-attr]
    warm_up.wait()


def test_the_first_dashboard_shows_the_numbers_read_while_the_plan_was_looked_at(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _reads_of_the_tasks(monkeypatch)
    _plan_looked_at(qtbot, window, demo_path)
    assert reads == [1]  # read in the background

    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None
    dashboard = window.editor.dashboard
    chosen = dashboard.chosen()
    assert chosen is not None and dashboard.data is not None
    assert reads == [1]  # not read again: the first look only sums and draws
    assert dashboard.data == Dashboard().read(window.session.store, chosen)  # type: ignore[union-attr]


def test_an_edit_after_the_numbers_were_read_ahead_reaches_the_first_dashboard(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _reads_of_the_tasks(monkeypatch)
    _plan_looked_at(qtbot, window, demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    assert sheet.model.setData(sheet.model.index_of(DECREE, SheetColumn.PROGRESS), 100)

    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    dashboard = window.editor.dashboard
    chosen = dashboard.chosen()
    assert chosen is not None and dashboard.data is not None
    assert reads == [1, 1]  # the numbers read before the edit were dropped
    assert dashboard.data == Dashboard().read(window.session.store, chosen)  # type: ignore[union-attr]


def test_a_filter_draws_each_chart_on_screen_once(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None
    dashboard = window.editor.dashboard
    on_screen = ("progress", "units", "budget")
    qtbot.waitUntil(lambda: all(hasattr(dashboard.cells[name].canvas, "renderer") for name in on_screen))
    qtbot.wait(50)
    drawn: list[str] = []
    draw = FigureCanvasAgg.draw

    def counted(canvas: FigureCanvasAgg) -> None:
        drawn.append(next(name for name, cell in dashboard.cells.items() if cell.canvas is canvas))
        draw(canvas)

    monkeypatch.setattr(FigureCanvasAgg, "draw", counted)
    before = dashboard.cells["units"].height()
    dashboard.unit.setCurrentIndex(2)  # a unit with fewer sub-units: the row of charts gets lower
    qtbot.waitUntil(lambda: not any(dashboard.cells[name].waiting for name in on_screen))
    qtbot.wait(50)
    assert dashboard.cells["units"].height() != before
    # Each drawn once, at its new size: neither its old numbers at the new size (the page laid out
    # anew) nor its new numbers at the old size (built before the layout).
    assert sorted(drawn) == sorted(on_screen)
    assert all(_fits(dashboard.cells[name]) for name in on_screen)


def test_resting_the_mouse_on_an_attainment_row_says_the_indicators_whole_name(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QToolTip

    from dxplanner.charts.indicators import attainment_label

    assert window.open_file(demo_path)
    window.resize(1366, 768)
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert window.editor is not None and window.editor.dashboard.data is not None
    cell = window.editor.dashboard.cells["attainment"]
    figure = cell.figure
    cell.canvas.draw()
    (bars,) = figure.axes[0].containers
    labels = [text.get_text() for text in figure.axes[0].get_yticklabels()]
    indicators = {attainment_label(item): item for item in window.editor.dashboard.data.indicators}
    cut = next(row for row, label in enumerate(labels) if label.endswith("…"))
    indicator = indicators[labels[cut]]
    ratio = cell.canvas.device_pixel_ratio

    def move_to(x: float, y: float) -> None:  # in the figure's pixels, from its bottom left
        point = QPointF(x / ratio, (figure.bbox.height - y) / ratio)
        event = QMouseEvent(
            QEvent.Type.MouseMove, point, cell.canvas.mapToGlobal(point),
            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(cell.canvas, event)

    row = bars[cut].get_window_extent()
    for x in (row.x0 + 1, 5.0):  # on the bar, then on its label at the chart's left
        QToolTip.hideText()
        move_to(x, (row.y0 + row.y1) / 2)
        *named, standing = QToolTip.text().splitlines()
        assert " ".join(named) == f"{indicator.code} {' '.join(indicator.name.split())}"
        assert standing.endswith(_standing_words(indicator))
    move_to(5.0, figure.bbox.height - 2)  # over the title: no row, no tooltip
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def _standing_words(indicator: object) -> str:
    from dxplanner.charts.indicators import STATUS_NAMES

    return str(STATUS_NAMES[indicator.status])  # type: ignore[attr-defined]


def test_a_plan_that_serves_no_strategy_has_a_dashboard_of_its_own(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    """A plan imported from a workbook serves no strategy, and had no dashboard: no S-curve."""
    from dxplanner.store.plan_file import open_plan_file
    from tests.unit.builders import plan_serving_no_strategy

    store = open_plan_file(demo_path)
    try:
        plan_id = plan_serving_no_strategy(store, 2026, [30.0, 80.0])
    finally:
        store.close()
    assert window.open_file(demo_path)
    key = NodeKey(NodeKind.PLAN_DASHBOARD, plan_id)
    assert window.navigator_model.find(key).isValid()  # listed under the plan
    window.select(key)
    assert window.editor is not None
    dashboard = window.editor.dashboard
    assert window.editor.stack.currentWidget() is dashboard
    data = dashboard.data
    assert data is not None and data.filter.strategy_id is None and data.filter.plan_id == plan_id
    assert sum(load.total for load in data.units) == 2
    assert [dashboard.plan.itemData(index) for index in range(dashboard.plan.count())] == [plan_id]
    qtbot.waitUntil(lambda: dashboard.cells["progress"].figure is not None)
    assert _actual(window)[-1] > 0  # its S-curve, from its own tasks' reports
    # Back to a strategy's dashboard: every plan of it again.
    window.select(NodeKey(NodeKind.DASHBOARD, 1))
    assert dashboard.data is not None and dashboard.data.filter.strategy_id == 1
    assert dashboard.plan.count() > 1
