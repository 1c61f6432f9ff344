"""Indicators fed by the estate: the figures on a day, the offers, their confirmation, the dashboard."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from sqlmodel import select

from dxplanner.core.dashboard import DashboardFilter, IndicatorData
from dxplanner.core.enums import (
    DataLinkVia,
    EffectKind,
    EstateMeasure,
    EstateStatus,
    Hosting,
    ServiceLevel,
    SystemKind,
    TaskStatus,
)
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_indicators import LinkFacts, ServiceFacts, SystemFacts, estate_figures
from dxplanner.core.models import DataLink, Indicator, PublicService, System, TaskEffect
from dxplanner.services import records
from dxplanner.services.estate_indicators import confirm_measured, measured_offers
from dxplanner.store.dashboard_data import DashboardReader
from dxplanner.store.operations.goals import create_goal
from dxplanner.store.operations.indicators import create_indicator, record_indicator_value
from dxplanner.store.operations.tasks import update_task
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import Basics, basics, new_id, task
from tests.unit.builders import add_record as add

D = datetime.date
TODAY = D(2025, 6, 2)
RUNNING, RETIRED = EstateStatus.RUNNING, EstateStatus.RETIRED
FULL, PARTIAL = ServiceLevel.FULL_PROCESS_ONLINE, ServiceLevel.PARTIAL_ONLINE


def test_the_figures_count_what_stands_on_the_day() -> None:
    systems = [
        SystemFacts(1, SystemKind.INFRASTRUCTURE, RUNNING, Hosting.PROVINCIAL_DATA_CENTRE, True),
        SystemFacts(2, SystemKind.APPLICATION, RUNNING, Hosting.PROVINCIAL_DATA_CENTRE, True),
        SystemFacts(3, SystemKind.DATABASE, RUNNING, Hosting.OWN_SERVER_ROOM, False),
        SystemFacts(4, SystemKind.PORTAL, RUNNING, None, False),
        SystemFacts(5, SystemKind.APPLICATION, RETIRED, Hosting.OWN_SERVER_ROOM, False),
    ]
    services = [
        ServiceFacts(RUNNING, FULL, True),
        ServiceFacts(RUNNING, PARTIAL, True),
        ServiceFacts(RUNNING, None, False),
        ServiceFacts(RETIRED, FULL, True),
    ]
    links = [
        LinkFacts(2, 3, DataLinkVia.LGSP, RUNNING),
        LinkFacts(3, 4, DataLinkVia.DIRECT, RUNNING),
        LinkFacts(4, 2, DataLinkVia.NDXP, EstateStatus.PLANNED),
        LinkFacts(5, 2, DataLinkVia.NDXP, RUNNING),  # a retired system is connected to nothing
    ]
    figures = estate_figures(systems, services, links)
    assert figures == {
        EstateMeasure.FULL_PROCESS_SERVICE_SHARE: pytest.approx(33.33),
        EstateMeasure.NATIONAL_PORTAL_SERVICE_SHARE: pytest.approx(66.67),
        EstateMeasure.SHARED_HOSTING_SHARE: pytest.approx(33.33),  # 2 of 2, 3, 4
        EstateMeasure.SECURITY_PLAN_SHARE: pytest.approx(50.0),  # 1 and 2 of 1-4
        EstateMeasure.PLATFORM_CONNECTED_COUNT: 2.0,
    }


def test_a_share_with_nothing_to_measure_is_no_figure() -> None:
    figures = estate_figures([], [], [])
    assert figures[EstateMeasure.FULL_PROCESS_SERVICE_SHARE] is None
    assert figures[EstateMeasure.SECURITY_PLAN_SHARE] is None
    assert figures[EstateMeasure.PLATFORM_CONNECTED_COUNT] == 0.0


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@dataclass(frozen=True)
class Services:
    """Four services of a strategy's plan, one of them raised to full-process online by a task."""

    ids: Basics
    indicator: int
    raising: int


def follow(store: PlanStore, indicator_id: int, measure: EstateMeasure) -> None:
    """Make the indicator follow an estate figure (setting it is the indicator form's, another helper's)."""
    with store.write() as session:
        indicator = session.get(Indicator, indicator_id)
        assert indicator is not None
        indicator.estate_measure = measure
        session.add(indicator)


@pytest.fixture
def services(store: PlanStore) -> Services:
    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Chính quyền số").id)
    indicator = new_id(
        create_indicator(
            store, goal_id=goal, code="1.1", name="Tỷ lệ dịch vụ công trực tuyến toàn trình", measure_unit="%"
        ).id
    )
    follow(store, indicator, EstateMeasure.FULL_PROCESS_SERVICE_SHARE)
    portal = add(store, System(name="Hệ thống thông tin giải quyết TTHC tỉnh", kind=SystemKind.PORTAL))
    levels = [FULL, PARTIAL, PARTIAL, ServiceLevel.INFORMATION]
    service_ids = [
        add(
            store,
            PublicService(code=f"1.00{number}", name=f"Thủ tục {number}", system_id=portal, level=level),
        )
        for number, level in enumerate(levels)
    ]
    raising = task(
        store,
        ids.plan,
        "Nâng cấp hai thủ tục hộ tịch lên toàn trình",
        planned_start=D(2025, 1, 2),
        planned_end=D(2025, 9, 30),
        status=TaskStatus.IN_PROGRESS,
        progress=60,
    )
    for service_id in service_ids[1:3]:
        add(
            store,
            TaskEffect(
                task_id=raising, effect=EffectKind.RAISES_LEVEL, service_id=service_id, service_level=FULL
            ),
        )
    return Services(ids, indicator, raising)


