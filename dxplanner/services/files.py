"""Plan files and plans on a server: open, create, start, check, copy, back up and restore them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dxplanner.locations import PlanLocation, is_server_url, location
from dxplanner.services.open_plan import OpenPlan, on_server
from dxplanner.store.backups import Backup, BackupReason, BackupShelf
from dxplanner.store.file_header import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    PlanFileHeader,
    SchemaAge,
    read_header,
    written_state,
)
from dxplanner.store.file_lock import FileLockedError, LockLostError
from dxplanner.store.plan_file import PLAN_SUFFIX, create_plan_file, open_plan_file
from dxplanner.store.soundness import SHOWN
from dxplanner.store.start_files import StartPlan

# Opens an existing plan file for a job; a front end passes its own, to say the file's notice its way.
OpenExisting = Callable[[PlanLocation], OpenPlan]

__all__ = [
    "PLAN_SUFFIX",
    "SCHEMA_VERSION",
    "SHOWN",
    "Backup",
    "BackupReason",
    "BackupShelf",
    "FileCheck",
    "FileLockedError",
    "LockLostError",
    "OpenExisting",
    "PlanLocation",
    "SchemaAge",
    "StartPlan",
    "check_file",
    "create_plan",
    "demo_copy",
    "discard_plan_file",
    "folder_for_files",
    "free_plan_path",
    "is_server_url",
    "is_shared",
    "location",
    "open_plan",
    "opened",
    "plan_location",
    "plan_name",
    "read_header",
    "refuse_if_damaged",
    "restore_backup",
    "save_copy",
    "start_plan",
    "verify_lock",
    "written_state",
]


def is_shared(plan: OpenPlan) -> bool:
    """Whether the plan is on a server (no file: no lock, no backups, no file to watch)."""
    return on_server(plan) is not None


def plan_name(plan: OpenPlan) -> str:
    """The plan's short name for a title: the file's name, or the database's and its server's."""
    shared = on_server(plan)
    if shared is not None:
        return f"{shared.url.database} ({shared.url.host or 'localhost'})"
    return plan.path.name


def plan_location(plan: OpenPlan) -> PlanLocation:
    """Where the plan is, to show and to open it again: its file, or its URL (no password in it)."""
    shared = on_server(plan)
    if shared is not None:
        return shared.location
    return plan.path


def folder_for_files(plan: OpenPlan | None) -> Path:
    """Where to offer to save what is made from the plan: beside its file, or in the user's documents
    for a server's plan and for a file kept where users do not look (the demo, in the app's data)."""
    if plan is None or is_shared(plan):
        return documents_folder()
    folder = plan.path.parent
    return documents_folder() if _out_of_sight(folder) else folder


def documents_folder() -> Path:
    """The user's documents folder (XDG's, Windows' or macOS's), or home when there is none."""
    import platformdirs

    documents = platformdirs.user_documents_path()
    return documents if documents.is_dir() else Path.home()


def _out_of_sight(folder: Path) -> bool:
    """Whether a folder is one a file manager hides: the app's own data, or any dot-folder at home."""
    from dxplanner.paths import AppPaths

    resolved = folder.resolve()
    if resolved.is_relative_to(AppPaths.for_user().data_dir.resolve()):
        return True
    home = Path.home().resolve()
    return resolved.is_relative_to(home) and any(
        part.startswith(".") for part in resolved.relative_to(home).parts
    )


def open_plan(path: PlanLocation, *, read_only: bool = False, take_over: bool = False) -> OpenPlan:
    """Open a plan file; an older one is backed up and upgraded, a newer or unwritable one opens read-only.

    Opened for writing, it is locked for this process: FileLockedError names whoever has it open
    already, and take_over=True takes their lock (they write no more). A postgresql:// URL opens
    the plan on that server (prepared by `dxplanner server init`), which takes no lock: several
    people write there at once.
    """
    if is_server_url(path):
        from dxplanner.store.server_store import open_server

        return open_server(str(path), read_only=read_only)
    return open_plan_file(Path(path), read_only=read_only, take_over=take_over)


