"""New records with their defaults, decided by the services (not the window), on a real plan file."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.core.enums import FundingSource
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.services import edits, new_records, records
from dxplanner.services.edits import Entity
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.operations.goals import create_goal
from dxplanner.store.operations.plans import add_plan_day_off
from dxplanner.store.operations.resources import add_budget_line, add_staff_line
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


D = datetime.date
TODAY = D(2026, 11, 20)


def test_a_new_indicator_is_coded_by_the_time_it_was_made(store: OpenPlan) -> None:
    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Chính phủ số").id)
    changes = new_records.new_indicator(
        store, goal_id=goal, now=lambda: datetime.datetime(2026, 11, 20, 9, 30, 5)
    )
    assert changes.created[Entity.INDICATOR] == [changes.id]
    indicator = records.indicator(store, new_id(changes.id))
    assert indicator is not None
    assert (indicator.code, indicator.name, indicator.goal_id) == ("CT-093005", "New indicator", goal)


def test_a_new_indicator_belongs_to_a_goal_or_a_sedp_and_is_refused_otherwise(store: OpenPlan) -> None:
    basics(store)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="either to a goal or to a socio-economic plan"):
        new_records.new_indicator(store)
    assert snapshot(store) == before


def test_a_new_goal_takes_the_first_number_its_strategy_leaves_free(store: OpenPlan) -> None:
    ids = basics(store)
    create_goal(store, ids.strategy, code="1", text="Một")
    create_goal(store, ids.strategy, code="3", text="Ba")
    made = records.goal(store, new_id(new_records.new_goal(store, ids.strategy).id))
    assert made is not None and (made.code, made.text) == ("2", "New goal")
    below = records.goal(store, new_id(new_records.new_goal(store, ids.strategy, made.id).id))
    assert below is not None and (below.code, below.parent_id) == ("4", made.id)


def test_a_new_unit_takes_a_free_code_and_a_file_without_units_gets_its_own_agency(store: OpenPlan) -> None:
    agency = records.unit(store, new_id(new_records.own_agency(store).id))
    assert agency is not None and (agency.code, agency.name) == ("DV001", "My agency")
    create_unit(store, code="DV002", name="Đã có")
    sub = records.unit(store, new_id(new_records.new_unit(store, agency.id).id))
    assert sub is not None and (sub.code, sub.name, sub.parent_id) == ("DV003", "New unit", agency.id)


def test_new_strategies_sedps_and_plans_start_this_year(store: OpenPlan) -> None:
    ids = basics(store)
    strategy = records.strategy(store, new_id(new_records.new_strategy(store, ids.ministry, TODAY).id))
    assert strategy is not None
    assert (strategy.name, strategy.start_year, strategy.end_year) == ("New strategy", 2026, 2030)
    sedp = records.sedp(store, new_id(new_records.new_sedp(store, ids.ministry, TODAY).id))
    assert sedp is not None and (sedp.start_year, sedp.end_year) == (2026, 2030)
    plan = records.action_plan(
        store, new_id(new_records.new_action_plan(store, ids.ministry, strategy.id, TODAY).id)
    )
    assert plan is not None
    assert (plan.name, plan.strategy_id, plan.start, plan.end) == (
        "Action plan 2026",
        strategy.id,
        D(2026, 1, 1),
        D(2026, 12, 31),
    )


def test_a_new_strategy_without_a_unit_is_refused_and_changes_nothing(store: OpenPlan) -> None:
    before = snapshot(store)
    with pytest.raises(InvalidInputError):
        new_records.new_strategy(store, None, TODAY)
    assert snapshot(store) == before


def test_a_new_budget_line_takes_the_first_year_from_the_tasks_start_left_free(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", planned_start=D(2025, 3, 3), planned_end=D(2026, 6, 30))
    add_budget_line(store, work, source=FundingSource.CENTRAL_BUDGET, year=2025, planned=1)
    line_id = new_id(new_records.new_budget_line(store, work, TODAY).id)
    line = next(line for line in records.budget_lines_of(store, work) if line.id == line_id)
    assert (line.source, line.year, line.planned) == (FundingSource.CENTRAL_BUDGET, 2026, 0)
    undated = task(store, ids.plan, "Chưa có ngày")
    new_records.new_budget_line(store, undated, TODAY)
    assert [line.year for line in records.budget_lines_of(store, undated)] == [2026]


def test_a_new_staff_line_is_the_lead_units_then_the_next_free_unit(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", lead_unit_id=ids.department)
    new_records.new_staff_line(store, work)
    new_records.new_staff_line(store, work)
    assert [(line.unit_id, line.person_months) for line in records.staff_lines_of(store, work)] == [
        (ids.department, 1),
        (ids.ministry, 1),
    ]
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="Every unit already has a staff line on this task"):
        new_records.new_staff_line(store, work)
    assert snapshot(store) == before


def test_a_new_staff_line_skips_a_lead_unit_that_has_one(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", lead_unit_id=ids.ministry)
    add_staff_line(store, work, unit_id=ids.ministry, person_months=3)
    new_records.new_staff_line(store, work)
    assert [line.unit_id for line in records.staff_lines_of(store, work)] == [ids.ministry, ids.department]


def test_a_new_progress_report_states_the_progress_as_it_stands_today(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", progress=40)
    new_records.new_progress_report(store, work, TODAY)
    [report] = records.progress_reports_of(store, work)
    assert (report.as_of, report.progress) == (TODAY, 40)


def test_records_for_a_task_that_is_gone_are_refused_with_a_message(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    edits.delete_tasks(store, [work])
    before = snapshot(store)
    for add in (new_records.new_budget_line, new_records.new_staff_line, new_records.new_progress_report):
        with pytest.raises(NotFoundError, match=rf"Task #{work} does not exist \(it may have been deleted\)"):
            add(store, work)
    assert snapshot(store) == before


def test_a_new_day_off_is_the_first_free_day_from_today(store: OpenPlan) -> None:
    ids = basics(store)
    add_plan_day_off(store, ids.plan, TODAY)
    add_plan_day_off(store, ids.plan, TODAY + datetime.timedelta(days=1))
    new_records.new_day_off(store, ids.plan, TODAY)
    assert [day_off.day for day_off in records.days_off_of(store, ids.plan)] == [
        TODAY,
        TODAY + datetime.timedelta(days=1),
        TODAY + datetime.timedelta(days=2),
    ]


def test_a_new_task_and_a_new_risk_are_named_for_the_user_to_fill_in(store: OpenPlan) -> None:
    ids = basics(store)
    first = task(store, ids.plan, "Một")
    added = new_id(new_records.new_task(store, ids.plan, parent_id=None, position=0).id)
    made = records.task(store, added)
    assert made is not None and (made.name, made.position) == ("New task", 0)
    assert records.task(store, first) is not None and records.task(store, first).position == 1  # type: ignore[union-attr]
    new_records.new_risk(store, task_id=added)
    assert [risk.text for risk in records.risks_of(store, "task_id", added)] == ["New risk"]
