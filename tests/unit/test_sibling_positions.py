"""Deleting several tasks and pasting rows keep sibling positions dense, and undo restores them exactly."""

from __future__ import annotations

import datetime

import pytest
from sqlmodel import col, select

from dxplanner.core.errors import DomainError, InvalidInputError
from dxplanner.core.models import Task
from dxplanner.store.operations.paste import PasteField as F
from dxplanner.store.operations.paste import paste_tasks
from dxplanner.store.operations.plans import create_plan
from dxplanner.store.operations.tasks import delete_tasks
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    return plan_store


def _levels(store: PlanStore) -> dict[tuple[int, int | None], list[tuple[int, str]]]:
    with store.read() as session:
        rows = session.exec(
            select(Task.plan_id, Task.parent_id, Task.position, Task.name).order_by(
                col(Task.plan_id), col(Task.parent_id), col(Task.position), col(Task.id)
            )
        ).all()
    levels: dict[tuple[int, int | None], list[tuple[int, str]]] = {}
    for plan_id, parent_id, position, name in rows:
        levels.setdefault((plan_id, parent_id), []).append((position, name))
    return levels


def _dense(store: PlanStore) -> None:
    for key, level in _levels(store).items():
        assert [position for position, _ in level] == list(range(len(level))), (key, level)


def test_deleting_a_task_with_its_own_descendants_and_tasks_of_two_plans(store: PlanStore) -> None:
    ids = basics(store)
    other = new_id(
        create_plan(
            store,
            name="Kế hoạch 2",
            unit_id=ids.ministry,
            strategy_id=ids.strategy,
            start=datetime.date(2025, 1, 1),
            end=datetime.date(2025, 12, 31),
        ).id
    )
    a = task(store, ids.plan, "a")
    g = task(store, ids.plan, "g", kind="group")
    g1 = task(store, ids.plan, "g1", parent_id=g)
    g2 = task(store, ids.plan, "g2", parent_id=g, kind="group")
    g21 = task(store, ids.plan, "g21", parent_id=g2)
    task(store, ids.plan, "b")
    o = [task(store, other, f"o{n}") for n in range(4)]
    before = snapshot(store)
    # The descendants first, then their ancestor; two plans; one id twice.
    delete_tasks(store, [g21, g1, o[1], g, a, o[1], o[2]])
    _dense(store)
    levels = _levels(store)
    assert [name for _, name in levels[(ids.plan, None)]] == ["b"]
    assert [name for _, name in levels[(other, None)]] == ["o0", "o3"]
    journal = store.last_journal
    store.replay(journal.undo)
    assert snapshot(store) == before
    store.replay(journal.redo)
    _dense(store)


def test_deleting_the_whole_top_level(store: PlanStore) -> None:
    ids = basics(store)
    made = [task(store, ids.plan, f"t{n}") for n in range(6)]
    inner = task(store, ids.plan, "x", parent_id=None, kind="group")
    task(store, ids.plan, "x1", parent_id=inner)
    before = snapshot(store)
    delete_tasks(store, [*reversed(made), inner])
    assert _levels(store) == {}
    store.replay(store.last_journal.undo)
    assert snapshot(store) == before


def test_deleting_one_near_the_top_of_a_long_level_undoes_and_redoes(store: PlanStore) -> None:
    ids = basics(store)
    made = [task(store, ids.plan, f"t{n}") for n in range(12)]
    before = snapshot(store)
    delete_tasks(store, [made[0]])
    _dense(store)
    journal = store.last_journal
    after = snapshot(store)
    store.replay(journal.undo)
    assert snapshot(store) == before
    store.replay(journal.redo)
    assert snapshot(store) == after


def test_paste_past_the_end_goes_at_the_end(store: PlanStore) -> None:
    ids = basics(store)
    for name in "abc":
        task(store, ids.plan, name)
    before = snapshot(store)
    paste_tasks(store, ids.plan, [F.NAME], [["x"], [" "], ["y"]], position=99)
    _dense(store)
    assert [name for _, name in _levels(store)[(ids.plan, None)]] == ["a", "b", "c", "x", "y"]
    store.replay(store.last_journal.undo)
    assert snapshot(store) == before


def test_paste_at_the_end_under_a_parent_and_at_none(store: PlanStore) -> None:
    ids = basics(store)
    g = task(store, ids.plan, "g", kind="group")
    task(store, ids.plan, "g0", parent_id=g)
    task(store, ids.plan, "z")
    paste_tasks(store, ids.plan, [F.NAME], [["x"], ["y"]], parent_id=g)
    paste_tasks(store, ids.plan, [F.NAME], [["p"], ["q"]], position=0)
    _dense(store)
    levels = _levels(store)
    assert [name for _, name in levels[(ids.plan, g)]] == ["g0", "x", "y"]
    assert [name for _, name in levels[(ids.plan, None)]] == ["p", "q", "g", "z"]


def test_a_bad_row_in_the_middle_changes_nothing(store: PlanStore) -> None:
    ids = basics(store)
    for name in "abc":
        task(store, ids.plan, name)
    before = snapshot(store, versions=True)
    with pytest.raises(InvalidInputError, match="Pasted row 3"):
        paste_tasks(
            store,
            ids.plan,
            [F.NAME, F.PROGRESS],
            [["x", "1"], ["", ""], ["y", "lots"], ["z", "2"]],
            position=1,
        )
    assert snapshot(store, versions=True) == before


def test_only_empty_rows_say_so(store: PlanStore) -> None:
    ids = basics(store)
    task(store, ids.plan, "a")
    before = snapshot(store, versions=True)
    with pytest.raises(InvalidInputError, match="nothing to paste"):
        paste_tasks(store, ids.plan, [F.NAME], [[""], ["  "]], position=0)
    assert snapshot(store, versions=True) == before


def test_a_bad_parent_or_position_is_said(store: PlanStore) -> None:
    ids = basics(store)
    task(store, ids.plan, "a")
    with pytest.raises(DomainError) as bad_parent:
        paste_tasks(store, ids.plan, [F.NAME], [["x"]], parent_id=99999)
    with pytest.raises(DomainError) as bad_position:
        paste_tasks(store, ids.plan, [F.NAME], [["x"]], position=-1)
    # Said without "Pasted row 1:" since make_room runs before the rows (the base said it).
    assert bad_parent.value.message.startswith("Parent task #99999 does not exist")
    assert bad_position.value.message == "Position must be at least 0, not -1."
