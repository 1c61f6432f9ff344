"""The navigator service: the tree of strategies, plans, goals, indicators, SEDPs and units of a plan file."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.services.navigator import UnitNode, navigator_tree
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store import queries
from dxplanner.store.operations.goals import create_goal
from dxplanner.store.operations.indicators import create_indicator
from dxplanner.store.operations.plans import create_plan
from dxplanner.store.operations.strategies import create_sedp, create_strategy
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import basics, new_id


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@pytest.fixture
def demo_store(demo_plan_store: PlanStore) -> PlanStore:
    """The demo plan, in a plan file and on the PostgreSQL server."""
    return demo_plan_store


D = datetime.date


def test_strategies_hold_their_plans_and_their_goal_tree_with_indicators(store: OpenPlan) -> None:
    ids = basics(store)
    later = new_id(
        create_strategy(
            store, name="Chiến lược 2026-2030", unit_id=ids.ministry, start_year=2026, end_year=2030
        ).id
    )
    top = new_id(create_goal(store, ids.strategy, code="1", text="Chính phủ số").id)
    below = new_id(create_goal(store, ids.strategy, parent_id=top, code="1.1", text="Dịch vụ công").id)
    indicator = new_id(
        create_indicator(store, goal_id=below, code="CT1", name="Tỷ lệ hồ sơ", measure_unit="%").id
    )
    early = new_id(
        create_plan(
            store,
            name="KH 2024",
            unit_id=ids.ministry,
            strategy_id=ids.strategy,
            start=D(2024, 1, 1),
            end=D(2024, 12, 31),
        ).id
    )
    tree = navigator_tree(store)
    assert [strategy.id for strategy in tree.strategies] == [ids.strategy, later]  # oldest period first
    first = tree.strategies[0]
    assert (first.start_year, first.end_year) == (2021, 2025)
    assert [plan.id for plan in first.plans] == [early, ids.plan]  # by start
    assert [(goal.id, goal.code) for goal in first.goals] == [(top, "1")]
    assert [goal.id for goal in first.goals[0].goals] == [below]
    shown = first.goals[0].goals[0].indicators[0]
    assert (shown.id, shown.code, shown.measure_unit) == (indicator, "CT1", "%")
    assert tree.strategies[1].plans == () and tree.strategies[1].goals == ()


def test_plans_of_no_strategy_and_sedps_with_their_indicators(store: OpenPlan) -> None:
    ids = basics(store)
    loose = new_id(
        create_plan(store, name="KH riêng", unit_id=ids.ministry, start=D(2025, 1, 1), end=D(2025, 6, 30)).id
    )
    sedp = new_id(
        create_sedp(store, name="KHPTKTXH", unit_id=ids.ministry, start_year=2021, end_year=2025).id
    )
    second = new_id(create_indicator(store, sedp_id=sedp, code="KT2", name="Năng suất").id)
    first = new_id(create_indicator(store, sedp_id=sedp, code="KT1", name="Kinh tế số").id)
    tree = navigator_tree(store)
    assert [plan.id for plan in tree.loose_plans] == [loose]
    assert [plan.id for plan in tree.strategies[0].plans] == [ids.plan]
    assert [(each.id, [item.id for item in each.indicators]) for each in tree.sedps] == [
        (sedp, [first, second])
    ]
    assert tree.strategies[0].goals == ()  # a SEDP's indicators are not a strategy's


def test_units_form_a_tree_by_name(store: OpenPlan) -> None:
    ids = basics(store)
    other = new_id(create_unit(store, code="BCĐ", name="Ban Chỉ đạo", short_name="BCĐ").id)

    def flat(units: tuple[UnitNode, ...]) -> list[tuple[int, list[int]]]:
        return [(unit.id, [below.id for below in unit.units]) for unit in units]

    tree = navigator_tree(store)
    assert flat(tree.units) == [(other, []), (ids.ministry, [ids.department])]
    assert tree.units[0].short_name == "BCĐ"


def test_the_demo_file_shows_every_strategy_plan_and_unit_once(demo_store: OpenPlan) -> None:
    tree = navigator_tree(demo_store)
    plans = [plan.id for strategy in tree.strategies for plan in strategy.plans] + [
        plan.id for plan in tree.loose_plans
    ]
    assert plans and len(plans) == len(set(plans))

    def count(units: tuple[UnitNode, ...]) -> int:
        return sum(1 + count(unit.units) for unit in units)

    with demo_store.read() as read:
        assert count(tree.units) == len(queries.unit_names(read))
        assert len(plans) == sum(len(queries.plans(read, strategy.id)) for strategy in tree.strategies) + len(
            queries.plans(read, None)
        )
