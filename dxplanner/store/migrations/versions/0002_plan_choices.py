"""Plan choices: how group progress is weighted, and the plan's own days off.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 02:05:38.672450
"""

import sqlalchemy as sa
from alembic import op
from typing import Literal


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 2


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def _recreate() -> Literal['always', 'auto']:
    # SQLite alters a table by copying it; PostgreSQL alters it in place (a copy would have to
    # drop the table that other tables' keys refer to).
    return 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'


def upgrade() -> None:
    op.create_table('plan_day_off',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plan.id'], name=op.f('fk_plan_day_off_plan_id_action_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'day', name=op.f('pk_plan_day_off'))
    )
    # recreate: SQLite's ADD COLUMN would leave out the CHECK that keeps the value valid.
    with op.batch_alter_table('action_plan', schema=None, recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column('progress_weight', sa.Enum('duration', 'budget', name='progress_weight', native_enum=False, create_constraint=True), server_default='duration', nullable=False))

    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    with op.batch_alter_table('action_plan', schema=None, recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f('ck_action_plan_progress_weight'), type_='check')
        batch_op.drop_column('progress_weight')

    op.drop_table('plan_day_off')
    _set_schema_version(SCHEMA_VERSION - 1)
