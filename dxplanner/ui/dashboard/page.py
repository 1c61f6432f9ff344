"""A strategy's dashboard page: filters, five charts and the tasks that need attention, kept up to date."""

from __future__ import annotations

import datetime
import time
from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dxplanner.charts.budget import BUDGET_HEIGHT, budget_figure
from dxplanner.charts.indicators import attainment_figure, attainment_height, kpi_figure, kpi_height
from dxplanner.charts.progress import PROGRESS_HEIGHT, progress_figure
from dxplanner.charts.style import DPI
from dxplanner.charts.units import units_figure, units_height
from dxplanner.core.dashboard import DashboardData, DashboardFilter
from dxplanner.core.enums import Area, Pillar
from dxplanner.core.errors import DomainError
from dxplanner.core.matching import UnitName
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.services.dashboard import Dashboard, dashboard_choices
from dxplanner.ui.app_settings import date_style_of
from dxplanner.ui.dashboard.attention import AttentionList
from dxplanner.ui.dashboard.chart_cell import ChartCell
from dxplanner.ui.dashboard.warm_up import read_ahead
from dxplanner.ui.date_line import DateChoice
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.session import DataChange, PlanSession

# Tables whose change can change a chart (the estate's: the figures indicators follow).
WATCHED = ("task", "progress_report", "budget_line", "indicator", "indicator_target", "indicator_value",
           "unit", "action_plan", "goal", "task_goal", "strategy", "plan_day_off",
           "system", "public_service", "data_link", "task_effect")  # fmt: skip


