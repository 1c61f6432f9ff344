"""A plan file holding the synthetic plan: units, one action plan, its tasks, links, units and budgets."""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.synthetic_plan import synthetic_plan
from dxplanner.core.enums import FundingSource, TaskKind, UnitRole
from dxplanner.core.models import ActionPlan, BudgetLine, Dependency, Task, TaskUnit, Unit
from dxplanner.store.plan_file import create_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.queries import table

UNIT_COUNT = 60
ACTIONS = ["Xây dựng", "Nâng cấp", "Triển khai", "Số hóa", "Kết nối", "Đào tạo", "Rà soát", "Giám sát"]
OBJECTS = [
    "cơ sở dữ liệu dân cư",
    "hệ thống một cửa điện tử",
    "nền tảng tích hợp LGSP",
    "trung tâm dữ liệu",
    "dịch vụ công trực tuyến",
    "hồ sơ thủ tục hành chính",
    "an toàn thông tin (SOC)",
    "chữ ký số",
]


def write_large_plan_file(path: Path, tasks: int = 10_000) -> dict[str, int]:
    """Write a plan file of about `tasks` tasks at path; return how many rows of each kind it holds."""
    counts: dict[str, int] = {}

    def fill(store: PlanStore) -> None:
        # Straight inserts, not operations: this is test data, made in a second instead of minutes.
        with store.engine.begin() as connection:
            counts.update(_insert_rows(connection, tasks))

    create_plan_file(path, fill=fill, overwrite=True)
    return counts


def _insert_rows(connection: sa.Connection, tasks: int) -> dict[str, int]:
    chance = random.Random(11)
    plan = synthetic_plan(tasks)
    units: list[dict[str, Any]] = [
        {
            "id": 1,
            "code": "UBND",
            "name": "Ủy ban nhân dân tỉnh",
            "short_name": "UBND tỉnh",
            "parent_id": None,
        }
    ]
    for number in range(2, UNIT_COUNT + 1):
        units.append(
            {
                "id": number,
                "code": f"S{number:02d}",
                "name": f"Sở ngành số {number}",
                "short_name": f"SN{number}",
                "parent_id": 1,
            }
        )
    connection.execute(sa.insert(table(Unit)), units)
    connection.execute(
        sa.insert(table(ActionPlan)),
        [
            {
                "id": 1,
                "unit_id": 1,
                "name": "Kế hoạch chuyển đổi số tổng hợp",
                "start": datetime.date(2025, 1, 1),
                "end": datetime.date(2030, 12, 31),
            }
        ],
    )
    groups = {node.parent_id for node in plan.nodes if node.parent_id is not None}
    task_rows, unit_rows, budget_rows = [], [], []
    for node in plan.nodes:
        is_group = node.id in groups
        lead = chance.randint(2, UNIT_COUNT)
        task_rows.append(
            {
                "id": node.id,
                "plan_id": 1,
                "parent_id": node.parent_id,
                "position": node.position,
                "code": str(node.position + 1),
                "name": f"{chance.choice(ACTIONS)} {chance.choice(OBJECTS)} {node.id}",
                "kind": TaskKind.GROUP if is_group else TaskKind.TASK,
                "lead_unit_id": lead,
                "product": None if is_group else "Báo cáo, hệ thống đưa vào vận hành",
                "planned_start": node.planned_start,
                "planned_end": node.planned_end,
                "progress": node.progress,
                "status": node.status,
            }
        )
        if is_group:
            continue
        for partner in chance.sample(range(2, UNIT_COUNT + 1), chance.randint(0, 3)):
            if partner != lead:
                unit_rows.append({"task_id": node.id, "unit_id": partner, "role": UnitRole.COOPERATING})
        if chance.random() < 0.5 and node.planned_start is not None:
            budget_rows.append(
                {
                    "task_id": node.id,
                    "source": chance.choice(list(FundingSource)),
                    "year": node.planned_start.year,
                    "planned": chance.randint(1, 500) * 10_000_000,
                }
            )
    link_rows = [
        {
            "predecessor_id": link.predecessor,
            "successor_id": link.successor,
            "type": link.type,
            "lag_days": link.lag,
        }
        for link in plan.links
    ]
    for model, rows in (
        (Task, task_rows),
        (TaskUnit, unit_rows),
        (BudgetLine, budget_rows),
        (Dependency, link_rows),
    ):
        connection.execute(sa.insert(table(model)), rows)
    return {
        "units": len(units),
        "tasks": len(task_rows),
        "cooperating": len(unit_rows),
        "budget lines": len(budget_rows),
        "links": len(link_rows),
    }
