"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

import sqlalchemy as sa
from alembic import op

${imports if imports else ""}
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = None


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
    _set_schema_version(SCHEMA_VERSION - 1)
