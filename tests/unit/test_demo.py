"""The demo plan: what it holds, and the loader refusing a broken demo file with a clear message."""

from __future__ import annotations

import copy
import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from dxplanner.core.enums import CommitteeRole, DataLinkVia, RiskCategory, ServiceLevel, TaskKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_map import ElementKind, RelationKind
from dxplanner.core.models import ActionPlan, CommitteeMember, Indicator, Risk, RiskTreatment, Task
from dxplanner.services.estate_view import estate_map, to_be_date
from dxplanner.store.demo import demo_plan_path, load_demo
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot

SMALL: dict[str, Any] = {
    "about": "test",
    "units": [{"code": "BTTTT", "name": "Bộ TT&TT", "kind": "ministry"}],
    "sedps": [],
    "strategies": [
        {
            "name": "Chiến lược",
            "unit": "BTTTT",
            "start_year": 2021,
            "end_year": 2025,
            "status": "in_progress",
            "goals": [{"code": "1", "text": "Dữ liệu", "pillar": "digital_government", "area": "data"}],
            "plans": [
                {
                    "name": "Kế hoạch 2025",
                    "unit": "BTTTT",
                    "start": "2025-01-01",
                    "end": "2025-12-31",
                    "status": "in_progress",
                    "tasks": [
                        {
                            "key": "g",
                            "code": "I",
                            "name": "Nhóm",
                            "kind": "group",
                            "children": [
                                {
                                    "key": "a",
                                    "name": "A",
                                    "kind": "task",
                                    "start": "2025-03-03",
                                    "end": "2025-03-07",
                                },
                            ],
                        },
                        {"key": "b", "name": "B", "kind": "task", "start": "2025-04-01", "end": "2025-04-30"},
                    ],
                }
            ],
        }
    ],
}


def _write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "demo.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_small_demo_loads(store: PlanStore, tmp_path: Path) -> None:
    counts = load_demo(store, _write(tmp_path, SMALL))
    assert (counts["unit"], counts["goal"], counts["task"]) == (1, 1, 3)


def _broken(change: str) -> dict[str, Any]:
    document = copy.deepcopy(SMALL)
    plan = document["strategies"][0]["plans"][0]
    group, task_b = plan["tasks"]
    if change == "unknown unit":
        task_b["lead"] = "BCA"
    elif change == "unit twice":
        document["units"].append({"code": "BTTTT", "name": "Trùng", "kind": "ministry"})
    elif change == "bad date":
        task_b["start"] = "30/6/2025"
    elif change == "bad kind":
        task_b["kind"] = "epic"
    elif change == "self link":
        task_b["depends_on"] = [{"task": "b"}]
    elif change == "link to own group":
        group["children"][0]["depends_on"] = [{"task": "g"}]
    elif change == "cycle through a group":
        task_b["depends_on"] = [{"task": "g"}]
        group["children"][0]["depends_on"] = [{"task": "b"}]
    elif change == "lead cooperates":
        task_b["lead"] = "BTTTT"
        task_b["cooperating"] = ["BTTTT"]
    return document


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("unknown unit", "refers to the unit 'BCA', which it does not define"),
        ("unit twice", "lists the unit BTTTT twice"),
        ("bad date", "not written YYYY-MM-DD: 30/6/2025"),
        ("bad kind", "Kind cannot be 'epic'"),
        ("self link", "cannot depend on itself"),
        ("link to own group", "its own group"),
        ("cycle through a group", "go round in a circle"),
        ("lead cooperates", "lead unit cannot also be a cooperating unit"),
    ],
)
def test_a_broken_demo_is_refused_and_nothing_is_written(
    store: PlanStore, tmp_path: Path, change: str, message: str
) -> None:
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match=message):
        load_demo(store, _write(tmp_path, _broken(change)))
    assert snapshot(store) == before


def test_an_unreadable_demo_file_says_so(store: PlanStore, tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="cannot be read"):
        load_demo(store, path)


def test_the_demo_plan_holds_what_the_issue_asks(demo_store: PlanStore) -> None:
    with demo_store.read() as session:
        plans = session.exec(select(ActionPlan)).all()
        years = {plan.start.year for plan in plans}
        assert {2021, 2022, 2023, 2024, 2025} <= years
        for plan in plans:
            kinds = Counter(session.exec(select(Task.kind).where(Task.plan_id == plan.id)).all())
            assert kinds[TaskKind.GROUP] >= 5
            assert sum(count for kind, count in kinds.items() if kind is not TaskKind.GROUP) >= 60, plan.name
        late = session.exec(
            select(Task.id).where(
                col(Task.planned_end) < datetime.date(2026, 11, 15),
                col(Task.progress) < 100,
                Task.kind != TaskKind.GROUP,
            )
        ).all()
        assert len(late) >= 5
        assert session.exec(select(Risk)).all()
        sources = session.exec(select(Indicator.source)).all()
        assert sources and all(source for source in sources)


