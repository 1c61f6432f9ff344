"""Automatic backups of plan files in the user's data folder: taken, listed, thinned and restored."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.backup_tiers import DEFAULT_TIERS, BackupTiers, backups_to_keep
from dxplanner.core.errors import PlanFileError
from dxplanner.i18n import _
from dxplanner.store.backup import backup_plan_file
from dxplanner.store.file_header import read_header, written_state
from dxplanner.store.sqlite_engine import connect_sqlite
from dxplanner.temporary_files import sweep, temporary_beside

# "20261206-091500-123456.opened.dxplan": when it was taken, and why.
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<reason>[a-z-]+)\.dxplan$")
_STAMP = "%Y%m%d-%H%M%S-%f"
_LAST_TAKEN = "last.json"


class BackupReason:
    """Why a backup was taken (kept in its name, shown in the list)."""

    OPENED = "opened"
    EDITING = "editing"
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class Backup:
    """One backup copy of a plan file."""

    path: Path
    taken: datetime.datetime
    reason: str
    size: int

    def task_count(self) -> int | None:
        """How many tasks the copy holds (None when it cannot be read)."""
        try:
            connection = connect_sqlite(self.path, read_only=True)
        except sqlite3.Error:
            return None
        try:
            row = connection.execute("SELECT count(*) FROM task").fetchone()
            return int(row[0])
        except sqlite3.Error:
            return None
        finally:
            connection.close()


class BackupShelf:
    """The backups of every plan file, one folder per file, in the user's data folder."""

    def __init__(self, folder: Path, tiers: BackupTiers = DEFAULT_TIERS) -> None:
        self.folder = folder
        self.tiers = tiers

    def folder_of(self, plan: Path) -> Path:
        """The folder that holds plan's backups (its name and a digest of where it is)."""
        resolved = plan.resolve()
        digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:10]
        return self.folder / f"{_safe(resolved.stem)}-{digest}"

    def take(
        self,
        plan: Path,
        reason: str,
        now: datetime.datetime | None = None,
        *,
        if_changed: bool = True,
        thin: bool = True,
    ) -> Backup | None:
        """Copy plan consistently (SQLite's backup API) and thin the older copies by tier.

        With if_changed, nothing is taken when the file has not been written since the last backup.
        Returns the new backup, or None when none was needed.
        """
        moment = now or datetime.datetime.now()
        folder = self.folder_of(plan)
        signature = _signature(plan)
        if if_changed and signature is not None and signature == _read_last(folder):
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            sweep(folder)
            target = folder / f"{moment.strftime(_STAMP)}.{reason}.dxplan"
            # Written under a temporary name first: a copy cut short never stands as a backup.
            temporary = temporary_beside(target)
            try:
                backup_plan_file(plan, temporary)
                temporary.replace(target)
            finally:
                temporary.unlink(missing_ok=True)
            if signature is not None:
                (folder / _LAST_TAKEN).write_text(json.dumps(signature), encoding="utf-8")
        except (OSError, sqlite3.Error) as error:
            raise PlanFileError(
                _("A backup of {name} could not be made: {reason}").format(
                    name=plan.name, reason=getattr(error, "strerror", None) or error
                )
            ) from error
        if thin:
            self.thin(plan, moment)
        return Backup(target, moment, reason, target.stat().st_size)

    def backups_of(self, plan: Path) -> list[Backup]:
        """plan's backups, newest first."""
        folder = self.folder_of(plan)
        found = []
        try:
            entries = list(folder.iterdir())
        except OSError:
            return []
        for path in entries:
            match = _NAME.match(path.name)
            if match is None:
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue
            taken = datetime.datetime.strptime(match["stamp"], _STAMP)
            found.append(Backup(path, taken, match["reason"], size))
        return sorted(found, key=lambda backup: backup.taken, reverse=True)

    def thin(self, plan: Path, now: datetime.datetime) -> list[Path]:
        """Remove the backups no tier keeps; returns what was removed."""
        backups = self.backups_of(plan)
        keep = backups_to_keep((backup.taken for backup in backups), now, self.tiers)
        removed = []
        for backup in backups:
            if backup.taken not in keep:
                backup.path.unlink(missing_ok=True)
                removed.append(backup.path)
        return removed


def check_backup(backup: Path) -> None:
    """Raise PlanFileError unless the copy is a whole, readable plan file."""
    header = read_header(backup)
    del header  # read_header refuses what is not a plan file of ours
    try:
        connection = connect_sqlite(backup, read_only=True)
        try:
            result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            broken_links = connection.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise PlanFileError(
            _("The backup {name} cannot be read: {reason}").format(name=backup.name, reason=error)
        ) from error
    if result != ["ok"] or broken_links:
        raise PlanFileError(_("The backup {name} is damaged; it was not restored.").format(name=backup.name))


def restore_backup(
    shelf: BackupShelf, backup: Backup, plan: Path, now: datetime.datetime | None = None
) -> Backup:
    """Put backup's content into plan, after checking it and keeping plan as it is now as one more backup.

    Returns the backup of plan as it was before. Close or reopen every store on plan afterwards.
    """
    check_backup(backup.path)
    moment = now or datetime.datetime.now()
    # Not thinned yet: thinning could remove the very copy being restored.
    kept = shelf.take(plan, BackupReason.BEFORE_RESTORE, moment, if_changed=False, thin=False)
    assert kept is not None  # if_changed=False always takes one
    try:
        copy_into(backup.path, plan)
    except sqlite3.Error as error:
        raise PlanFileError(
            _("{name} could not be restored; it is unchanged ({reason}).").format(
                name=plan.name, reason=error
            )
        ) from error
    shelf.thin(plan, moment)
    return kept


def copy_into(source: Path, target: Path) -> None:
    """Replace target's content by source's in one transaction (all or nothing, even if killed)."""
    source_connection = connect_sqlite(source, read_only=True)
    try:
        target_connection = connect_sqlite(target, read_only=False)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()


def _signature(plan: Path) -> list[int] | None:
    state = written_state(plan)
    return None if state is None else list(state)


def _read_last(folder: Path) -> list[int] | None:
    try:
        value = json.loads((folder / _LAST_TAKEN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, list) else None


def _safe(stem: str) -> str:
    return re.sub(r"[^\w.-]", "_", stem)[:60] or "plan"
