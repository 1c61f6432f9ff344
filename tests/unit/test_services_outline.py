"""The outline service: what the task sheet and the Gantt chart read of a plan, from a real plan file."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.core.enums import FundingSource, ProgressWeight, TaskKind
from dxplanner.core.status import Health
from dxplanner.services import edits, outline
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.operations.plans import add_plan_day_off
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.operations.tasks import set_task_units
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import basics, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


D = datetime.date


def test_the_outline_holds_every_task_with_its_place_number_and_money(store: OpenPlan) -> None:
    ids = basics(store)
    group = task(store, ids.plan, "Nhóm I", code="I", kind=TaskKind.GROUP)
    first = task(store, ids.plan, "Việc 1", group, planned_start=D(2025, 3, 3), planned_end=D(2025, 3, 14))
    second = task(store, ids.plan, "Việc 2", group)
    add_budget_line(store, first, source=FundingSource.CENTRAL_BUDGET, year=2025, planned=5_000_000)
    add_budget_line(store, first, source=FundingSource.LOCAL_BUDGET, year=2025, planned=2_000_000)
    found = outline.outline(store, ids.plan)
    places = {node.id: (node.parent_id, node.position) for node in found.nodes}
    assert places == {group: (None, 0), first: (group, 0), second: (group, 1)}
    assert found.codes == {group: "I", first: None, second: None}
    assert found.money.planned == {first: 7_000_000}  # tasks without budget lines are left out
    node = next(node for node in found.nodes if node.id == first)
    assert (node.planned_start, node.planned_end) == (D(2025, 3, 3), D(2025, 3, 14))


def test_the_outline_reads_the_plans_own_days_off_into_its_calendar(store: OpenPlan) -> None:
    ids = basics(store)
    monday = D(2025, 3, 3)
    assert outline.outline(store, ids.plan).calendar.is_working_day(monday)
    add_plan_day_off(store, ids.plan, monday)
    assert not outline.outline(store, ids.plan).calendar.is_working_day(monday)


def test_a_plan_weighed_by_money_rolls_up_by_money(store: OpenPlan) -> None:
    ids = basics(store)
    group = task(store, ids.plan, "Nhóm")
    dear = task(store, ids.plan, "Đắt", group, planned_start=D(2025, 3, 3), planned_end=D(2025, 3, 4))
    cheap = task(store, ids.plan, "Rẻ", group, planned_start=D(2025, 3, 3), planned_end=D(2025, 6, 30))
    add_budget_line(store, dear, source=FundingSource.CENTRAL_BUDGET, year=2025, planned=9_000_000)
    add_budget_line(store, cheap, source=FundingSource.CENTRAL_BUDGET, year=2025, planned=1_000_000)
    edits.update_plan(store, ids.plan, progress_weight=ProgressWeight.BUDGET)
    calendar = outline.outline(store, ids.plan).calendar
    money = outline.money(store, ids.plan, calendar)
    nodes = {node.id: node for node in outline.outline(store, ids.plan).nodes}
    assert money.weight(nodes[dear]) == 9_000_000
    assert money.weight(nodes[cheap]) == 1_000_000


def test_places_read_moved_tasks_again_and_leave_out_deleted_ones(store: OpenPlan) -> None:
    ids = basics(store)
    first, second = task(store, ids.plan, "Một"), task(store, ids.plan, "Hai")
    edits.move_task(store, second, parent_id=None, position=0)
    edits.update_task(store, first, code="9")
    now = outline.places(store, ids.plan, [first, second])
    assert {node.id: node.position for node in now.nodes} == {second: 0, first: 1}
    assert now.codes == {first: "9", second: None}
    edits.delete_tasks(store, [second])
    assert [node.id for node in outline.places(store, ids.plan, [first, second]).nodes] == [first]


def test_sheet_rows_name_the_lead_and_cooperating_units(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc", lead_unit_id=ids.ministry, product="Nền tảng")
    set_task_units(store, work, [ids.department])
    add_budget_line(store, work, source=FundingSource.CENTRAL_BUDGET, year=2025, planned=3_000_000)
    row = outline.sheet_rows(store, [work])[work]
    assert (row.name, row.lead_unit_id, row.lead_unit) == (
        "Việc",
        ids.ministry,
        "Bộ Thông tin và Truyền thông",
    )
    assert (row.cooperating_ids, row.cooperating) == ((ids.department,), "Cục Chuyển đổi số quốc gia")
    assert (row.product, row.budget) == ("Nền tảng", 3_000_000)


def test_a_plans_period_and_none_for_a_plan_that_is_not_there(store: OpenPlan) -> None:
    ids = basics(store)
    assert outline.period(store, ids.plan) == (D(2025, 1, 1), D(2025, 12, 31))
    assert outline.period(store, ids.plan + 100) is None


def test_links_and_the_whole_chart_of_a_plan(store: OpenPlan) -> None:
    ids = basics(store)
    before = task(store, ids.plan, "Trước", planned_start=D(2025, 3, 3), planned_end=D(2025, 3, 14))
    after = task(store, ids.plan, "Sau", planned_start=D(2025, 3, 17), planned_end=D(2025, 3, 28))
    edits.add_dependency(store, before, after)
    links = outline.plan_links(store, ids.plan)
    assert [(link.predecessor, link.successor) for link in links] == [(before, after)]
    chart = outline.whole_chart(store, ids.plan, D(2025, 3, 20))
    assert [bar.name for bar in chart.bars] == ["Trước", "Sau"]
    assert chart.title == outline.chart_title(store, ids.plan)
    assert "Kế hoạch triển khai năm 2025" in chart.title


def test_the_filter_finds_words_without_accents_among_sheet_rows(store: OpenPlan) -> None:
    ids = basics(store)
    wanted = task(store, ids.plan, "Chuyển đổi số các dịch vụ công")
    task(store, ids.plan, "Hạ tầng")
    rows = outline.sheet_rows(store, [wanted, wanted + 1])
    found = outline.matching_tasks(rows, {}, outline.TaskFilter(words="chuyen doi so"))
    assert found == {wanted}
    assert outline.matching_tasks(rows, {}, outline.TaskFilter(health=Health.LATE)) == set()
