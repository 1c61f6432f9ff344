"""Operations on socio-economic plans, strategies, goals and indicators with targets and values."""

from __future__ import annotations

import datetime

import pytest
from sqlmodel import col, select

from dxplanner.core.enums import Area, Direction, Pillar
from dxplanner.core.errors import ConflictError, DomainError, InvalidInputError
from dxplanner.core.models import Goal, Indicator, IndicatorTarget, IndicatorValue, Strategy
from dxplanner.store.operations.goals import create_goal, delete_goal, move_goal, update_goal
from dxplanner.store.operations.indicators import (
    create_indicator,
    delete_indicator,
    move_indicator_target,
    move_indicator_value,
    record_indicator_value,
    set_indicator_target,
    update_indicator,
)
from dxplanner.store.operations.strategies import (
    create_sedp,
    create_strategy,
    delete_sedp,
    delete_strategy,
    update_sedp,
    update_strategy,
)
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import basics, new_id


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


def test_a_strategy_serves_a_socio_economic_plan(store: PlanStore) -> None:
    ids = basics(store)
    sedp = new_id(
        create_sedp(
            store,
            name="Kế hoạch phát triển KT-XH 2021-2025",
            unit_id=ids.ministry,
            start_year=2021,
            end_year=2025,
        ).id
    )
    update_strategy(
        store,
        ids.strategy,
        sedp_id=sedp,
        decision_no="942/QĐ-TTg",
        decision_date=datetime.date(2021, 6, 15),
        status="in_progress",
    )
    with store.read() as session:
        strategy = session.get(Strategy, ids.strategy)
        assert strategy is not None and (strategy.sedp_id, strategy.decision_no) == (sedp, "942/QĐ-TTg")
    update_sedp(store, sedp, end_year=2026)
    delete_sedp(store, sedp)
    with store.read() as session:
        strategy = session.get(Strategy, ids.strategy)
        assert strategy is not None and strategy.sedp_id is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start_year": 2025, "end_year": 2021}, "the end year 2021 is before the start year 2025"),
        ({"vision_year": 2024}, "vision year 2024 comes before the end of the strategy"),
        ({"unit_id": 555}, "Unit #555 does not exist"),
        ({"sedp_id": 8}, "Socio-economic plan #8 does not exist"),
        ({"status": "ratified"}, "Status cannot be 'ratified'"),
        ({"decision_date": "15/06/2021"}, "Decision date must be a date"),
        ({"start_year": 20250}, "Start year must be between 1900 and 2200"),
    ],
)
def test_invalid_strategies_are_refused(store: PlanStore, fields: dict[str, object], message: str) -> None:
    ids = basics(store)
    before = snapshot(store)
    with pytest.raises(DomainError, match=message):
        update_strategy(store, ids.strategy, **fields)
    assert snapshot(store) == before


def test_a_strategy_with_plans_cannot_be_deleted(store: PlanStore) -> None:
    ids = basics(store)
    before = snapshot(store)
    with pytest.raises(ConflictError, match="still has 1 action plans"):
        delete_strategy(store, ids.strategy)
    assert snapshot(store) == before


def test_deleting_a_strategy_takes_its_goals_and_indicators(store: PlanStore) -> None:
    ids = basics(store)
    bare = new_id(
        create_strategy(
            store, name="Chiến lược dữ liệu", unit_id=ids.ministry, start_year=2026, end_year=2030
        ).id
    )
    goal = new_id(create_goal(store, bare, code="1", text="Dữ liệu mở").id)
    create_indicator(store, goal_id=goal, code="KPI-1", name="Số bộ dữ liệu mở")
    delete_strategy(store, bare)
    state = snapshot(store)
    assert state["goal"] == [] and state["indicator"] == []


def test_goals_nest_keep_their_order_and_move(store: PlanStore) -> None:
    ids = basics(store)
    first = new_id(create_goal(store, ids.strategy, code="1", text="Kiến trúc", area="architecture").id)
    second = new_id(create_goal(store, ids.strategy, code="2", text="Hạ tầng", area="infrastructure").id)
    child = new_id(
        create_goal(store, ids.strategy, parent_id=first, code="1.1", text="Khung kiến trúc 3.0").id
    )
    update_goal(store, second, pillar="digital_economy")
    move_goal(store, child, parent_id=None, position=0)
    with store.read() as session:
        top = session.exec(
            select(Goal.code).where(col(Goal.parent_id).is_(None)).order_by(col(Goal.position))
        ).all()
        assert top == ["1.1", "1", "2"]
        moved = session.get(Goal, second)
        assert moved is not None and (moved.pillar, moved.area) == (
            Pillar.DIGITAL_ECONOMY,
            Area.INFRASTRUCTURE,
        )
    delete_goal(store, first)
    with store.read() as session:
        assert session.exec(select(Goal.code).order_by(col(Goal.position))).all() == ["1.1", "2"]


