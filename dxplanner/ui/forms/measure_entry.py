"""The line under an indicator's measured values where a new measurement is typed: date, value, source."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from dxplanner.core.cells import number_cell
from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.services import edits
from dxplanner.ui.app_settings import date_style_of
from dxplanner.ui.date_line import DateLine
from dxplanner.ui.errors import show_refusal
from dxplanner.ui.session import PlanSession


class MeasureEntry(QWidget):
    """Records a measured value of the indicator the form shows, as one undoable step."""

    def __init__(
        self,
        session: PlanSession,
        indicator_id: Callable[[], int | None],
        qt_date_format: str,
        today: Callable[[], datetime.date] = datetime.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._indicator_id = indicator_id
        self._today = today
        # Typed as text: a date editor's sections misread a date typed over the one shown.
        self.as_of = DateLine(date_style_of(qt_date_format), today)
        self.value = QLineEdit()
        self.value.setPlaceholderText(_("Value measured"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(_("Source (report, decision)"))
        self.button = QPushButton(_("Record value"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.as_of)
        layout.addWidget(self.value)
        layout.addWidget(self.source, 2)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.record)
        for line in (self.as_of, self.value, self.source):
            line.returnPressed.connect(self.record)
        self.clear()

    def clear(self) -> None:
        """Ready for the next measurement: today's date, nothing typed."""
        self.as_of.set_date(self._today())
        self.value.clear()
        self.source.clear()

    def record(self) -> None:
        """Record what was typed; say why when it cannot be read."""
        indicator_id = self._indicator_id()
        if indicator_id is None or not self.value.text().strip():
            return
        try:
            as_of = self.as_of.read_date(_("Date"), self._today(), required=True)
            value = number_cell(self.value.text(), _("Value"))
        except DomainError as error:
            show_refusal(self, error)  # what was typed stays, to correct
            return
        source = self.source.text().strip() or None
        if as_of is None or value is None:
            return
        if self._session.run(
            _("Record value"),
            lambda plan: edits.record_indicator_value(plan, indicator_id, as_of, value, source),
        ):
            self.clear()
