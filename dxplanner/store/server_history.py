"""The history a shared plan's server keeps: a table, a trigger on every plan table, deferrable keys.

Written by the database, so no program can change a plan without leaving its line: every row
inserted, updated or deleted (cascades and imports included) is logged in dx_history with the
transaction's id, the time, the login that made it (session_user: the person signed in, even
inside the trigger's function) and the row's JSON images before and after. The trigger function
runs as the tables' owner (SECURITY DEFINER), so that any role's change is recorded; no role,
the owner included, may update or delete a line of it.

Made by `server init` rather than a migration: a plan file keeps no history, and `server init`
writes it afresh (idempotent) on every run, after any upgrade, as it writes the roles.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from dxplanner.store.capture_postgres import HISTORY_TABLE
from dxplanner.store.journal import key_columns, tables

_FUNCTION = "dx_record_change"
_TRIGGER = "dx_history"

_CREATE_TABLE = f"""
CREATE TABLE IF NOT EXISTS {HISTORY_TABLE} (
    id bigserial PRIMARY KEY,
    txid bigint NOT NULL DEFAULT txid_current(),
    at timestamptz NOT NULL DEFAULT now(),
    who text NOT NULL DEFAULT session_user,
    table_name text NOT NULL,
    key jsonb NOT NULL,
    op char(1) NOT NULL CHECK (op IN ('i', 'u', 'd')),
    before jsonb,
    after jsonb
)
"""
_INDEXES = (
    # take() reads one transaction's lines, in order.
    f"CREATE INDEX IF NOT EXISTS dx_history_txid ON {HISTORY_TABLE} (txid, id)",
    # A record's history: a task's lines, and the lines of the rows that hang on a task.
    f"CREATE INDEX IF NOT EXISTS dx_history_record ON {HISTORY_TABLE} (table_name, (key ->> 'id'))",
    f"CREATE INDEX IF NOT EXISTS dx_history_task ON {HISTORY_TABLE} "
    "((coalesce(after, before) ->> 'task_id')) WHERE coalesce(after, before) ? 'task_id'",
    f"CREATE INDEX IF NOT EXISTS dx_history_at ON {HISTORY_TABLE} (at)",
)
# An update that left the row as it was is no change (PostgreSQL fires for it all the same).
_FUNCTION_BODY = f"""
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL;
    END IF;
    INSERT INTO {HISTORY_TABLE} (table_name, key, op, before, after)
    VALUES (
        TG_TABLE_NAME,
        (SELECT jsonb_object_agg(name, coalesce(new_row, old_row) -> name) FROM unnest(TG_ARGV) AS name),
        lower(left(TG_OP, 1)),
        old_row,
        new_row
    );
    RETURN NULL;
END
"""


def prepare_history(connection: sa.Connection, readers: Sequence[str]) -> bool:
    """Create the history, its triggers and deferrable keys where missing; True when it was missing.

    readers (the plan's group roles) may read it. Idempotent: run by every `server init` inside
    its transaction, after the upgrade and the roles (which refuse a login that does not own the
    tables first, with the reason).
    """
    quote = connection.dialect.identifier_preparer.quote_identifier
    schema = str(connection.execute(sa.text("SELECT current_schema()")).scalar_one())
    missing = connection.execute(
        sa.text("SELECT to_regclass(:name) IS NULL"), {"name": HISTORY_TABLE}
    ).scalar()
    connection.exec_driver_sql(_CREATE_TABLE)
    for index in _INDEXES:
        connection.exec_driver_sql(index)
    # The function's own search path: a caller's cannot redirect where it writes. Its own float
    # digits: a session asking for fewer (extra_float_digits = 0) would have JSON round 0.1 + 0.2.
    connection.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        f"SET search_path = {quote(schema)}, pg_temp SET extra_float_digits = 3 "
        f"AS $body${_FUNCTION_BODY}$body$"
    )
    owner = connection.execute(
        sa.text("SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'task'")
    ).scalar_one()
    # Owned by the tables' owner (a superuser may be running this): the function writes as it.
    connection.exec_driver_sql(f"ALTER TABLE {HISTORY_TABLE} OWNER TO {quote(owner)}")
    connection.exec_driver_sql(f"ALTER FUNCTION {_FUNCTION}() OWNER TO {quote(owner)}")
    # Only the function writes history: nobody calls it, nobody edits or empties the table.
    connection.exec_driver_sql(f"REVOKE ALL ON FUNCTION {_FUNCTION}() FROM PUBLIC")
    connection.exec_driver_sql(f"REVOKE ALL ON {HISTORY_TABLE} FROM PUBLIC")
    connection.exec_driver_sql(
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {HISTORY_TABLE} FROM {quote(owner)}"
    )
    if readers:
        connection.exec_driver_sql(
            f"GRANT SELECT ON {HISTORY_TABLE} TO {', '.join(quote(reader) for reader in readers)}"
        )
    present = set(
        connection.execute(
            sa.text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
    )
    for table in tables().sorted_tables:
        if table.name not in present:
            continue
        keys = ", ".join(f"'{name}'" for name in key_columns(table.name))
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_TRIGGER} ON {quote(table.name)}")
        connection.exec_driver_sql(
            f"CREATE TRIGGER {_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {quote(table.name)} "
            f"FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}({keys})"
        )
    _defer_keys(connection)
    return bool(missing)


def _defer_keys(connection: sa.Connection) -> None:
    """Make every foreign key DEFERRABLE (checked at once unless a transaction defers them).

    An undo replays rows in an order that may pass through a gap (a unit deleted before the units
    under it); its transaction defers the checks to its commit. ON DELETE RESTRICT acts at once
    even when deferred, so those keys become NO ACTION, which refuses the same deletions at the
    end of each statement, or at commit when deferred. Cascades still act at once.
    """
    quote = connection.dialect.identifier_preparer.quote_identifier
    keys = connection.execute(
        sa.text(
            "SELECT c.conrelid::regclass::text, c.conname, c.confdeltype = 'r', pg_get_constraintdef(c.oid) "
            "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE c.contype = 'f' AND (NOT c.condeferrable OR c.confdeltype = 'r') "
            "AND n.nspname = current_schema()"
        )
    ).all()
    for table, name, restrict, definition in keys:
        if restrict:
            definition = definition.replace(" ON DELETE RESTRICT", "")
            connection.exec_driver_sql(
                f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}, "
                f"ADD CONSTRAINT {quote(name)} {definition} DEFERRABLE"
            )
        else:
            connection.exec_driver_sql(f"ALTER TABLE {table} ALTER CONSTRAINT {quote(name)} DEFERRABLE")
