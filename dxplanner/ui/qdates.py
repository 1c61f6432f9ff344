"""Dates between Python and Qt's date editors, which have no empty date of their own."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate

# The earliest date stands for "none" and shows as blank.
NO_DATE = QDate(1900, 1, 1)


def to_qdate(value: datetime.date | None) -> QDate:
    """A date for a Qt date editor (the blank one for None)."""
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> datetime.date | None:
    """The date a Qt date editor holds (None when blank)."""
    if not value.isValid() or value <= NO_DATE:
        return None
    return datetime.date(value.year(), value.month(), value.day())
