"""The progress forms' rounds and the replies collected from the units; a progress report's
difficulty and proposal, as a unit's form states them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 15:35:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 8

# The new tables whose records carry a version the edits compare.
VERSIONED = ('form_round', 'form_receipt')


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def upgrade() -> None:
    op.create_table('form_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plan.id'], name=op.f('fk_form_round_plan_id_action_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_form_round'))
    )
    with op.batch_alter_table('form_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_round_plan_id'), ['plan_id'], unique=False)

    op.create_table('form_receipt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('reporter', sa.String(), nullable=True),
    sa.Column('file_name', sa.String(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['form_round.id'], name=op.f('fk_form_receipt_round_id_form_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_form_receipt_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_form_receipt')),
    sa.UniqueConstraint('round_id', 'unit_id', name=op.f('uq_form_receipt_round_id_unit_id'))
    )
    with op.batch_alter_table('form_receipt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_form_receipt_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_form_receipt_unit_id'), ['unit_id'], unique=False)

    # Nullable columns without a CHECK: SQLite adds them in place, with no copy of the table.
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('difficulty', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('proposal', sa.String(), nullable=True))

    if op.get_bind().dialect.name == 'postgresql':
        for table in VERSIONED:
            # As revision 0006 does for the tables it versioned: a change that leaves the version
            # as it was (psql) moves it on.
            op.execute(
                f'CREATE TRIGGER {table}_version_forward BEFORE UPDATE ON "{table}" FOR EACH ROW '
                'WHEN (NEW.version = OLD.version) EXECUTE FUNCTION dxplanner_version_forward()'
            )

    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_column('proposal')
        batch_op.drop_column('difficulty')

    with op.batch_alter_table('form_receipt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_receipt_unit_id'))
        batch_op.drop_index(batch_op.f('ix_form_receipt_round_id'))

    op.drop_table('form_receipt')
    with op.batch_alter_table('form_round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_round_plan_id'))

    op.drop_table('form_round')
    _set_schema_version(SCHEMA_VERSION - 1)
