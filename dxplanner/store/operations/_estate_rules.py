"""Checks the estate's operations share: optional choices, yes/no fields, stale deletes, units that exist."""

from __future__ import annotations

import enum
from typing import TypeVar

from sqlmodel import Session, SQLModel

from dxplanner.core import rules
from dxplanner.core.errors import InvalidInputError, RecordConflict
from dxplanner.core.models import Unit
from dxplanner.i18n import _
from dxplanner.store.operations._records import fetch, name_of, refuse_conflicts

E = TypeVar("E", bound=enum.StrEnum)
R = TypeVar("R", bound=SQLModel)


def optional_member(enum_class: type[E], value: object, what: str) -> E | None:
    """A member of enum_class by value, or None for nothing chosen."""
    return None if value is None else rules.member(enum_class, value, what)


def flag(value: object, what: str) -> bool:
    """A yes or no (a checkbox)."""
    if not isinstance(value, bool):
        raise InvalidInputError(_("{what} must be yes or no.").format(what=what))
    return value


def existing_unit(session: Session, unit_id: int | None, what: str) -> None:
    """Refuse a unit that does not exist (NotFoundError naming what it was for)."""
    if unit_id is not None:
        fetch(session, Unit, unit_id, what)


def fetch_to_delete(session: Session, model: type[R], record_id: int, what: str, seen: int | None) -> R:
    """The record a delete removes, refused with ConflictError when it changed since the user saw it:
    deleting it would throw away a change the user has not seen."""
    record = fetch(session, model, record_id, what, lock=seen is not None)
    stored = getattr(record, "version", None)
    if seen is not None and stored is not None and stored != seen:
        refuse_conflicts(
            [
                RecordConflict(
                    table=str(getattr(record, "__tablename__", model.__name__)),
                    record_id=record_id,
                    what=what,
                    name=name_of(record),
                    seen_version=seen,
                    stored_version=int(stored),
                )
            ],
            session,
        )
    return record
