"""The idle preparation of a first edit never holds the window up while another program holds the plan."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlmodel import select

from dxplanner.core.errors import DomainError
from dxplanner.core.models import Task
from dxplanner.services.edit_ready import prepare_task_edits
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.server_store import ServerStore

# Far below the file's busy timeout (5 s), and a server read would wait for the lock with no limit.
GIVES_UP_WITHIN_S = 3.0


def _first_task(store: PlanStore) -> tuple[int, int]:
    with store.read() as session:
        task = session.exec(select(Task).order_by(Task.id)).first()  # type: ignore[arg-type]
        assert task is not None and task.id is not None
        return task.plan_id, task.id


@contextmanager
def _held_by_another_program(store: PlanStore, task_id: int) -> Iterator[None]:
    """Another program in the middle of writing: the whole file locked, or the task's row on a server."""
    if isinstance(store, ServerStore):
        other = sa.create_engine(store.engine.url)
        with other.connect() as connection, connection.begin():
            connection.execute(sa.text("UPDATE task SET name = name WHERE id = :id"), {"id": task_id})
            yield
        other.dispose()
        return
    other_program = sqlite3.connect(store.path, isolation_level=None)
    other_program.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other_program.execute("ROLLBACK")
        other_program.close()


def test_preparing_the_first_edit_gives_way_to_another_program_holding_the_plan(
    demo_plan_store: PlanStore,
) -> None:
    store = demo_plan_store
    plan_id, task_id = _first_task(store)
    outcome: list[object] = []

    def prepare() -> None:
        try:
            outcome.append(prepare_task_edits(store, plan_id, task_id))
        except DomainError as error:  # the sheet takes this as "not now": the edit will say why
            outcome.append(error)

    with _held_by_another_program(store, task_id):
        preparing = threading.Thread(target=prepare, daemon=True)
        preparing.start()
        preparing.join(GIVES_UP_WITHIN_S)
        held_up = preparing.is_alive()
    preparing.join()
    assert not held_up, "the window would wait for the other program"
    assert len(outcome) == 1
    # Once the other program is done, editing waits for others as patiently as before.
    if not isinstance(store, ServerStore):
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 5000
