"""Targets as written, and persons: a comparison, a scope and words per target; who follows an
indicator; the person answering for a task.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 02:44:47.508318
"""

import sqlalchemy as sa
from alembic import op
from typing import Literal


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 3

_COMPARISON = sa.Enum('>=', '<=', '>', '<', '=', name='comparison', native_enum=False, create_constraint=True)


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def _recreate() -> Literal['always', 'auto']:
    # SQLite alters a table by copying it; PostgreSQL alters it in place (a copy would have to
    # drop the table that other tables' keys refer to).
    return 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'


def upgrade() -> None:
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lead_unit_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_indicator_lead_unit_id'), ['lead_unit_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_indicator_lead_unit_id_unit'), 'unit', ['lead_unit_id'], ['id'], ondelete='SET NULL')

    # recreate: the key grows a column (two targets of a year, each in its scope), and SQLite's
    # ADD COLUMN would leave out the CHECKs.
    with op.batch_alter_table('indicator_target', schema=None, recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('comparison', _COMPARISON, nullable=True))
        batch_op.add_column(sa.Column('text', sa.String(), nullable=True))
        batch_op.alter_column('value', existing_type=sa.Float(), nullable=True)
        batch_op.drop_constraint(op.f('pk_indicator_target'), type_='primary')
        batch_op.create_primary_key(op.f('pk_indicator_target'), ['indicator_id', 'year', 'scope'])
        batch_op.create_check_constraint(op.f('ck_indicator_target_says_something'), 'value IS NOT NULL OR text IS NOT NULL')

    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('responsible_person', sa.String(), nullable=True))

    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_column('responsible_person')

    # The older schema holds one number per indicator and year: scoped and worded targets go.
    op.execute("DELETE FROM indicator_target WHERE scope <> '' OR value IS NULL")
    with op.batch_alter_table('indicator_target', schema=None, recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f('ck_indicator_target_says_something'), type_='check')
        batch_op.drop_constraint(op.f('ck_indicator_target_comparison'), type_='check')
        batch_op.drop_constraint(op.f('pk_indicator_target'), type_='primary')
        batch_op.create_primary_key(op.f('pk_indicator_target'), ['indicator_id', 'year'])
        batch_op.alter_column('value', existing_type=sa.Float(), nullable=False)
        batch_op.drop_column('text')
        batch_op.drop_column('comparison')
        batch_op.drop_column('scope')

    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_indicator_lead_unit_id_unit'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_indicator_lead_unit_id'))
        batch_op.drop_column('lead_unit_id')

    _set_schema_version(SCHEMA_VERSION - 1)
