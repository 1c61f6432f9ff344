"""Listening for the server's change notices on a connection of its own, in a thread of its own.

The listener connects in autocommit (a LISTEN inside an open transaction would hear nothing until
it ends), listens on the channel and hands each batch of notices it reads to a callback. When the
connection fails it says so, waits (0.5 s, then twice as long each time, up to a limit) and
connects again; once back it says so, and the caller reloads what it may have missed.
Callbacks run in the listener's thread: the caller passes them on to its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from dxplanner.store.change_notices import CHANNEL, Notice, read_notice

if TYPE_CHECKING:
    import psycopg

# psycopg is imported by the listener's thread when it first connects: the window imports this
# module at start, and a plan file, which never listens, must not wait 0.1 s to load the driver.

# How long one wait for notices lasts before the thread looks whether it should stop.
POLL_SECONDS = 0.2
# How long stop() waits for the thread to end.
STOP_WAIT_SECONDS = 2.0
# Probes of a quiet connection: a server gone without a word is noticed within about 20 s.
_KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3}


@dataclass(frozen=True)
class Backoff:
    """How long to wait before connecting again: first, then twice as long each time, at most most."""

    first: float = 0.5
    most: float = 10.0

    def waits(self) -> Callable[[], float]:
        """A fresh sequence of waits (first, 2 x first, ... most, most)."""
        state = {"next": self.first}

        def following() -> float:
            wait = state["next"]
            state["next"] = min(wait * 2, self.most)
            return wait

        return following


DEFAULT_BACKOFF = Backoff()


class NoticeListener:
    """A thread that hears the server's change notices, and notices when the server goes away."""

    def __init__(
        self,
        url: sa.URL,
        own: Callable[[], Collection[int]],
        heard: Callable[[list[Notice]], None],
        lost: Callable[[str], None],
        back: Callable[[], None],
        backoff: Backoff = DEFAULT_BACKOFF,
    ) -> None:
        """own gives the backend pids of the caller's own connections (whose notices it drops);
        heard gets each batch of others' notices, lost the reason the server went away, back
        the news that it answers again."""
        self._url = url
        self._own = own
        self._heard = heard
        self._lost = lost
        self._back = back
        self._backoff = backoff
        self._stopping = threading.Event()
        self._check = threading.Event()
        self._connected = threading.Event()
        self._thread = threading.Thread(target=self._run, name="dxplanner-notices", daemon=True)

    def start(self) -> None:
        """Connect and listen, in the background."""
        self._thread.start()

    def wait_listening(self, timeout: float) -> bool:
        """Wait until the listener is connected and listening (for tests and benchmarks)."""
        return self._connected.wait(timeout)

    def check_now(self) -> None:
        """A read or write failed: try the connection at once rather than at the next notice."""
        self._check.set()

    def stop(self) -> None:
        """Stop listening and close the connection (within about POLL_SECONDS)."""
        self._stopping.set()
        self._check.set()  # wakes a wait between two tries to connect
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            # Not for as long as a connection may take to fail: closing a window must not hang.
            # The thread ends by itself once that try is over; it is a daemon meanwhile.
            self._thread.join(timeout=STOP_WAIT_SECONDS)

    def _run(self) -> None:
        import psycopg

        # Only a shared plan's window listens: the server's store is loaded by then.
        from dxplanner.store.server_store import said_about_connection

        waits = self._backoff.waits()
        was_lost = False
        while not self._stopping.is_set():
            try:
                with self._connect() as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._connected.set()
                    waits = self._backoff.waits()
                    if was_lost:
                        was_lost = False
                        self._back()
                    self._listen(connection)
            except psycopg.Error as error:
                self._connected.clear()
                if self._stopping.is_set():
                    break
                if not was_lost:
                    was_lost = True
                    self._lost(said_about_connection(self._url, error))
                # A check asked for meanwhile tries at once rather than at the end of the wait.
                self._check.wait(waits())
                self._check.clear()
            self._connected.clear()

    def _connect(self) -> psycopg.Connection[Any]:
        import psycopg
        from psycopg.conninfo import make_conninfo

        from dxplanner.store.server_store import CONNECT_TIMEOUT_SECONDS

        url = self._url
        given: dict[str, Any] = {
            "host": url.host,
            "port": url.port,
            "dbname": url.database,
            "user": url.username,
            "password": url.password,
        }
        given.update((str(name), value) for name, value in url.query.items() if isinstance(value, str))
        given.update(
            connect_timeout=CONNECT_TIMEOUT_SECONDS, application_name="dxplanner-notices", **_KEEPALIVE
        )
        conninfo = make_conninfo("", **{name: value for name, value in given.items() if value is not None})
        return psycopg.connect(conninfo, autocommit=True)

    def _listen(self, connection: psycopg.Connection[Any]) -> None:
        while not self._stopping.is_set():
            batch = list(connection.notifies(timeout=POLL_SECONDS, stop_after=1))
            if self._stopping.is_set():
                return
            if self._check.is_set():
                self._check.clear()
                connection.execute("SELECT 1")  # raises when the server has gone
                self._back()  # it answers: whoever asked may go on
            if not batch:
                continue
            own = set(self._own())
            notices = [
                notice
                for notice in (read_notice(each.payload) for each in batch if each.channel == CHANNEL)
                if notice is not None and notice.pid not in own
            ]
            if notices:
                self._heard(notices)
