"""A plan's own choices: days off that its tasks do not count, and how group progress is weighted."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.core.enums import ProgressWeight
from dxplanner.core.errors import DomainError, InvalidInputError, NotFoundError
from dxplanner.core.projection import project_plan
from dxplanner.store import queries
from dxplanner.store.changes import Entity
from dxplanner.store.operations.plans import add_plan_day_off, delete_plan, delete_plan_day_off, update_plan
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import basics, task

D = datetime.date


def test_a_plans_days_off_leave_its_calendar(store: PlanStore) -> None:
    ids = basics(store)
    changes = add_plan_day_off(store, ids.plan, D(2025, 3, 5), "Di chuyển trụ sở")
    assert changes.created[Entity.PLAN_DAY_OFF] == [ids.plan]
    with store.read() as session:
        calendar = queries.plan_calendar(session, ids.plan)
    assert not calendar.is_working_day(D(2025, 3, 5))
    assert calendar.working_days(D(2025, 3, 3), D(2025, 3, 7)) == 4
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="05/03/2025 is already a day off of this plan"):
        add_plan_day_off(store, ids.plan, D(2025, 3, 5))
    with pytest.raises(InvalidInputError, match="Day off must be a date"):
        add_plan_day_off(store, ids.plan, "5/3/2025")  # type: ignore[arg-type]
    with pytest.raises(NotFoundError, match="06/03/2025 is not a day off of this plan"):
        delete_plan_day_off(store, ids.plan, D(2025, 3, 6))
    assert snapshot(store) == before
    assert delete_plan_day_off(store, ids.plan, D(2025, 3, 5)).previous == {"note": "Di chuyển trụ sở"}
    with store.read() as session:
        assert queries.plan_calendar(session, ids.plan).is_working_day(D(2025, 3, 5))


def test_a_plan_can_weigh_group_progress_by_budget(store: PlanStore) -> None:
    ids = basics(store)
    group = task(store, ids.plan, "I. Nền tảng", kind="group")
    small = task(
        store,
        ids.plan,
        "Hướng dẫn",
        parent_id=group,
        progress=100,
        planned_start=D(2025, 3, 3),
        planned_end=D(2025, 3, 28),
    )
    large = task(
        store,
        ids.plan,
        "Trung tâm dữ liệu",
        parent_id=group,
        progress=0,
        planned_start=D(2025, 3, 3),
        planned_end=D(2025, 3, 7),
    )
    add_budget_line(store, small, source="central_budget", year=2025, planned=1_000_000_000)
    add_budget_line(store, large, source="central_budget", year=2025, planned=3_000_000_000)

    def group_progress() -> float:
        with store.read() as session:
            calendar = queries.plan_calendar(session, ids.plan)
            weight = queries.plan_weight(session, ids.plan, calendar)
            nodes = queries.outline_nodes(session, [ids.plan])
            return project_plan(nodes, calendar, D(2025, 3, 31), weight).tasks[group].progress

    assert group_progress() == pytest.approx(100 * 20 / 25)  # by working days: 20 of 25 days done
    changes = update_plan(store, ids.plan, progress_weight="budget")
    assert changes.previous == {"progress_weight": ProgressWeight.DURATION}
    assert group_progress() == pytest.approx(25)  # by budget: 1 of 4 tỷ done
    with pytest.raises(DomainError, match="Progress weighting cannot be 'cost'"):
        update_plan(store, ids.plan, progress_weight="cost")


def test_deleting_a_plan_reports_its_days_off(store: PlanStore) -> None:
    ids = basics(store)
    add_plan_day_off(store, ids.plan, D(2025, 3, 5))
    assert delete_plan(store, ids.plan).deleted[Entity.PLAN_DAY_OFF] == [ids.plan]
    assert snapshot(store)["plan_day_off"] == []


def test_a_day_off_can_move_and_change_its_note(store: PlanStore) -> None:
    from dxplanner.store.operations.plans import update_plan_day_off

    ids = basics(store)
    add_plan_day_off(store, ids.plan, D(2025, 3, 5), "Di chuyển trụ sở")
    add_plan_day_off(store, ids.plan, D(2025, 3, 6))
    update_plan_day_off(store, ids.plan, D(2025, 3, 5), new_day=D(2025, 3, 12))
    update_plan_day_off(store, ids.plan, D(2025, 3, 12), note="Chuyển trụ sở (dời lịch)")
    with store.read() as session:
        calendar = queries.plan_calendar(session, ids.plan)
        notes: dict[str, str] = dict(
            session.connection().exec_driver_sql("SELECT day, note FROM plan_day_off").all()
        )
    assert not calendar.is_working_day(D(2025, 3, 12)) and calendar.is_working_day(D(2025, 3, 5))
    assert notes["2025-03-12"] == "Chuyển trụ sở (dời lịch)"
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="already a day off"):
        update_plan_day_off(store, ids.plan, D(2025, 3, 12), new_day=D(2025, 3, 6))
    assert snapshot(store) == before
