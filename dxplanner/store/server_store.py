"""A plan shared on a PostgreSQL server: opening it as a file opens, and preparing the server for it."""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlmodel import Session

from dxplanner.core.errors import DomainError, NotPermittedError, PlanFileError
from dxplanner.i18n import _
from dxplanner.store import server_roles
from dxplanner.store.change_notices import install_change_notices
from dxplanner.store.history_lines import keeps_history
from dxplanner.store.migrate import (
    HEAD_REVISION,
    REVISIONS,
    UPGRADE_LOCK_KEY,
    stored_revision,
    upgrade_to_head,
)
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.server_history import prepare_history
from dxplanner.store.sqlite_engine import BEGIN_MODE_OPTION, BUSY_TIMEOUT_SECONDS

# SQLAlchemy is told the driver (psycopg 3) itself.
_DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_SECONDS = 10
# The transaction-level advisory lock every write takes first ("DXPL"): writers take turns, as
# on a plan file, so an operation's checks still hold when its changes are written.
WRITE_LOCK_KEY = 0x4458504C


def server_url(text: str) -> sa.URL:
    """The SQLAlchemy URL of what the user typed (postgresql://user@host:port/db)."""
    try:
        url = sa.make_url(text)
    except exc.ArgumentError as error:
        raise PlanFileError(_("{url} is not a PostgreSQL address.").format(url=text)) from error
    if not url.database:
        raise PlanFileError(
            _("{url} names no database: write it as postgresql://user@host:port/database.").format(url=text)
        )
    return url.set(drivername=_DRIVER)


def shown(url: sa.URL) -> str:
    """The URL as the user may see it: the driver left out, a password never shown."""
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def create_server_engine(url: sa.URL, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> sa.Engine:
    """An engine on the server; reads see one snapshot, writes take the write lock first.

    A write waits at most busy_timeout seconds for the one before it, as on a plan file.
    """
    engine = sa.create_engine(
        url,
        # A read sees one consistent snapshot of the plan, as on a file.
        isolation_level="REPEATABLE READ",
        pool_size=2,
        max_overflow=4,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "dxplanner"},
    )

    @event.listens_for(engine, "begin")
    def _take_write_lock(connection: sa.Connection) -> None:
        # The writing engine (PlanStore's) asks for an IMMEDIATE begin, as SQLite's write lock.
        if connection.get_execution_options().get(BEGIN_MODE_OPTION) == "IMMEDIATE":
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(busy_timeout * 1000)}")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

    return engine


class ServerGoneError(PlanFileError):
    """The server could not be reached, or dropped the connection: the plan is offline for now."""


class ServerStore(PlanStore):
    """A plan in a PostgreSQL database, used by the services exactly as an open plan file is.

    Its path is only the database's name, shown where a file's name would be: no file has it.
    """

    url: sa.URL
    # Why the server is taken to be away (set and cleared by whoever watches it, services.live):
    # meanwhile reads and writes are refused at once instead of each waiting for a connection.
    offline: str | None

    def __init__(
        self, url: sa.URL, engine: sa.Engine, *, read_only: bool = False, notice: str | None = None
    ) -> None:
        self.offline = None
        super().__init__(Path(url.database or ""), engine, read_only=read_only, notice=notice)
        self.url = url

    def __post_init__(self) -> None:
        super().__post_init__()
        # Writes read what the writer before committed: each statement sees the newest rows,
        # which a snapshot taken while waiting for the write lock would not.
        self._write_engine = self._write_engine.execution_options(isolation_level="READ COMMITTED")
        self._backends = _Backends(self.engine)

    def own_backends(self) -> frozenset[int]:
        """The server processes of this store's connections: the notices of its own writes come from them."""
        return self._backends.pids()

    @property
    def where(self) -> str:
        """The database's address, as the user may see it."""
        return shown(self.url)

    @property
    def location(self) -> str:
        """The URL that opens this plan again; a password given in it is left to libpq's own sources."""
        return str(self.url.set(drivername="postgresql", password=None).render_as_string())

    @contextmanager
    def look(self) -> Iterator[sa.Connection]:
        """A connection reading one consistent snapshot (see PlanStore.look)."""
        if self.offline is not None:
            raise ServerGoneError(self.offline)
        with server_errors(self.url, self.who), super().look() as connection:
            yield connection

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading one consistent snapshot."""
        if self.offline is not None:
            raise ServerGoneError(self.offline)
        with server_errors(self.url, self.who), super().read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction, after the writers before it (see PlanStore.write)."""
        if self.offline is not None:
            raise ServerGoneError(self.offline)
        with server_errors(self.url, self.who), super().write() as session:
            yield session

    def who(self) -> server_roles.Who:
        """Who is signed in, and their role on the plan as the server has it now."""
        with server_errors(self.url), self.engine.connect() as connection:
            return server_roles.who(connection)


