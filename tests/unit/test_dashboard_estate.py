"""The demo's dashboard follows its estate: a task that raises services, marked done, raises the figure."""

from __future__ import annotations

import datetime

import pytest
import sqlalchemy as sa
from sqlmodel import col, select

from dxplanner.core.dashboard import DashboardData, DashboardFilter
from dxplanner.core.enums import EstateMeasure, EstateStatus, ServiceLevel, TaskStatus
from dxplanner.core.models import Indicator
from dxplanner.services import edits
from dxplanner.services.dashboard import Dashboard
from dxplanner.services.estate_view import estate_map
from dxplanner.services.outline import sheet_rows
from dxplanner.services.progress_edits import agreeing_fields
from dxplanner.store.plan_store import PlanStore

TODAY = datetime.date(2026, 11, 20)
STRATEGY = 1
PLAN_2026 = 6
FULL = ServiceLevel.FULL_PROCESS_ONLINE


def read(store: PlanStore) -> DashboardData:
    """The dashboard as the page reads it: the whole strategy, on today."""
    return Dashboard(lambda: TODAY).read(store, DashboardFilter(strategy_id=STRATEGY, as_of=TODAY))


def figure(data: DashboardData, code: str) -> float | None:
    (indicator,) = [indicator for indicator in data.indicators if indicator.code == code]
    return indicator.estate_figure


def raising_task(store: PlanStore, plan_id: int) -> tuple[int, set[int]]:
    """The task of the plan, not done, that raises the most services to full-process online."""
    with store.read() as session:
        rows = session.connection().execute(
            sa.text(
                "SELECT e.task_id, e.service_id FROM task_effect AS e JOIN task AS t ON t.id = e.task_id"
                " WHERE e.effect = 'raises_level' AND e.service_level = :full AND t.plan_id = :plan"
                " AND t.status <> 'completed'"
            ),
            {"full": FULL.value, "plan": plan_id},
        )
        raised: dict[int, set[int]] = {}
        for task_id, service_id in rows:
            raised.setdefault(task_id, set()).add(service_id)
    task_id = max(raised, key=lambda found: len(raised[found]))
    return task_id, raised[task_id]


def mark_done(store: PlanStore, task_id: int) -> None:
    """As the sheet does when Done is chosen in the task's status cell."""
    row = sheet_rows(store, [task_id])[task_id]
    agreed = agreeing_fields(row, False, TaskStatus.COMPLETED)
    assert not isinstance(agreed, str), agreed
    fields, _notice = agreed
    edits.update_task(store, task_id, **fields)


def test_the_demo_has_indicators_that_follow_the_estate(demo_store: PlanStore) -> None:
    with demo_store.read() as session:
        following = {
            indicator.estate_measure: indicator.name
            for indicator in session.exec(select(Indicator).where(col(Indicator.estate_measure).is_not(None)))
        }
    assert following == {
        EstateMeasure.FULL_PROCESS_SERVICE_SHARE: "Tỷ lệ dịch vụ công trực tuyến toàn trình",
        EstateMeasure.SECURITY_PLAN_SHARE: (
            "Tỷ lệ hệ thống thông tin có phương án bảo đảm an toàn thông tin được phê duyệt"
        ),
        EstateMeasure.PLATFORM_CONNECTED_COUNT: "Số hệ thống kết nối LGSP/NDXP",
    }
    data = read(demo_store)
    shown = {item.code: item for item in data.indicators if item.estate_figure is not None}
    assert set(shown) == {"CT19", "CT20", "CT21"}
    for indicator in shown.values():
        # Targets for every year of the strategy, and a figure they can be held against.
        assert all(target is not None for target in indicator.targets)
        assert indicator.estate_figure is not None and indicator.estate_figure > 0


def test_a_task_raising_services_to_full_process_marked_done_raises_the_dashboards_figure(
    demo_store: PlanStore,
) -> None:
    shown = read(demo_store)
    before, others = figure(shown, "CT20"), (figure(shown, "CT19"), figure(shown, "CT21"))
    task_id, raised = raising_task(demo_store, PLAN_2026)
    services = [
        element
        for element in estate_map(demo_store, TODAY, today=lambda: TODAY).elements
        if element.table == "public_service" and element.status is not EstateStatus.RETIRED
    ]
    full = sum(1 for element in services if element.service_level is FULL)
    newly = sum(1 for item in services if item.record_id in raised and item.service_level is not FULL)
    assert newly >= 5, "the task raises services that are not yet full-process online"
    assert before == round(100 * full / len(services), 2)

    mark_done(demo_store, task_id)

    shown = read(demo_store)
    after = figure(shown, "CT20")
    assert after == round(100 * (full + newly) / len(services), 2)
    assert after is not None and before is not None
    assert after - before == pytest.approx(100 * newly / len(services), abs=0.01)
    # The other figures do not move: the task raises services only.
    assert (figure(shown, "CT19"), figure(shown, "CT21")) == others


def estate_texts(data: DashboardData, separate: bool) -> dict[str, str]:
    """What the indicator chart says of each estate figure, by indicator code."""
    from matplotlib.text import Text

    from dxplanner.charts.indicators import kpi_figure

    # Filtered to a few, each indicator has a chart of its own; all of them share one set of axes.
    indicators = [item for item in data.indicators if item.estate_figure is not None] if separate else None
    drawn = kpi_figure(indicators if indicators is not None else data.indicators)
    return {
        str(text.get_gid()).removeprefix("estate_figure:"): text.get_text()
        for text in drawn.findobj(Text)
        if str(text.get_gid()).startswith("estate_figure:")
    }


@pytest.mark.parametrize("separate", [False, True])
def test_the_indicator_chart_says_each_estate_figure(demo_store: PlanStore, separate: bool) -> None:
    data = read(demo_store)
    said = estate_texts(data, separate)
    expected = {
        indicator.code: indicator.estate_figure
        for indicator in data.indicators
        if indicator.estate_figure is not None
    }
    assert set(said) == set(expected) == {"CT19", "CT20", "CT21"}
    assert said["CT20"] == f"Estate now: {expected['CT20']}%"
    count = expected["CT19"]
    assert count is not None and count.is_integer()
    # In the indicator's own unit where its chart has room for it.
    assert said["CT19"] == f"Estate now: {int(count)}" + (" hệ thống" if separate else "")
