"""Creating and opening plan files: identity checks, read-only fallback, backup and upgrade."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from dxplanner.core.errors import DomainError, PlanFileError
from dxplanner.file_access import why_not_writable
from dxplanner.i18n import _
from dxplanner.store.backup import backup_name, backup_plan_file, same_pages
from dxplanner.store.file_header import APPLICATION_ID, SCHEMA_VERSION, PlanFileHeader, SchemaAge, read_header
from dxplanner.store.file_lock import FileLock
from dxplanner.store.head_schema import write_head_schema
from dxplanner.store.migrate import HEAD_REVISION, stored_revision, upgrade_to_head
from dxplanner.store.plan_store import PlanStore, user_errors
from dxplanner.store.sqlite_engine import connect_sqlite, create_sqlite_engine
from dxplanner.temporary_files import sweep, temporary_beside

PLAN_SUFFIX = ".dxplan"

# Whether this program may change the file at a path (and create files beside it).
Writable = Callable[[Path], bool]


def can_write(path: Path) -> bool:
    """Whether the file and its folder may be written by this process."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_plan_file(
    path: Path,
    *,
    read_only: bool = False,
    writable: Writable = can_write,
    take_over: bool = False,
    lock: bool = True,
) -> PlanStore:
    """Open a plan file; an older one is backed up and upgraded, a newer one opens read-only.

    Opened for writing, the file is locked for this process (FileLockedError names whoever has it
    open already; take_over=True takes their lock, and they write no more). A change that a
    crash left half done is rolled back first, and the returned store's notice says so.
    """
    path = Path(path)
    read_header(path)  # refuse what is not a plan file before anything is written to it
    sweep(path.parent)
    recovered = _roll_back_interrupted_write(path, writable)
    # Read again: the rollback may have put back the schema version an interrupted upgrade changed.
    store = _open(path, read_header(path), read_only, writable, take_over, lock)
    if recovered:
        store.notice = " ".join(part for part in (recovered, store.notice) if part)
    return store


def _open(
    path: Path, header: PlanFileHeader, read_only: bool, writable: Writable, take_over: bool, lock: bool
) -> PlanStore:
    header_age = header.age
    if header_age is SchemaAge.NEWER:
        notice = _(
            "{name} was saved by a newer version of dxplanner (schema {found}; this version knows "
            "{known}). It is open read-only: update dxplanner to change it."
        ).format(name=path.name, found=header.schema_version, known=SCHEMA_VERSION)
        return PlanStore(path, create_sqlite_engine(path, read_only=True), read_only=True, notice=notice)
    if header_age is SchemaAge.OLDER:
        if read_only:
            raise PlanFileError(
                _(
                    "{name} comes from an older version of dxplanner and must be upgraded "
                    "before it can be read."
                ).format(name=path.name)
            )
        file_lock = FileLock.acquire(path, take_over=take_over) if lock else None
        try:
            return _upgrade_and_open(path, writable, file_lock)
        except BaseException:
            if file_lock is not None:
                file_lock.release()
            raise
    may_write = not read_only and writable(path)
    file_lock = FileLock.acquire(path, take_over=take_over) if may_write and lock else None
    store = PlanStore(
        path, create_sqlite_engine(path, read_only=not may_write), read_only=not may_write, lock=file_lock
    )
    if not read_only and not may_write:
        store.notice = _("{name} cannot be written ({reason}); it is open read-only.").format(
            name=path.name, reason=why_not_writable(path)
        )
    _check_revision(store)
    return store


def _check_revision(store: PlanStore) -> None:
    try:
        with user_errors(), store.engine.connect() as connection:
            revision = stored_revision(connection)
    except DomainError:
        store.close()
        raise
    if revision != HEAD_REVISION:
        store.close()
        raise PlanFileError(
            _("{name} is damaged: its schema record is missing or wrong.").format(name=store.path.name)
        )


