"""The records service: the records forms show, and the lists pickers offer, read from a real plan file."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from dxplanner.core.enums import DependencyType, FundingSource, StrategyStatus
from dxplanner.services import edits, records
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store import queries
from dxplanner.store.operations.goals import create_goal
from dxplanner.store.operations.indicators import (
    create_indicator,
    record_indicator_value,
    set_indicator_target,
)
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.operations.risks import add_risk
from dxplanner.store.operations.strategies import create_sedp
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


D = datetime.date


@pytest.mark.parametrize("kind", list(records.RECORD_TABLES), ids=lambda kind: kind.__name__)
def test_each_kind_of_record_carries_every_field_of_its_table(kind: type) -> None:
    """A field added to a table must reach its form: the record type would otherwise drop it."""
    columns = {column.name for column in queries.table(records.RECORD_TABLES[kind]).columns}
    assert {field.name for field in dataclasses.fields(kind)} == columns


def test_a_record_is_read_by_id_and_none_when_it_is_not_there(store: OpenPlan) -> None:
    ids = basics(store)
    strategy = records.strategy(store, ids.strategy)
    assert strategy is not None
    assert (strategy.name, strategy.start_year, strategy.vision_year, strategy.status) == (
        "Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số",
        2021,
        2030,
        StrategyStatus.DRAFT,
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        strategy.name = "changed"  # type: ignore[misc]
    assert records.strategy(store, ids.strategy + 50) is None
    department = records.unit(store, ids.department)
    assert department is not None and department.parent_id == ids.ministry
    plan = records.action_plan(store, ids.plan)
    assert plan is not None and (plan.start, plan.end) == (D(2025, 1, 1), D(2025, 12, 31))


def test_an_indicators_targets_come_by_year_and_its_values_oldest_first(store: OpenPlan) -> None:
    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Chính phủ số").id)
    indicator = new_id(create_indicator(store, goal_id=goal, code="CT1", name="Dịch vụ công trực tuyến").id)
    set_indicator_target(store, indicator, 2025, 80)
    set_indicator_target(store, indicator, 2023, 50)
    record_indicator_value(store, indicator, D(2024, 6, 30), 60, "Báo cáo")
    record_indicator_value(store, indicator, D(2023, 12, 31), 45)
    assert [(target.year, target.value) for target in records.targets_of(store, indicator)] == [
        (2023, 50),
        (2025, 80),
    ]
    assert [(value.as_of, value.value, value.source) for value in records.values_of(store, indicator)] == [
        (D(2023, 12, 31), 45, None),
        (D(2024, 6, 30), 60, "Báo cáo"),
    ]


def test_a_tasks_predecessors_are_named_by_number_and_name(store: OpenPlan) -> None:
    ids = basics(store)
    before = task(store, ids.plan, "Khảo sát", code="1")
    unnumbered = task(store, ids.plan, "Thiết kế")
    after = task(store, ids.plan, "Triển khai")
    edits.add_dependency(store, before, after)
    edits.add_dependency(store, unnumbered, after, type=DependencyType.SS, lag_days=2)
    found = records.predecessors_of(store, after)
    assert [(link.predecessor, link.type, link.lag_days) for link in found] == [
        ("1 Khảo sát", DependencyType.FS, 0),
        ("Thiết kế", DependencyType.SS, 2),
    ]
    assert records.predecessors_of(store, before) == []


def test_risks_budget_lines_and_goals_belong_to_their_owner(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    add_risk(store, task_id=work, text="Thiếu nhân lực")
    add_risk(store, plan_id=ids.plan, text="Chậm vốn")
    add_budget_line(store, work, source=FundingSource.ODA, year=2025, planned=1_000)
    create_goal(store, ids.strategy, code="2", text="Kinh tế số")
    create_goal(store, ids.strategy, code="1", text="Chính phủ số", position=0)
    assert [risk.text for risk in records.risks_of(store, "task_id", work)] == ["Thiếu nhân lực"]
    assert [risk.text for risk in records.risks_of(store, "plan_id", ids.plan)] == ["Chậm vốn"]
    assert [(line.source, line.planned) for line in records.budget_lines_of(store, work)] == [
        (FundingSource.ODA, 1_000)
    ]
    assert [goal.code for goal in records.goals_of(store, ids.strategy)] == ["1", "2"]


def test_a_strategy_chooses_among_sedps_and_their_indicators_only(store: OpenPlan) -> None:
    ids = basics(store)
    sedp = new_id(
        create_sedp(store, name="KHPTKTXH 2021-2025", unit_id=ids.ministry, start_year=2021, end_year=2025).id
    )
    sedp_indicator = new_id(create_indicator(store, sedp_id=sedp, code="KT1", name="Tỷ trọng kinh tế số").id)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Chính phủ số").id)
    create_indicator(store, goal_id=goal, code="CT1", name="Dịch vụ công")
    assert records.sedp_choices(store) == [(sedp, "KHPTKTXH 2021-2025")]
    assert records.sedp_indicator_choices(store) == [(sedp_indicator, "KT1 Tỷ trọng kinh tế số")]


def test_a_task_to_link_is_found_by_its_number_else_by_part_of_its_name(store: OpenPlan) -> None:
    ids = basics(store)
    survey = task(store, ids.plan, "Khảo sát hiện trạng", code="1.2")
    design = task(store, ids.plan, "Thiết kế kiến trúc", code="12")
    build = task(store, ids.plan, "Xây dựng kiến trúc")
    assert [found.id for found in records.tasks_called(store, build, "12")] == [design]  # not 1.2
    assert [found.id for found in records.tasks_called(store, build, "khao sat")] == [survey]
    # Two tasks match, but the task asking is never its own predecessor.
    assert [found.id for found in records.tasks_called(store, build, "kien truc")] == [design]
    assert records.tasks_called(store, build + 100, "12") == []


def test_unit_names_come_by_name(store: OpenPlan) -> None:
    ids = basics(store)
    assert [unit.id for unit in records.unit_names(store)] == [ids.ministry, ids.department]
