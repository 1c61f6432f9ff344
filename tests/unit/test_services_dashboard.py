"""The dashboard service: the choices to filter by, and the numbers kept until the file is said to change."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from dxplanner.core.dashboard import DashboardFilter
from dxplanner.core.enums import FundingSource, ProgressWeight
from dxplanner.core.errors import NotFoundError
from dxplanner.services import edits
from dxplanner.services.dashboard import Dashboard, ReadAhead, dashboard_choices
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.operations.plans import create_plan
from dxplanner.store.operations.progress import report_progress
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@pytest.fixture
def demo_store(demo_plan_store: PlanStore) -> PlanStore:
    """The demo plan, in a plan file and on the PostgreSQL server."""
    return demo_plan_store


D = datetime.date
AS_OF = D(2025, 12, 31)
SPAN: dict[str, Any] = {"planned_start": D(2025, 3, 3), "planned_end": D(2025, 3, 14)}


def test_the_choices_are_the_strategys_plans_by_start_and_every_unit(store: OpenPlan) -> None:
    ids = basics(store)
    earlier = new_id(
        create_plan(
            store,
            name="KH 2024",
            unit_id=ids.ministry,
            strategy_id=ids.strategy,
            start=D(2024, 1, 1),
            end=D(2024, 12, 31),
        ).id
    )
    create_plan(store, name="KH riêng", unit_id=ids.ministry, start=D(2025, 1, 1), end=D(2025, 12, 31))
    choices = dashboard_choices(store, ids.strategy)
    assert [(plan.id, plan.name) for plan in choices.plans] == [
        (earlier, "KH 2024"),
        (ids.plan, "Kế hoạch triển khai năm 2025"),
    ]
    assert [unit.id for unit in choices.units] == [ids.ministry, ids.department]


def test_numbers_are_kept_until_forgotten_then_read_again(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", **SPAN)
    task(store, ids.plan, "Việc khác", **SPAN)
    dashboard = Dashboard(lambda: D(2026, 1, 15))
    chosen = DashboardFilter(ids.strategy, AS_OF, plan_id=ids.plan)
    assert dashboard.read(store, chosen).progress.actual_now == pytest.approx(0.0)
    report_progress(store, [work], as_of=D(2025, 3, 14), progress=100)
    # What a change of filter costs is only the sums: the tasks read before are kept...
    assert dashboard.read(store, chosen).progress.actual_now == pytest.approx(0.0)
    dashboard.forget()  # ...until the caller says the file changed.
    assert dashboard.read(store, chosen).progress.actual_now == pytest.approx(50.0)


def test_a_unit_that_is_not_there_is_refused_with_a_message(store: OpenPlan) -> None:
    ids = basics(store)
    task(store, ids.plan, "Việc", **SPAN)
    with pytest.raises(NotFoundError, match=f"There is no unit with id {ids.department + 40}"):
        Dashboard().read(store, DashboardFilter(ids.strategy, AS_OF, unit_id=ids.department + 40))


def test_the_demo_dashboard_reads_every_chart(demo_store: OpenPlan) -> None:
    strategy = dashboard_choices(demo_store, 1)
    assert strategy.plans
    data = Dashboard().read(demo_store, DashboardFilter(1, D(2025, 6, 30)))
    assert data.progress.dates and data.units and data.indicators


def test_numbers_kept_overnight_are_read_again_for_the_new_day(store: OpenPlan) -> None:
    ids = basics(store)
    # Progress typed in the sheet, with no report: it counts from the day it is looked at (today).
    task(store, ids.plan, "Việc", planned_start=D(2025, 1, 1), planned_end=D(2025, 1, 31), progress=100)
    days = [D(2025, 2, 3)]
    dashboard = Dashboard(lambda: days[-1])
    chosen = DashboardFilter(ids.strategy, D(2025, 2, 3), plan_id=ids.plan)
    assert not dashboard.read(store, chosen).attention
    days.append(D(2025, 2, 4))  # the window stayed open overnight: on the 3rd, nothing was reported
    assert [item.name for item in dashboard.read(store, chosen).attention] == ["Việc"]


def test_a_plan_weighed_by_money_draws_its_curves_by_money_beside_plans_weighed_by_days(
    store: OpenPlan,
) -> None:
    ids = basics(store)
    dear = task(store, ids.plan, "Đắt", **SPAN)
    cheap = task(store, ids.plan, "Rẻ", **SPAN)
    add_budget_line(store, dear, source=FundingSource.CENTRAL_BUDGET, year=2025, planned=9_000_000)
    add_budget_line(store, cheap, source=FundingSource.CENTRAL_BUDGET, year=2025, planned=1_000_000)
    edits.update_plan(store, ids.plan, progress_weight=ProgressWeight.BUDGET)
    by_days = new_id(
        create_plan(store, name="KH 2026", unit_id=ids.ministry, strategy_id=ids.strategy,
                    start=D(2026, 1, 1), end=D(2026, 12, 31)).id
    )  # fmt: skip
    task(store, by_days, "Việc", planned_start=D(2026, 3, 2), planned_end=D(2026, 3, 13))
    report_progress(store, [dear], as_of=D(2025, 3, 14), progress=100)
    dashboard = Dashboard(lambda: D(2026, 1, 15))
    # The whole strategy first, weighed by working days: what is kept for it must not weigh the plan.
    dashboard.read(store, DashboardFilter(ids.strategy, AS_OF))
    chosen = DashboardFilter(ids.strategy, AS_OF, plan_id=ids.plan)
    assert Dashboard(lambda: D(2026, 1, 15)).read(store, chosen).progress.actual_now == pytest.approx(90.0)
    assert dashboard.read(store, chosen).progress.actual_now == pytest.approx(90.0)


def test_numbers_read_ahead_hold_until_the_file_is_written(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", **SPAN)
    ahead = ReadAhead(store, ids.strategy)
    assert not ahead.still_true()  # nothing read yet
    ahead.run()
    assert ahead.still_true()
    assert ahead.numbers.read(store, DashboardFilter(ids.strategy, datetime.date.today())).units
    report_progress(store, [work], as_of=D(2025, 3, 14), progress=100)
    assert not ahead.still_true()  # read before the report: the dashboard reads again


def test_a_file_others_may_change_is_not_read_ahead(demo_path: Path) -> None:
    # Open read-only, the file is another window's to change: numbers read ahead could be stale.
    for read_only, worth_it in ((True, False), (False, True)):
        store = open_plan_file(demo_path, read_only=read_only)
        try:
            assert ReadAhead.worth_it(store) is worth_it
        finally:
            store.close()
