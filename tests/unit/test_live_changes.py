"""Changes committed through one client reach the others within a second; the writer does not hear itself."""

from __future__ import annotations

import queue
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, col, select

from dxplanner.core.models import ActionPlan, ProgressReport, Task, TaskUnit, Unit
from dxplanner.services import edits
from dxplanner.services.live import LiveChanges, RemoteChange, change_of, live_changes, merged
from dxplanner.store.change_notices import MAX_KEYS, Notice, notices_installed, read_notice
from dxplanner.store.operations.tasks import create_task
from dxplanner.store.server_store import ServerStore, init_server, open_server

# Seconds a test waits for a change to reach another client; how soon it does (within a second) is
# measured by bench.live_changes, not here, where other work may share the machine.
HEARD_WITHIN = 10.0


class Heard:
    """What a client's live changes delivered, in the order they came."""

    def __init__(self) -> None:
        self.changes: queue.Queue[RemoteChange] = queue.Queue()
        self.events: list[str] = []

    def next(self, timeout: float = HEARD_WITHIN) -> RemoteChange:
        return self.changes.get(timeout=timeout)

    def nothing_for(self, seconds: float) -> bool:
        try:
            self.changes.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


@pytest.fixture
def two_clients(demo_server_url: str) -> Iterator[tuple[ServerStore, ServerStore]]:
    """Two clients of one plan on the server: each its own store, as two users' windows are."""
    writer, reader = open_server(demo_server_url), open_server(demo_server_url)
    yield writer, reader
    writer.close()
    reader.close()


def _listening(store: ServerStore, heard: Heard) -> LiveChanges:
    live = live_changes(
        store,
        heard.changes.put,
        lambda reason: heard.events.append(f"lost: {reason}"),
        lambda: heard.events.append("back"),
    )
    assert isinstance(live, LiveChanges)
    live.start()
    assert live.wait_listening(10)
    return live


def _a_task(store: ServerStore) -> Task:
    with store.read() as session:
        task = session.exec(select(Task).order_by(col(Task.id))).first()
        assert task is not None
        return task


def test_an_edit_committed_by_one_client_reaches_another_with_its_table_and_key(
    two_clients: tuple[ServerStore, ServerStore],
) -> None:
    writer, reader = two_clients
    heard = Heard()
    live = _listening(reader, heard)
    try:
        task = _a_task(writer)
        assert task.id is not None
        edits.update_task(writer, task.id, name="Tên do người khác sửa")
        change = heard.next()
        assert change.tables == {"task"}
        assert change.rows == {"task": {task.id}}
        assert change.reshaped == frozenset()  # an update: rows stay where they are
        assert heard.nothing_for(0.3)  # one change, announced once
        assert heard.events == []
    finally:
        live.stop()


def test_the_writer_does_not_hear_its_own_changes(two_clients: tuple[ServerStore, ServerStore]) -> None:
    writer, reader = two_clients
    own, other = Heard(), Heard()
    writer_live, reader_live = _listening(writer, own), _listening(reader, other)
    try:
        task = _a_task(writer)
        assert task.id is not None
        for number in range(3):  # through more than one of the writer's pooled connections
            edits.update_task(writer, task.id, name=f"Sửa lần {number}")
            assert other.next().rows == {"task": {task.id}}
        assert own.nothing_for(0.5)
    finally:
        writer_live.stop()
        reader_live.stop()


def test_an_added_task_reshapes_the_table_and_names_the_new_row(
    two_clients: tuple[ServerStore, ServerStore],
) -> None:
    writer, reader = two_clients
    heard = Heard()
    live = _listening(reader, heard)
    try:
        with writer.read() as session:
            plan = session.exec(select(ActionPlan)).first()
            assert plan is not None and plan.id is not None
        added = create_task(writer, plan.id, name="Nhiệm vụ mới")
        change = heard.next()
        assert "task" in change.reshaped and added.id in change.rows["task"]
    finally:
        live.stop()


