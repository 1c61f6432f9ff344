"""Which unit each login reports for, on a plan shared on a PostgreSQL server.

Revision ID: 0005
Revises: 0004
Create Date: 2027-01-10 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 5


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def upgrade() -> None:
    # On a plan file the table stays empty: a file has no logins. `server init` writes the
    # policies that read it on a server.
    op.create_table('login_unit',
    sa.Column('login', sa.String(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_login_unit_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('login', name=op.f('pk_login_unit'))
    )
    with op.batch_alter_table('login_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_unit_unit_id'), ['unit_id'], unique=False)

    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # The row-level policies `server init` wrote read the table: they go with it, and the
        # tables they guarded are open to their grants again, as before this revision.
        policies = op.get_bind().execute(
            sa.text(
                "SELECT tablename, policyname FROM pg_policies "
                "WHERE schemaname = current_schema() AND policyname LIKE :ours"
            ),
            {"ours": "dx\\_%"},
        ).fetchall()
        for table, policy in policies:
            op.execute(f'DROP POLICY "{policy}" ON "{table}"')
        for table in sorted({table for table, _policy in policies}):
            op.execute(f'ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY')
            op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
    with op.batch_alter_table('login_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_unit_unit_id'))

    op.drop_table('login_unit')
    _set_schema_version(SCHEMA_VERSION - 1)