@contextlib.contextmanager
def opened(path: PlanLocation, open_existing: OpenExisting | None = None) -> Iterator[OpenPlan]:
    """The plan file at path, open read-only for a job, and closed after it."""
    plan = (open_existing or (lambda where: open_plan(where, read_only=True)))(path)
    try:
        yield plan
    finally:
        plan.close()


def create_plan(
    path: Path, with_demo: bool = False, fill: Callable[[OpenPlan], object] | None = None
) -> Path:
    """Create a plan file (empty, with the demo plan, or filled by fill); it appears only whole."""
    if with_demo:
        from dxplanner.store.demo import load_demo

        fill = load_demo
    return create_plan_file(path, fill=fill)


def start_plan(last_file: str | None) -> StartPlan:
    """The file the window starts on: the last one used, else none (the welcome page), with why."""
    from dxplanner.store import start_files

    return start_files.start_plan(last_file)


def free_plan_path(folder: Path, stem: str) -> Path:
    """A new plan file's path in folder named after stem, taken by no file yet."""
    from dxplanner.store import start_files

    return start_files.free_plan_path(folder, stem)


def discard_plan_file(path: Path) -> None:
    """Delete a plan file just made for an import that did not happen."""
    from dxplanner.store import start_files

    start_files.discard_plan_file(path)


def demo_copy(data_dir: Path) -> Path:
    """A copy of the demo plan nobody has edited: the first such copy, else a new one."""
    from dxplanner.store import start_files

    return start_files.demo_copy(data_dir)


def refuse_if_damaged(plan: OpenPlan) -> None:
    """PlanFileError naming the first problem when the file is damaged; nothing when it is sound."""
    from dxplanner.store import soundness

    soundness.refuse_if_damaged(plan)


@dataclass(frozen=True)
class FileCheck:
    """What a check found; an older file is only described, since it is read once upgraded."""

    file: PlanLocation
    version: int
    age: SchemaAge
    revision: str | None = None  # None: the file was not opened (it is older)
    problems: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)  # by the English name of the kind of record


def check_file(path: PlanLocation, open_existing: OpenExisting | None = None) -> FileCheck:
    """A plan file's schema, what is wrong with it, and how many records of each kind it holds."""
    if is_server_url(path):
        # A server's plan opens only at the current schema (server init upgrades it), or newer.
        header = PlanFileHeader(APPLICATION_ID, SCHEMA_VERSION)
    else:
        header = read_header(Path(path))
    if header.age is SchemaAge.OLDER:
        return FileCheck(path, header.schema_version, header.age)
    import sqlalchemy as sa
    from sqlalchemy import func
    from sqlmodel import select

    from dxplanner.store import queries
    from dxplanner.store.migrate import stored_revision
    from dxplanner.store.soundness import file_problems

    with opened(path, open_existing) as plan, plan.read() as session:
        connection = session.connection()
        present = set(sa.inspect(connection).get_table_names())
        counts = {
            name: int(session.exec(select(func.count()).select_from(model)).one())
            for name, model in queries.COUNTED
            if str(model.__tablename__) in present  # a table the file has lost is not counted
        }
        return FileCheck(
            path,
            header.schema_version,
            header.age,
            stored_revision(connection),
            tuple(file_problems(connection)),
            counts,
        )


def save_copy(source: Path, target: Path) -> Path:
    """Copy the plan file to target (a consistent copy, even while it is open); the open file goes on."""
    from dxplanner.store import backup

    return backup.save_copy(source, target)


def verify_lock(plan: OpenPlan) -> None:
    """LockLostError when another window took the file over (or its lock went): this one may not write."""
    if plan.lock is not None:
        plan.lock.verify()


def restore_backup(shelf: BackupShelf, chosen: Backup, path: Path) -> Backup:
    """Put a backup's content into the plan file, keeping the file as it is now as one more backup.

    Returns that backup of the file as it was. Every open plan on path is to be closed first and
    opened again afterwards.
    """
    from dxplanner.store import backups

    return backups.restore_backup(shelf, chosen, path)
