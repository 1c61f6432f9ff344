"""The shared store: preparing a PostgreSQL server, and copying a whole plan between a file and a server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.enums import PlanRole
from dxplanner.core.errors import InvalidInputError
from dxplanner.i18n import _
from dxplanner.services.files import PlanLocation, create_plan, is_server_url, open_plan
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.server_roles import Member
from dxplanner.store.server_store import Prepared, ServerInit, shown

__all__ = [
    "Copied",
    "Member",
    "PlanRole",
    "Prepared",
    "ServerInit",
    "copy_plan",
    "grant_role",
    "init_server",
    "members",
    "revoke_roles",
    "where",
]


def init_server(url: str) -> ServerInit:
    """Create the plan's schema in the database at url, or upgrade it; nothing when it is current."""
    from dxplanner.store import server_store

    return server_store.init_server(url)


def grant_role(url: str, login: str, role: PlanRole, unit_code: str | None = None) -> Member:
    """Give an existing login one role on the plan at url (in place of another), a reporter its unit."""
    from dxplanner.store import server_roles

    plan = _server_plan(url)
    try:
        with plan.write() as session:
            return server_roles.grant_role(session.connection(), login, role, unit_code)
    finally:
        plan.close()


def revoke_roles(url: str, login: str) -> tuple[PlanRole, ...]:
    """Take every role on the plan at url from a login (the login itself stays); returns the roles taken."""
    from dxplanner.store import server_roles

    plan = _server_plan(url)
    try:
        with plan.write() as session:
            return server_roles.revoke_roles(session.connection(), login)
    finally:
        plan.close()


def members(url: str) -> list[Member]:
    """The logins with a role on the plan at url, administrators first, and reporters' units."""
    from dxplanner.store import server_roles

    plan = _server_plan(url)
    try:
        with plan.read() as session:
            return server_roles.members(session.connection())
    finally:
        plan.close()


def _server_plan(url: str) -> OpenPlan:
    """The plan at url, which must be a server's: roles are the server's, a file has none."""
    if not is_server_url(url):
        raise InvalidInputError(
            _("{url} is not a postgresql:// address: roles belong to a plan on a server.").format(url=url)
        )
    return open_plan(url)


def where(location: PlanLocation) -> str:
    """A plan's location as the user may see it (a server's password never shown)."""
    if is_server_url(location):
        from dxplanner.store.server_store import server_url

        return shown(server_url(str(location)))
    return str(location)


@dataclass(frozen=True)
class Copied:
    """What a copy wrote: how many records, by table."""

    source: str
    target: str
    counts: dict[str, int]

    @property
    def records(self) -> int:
        """How many records in all."""
        return sum(self.counts.values())


def copy_plan(source: PlanLocation, target: PlanLocation) -> Copied:
    """Copy every record of a plan, with its ids, from a file or server to a new file or an empty server.

    A file target must not exist yet: it appears only whole. A server target is prepared first
    (as `server init` does) and must hold no plan. The copy is one transaction: all or nothing.
    """
    from dxplanner.store.operations.whole_file import all_records

    if where(source) == where(target):
        raise InvalidInputError(_("A plan cannot be copied onto itself."))
    plan = open_plan(source, read_only=True)
    try:
        records, _revision = all_records(plan)
    finally:
        plan.close()

    def fill(into: OpenPlan) -> None:
        from dxplanner.store.operations.whole_file import holds_records, restore_records

        if holds_records(into):
            raise InvalidInputError(
                _("{target} already holds a plan; copy into an empty database or a new file.").format(
                    target=where(target)
                )
            )
        restore_records(into, records)

    if is_server_url(target):
        init_server(str(target))
        into = open_plan(target)
        try:
            fill(into)
        finally:
            into.close()
    else:
        create_plan(Path(target), fill=fill)
    counts = {name: len(rows) for name, (_columns, rows) in records.items()}
    return Copied(where(source), where(target), counts)