def test_invalid_goals_are_refused(store: PlanStore) -> None:
    ids = basics(store)
    parent = new_id(create_goal(store, ids.strategy, code="1", text="Nền tảng").id)
    child = new_id(create_goal(store, ids.strategy, parent_id=parent, code="1.1", text="LGSP").id)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="already has a goal with the code 1"):
        create_goal(store, ids.strategy, code="1", text="Trùng mã")
    with pytest.raises(InvalidInputError, match="under itself or one of its own sub-goals"):
        move_goal(store, parent, parent_id=child)
    with pytest.raises(InvalidInputError, match="Area cannot be 'cloud'"):
        update_goal(store, parent, area="cloud")
    assert snapshot(store) == before


def test_indicators_with_targets_and_values(store: PlanStore) -> None:
    ids = basics(store)
    sedp = new_id(
        create_sedp(store, name="KH KT-XH", unit_id=ids.ministry, start_year=2021, end_year=2025).id
    )
    national = new_id(
        create_indicator(
            store, sedp_id=sedp, code="KT-1", name="Tỷ trọng kinh tế số trong GDP", measure_unit="% GDP"
        ).id
    )
    goal = new_id(create_goal(store, ids.strategy, code="5", text="Dịch vụ công trực tuyến").id)
    indicator = new_id(
        create_indicator(
            store,
            goal_id=goal,
            code="CT-1",
            name="Tỷ lệ DVC trực tuyến toàn trình",
            measure_unit="%",
            baseline_value=30,
            baseline_year=2020,
            sedp_indicator_id=national,
        ).id
    )
    set_indicator_target(store, indicator, 2025, 80)
    set_indicator_target(store, indicator, 2025, 100)
    changes = set_indicator_target(store, indicator, 2024, 70)
    assert changes.previous == {"value": None}
    record_indicator_value(store, indicator, datetime.date(2024, 12, 31), 65.5, "Báo cáo Bộ TT&TT")
    update_indicator(store, indicator, direction="decrease")
    with store.read() as session:
        targets = session.exec(
            select(IndicatorTarget.year, IndicatorTarget.value).order_by(col(IndicatorTarget.year))
        ).all()
        assert [tuple(row) for row in targets] == [(2024, 70), (2025, 100)]
        measured = session.exec(select(IndicatorValue)).one()
        assert (measured.value, measured.source) == (65.5, "Báo cáo Bộ TT&TT")
        stored = session.get(Indicator, indicator)
        assert stored is not None and stored.direction is Direction.DECREASE
    set_indicator_target(store, indicator, 2024, None)
    record_indicator_value(store, indicator, datetime.date(2024, 12, 31), None)
    with store.read() as session:
        assert session.exec(select(IndicatorTarget.year)).all() == [2025]
        assert session.exec(select(IndicatorValue)).all() == []
    delete_indicator(store, indicator)
    assert snapshot(store)["indicator_target"] == []


def test_targets_and_measured_values_move_to_another_year_or_date(store: PlanStore) -> None:
    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Số hóa hồ sơ").id)
    indicator = new_id(create_indicator(store, goal_id=goal, code="CT-2", name="Tỷ lệ hồ sơ số hóa").id)
    set_indicator_target(store, indicator, 2031, 90)
    set_indicator_target(store, indicator, 2025, 60)
    move_indicator_target(store, indicator, 2031, 2027)
    record_indicator_value(store, indicator, datetime.date(2026, 11, 28), 41.5, "Báo cáo quý")
    move_indicator_value(store, indicator, datetime.date(2026, 11, 28), datetime.date(2026, 9, 30))
    with store.read() as session:
        targets = session.exec(
            select(IndicatorTarget.year, IndicatorTarget.value).order_by(col(IndicatorTarget.year))
        )
        assert [tuple(row) for row in targets.all()] == [(2025, 60), (2027, 90)]
        measured = session.exec(select(IndicatorValue)).one()
        assert (measured.as_of, measured.value, measured.source) == (
            datetime.date(2026, 9, 30),
            41.5,
            "Báo cáo quý",
        )
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="already has a target for 2025"):
        move_indicator_target(store, indicator, 2027, 2025)
    with pytest.raises(InvalidInputError, match="Year must be between"):
        move_indicator_target(store, indicator, 2027, 20270)
    with pytest.raises(DomainError, match="no target for 2040"):
        move_indicator_target(store, indicator, 2040, 2041)
    record_indicator_value(store, indicator, datetime.date(2026, 12, 31), 50)
    after_second = snapshot(store)
    with pytest.raises(InvalidInputError, match="already has a value measured on 31/12/2026"):
        move_indicator_value(store, indicator, datetime.date(2026, 9, 30), datetime.date(2026, 12, 31))
    assert snapshot(store) == after_second
    assert before["indicator_target"] == after_second["indicator_target"]