def open_server(
    text: str, *, read_only: bool = False, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> ServerStore:
    """Open the plan in a database on a PostgreSQL server.

    Signing in is PostgreSQL's own: the password comes from libpq (PGPASSWORD, ~/.pgpass) or
    the URL. A database dxplanner has not prepared, or prepared by an older dxplanner, is refused
    with the command that prepares it; one from a newer dxplanner opens read-only.
    """
    url = server_url(text)
    engine = create_server_engine(url, busy_timeout=busy_timeout)
    try:
        with server_errors(url, lambda: _who_on(engine)), engine.connect() as connection:
            revision = stored_revision(connection)
            history = keeps_history(connection)
    except NotPermittedError as refused:
        person = _who_on(engine)
        engine.dispose()
        if person is None or person.role is not None:
            raise
        raise PlanFileError(
            _(
                "Your login {login} has no role on the plan on {where}, so it cannot be opened. Its "
                "administrator gives one with “dxplanner server grant”."
            ).format(login=person.login, where=shown(url))
        ) from refused
    except BaseException:
        engine.dispose()
        raise
    if revision == HEAD_REVISION and history:
        return ServerStore(url, engine, read_only=read_only)
    if revision is not None and revision not in REVISIONS:
        notice = _(
            "The plan on {where} was prepared by a newer version of dxplanner (revision {found}). "
            "It is open read-only: update dxplanner to change it."
        ).format(where=shown(url), found=revision)
        return ServerStore(url, engine, read_only=True, notice=notice)
    engine.dispose()
    if revision == HEAD_REVISION:
        # Prepared before the server kept a history: undo and the History tab would have nothing.
        raise PlanFileError(
            _(
                "The plan on {where} keeps no history yet. Prepare it once more with "
                "“dxplanner server init {where}”, then open it again."
            ).format(where=shown(url))
        )
    if revision is None:
        raise PlanFileError(
            _(
                "{where} holds no dxplanner plan. Prepare it once with “dxplanner server init {where}”."
            ).format(where=shown(url))
        )
    raise PlanFileError(
        _(
            "The plan on {where} has an older schema (revision {found}). Upgrade it with "
            "“dxplanner server init {where}”, then open it again."
        ).format(where=shown(url), found=revision)
    )


class _Backends:
    """The backend pid of each connection an engine's pool holds, kept as connections come and go."""

    def __init__(self, engine: sa.Engine) -> None:
        self._by_connection: dict[int, int] = {}
        self._lock = threading.Lock()
        # On checkout, not connect: the pool may hold a connection made before this store was.
        event.listen(engine, "checkout", self._checked_out)
        event.listen(engine, "close", self._closed)
        event.listen(engine, "close_detached", self._closed)

    def _checked_out(self, connection: Any, _record: Any, _proxy: Any) -> None:
        with self._lock:
            self._by_connection[id(connection)] = int(connection.info.backend_pid)

    def _closed(self, connection: Any, *_rest: Any) -> None:
        with self._lock:
            self._by_connection.pop(id(connection), None)

    def pids(self) -> frozenset[int]:
        with self._lock:
            return frozenset(self._by_connection.values())


class Prepared(enum.StrEnum):
    """What `server init` did to a database."""

    CREATED = "created"
    UPGRADED = "upgraded"
    CURRENT = "current"
    HISTORY = "history"  # the schema was current; the history of changes was started


@dataclass(frozen=True)
class ServerInit:
    """What preparing a server did, the revisions before and after, and the roles it created."""

    where: str
    done: Prepared
    before: str | None
    after: str
    roles: server_roles.RoleNames
    roles_created: tuple[str, ...] = ()


def init_server(text: str) -> ServerInit:
    """Create the plan's schema in a database, or bring it to the current revision, then start its
    history (server_history.py) if it keeps none, create its roles and write their grants and row
    policies afresh (idempotent).

    The upgrade is one transaction and the roles another, each whole or not at all; a login that
    could not create the roles is refused before anything changes.
    """
    url = server_url(text)
    engine = create_server_engine(url)
    try:
        with server_errors(url, lambda: _who_on(engine)):
            with engine.connect() as connection:
                before = stored_revision(connection)
                others = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
                missing = server_roles.missing_roles(connection)
                may_create = server_roles.may_create_roles(connection)
                roles = server_roles.role_names(str(url.database))
            if before is not None and before not in REVISIONS:
                raise PlanFileError(
                    _(
                        "The plan on {where} was prepared by a newer version of dxplanner (revision "
                        "{found}); nothing was changed. Update dxplanner to work with it."
                    ).format(where=shown(url), found=before)
                )
            if before is None and others:
                raise PlanFileError(
                    _(
                        "{where} already holds tables of another program ({tables}); nothing was "
                        "changed. Give dxplanner a database of its own."
                    ).format(where=shown(url), tables=", ".join(sorted(others)[:5]))
                )
            if missing and not may_create:
                raise NotPermittedError(
                    _(
                        "Preparing {where} creates the roles {roles}, and {user} may not create roles; "
                        "nothing was changed. Run it as the database's owner with CREATEROLE, or as a "
                        "superuser."
                    ).format(where=shown(url), roles=", ".join(missing), user=url.username or _("this user"))
                )
            if before != HEAD_REVISION:
                upgrade_to_head(engine)
            connecting = engine.connect().execution_options(isolation_level="READ COMMITTED")
            with connecting as connection, connection.begin():
                # Two `server init` at once take turns, as their upgrades do.
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK_KEY})")
                created = server_roles.prepare_roles(connection)
                # After the roles, which refuse first a login that may not prepare the tables.
                history_started = prepare_history(connection, roles.all())
                server_roles.let_reporters_take_back(connection)  # it reads who added what in the history
                # Every committed change announced to the other clients (services.live hears them).
                install_change_notices(connection)
    finally:
        engine.dispose()
    if before is None:
        done = Prepared.CREATED
    elif before == HEAD_REVISION:
        done = Prepared.HISTORY if history_started else Prepared.CURRENT
    else:
        done = Prepared.UPGRADED
    return ServerInit(shown(url), done, before, HEAD_REVISION, roles, created)


