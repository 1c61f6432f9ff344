"""A workbook's table read by a forked process while this one loads the store: two cores at once.

A command that imports spends half a second loading SQLAlchemy and the store's tables, and as
long reading and understanding the workbook, which needs neither. Forked first thing, a child
reads while the parent loads; the table comes back pickled (a 10,000-task table in 50 ms each
way). Whatever the child cannot do alike (our data workbook, a failure that is no refusal, a
table that does not come back whole) the caller reads itself, as it would have without it.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager

from dxplanner.collector import collector_paused
from dxplanner.core.errors import DomainError
from dxplanner.services.table_reading import Progress, ReadRequest, Table, read_unless_data_workbook

_READ = "read"
_REFUSED = "refused"
_FAILED = "failed"


class ReadAhead:
    """A table being read by a child process, taken once the caller is ready for it."""

    def __init__(self, pid: int, pipe: int) -> None:
        self._pid: int | None = pid
        self._pipe = pipe

    @classmethod
    def start(
        cls, request: ReadRequest, progress: Callable[[], AbstractContextManager[Progress]]
    ) -> ReadAhead | None:
        """Fork a child reading the request's table (progress: made in the child, around its read);
        None where that cannot help or is not safe: no fork, other threads running, or no core
        to spare."""
        if not _can_fork() or not _core_to_spare():
            return None
        # Written before the fork, or the child's copy of a buffer would be written twice.
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        pipe, child_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: it never returns into the caller's code
            try:
                os.close(pipe)
                _read_into(child_end, request, progress)
            finally:
                os._exit(0)
        os.close(child_end)
        return cls(pid, pipe)

    def take(self) -> Table | None:
        """The table the child read; its refusal (a DomainError) is raised here. None: the caller
        reads the workbook itself (our data workbook, or the child could not say)."""
        chunks = []
        try:
            while chunk := os.read(self._pipe, 1 << 20):
                chunks.append(chunk)
        finally:
            self.close()
        try:
            with collector_paused():  # 10,000 tasks' objects, none of them garbage
                said, value = pickle.loads(b"".join(chunks))
        except Exception:
            return None  # cut short (the child was killed) or not whole: read here
        if said == _REFUSED and isinstance(value, DomainError):
            raise value
        return value if said == _READ else None

    def close(self) -> None:
        """Stop the child if it still runs, and let go of it (taken or not)."""
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        os.close(self._pipe)
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _can_fork() -> bool:
    """Whether a forked child can read alongside: fork, and no other thread (a lock another thread
    held at the fork would stay held in the child)."""
    return hasattr(os, "fork") and hasattr(os, "sched_getaffinity") and threading.active_count() == 1


def _core_to_spare() -> bool:
    """Whether a core is likely idle for the child: the last minute's load leaves three quarters of one.

    The child costs 0.2 to 0.3 s of CPU more than reading here (the table pickled both ways, the
    fork's copied pages): with a core of its own it takes its reading off the command's time,
    but sharing one it only adds to the work. Measured on 2 cores, forced on, 7 runs each way:
    at a load of 0.95 (one busy process) 1.58 s against 1.83 s without; at 2.1, 1.45 to 1.74 s
    against 1.33 to 1.59 s; at 4 to 6, 3.35 to 4.26 s against 2.68 to 3.18 s.
    """
    return os.getloadavg()[0] < len(os.sched_getaffinity(0)) - 0.75


def _read_into(
    pipe: int, request: ReadRequest, progress: Callable[[], AbstractContextManager[Progress]]
) -> None:
    """The child's work: read the table and write what came of it into the pipe."""
    gc.disable()  # the child ends as soon as it has written: nothing to collect
    said: tuple[str, object]
    try:
        with progress() as shown:
            said = (_READ, read_unless_data_workbook(request, shown))
    except DomainError as refused:
        said = (_REFUSED, refused)
    except BaseException:  # anything else is the caller's to meet, as it would have without the child
        said = (_FAILED, None)
    try:
        data = pickle.dumps(said, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        data = pickle.dumps((_FAILED, None))
    view = memoryview(data)
    while view:
        view = view[os.write(pipe, view) :]
