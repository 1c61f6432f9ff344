"""Creating and opening plan files: identity checks, read-only fallback, backup and upgrade."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from dxplanner.core.errors import DomainError, PlanFileError
from dxplanner.file_access import why_not_writable
from dxplanner.i18n import _
from dxplanner.store.backup import backup_name, backup_plan_file
from dxplanner.store.file_header import APPLICATION_ID, SCHEMA_VERSION, SchemaAge, read_header
from dxplanner.store.migrate import HEAD_REVISION, stored_revision, upgrade_to_head
from dxplanner.store.plan_store import PlanStore, user_errors
from dxplanner.store.sqlite_engine import create_sqlite_engine

PLAN_SUFFIX = ".dxplan"

# Whether this program may change the file at a path (and create files beside it).
Writable = Callable[[Path], bool]


def can_write(path: Path) -> bool:
    """Whether the file and its folder may be written by this process."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_plan_file(path: Path, *, read_only: bool = False, writable: Writable = can_write) -> PlanStore:
    """Open a plan file; an older one is backed up and upgraded, a newer one opens read-only."""
    path = Path(path)
    header = read_header(path)
    if header.age is SchemaAge.NEWER:
        notice = _(
            "{name} was saved by a newer version of dxplanner (schema {found}; this version knows "
            "{known}). It is open read-only: update dxplanner to change it."
        ).format(name=path.name, found=header.schema_version, known=SCHEMA_VERSION)
        return PlanStore(path, create_sqlite_engine(path, read_only=True), read_only=True, notice=notice)
    if header.age is SchemaAge.OLDER:
        if read_only:
            raise PlanFileError(
                _(
                    "{name} comes from an older version of dxplanner and must be upgraded "
                    "before it can be read."
                ).format(name=path.name)
            )
        return _upgrade_and_open(path, writable)
    may_write = not read_only and writable(path)
    store = PlanStore(path, create_sqlite_engine(path, read_only=not may_write), read_only=not may_write)
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


def _upgrade_and_open(path: Path, writable: Writable) -> PlanStore:
    if not writable(path):
        raise PlanFileError(
            _(
                "{name} comes from an older version of dxplanner and must be upgraded, "
                "but it cannot be written."
            ).format(name=path.name)
        )
    with user_errors():
        backup = backup_plan_file(path, backup_name(path, "before-upgrade"))
    engine = create_sqlite_engine(path)
    try:
        with user_errors():
            upgrade_to_head(engine)
    except DomainError as error:
        engine.dispose()
        raise PlanFileError(
            _("{name} could not be upgraded; it is unchanged ({reason}).").format(
                name=path.name, reason=error
            )
        ) from error
    notice = _(
        "{name} came from an older version of dxplanner and was upgraded. "
        "A copy of the old file was kept as {backup}."
    ).format(name=path.name, backup=backup.name)
    store = PlanStore(path, engine, notice=notice)
    _check_revision(store)
    return store


def create_plan_file(
    path: Path, *, fill: Callable[[PlanStore], object] | None = None, overwrite: bool = False
) -> Path:
    """Create a new plan file at path, optionally filled (e.g. with the demo plan) before it appears."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise PlanFileError(_("{path} already exists; choose another name.").format(path=path))
    if not path.parent.is_dir():
        raise PlanFileError(_("The folder {folder} does not exist.").format(folder=path.parent))
    # Built under a temporary name and moved into place, so a failure never leaves half a file.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
    try:
        with user_errors():
            _initialise(temporary)
            store = PlanStore(temporary, create_sqlite_engine(temporary))
            try:
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
    return path


def _initialise(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.commit()
    finally:
        connection.close()
