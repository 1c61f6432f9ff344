"""Every committed change on the server announced to the other clients: triggers calling pg_notify.

Each plan table gets three statement-level AFTER triggers (insert, update, delete: a trigger with
transition tables serves one event only). They collect the changed keys from the transition tables
and send one notification per statement on CHANNEL, with a small JSON payload:

    {"table": "task", "op": "update", "keys": [12, 40], "pid": 4242}

"keys" are the rows' ids, or for a table keyed by its owner (task_unit, plan_day_off...) the owner's
ids; "many" past MAX_KEYS or when the payload would not fit PostgreSQL's 8000 bytes. "pid" is the
writer's backend, so a client ignores its own changes. PostgreSQL sends notifications only when the
transaction commits, and never those of one rolled back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlalchemy as sa

from dxplanner.store.journal import tables

CHANNEL = "dxplanner_changes"
FUNCTION = "dx_announce_change"
# More keys than this are sent as "many": the client reloads the table instead.
MAX_KEYS = 500
# PostgreSQL refuses a payload of 8000 bytes or more; keep clear of it.
MAX_PAYLOAD_BYTES = 7900
MANY = "many"
_OPS = {"insert": "INSERT", "update": "UPDATE", "delete": "DELETE"}

_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    -- Concatenation, not format(): the driver reads a percent sign as its own placeholder.
    key_column text := quote_ident(TG_ARGV[0]);
    changed text;
    keys jsonb;
    counted integer;
    payload text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        changed := 'SELECT ' || key_column || ' AS k FROM dx_new';
    ELSIF TG_OP = 'DELETE' THEN
        changed := 'SELECT ' || key_column || ' AS k FROM dx_old';
    ELSE
        changed := 'SELECT ' || key_column || ' AS k FROM dx_new UNION SELECT '
            || key_column || ' FROM dx_old';
    END IF;
    -- Only as many keys as are ever sent are gathered: a 10,000-row import costs no more.
    EXECUTE 'SELECT coalesce(jsonb_agg(k ORDER BY k), ''[]''::jsonb), count(*) '
        || 'FROM (SELECT DISTINCT k FROM (' || changed || ') AS changed WHERE k IS NOT NULL '
        || 'LIMIT {MAX_KEYS + 1}) AS few'
        INTO keys, counted;
    IF counted = 0 THEN
        RETURN NULL;  -- a statement that touched no row changed nothing to announce
    END IF;
    payload := json_build_object(
        'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'keys', keys, 'pid', pg_backend_pid()
    )::text;
    IF counted > {MAX_KEYS} OR octet_length(payload) > {MAX_PAYLOAD_BYTES} THEN
        payload := json_build_object(
            'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'keys', '{MANY}', 'pid', pg_backend_pid()
        )::text;
    END IF;
    PERFORM pg_notify('{CHANNEL}', payload);
    RETURN NULL;
END
$body$
"""


@dataclass(frozen=True)
class Notice:
    """One announced statement: which table, how, which keys (None: too many to say), and by whom."""

    table: str
    op: str  # insert, update or delete
    keys: frozenset[int] | None
    pid: int


def read_notice(payload: str) -> Notice | None:
    """The notice in a payload; None for one that is not ours (another program on the channel)."""
    try:
        found = json.loads(payload)
        table, op, keys, pid = found["table"], found["op"], found["keys"], found["pid"]
        if not isinstance(table, str) or op not in _OPS or not isinstance(pid, int):
            return None
        if keys == MANY:
            return Notice(table, op, None, pid)
        return Notice(table, op, frozenset(int(key) for key in keys), pid)
    except (ValueError, TypeError, KeyError):
        return None


def _key_column(table: sa.Table) -> str:
    """The column a table's rows are announced by: its id, or the owner its key starts with."""
    columns = list(table.primary_key.columns)
    return "id" if "id" in table.columns else columns[0].name


def install_change_notices(connection: sa.Connection) -> list[str]:
    """Create (or replace) the function and the triggers on every plan table present; idempotent.

    Returns the tables that announce their changes.
    """
    present = set(sa.inspect(connection).get_table_names())
    connection.exec_driver_sql(_FUNCTION_SQL)
    announced = []
    for table in tables().sorted_tables:
        if table.name not in present:
            continue
        key = _key_column(table)
        for op, event in _OPS.items():
            trigger = f"dx_notify_{table.name}_{op}"
            transition = {
                "insert": "NEW TABLE AS dx_new",
                "update": "OLD TABLE AS dx_old NEW TABLE AS dx_new",
                "delete": "OLD TABLE AS dx_old",
            }[op]
            connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{trigger}" ON "{table.name}"')
            connection.exec_driver_sql(
                f'CREATE TRIGGER "{trigger}" AFTER {event} ON "{table.name}" '
                f"REFERENCING {transition} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION {FUNCTION}('{key}')"
            )
        announced.append(table.name)
    return announced


def notices_installed(connection: sa.Connection) -> bool:
    """Whether the database announces its changes (prepared by a dxplanner that installs the triggers)."""
    found = connection.exec_driver_sql(
        "SELECT count(*) FROM pg_trigger WHERE starts_with(tgname, 'dx_notify_') AND NOT tgisinternal"
    ).scalar()
    return bool(found)
