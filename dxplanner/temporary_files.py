"""Temporary files beside a target, named so the next start can tell and remove those a crash left."""

from __future__ import annotations

import os
import re
import socket
import time
import uuid
from pathlib import Path

# ".plan.dxplan.dxtmp-host-1234-1a2b3c4d.creating": a hidden file naming the machine and process
# that writes it, so a leftover is removed only when that process has surely ended.
_MARK = ".dxtmp-"
_OURS = re.compile(r"^\..*\.dxtmp-(?P<host>[A-Za-z0-9_-]*)-(?P<pid>\d+)-[0-9a-f]{8}(?P<rest>\..*)?$")
# Names written by earlier versions, without the machine: removed once they are surely old.
_EARLIER = (
    re.compile(r"^\..+\.(?P<pid>\d+)\.creating(-journal)?$"),
    re.compile(r"^\.dxplanner-[0-9a-f]{32}\.xlsx$"),
    re.compile(r"^\..+\.(png|svg|pdf)\.part$"),
)
_EMPTY_UPGRADE_BACKUP = re.compile(r"^.+\.before-upgrade-\d{8}-\d{6}(-\d+)?\.dxplan$")
# A leftover of another machine, or of a version that did not name its process, may be in use
# while it keeps changing; one untouched this long is not.
QUIET_SECONDS = 15 * 60


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", socket.gethostname())[:40]


def temporary_beside(target: Path, suffix: str = "") -> Path:
    """A fresh name in target's folder for a file that will be moved onto target when complete."""
    return target.with_name(f".{target.name}{_MARK}{_host()}-{os.getpid()}-{uuid.uuid4().hex[:8]}{suffix}")


def sweep(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files that ended processes left in folder; returns what was removed."""
    moment = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith(".") and not _EMPTY_UPGRADE_BACKUP.match(name):
            continue
        path = Path(entry.path)
        if _is_leftover(path, moment):
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                continue
    return removed


def _is_leftover(path: Path, now: float) -> bool:
    try:
        status = path.stat()
    except OSError:
        return False
    quiet = now - status.st_mtime > QUIET_SECONDS
    if _EMPTY_UPGRADE_BACKUP.match(path.name):
        return status.st_size == 0
    ours = _OURS.match(path.name)
    if ours is not None:
        if ours["host"] == _host():
            return not process_alive(int(ours["pid"]))
        return quiet
    for pattern in _EARLIER:
        earlier = pattern.match(path.name)
        if earlier is not None:
            pid = earlier.groupdict().get("pid")
            return quiet or (pid is not None and not process_alive(int(pid)))
    return False


def process_alive(pid: int) -> bool:
    """Whether a process of this number runs on this machine (True when that cannot be told)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return True  # os.kill would end the process there, not test it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True
