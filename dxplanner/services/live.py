"""Other users' changes to a shared plan as they are committed, and whether its server answers."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxplanner.core.errors import DomainError
from dxplanner.services.open_plan import OpenPlan, on_server, server_gone
from dxplanner.services.undo import DataChange
from dxplanner.store.change_notices import Notice, notices_installed
from dxplanner.store.journal import tables
from dxplanner.store.notice_listener import DEFAULT_BACKOFF, Backoff, NoticeListener

if TYPE_CHECKING:
    from dxplanner.store.server_store import ServerStore

__all__ = [
    "Backoff",
    "LiveChanges",
    "RemoteChange",
    "announces_changes",
    "everything",
    "is_offline_error",
    "live_changes",
    "merged",
    "offline_reason",
]


@dataclass(frozen=True)
class RemoteChange(DataChange):
    """A change another user committed (or, after a reconnect, everything that may have changed).

    rows holds each table's changed ids; for a table keyed by its owner (task_unit, plan_day_off,
    indicator_target...) the owners' ids. A table whose rows came or went, or too many to name, is
    in reshaped: a view reloads it.
    """


def change_of(notices: Iterable[Notice]) -> RemoteChange:
    """One change holding what a batch of notices announce."""
    tables: set[str] = set()
    rows: dict[str, set[int]] = {}
    reshaped: set[str] = set()
    for notice in notices:
        tables.add(notice.table)
        if notice.keys is not None:
            rows.setdefault(notice.table, set()).update(notice.keys)
        if notice.keys is None or notice.op != "update":
            reshaped.add(notice.table)
    return RemoteChange(frozenset(tables), rows, frozenset(reshaped))


def merged(changes: Iterable[DataChange]) -> RemoteChange:
    """Several changes as one (the views refresh once)."""
    tables: set[str] = set()
    rows: dict[str, set[int]] = {}
    reshaped: set[str] = set()
    for change in changes:
        tables |= change.tables
        reshaped |= change.reshaped
        for table, ids in change.rows.items():
            rows.setdefault(table, set()).update(ids)
    return RemoteChange(frozenset(tables), rows, frozenset(reshaped))


def everything() -> RemoteChange:
    """Every table, reloaded: what the views do when the server answers again after an outage."""
    every_table = frozenset(table.name for table in tables().sorted_tables)
    return RemoteChange(every_table, {}, every_table)


def is_offline_error(error: DomainError) -> bool:
    """Whether a refusal came from a server that could not be reached (rather than from the change)."""
    return server_gone(error)


def announces_changes(plan: OpenPlan) -> bool:
    """Whether the plan's server announces changes (a server prepared before it did says no)."""
    shared = on_server(plan)
    if shared is None:
        return False
    try:
        with shared.read() as session:
            return notices_installed(session.connection())
    except DomainError:
        return True  # the server went away meanwhile: that is said on its own


def offline_reason(plan: OpenPlan) -> str | None:
    """Why the plan's server is taken to be offline now (None: it answers, or the plan is a file)."""
    shared = on_server(plan)
    return shared.offline if shared is not None else None


class LiveChanges:
    """Hears other users' changes to a shared plan, and says when its server goes away and comes back.

    The callbacks run in the listener's thread: a window passes them on to its own thread. While the
    server is away the plan refuses reads and writes at once, with the reason, rather than waiting
    for a connection each time.
    """

    def __init__(
        self,
        plan: ServerStore,
        changed: Callable[[RemoteChange], None],
        lost: Callable[[str], None],
        back: Callable[[], None],
        backoff: Backoff = DEFAULT_BACKOFF,
    ) -> None:
        self._plan = plan
        self._changed = changed
        self._lost = lost
        self._back = back
        # Held while a callback runs, so that stop() waits for it and none runs afterwards.
        self._state = threading.RLock()
        self._offline = False
        # Once stopped, nothing more is said: the window may be gone.
        self._stopped = threading.Event()
        self._listener = NoticeListener(
            plan.url, plan.own_backends, self._heard, self._went, self._returned, backoff
        )

    def start(self) -> None:
        """Start listening."""
        self._listener.start()

    def stop(self) -> None:
        """Stop listening (before the plan is closed); no callback runs after this returns."""
        with self._state:
            self._stopped.set()
        self._listener.stop()

    def wait_listening(self, timeout: float) -> bool:
        """Wait until changes are heard (for tests and benchmarks: a change before that goes unheard)."""
        return self._listener.wait_listening(timeout)

    def connection_failed(self, reason: str) -> None:
        """A read or write of the window's failed because the server went away: go offline at once,
        and have the listener try the server now."""
        self._went(reason)
        self._listener.check_now()

    def _heard(self, notices: list[Notice]) -> None:
        with self._state:
            if not self._stopped.is_set():
                self._changed(change_of(notices))

    def _went(self, reason: str) -> None:
        with self._state:
            if self._stopped.is_set():
                return
            self._plan.offline = reason
            if self._offline:
                return
            self._offline = True
            self._lost(reason)

    def _returned(self) -> None:
        with self._state:
            if self._stopped.is_set():
                return
            self._plan.offline = None
            if not self._offline:
                return
            self._offline = False
            self._back()
            # Whatever others did meanwhile was not heard: every view reads everything again.
            self._changed(everything())


def live_changes(
    plan: OpenPlan,
    changed: Callable[[RemoteChange], None],
    lost: Callable[[str], None],
    back: Callable[[], None],
    backoff: Backoff = DEFAULT_BACKOFF,
) -> LiveChanges | None:
    """Live changes of a plan on a server; None for a plan file (one writer: nothing to hear)."""
    shared = on_server(plan)
    if shared is None:
        return None
    return LiveChanges(shared, changed, lost, back, backoff)
