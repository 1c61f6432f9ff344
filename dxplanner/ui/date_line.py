"""A date cell's editor: the date typed as text in the chosen format, or picked from a calendar."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.i18n import _
from dxplanner.ui.dates import DateStyle
from dxplanner.ui.errors import show_refusal


def not_a_date(what: str, text: str, style: DateStyle, today: datetime.date) -> str:
    """The one message for a text that names no date: what was typed, and how to write a date."""
    return _("{what}: “{text}” is not a date. Write it as {pattern}, for example {example}.").format(
        what=what, text=text.strip(), pattern=style.pattern(), example=style.write(today)
    )


def no_date_given(what: str, style: DateStyle, today: datetime.date) -> str:
    """The message for a date that is needed and was left blank."""
    return _("{what}: no date was given. Write it as {pattern}, for example {example}.").format(
        what=what, pattern=style.pattern(), example=style.write(today)
    )


class DateLine(QLineEdit):
    """What is typed is what is saved: no sections to type into, and an empty line is no date.

    F4, Alt+Down or the calendar button open a calendar on the line's date, or, when the line
    holds none, on the day `first_page` gives (today, or the plan's start).
    """

    picked = Signal()  # a day was chosen in the calendar

    def __init__(
        self, style: DateStyle, first_page: Callable[[], datetime.date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._style = style
        self._first_page = first_page
        self.setPlaceholderText(style.pattern())
        button = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        button.setToolTip(_("Choose from a calendar (F4)"))
        button.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    def room_for_a_date(self) -> int:
        """The width that shows a whole date beside the calendar button (the widest the style writes)."""
        widest = self._style.write(datetime.date(2028, 12, 28))
        return self.fontMetrics().horizontalAdvance(widest) + 48

    def set_date(self, value: datetime.date | None) -> None:
        """Show a date (blank for none)."""
        self.setText(self._style.write(value))

    def read_date(self, what: str, today: datetime.date, required: bool = False) -> datetime.date | None:
        """The date typed (None when blank and not required).

        Raises InvalidInputError, with the message to show under the name `what`, when the text
        names no date, or when a required date is left blank.
        """
        try:
            day = self._style.read(self.text())
        except ValueError:
            raise InvalidInputError(not_a_date(what, self.text(), self._style, today)) from None
        if day is None and required:
            raise InvalidInputError(no_date_given(what, self._style, today))
        return day

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down):
            self.open_calendar()
            event.accept()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Show the calendar below the line, on the line's date or the first page's."""
        try:
            shown = self._style.read(self.text())
        except ValueError:
            shown = None
        day = shown or self._first_page()
        # A child of the line, so that the sheet does not take the popup's focus for leaving the cell.
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setGridVisible(True)
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.setCurrentPage(day.year, day.month)
        calendar.activated.connect(self._chosen)
        calendar.clicked.connect(self._chosen)
        calendar.installEventFilter(self)
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # However the calendar closes (a day chosen, Escape, a click outside), typing goes on here.
        if watched is self.calendar and event.type() == QEvent.Type.Hide:
            self.calendar = None
            self.setFocus()
        return False

    def _chosen(self, day: QDate) -> None:
        self.set_date(datetime.date(day.year(), day.month(), day.day()))
        if self.calendar is not None:
            self.calendar.close()
        self.picked.emit()


class DateChoice(DateLine):
    """A date that chooses what is shown (not a record's field): taken on Enter, on leaving the line
    or from the calendar; a text that names no date is refused and the date in force comes back."""

    changed = Signal()  # the date in force is another

    def __init__(
        self,
        style: DateStyle,
        what: str,
        today: Callable[[], datetime.date],
        required: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(style, today, parent)
        self._what = what
        self._today = today
        self._required = required
        self._in_force: datetime.date | None = None
        # Room for a whole date and the calendar button, in a row of filters that squeezes it.
        self.setMinimumWidth(self.room_for_a_date())
        self.editingFinished.connect(self._take)

    def date(self) -> datetime.date | None:
        """The date in force (None: none, where that is allowed)."""
        return self._in_force

    def set_date(self, value: datetime.date | None) -> None:
        """Show a date and put it in force."""
        super().set_date(value)
        if value != self._in_force:
            self._in_force = value
            self.changed.emit()

    def _take(self) -> None:
        try:
            day = self.read_date(self._what, self._today(), self._required)
        except DomainError as error:
            # Back before the message takes the focus: what is shown is always what is in force.
            super().set_date(self._in_force)
            show_refusal(self, error)
            return
        self.set_date(day)  # written again in the window's format ("2026-02-15" as "15/02/2026")


def _calendar_icon() -> QIcon:
    """A small calendar drawn in the palette's text colour (the app ships no icon files)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    ink = QColor("#455a64")
    painter.setPen(ink)
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(1, 2, 14, 3), ink)
    for row in range(2):
        for column in range(3):
            painter.fillRect(QRect(3 + 4 * column, 7 + 3 * row, 2, 2), ink)
    painter.end()
    return QIcon(pixmap)
