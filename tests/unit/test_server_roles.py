"""The roles of a shared plan hold on the server itself: tried through psql as each role, as anyone could."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

import dxplanner.core.models  # noqa: F401  (registers the tables)
from dxplanner.store import server_roles
from dxplanner.store.server_store import create_server_engine, server_url
from tests.postgres_cluster import ScratchCluster
from tests.role_fixtures import ADMIN, NOBODY, PLANNER, REPORTER, RolesPlan, psql

# Changes that would be kept are made inside a transaction rolled back: the plan stays shared.
_REPORT = (
    "INSERT INTO progress_report (task_id, as_of, progress, status) "
    "VALUES ({task}, '2026-06-30', 40, 'in_progress')"
)


def _rolled_back(*statements: str) -> str:
    return "BEGIN; " + "; ".join(statements) + "; ROLLBACK;"


def _refused(done: object, words: str) -> None:
    assert getattr(done, "returncode", 0) != 0, done
    assert words in getattr(done, "stderr", ""), done


def test_a_reporter_cannot_rename_a_task_even_one_of_their_unit(shared_roles_plan: RolesPlan) -> None:
    plan = shared_roles_plan
    name = plan.scalar("SELECT name FROM task WHERE id = :id", id=plan.led)
    done = plan.psql(REPORTER, f"UPDATE task SET name = 'Đổi tên' WHERE id = {plan.led}")
    _refused(done, "permission denied for table task")
    assert plan.scalar("SELECT name FROM task WHERE id = :id", id=plan.led) == name


def test_a_reporter_reports_on_the_tasks_their_unit_leads_or_cooperates_on(
    shared_roles_plan: RolesPlan,
) -> None:
    plan = shared_roles_plan
    for task in (plan.led, plan.cooperated):
        done = plan.psql(
            REPORTER,
            _rolled_back(
                _REPORT.format(task=task),
                f"UPDATE task SET progress = 40, status = 'in_progress', version = version + 1 "
                f"WHERE id = {task}",
                f"SELECT progress FROM task WHERE id = {task}",
            ),
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["40"]


def test_a_reporter_cannot_report_on_another_units_task(shared_roles_plan: RolesPlan) -> None:
    plan = shared_roles_plan
    reports = plan.scalar("SELECT count(*) FROM progress_report")
    _refused(
        plan.psql(REPORTER, _REPORT.format(task=plan.other)),
        'new row violates row-level security policy for table "progress_report"',
    )
    _refused(
        plan.psql(REPORTER, f"UPDATE task SET progress = 40 WHERE id = {plan.other}"),
        'new row violates row-level security policy for table "task"',
    )
    _refused(
        plan.psql(
            REPORTER,
            f"INSERT INTO risk (task_id, text, category, likelihood, impact, status) "
            f"VALUES ({plan.other}, 'r', 'other', 3, 3, 'open')",
        ),
        'new row violates row-level security policy for table "risk"',
    )
    assert plan.scalar("SELECT count(*) FROM progress_report") == reports


def test_a_reporter_adds_a_risk_to_their_units_task_and_nothing_else(shared_roles_plan: RolesPlan) -> None:
    plan = shared_roles_plan
    risk = (
        "INSERT INTO risk ({owner}, text, category, likelihood, impact, status) "
        "VALUES ({id}, 'r', 'other', 3, 3, 'open')"
    )
    done = plan.psql(REPORTER, _rolled_back(risk.format(owner="task_id", id=plan.led)))
    assert done.returncode == 0, done.stderr
    strategy = plan.scalar("SELECT min(id) FROM strategy")
    _refused(plan.psql(REPORTER, risk.format(owner="strategy_id", id=strategy)), "row-level security")
    for statement, table in (
        (f"UPDATE progress_report SET remark = 'x' WHERE task_id = {plan.led}", "progress_report"),
        ("UPDATE unit SET name = 'x'", "unit"),
        (f"DELETE FROM task_unit WHERE task_id = {plan.cooperated}", "task_unit"),
        (f"UPDATE task SET lead_unit_id = {plan.unit_id} WHERE id = {plan.other}", "task"),
        ("UPDATE login_unit SET unit_id = unit_id", "login_unit"),
    ):
        _refused(plan.psql(REPORTER, statement), f"permission denied for table {table}")


@pytest.mark.parametrize(
    "added",
    [
        _REPORT,
        "INSERT INTO risk (task_id, text, category, likelihood, impact, status) "
        "VALUES ({task}, 'r', 'other', 3, 3, 'open')",
    ],
    ids=["progress_report", "risk"],
)
def test_a_reporter_takes_back_only_what_they_added_themselves(roles_plan: RolesPlan, added: str) -> None:
    # Undo of their own report deletes the row they added; anyone else's stays, their unit's too.
    plan = roles_plan
    table = added.split()[2]
    engine = create_server_engine(server_url(plan.url()))
    try:
        with engine.begin() as connection:  # as whoever prepared the plan
            ids = [
                connection.execute(sa.text(f"{added.format(task=task)} RETURNING id")).scalar_one()
                for task in (plan.led, plan.cooperated)
            ]
    finally:
        engine.dispose()
    planners = plan.psql(PLANNER, f"{added.format(task=plan.led)} RETURNING id")
    assert planners.returncode == 0, planners.stderr
    ids.append(int(planners.stdout.split()[0]))
    rows = f"SELECT count(*) FROM {table}"
    before = plan.scalar(rows)
    assert isinstance(before, int)

    done = plan.psql(REPORTER, f"DELETE FROM {table} WHERE id IN ({', '.join(map(str, ids))}) RETURNING id")
    assert (done.returncode, done.stdout.split()) == (0, []), done.stderr
    done = plan.psql(REPORTER, f"DELETE FROM {table} RETURNING id")
    assert (done.returncode, done.stdout.split()) == (0, []), done.stderr
    assert plan.scalar(rows) == before

    done = plan.psql(REPORTER, f"{added.format(task=plan.led)} RETURNING id")
    assert done.returncode == 0, done.stderr
    (own,) = done.stdout.split()
    assert plan.scalar(rows) == before + 1
    done = plan.psql(REPORTER, f"DELETE FROM {table} RETURNING id")
    assert (done.returncode, done.stdout.split()) == (0, [own]), done.stderr
    assert plan.scalar(rows) == before


def test_a_reporter_cannot_take_back_a_report_whose_id_they_once_used_themselves(
    roles_plan: RolesPlan,
) -> None:
    # Their insert's line stays in the history: an id added and taken back ahead of the sequence
    # must not let them delete the report someone else is given that id later.
    plan = roles_plan
    top = plan.scalar("SELECT coalesce(max(id), 0) FROM progress_report")
    assert isinstance(top, int)
    claimed = top + 1  # the id the sequence gives next
    done = plan.psql(
        REPORTER,
        "INSERT INTO progress_report (id, task_id, as_of, progress, status) "
        f"VALUES ({claimed}, {plan.led}, '2026-06-30', 40, 'in_progress'); "
        f"DELETE FROM progress_report WHERE id = {claimed} RETURNING id",
    )
    assert (done.returncode, done.stdout.split()) == (0, [str(claimed)]), done.stderr
    done = plan.psql(
        PLANNER,
        "INSERT INTO progress_report (task_id, as_of, progress, status) "
        f"VALUES ({plan.led}, '2026-07-30', 70, 'in_progress') RETURNING id",
    )
    assert (done.returncode, done.stdout.split()) == (0, [str(claimed)]), done.stderr
    done = plan.psql(REPORTER, f"DELETE FROM progress_report WHERE id = {claimed} RETURNING id")
    assert (done.returncode, done.stdout.split()) == (0, []), done.stderr
    assert plan.scalar("SELECT count(*) FROM progress_report WHERE id = :id", id=claimed) == 1


def test_a_planner_edits_plans_but_not_units_or_strategies(shared_roles_plan: RolesPlan) -> None:
    plan = shared_roles_plan
    done = plan.psql(
        PLANNER,
        _rolled_back(
            f"UPDATE task SET name = 'Tên mới' WHERE id = {plan.other}",
            _REPORT.format(task=plan.other),
            f"DELETE FROM task_unit WHERE task_id = {plan.cooperated}",
            "UPDATE action_plan SET name = name || ' (sửa)'",
            "SELECT count(*) FROM task WHERE name = 'Tên mới'",
        ),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1"]
    for statement, table in (
        ("UPDATE unit SET name = 'Đơn vị khác' WHERE id = 1", "unit"),
        ("INSERT INTO unit (code, name, kind) VALUES ('MOI', 'Mới', 'other')", "unit"),
        ("UPDATE strategy SET name = 'x'", "strategy"),
        ("DELETE FROM goal", "goal"),
        ("UPDATE indicator_target SET value = 1", "indicator_target"),
        ("DELETE FROM login_unit", "login_unit"),
    ):
        _refused(plan.psql(PLANNER, statement), f"permission denied for table {table}")


def test_an_administrator_changes_units_and_tasks(shared_roles_plan: RolesPlan) -> None:
    plan = shared_roles_plan
    done = plan.psql(
        ADMIN,
        _rolled_back(
            "UPDATE unit SET name = name || ' (sửa)'",
            "INSERT INTO unit (code, name, kind) VALUES ('MOI', 'Mới', 'other')",
            f"UPDATE task SET name = 'Tên mới' WHERE id = {plan.other}",
            f"INSERT INTO login_unit (login, unit_id) VALUES ('someone', {plan.unit_id})",
            "SELECT count(*) FROM unit WHERE code = 'MOI'",
        ),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1"]


def test_a_login_without_a_role_reads_nothing(shared_roles_plan: RolesPlan) -> None:
    _refused(shared_roles_plan.psql(NOBODY, "SELECT count(*) FROM task"), "permission denied for table task")


def test_every_table_is_given_to_the_roles_on_purpose() -> None:
    # A table added later must be placed: with the administrator's structure, or among the plans.
    tables = set(SQLModel.metadata.tables)
    assert tables == server_roles.STRUCTURE_TABLES | server_roles.PLAN_TABLES
    assert not server_roles.STRUCTURE_TABLES & server_roles.PLAN_TABLES
    assert set(server_roles.ROW_SECURED) <= server_roles.PLAN_TABLES


def test_server_init_keeps_the_roles_and_members_and_writes_the_rules_again(roles_plan: RolesPlan) -> None:
    from dxplanner.store.server_store import Prepared, init_server

    names = server_roles.role_names(roles_plan.database)
    policies = "SELECT count(*) FROM pg_policies WHERE starts_with(policyname, 'dx_')"
    before = roles_plan.scalar(policies)
    again = init_server(roles_plan.url())
    assert (again.done, again.roles_created, again.roles) == (Prepared.CURRENT, (), names)
    assert roles_plan.scalar(policies) == before == 11
    # Who has which role, and a reporter's unit, are the server's: preparing again keeps them.
    done = roles_plan.psql(REPORTER, _rolled_back(_REPORT.format(task=roles_plan.led)))
    assert done.returncode == 0, done.stderr
    _refused(roles_plan.psql(REPORTER, _REPORT.format(task=roles_plan.other)), "row-level security")


def test_the_roles_of_a_long_database_name_stay_within_postgresqls_names() -> None:
    names = server_roles.role_names("k" * 63)
    assert all(len(name.encode()) <= 63 for name in names.all())
    assert len(set(names.all())) == 3 and names.reporter.endswith("_reporter")
    assert server_roles.role_names("kehoach") == server_roles.RoleNames(
        "kehoach_admin", "kehoach_planner", "kehoach_reporter"
    )


def test_a_login_without_createrole_is_refused_before_anything_changes(
    postgres_cluster: ScratchCluster, empty_server_url: str, role_logins: tuple[str, ...]
) -> None:
    from dxplanner.core.errors import NotPermittedError
    from dxplanner.store.server_store import init_server

    database = empty_server_url.rsplit("/", 1)[1]
    postgres_cluster.execute(f"GRANT CREATE ON DATABASE {database} TO {PLANNER}")
    postgres_cluster.execute(f"GRANT CREATE ON SCHEMA public TO {PLANNER}", database=database)
    url = empty_server_url.replace("postgres@", f"{PLANNER}:mat-khau-thu@")
    with pytest.raises(NotPermittedError, match="may not create roles; nothing was changed"):
        init_server(url)
    engine = sa.create_engine(empty_server_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            assert sa.inspect(connection).get_table_names() == []
    finally:
        engine.dispose()
    assert psql(postgres_cluster, database, PLANNER, "SELECT 1").returncode == 0


def test_a_database_owner_who_is_no_superuser_prepares_it_and_stays_an_administrator(
    postgres_cluster: ScratchCluster, demo_path: object, role_logins: tuple[str, ...]
) -> None:
    from dxplanner.core.enums import PlanRole
    from dxplanner.services.shared import copy_plan, grant_role, members
    from tests.role_fixtures import PASSWORD

    owner = "dx_test_owner"
    postgres_cluster.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{PASSWORD}'")
    database = postgres_cluster.new_database()
    try:
        postgres_cluster.execute(f"ALTER DATABASE {database} OWNER TO {owner}")
        url = f"postgresql://{owner}:{PASSWORD}@127.0.0.1:{postgres_cluster.port}/{database}"
        # copy prepares the database (schema, roles, policies) and writes the plan as its owner.
        copied = copy_plan(demo_path, url)  # type: ignore[arg-type]
        # Row security is forced on the owner too: it sees and writes every task as an administrator.
        count = psql(postgres_cluster, database, owner, "SELECT count(*) FROM task")
        assert count.returncode == 0, count.stderr
        assert int(count.stdout) == copied.counts["task"] > 0
        grant_role(url, REPORTER, PlanRole.REPORTER, "BTTTT")
        listed = {(member.login, member.role) for member in members(url)}
        assert listed == {(owner, PlanRole.ADMIN), (REPORTER, PlanRole.REPORTER)}
        refused = psql(postgres_cluster, database, REPORTER, "UPDATE task SET name = 'x'")
        assert "permission denied for table task" in refused.stderr
    finally:
        postgres_cluster.drop_database(database)


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        (
            "UPDATE task SET name=%(name)s, version=%(version)s WHERE task.id = %(task_id)s",
            "may not change a task's name;",
        ),
        (
            "UPDATE task SET version=(task.version + %(version_1)s), planned_end=%(planned_end)s "
            "WHERE task.id = %(id_1)s AND task.version = %(version_2)s",
            "may not change a task's dates;",
        ),
        ("UPDATE task SET position=(task.position + %(position_1)s) WHERE", "may not change a task's place"),
        ("INSERT INTO unit (code, name, kind) VALUES (%(code)s, %(name)s, %(kind)s)", "may not add units;"),
        ("DELETE FROM progress_report WHERE progress_report.id = %(id)s", "may not delete progress reports;"),
    ],
)
def test_a_refused_statement_is_said_as_what_the_role_may_not_do(statement: str, said: str) -> None:
    from dxplanner.core.enums import PlanRole

    person = server_roles.Who("nguyenvana", PlanRole.REPORTER, 2)
    message = server_roles.refusal("permission denied for table task", statement, person)
    assert message.startswith("Your role on this plan (unit reporter) ") and said in message
