"""Opening a plan on a PostgreSQL server as a file opens, and what a user is told when it cannot be."""

from __future__ import annotations

import re
import socket
import threading
from pathlib import Path

import pytest
from sqlmodel import select

from dxplanner.core.errors import PlanFileError, ReadOnlyError
from dxplanner.core.models import Unit
from dxplanner.store.migrate import downgrade_to
from dxplanner.store.operations.units import create_unit
from dxplanner.store.server_store import Prepared, create_server_engine, init_server, open_server
from dxplanner.store.server_store import server_url as server_url_of
from tests.postgres_cluster import ScratchCluster


def test_records_added_after_the_demo_plan_take_new_ids(demo_server_url: str) -> None:
    # The demo plan is written with ids of its own; the server's counters must start after them.
    store = open_server(demo_server_url)
    try:
        changes = create_unit(store, code="MOI", name="Đơn vị mới")
        with store.read() as session:
            ids = session.exec(select(Unit.id)).all()
        assert changes.id == max(id_ for id_ in ids if id_ is not None)
        assert len(ids) == len(set(ids)) > 1
    finally:
        store.close()


@pytest.fixture(scope="session")
def signed_in_user(postgres_cluster: ScratchCluster) -> tuple[str, str]:
    """A user who signs in with a password (the superuser of the tests needs none)."""
    postgres_cluster.execute("CREATE ROLE planner LOGIN PASSWORD 'right-password'")
    return "planner", "right-password"


def _as(url: str, user: str, password: str | None = None) -> str:
    credentials = f"{user}:{password}" if password is not None else user
    return url.replace("postgres@", f"{credentials}@", 1)


def test_a_wrong_password_is_one_clear_message(server_url: str, signed_in_user: tuple[str, str]) -> None:
    user, _password = signed_in_user
    with pytest.raises(PlanFileError) as refused:
        open_server(_as(server_url, user, "wrong-password"))
    assert refused.value.message.startswith("The server postgresql://planner:***@127.0.0.1:")
    assert "refused to let planner in: the user name or password is wrong" in refused.value.message


def test_the_password_comes_from_pgpass_as_libpq_reads_it(
    server_url: str,
    signed_in_user: tuple[str, str],
    postgres_cluster: ScratchCluster,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user, password = signed_in_user
    database = server_url.rsplit("/", 1)[1]
    postgres_cluster.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {user}", database=database)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "nowhere"))
    with pytest.raises(PlanFileError, match="the user name or password is wrong"):
        open_server(_as(server_url, user))
    pgpass = tmp_path / ".pgpass"
    pgpass.write_text(f"127.0.0.1:{postgres_cluster.port}:{database}:{user}:{password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    store = open_server(_as(server_url, user))
    try:
        assert store.read_only is False and store.notice is None
        with store.read() as session:
            assert session.exec(select(Unit)).all() == []
    finally:
        store.close()


def test_a_server_that_does_not_answer_is_one_clear_message() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(
        PlanFileError, match=rf"^Cannot reach the PostgreSQL server postgresql://x@127.0.0.1:{port}/plan"
    ):
        open_server(f"postgresql://x@127.0.0.1:{port}/plan")


def test_a_database_not_prepared_names_the_command_that_prepares_it(empty_server_url: str) -> None:
    with pytest.raises(
        PlanFileError, match=re.escape("holds no dxplanner plan. Prepare it once with “dxplanner server init")
    ):
        open_server(empty_server_url)


def test_a_missing_database_is_named(postgres_cluster: ScratchCluster) -> None:
    with pytest.raises(PlanFileError, match="has no database nothing_here"):
        open_server(postgres_cluster.url("nothing_here"))


def test_an_older_schema_is_refused_until_server_init_upgrades_it(server_url: str) -> None:
    engine = create_server_engine(server_url_of(server_url))
    try:
        downgrade_to(engine, "0003")
    finally:
        engine.dispose()
    with pytest.raises(
        PlanFileError, match=re.escape("older schema (revision 0003). Upgrade it with “dxplanner server init")
    ):
        open_server(server_url)
    assert init_server(server_url).done is Prepared.UPGRADED
    open_server(server_url).close()


def test_a_newer_schema_opens_read_only_and_refuses_changes(server_url: str) -> None:
    engine = create_server_engine(server_url_of(server_url))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9001'")
    finally:
        engine.dispose()
    store = open_server(server_url)
    try:
        assert store.read_only and store.notice is not None and "newer version of dxplanner" in store.notice
        with pytest.raises(ReadOnlyError):
            create_unit(store, code="X", name="X")
    finally:
        store.close()
    with pytest.raises(
        PlanFileError, match=re.escape("newer version of dxplanner (revision 9001); nothing was changed")
    ):
        init_server(server_url)


def test_server_init_refuses_a_database_of_another_program(empty_server_url: str) -> None:
    engine = create_server_engine(server_url_of(empty_server_url))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE invoices (id integer)")
    finally:
        engine.dispose()
    with pytest.raises(PlanFileError, match=r"already holds tables of another program \(invoices\)"):
        init_server(empty_server_url)


def test_writers_take_turns_and_one_kept_waiting_too_long_is_told_the_plan_is_busy(server_url: str) -> None:
    first, second, third = (
        open_server(server_url),
        open_server(server_url, busy_timeout=0.3),
        open_server(server_url),
    )
    done: list[object] = []
    try:
        with first.write():
            create_unit_in = threading.Thread(
                target=lambda: done.append(create_unit(third, code="B", name="B").id)
            )
            # While one change is being written, another waits for it rather than writing beside it.
            with pytest.raises(PlanFileError, match="is busy: another change to it is being written"):
                create_unit(second, code="A", name="A")
            create_unit_in.start()
            create_unit_in.join(0.5)
            assert create_unit_in.is_alive() and done == []
        create_unit_in.join(10)
        assert len(done) == 1
        with second.read() as session:
            assert session.exec(select(Unit.code)).all() == ["B"]
    finally:
        for store in (first, second, third):
            store.close()
