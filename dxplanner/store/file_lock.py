"""A lock file beside a plan open for writing, naming who holds it, as LibreOffice keeps one."""

from __future__ import annotations

import datetime
import getpass
import json
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.errors import PlanFileError, ReadOnlyError
from dxplanner.i18n import _
from dxplanner.temporary_files import process_alive, temporary_beside

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"


def lock_path(plan: Path) -> Path:
    """Where the lock of the plan file at plan lives: `.~lock.plan.dxplan#` beside it."""
    return plan.with_name(f"{LOCK_PREFIX}{plan.name}{LOCK_SUFFIX}")


@dataclass(frozen=True)
class LockHolder:
    """Who holds a lock: the user, the machine, the process and since when."""

    user: str
    host: str
    pid: int
    since: datetime.datetime
    # The process's start time on its machine, so a reused process number is not taken for the holder.
    started: str | None
    token: str

    def describe(self) -> str:
        """ "nga on may-01 since 06/12/2026 09:15", for the question a second opener is asked."""
        return _("{user} on {host} since {since}").format(
            user=self.user, host=self.host, since=self.since.strftime("%d/%m/%Y %H:%M")
        )

    def to_json(self) -> str:
        """The lock file's text."""
        return json.dumps(
            {
                "program": "dxplanner",
                "user": self.user,
                "host": self.host,
                "pid": self.pid,
                "since": self.since.isoformat(timespec="seconds"),
                "started": self.started,
                "token": self.token,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        """The holder a lock file names, or None when its text is not a lock of ours."""
        try:
            data = json.loads(text)
            return cls(
                user=str(data["user"]),
                host=str(data["host"]),
                pid=int(data["pid"]),
                since=datetime.datetime.fromisoformat(str(data["since"])),
                started=None if data.get("started") is None else str(data["started"]),
                token=str(data["token"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    @classmethod
    def me(cls) -> LockHolder:
        """This process, as a new holder."""
        return cls(
            user=_user_name(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.datetime.now().replace(microsecond=0),
            started=process_start(os.getpid()),
            token=uuid.uuid4().hex,
        )

    def is_stale(self) -> bool:
        """Whether the holder is a process of this machine that has ended (its lock then may be taken)."""
        if self.host != socket.gethostname():
            return False  # another machine's process cannot be seen from here
        if not process_alive(self.pid):
            return True
        current_start = process_start(self.pid)
        return self.started is not None and current_start is not None and current_start != self.started


class FileLockedError(PlanFileError):
    """The plan file is open for writing elsewhere."""

    def __init__(self, message: str, holder: LockHolder) -> None:
        super().__init__(message)
        self.holder = holder


class LockLostError(ReadOnlyError):
    """Someone else took this window's lock over ("open anyway"); this window may no longer write."""


class FileLock:
    """The lock this process holds on one plan file."""

    def __init__(self, plan: Path, holder: LockHolder) -> None:
        self.plan = plan
        self.path = lock_path(plan)
        self.holder = holder
        self._released = False

    @classmethod
    def acquire(cls, plan: Path, *, take_over: bool = False) -> FileLock:
        """Lock plan for this process; FileLockedError names the holder when someone else has it.

        A lock left by a process of this machine that has ended is taken over; take_over=True takes
        any lock (the user chose "open anyway", and the other window will write no more).
        """
        me = LockHolder.me()
        path = lock_path(plan)
        try:
            _create_exclusive(path, me.to_json())
            return cls(plan, me)
        except FileExistsError:
            pass
        except OSError as error:
            raise PlanFileError(
                _("Cannot lock {name} for writing: {reason}").format(
                    name=plan.name, reason=error.strerror or error
                )
            ) from error
        holder = read_holder(plan)
        if holder is not None and not take_over and not holder.is_stale():
            raise FileLockedError(
                _("{name} is open for editing by {holder}.").format(name=plan.name, holder=holder.describe()),
                holder,
            )
        # A stale lock, an unreadable one (a process killed while writing it), or taken on purpose.
        _replace(path, me.to_json())
        return cls(plan, me)

    def verify(self) -> None:
        """Raise LockLostError when the lock is no longer this process's (taken over, or deleted)."""
        holder = read_holder(self.plan)
        if holder is not None and holder.token == self.holder.token:
            return
        if holder is None:
            raise LockLostError(
                _(
                    "The lock of {name} was removed by another program, so this window no longer "
                    "writes to it; nothing was changed. Reopen the file to edit it."
                ).format(name=self.plan.name)
            )
        raise LockLostError(
            _(
                "{holder} opened {name} for editing anyway, so this window no longer writes to it; "
                "nothing was changed. Reopen the file to see their changes."
            ).format(holder=holder.describe(), name=self.plan.name)
        )

    def release(self) -> None:
        """Remove the lock file, if it is still ours."""
        if self._released:
            return
        self._released = True
        holder = read_holder(self.plan)
        if holder is not None and holder.token == self.holder.token:
            self.path.unlink(missing_ok=True)


def read_holder(plan: Path) -> LockHolder | None:
    """Who holds the lock of plan, or None when there is no readable lock."""
    try:
        text = lock_path(plan).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return LockHolder.from_json(text)


def _create_exclusive(path: Path, text: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(descriptor, text.encode("utf-8"))
    finally:
        os.close(descriptor)


def _replace(path: Path, text: str) -> None:
    # Written whole under another name and moved into place: a reader never sees half a lock.
    temporary = temporary_beside(path)
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise PlanFileError(
            _("Cannot lock {name} for writing: {reason}").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def process_start(pid: int) -> str | None:
    """When the process started, as the kernel counts it (Linux), to tell a reused process number."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The second field is the command in parentheses and may hold spaces: count from the last ")".
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None
