"""Columns read as the database stores them, made into dates and enumerations once per distinct value.

Reading 10,000 tasks and 13,000 progress reports, SQLAlchemy parses every date string and
looks every enumeration up one row at a time (a quarter of the dashboard's reading); a
few hundred distinct days and a handful of statuses are each made once here instead.
"""

from __future__ import annotations

import datetime
import enum
from typing import TypeVar

import sqlalchemy as sa

Member = TypeVar("Member", bound=enum.Enum)


def as_stored(column: sa.ColumnElement[object]) -> sa.ColumnElement[object]:
    """The column's values as the driver gives them: no conversion row by row."""
    return sa.type_coerce(column, sa.String())


class Days(dict[object, datetime.date | None]):
    """Stored days as dates, each distinct one parsed once: `days[stored]`.

    SQLite stores a day as its ISO text; PostgreSQL's driver gives dates already.
    """

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, stored: object) -> datetime.date:
        day = stored if isinstance(stored, datetime.date) else datetime.date.fromisoformat(str(stored))
        self[stored] = day
        return day


def members(enum_class: type[Member]) -> dict[object, Member]:
    """An enumeration's members by the value they are stored by (see models.base.enum_type)."""
    return {member.value: member for member in enum_class}
