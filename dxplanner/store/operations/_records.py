"""Helpers the operations share: finding records and applying checked field values."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, text
from sqlmodel import Session, SQLModel, select

from dxplanner.core.errors import ConflictError, InvalidInputError, NotFoundError, RecordConflict
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity

R = TypeVar("R", bound=SQLModel)

# Field name -> function that checks a value and returns it in stored form.
Checkers = Mapping[str, Callable[[object], object]]


def fetch(session: Session, model: type[R], record_id: int | None, what: str, *, lock: bool = False) -> R:
    """The record with record_id, or NotFoundError naming what was looked for.

    lock: on a server, hold the row until the transaction ends, so that nothing writing
    outside dxplanner's turns (psql) changes it between an edit's check and its write.
    """
    record = None if record_id is None else session.get(model, record_id, with_for_update=lock or None)
    if record is None:
        raise NotFoundError(
            _("{what} #{id} does not exist (it may have been deleted).").format(what=what, id=record_id)
        )
    return record


def fetch_seen(
    session: Session, model: type[R], record_id: int, what: str, seen: int | None, mine: Mapping[str, object]
) -> R:
    """The record an edit changes, refused with ConflictError when it changed since the user saw it.

    seen is the version the user saw (None: an edit that saw nothing, such as a script's).
    """
    record = fetch(session, model, record_id, what, lock=seen is not None)
    refuse_conflicts([conflict_of(record, seen, mine, what)], session)
    return record


def conflict_of(
    record: SQLModel, seen: int | None, mine: Mapping[str, object], what: str
) -> RecordConflict | None:
    """How a record differs from the version the user saw, as the edit would change it (None: it does not)."""
    stored = getattr(record, "version", None)
    if seen is None or stored is None or stored == seen:
        return None
    theirs = {name: getattr(record, name) for name in mine if hasattr(record, name)}
    return changed_meanwhile(record, what, seen, mine, theirs)


def changed_meanwhile(
    record: SQLModel, what: str, seen: int, mine: Mapping[str, object], theirs: Mapping[str, object]
) -> RecordConflict | None:
    """The conflict of an edit with a record changed since the user saw it (None when the record already
    holds every value the edit writes: nothing of theirs would be lost, and the edit is made)."""
    if theirs.keys() == mine.keys() and all(theirs[name] == value for name, value in mine.items()):
        return None
    record_id = getattr(record, "id", None)
    assert isinstance(record_id, int)
    return RecordConflict(
        table=str(getattr(record, "__tablename__", type(record).__name__)),
        record_id=record_id,
        what=what,
        name=name_of(record),
        seen_version=seen,
        stored_version=int(getattr(record, "version", 0)),
        mine=dict(mine),
        theirs=dict(theirs),
    )


def refuse_conflicts(found: Iterable[RecordConflict | None], session: Session | None = None) -> None:
    """Refuse the whole edit, naming every record that changed since the user saw it (if any did);
    with the session, on a server that keeps a history, each with who changed it last and when."""
    conflicts = [conflict for conflict in found if conflict is not None]
    if not conflicts:
        return
    if session is not None:
        conflicts = [_with_last_change(session, conflict) for conflict in conflicts]
    if len(conflicts) == 1:
        [conflict] = conflicts
        message = _(
            "{what} “{name}” was changed by someone else after you saw it, so your change was not "
            "made. Look at their version, then make your change again."
        ).format(what=conflict.what, name=conflict.name)
    else:
        message = _(
            "{count} records were changed by someone else after you saw them ({names}), so none of "
            "your changes was made. Look at their versions, then make your changes again."
        ).format(
            count=len(conflicts),
            names=", ".join(f"“{conflict.name}”" for conflict in conflicts[:5])
            + (", …" if len(conflicts) > 5 else ""),
        )
    raise ConflictError(message, conflicts)


def _with_last_change(session: Session, conflict: RecordConflict) -> RecordConflict:
    """A conflict with who made the record's last change and when, as the server's history says."""
    from dxplanner.store.capture_postgres import HISTORY_TABLE
    from dxplanner.store.history_lines import keeps_history

    connection = session.connection()
    if not keeps_history(connection):
        return conflict
    # A login that may not read the history is told the conflict without its author.
    readable = connection.execute(
        text("SELECT has_table_privilege(:name, 'SELECT')"), {"name": HISTORY_TABLE}
    ).scalar()
    if not readable:
        return conflict
    last = connection.execute(
        text(
            f"SELECT who, at FROM {HISTORY_TABLE} WHERE table_name = :table AND key ->> 'id' = :id "
            "ORDER BY id DESC LIMIT 1"
        ),
        {"table": conflict.table, "id": str(conflict.record_id)},
    ).first()
    if last is None:
        return conflict
    return replace(conflict, changed_by=str(last[0]), changed_at=last[1])


def name_of(record: SQLModel) -> str:
    """A record as the user knows it: its name or text, else its number."""
    for field in ("name", "text", "code"):
        value = getattr(record, field, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return f"#{getattr(record, 'id', '')}"


def bump_version(record: SQLModel) -> None:
    """Give a changed record its next version (records without one have nothing to bump)."""
    version = getattr(record, "version", None)
    if isinstance(version, int):
        setattr(record, "version", version + 1)  # noqa: B010 (not every record has the field)


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
    *,
    seen: int | None = None,
) -> Changes:
    """Change fields of one record after checking each value and then the whole record.

    seen: the version of the record the user saw; the edit is refused (ConflictError) when the
    record has changed since. The record's version moves on with the change.
    """
    record = fetch_seen(session, model, record_id, what, seen, fields)
    previous = apply_fields(record, fields, checkers)
    validate(session, record)
    bump_version(record)
    session.add(record)
    changes = Changes().update(entity, record_id)
    changes.previous = previous
    return changes
