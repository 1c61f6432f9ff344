"""Fixtures of the shared store: one scratch PostgreSQL per test run, a fresh database per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dxplanner.store.demo import load_demo
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.server_store import init_server, open_server
from tests.postgres_cluster import ScratchCluster, ServerProgramsMissingError

# The two back ends a test marked to run on both is run on.
BACK_ENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[ScratchCluster]:
    """A PostgreSQL server of the test run's own, started the first time a test needs it."""
    try:
        cluster = ScratchCluster.start()
    except ServerProgramsMissingError as missing:
        # Not a skip: CI must run these tests, so a machine without the server fails loudly.
        pytest.fail(str(missing), pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def schema_template(postgres_cluster: ScratchCluster) -> str:
    """A database holding the schema at head and nothing else, to copy for each test."""
    name = postgres_cluster.new_database()
    init_server(postgres_cluster.url(name))
    return name


@pytest.fixture(scope="session")
def demo_template_database(postgres_cluster: ScratchCluster, schema_template: str) -> str:
    """A database holding the demo plan, built once per run, to copy for each test."""
    name = postgres_cluster.new_database(template=schema_template)
    store = open_server(postgres_cluster.url(name))
    try:
        load_demo(store)
    finally:
        store.close()
    return name


@pytest.fixture
def empty_server_url(postgres_cluster: ScratchCluster) -> Iterator[str]:
    """The URL of a new database with no schema in it."""
    name = postgres_cluster.new_database()
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


@pytest.fixture
def server_url(postgres_cluster: ScratchCluster, schema_template: str) -> Iterator[str]:
    """The URL of a new database holding the schema and no records."""
    name = postgres_cluster.new_database(template=schema_template)
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


@pytest.fixture
def demo_server_url(postgres_cluster: ScratchCluster, demo_template_database: str) -> Iterator[str]:
    """The URL of a new database holding the demo plan."""
    name = postgres_cluster.new_database(template=demo_template_database)
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


@pytest.fixture
def live_url(demo_server_url: str) -> str:
    """The demo plan on a database of its own, prepared as `server init` leaves it: its own roles
    (the superuser of the tests an administrator of it) and the triggers that announce changes."""
    init_server(demo_server_url)
    return demo_server_url


def _opened(request: pytest.FixtureRequest, file: str, server: str) -> Iterator[PlanStore]:
    """The store of the back end the test is run for: a plan file, or a database on the server."""
    if request.param == "sqlite":
        opened = open_plan_file(request.getfixturevalue(file))
    else:
        opened = open_server(request.getfixturevalue(server))
    yield opened
    opened.close()


@pytest.fixture(params=BACK_ENDS)
def plan_store(request: pytest.FixtureRequest) -> Iterator[PlanStore]:
    """An empty plan, open for writing: once in a plan file, once on the PostgreSQL server."""
    yield from _opened(request, "plan_path", "server_url")


@pytest.fixture(params=BACK_ENDS)
def demo_plan_store(request: pytest.FixtureRequest) -> Iterator[PlanStore]:
    """The demo plan, open for writing: once in a plan file, once on the PostgreSQL server."""
    yield from _opened(request, "demo_path", "demo_server_url")
