"""Copies of plan files made with SQLite's backup API, safe while the file is in use."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

from dxplanner.store.sqlite_engine import connect_sqlite


def backup_plan_file(source: Path, destination: Path) -> Path:
    """Copy the plan file at source to destination, page by page, consistently."""
    # A plain file copy of a database that someone is writing can be torn.
    source_connection = connect_sqlite(source, read_only=True)
    try:
        target_connection = sqlite3.connect(destination)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()
    return destination


def backup_name(path: Path, reason: str, now: datetime.datetime | None = None) -> Path:
    """A free name beside path for a backup, e.g. plan.before-upgrade-20261128-101500.dxplan."""
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.{reason}-{stamp}-{counter}{path.suffix}")
        counter += 1
    return candidate
