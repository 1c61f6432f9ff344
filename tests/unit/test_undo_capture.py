"""Undo and redo as the window does them: exact values, linked rows, cascades, and records changed since.

The journal records each changed row by its key with its values before and after; undoing and
redoing put exactly those back, and refuse, changing nothing, when another hand (another
connection, as another user on a shared store) changed a row since. Every test runs on a plan
file and on the PostgreSQL server, whose capture reads the history its triggers write.
"""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, Protocol

import psycopg
import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from dxplanner.core.errors import ChangedSinceError
from dxplanner.excel.plan_reader import read_plan_table
from dxplanner.i18n import set_language
from dxplanner.services import edits, undo
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.capture import inserted_in_bulk
from dxplanner.store.operations.import_table import import_table, match_units
from dxplanner.store.operations.indicators import record_indicator_value
from dxplanner.store.operations.progress import add_progress_report
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.operations.tasks import set_task_units
from dxplanner.store.operations.units import create_unit
from dxplanner.store.operations.whole_file import all_records, restore_records
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.server_store import ServerStore
from tests.conftest import snapshot
from tests.unit import excel_samples as samples
from tests.unit.builders import basics, new_id, task

D = datetime.date
POINT_ONE_PLUS_POINT_TWO = 0.1 + 0.2  # 0.30000000000000004: a float that printing to 15 digits would lose


@pytest.fixture
def store(plan_store: OpenPlan) -> OpenPlan:
    """An empty plan: in a plan file, and on the server."""
    return plan_store


@pytest.fixture
def demo_store(demo_plan_store: OpenPlan) -> OpenPlan:
    """The demo plan: in a plan file, and on the server."""
    return demo_plan_store


class AnotherHand(Protocol):
    """What another user runs on the plan, committed at once (SQL with ? for each value)."""

    def execute(self, sql: str, values: Sequence[object] = ()) -> object: ...


class _ServerHand:
    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.connection = connection

    def execute(self, sql: str, values: Sequence[object] = ()) -> object:
        return self.connection.execute(sql.replace("?", "%s"), tuple(values))


