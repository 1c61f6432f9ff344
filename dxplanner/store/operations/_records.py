"""Helpers the operations share: finding records and applying checked field values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, SQLModel, select

from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity

R = TypeVar("R", bound=SQLModel)

# Field name -> function that checks a value and returns it in stored form.
Checkers = Mapping[str, Callable[[object], object]]


def fetch(session: Session, model: type[R], record_id: int | None, what: str) -> R:
    """The record with record_id, or NotFoundError naming what was looked for."""
    record = None if record_id is None else session.get(model, record_id)
    if record is None:
        raise NotFoundError(
            _("{what} #{id} does not exist (it may have been deleted).").format(what=what, id=record_id)
        )
    return record


def apply_fields(record: SQLModel, fields: Mapping[str, object], checkers: Checkers) -> dict[str, Any]:
    """Check each value and set it on record; return the values it replaced."""
    previous: dict[str, Any] = {}
    for name, value in fields.items():
        checker = checkers.get(name)
        if checker is None:
            raise InvalidInputError(_("The field '{field}' cannot be set here.").format(field=name))
        checked = checker(value)
        previous[name] = getattr(record, name)
        setattr(record, name, checked)
    return previous


def new_id(session: Session, record: SQLModel) -> int:
    """Insert record now and return the id the database gave it."""
    session.add(record)
    session.flush()
    record_id = getattr(record, "id", None)
    assert isinstance(record_id, int)
    return record_id


def count(session: Session, model: type[SQLModel], *conditions: ColumnElement[bool] | bool) -> int:
    """How many records of model meet every condition."""
    return int(session.exec(select(func.count()).select_from(model).where(*conditions)).one())


def insert_checked(
    session: Session,
    record: R,
    fields: Mapping[str, object],
    checkers: Checkers,
    validate: Callable[[Session, R], None],
    *,
    required: tuple[str, ...] = (),
) -> int:
    """Fill a new record from fields (each required one must be given), check it, insert it."""
    # A required field left out is checked as None, so its checker says it must be given.
    apply_fields(record, dict.fromkeys(required) | dict(fields), checkers)
    validate(session, record)
    return new_id(session, record)


def update_checked(
    session: Session,
    model: type[R],
    record_id: int,
    what: str,
    fields: Mapping[str, object],
    checkers: Checkers,
    validate: Callable[[Session, R], None],
    entity: Entity,
) -> Changes:
    """Change fields of one record after checking each value and then the whole record."""
    record = fetch(session, model, record_id, what)
    previous = apply_fields(record, fields, checkers)
    validate(session, record)
    session.add(record)
    changes = Changes().update(entity, record_id)
    changes.previous = previous
    return changes
