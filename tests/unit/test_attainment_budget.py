"""Indicators against their targets, and money totals by source, year, unit and plan."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxplanner.core.attainment import AttainmentStatus, IndicatorFacts, attainment, target_for
from dxplanner.core.budget import BudgetFact, Money, by_plan, by_source, by_unit, by_year, grand_total
from dxplanner.core.enums import Direction, FundingSource

D = datetime.date
ONLINE_SERVICES = IndicatorFacts(  # level-4 online services, % (Decision 942/QĐ-TTg: 100% by 2025)
    Direction.INCREASE,
    targets={2023: 70, 2025: 100},
    values=[(D(2024, 6, 30), 71), (D(2024, 12, 31), 82), (D(2025, 12, 31), 100)],
    baseline_value=30,
    baseline_year=2020,
)
EGDI_RANK = IndicatorFacts(Direction.DECREASE, targets={2025: 50}, values=[(D(2024, 9, 1), 71)])


def test_a_value_against_the_target_of_its_year() -> None:
    result = attainment(ONLINE_SERVICES, 2025)
    assert (result.value, result.target, result.percent_of_target, result.status) == (
        100,
        100,
        100,
        AttainmentStatus.MET,
    )


def test_the_newest_value_of_the_year_up_to_the_date_counts() -> None:
    assert attainment(ONLINE_SERVICES, 2024).value == 82
    assert attainment(ONLINE_SERVICES, 2024, as_of=D(2024, 7, 1)).measured_on == D(2024, 6, 30)


def test_a_year_without_its_own_target_reads_one_between_its_neighbours() -> None:
    result = attainment(ONLINE_SERVICES, 2024)
    assert (result.target, result.target_interpolated) == (85, True)
    assert result.percent_of_target == pytest.approx(100 * 82 / 85)
    assert result.status is AttainmentStatus.ON_TRACK
    # Before the first target, the baseline anchors the line: 2020 -> 30, 2023 -> 70.
    target, interpolated = target_for(ONLINE_SERVICES, 2022)
    assert target == pytest.approx(30 + 2 * 40 / 3) and interpolated


def test_an_indicator_with_no_target_for_the_year() -> None:
    result = attainment(ONLINE_SERVICES, 2027)
    assert (result.target, result.percent_of_target, result.status) == (
        None,
        None,
        AttainmentStatus.NO_TARGET,
    )
    no_targets = IndicatorFacts(
        Direction.INCREASE, targets={}, values=[(D(2025, 1, 1), 5)], baseline_value=1, baseline_year=2020
    )
    assert attainment(no_targets, 2023).status is AttainmentStatus.NO_TARGET


def test_an_indicator_with_a_target_but_no_value() -> None:
    assert attainment(ONLINE_SERVICES, 2023).status is AttainmentStatus.NO_VALUE


def test_lower_is_better_for_a_rank() -> None:
    result = attainment(EGDI_RANK, 2024)
    assert result.status is AttainmentStatus.NO_TARGET  # no 2024 target and nothing before it
    ranked = attainment(IndicatorFacts(Direction.DECREASE, {2024: 50}, [(D(2024, 9, 1), 71)]), 2024)
    assert ranked.percent_of_target == pytest.approx(100 * 50 / 71)
    assert ranked.status is AttainmentStatus.BEHIND
    better = attainment(IndicatorFacts(Direction.DECREASE, {2024: 50}, [(D(2024, 9, 1), 46)]), 2024)
    assert better.status is AttainmentStatus.MET


@given(st.floats(0.1, 1e6), st.floats(0.1, 1e6), st.sampled_from(list(Direction)))
def test_met_exactly_when_the_value_reaches_the_target(
    value: float, target: float, direction: Direction
) -> None:
    result = attainment(IndicatorFacts(direction, {2025: target}, [(D(2025, 6, 1), value)]), 2025)
    reached = value >= target if direction is Direction.INCREASE else value <= target
    assert (result.status is AttainmentStatus.MET) == reached or result.percent_of_target == pytest.approx(
        100
    )


LINES = [
    BudgetFact(1, 10, 100, FundingSource.CENTRAL_BUDGET, 2024, 5_000_000_000, 4_000_000_000, 3_000_000_000),
    BudgetFact(1, 10, 100, FundingSource.LOCAL_BUDGET, 2025, 2_000_000_000, 2_000_000_000, 500_000_000),
    BudgetFact(2, 11, None, FundingSource.CENTRAL_BUDGET, 2025, 1_000_000_000, 0, 0),
]


def test_money_totals() -> None:
    assert by_source(LINES)[FundingSource.CENTRAL_BUDGET] == Money(
        6_000_000_000, 4_000_000_000, 3_000_000_000
    )
    assert by_year(LINES)[2025] == Money(3_000_000_000, 2_000_000_000, 500_000_000)
    assert by_unit(LINES)[None] == Money(1_000_000_000, 0, 0)
    assert by_plan(LINES)[10].disbursed_share == pytest.approx(100 * 3.5 / 6)
    assert grand_total(LINES) == Money(8_000_000_000, 6_000_000_000, 3_500_000_000)
    assert grand_total([]) == Money() and Money().disbursed_share is None


money = st.integers(0, 10**15)


@given(
    st.lists(
        st.builds(
            BudgetFact,
            task_id=st.integers(1, 5),
            plan_id=st.integers(1, 3),
            lead_unit_id=st.none() | st.integers(1, 4),
            source=st.sampled_from(list(FundingSource)),
            year=st.integers(2021, 2026),
            planned=money,
            allocated=money,
            disbursed=money,
        ),
        max_size=40,
    )
)
def test_every_breakdown_adds_up_to_the_grand_total(lines: list[BudgetFact]) -> None:
    total = grand_total(lines)
    for breakdown in (by_source, by_year, by_unit, by_plan):
        assert sum(breakdown(lines).values(), Money()) == total


def test_a_strategy_value_against_the_socio_economic_plans_target() -> None:
    digital_economy = IndicatorFacts(Direction.INCREASE, {2025: 20}, [(D(2025, 12, 31), 18.3)])
    sedp = IndicatorFacts(Direction.INCREASE, {2025: 20, 2030: 30}, [])
    own = attainment(digital_economy, 2025)
    national = attainment(digital_economy, 2025, targets_from=sedp)
    assert (national.value, national.target) == (18.3, 20)
    assert national.percent_of_target == pytest.approx(91.5) == own.percent_of_target
    assert attainment(digital_economy, 2028, targets_from=sedp).target == pytest.approx(26)


@pytest.mark.parametrize(
    ("direction", "target", "value", "status"),
    [
        (Direction.DECREASE, 0, 0, AttainmentStatus.MET),  # no security incidents, as targeted
        (Direction.DECREASE, 0, 3, AttainmentStatus.BEHIND),
        (Direction.INCREASE, 0, 0, AttainmentStatus.MET),
        (Direction.INCREASE, -2, -1, AttainmentStatus.MET),  # a shrinking that stayed above the floor
        (Direction.INCREASE, 2, -1, AttainmentStatus.BEHIND),
    ],
)
def test_zero_and_negative_targets(
    direction: Direction, target: float, value: float, status: AttainmentStatus
) -> None:
    result = attainment(IndicatorFacts(direction, {2025: target}, [(D(2025, 6, 1), value)]), 2025)
    assert result.status is status
