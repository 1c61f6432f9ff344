"""Why a file cannot be written, and what an operating system's error means, in the user's words."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dxplanner.i18n import _


def _read_only_mount(path: Path) -> bool:
    """Whether the file system holding path is mounted read-only."""
    try:
        flags = os.statvfs(path).f_flag
    except (OSError, AttributeError):  # no statvfs (Windows), or nothing there to ask about
        return False
    return bool(flags & os.ST_RDONLY)


@dataclass(frozen=True)
class Probes:
    """The system calls the diagnosis makes; a test hands in its own to play any file system."""

    open_file: Callable[[Path, int], int] = os.open
    close_file: Callable[[int], None] = os.close
    access: Callable[[Path, int], bool] = os.access
    read_only_mount: Callable[[Path], bool] = _read_only_mount


def why_not_writable(path: Path, probes: Probes | None = None) -> str:
    """Which of a read-only file system, an immutable file, no permission on the file, or a folder
    that cannot be written keeps path from being written (the first that applies)."""
    probes = probes or Probes()
    folder = path.parent
    existing = path.exists()
    if probes.read_only_mount(path if existing else folder):
        return _read_only_file_system()
    if existing and not probes.access(path, os.W_OK):
        # Opening for writing, without truncating, tells the causes apart by the error it gets;
        # access() only says yes or no. It is asked only once access() said no, so no descriptor
        # is ever opened (and closed) on a plan file SQLite holds locks on.
        try:
            probes.close_file(probes.open_file(path, os.O_WRONLY))
        except OSError as error:
            if error.errno == errno.EPERM:
                return _("the file is marked as unchangeable (immutable) by the system")
            if error.errno == errno.EACCES:
                return _("you have no permission to write the file")
            return os_reason(error)
    if not probes.access(folder, os.W_OK | os.X_OK):
        return _("the folder {folder} cannot be written").format(folder=folder)
    return _("the system does not let it be written")


def os_reason(error: OSError) -> str:
    """What an operating-system error means to a user (its own words for the rarer ones)."""
    words = {
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("your disk quota is used up"),
        errno.EFBIG: _("the file would be larger than the system allows"),
        errno.EROFS: _read_only_file_system(),
        errno.ENOENT: _("the folder does not exist"),
        errno.EIO: _("the disk reported an error"),
        errno.EACCES: _("you have no permission"),
        errno.EPERM: _("the system does not allow it"),
        errno.ENAMETOOLONG: _("the name is too long"),
    }
    return words.get(error.errno or 0) or error.strerror or str(error)


def write_failure(error: OSError, path: Path, probes: Probes | None = None) -> str:
    """Why writing path failed: for a refusal, which of the causes it was; else what the error means."""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return why_not_writable(path, probes)
    return os_reason(error)


def _read_only_file_system() -> str:
    return _("it is on a read-only file system (a read-only disk, share or mount)")
