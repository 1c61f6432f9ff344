"""What the main window shows (page, filters, selection, scroll, zoom), carried to the next window."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, QModelIndex, QPointF

from dxplanner.core.dashboard import DashboardFilter
from dxplanner.services.outline import TaskFilter
from dxplanner.ui.navigator import ESTATE_KINDS, NavigatorModel, NodeKey, NodeKind

if TYPE_CHECKING:
    from dxplanner.ui.estate_map.page import EstateMapPage
    from dxplanner.ui.main_window import MainWindow, PlanEditor
    from dxplanner.ui.task_sheet import TaskSheet


@dataclass(frozen=True)
class SheetView:
    """The task sheet of one plan as the user left it."""

    plan_id: int
    filter: TaskFilter
    current: int | None
    column: int
    selected: tuple[int, ...]
    folded: frozenset[int]  # groups folded; every other group shown is open
    top: int | None  # the task in the first visible row
    horizontal: int
    # The sheet itself, whose reading of the plan the new window's sheet takes (not compared).
    read: TaskSheet | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ChartView:
    """The Gantt chart beside the sheet: its zoom, its scroll and whether it marks the critical path."""

    px_per_day: float
    scroll: int
    critical: bool


@dataclass(frozen=True)
class DashboardView:
    """The dashboard's filters, the order of its units chart and how far down it is scrolled."""

    filter: DashboardFilter
    by_lateness: bool
    scroll: int


@dataclass(frozen=True)
class MapView:
    """The estate map's filters, chosen element, zoom and centre."""

    day: str
    date: datetime.date
    plan_id: int | None
    unit_id: int | None
    status: str | None
    selected: str | None
    scale: float
    centre: tuple[float, float]


@dataclass(frozen=True)
class ViewState:
    """What the window shows, so that a window built again (in another language) shows the same."""

    node: NodeKey | None
    expanded: frozenset[NodeKey]
    navigator_scroll: int
    map_shown: bool
    details_shown: bool
    details_tab: int | None
    sheet: SheetView | None
    chart: ChartView | None
    dashboard: DashboardView | None
    estate_map: MapView | None
    estate_record: int | None  # the record chosen on a page of the estate


def capture(window: MainWindow) -> ViewState:
    """What window shows now."""
    editor = window.editor
    navigator, model = window.navigator, window.navigator_model
    expanded = frozenset(key for key, index in _rows(model) if navigator.isExpanded(index))
    node = window.current_key()
    if editor is None:
        return ViewState(node, expanded, navigator.verticalScrollBar().value(),
                         False, True, None, None, None, None, None, None)  # fmt: skip
    details, dashboard, estate_map = editor.built_pages()
    shown = editor.stack.currentWidget()
    estate_record = None
    if node is not None and node.kind in ESTATE_KINDS and node.kind in editor.estate_pages:
        estate_record = editor.estate_pages[node.kind].form.record_id
    return ViewState(
        node=node,
        expanded=expanded,
        navigator_scroll=navigator.verticalScrollBar().value(),
        map_shown=estate_map is not None and shown is estate_map,
        details_shown=editor.details_action.isChecked(),
        details_tab=details.currentIndex() if details is not None else None,
        sheet=_sheet_view(editor.sheet),
        chart=_chart_view(editor.sheet),
        dashboard=_dashboard_view(editor) if dashboard is not None else None,
        estate_map=_map_view(estate_map) if estate_map is not None else None,
        estate_record=estate_record,
    )


def apply(window: MainWindow, state: ViewState) -> None:
    """Show in window what state says (a window that has just taken the same plan over).

    Only the page in sight is built now; the chart's zoom and the sheet's scroll come after the
    sheet's first paint, when the chart is built and the rows laid out.
    """
    editor, model = window.editor, window.navigator_model
    if editor is None:
        _open_branches(window, state)
        return
    if not state.details_shown:
        editor.show_details(False)
    sheet = state.sheet
    if sheet is not None:
        # On the plan's page, the sheet takes the old one's reading and its view now; on another
        # page (the dashboard), the view waits until the user comes back to the plan.
        if state.node == NodeKey(NodeKind.PLAN, sheet.plan_id):
            editor.read_sheet = sheet.read
        editor.after_plan_shown = lambda plan_id: _put_sheet(editor.sheet, sheet, plan_id)
        editor.after_first_paint = lambda: _after_paint(editor, state)
    if state.node is not None and model.find(state.node).isValid():
        window.select(state.node)
    else:  # nothing chosen, or gone meanwhile: the latest plan, as a file opened afresh shows
        plans = [key for key in window.all_keys() if key.kind is NodeKind.PLAN]
        if plans:
            window.select(plans[-1])
    # Used by the selection, or not at all: the old sheet hears no change any more.
    editor.read_sheet = None
    dashboards = (NodeKind.DASHBOARD, NodeKind.PLAN_DASHBOARD)
    if state.dashboard is not None and state.node is not None and state.node.kind in dashboards:
        # The charts wait for the next turn of the event loop: they are drawn once, with these filters.
        chosen = state.dashboard.filter
        shows = chosen.strategy_id if state.node.kind is NodeKind.DASHBOARD else chosen.plan_id
        if shows == state.node.id:
            editor.dashboard.choose(chosen, state.dashboard.by_lateness, state.dashboard.scroll)
    _open_branches(window, state)
    if state.estate_record is not None and state.node is not None and state.node.kind in ESTATE_KINDS:
        editor.estate_page(state.node.kind).choose(state.estate_record)
    if state.map_shown and state.estate_map is not None:
        _put_map(editor, state.node, state.estate_map)


