"""Fixtures of the shared plan's roles: logins with passwords, a demo plan with their roles, psql as each."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from dxplanner.core.enums import PlanRole
from dxplanner.store import server_roles
from dxplanner.store.server_store import create_server_engine, init_server
from dxplanner.store.server_store import server_url as server_url_of
from tests.postgres_cluster import ScratchCluster

PASSWORD = "mat-khau-thu"
# One login of each role, and one with none; the names are the cluster's, shared by every database.
ADMIN, PLANNER, REPORTER, NOBODY = "dx_test_admin", "dx_test_planner", "dx_test_reporter", "dx_test_nobody"
ROLES = {ADMIN: PlanRole.ADMIN, PLANNER: PlanRole.PLANNER, REPORTER: PlanRole.REPORTER}


@dataclass(frozen=True)
class RolesPlan:
    """A demo plan on the server with a login of each role, and tasks seen from the reporter's unit."""

    cluster: ScratchCluster
    database: str
    unit_id: int  # the reporter's unit
    unit_code: str
    led: int  # a task the reporter's unit leads
    cooperated: int  # a task it cooperates on and does not lead
    other: int  # a task it neither leads nor cooperates on

    def url(self, login: str = "postgres") -> str:
        """The URL a login opens the plan with (its password in it)."""
        credentials = "postgres" if login == "postgres" else f"{login}:{PASSWORD}"
        return f"postgresql://{credentials}@127.0.0.1:{self.cluster.port}/{self.database}"

    def scalar(self, sql: str, **values: object) -> object:
        """One value read as the superuser, past every policy."""
        engine = create_server_engine(server_url_of(self.url()))
        try:
            with engine.connect() as connection:
                return connection.execute(sa.text(sql), values).scalar()
        finally:
            engine.dispose()

    def psql(self, login: str, sql: str) -> subprocess.CompletedProcess[str]:
        """Run sql with psql as a login, signing in with its password as a user would."""
        return psql(self.cluster, self.database, login, sql)


def psql(cluster: ScratchCluster, database: str, login: str, sql: str) -> subprocess.CompletedProcess[str]:
    """psql -c sql as login (stopping at the first error), with the password in PGPASSWORD."""
    program = cluster.bin_dir / "psql"
    command = [str(program) if program.exists() else shutil.which("psql") or "psql"]
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    environment |= {"PGPASSWORD": PASSWORD, "PGCONNECT_TIMEOUT": "10"}
    return subprocess.run(
        [
            *command,
            "-X",  # no ~/.psqlrc
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            str(cluster.port),
            "-U",
            login,
            "-d",
            database,
            "-c",
            sql,
        ],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
        cwd=Path.home() if Path.home().exists() else None,
        timeout=60,
    )


@pytest.fixture(scope="session")
def role_logins(postgres_cluster: ScratchCluster) -> tuple[str, ...]:
    """The logins of the role tests, created once with a password as a DBA creates them."""
    for login in (ADMIN, PLANNER, REPORTER, NOBODY):
        postgres_cluster.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'")
    return ADMIN, PLANNER, REPORTER, NOBODY


def _prepare(cluster: ScratchCluster, database: str) -> RolesPlan:
    """Roles on the database (server init), each login its role, the reporter a unit with tasks to show."""
    url = cluster.url(database)
    init_server(url)
    engine = create_server_engine(server_url_of(url))
    try:
        with engine.connect() as connection, connection.begin():
            # The unit that leads the most tasks and cooperates on at least one it does not lead.
            unit_id, unit_code = connection.execute(
                sa.text(
                    "SELECT u.id, u.code FROM unit u JOIN task t ON t.lead_unit_id = u.id "
                    "WHERE EXISTS (SELECT 1 FROM task_unit tu JOIN task c ON c.id = tu.task_id "
                    "WHERE tu.unit_id = u.id AND c.lead_unit_id <> u.id) "
                    "GROUP BY u.id, u.code ORDER BY count(*) DESC, u.id LIMIT 1"
                )
            ).one()
            ids = {
                name: connection.execute(sa.text(sql), {"unit": unit_id}).scalar_one()
                for name, sql in (
                    ("led", "SELECT min(id) FROM task WHERE lead_unit_id = :unit"),
                    (
                        "cooperated",
                        "SELECT min(t.id) FROM task t JOIN task_unit tu ON tu.task_id = t.id "
                        "WHERE tu.unit_id = :unit AND t.lead_unit_id <> :unit",
                    ),
                    (
                        "other",
                        "SELECT min(t.id) FROM task t WHERE t.lead_unit_id <> :unit AND NOT EXISTS "
                        "(SELECT 1 FROM task_unit tu WHERE tu.task_id = t.id AND tu.unit_id = :unit)",
                    ),
                )
            }
            for login, role in ROLES.items():
                code = unit_code if role is PlanRole.REPORTER else None
                server_roles.grant_role(connection, login, role, code)
    finally:
        engine.dispose()
    return RolesPlan(cluster, database, int(unit_id), str(unit_code), **ids)


@pytest.fixture(scope="module")
def shared_roles_plan(
    postgres_cluster: ScratchCluster, demo_template_database: str, role_logins: tuple[str, ...]
) -> Iterator[RolesPlan]:
    """One prepared plan for a module's tests that only read, or write inside a transaction rolled back."""
    name = postgres_cluster.new_database(template=demo_template_database)
    yield _prepare(postgres_cluster, name)
    postgres_cluster.drop_database(name)


@pytest.fixture
def roles_plan(
    postgres_cluster: ScratchCluster, demo_template_database: str, role_logins: tuple[str, ...]
) -> Iterator[RolesPlan]:
    """A prepared plan of the test's own, for tests that change it."""
    name = postgres_cluster.new_database(template=demo_template_database)
    yield _prepare(postgres_cluster, name)
    postgres_cluster.drop_database(name)
