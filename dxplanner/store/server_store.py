"""A plan shared on a PostgreSQL server: opening it as a file opens, and preparing the server for it."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlmodel import Session

from dxplanner.core.errors import DomainError, PlanFileError
from dxplanner.i18n import _
from dxplanner.store.migrate import HEAD_REVISION, REVISIONS, stored_revision, upgrade_to_head
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.sqlite_engine import BEGIN_MODE_OPTION, BUSY_TIMEOUT_SECONDS

# What a user types; SQLAlchemy is told the driver (psycopg 3) itself.
URL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
_DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_SECONDS = 10
# The transaction-level advisory lock every write takes first ("DXPL"): writers take turns, as
# on a plan file, so an operation's checks still hold when its changes are written.
WRITE_LOCK_KEY = 0x4458504C


def is_server_url(text: str | Path) -> bool:
    """Whether a plan's location names a PostgreSQL database rather than a file."""
    return isinstance(text, str) and text.lower().startswith(URL_SCHEMES)


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


class ServerStore(PlanStore):
    """A plan in a PostgreSQL database, used by the services exactly as an open plan file is.

    Its path is only the database's name, shown where a file's name would be: no file has it.
    """

    url: sa.URL

    def __init__(
        self, url: sa.URL, engine: sa.Engine, *, read_only: bool = False, notice: str | None = None
    ) -> None:
        super().__init__(Path(url.database or ""), engine, read_only=read_only, notice=notice)
        self.url = url

    def __post_init__(self) -> None:
        super().__post_init__()
        # Writes read what the writer before committed: each statement sees the newest rows,
        # which a snapshot taken while waiting for the write lock would not.
        self._write_engine = self._write_engine.execution_options(isolation_level="READ COMMITTED")

    @property
    def where(self) -> str:
        """The database's address, as the user may see it."""
        return shown(self.url)

    @property
    def location(self) -> str:
        """The URL that opens this plan again; a password given in it is left to libpq's own sources."""
        return str(self.url.set(drivername="postgresql", password=None).render_as_string())

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading one consistent snapshot."""
        with server_errors(self.url), super().read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction, after the writers before it (see PlanStore.write)."""
        with server_errors(self.url), super().write() as session:
            yield session


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
        with server_errors(url), engine.connect() as connection:
            revision = stored_revision(connection)
    except BaseException:
        engine.dispose()
        raise
    if revision == HEAD_REVISION:
        return ServerStore(url, engine, read_only=read_only)
    if revision is not None and revision not in REVISIONS:
        notice = _(
            "The plan on {where} was prepared by a newer version of dxplanner (revision {found}). "
            "It is open read-only: update dxplanner to change it."
        ).format(where=shown(url), found=revision)
        return ServerStore(url, engine, read_only=True, notice=notice)
    engine.dispose()
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


class Prepared(enum.StrEnum):
    """What `server init` did to a database."""

    CREATED = "created"
    UPGRADED = "upgraded"
    CURRENT = "current"


@dataclass(frozen=True)
class ServerInit:
    """What preparing a server did, and the revisions before and after."""

    where: str
    done: Prepared
    before: str | None
    after: str


def init_server(text: str) -> ServerInit:
    """Create the plan's schema in a database, or bring it to the current revision (idempotent).

    The whole upgrade is one transaction: it happens entirely, or not at all.
    """
    url = server_url(text)
    engine = create_server_engine(url)
    try:
        with server_errors(url):
            with engine.connect() as connection:
                before = stored_revision(connection)
                others = set(sa.inspect(connection).get_table_names()) - {"alembic_version"}
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
            if before != HEAD_REVISION:
                upgrade_to_head(engine)
            # The roles (an administrator, planners, unit reporters) and their row-level security
            # are the next step of the shared store: they are created here, after the schema.
    finally:
        engine.dispose()
    if before is None:
        done = Prepared.CREATED
    elif before == HEAD_REVISION:
        done = Prepared.CURRENT
    else:
        done = Prepared.UPGRADED
    return ServerInit(shown(url), done, before, HEAD_REVISION)


@contextmanager
def server_errors(url: sa.URL) -> Iterator[None]:
    """Say in the user's words why the server could not be used: never a driver's traceback."""
    try:
        yield
    except exc.OperationalError as error:
        raise PlanFileError(_said(url, error.orig)) from error
    except exc.InterfaceError as error:
        raise PlanFileError(_said(url, error.orig)) from error
    except PlanFileError as error:
        cause = error.__cause__
        if isinstance(cause, exc.OperationalError | exc.InterfaceError):
            raise PlanFileError(_said(url, cause.orig)) from cause
        raise
    except DomainError:
        raise


def _said(url: sa.URL, error: Any) -> str:
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
    if any(
        words in text
        for words in (
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
        )
    ):
        return _("Cannot reach the PostgreSQL server {where}: {reason}").format(where=where, reason=reason)
    return _("The PostgreSQL server {where} could not be used: {reason}").format(where=where, reason=reason)
