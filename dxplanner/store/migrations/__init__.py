"""Alembic migrations of the plan-file schema, one revision per schema version."""
