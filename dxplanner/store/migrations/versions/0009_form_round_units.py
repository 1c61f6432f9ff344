"""The units (and roles) a round of progress forms went to, the key of its forms' checksums, and a
receipt per form rather than per unit: a unit that leads and cooperates returns two forms.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 17:20:00.000000
"""

from typing import Literal

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 9

_ROLE = sa.Enum('lead', 'cooperating', name='form_role', native_enum=False, create_constraint=True)


def _recreate() -> Literal['always', 'auto']:
    # SQLite changes a table's constraints by copying it; PostgreSQL alters it in place.
    return 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def upgrade() -> None:
    op.create_table('form_round_unit',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('role', _ROLE, nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['form_round.id'], name=op.f('fk_form_round_unit_round_id_form_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_form_round_unit_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('round_id', 'unit_id', 'role', name=op.f('pk_form_round_unit'))
    )
    with op.batch_alter_table('form_round_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_round_unit_unit_id'), ['unit_id'], unique=False)

    # A nullable column without a CHECK: SQLite adds it in place.
    with op.batch_alter_table('form_round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('secret', sa.String(), nullable=True))

    # The receipts so far were all of lead units' forms: cooperating forms could not be collected.
    with op.batch_alter_table('form_receipt', schema=None, recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column('role', _ROLE, server_default='lead', nullable=False))
        batch_op.drop_constraint(op.f('uq_form_receipt_round_id_unit_id'), type_='unique')
        batch_op.create_unique_constraint(op.f('uq_form_receipt_round_id_unit_id_role'), ['round_id', 'unit_id', 'role'])

    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    with op.batch_alter_table('form_receipt', schema=None, recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f('uq_form_receipt_round_id_unit_id_role'), type_='unique')
        batch_op.drop_constraint(op.f('ck_form_receipt_form_role'), type_='check')
        batch_op.drop_column('role')
        batch_op.create_unique_constraint(op.f('uq_form_receipt_round_id_unit_id'), ['round_id', 'unit_id'])

    with op.batch_alter_table('form_round', schema=None) as batch_op:
        batch_op.drop_column('secret')

    with op.batch_alter_table('form_round_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_round_unit_unit_id'))

    op.drop_table('form_round_unit')
    _set_schema_version(SCHEMA_VERSION - 1)