def _rows(model: NavigatorModel) -> Iterator[tuple[NodeKey, QModelIndex]]:
    """Every row of the navigator with its key, in one walk (finding each key anew is quadratic)."""
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop()
        key = model.key(index)
        if key is not None:
            yield key, index
        pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))


def _open_branches(window: MainWindow, state: ViewState) -> None:
    """The navigator's branches open and folded as they were, and scrolled as it was (after the
    row is selected: selecting opens the branches above it)."""
    navigator = window.navigator
    navigator.collapseAll()
    for key, index in _rows(window.navigator_model):
        if key in state.expanded:
            navigator.expand(index)
    navigator.verticalScrollBar().setValue(state.navigator_scroll)


def _sheet_view(sheet: TaskSheet) -> SheetView | None:
    if sheet.plan_id is None:
        return None
    selected = tuple(sheet.selected_tasks())
    return SheetView(
        plan_id=sheet.plan_id,
        filter=sheet.filter_value(),
        current=sheet.current_task(),
        column=max(0, sheet.view.currentIndex().column()),
        selected=selected,
        folded=frozenset(sheet.folded_groups()),
        top=sheet.top_task(),
        horizontal=sheet.view.horizontalScrollBar().value(),
        read=sheet,
    )


def _chart_view(sheet: TaskSheet) -> ChartView | None:
    if not sheet.chart_shown():
        return None
    gantt = sheet.gantt
    return ChartView(gantt.scale.px_per_day, gantt.hbar.value(), gantt.show_critical)


def _dashboard_view(editor: PlanEditor) -> DashboardView | None:
    page = editor.dashboard
    chosen = page.chosen()
    scroll = page.charts_area.verticalScrollBar().value()
    return None if chosen is None else DashboardView(chosen, page.by_lateness(), scroll)


def _map_view(page: EstateMapPage) -> MapView:
    picked = page.date.date()
    selected = page.selected()
    centre = page.view.mapToScene(page.view.viewport().rect().center())
    return MapView(
        day=str(page.day.currentData()),
        date=datetime.date(picked.year(), picked.month(), picked.day()),
        plan_id=page.plan.currentData(),
        unit_id=page.unit.currentData(),
        status=page.status.currentData(),
        selected=selected.key if selected is not None else None,
        scale=page.view.scale_now(),
        centre=(centre.x(), centre.y()),
    )


def _put_sheet(sheet: TaskSheet, state: SheetView, plan_id: int) -> None:
    """The filters, the folded groups and the cursor of the plan's sheet (the scroll waits for the
    first paint); nothing when another plan is shown first."""
    if plan_id != state.plan_id:
        return
    if not state.filter.empty:
        sheet.set_filter_value(state.filter)
    sheet.fold(set(state.folded))
    if state.current is not None:
        sheet.select_task(state.current, state.column)
    if len(state.selected) > 1:
        chosen = QItemSelection()
        for task_id in state.selected:
            index = sheet.model.index_of(task_id)
            if index.isValid():
                chosen.select(index, index)
        selection = sheet.view.selectionModel()
        selection.select(
            chosen, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def _after_paint(editor: PlanEditor, state: ViewState) -> None:
    """Once the sheet is laid out and the chart built: the scroll, the zoom, the critical path."""
    sheet = editor.sheet
    if state.sheet is None or sheet.plan_id != state.sheet.plan_id:
        return  # another plan is shown first: its chart as it comes
    sheet.scroll_to_top(state.sheet.top)
    sheet.view.horizontalScrollBar().setValue(state.sheet.horizontal)
    details = editor.built_pages()[0]
    if details is not None and state.details_tab is not None:
        details.setCurrentIndex(state.details_tab)
    chart = state.chart
    if chart is None or not sheet.chart_shown():
        return
    gantt = sheet.gantt
    if chart.critical and not gantt.show_critical:
        sheet.chart_actions["critical"].trigger()
    gantt.set_zoom(chart.px_per_day)
    gantt.hbar.setValue(chart.scroll)


def _put_map(editor: PlanEditor, node: NodeKey | None, state: MapView) -> None:
    """The estate map with its filters, drawn once, the same element chosen, at the same zoom."""
    from dxplanner.ui.estate_map.page import ON_DAY

    page = editor.estate_map
    controls = (page.day, page.date, page.plan, page.unit, page.status)
    for control in controls:
        control.blockSignals(True)
    try:
        for combo, value in (
            (page.day, state.day),
            (page.plan, state.plan_id),
            (page.unit, state.unit_id),
            (page.status, state.status),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        page.date.setDate(QDate(state.date.year, state.date.month, state.date.day))
        page.date.setEnabled(page.day.currentData() == ON_DAY)
    finally:
        for control in controls:
            control.blockSignals(False)
    editor.toggle_estate_map(node)  # shown, and drawn as the filters say
    if state.selected is not None:
        page.select(state.selected)
    page.view.set_scale(state.scale)
    page.view.centerOn(QPointF(*state.centre))
