"""The estate map page: the filter bar, the map, and beside it the chosen element and its tasks."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.enums import EstateStatus
from dxplanner.core.errors import DomainError
from dxplanner.core.estate_layout import layout_map
from dxplanner.core.estate_map import EstateMap, MapElement
from dxplanner.core.estate_words import kind_name, layer_title, service_level_name, status_name
from dxplanner.i18n import _
from dxplanner.ui.errors import show_problem
from dxplanner.ui.estate_map.export import ExportError, choose_picture_file, export_picture
from dxplanner.ui.estate_map.scene import MapScene
from dxplanner.ui.estate_map.source import MapFilter, MapSource, PlanChoice
from dxplanner.ui.estate_map.view import MapView

AS_IS, TO_BE, ON_DAY = "as_is", "to_be", "on_day"
NOT_RETIRED = "not_retired"
# The map opens at a scale whose names can be read; Ctrl+0 fits the whole of it.
READABLE_SCALE = 0.9


class EstateMapPage(QWidget):
    """Filters, the map and the chosen element's tasks; double-click asks to open a record."""

    open_record = Signal(str, int)  # table, record id

    def __init__(
        self,
        source: MapSource,
        today: Callable[[], datetime.date],
        date_format: str = "dd/MM/yyyy",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("estate_map_page")
        self.source = source
        self._today = today
        self._date_format = date_format
        self._plans: list[PlanChoice] = []
        self._stale = True
        self.estate: EstateMap | None = None
        self.scene: MapScene | None = None
        self.shown_filter: MapFilter | None = None

        self.day = QComboBox()
        self.day.setObjectName("map_day")
        self.day.addItem(_("As is (today)"), AS_IS)
        self.day.addItem(_("To be (at the plan's end)"), TO_BE)
        self.day.addItem(_("On a date"), ON_DAY)
        self.date = QDateEdit()
        self.date.setObjectName("map_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format)
        self.date.setDate(_qdate(today()))
        self.date.setEnabled(False)
        self.plan = QComboBox()
        self.plan.setObjectName("map_plan")
        self.unit = QComboBox()
        self.unit.setObjectName("map_unit")
        # Long plan and unit names are cut in the bar (whole in the list and the tooltip), so that
        # the bar fits beside the navigator on a 1366-pixel screen.
        for combo, letters in ((self.plan, 12), (self.unit, 12), (self.day, 15)):
            combo.setMinimumContentsLength(letters)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status = QComboBox()
        self.status.setObjectName("map_status")
        self.status.addItem(_("All statuses"), None)
        self.status.addItem(_("All but retired"), NOT_RETIRED)
        for status in EstateStatus:
            self.status.addItem(status_name(status), status.value)

        self.view = MapView()
        self.view.element_activated.connect(self._activated)
        self.view.element_chosen.connect(self._show_element)
        self.zoom_actions = self._zoom_actions()
        self.export_button = QPushButton(_("Export picture…"))
        self.export_button.setToolTip(_("Save the map as PNG, SVG or PDF"))
        self.export_button.clicked.connect(self.export)
        self.summary = QLabel()
        self.summary.setObjectName("map_summary")
        self.problem = QLabel()
        self.problem.setObjectName("map_problem")
        self.problem.setStyleSheet("QLabel#map_problem { color: #b71c1c; }")
        self.problem.setWordWrap(True)
        self.problem.hide()

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 2)
        for label, widget in (
            (_("Day"), self.day),
            (None, self.date),
            (_("Plan"), self.plan),
            (_("Unit"), self.unit),
            (_("Status"), self.status),
        ):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch(1)
        for action in self.zoom_actions.values():
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)
        bar.addWidget(self.export_button)

        self.details = QLabel()
        self.details.setObjectName("map_details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tasks = QListWidget()
        self.tasks.setObjectName("map_tasks")
        self.tasks.itemActivated.connect(self._task_activated)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.details)
        side_layout.addWidget(QLabel(_("Tasks that change it")))
        side_layout.addWidget(self.tasks, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.view)
        self.split.addWidget(side)
        self.split.setStretchFactor(0, 1)
        self.split.setSizes([900, 260])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.summary)
        self._show_element(None)

        self.fill_choices()
        self.day.currentIndexChanged.connect(self._day_changed)
        self.date.dateChanged.connect(lambda _date: self.refresh())
        for combo in (self.plan, self.unit, self.status):
            combo.currentIndexChanged.connect(lambda _index: self.refresh())

    def _zoom_actions(self) -> dict[str, QAction]:
        actions = {}
        for name, text, tip, slot in (
            ("zoom_out", "−", _("Zoom out (Ctrl+-, Ctrl+wheel)"), lambda: self.view.zoom_by(1 / 1.25)),
            ("zoom_in", "+", _("Zoom in (Ctrl+=, Ctrl+wheel)"), lambda: self.view.zoom_by(1.25)),
            ("fit", _("Whole map"), _("Fit the whole map in the window (Ctrl+0)"), self.view.fit),
            ("actual", "1:1", _("Names at their reading size"), lambda: self.view.set_scale(READABLE_SCALE)),
        ):
            action = QAction(text, self)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            actions[name] = action
        return actions

    # What to show.

    def fill_choices(self) -> None:
        """Offer the plan file's plans and units in the filters (again after they changed)."""
        self._plans = self.source.plans()
        for combo, everything, choices in (
            (self.plan, _("All plans"), [(plan.id, plan.name) for plan in self._plans]),
            (self.unit, _("All units"), self.source.units()),
        ):
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for record_id, name in choices:
                combo.addItem(name, record_id)
                combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
            at = combo.findData(kept)
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)

    def chosen_filter(self) -> MapFilter | str:
        """The filter the bar says, or why it cannot be drawn (in the user's words)."""
        plan_id = self.plan.currentData()
        day = self.day.currentData()
        if day == TO_BE:
            plan = next((plan for plan in self._plans if plan.id == plan_id), None)
            if plan is None:
                return _('Choose a plan: the map "to be" is drawn at the end of a plan.')
            if plan.end is None:
                return _("The plan {name} has no end date to draw the map on.").format(name=plan.name)
            as_of = plan.end
        elif day == ON_DAY:
            picked = self.date.date()
            as_of = datetime.date(picked.year(), picked.month(), picked.day())
        else:
            as_of = self._today()
        status = self.status.currentData()
        statuses: frozenset[EstateStatus] | None
        if status is None:
            statuses = None
        elif status == NOT_RETIRED:
            statuses = frozenset(EstateStatus) - {EstateStatus.RETIRED}
        else:
            statuses = frozenset({EstateStatus(status)})
        return MapFilter(as_of, plan_id, self.unit.currentData(), statuses)

    def _day_changed(self) -> None:
        self.date.setEnabled(self.day.currentData() == ON_DAY)
        self.refresh()

    def data_changed(self) -> None:
        """The plan changed: draw the map again now if it is in sight, or when it next is."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Draw the map the filter bar asks for; a filter that cannot be drawn says why and keeps the map."""
        chosen = self.chosen_filter()
        if isinstance(chosen, str):
            self.problem.setText(chosen)
            self.problem.show()
            return
        try:
            estate = self.source.estate_map(chosen)
        except DomainError as error:  # the server away, the file gone: say so and keep the map
            self.problem.setText(error.message)
            self.problem.show()
            return
        self.problem.hide()
        self._stale = False
        self.show_map(estate, chosen)

    def show_map(self, estate: EstateMap, chosen: MapFilter | None = None) -> None:
        """Lay out and draw a map, keeping the scale and the selected element when they still apply."""
        selected = self.selected()
        first = self.scene is None
        scene = MapScene(layout_map(estate, title=layer_title))
        old, self.scene, self.estate, self.shown_filter = self.scene, scene, estate, chosen
        self.view.setScene(scene)
        if old is not None:
            old.deleteLater()
        if first:
            self.view.set_scale(READABLE_SCALE)
            self.view.centerOn(0, 0)
        if selected is not None and selected.key in scene.boxes:
            scene.boxes[selected.key].setSelected(True)
            self._show_element(selected)
        else:
            self._show_element(None)
        links = len(estate.relations)
        self.summary.setText(
            _("{elements} elements, {links} relations, as of {day}; {late} late").format(
                elements=len(estate.elements),
                links=links,
                day=_qdate(estate.as_of).toString(self._date_format),
                late=sum(element.late for element in estate.elements),
            )
        )

    # The chosen element.

    def selected(self) -> MapElement | None:
        return self.scene.selected_element() if self.scene is not None else None

    def select(self, key: str) -> None:
        """Select an element's box and bring it into view."""
        if self.scene is None or key not in self.scene.boxes:
            return
        self.scene.clearSelection()
        item = self.scene.boxes[key]
        item.setSelected(True)
        self.view.ensureVisible(item)
        self._show_element(item.element)

    def _show_element(self, element: MapElement | None) -> None:
        if self.scene is not None:
            self.scene.lines.highlight(element.key if element else None)
        self.tasks.clear()
        if element is None:
            self.details.setText(_("Click an element of the map to see it and the tasks that change it."))
            return
        lines = [
            f"<b>{_escape(element.name)}</b>",
            f"{kind_name(element.kind)} · {layer_title(element.layer)}",
        ]
        lines.append(_("Status: {status}").format(status=status_name(element.status)))
        if element.unit_name:
            lines.append(_("Unit: {unit}").format(unit=_escape(element.unit_name)))
        if element.service_level is not None:
            lines.append(_("Level: {level}").format(level=service_level_name(element.service_level)))
        if element.late:
            lines.append("<span style='color:#c62828'>" + _("A task that changes it is late.") + "</span>")
        self.details.setText("<br>".join(lines))
        names = dict(self.source.task_names(element.task_ids))
        for task_id in element.task_ids:
            item = QListWidgetItem(names.get(task_id, _("Task {id}").format(id=task_id)))
            item.setData(Qt.ItemDataRole.UserRole, task_id)
            item.setToolTip(item.text())
            self.tasks.addItem(item)
        if not element.task_ids:
            self.tasks.addItem(_("No task changes it."))

    def _task_activated(self, item: QListWidgetItem) -> None:
        task_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(task_id, int):
            self.open_record.emit("task", task_id)

    def _activated(self, element: MapElement) -> None:
        self.open_record.emit(element.table, element.record_id)

    # The picture.

    def export(self) -> None:
        """Ask for a file and save the map's picture in it; say why when it cannot be."""
        if self.scene is None:
            return
        day = self.estate.as_of.isoformat() if self.estate is not None else ""
        path = choose_picture_file(self, _("estate-map-{day}.png").format(day=day))
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Save the map's picture at path; a refusal is shown and gives False."""
        if self.scene is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_picture(self.scene, path, _("Estate map"))
        except (ExportError, OSError) as error:
            QApplication.restoreOverrideCursor()
            message = str(error) if isinstance(error, ExportError) else error.strerror or str(error)
            show_problem(self, _("Export map"), message)
            return False
        QApplication.restoreOverrideCursor()
        return True


def _qdate(day: datetime.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
