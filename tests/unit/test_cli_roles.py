"""`dxplanner server grant|revoke|members`: who may do what on a shared plan, given on the command line."""

from __future__ import annotations

import json

from dxplanner.cli import EXIT_OK, EXIT_USER_ERROR
from dxplanner.i18n import set_language
from tests.conftest import run_cli as _run
from tests.role_fixtures import ADMIN, NOBODY, PLANNER, REPORTER, RolesPlan


def _members(url: str) -> list[dict[str, object]]:
    status, out, err = _run("server", "members", url, "--json")
    assert (status, err) == (EXIT_OK, "")
    listed: list[dict[str, object]] = json.loads(out)
    return listed


def test_grant_members_and_revoke_as_the_database_administrator(roles_plan: RolesPlan) -> None:
    url = roles_plan.url()
    where = url
    unit_name = roles_plan.scalar("SELECT name FROM unit WHERE id = :id", id=roles_plan.unit_id)
    assert _members(url) == [
        {"login": ADMIN, "role": "admin", "unit": None, "unit_name": None},
        {"login": PLANNER, "role": "planner", "unit": None, "unit_name": None},
        {"login": REPORTER, "role": "reporter", "unit": roles_plan.unit_code, "unit_name": unit_name},
    ]
    assert _run("server", "grant", url, NOBODY, "--role", "reporter", "--unit", roles_plan.unit_code) == (
        EXIT_OK,
        f"{NOBODY} is now unit reporter of the plan on {where}, reporting for {unit_name} "
        f"({roles_plan.unit_code}).\n",
        "",
    )
    # A new role takes the place of the one the login had, and a planner reports for no unit.
    assert _run("server", "grant", url, NOBODY, "--role", "planner") == (
        EXIT_OK,
        f"{NOBODY} is now planner of the plan on {where}.\n",
        "",
    )
    assert {"login": NOBODY, "role": "planner", "unit": None, "unit_name": None} in _members(url)
    assert roles_plan.scalar("SELECT count(*) FROM login_unit WHERE login = :login", login=NOBODY) == 0
    status, out, _err = _run("server", "members", url)
    assert status == EXIT_OK
    lines = out.splitlines()
    assert lines[0].split() == [ADMIN, "administrator"]
    assert lines[-1].startswith(REPORTER) and lines[-1].endswith(f"{roles_plan.unit_code} ({unit_name})")

    assert _run("server", "revoke", url, NOBODY) == (
        EXIT_OK,
        f"{NOBODY} has no role on the plan on {where} any more (it was planner); the login itself stays.\n",
        "",
    )
    assert NOBODY not in {member["login"] for member in _members(url)}
    assert roles_plan.psql(NOBODY, "SELECT count(*) FROM task").returncode != 0


def test_an_administrator_login_gives_and_takes_roles_and_a_planner_cannot(roles_plan: RolesPlan) -> None:
    as_admin, as_planner = roles_plan.url(ADMIN), roles_plan.url(PLANNER)
    status, out, err = _run(
        "server", "grant", as_admin, NOBODY, "--role", "reporter", "--unit", roles_plan.unit_code
    )
    assert (status, err) == (EXIT_OK, ""), err
    assert _run("server", "grant", as_admin, NOBODY, "--role", "admin")[0] == EXIT_OK
    assert _run("server", "revoke", as_admin, NOBODY)[0] == EXIT_OK

    status, out, err = _run("server", "grant", as_planner, NOBODY, "--role", "planner")
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err == (
        f"dxplanner: Only an administrator of this plan, or the database's administrator, may give and "
        f"take roles; {PLANNER} is neither. Nothing was changed.\n"
    )
    assert NOBODY not in {member["login"] for member in _members(roles_plan.url())}


def test_bad_grants_are_one_clear_message_and_change_nothing(roles_plan: RolesPlan) -> None:
    url = roles_plan.url()
    before = _members(url)
    for argv, message in (
        (
            ("nobody_here", "--role", "planner"),
            "The server knows no login nobody_here. The database's administrator creates it first",
        ),
        ((NOBODY, "--role", "reporter"), "A unit reporter reports for one unit: name it with --unit CODE."),
        ((NOBODY, "--role", "reporter", "--unit", "KHONG-CO"), "No unit of this plan has the code KHONG-CO."),
        (
            (NOBODY, "--role", "planner", "--unit", roles_plan.unit_code),
            "leave out --unit for the role planner",
        ),
        (("postgres", "--role", "planner"), "postgres is a superuser"),
        ((f"{roles_plan.database}_admin", "--role", "planner"), "is a group role, not a login"),
    ):
        status, out, err = _run("server", "grant", url, *argv)
        assert (status, out) == (EXIT_USER_ERROR, ""), argv
        assert err.startswith("dxplanner: ") and message in err and err.count("\n") == 1, err
    status, out, err = _run("server", "revoke", url, NOBODY)
    assert (status, out, err) == (
        EXIT_USER_ERROR,
        "",
        f"dxplanner: {NOBODY} has no role on this plan. Nothing was changed.\n",
    )
    assert _members(url) == before
    status, _out, err = _run("server", "members", "plan.dxplan")
    assert status == EXIT_USER_ERROR and "roles belong to a plan on a server" in err


def test_the_role_commands_speak_vietnamese(roles_plan: RolesPlan) -> None:
    set_language("vi")
    status, out, _err = _run("server", "grant", roles_plan.url(), NOBODY, "--role", "planner")
    assert status == EXIT_OK
    assert out.startswith(f"{NOBODY} nay là người lập kế hoạch của kế hoạch trên ")
    status, _out, err = _run("server", "grant", roles_plan.url(), NOBODY, "--role", "reporter")
    assert status == EXIT_USER_ERROR and "Người báo cáo của đơn vị báo cáo cho một đơn vị" in err


def test_server_init_by_an_administrator_who_does_not_own_the_tables_is_refused(
    roles_plan: RolesPlan,
) -> None:
    policies = "SELECT count(*) FROM pg_policies"
    before = roles_plan.scalar(policies)
    status, out, err = _run("server", "init", roles_plan.url(ADMIN))
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err == (
        f"dxplanner: Only the owner of the plan's tables, or a superuser, may prepare them; {ADMIN} is "
        "neither. Nothing was changed.\n"
    )
    assert roles_plan.scalar(policies) == before
    assert _members(roles_plan.url())[0] == {"login": ADMIN, "role": "admin", "unit": None, "unit_name": None}
