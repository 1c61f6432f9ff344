"""Copies of plan files made with SQLite's backup API, safe while the file is in use."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

from dxplanner.core.errors import PlanFileError
from dxplanner.i18n import _
from dxplanner.store.sqlite_engine import connect_sqlite
from dxplanner.temporary_files import temporary_beside


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


def save_copy(source: Path, target: Path) -> Path:
    """Save a consistent copy of the plan file at source as target (File > Save a copy as…).

    The copy is written under a temporary name and moved into place, so target is either the
    earlier file or the whole copy. The open file itself is never the target.
    """
    if target.exists() and target.resolve() == source.resolve():
        raise PlanFileError(
            _("{name} is the file that is open; choose another name for the copy.").format(name=target.name)
        )
    temporary = temporary_beside(target)
    try:
        backup_plan_file(source, temporary)
        temporary.replace(target)
    except (OSError, sqlite3.Error) as error:
        raise PlanFileError(
            _("The copy could not be saved as {path}: {reason}").format(
                path=target, reason=getattr(error, "strerror", None) or error
            )
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(f"{temporary.name}-journal").unlink(missing_ok=True)
    return target


# The header bytes a backup rewrites whatever it copies: the change counter and the version fields.
_REWRITTEN = ((24, 28), (92, 100))
_CHUNK = 1 << 20


def same_pages(first: Path, second: Path) -> bool:
    """Whether two copies of a plan file hold the same pages (the header's counters aside)."""
    try:
        if first.stat().st_size != second.stat().st_size:
            return False
        with first.open("rb") as one, second.open("rb") as other:
            head_one, head_other = bytearray(one.read(100)), bytearray(other.read(100))
            for start, end in _REWRITTEN:
                head_one[start:end] = head_other[start:end] = bytes(end - start)
            if head_one != head_other:
                return False
            while True:
                block = one.read(_CHUNK)
                if block != other.read(_CHUNK):
                    return False
                if not block:
                    return True
    except OSError:
        return False