class DashboardPage(QWidget):
    """A strategy's dashboard; every filter applies to every chart."""

    open_task = Signal(int, int)  # plan id, task id

    def __init__(
        self,
        session: PlanSession,
        today: Callable[[], datetime.date] = datetime.date.today,
        qt_date_format: str = "dd/MM/yyyy",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.session = session
        self.strategy_id: int | None = None
        self.plan_alone: int | None = None  # a plan that serves no strategy, shown on its own
        self.data: DashboardData | None = None
        self.refresh_seconds = 0.0
        self.numbers_seconds = 0.0  # of the refresh, the time spent reading the numbers
        self.figures_seconds = 0.0  # and building the figures on screen
        self._stale = False
        self._pending = False
        self._building = False  # a build of the charts on screen is on its way
        self._scroll_to = 0  # how far down to scroll once the charts are laid out (a rebuilt window)
        # What the numbers are read with: kept while the file is unchanged, so that a change of
        # filter costs only the sums; dropped after any change to the file.
        self._numbers = Dashboard()

        self.plan = QComboBox()
        self.plan.setObjectName("dashboard_plan")
        self.unit = QComboBox()
        self.unit.setObjectName("dashboard_unit")
        self.pillar = QComboBox()
        self.pillar.setObjectName("dashboard_pillar")
        self.pillar.addItem(_("Every pillar"), None)
        for pillar in Pillar:
            self.pillar.addItem(label(pillar), pillar)
        self.area = QComboBox()
        self.area.setObjectName("dashboard_area")
        self.area.addItem(_("Every area"), None)
        for area in Area:
            self.area.addItem(label(area), area)
        # Typed as text: a date editor's sections misread a date typed over the one shown.
        self.as_of = DateChoice(date_style_of(qt_date_format), _("As of"), today, required=True)
        self.as_of.setObjectName("dashboard_as_of")
        self.as_of.set_date(today())
        self.sort_units = QComboBox()
        self.sort_units.addItem(_("Units: most late first"), True)
        self.sort_units.addItem(_("Units: by name"), False)
        filters = QHBoxLayout()
        for caption, widget in (
            (_("Plan"), self.plan),
            (_("Unit"), self.unit),
            (_("Pillar"), self.pillar),
            (_("Area"), self.area),
            (_("As of"), self.as_of),
            ("", self.sort_units),
        ):
            if caption:
                filters.addWidget(QLabel(caption))
            filters.addWidget(widget)
        filters.addStretch(1)

        self.cells = {name: ChartCell(name) for name in ("progress", "attainment", "units", "budget", "kpi")}
        grid = QGridLayout()
        # Side by side what reads at half width; across the page the charts with many parts.
        grid.addWidget(self.cells["progress"], 0, 0)
        grid.addWidget(self.cells["units"], 0, 1)
        grid.addWidget(self.cells["budget"], 1, 0, 1, 2)
        grid.addWidget(self.cells["attainment"], 2, 0, 1, 2)
        grid.addWidget(self.cells["kpi"], 3, 0, 1, 2)
        charts = QWidget()
        charts.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        scroll.verticalScrollBar().valueChanged.connect(self._build_soon)
        self.charts_area = scroll
        self.attention = AttentionList()
        self.attention.open_task.connect(self.open_task)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(_("Needs attention: late and at-risk tasks")))
        side_layout.addWidget(self.attention)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split)

        for combo in (self.plan, self.unit, self.pillar, self.area):
            combo.currentIndexChanged.connect(self.refresh)
        self.sort_units.currentIndexChanged.connect(self._redraw_units)
        self.as_of.changed.connect(self.refresh)
        session.changed.connect(self._on_change)

    # What is shown.

    def show_plan_alone(self, plan_id: int) -> None:
        """Show the dashboard of one plan that serves no strategy (a plan imported from a workbook):
        its own tasks' figures, no strategy's indicators."""
        self.strategy_id, self.plan_alone = None, plan_id
        self._fill_choices(keep=False)
        self.refresh()

    def show_strategy(self, strategy_id: int) -> None:
        """Show a strategy's dashboard, with the filters reset to the whole strategy."""
        self.strategy_id, self.plan_alone = strategy_id, None
        if self.data is None:
            # Shown for the first time: the numbers may have been read while the plan was looked at.
            ahead = read_ahead(self.session.store, strategy_id)
            if ahead is not None:
                self._numbers = ahead
        # The numbers read before are kept: every change to the file reaches _on_change, which
        # drops them (a change in this window, its undoing, another user's on a shared server).
        self._fill_choices(keep=False)
        self.refresh()

    def _fill_choices(self, keep: bool) -> None:
        """List the strategy's plans and the units to filter by, keeping the choice if asked."""
        choices = dashboard_choices(self.session.store, self.strategy_id, self.plan_alone)
        alone = self.plan_alone is not None  # one plan, and nothing else to choose instead
        for combo, first, items in (
            (self.plan, None if alone else _("Every plan"), [(plan.name, plan.id) for plan in choices.plans]),
            (self.unit, _("Every unit"), _unit_choices(choices.units)),
        ):
            was = combo.currentData() if keep else None
            combo.blockSignals(True)
            combo.clear()
            if first is not None:
                combo.addItem(first, None)
            for text, value in items:
                combo.addItem(text, value)
            # A plan or unit deleted meanwhile falls back to "every".
            combo.setCurrentIndex(max(0, combo.findData(was)) if was is not None else 0)
            combo.blockSignals(False)

    def chosen(self) -> DashboardFilter | None:
        """The filter as the controls stand."""
        if self.strategy_id is None and self.plan_alone is None:
            return None
        as_of = self.as_of.date() or datetime.date.today()  # never blank: a blank day is refused
        return DashboardFilter(
            self.strategy_id,
            as_of,
            plan_id=self.plan.currentData(),
            unit_id=self.unit.currentData(),
            pillar=self.pillar.currentData(),
            area=self.area.currentData(),
        )

    def by_lateness(self) -> bool:
        """Whether the units chart puts the most late first (else by name)."""
        return bool(self.sort_units.currentData())

    def choose(self, chosen: DashboardFilter, by_lateness: bool, scroll: int = 0) -> None:
        """Show a strategy's dashboard with these filters, scrolled down so far once its charts are laid
        out (a window rebuilt in another language)."""
        self._scroll_to = scroll
        self.strategy_id = chosen.strategy_id
        self.plan_alone = chosen.plan_id if chosen.strategy_id is None else None
        self._fill_choices(keep=False)
        controls = (self.plan, self.unit, self.pillar, self.area, self.sort_units, self.as_of)
        for control in controls:
            control.blockSignals(True)
        try:
            for combo, value in (
                (self.plan, chosen.plan_id),
                (self.unit, chosen.unit_id),
                (self.pillar, chosen.pillar),
                (self.area, chosen.area),
                (self.sort_units, by_lateness),
            ):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.as_of.set_date(chosen.as_of)
        finally:
            for control in controls:
                control.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Read the numbers again and redraw every chart."""
        self._pending = False
        chosen = self.chosen()
        if chosen is None:
            return
        started = time.perf_counter()
        before = self.data
        try:
            self.data = data = self._numbers.read(self.session.store, chosen)
        except DomainError as error:
            show_refusal(self, error)
            return
        self.numbers_seconds = time.perf_counter() - started
        if data is before:
            # The numbers shown already (the same filter again, nothing changed): so are the charts.
            self._stale = False
            self.refresh_seconds = time.perf_counter() - started
            return
        # Each chart is built when it comes on screen: the ones scrolled out of sight wait.
        # A chart drawn before takes the new numbers (building its axes again is most of the cost).
        self.cells["progress"].show_chart(
            lambda shown: progress_figure(data.progress, data.title, reuse=shown), PROGRESS_HEIGHT * DPI
        )
        self._redraw_units()
        self.cells["budget"].show_chart(
            lambda shown: budget_figure(data.budget, reuse=shown), BUDGET_HEIGHT * DPI
        )
        # The indicators do not follow the plan or unit chosen: redraw them only when they changed.
        if before is None or before.indicators is not data.indicators:
            indicators = data.indicators
            self.cells["attainment"].show_chart(
                lambda _shown: attainment_figure(indicators), attainment_height(len(indicators)) * DPI
            )
            self.cells["kpi"].show_chart(
                lambda _shown: kpi_figure(indicators), kpi_height(len(indicators)) * DPI
            )
        self.attention.show_items(data.attention)
        self._stale = False
        self.figures_seconds = 0.0
        self._build_soon()
        self.refresh_seconds = time.perf_counter() - started

    def _redraw_units(self) -> None:
        if self.data is not None:
            units, by_lateness = self.data.units, self.sort_units.currentData()
            self.cells["units"].show_chart(
                lambda shown: units_figure(units, by_lateness, reuse=shown), units_height(len(units)) * DPI
            )
            self._build_soon()

    def build_on_screen(self) -> None:
        """Build the charts waiting to be built that are on screen now."""
        self._building = False
        started = time.perf_counter()
        # Lay the page out at the new heights first (the charts' layout, then the scroll area's
        # that sizes it): a chart built before would be drawn at its old size, then again.
        for _step in range(2):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if self._scroll_to:
            # Scrolled now that the page has its height: the charts then built are the ones in sight.
            self.charts_area.verticalScrollBar().setValue(self._scroll_to)
            self._scroll_to = 0
        for cell in self.cells.values():
            cell.build_if_shown()
        self.figures_seconds += time.perf_counter() - started

    def _build_soon(self) -> None:
        """Build the charts on screen once the page is laid out at the charts' heights (after a
        change, a scroll, a resize, a show): built before, a chart about to be pushed out of sight
        would be built for nothing."""
        if not self._building and any(cell.waiting for cell in self.cells.values()):
            self._building = True
            QTimer.singleShot(0, self.build_on_screen)

    def set_as_of(self, day: datetime.date) -> None:
        """Look at the dashboard as it stood on another day."""
        self.as_of.set_date(day)

    # Keeping up with changes.

    def _on_change(self, change: DataChange) -> None:
        if (self.strategy_id is None and self.plan_alone is None) or not change.touches(*WATCHED):
            return
        self._numbers.forget()
        if change.touches("action_plan", "unit"):
            self._fill_choices(keep=True)
        if not self.isVisible():
            self._stale = True
        elif not self._pending:
            # Several changes in a row (a paste, an import) redraw once.
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        self._build_soon()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._build_soon()


def _unit_choices(units: Sequence[UnitName]) -> list[tuple[str, int]]:
    """Each unit by its short name, with its code where two go by the same one."""
    shown = Counter(unit.short_name or unit.name for unit in units)
    choices = []
    for unit in units:
        text = unit.short_name or unit.name
        if shown[text] > 1:
            text += f" ({unit.code})" if unit.code else f" (#{unit.id})"
        choices.append((text, unit.id))
    return choices