def _who_on(engine: sa.Engine) -> server_roles.Who | None:
    """Who is signed in on engine's server, asked afresh to explain a refusal (None if it cannot be)."""
    try:
        with engine.connect() as connection:
            return server_roles.who(connection)
    except exc.SQLAlchemyError:
        return None


@contextmanager
def server_errors(url: sa.URL, who: Callable[[], server_roles.Who | None] | None = None) -> Iterator[None]:
    """Say in the user's words why the server could not be used or refused a change: never a
    driver's traceback. who tells who is signed in, to say what their role may not do."""
    try:
        yield
    except (exc.OperationalError, exc.InterfaceError) as error:
        raise _failure(url, error.orig) from error
    except exc.DBAPIError as error:
        if server_roles.refused_by_role(error.orig):
            raise NotPermittedError(_refused(error, who)) from error
        raise
    except PlanFileError as error:
        # The plan store's own handler (plan_store.user_errors) took the server's error for a file's.
        cause = error.__cause__
        if isinstance(cause, exc.OperationalError | exc.InterfaceError) and not isinstance(
            error, ServerGoneError
        ):
            raise _failure(url, cause.orig) from cause
        if isinstance(cause, exc.DBAPIError) and server_roles.refused_by_role(cause.orig):
            raise NotPermittedError(_refused(cause, who)) from cause
        raise
    except DomainError:
        raise


def _refused(error: exc.DBAPIError, who: Callable[[], server_roles.Who | None] | None) -> str:
    """What the user's role may not do, from the server's refusal and the statement it refused."""
    diagnostics = getattr(error.orig, "diag", None)
    message = getattr(diagnostics, "message_primary", None) or str(error.orig)
    try:
        person = who() if who is not None else None
    except DomainError:
        person = None
    return server_roles.refusal(message, error.statement, person)


def _failure(url: sa.URL, error: Any) -> PlanFileError:
    message = said_about_connection(url, error)
    return ServerGoneError(message) if _gone(error) else PlanFileError(message)


# What libpq and the server say when the server cannot be reached or has gone away.
_GONE_WORDS = (
    "connection refused",
    "could not translate host name",
    "timeout expired",
    "no route to host",
    "network is unreachable",
    "server closed the connection",
    "connection timed out",
    "no such file or directory",
    "terminating connection",
    "the connection is closed",
    "connection is lost",
    "consuming input failed",
    "server conn crashed",
    "the database system is shutting down",
    "the database system is starting up",
)


def _gone(error: Any) -> bool:
    text = " ".join(str(error).split()).lower()
    return any(words in text for words in _GONE_WORDS)


def said_about_connection(url: sa.URL, error: Any) -> str:
    """One message for a connection the server refused, could not be reached, or dropped."""
    reason = " ".join(str(error).split()) or type(error).__name__
    text = reason.lower()
    where = shown(url)
    if "lock timeout" in text:
        return _(
            "The plan on {where} is busy: another change to it is being written. Try again in a moment."
        ).format(where=where)
    if "password authentication failed" in text or "no password supplied" in text:
        return _(
            "The server {where} refused to let {user} in: the user name or password is wrong. "
            "dxplanner signs in the PostgreSQL way: the password in ~/.pgpass or PGPASSWORD."
        ).format(where=where, user=url.username or _("this user"))
    if "does not exist" in text and "database" in text:
        return _("The server {where} has no database {name}.").format(where=where, name=url.database)
    if "role" in text and "does not exist" in text:
        return _("The server {where} knows no user {user}.").format(where=where, user=url.username)
    if _gone(error):
        return _("Cannot reach the PostgreSQL server {where}: {reason}").format(where=where, reason=reason)
    return _("The PostgreSQL server {where} could not be used: {reason}").format(where=where, reason=reason)
