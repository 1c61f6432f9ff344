"""Where a plan is: a plan file's path, or a postgresql:// URL (no import beyond the standard library)."""

from __future__ import annotations

from pathlib import Path

# Kept apart from the store, which loads SQLAlchemy: the argument parser reads locations, and
# `dxplanner --help` must not wait for the store to load.

# Where a plan is: a plan file, or a database on a PostgreSQL server (a postgresql:// URL).
PlanLocation = Path | str

# What a user types; SQLAlchemy is told the driver (psycopg 3) itself.
URL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(text: str | Path) -> bool:
    """Whether a plan's location names a PostgreSQL database rather than a file."""
    return isinstance(text, str) and text.lower().startswith(URL_SCHEMES)


def location(text: str) -> PlanLocation:
    """Where a plan the user named is: a postgresql:// URL as it is, anything else a file's path."""
    return text if is_server_url(text) else Path(text)