@contextmanager
def another_hand(plan: OpenPlan) -> Iterator[AnotherHand]:
    """A second connection to the plan, as another user's: what it does is committed at once."""
    if isinstance(plan, ServerStore):
        address = plan.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(address, autocommit=True) as server:
            yield _ServerHand(server)
        return
    with closing(sqlite3.connect(plan.path, isolation_level=None)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        yield connection


def _step(plan: OpenPlan) -> undo.UndoStep:
    step = undo.last_step(plan)
    assert step is not None
    return step


def _progress(plan: OpenPlan, task_id: int) -> object:
    with plan.read() as session:
        return (
            session.connection()
            .execute(sa.text("SELECT progress FROM task WHERE id = :id"), {"id": task_id})
            .scalar_one()
        )


def test_a_float_comes_back_from_undo_and_redo_to_the_last_bit(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    edits.update_task(store, first, progress=POINT_ONE_PLUS_POINT_TWO)
    stored = snapshot(store)
    edits.update_task(store, first, progress=50)
    step = _step(store)
    changed = snapshot(store)
    for _round in range(2):
        step = undo.undo(store, step)
        assert _progress(store, first) == POINT_ONE_PLUS_POINT_TWO != 0.3
        assert snapshot(store) == stored
        step = undo.redo(store, step)
        assert _progress(store, first) == 50
        assert snapshot(store) == changed


def test_a_measured_value_keyed_by_indicator_and_date_comes_back_exactly(demo_store: OpenPlan) -> None:
    with demo_store.read() as session:
        indicator = session.connection().execute(sa.text("SELECT min(id) FROM indicator")).scalar_one()
    record_indicator_value(demo_store, indicator, D(2026, 6, 30), POINT_ONE_PLUS_POINT_TWO, source="đo lần 1")
    before = snapshot(demo_store)
    record_indicator_value(demo_store, indicator, D(2026, 6, 30), 1e-300, source="đo lần 2")
    step = _step(demo_store)
    # The day as the driver gives it: text from a file, a date from the server.
    assert {key: str(day) for key, day in step.change.rows["indicator_value"]} == {indicator: "2026-06-30"}
    assert set(step.change.rows) == {"indicator_value"}
    after = snapshot(demo_store)
    step = undo.undo(demo_store, step)
    assert snapshot(demo_store) == before
    undo.redo(demo_store, step)
    assert snapshot(demo_store) == after


def test_cooperating_units_keyed_by_task_and_unit_are_undone_and_redone(store: OpenPlan) -> None:
    ids = basics(store)
    third = new_id(create_unit(store, code="STTTT", name="Sở Thông tin và Truyền thông").id)
    first = task(store, ids.plan, "Một", lead_unit_id=ids.ministry)
    set_task_units(store, first, [ids.department])
    before = snapshot(store)
    set_task_units(store, first, [third])
    step = _step(store)
    assert step.change.rows["task_unit"] == {(first, ids.department), (first, third)}
    assert step.change.reshaped == {"task_unit"}
    after = snapshot(store)
    assert after["task_unit"] == [(first, third, "cooperating")]
    for _round in range(2):
        step = undo.undo(store, step)
        assert snapshot(store) == before
        step = undo.redo(store, step)
        assert snapshot(store) == after


def test_deleting_a_task_with_its_subtree_and_links_is_undone_with_every_id(store: OpenPlan) -> None:
    ids = basics(store)
    group = task(store, ids.plan, "Nhóm", kind="group")
    child = task(store, ids.plan, "Con", parent_id=group, lead_unit_id=ids.ministry)
    grandchild = task(store, ids.plan, "Cháu", parent_id=child, kind="group")
    leaf = task(store, ids.plan, "Lá", parent_id=grandchild)
    after_it = task(store, ids.plan, "Làm sau")
    before_it = task(store, ids.plan, "Làm trước")
    set_task_units(store, child, [ids.department])
    edits.add_dependency(store, leaf, after_it, lag_days=3)
    edits.add_dependency(store, before_it, child)
    add_progress_report(
        store, leaf, as_of=D(2025, 3, 31), progress=POINT_ONE_PLUS_POINT_TWO, remark="Đang làm"
    )
    add_budget_line(store, child, source="central_budget", year=2025, planned=1_250_000_000)
    before = snapshot(store)
    assert before["dependency"] and before["progress_report"] and before["budget_line"]

    edits.delete_tasks(store, [group])
    step = _step(store)
    after = snapshot(store)
    assert [row[0] for row in after["task"]] == [after_it, before_it]
    assert not after["dependency"] and not after["progress_report"] and not after["task_unit"]
    assert {group, child, grandchild, leaf} <= step.change.rows["task"]
    for _round in range(2):
        step = undo.undo(store, step)
        assert snapshot(store) == before
        step = undo.redo(store, step)
        assert snapshot(store) == after


def test_undo_is_refused_when_the_record_was_changed_since_and_changes_nothing(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    edits.update_task(store, first, notes="ghi chú của tôi")
    step = _step(store)
    with another_hand(store) as other:
        other.execute("UPDATE task SET name = 'Tên do người khác đặt' WHERE id = ?", (first,))
    theirs = snapshot(store)
    with pytest.raises(ChangedSinceError, match="changed since; nothing was undone"):
        undo.undo(store, step)
    assert snapshot(store) == theirs


def test_the_refusal_is_said_in_vietnamese(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    edits.update_task(store, first, notes="ghi chú")
    step = _step(store)
    with another_hand(store) as other:
        other.execute("UPDATE task SET notes = 'của người khác' WHERE id = ?", (first,))
    set_language("vi")
    with pytest.raises(ChangedSinceError) as refused:
        undo.undo(store, step)
    assert refused.value.message == (
        "Một bản ghi mà bước này đã thay đổi đã bị sửa sau đó; không có gì được hoàn tác."
    )


def test_redo_is_refused_when_the_record_was_changed_since_the_undo(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    edits.update_task(store, first, progress=POINT_ONE_PLUS_POINT_TWO)
    step = undo.undo(store, _step(store))
    with another_hand(store) as other:
        other.execute("UPDATE task SET progress = 40 WHERE id = ?", (first,))
    theirs = snapshot(store)
    with pytest.raises(ChangedSinceError, match="changed since it was undone; nothing was redone"):
        undo.redo(store, step)
    assert snapshot(store) == theirs


def test_undo_is_refused_when_it_would_delete_a_record_someone_added_since(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    added = task(store, ids.plan, "Mới thêm")
    step = _step(store)
    with another_hand(store) as other:
        # A progress report on the new task: undoing the task's creation would delete it in cascade.
        other.execute(
            "INSERT INTO progress_report (task_id, as_of, progress, status) "
            "VALUES (?, '2025-05-01', 10, 'in_progress')",
            (added,),
        )
    theirs = snapshot(store)
    with pytest.raises(ChangedSinceError, match="nothing was undone"):
        undo.undo(store, step)
    assert snapshot(store) == theirs
    assert {row[0] for row in theirs["task"]} == {first, added}


def test_undo_is_refused_when_a_deleted_record_was_put_back_since(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    row = snapshot(store, versions=True)["task"][0]  # every column, to insert it again
    edits.delete_tasks(store, [first])
    step = _step(store)
    columns = [column.name for column in SQLModel.metadata.tables["task"].columns]
    with another_hand(store) as other:
        other.execute(
            f"INSERT INTO task ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", row
        )
    theirs = snapshot(store)
    with pytest.raises(ChangedSinceError):
        undo.undo(store, step)
    assert snapshot(store) == theirs


@pytest.fixture
def imported(demo_store: OpenPlan, tmp_path: Path) -> tuple[OpenPlan, undo.UndoStep]:
    """The demo plan with a nested Excel plan imported into plan 6, and the import as a step."""
    table = read_plan_table(samples.build_nested_numbering(tmp_path).path)
    match_units(demo_store, table)
    import_table(demo_store, table, plan_id=6)
    return demo_store, _step(demo_store)


def test_an_import_is_undone_and_redone_exactly(imported: tuple[OpenPlan, undo.UndoStep]) -> None:
    plan, step = imported
    after = snapshot(plan)
    step = undo.undo(plan, step)
    before = snapshot(plan)
    assert len(before["task"]) < len(after["task"])
    for _round in range(2):
        step = undo.redo(plan, step)
        assert snapshot(plan) == after
        step = undo.undo(plan, step)
        assert snapshot(plan) == before


@pytest.mark.parametrize(
    "meanwhile",
    [
        "UPDATE task SET name = 'Đã sửa ở máy khác' WHERE id = (SELECT max(id) FROM task)",
        "DELETE FROM task WHERE id = (SELECT max(id) FROM task)",
        "INSERT INTO task_unit (task_id, unit_id, role) "
        "SELECT max(id), (SELECT min(id) FROM unit), 'cooperating' FROM task",
    ],
    ids=["renamed", "deleted", "unit added"],
)
def test_undoing_an_import_is_refused_when_an_imported_record_changed_since(
    imported: tuple[OpenPlan, undo.UndoStep], meanwhile: str
) -> None:
    plan, step = imported
    with another_hand(plan) as other:
        other.execute(meanwhile)
    theirs = snapshot(plan)
    with pytest.raises(ChangedSinceError, match="nothing was undone"):
        undo.undo(plan, step)
    assert snapshot(plan) == theirs


def test_a_change_elsewhere_does_not_stop_an_import_being_undone(
    imported: tuple[OpenPlan, undo.UndoStep],
) -> None:
    plan, step = imported
    with another_hand(plan) as other:
        other.execute("UPDATE task SET name = 'Sửa ở máy khác' WHERE id = (SELECT min(id) FROM task)")
    undo.undo(plan, step)
    tasks = snapshot(plan)["task"]
    assert not {row[0] for row in tasks} & step.change.rows["task"]
    assert "Sửa ở máy khác" in [row[5] for row in tasks]


def test_a_whole_file_restored_is_undone_and_redone_exactly(demo_path: Path, store: OpenPlan) -> None:
    # Deleting the restored indicators empties the links between them (SET NULL) on the way.
    source = open_plan_file(demo_path, read_only=True)
    try:
        records, _revision = all_records(source)
        demo = snapshot(source)
    finally:
        source.close()
    empty = snapshot(store)
    restore_records(store, records)
    restored = snapshot(store)
    assert restored == demo
    step = _step(store)
    for _round in range(2):
        step = undo.undo(store, step)
        assert snapshot(store) == empty
        step = undo.redo(store, step)
        assert snapshot(store) == restored


@pytest.mark.parametrize("update_first", [True, False], ids=["update then bulk", "bulk then update"])
def test_a_step_mixing_a_bulk_insert_and_an_update_is_undone_and_redone(
    store: OpenPlan, update_first: bool
) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    before = snapshot(store)
    tasks = SQLModel.metadata.tables["task"]
    with store.write() as session:
        connection = session.connection()

        def rename() -> None:
            connection.execute(sa.update(tasks).where(tasks.c.id == first).values(name="Một (đổi)"))

        if update_first:
            rename()
        with inserted_in_bulk(connection, tasks):
            connection.execute(
                sa.insert(tasks),
                [
                    {"plan_id": ids.plan, "position": 1 + number, "name": f"Nhập {number}", "kind": "task"}
                    for number in range(3)
                ],
            )
        if not update_first:
            rename()
    after = snapshot(store)
    assert len(after["task"]) == 4
    step = _step(store)
    for _round in range(2):
        step = undo.undo(store, step)
        assert snapshot(store) == before
        step = undo.redo(store, step)
        assert snapshot(store) == after


def test_redo_is_refused_when_a_record_it_links_to_was_deleted_since_the_undo(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    helper = new_id(create_unit(store, code="STTTT", name="Sở Thông tin và Truyền thông").id)
    edits.update_task(store, first, lead_unit_id=helper)
    step = undo.undo(store, _step(store))
    with another_hand(store) as other:
        other.execute("DELETE FROM unit WHERE id = ?", (helper,))
    theirs = snapshot(store)
    # The task's row is as the undo left it; only the unit it would lead from is gone (seen at commit).
    with pytest.raises(ChangedSinceError, match="nothing was redone"):
        undo.redo(store, step)
    assert snapshot(store) == theirs
