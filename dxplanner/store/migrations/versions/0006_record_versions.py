"""A version on every record users edit side by side, and on a server versions that only move forward.

Every edit carries the version of the record the user saw and is refused when the record has
moved on since (no lost update): tasks had a version; the records edited beside them get one.
On PostgreSQL a trigger also moves the version of a row changed by a statement that leaves the
version as it was (psql, a script), so that such a change too refuses the edits made from
before it. A statement that sets the version itself (dxplanner's edits and undos) is left as it is.

Revision ID: 0006
Revises: 0005
Create Date: 2027-01-11 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op
from typing import Literal


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 6

# The tables that get a version here; task has had one from the first schema.
VERSIONED = (
    'unit',
    'socio_economic_plan',
    'strategy',
    'goal',
    'indicator',
    'action_plan',
    'dependency',
    'budget_line',
    'staff_line',
    'progress_report',
    'risk',
)

# A row changed with its version left as it was gets the next one; moving among siblings
# (position) is no edit of the row, so that a task added above another does not refuse the edits
# made to that other.
_VERSION_FORWARD = """
CREATE FUNCTION dxplanner_version_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) - 'version' - 'position') IS DISTINCT FROM (to_jsonb(OLD) - 'version' - 'position')
    THEN
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END
$$
"""


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def _recreate() -> Literal['always', 'auto']:
    # SQLite drops a column by copying the table; PostgreSQL alters it in place.
    return 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'


def upgrade() -> None:
    for table in VERSIONED:
        # SQLite adds a NOT NULL column with a default in place: no copy of the table.
        op.add_column(table, sa.Column('version', sa.Integer(), server_default='1', nullable=False))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(_VERSION_FORWARD)
        for table in ('task', *VERSIONED):
            # Only a row whose version the statement left as it was runs the function: the edits'
            # own updates skip it, and so does an undo's (which moves the version on itself).
            op.execute(
                f'CREATE TRIGGER {table}_version_forward BEFORE UPDATE ON "{table}" FOR EACH ROW '
                'WHEN (NEW.version = OLD.version) EXECUTE FUNCTION dxplanner_version_forward()'
            )

    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in ('task', *VERSIONED):
            op.execute(f'DROP TRIGGER {table}_version_forward ON "{table}"')
        op.execute('DROP FUNCTION dxplanner_version_forward()')
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None, recreate=_recreate()) as batch_op:
            batch_op.drop_column('version')

    _set_schema_version(SCHEMA_VERSION - 1)
