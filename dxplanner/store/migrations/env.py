"""Alembic environment: runs revisions on the connection that dxplanner hands over."""

from alembic import context
from sqlmodel import SQLModel

import dxplanner.core.models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
# Batch mode: SQLite alters most things by copying the table, which batch does for us.
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