def test_the_demo_file_is_the_bundled_one() -> None:
    assert demo_plan_path().name == "demo_plan.json" and demo_plan_path().exists()


def test_the_demo_estate_is_a_believable_province_and_its_national_platforms(demo_store: PlanStore) -> None:
    today = datetime.date(2026, 11, 15)
    as_is = estate_map(demo_store, today, today=lambda: today)
    assert len(as_is.elements) >= 300
    names = {element.name for element in as_is.elements}
    for national in (
        "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)",
        "Cổng Dịch vụ công quốc gia",
        "Cơ sở dữ liệu quốc gia về dân cư",
        "Ứng dụng định danh điện tử quốc gia VNeID",
        "Cổng dữ liệu quốc gia data.gov.vn",
        "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Thanh Hóa (LGSP)",
        "Trung tâm dữ liệu tỉnh Thanh Hóa",
        "Nền tảng điện toán đám mây Chính phủ",
        "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Thanh Hóa",
        "Hệ thống quản lý văn bản và điều hành tỉnh Thanh Hóa",
    ):
        assert national in names
    kinds = Counter(element.kind for element in as_is.elements)
    assert kinds[ElementKind.OPEN_DATASET] >= 20 and kinds[ElementKind.DATABASE] >= 10
    services = [element for element in as_is.elements if element.kind is ElementKind.PUBLIC_SERVICE]
    by_unit = Counter(element.unit_id for element in services)
    assert len(by_unit) >= 10 and min(by_unit.values()) >= 10  # several per department
    assert {element.service_level for element in services} == set(ServiceLevel)
    vias = Counter(line.via for line in as_is.relations if line.kind is RelationKind.SHARES_DATA)
    assert vias[DataLinkVia.LGSP] >= 10 and vias[DataLinkVia.NDXP] >= 10
    assert sum(element.late for element in as_is.elements) >= 5
    with demo_store.read() as session:
        last_plan = session.exec(select(ActionPlan.id).order_by(col(ActionPlan.end).desc())).first()
    assert last_plan is not None
    to_be = estate_map(demo_store, to_be_date(demo_store, last_plan), today=lambda: today)
    full_now = sum(element.service_level is ServiceLevel.FULL_PROCESS_ONLINE for element in services)
    full_then = sum(
        element.service_level is ServiceLevel.FULL_PROCESS_ONLINE
        for element in to_be.elements
        if element.kind is ElementKind.PUBLIC_SERVICE
    )
    assert full_then > full_now
    with demo_store.read() as session:
        categories = set(session.exec(select(Risk.category)).all())
        assert {
            RiskCategory.TECHNOLOGY_DEPENDENCE,
            RiskCategory.DATA_LOCATION,
            RiskCategory.PEOPLE,
        } <= categories
        treated = session.exec(select(RiskTreatment.risk_id)).all()
        assert len(set(treated)) >= 5
        roles = Counter(session.exec(select(CommitteeMember.role)).all())
        assert roles[CommitteeRole.HEAD] == 1 and roles[CommitteeRole.IT_UNIT] == 1


def test_a_demo_estate_naming_a_task_the_plan_lacks_is_refused_and_nothing_is_written(
    store: PlanStore, tmp_path: Path
) -> None:
    estate = {
        "strategy": "Chiến lược",
        "systems": [{"key": "s", "name": "Hệ thống", "kind": "application", "owner": "BTTTT"}],
        "effects": [{"task": "không có", "effect": "builds", "system": "s"}],
    }
    estate_path = tmp_path / "estate.json"
    estate_path.write_text(json.dumps(estate, ensure_ascii=False), encoding="utf-8")
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="refers to the task 'không có'"):
        load_demo(store, _write(tmp_path, SMALL), estate_path)
    assert snapshot(store) == before
    estate["effects"] = [{"task": "a", "effect": "builds", "system": "s"}]
    estate_path.write_text(json.dumps(estate, ensure_ascii=False), encoding="utf-8")
    counts = load_demo(store, _write(tmp_path, SMALL), estate_path)
    assert (counts["system"], counts["task_effect"]) == (1, 1)