def dashboard_indicator(store: PlanStore, ids: Basics, as_of: datetime.date = TODAY) -> IndicatorData:
    with store.read() as session:
        data = DashboardReader(lambda: TODAY).read(session, DashboardFilter(ids.strategy, as_of))
    (indicator,) = data.indicators
    return indicator


def test_marking_done_a_task_that_raises_services_moves_the_dashboards_figure(
    store: PlanStore, services: Services
) -> None:
    before = dashboard_indicator(store, services.ids)
    assert (before.estate_figure, before.in_year(2025).value) == (25.0, 25.0)
    update_task(store, services.raising, status=TaskStatus.COMPLETED, progress=100, actual_end=D(2025, 6, 1))
    after = dashboard_indicator(store, services.ids)
    assert (after.estate_figure, after.in_year(2025).value) == (75.0, 75.0)


def test_the_dashboard_forecasts_the_figure_on_a_later_day(store: PlanStore, services: Services) -> None:
    assert dashboard_indicator(store, services.ids, D(2025, 9, 29)).estate_figure == 25.0
    assert dashboard_indicator(store, services.ids, D(2025, 9, 30)).estate_figure == 75.0


def test_a_value_a_person_recorded_for_the_day_or_later_is_not_overruled(
    store: PlanStore, services: Services
) -> None:
    record_indicator_value(store, services.indicator, TODAY, 40.0, "Báo cáo của Sở")
    shown = dashboard_indicator(store, services.ids)
    assert (shown.estate_figure, shown.in_year(2025).value) == (None, 40.0)
    record_indicator_value(store, services.indicator, TODAY, None)
    record_indicator_value(store, services.indicator, D(2025, 5, 31), 40.0, "Báo cáo của Sở")
    older = dashboard_indicator(store, services.ids)
    assert (older.estate_figure, older.in_year(2025).value) == (25.0, 25.0)


def test_the_figure_is_offered_and_confirmed_as_a_value_from_the_estate(
    store: PlanStore, services: Services
) -> None:
    (offer,) = measured_offers(store, D(2025, 12, 31), strategy_id=services.ids.strategy, today=lambda: TODAY)
    assert (offer.indicator_id, offer.measure, offer.value, offer.confirmed, offer.is_new) == (
        services.indicator,
        EstateMeasure.FULL_PROCESS_SERVICE_SHARE,
        75.0,
        None,
        True,
    )
    confirm_measured(store, services.indicator, D(2025, 12, 31), today=lambda: TODAY)
    (value,) = records.values_of(store, services.indicator)
    assert (value.as_of, value.value) == (D(2025, 12, 31), 75.0)
    assert value.source is not None and "31/12/2025" in value.source
    (again,) = measured_offers(store, D(2025, 12, 31), today=lambda: TODAY)
    assert (again.confirmed, again.is_new) == (75.0, False)


def test_an_indicator_that_follows_no_figure_is_refused_and_nothing_changes(
    store: PlanStore, services: Services
) -> None:
    follow(store, services.indicator, None)  # type: ignore[arg-type]
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="does not follow"):
        confirm_measured(store, services.indicator, TODAY, today=lambda: TODAY)
    assert snapshot(store) == before
    assert measured_offers(store, TODAY, today=lambda: TODAY) == []


def test_a_figure_with_nothing_to_measure_is_refused(store: PlanStore, services: Services) -> None:
    follow(store, services.indicator, EstateMeasure.SECURITY_PLAN_SHARE)  # there are no running systems
    with store.write() as session:
        for system in session.exec(select(System)):
            system.status = EstateStatus.PLANNED
            session.add(system)
    (offer,) = measured_offers(store, TODAY, today=lambda: TODAY)
    assert (offer.value, offer.is_new) == (None, False)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="nothing yet to measure"):
        confirm_measured(store, services.indicator, TODAY, today=lambda: TODAY)
    assert snapshot(store) == before


def test_the_platform_count_follows_a_link_connected_by_a_done_task(
    store: PlanStore, services: Services
) -> None:
    follow(store, services.indicator, EstateMeasure.PLATFORM_CONNECTED_COUNT)
    registry = add(store, System(name="Cơ sở dữ liệu hộ tịch", kind=SystemKind.DATABASE))
    portal = add(store, System(name="Cổng dịch vụ công tỉnh", kind=SystemKind.PORTAL))
    link = add(
        store,
        DataLink(
            from_system_id=registry, to_system_id=portal, via=DataLinkVia.LGSP, status=EstateStatus.PLANNED
        ),
    )
    connect = task(
        store, services.ids.plan, "Kết nối qua LGSP", planned_start=D(2025, 1, 2), planned_end=D(2025, 5, 30)
    )
    add(store, TaskEffect(task_id=connect, effect=EffectKind.CONNECTS, data_link_id=link))
    assert dashboard_indicator(store, services.ids).estate_figure == 0.0
    update_task(store, connect, status=TaskStatus.COMPLETED, progress=100)
    assert dashboard_indicator(store, services.ids).estate_figure == 2.0