def test_a_rolled_back_write_announces_nothing(two_clients: tuple[ServerStore, ServerStore]) -> None:
    writer, reader = two_clients
    heard = Heard()
    live = _listening(reader, heard)
    try:
        task = _a_task(writer)
        with pytest.raises(RuntimeError), writer.write() as session:
            session.exec(sa.update(Task).where(col(Task.id) == task.id).values(name="never kept"))
            session.flush()
            raise RuntimeError("the operation failed after writing")
        assert heard.nothing_for(0.5)
    finally:
        live.stop()


def test_a_table_keyed_by_its_owner_announces_the_owners(
    two_clients: tuple[ServerStore, ServerStore],
) -> None:
    writer, reader = two_clients
    heard = Heard()
    live = _listening(reader, heard)
    try:
        task = _a_task(writer)
        assert task.id is not None
        with writer.read() as session:
            units = list(session.exec(select(Unit.id).order_by(col(Unit.id)).limit(2)).all())
            linked = session.exec(select(TaskUnit).where(TaskUnit.task_id == task.id)).all()
        assert {link.unit_id for link in linked} != set(units)
        edits.set_task_units(writer, task.id, [unit for unit in units if unit is not None])
        said = [heard.next()]
        while not heard.nothing_for(0.3):  # notices of one write may come in more than one batch
            pass
        change = merged(said)
        assert "task_unit" in change.reshaped
        assert change.rows["task_unit"] == {task.id}
    finally:
        live.stop()


def test_past_its_size_a_statement_announces_many_rather_than_every_key(
    two_clients: tuple[ServerStore, ServerStore],
) -> None:
    writer, reader = two_clients
    heard = Heard()
    live = _listening(reader, heard)
    try:
        with writer.write() as session:
            # The demo plan's 1,036 progress reports, in one statement.
            updated = session.exec(sa.update(ProgressReport).values(remark="đã rà soát"))
            assert updated.rowcount > MAX_KEYS
        change = heard.next()
        assert change.tables == {"progress_report"}
        assert "progress_report" in change.reshaped and "progress_report" not in change.rows
    finally:
        live.stop()


def test_a_payload_names_its_table_operation_keys_and_sender() -> None:
    assert read_notice('{"table": "task", "op": "update", "keys": [3, 1], "pid": 7}') == Notice(
        "task", "update", frozenset({1, 3}), 7
    )
    assert read_notice('{"table": "task", "op": "delete", "keys": "many", "pid": 7}') == Notice(
        "task", "delete", None, 7
    )
    # Another program's notice on the channel is not ours, and is not taken for a change.
    assert read_notice("reload everything") is None
    assert read_notice('{"table": "task", "op": "drop", "keys": [], "pid": 7}') is None


def test_notices_of_a_batch_make_one_change() -> None:
    change = change_of(
        [
            Notice("task", "update", frozenset({1}), 5),
            Notice("task", "update", frozenset({2}), 5),
            Notice("budget_line", "delete", frozenset({9}), 5),
        ]
    )
    assert change.tables == {"task", "budget_line"}
    assert change.rows == {"task": {1, 2}, "budget_line": {9}}
    assert change.reshaped == {"budget_line"}


def test_server_init_installs_the_triggers_once_and_again_on_a_database_without_them(
    empty_server_url: str,
) -> None:
    init_server(empty_server_url)
    store = open_server(empty_server_url)
    try:
        with store.engine.begin() as connection:
            assert notices_installed(connection)
            count = connection.exec_driver_sql(
                "SELECT count(*) FROM pg_trigger WHERE starts_with(tgname, 'dx_notify_')"
            ).scalar()
            # A database prepared before the triggers existed gets them from `server init`.
            connection.exec_driver_sql("DROP FUNCTION dx_announce_change() CASCADE")
            assert not notices_installed(connection)
        init_server(empty_server_url)
        with store.engine.begin() as connection:
            assert (
                connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_trigger WHERE starts_with(tgname, 'dx_notify_')"
                ).scalar()
                == count
            )
    finally:
        store.close()
    assert count == 3 * len(SQLModel.metadata.tables)  # insert, update, delete on each plan table
