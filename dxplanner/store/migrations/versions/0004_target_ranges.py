"""Targets written as a range: an upper figure beside the target's value ("40 - 50").

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-14 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op
from typing import Literal


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 4


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def _recreate() -> Literal['always', 'auto']:
    # SQLite alters a table by copying it; PostgreSQL alters it in place (a copy would have to
    # drop the table that other tables' keys refer to).
    return 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'


def upgrade() -> None:
    # recreate: SQLite's ADD COLUMN cannot add the CHECK that keeps a range in order.
    with op.batch_alter_table('indicator_target', schema=None, recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column('upper', sa.Float(), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_indicator_target_range_in_order'),
            'upper IS NULL OR (value IS NOT NULL AND comparison IS NULL AND upper >= value)',
        )

    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    # The older schema holds one figure per target: a range keeps its low figure, as "at least".
    op.execute("UPDATE indicator_target SET comparison = '>=', upper = NULL WHERE upper IS NOT NULL")
    with op.batch_alter_table('indicator_target', schema=None, recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f('ck_indicator_target_range_in_order'), type_='check')
        batch_op.drop_column('upper')

    _set_schema_version(SCHEMA_VERSION - 1)
