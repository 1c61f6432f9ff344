"""Alembic environment: runs revisions on the connection that dxplanner hands over."""

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

import dxplanner.core.models  # noqa: F401  (registers the tables on SQLModel.metadata)


def _render_item(kind, item, _context):
    # Revisions must not depend on SQLModel's own string type: write plain sa.String().
    if kind == "type" and isinstance(item, AutoString):
        return "sa.String()"
    return False


connection = context.config.attributes["connection"]
# Batch mode: SQLite alters most things by copying the table, which batch does for us.
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    render_item=_render_item,
)
with context.begin_transaction():
    context.run_migrations()
