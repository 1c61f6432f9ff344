"""Playing a journal on any database, in batches, refused when a row is no longer as the journal expects.

A journal expects each row it changes to be as it left it (for an undo) or as its undo
left it (for a redo), and each bulk range to hold exactly the rows it sealed. Rows are
checked by what the capture saw the replay change, in the same write transaction: every
row's value before the replay touched it must be the journal's, and the replay must have
changed no other row (a cascade reaching a row someone added since). Reading every row
back first would cost a second pass over the same rows. A bulk range is read, checked
against its seal, and deleted in one statement, its rows recorded from that read. A
refusal raises ChangedSinceError inside the transaction, which is rolled back: nothing
changes.

Statements are SQLAlchemy Core with bound parameters keyed by primary key, so the same
code runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from operator import itemgetter

import sqlalchemy as sa

from dxplanner.collector import collector_paused
from dxplanner.core.errors import ChangedSinceError
from dxplanner.i18n import _
from dxplanner.store.capture import ChangeCapture
from dxplanner.store.journal import (
    BulkDelete,
    BulkInsert,
    Journal,
    Key,
    Row,
    RowChange,
    RowRange,
    columns,
    key_columns,
    key_getter,
    key_of,
    plain_table,
    range_rows,
    sealed,
    tables,
)

# Each row's state by (table, key): None where it does not exist.
States = dict[tuple[str, Key], Row | None]

# The column that counts a record's edits, which the version checks compare (store/operations).
VERSION = "version"


def replay(connection: sa.Connection, journal: Journal, capture: ChangeCapture) -> Journal:
    """Make the journal's changes in the current write transaction; return what they were.

    Raises ChangedSinceError, before the transaction commits, when a row was not as the journal
    expects; the caller's transaction must then be rolled back.
    """
    if any(isinstance(change, BulkInsert) for change in journal.changes):
        raise RuntimeError("a bulk insert is redone from the journal its undo recorded, not replayed")
    capture.defer_constraints(connection)
    done: list[RowChange] = []  # what the replay did, in order
    seen: list[RowChange] = []  # what the capture saw of it (bulk ranges aside)
    with collector_paused():
        try:
            for batch in _batches(journal):
                if isinstance(batch, BulkDelete):
                    taken = list(capture.take(connection).rows_in_order())
                    seen += taken
                    done += taken
                    done += _delete_range(connection, batch, capture)
                else:
                    _write(connection, batch)
        except sa.exc.IntegrityError as error:
            # A row the journal inserts is there already, or one it needs is gone: someone changed it.
            raise changed_since() from error
        taken = list(capture.take(connection).rows_in_order())
        seen += taken
        done += taken
        if not _same_ends(seen, journal.rows_in_order()):
            raise changed_since()
    # Replaying is itself a change the capture saw; it is not a new step to undo.
    return Journal(tuple(done))


def changed_since() -> ChangedSinceError:
    """The refusal of a replay that found a row changed since."""
    return ChangedSinceError(_("A record has been changed since; nothing was changed."))


def _delete_range(connection: sa.Connection, bulk: BulkDelete, capture: ChangeCapture) -> list[RowChange]:
    """Delete a bulk range once its rows are as sealed; return their deletions, from one read of them.

    Refused when the rows are not as they were inserted, or when deleting them reached any row
    outside the range (a cascade to a row someone added since, a link someone made to one of them).
    """
    table = tables().tables[bulk.table]
    rows = range_rows(connection, bulk.table, bulk.column, bulk.first, bulk.last)
    if sealed(rows) != (bulk.count, bulk.seal):
        raise changed_since()
    count = sa.select(sa.func.count()).select_from(table)
    before = connection.execute(count).scalar_one()
    plain = plain_table(bulk.table)
    with capture.bulk_deleted(connection, table):
        connection.execute(sa.delete(plain).where(plain.c[bulk.column].between(bulk.first, bulk.last)))
    # What the capture saw besides: the range's own links emptied on the way (SET NULL), nothing else.
    for change in capture.take(connection).rows_in_order():
        if change.before is None or not bulk.holds(change.table, change.before):
            raise changed_since()
    if before - connection.execute(count).scalar_one() != len(rows):
        raise changed_since()  # a cascade within the table reached a row outside the range
    names = columns(bulk.table)
    key = key_getter(bulk.table)
    return [
        RowChange(bulk.table, key(values), dict(zip(names, values, strict=True)), None) for values in rows
    ]


def _same_ends(seen: Iterable[RowChange], expected: Iterable[RowChange]) -> bool:
    """Whether the rows held what the journal expects before the replay, and what it meant after.

    Versions aside: the replay gives a row the next version, not the journal's (see _new_value),
    so a step undone after a later one finds its rows at versions it never saw, values unchanged.
    """
    first, last = _ends(seen)
    expected_first, expected_last = _ends(expected)
    return _unversioned(first) == _unversioned(expected_first) and _unversioned(last) == _unversioned(
        expected_last
    )


def _unversioned(states: States) -> States:
    """Rows' states without their version."""
    return {
        place: None if row is None else {name: value for name, value in row.items() if name != VERSION}
        for place, row in states.items()
    }


