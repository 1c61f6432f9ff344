"""An open plan file: its engine, whether it may be changed, and its transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import exc

from dxplanner.core.errors import DomainError, InvalidInputError, PlanFileError, ReadOnlyError
from dxplanner.i18n import _
from dxplanner.store.file_lock import FileLock
from dxplanner.store.journal import Journal
from dxplanner.store.sqlite_engine import writing

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass
class PlanStore:
    """A plan file opened for reading, or for reading and writing."""

    path: Path
    engine: sa.Engine
    read_only: bool = False
    # Said to the user once after opening: why the file is read-only, or that it was upgraded.
    notice: str | None = None
    # What the last write transaction changed, row by row, to undo and redo it.
    last_journal: Journal = field(default_factory=Journal, repr=False)
    # The lock beside the file while it is open for writing (None for a read-only store).
    lock: FileLock | None = field(default=None, repr=False)
    # Whether writes record what they change, to be undone: not while a new file is being filled
    # before it appears (nothing there to undo), where recording was a fifth of a 10,000-task import.
    recorded: bool = True
    _write_engine: sa.Engine = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._write_engine = writing(self.engine)

    @contextmanager
    def look(self) -> Iterator[sa.Connection]:
        """A connection reading one consistent snapshot, with no session: what a plan's first window
        reads (store.first_view), before SQLAlchemy's ORM and SQLModel are loaded after its paint."""
        with user_errors(), self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading one consistent snapshot."""
        from sqlmodel import Session  # loaded by the first reader after the first paint (see look)

        with user_errors(), Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed when the block ends, rolled back on error.

        Autoflush is off so that checks run against the stored state while the
        change being checked is still only in memory.
        """
        if self.read_only:
            raise ReadOnlyError(
                _("{name} is open read-only; nothing was changed.").format(name=self.path.name)
            )
        if self.lock is not None:
            try:
                self.lock.verify()
            except DomainError as error:
                # Another window took the file over: this one stays read-only from now on.
                self.read_only = True
                self.notice = error.message
                raise
        # The change capture, loaded by the first write (a plan opens and paints without it).
        from sqlmodel import Session

        from dxplanner.store.capture import UnrecordedCapture, capture_for, recording_with

        with user_errors(), Session(self._write_engine, expire_on_commit=False, autoflush=False) as session:
            capture = capture_for(self._write_engine.dialect.name) if self.recorded else UnrecordedCapture()
            with session.begin():
                connection = session.connection()
                capture.install(connection)
                with recording_with(connection, capture):
                    yield session
                    session.flush()
                journal = capture.take(connection)
            self.last_journal = journal

    def replay(self, journal: Journal) -> Journal:
        """Make a journal's changes (to undo or redo a step) in one write transaction.

        Returns the journal that undoes this replay: after an undo, the redo. Raises
        ChangedSinceError, changing nothing, when a row is no longer as the journal expects.
        """
        from dxplanner.store.capture import capture_for
        from dxplanner.store.replay import changed_since, replay

        try:
            with self.write() as session:
                connection = session.connection()
                return replay(connection, journal, capture_for(connection.dialect.name)).undo
        except InvalidInputError as error:
            if isinstance(error.__cause__, exc.IntegrityError):
                # Seen at commit: a record the journal links to has gone since.
                raise changed_since() from error
            raise

    def prepare_writing(self) -> bool:
        """Install change capture on the file's connections ahead of the first edit, writing nothing.

        A write installs it on its connection once (the temporary log, shadow tables and triggers:
        15 ms of CPU on a loaded machine) and every later write finds it there; done while the
        window idles, the user's first edit does not wait for it. Only temporary objects are made,
        in a deferred transaction that reads the main file and writes none of it. False when another
        thread held one of the connections meanwhile, which may then not be ready: try again later.
        """
        if self.read_only or self.engine.dialect.name != "sqlite":
            return True
        from dxplanner.store.capture import capture_for

        capture = capture_for("sqlite")
        pool = self.engine.pool
        # Every pooled connection, held at once so that each is a different one: an edit may get any.
        count = pool.size() if isinstance(pool, sa.pool.QueuePool) else 1
        with user_errors(), ExitStack() as held:
            for _ in range(count):
                connection = held.enter_context(self.engine.connect())
                held.enter_context(_not_waiting(connection))
                with connection.begin():
                    capture.install(connection)
            # Only ours were out: none of the pool's connections was left without capture.
            return not isinstance(pool, sa.pool.QueuePool) or (
                pool.checkedout() == count and pool.overflow() <= 0
            )

    def close(self) -> None:
        """Release every connection to the file, and its lock."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn database failures that reach this far into messages a user can act on."""
    try:
        yield
    except DomainError:
        raise
    except exc.IntegrityError as error:
        # Operations check their input first; this is the schema's last line of defence.
        raise InvalidInputError(
            _("The change was refused because it breaks a rule of the plan: {detail}").format(
                detail=error.orig
            )
        ) from error
    except exc.OperationalError as error:
        text = str(error.orig).lower()
        if "locked" in text or "busy" in text:
            raise PlanFileError(
                _("The plan file is busy in another program. Close it there and try again.")
            ) from error
        if "readonly" in text or "read-only" in text:
            raise ReadOnlyError(_("The plan file cannot be written (it is read-only on disk).")) from error
        raise PlanFileError(
            _("The plan file could not be used: {reason}").format(reason=error.orig)
        ) from error
    except exc.DatabaseError as error:
        raise PlanFileError(_("The plan file is damaged: {reason}").format(reason=error.orig)) from error
    except sqlite3.DatabaseError as error:  # raised by the driver directly (backups, raw pragmas)
        raise PlanFileError(_("The plan file could not be used: {reason}").format(reason=error)) from error


@contextmanager
def _not_waiting(connection: sa.Connection) -> Iterator[None]:
    """The connection gives up at once while another program holds the file, as it was after.

    The preparation runs while the window idles: waiting out another program's write (up to the
    busy timeout) would freeze a window the user did nothing in; the first edit waits instead.
    """
    driver = connection.connection.driver_connection
    assert driver is not None
    waits = driver.execute("PRAGMA busy_timeout").fetchone()[0]
    driver.execute("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA busy_timeout = {int(waits)}")