def _roll_back_interrupted_write(path: Path, writable: Writable) -> str | None:
    """Undo the half-done change a killed program left (its hot journal); say so, or why it cannot be."""
    journal = path.with_name(f"{path.name}-journal")
    try:
        if journal.stat().st_size == 0:
            return None
    except OSError:
        return None
    if not writable(path):
        raise PlanFileError(
            _(
                "{name} holds a change that was cut short (the program writing it stopped), and that "
                "change must be undone before the file can be read; but the file or its folder cannot "
                "be written. Open it where it can be written, or copy the file together with "
                "{journal} to such a place."
            ).format(name=path.name, journal=journal.name)
        )
    with user_errors():
        connection = connect_sqlite(path, read_only=False)
        try:
            # Reading is enough: SQLite rolls a hot journal back before the first read.
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    if journal.exists() and journal.stat().st_size > 0:
        return None  # the journal of a program still writing, not a leftover
    return _(
        "A change to {name} was cut short earlier (the program writing it stopped, or the disk was "
        "full); it has been undone, and the file is as it was before that change."
    ).format(name=path.name)


def _upgrade_and_open(path: Path, writable: Writable, file_lock: FileLock | None) -> PlanStore:
    if not writable(path):
        raise PlanFileError(
            _(
                "{name} comes from an older version of dxplanner and must be upgraded, "
                "but it cannot be written."
            ).format(name=path.name)
        )
    backup = backup_name(path, "before-upgrade")
    temporary = temporary_beside(backup)
    try:
        with user_errors():
            # A backup cut short never stands under its name.
            backup_plan_file(path, temporary)
            temporary.replace(backup)
    except OSError as error:
        raise PlanFileError(
            _("{name} could not be upgraded; it is unchanged ({reason}).").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
    # An upgrade cut short by a kill left a copy of this very file: keep that one, not a second.
    earlier = _same_copy_beside(path, backup)
    if earlier is not None:
        backup.unlink(missing_ok=True)
        backup = earlier
    engine = create_sqlite_engine(path)
    try:
        with user_errors():
            upgrade_to_head(engine)
    except DomainError as error:
        engine.dispose()
        if earlier is None:
            backup.unlink(missing_ok=True)  # the file is unchanged: a copy of it would only pile up
        raise PlanFileError(
            _("{name} could not be upgraded; it is unchanged ({reason}).").format(
                name=path.name, reason=error
            )
        ) from error
    notice = _(
        "{name} came from an older version of dxplanner and was upgraded. "
        "A copy of the old file was kept as {backup}."
    ).format(name=path.name, backup=backup.name)
    store = PlanStore(path, engine, notice=notice, lock=file_lock)
    _check_revision(store)
    return store


def _same_copy_beside(path: Path, made: Path) -> Path | None:
    """An earlier before-upgrade backup of path holding exactly what the one just made holds."""
    for candidate in sorted(path.parent.glob(f"{path.stem}.before-upgrade-*{path.suffix}")):
        if candidate != made and same_pages(candidate, made):
            return candidate
    return None


def create_plan_file(
    path: Path, *, fill: Callable[[PlanStore], object] | None = None, overwrite: bool = False
) -> Path:
    """Create a new plan file at path, optionally filled (e.g. with the demo plan) before it appears."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise PlanFileError(_("{path} already exists; choose another name.").format(path=path))
    if not path.parent.is_dir():
        raise PlanFileError(_("The folder {folder} does not exist.").format(folder=path.parent))
    sweep(path.parent)
    # Built under a temporary name and moved into place, so a failure never leaves half a file.
    temporary = temporary_beside(path, ".creating")
    try:
        with user_errors():
            _initialise(temporary)
            made = write_head_schema(temporary)
            # Filled before it appears: no one has anything in it to undo, so nothing is recorded.
            store = PlanStore(temporary, create_sqlite_engine(temporary), recorded=False)
            try:
                if not made:  # the kept schema is an older revision's: the migrations make it
                    upgrade_to_head(store.engine)
                if fill is not None:
                    fill(store)
            finally:
                store.close()
        temporary.replace(path)
    except OSError as error:
        raise PlanFileError(
            _("Cannot create {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(f"{temporary.name}-journal").unlink(missing_ok=True)
    return path


def _initialise(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.commit()
    finally:
        connection.close()