def _ends(changes: Iterable[RowChange]) -> tuple[States, States]:
    """Each row's state before the first change to it and after the last."""
    first: States = {}
    last: States = {}
    for change in changes:
        table = change.table
        if change.before is not None:
            old = (table, change.key if change.after is None else key_of(table, change.before))
            first.setdefault(old, change.before)
            last[old] = None
        if change.after is not None:
            new = (table, change.key)
            first.setdefault(new, None)
            last[new] = change.after
    return first, last


@dataclass
class _Batch:
    """Changes one statement makes, run once per row: insert, delete, or update of some columns."""

    kind: str
    table: str
    changed: tuple[str, ...]  # the columns an update sets
    changes: list[RowChange]


def _batches(journal: Journal) -> Iterator[_Batch | BulkDelete]:
    """The journal's changes grouped into statements, in an order that gives the same result.

    A run of inserts only (or of deletes only) goes table by table, parents first (children first),
    each table's rows by key: all those rows exist together at one end of the run, so no order
    within it breaks a unique key, foreign keys are checked at commit, and B-trees take rows in
    key order fastest. Updates keep their exact order; consecutive updates of the same columns of
    one table share a statement.
    """
    update: _Batch | None = None  # the update being filled, while no run is
    run: list[RowChange] = []  # inserts only or deletes only, while no update is
    for change in journal.changes:
        if isinstance(change, RowRange):
            assert isinstance(change, BulkDelete)  # replay() refuses bulk inserts
            yield from _flushed(update, run)
            update, run = None, []
            yield change
        elif change.before is not None and change.after is not None:
            changed = tuple(name for name in change.after if change.after[name] != change.before[name])
            if update is not None and (update.table, update.changed) == (change.table, changed):
                update.changes.append(change)
                continue
            yield from _flushed(update, run)
            update, run = _Batch("update", change.table, changed, [change]), []
        else:
            if update is not None or (run and (run[0].after is None) != (change.after is None)):
                yield from _flushed(update, run)
                update, run = None, []
            run.append(change)
    yield from _flushed(update, run)


def _flushed(update: _Batch | None, run: list[RowChange]) -> Iterator[_Batch]:
    """The batches of what is pending: an update, or a run of inserts or deletes."""
    if update is not None:
        yield update
    yield from _in_order(run)


def _in_order(run: list[RowChange]) -> Iterator[_Batch]:
    """A run of inserts parents first, or of deletes children first, each table's rows by key."""
    if not run:
        return
    inserting = run[0].after is not None
    rank = _ranks()
    direction = 1 if inserting else -1
    ordered = sorted(run, key=lambda change: (direction * rank[change.table], change.key))
    for table, changes in groupby(ordered, key=lambda change: change.table):
        yield _Batch("insert" if inserting else "delete", table, (), list(changes))


@cache
def _ranks() -> dict[str, int]:
    """Parents before children: inserts go in this order of tables, deletes in the reverse."""
    return {table.name: rank for rank, table in enumerate(tables().sorted_tables)}


def _write(connection: sa.Connection, batch: _Batch) -> None:
    """Run one batch's statement for all its rows."""
    keys = key_columns(batch.table)
    rows: list[Row]
    if batch.kind == "insert":
        rows = [change.after for change in batch.changes if change.after is not None]
    elif batch.kind == "delete":
        rows = [
            {f"k_{name}": change.before[name] for name in keys}
            for change in batch.changes
            if change.before is not None
        ]
    else:
        rows = [
            {
                **{f"k_{name}": change.before[name] for name in keys},
                **{f"v_{name}": change.after[name] for name in batch.changed},
            }
            for change in batch.changes
            if change.before is not None and change.after is not None
        ]
    sql, order = _statement(connection.dialect, batch.kind, batch.table, batch.changed)
    # The values are already what the driver gives and takes: handing them to it directly skips
    # SQLAlchemy's processing of each row's parameters, which costs more than the writes themselves.
    if order is None:  # named parameters
        connection.exec_driver_sql(sql, [dict(row) for row in rows])
    elif len(order) == 1:
        connection.exec_driver_sql(sql, [(row[order[0]],) for row in rows])
    else:  # "?" or "%s": the driver takes the values in statement order
        pick = itemgetter(*order)
        connection.exec_driver_sql(sql, [pick(row) for row in rows])


def _new_value(table: sa.TableClause, name: str) -> sa.ColumnElement[object]:
    """What an update sets a column to: the journal's value, or for a version the next one."""
    if name == VERSION:
        return table.c[name] + sa.literal_column("1")
    return sa.bindparam(f"v_{name}")


@cache
def _statement(
    dialect: sa.Dialect, kind: str, table: str, changed: tuple[str, ...]
) -> tuple[str, tuple[str, ...] | None]:
    """The SQL of one kind of batch for a dialect, and the order of its parameters (None: named)."""
    plain = plain_table(table)
    where = sa.and_(*(plain.c[name] == sa.bindparam(f"k_{name}") for name in key_columns(table)))
    statement: sa.Insert | sa.Update | sa.Delete
    if kind == "insert":
        statement = sa.insert(plain)
    elif kind == "delete":
        statement = sa.delete(plain).where(where)
    else:
        # Only the columns that changed: the same rows, and no column a user may not write is named.
        # A version is moved on, never put back: a version someone saw must never name other
        # values, or their edit made from it would pass the check and overwrite what they never saw.
        statement = sa.update(plain).where(where).values({name: _new_value(plain, name) for name in changed})
    compiled = statement.compile(dialect=dialect)
    order = compiled.positiontup
    return compiled.string, None if order is None else tuple(order)