def test_invalid_indicators_are_refused(store: PlanStore) -> None:
    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Dữ liệu").id)
    other_goal = new_id(create_goal(store, ids.strategy, code="2", text="Ứng dụng").id)
    indicator = new_id(create_indicator(store, goal_id=goal, code="D-1", name="CSDL quốc gia hoàn thành").id)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="either to a goal or to a socio-economic plan"):
        create_indicator(store, code="X", name="X")
    with pytest.raises(InvalidInputError, match="already has an indicator with the code D-1"):
        create_indicator(store, goal_id=other_goal, code="D-1", name="Trùng mã trong cùng chiến lược")
    with pytest.raises(InvalidInputError, match="only be linked to an indicator of a socio-economic plan"):
        update_indicator(store, indicator, sedp_indicator_id=indicator)
    with pytest.raises(InvalidInputError, match="Target must be a number"):
        set_indicator_target(store, indicator, 2025, "nhiều")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="Year must be between"):
        set_indicator_target(store, indicator, 25, 10)
    with pytest.raises(InvalidInputError, match="Date must be a date"):
        record_indicator_value(store, indicator, "2025-12-31", 10)  # type: ignore[arg-type]
    assert snapshot(store) == before


def test_only_strategy_indicators_link_to_socio_economic_indicators(store: PlanStore) -> None:
    ids = basics(store)
    sedp = new_id(
        create_sedp(store, name="KH KT-XH", unit_id=ids.ministry, start_year=2021, end_year=2025).id
    )
    national = new_id(create_indicator(store, sedp_id=sedp, code="KT-1", name="Kinh tế số/GDP").id)
    other = new_id(create_indicator(store, sedp_id=sedp, code="KT-2", name="Năng suất lao động").id)
    before = snapshot(store)
    for target in (national, other):
        with pytest.raises(InvalidInputError, match="Only an indicator of a strategy can be linked"):
            update_indicator(store, national, sedp_indicator_id=target)
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (10**400, "must be a finite number"),
        (float("inf"), "must be a finite number"),
        (float("nan"), "must be a finite number"),
        (True, "must be a number"),
    ],
)
def test_numbers_must_be_finite(store: PlanStore, value: object, message: str) -> None:
    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Dữ liệu").id)
    indicator = new_id(create_indicator(store, goal_id=goal, code="D-1", name="Bộ dữ liệu mở").id)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match=f"Baseline value {message}"):
        update_indicator(store, indicator, baseline_value=value)
    with pytest.raises(InvalidInputError, match=f"Target {message}"):
        set_indicator_target(store, indicator, 2025, value)  # type: ignore[arg-type]
    assert snapshot(store) == before


def test_deleting_a_strategy_or_goal_reports_what_went_with_it(store: PlanStore) -> None:
    from dxplanner.store.changes import Entity

    ids = basics(store)
    bare = new_id(
        create_strategy(store, name="Chiến lược số", unit_id=ids.ministry, start_year=2026, end_year=2030).id
    )
    top = new_id(create_goal(store, bare, code="1", text="Nền tảng").id)
    sub = new_id(create_goal(store, bare, parent_id=top, code="1.1", text="LGSP").id)
    indicator = new_id(create_indicator(store, goal_id=sub, code="N-1", name="Tỉnh có LGSP").id)
    changes = delete_goal(store, top)
    assert sorted(changes.deleted[Entity.GOAL]) == sorted([top, sub])
    assert changes.deleted[Entity.INDICATOR] == [indicator]
    again = new_id(create_goal(store, bare, code="2", text="Dữ liệu").id)
    changes = delete_strategy(store, bare)
    assert changes.deleted[Entity.STRATEGY] == [bare] and changes.deleted[Entity.GOAL] == [again]
