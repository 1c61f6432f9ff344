"""Small builders for operation tests: a unit, a strategy and a plan in an empty file."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from sqlmodel import SQLModel

from dxplanner.store.operations.plans import create_plan
from dxplanner.store.operations.strategies import create_strategy
from dxplanner.store.operations.tasks import create_task
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_store import PlanStore


@dataclass(frozen=True)
class Basics:
    """The ids of what most operation tests need."""

    ministry: int
    department: int
    strategy: int
    plan: int


def new_id(changes_id: int | None) -> int:
    """The id an operation reported, which must be there."""
    assert changes_id is not None
    return changes_id


def basics(store: PlanStore) -> Basics:
    """A ministry with a department, a 2021-2025 strategy and its 2025 plan."""
    ministry = new_id(
        create_unit(store, code="BTTTT", name="Bộ Thông tin và Truyền thông", kind="ministry").id
    )
    department = new_id(
        create_unit(
            store, code="CDS", name="Cục Chuyển đổi số quốc gia", kind="department", parent_id=ministry
        ).id
    )
    strategy = new_id(
        create_strategy(
            store,
            name="Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số",
            unit_id=ministry,
            start_year=2021,
            end_year=2025,
            vision_year=2030,
        ).id
    )
    plan = new_id(
        create_plan(
            store,
            name="Kế hoạch triển khai năm 2025",
            unit_id=ministry,
            strategy_id=strategy,
            start=datetime.date(2025, 1, 1),
            end=datetime.date(2025, 12, 31),
        ).id
    )
    return Basics(ministry, department, strategy, plan)


def task(store: PlanStore, plan: int, name: str, parent_id: int | None = None, **fields: Any) -> int:
    """Add a task and return its id."""
    return new_id(create_task(store, plan, parent_id=parent_id, name=name, **fields).id)


def add_record(store: PlanStore, record: SQLModel) -> int:
    """Store a record as it is, past the operations' checks (a test's setting), and return its id."""
    with store.write() as session:
        session.add(record)
        session.flush()
        record_id = record.id  # type: ignore[attr-defined]
    assert isinstance(record_id, int)
    return record_id


def plan_serving_no_strategy(store: PlanStore, year: int, progress: list[float]) -> int:
    """A plan under no strategy (as one imported alone from a workbook), a year long, with one task
    per figure in progress, each over the whole year; its id."""
    with store.read() as session:
        unit_id = session.connection().exec_driver_sql("SELECT min(id) FROM unit").scalar_one()
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    plan_id = new_id(
        create_plan(
            store,
            name=f"Phụ lục: danh mục nhiệm vụ chuyển đổi số năm {year}",
            unit_id=unit_id,
            start=start,
            end=end,
        ).id
    )
    for number, figure in enumerate(progress, start=1):
        task(store, plan_id, f"Nhiệm vụ {number}", planned_start=start, planned_end=end, progress=figure)
    return plan_id
