"""The shared store's commands: `dxplanner server init|grant|revoke|members URL` and `dxplanner copy`."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from dxplanner.core.enums import PlanRole
from dxplanner.i18n import N_, _
from dxplanner.labels import label
from dxplanner.locations import location

if TYPE_CHECKING:
    from dxplanner.services.shared import Member

# Each command loads the shared store (SQLAlchemy, psycopg) when it runs: `--help` loads none of it.

EXIT_OK = 0
_URL_HELP = N_("postgresql://user@host:port/database")


def add_shared_commands(commands: Any) -> None:
    """Add `server` (init, grant, revoke, members) and `copy` to the parser's commands."""
    server = commands.add_parser("server", help=_("prepare a PostgreSQL database for a shared plan"))
    actions = server.add_subparsers(dest="server_command", required=True, metavar="ACTION")
    init = actions.add_parser(
        "init",
        help=_("create the plan's schema and roles in the database, or upgrade them (safe to run again)"),
    )
    init.add_argument("url", metavar="URL", help=_(_URL_HELP))
    init.set_defaults(handler=_server_init)

    grant = actions.add_parser(
        "grant", help=_("give a PostgreSQL login a role on the plan (in place of the one it had)")
    )
    grant.add_argument("url", metavar="URL", help=_(_URL_HELP))
    grant.add_argument("login", metavar="LOGIN", help=_("a login the database's administrator created"))
    grant.add_argument(
        "--role",
        required=True,
        choices=[role.value for role in PlanRole],
        help=_("admin: everything; planner: the action plans; reporter: progress on one unit's tasks"),
    )
    grant.add_argument("--unit", metavar="CODE", help=_("the code of the unit a reporter reports for"))
    grant.set_defaults(handler=_server_grant)

    revoke = actions.add_parser("revoke", help=_("take a login's role on the plan away (the login stays)"))
    revoke.add_argument("url", metavar="URL", help=_(_URL_HELP))
    revoke.add_argument("login", metavar="LOGIN")
    revoke.set_defaults(handler=_server_revoke)

    listed = actions.add_parser("members", help=_("list the logins with a role on the plan"))
    listed.add_argument("url", metavar="URL", help=_(_URL_HELP))
    listed.add_argument(
        "--json", action="store_true", help=_("print a JSON list whose keys do not depend on the language")
    )
    listed.set_defaults(handler=_server_members)

    copy = commands.add_parser(
        "copy", help=_("copy a whole plan between a plan file and a PostgreSQL database, either way")
    )
    copy.add_argument("source", type=location, metavar="SOURCE", help=_("a plan file or a postgresql:// URL"))
    copy.add_argument(
        "target",
        type=location,
        metavar="TARGET",
        help=_("a new plan file, or the postgresql:// URL of an empty database"),
    )
    copy.set_defaults(handler=_copy)


def _server_init(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from dxplanner.services.shared import Prepared, init_server

    done = init_server(arguments.url)
    said = {
        Prepared.CREATED: _("Created the plan's schema (revision {after}) on {where}."),
        Prepared.UPGRADED: _("Upgraded the plan's schema on {where} from revision {before} to {after}."),
        Prepared.HISTORY: _(
            "The plan's schema on {where} is current (revision {after}); it keeps the history of "
            "every change from now on."
        ),
        Prepared.CURRENT: _(
            "The plan's schema on {where} is already current (revision {after}); nothing was changed."
        ),
    }[done.done]
    out.write(said.format(where=done.where, before=done.before, after=done.after) + "\n")
    if done.roles_created:
        out.write(
            _(
                "Created the roles {roles}; give them to logins with “dxplanner server grant URL LOGIN "
                "--role admin|planner|reporter”."
            ).format(roles=", ".join(done.roles_created))
            + "\n"
        )
    return EXIT_OK


def _server_grant(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from dxplanner.services.shared import grant_role, where

    member = grant_role(arguments.url, arguments.login, PlanRole(arguments.role), arguments.unit)
    role = label(member.role)
    if member.unit_code is None:
        said = _("{login} is now {role} of the plan on {where}.")
    else:
        said = _("{login} is now {role} of the plan on {where}, reporting for {unit} ({code}).")
    out.write(
        said.format(
            login=member.login,
            role=role,
            where=where(arguments.url),
            unit=member.unit_name,
            code=member.unit_code,
        )
        + "\n"
    )
    return EXIT_OK


def _server_revoke(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from dxplanner.services.shared import revoke_roles, where

    taken = revoke_roles(arguments.url, arguments.login)
    out.write(
        _(
            "{login} has no role on the plan on {where} any more (it was {roles}); the login itself stays."
        ).format(
            login=arguments.login, where=where(arguments.url), roles=", ".join(label(role) for role in taken)
        )
        + "\n"
    )
    return EXIT_OK


def _server_members(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from dxplanner.services.shared import members, where

    found = members(arguments.url)
    if arguments.json:
        out.write(json.dumps([_member_json(member) for member in found], ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    if not found:
        out.write(
            _(
                "No login has a role on the plan on {where} yet: give one with “dxplanner server grant”."
            ).format(where=where(arguments.url))
            + "\n"
        )
        return EXIT_OK
    rows = [
        (
            member.login,
            label(member.role),
            f"{member.unit_code} ({member.unit_name})" if member.unit_code else "",
        )
        for member in found
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    for login, role, unit in rows:
        out.write(f"{login.ljust(widths[0])}  {role.ljust(widths[1])}  {unit}".rstrip() + "\n")
    return EXIT_OK


def _member_json(member: Member) -> dict[str, str | None]:
    return {
        "login": member.login,
        "role": member.role.value,
        "unit": member.unit_code,
        "unit_name": member.unit_name,
    }


def _copy(arguments: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from dxplanner.services.shared import copy_plan

    copied = copy_plan(arguments.source, arguments.target)
    out.write(
        _("Copied {count} records from {source} to {target}.").format(
            count=copied.records, source=copied.source, target=copied.target
        )
        + "\n"
    )
    return EXIT_OK
