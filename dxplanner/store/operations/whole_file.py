"""A plan file's records all at once: read for the data export, written back by its restore."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from dxplanner.collector import collector_paused
from dxplanner.core.errors import InvalidInputError
from dxplanner.i18n import _
from dxplanner.store.bulk import bulk_insert
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.journal import inserted_in_bulk
from dxplanner.store.migrate import stored_revision
from dxplanner.store.plan_store import PlanStore

# (columns, rows): a table's records, each row in the order of its columns.
TableRecords = tuple[Sequence[str], Sequence[tuple[Any, ...]]]
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
            order = list(table.primary_key.columns)
            rows = connection.execute(sa.select(table).order_by(*order)).all()
            records[table.name] = ([column.name for column in table.columns], [tuple(row) for row in rows])
        revision = stored_revision(connection) or ""
    return records, revision


def restore_records(store: PlanStore, records: Mapping[str, TableRecords]) -> Changes:
    """Write every record back with its own ids, in one transaction, into a file that holds none yet."""
    changes = Changes()
    with collector_paused(), store.write() as session:
        connection = session.connection()
        for name in _CONTENT_TABLES:
            table = SQLModel.metadata.tables[name]
            if connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
                raise InvalidInputError(
                    _(
                        "A dxplanner data workbook restores a whole plan file: import it into a new "
                        "or empty plan file (this one already holds records)."
                    )
                )
        if connection.dialect.name == "sqlite":
            # Units name parent units and tasks parent tasks that may come later: check at commit.
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for table in SQLModel.metadata.sorted_tables:
            if table.name not in records:
                continue
            columns, rows = records[table.name]
            with inserted_in_bulk(connection, table):
                bulk_insert(connection, table, columns, rows)
            entity = _ENTITY_OF_TABLE.get(table.name) or _ENTITIES.get(table.name)
            if entity is not None and "id" in columns:
                index = list(columns).index("id")
                for row in rows:
                    changes.create(entity, int(row[index]))
    return changes
