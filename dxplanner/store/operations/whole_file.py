"""A plan file's records all at once: read for the data export, written back by its restore."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from dxplanner.collector import collector_paused
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import NOT_IN_PLAN
from dxplanner.i18n import _
from dxplanner.store.bulk import bulk_insert
from dxplanner.store.capture import inserted_in_bulk
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.migrate import stored_revision
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.sequences import advance_past_ids

# (columns, rows): a table's records, each row in the order of its columns.
TableRecords = tuple[Sequence[str], Sequence[tuple[Any, ...]]]
# Where a record stands in what it was read from, in words, by its table and index.
Where = Callable[[str, int], str]
# The records that make a file not empty: a restore goes only into a file without them.
_CONTENT_TABLES = ("unit", "strategy", "action_plan", "socio_economic_plan")
# What the window refreshes after a restore: every kind of record that came in.
_ENTITIES = {entity.value: entity for entity in Entity}
_ENTITY_OF_TABLE = {"socio_economic_plan": Entity.SEDP, "action_plan": Entity.PLAN}


def all_records(store: PlanStore) -> tuple[dict[str, TableRecords], str]:
    """Every table's records in key order (tasks by id, links by their keys), and the schema revision."""
    records: dict[str, TableRecords] = {}
    with store.read() as session:
        connection = session.connection()
        for table in SQLModel.metadata.sorted_tables:
            if table.info.get(NOT_IN_PLAN):
                continue  # the server's logins, not the plan: they mean nothing elsewhere
            order = list(table.primary_key.columns)
            rows = connection.execute(sa.select(table).order_by(*order)).all()
            records[table.name] = ([column.name for column in table.columns], [tuple(row) for row in rows])
        revision = stored_revision(connection) or ""
    return records, revision


def restore_records(
    store: PlanStore, records: Mapping[str, TableRecords], where: Where | None = None
) -> Changes:
    """Write every record back with its own ids, in one transaction, into a file that holds none yet.

    A record the schema refuses is named by where(table, index) (by default its table and number).
    """
    changes = Changes()
    with collector_paused(), store.write() as session:
        connection = session.connection()
        if _holds_records(connection):
            raise InvalidInputError(
                _(
                    "A dxplanner data workbook restores a whole plan file: import it into a new "
                    "or empty plan file (this one already holds records)."
                )
            )
        deferred = connection.dialect.name == "sqlite"
        if deferred:
            # Units name parent units and tasks parent tasks that may come later: check at commit.
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for table in SQLModel.metadata.sorted_tables:
            if table.name not in records:
                continue
            columns, rows = records[table.name]
            if not deferred:
                # PostgreSQL checks each key as the row comes in: a parent must come before its children.
                rows = parents_first(table, columns, rows)
            with inserted_in_bulk(connection, table):
                _insert(connection, table, columns, rows, where or _numbered)
            entity = _ENTITY_OF_TABLE.get(table.name) or _ENTITIES.get(table.name)
            if entity is not None and "id" in columns:
                index = list(columns).index("id")
                for row in rows:
                    changes.create(entity, int(row[index]))
        advance_past_ids(connection, SQLModel.metadata.sorted_tables)
    return changes


def parents_first(
    table: sa.Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> Sequence[tuple[Any, ...]]:
    """The rows ordered so that a row another row of the table refers to (its parent) comes first.

    Rows whose parent is missing keep their place at the end: the database then names the broken key.
    """
    own_keys = [
        (list(columns).index(key.column_keys[0]), list(columns).index(key.elements[0].column.name))
        for key in table.foreign_key_constraints
        if key.referred_table is table
        and len(key.column_keys) == 1
        and key.column_keys[0] in columns
        and key.elements[0].column.name in columns
    ]
    if not own_keys:
        return rows
    placed: set[object] = set()
    ordered: list[tuple[Any, ...]] = []
    waiting = list(rows)
    while waiting:
        ready = [
            row
            for row in waiting
            if all(
                row[child] is None or row[child] in placed or row[child] == row[own]
                for child, own in own_keys
            )
        ]
        if not ready:
            return [*ordered, *waiting]
        ordered += ready
        for row in ready:
            placed.update(row[own] for _child, own in own_keys)
        chosen = {id(row) for row in ready}
        waiting = [row for row in waiting if id(row) not in chosen]
    return ordered


def holds_records(store: PlanStore) -> bool:
    """Whether the plan holds any unit, strategy, plan or socio-economic plan (else it is empty)."""
    with store.read() as session:
        return _holds_records(session.connection())


def _holds_records(connection: sa.Connection) -> bool:
    return any(
        connection.execute(
            sa.select(sa.func.count()).select_from(SQLModel.metadata.tables[name])
        ).scalar_one()
        for name in _CONTENT_TABLES
    )


def _numbered(table: str, index: int) -> str:
    return _("Record {number} of {table}").format(number=index + 1, table=table)


def _insert(
    connection: sa.Connection,
    table: sa.Table,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    where: Where,
) -> None:
    """Insert the rows all at once; if the schema refuses one, say which and the rule it breaks."""
    try:
        with connection.begin_nested():
            bulk_insert(connection, table, columns, rows)
    except sa.exc.IntegrityError as refused:
        # Only now, on the way to an error, look for the row one at a time.
        for index, row in enumerate(rows):
            try:
                with connection.begin_nested():
                    bulk_insert(connection, table, columns, [row])
            except sa.exc.IntegrityError as error:
                raise InvalidInputError(
                    _("{where} breaks a rule of the plan: {rule}.").format(
                        where=where(table.name, index), rule=_rule(table, error)
                    )
                ) from error
        raise InvalidInputError(
            _("The records of {table} break a rule of the plan: {rule}.").format(
                table=table.name, rule=_rule(table, refused)
            )
        ) from refused


def _rule(table: sa.Table, error: sa.exc.IntegrityError) -> str:
    """The broken rule in words where we have them, else as the schema or the database states it."""
    detail = str(error.orig)
    for constraint in table.constraints:
        if isinstance(constraint, sa.CheckConstraint) and constraint.name and str(constraint.name) in detail:
            for ending, words in _rules_in_words().items():
                if str(constraint.name).endswith(ending):
                    return words
            return str(constraint.sqltext)
    return detail


def _rules_in_words() -> dict[str, str]:
    """Each check's rule in words, by how its name ends (made when asked, so it is translated)."""
    return {
        "progress_range": _("progress goes from 0 to 100"),
        "date_order": _("the end may not come before the start"),
        "year_order": _("the end year may not come before the start year"),
        "vision_after_end": _("the vision year may not come before the end year"),
        "not_negative": _("amounts may not be negative"),
        "not_own_parent": _("a record cannot be its own parent"),
        "not_own_sedp_indicator": _("an indicator cannot serve itself"),
        "not_self": _("a task cannot follow itself"),
        "one_owner": _("it must belong to exactly one owner"),
        "likelihood_range": _("likelihood goes from 1 to 5"),
        "impact_range": _("impact goes from 1 to 5"),
        "range_in_order": _("a range's upper bound may not be below its target nor have a comparison"),
        "says_something": _("a target needs a figure or words"),
        "security_level_range": _("the security level goes from 1 to 5"),
        "not_own_host": _("a system cannot run on itself"),
        "two_systems": _("a data link joins two different systems"),
        "online_share_range": _("the share of dossiers filed online goes from 0 to 100"),
        "level_old_range": _("the old level goes from 1 to 4"),
        "one_target": _("a task's effect acts on exactly one system, data link or public service"),
        "level_with_raise": _("a raise of level needs its level, and only a raise of level has one"),
    }
