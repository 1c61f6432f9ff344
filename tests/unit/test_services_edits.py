"""The edits the window makes through the services: the change sets they return and their refusals."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.core.enums import TaskKind
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.services import edits, records
from dxplanner.services.edits import Entity
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.operations.goals import create_goal
from dxplanner.store.operations.indicators import (
    create_indicator,
    record_indicator_value,
    set_indicator_target,
)
from dxplanner.store.operations.plans import add_plan_day_off
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.builders import basics, new_id, task


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


D = datetime.date


def _indicator(store: OpenPlan) -> int:
    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Chính phủ số").id)
    return new_id(create_indicator(store, goal_id=goal, code="CT1", name="Dịch vụ công").id)


def test_an_edit_returns_what_it_changed_with_the_value_it_replaced(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    changes = edits.update_task(store, work, name="Việc (sửa)", progress=30)
    assert changes.id == work and changes.updated[Entity.TASK] == [work]
    assert changes.previous == {"name": "Việc", "progress": 0.0}
    assert changes.entities == {Entity.TASK}


def test_a_refused_edit_says_why_and_changes_nothing(store: OpenPlan) -> None:
    ids = basics(store)
    work = task(store, ids.plan, "Việc")
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="Progress"):
        edits.update_task(store, work, progress=130)
    assert snapshot(store) == before


def test_changing_a_measured_values_source_keeps_its_figure_and_its_date_moves_it(store: OpenPlan) -> None:
    indicator = _indicator(store)
    record_indicator_value(store, indicator, D(2024, 6, 30), 60, "Báo cáo quý")
    edits.update_indicator_value(store, indicator, D(2024, 6, 30), "source", "Báo cáo năm")
    edits.update_indicator_value(store, indicator, D(2024, 6, 30), "value", 65)
    edits.update_indicator_value(store, indicator, D(2024, 6, 30), "as_of", D(2024, 12, 31))
    assert [(value.as_of, value.value, value.source) for value in records.values_of(store, indicator)] == [
        (D(2024, 12, 31), 65, "Báo cáo năm")
    ]


def test_changing_a_value_that_is_gone_is_refused_with_a_message(store: OpenPlan) -> None:
    indicator = _indicator(store)
    before = snapshot(store)
    with pytest.raises(NotFoundError, match="There is no value measured on 30/06/2024 any more"):
        edits.update_indicator_value(store, indicator, D(2024, 6, 30), "source", "Báo cáo")
    assert snapshot(store) == before


def test_a_targets_fields_and_year_change_one_at_a_time(store: OpenPlan) -> None:
    indicator = _indicator(store)
    set_indicator_target(store, indicator, 2025, 80)
    edits.update_target(store, indicator, 2025, "", "value", 90)
    edits.update_target(store, indicator, 2025, "", "year", 2026)
    assert [(target.year, target.value) for target in records.targets_of(store, indicator)] == [(2026, 90)]


def test_a_day_off_moves_and_takes_a_note(store: OpenPlan) -> None:
    ids = basics(store)
    add_plan_day_off(store, ids.plan, D(2025, 4, 30))
    edits.update_day_off(store, ids.plan, D(2025, 4, 30), "note", "Giải phóng miền Nam")
    edits.update_day_off(store, ids.plan, D(2025, 4, 30), "day", D(2025, 5, 2))
    assert [(day.day, day.note) for day in records.days_off_of(store, ids.plan)] == [
        (D(2025, 5, 2), "Giải phóng miền Nam")
    ]


def test_pasted_rows_become_tasks_by_the_field_each_column_holds(store: OpenPlan) -> None:
    ids = basics(store)
    rows = [["1", "Khảo sát", "Quý II/2025"], ["2", "Thiết kế", "Quý III/2025"]]
    changes = edits.paste_tasks(store, ids.plan, ["code", "name", "timeline_text"], rows)
    assert len(changes.created[Entity.TASK]) == 2
    first = records.task(store, new_id(changes.id))
    assert first is not None
    assert (first.code, first.name, first.kind) == ("1", "Khảo sát", TaskKind.TASK)
    assert (first.planned_start, first.planned_end) == (D(2025, 4, 1), D(2025, 6, 30))


def test_pasting_into_a_column_that_holds_no_field_is_ignored(store: OpenPlan) -> None:
    ids = basics(store)
    changes = edits.paste_tasks(store, ids.plan, [None, "name"], [["bỏ qua", "Việc dán"]])
    made = records.task(store, new_id(changes.id))
    assert made is not None and (made.code, made.name) == (None, "Việc dán")
