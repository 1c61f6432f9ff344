"""`copy` moves a whole plan between a file and a server, every table and every id, either way."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from dxplanner.core.errors import DomainError
from dxplanner.core.models import ActionPlan, Strategy, Task, Unit
from dxplanner.services.shared import copy_plan
from dxplanner.store.operations import estate
from dxplanner.store.operations.tasks import create_task
from dxplanner.store.operations.units import create_unit, update_unit
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.server_store import open_server
from tests.conftest import Snapshot, snapshot, snapshot_of
from tests.unit.builders import Basics
from tests.unit.estate_builders import fill_estate
from tests.unit.form_builders import fill_forms
from tests.unit.test_estate_workbook import ESTATE_TABLES


def _snapshot_of_file(path: Path) -> Snapshot:
    return snapshot_of(path, versions=True)


def test_a_plan_goes_to_a_server_and_back_to_a_new_file_unchanged(
    demo_path: Path, server_url: str, tmp_path: Path
) -> None:
    # A unit under a unit made after it: on the server a parent must be written before its child.
    store = open_plan_file(demo_path)
    try:
        with store.read() as session:
            first = session.exec(select(Unit).order_by(Unit.code)).first()
        assert first is not None and first.id is not None
        newest = create_unit(store, code="SAU", name="Đơn vị lập sau").id
        update_unit(store, first.id, parent_id=newest)
        _fill_estate_of_demo(store)
        fill_forms(store)
    finally:
        store.close()
    before = _snapshot_of_file(demo_path)
    assert all(before[name] for name in ("unit", "task", "progress_report", "indicator_target"))
    assert before["form_round"] and before["form_receipt"]
    assert all(before[name] for name in ESTATE_TABLES)

    up = copy_plan(demo_path, server_url)
    back = tmp_path / "back.dxplan"
    down = copy_plan(server_url, back)

    # Who reports for which unit belongs to a server's logins, not to the plan: it is not copied.
    in_plan = {name: len(rows) for name, rows in before.items() if name != "login_unit"}
    assert up.counts == down.counts == in_plan
    assert _snapshot_of_file(back) == before
    # The server goes on from the copied ids: a new task takes the next one.
    server = open_server(server_url)
    try:
        with server.read() as session:
            task = session.exec(select(Task).order_by(Task.id.desc())).first()  # type: ignore[union-attr]
        assert task is not None and task.id is not None
        made = create_task(server, plan_id=task.plan_id, name="Nhiệm vụ mới")
        assert made.id == task.id + 1
    finally:
        server.close()


def _fill_estate_of_demo(store: PlanStore) -> None:
    """An estate on the demo's units and first plan, with a data centre that runs in a cloud made
    after it: on the server a host must be written before what runs on it."""
    with store.read() as session:
        units = [unit.id for unit in session.exec(select(Unit)).all()]
        plan = session.exec(select(ActionPlan)).first()
        strategy = session.exec(select(Strategy)).first()
    assert plan is not None and plan.id is not None and strategy is not None and strategy.id is not None
    ministry, department = units[0], units[1]
    assert ministry is not None and department is not None
    made = fill_estate(store, Basics(ministry, department, strategy.id, plan.id))
    later = estate.add_system(store, code="DAMMAY2", name="Đám mây lập sau", kind="infrastructure").id
    estate.update_system(store, made.data_centre, hosted_on_id=later)


def test_a_copy_into_a_server_holding_a_plan_is_refused_and_changes_nothing(
    demo_path: Path, demo_server_url: str
) -> None:
    server = open_server(demo_server_url)
    before = snapshot(server, versions=True)
    server.close()
    with pytest.raises(DomainError, match="already holds a plan"):
        copy_plan(demo_path, demo_server_url)
    server = open_server(demo_server_url)
    try:
        assert snapshot(server, versions=True) == before
    finally:
        server.close()


def test_a_copy_onto_an_existing_file_is_refused(demo_server_url: str, demo_path: Path) -> None:
    with pytest.raises(DomainError, match="already exists"):
        copy_plan(demo_server_url, demo_path)
