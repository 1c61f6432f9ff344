"""The estate map from the database: elements and lines as they stand on a day, filtered."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from dxplanner.core.enums import (
    DataLinkVia,
    EffectKind,
    EstateStatus,
    Hosting,
    ServiceLevel,
    SystemKind,
    TaskStatus,
)
from dxplanner.core.errors import NotFoundError
from dxplanner.core.estate_map import EstateMap, MapElement, RelationKind
from dxplanner.core.models import DataLink, OpenDataset, PublicService, System, TaskEffect
from dxplanner.services.estate_view import estate_map, to_be_date
from dxplanner.store.operations.plans import create_plan
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import Basics, basics, new_id, task
from tests.unit.builders import add_record as add

D = datetime.date
TODAY = D(2025, 6, 2)


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@dataclass(frozen=True)
class Estate:
    """The ids of a small estate: a cloud, two systems, a link, two services, a dataset, and tasks."""

    ids: Basics
    cloud: int
    portal: int
    registry: int
    link: int
    raised: int
    untouched: int
    dataset: int
    build: int
    raise_task: int
    connect: int
    other_plan: int


@pytest.fixture
def estate(store: PlanStore) -> Estate:
    ids = basics(store)
    other_plan = new_id(
        create_plan(
            store, name="Kế hoạch năm 2026", unit_id=ids.ministry, start=D(2026, 1, 1), end=D(2026, 12, 31)
        ).id
    )
    cloud = add(
        store,
        System(
            name="Nền tảng điện toán đám mây Chính phủ",
            kind=SystemKind.INFRASTRUCTURE,
            owner_unit_id=ids.ministry,
        ),
    )
    portal = add(
        store,
        System(
            name="Hệ thống thông tin giải quyết thủ tục hành chính",
            kind=SystemKind.PORTAL,
            owner_unit_id=ids.department,
            hosting=Hosting.GOVERNMENT_CLOUD,
            hosted_on_id=cloud,
            security_level=3,
            status=EstateStatus.BUILDING,
        ),
    )
    registry = add(
        store, System(name="Cơ sở dữ liệu hộ tịch", kind=SystemKind.DATABASE, owner_unit_id=ids.ministry)
    )
    link = add(
        store,
        DataLink(
            from_system_id=registry,
            to_system_id=portal,
            via=DataLinkVia.LGSP,
            data="Thông tin hộ tịch",
            status=EstateStatus.PLANNED,
        ),
    )
    raised = add(
        store,
        PublicService(
            code="1.001193",
            name="Đăng ký khai sinh",
            field="Hộ tịch",
            unit_id=ids.department,
            system_id=portal,
            level=ServiceLevel.PARTIAL_ONLINE,
        ),
    )
    untouched = add(
        store,
        PublicService(
            code="1.000894",
            name="Đăng ký kết hôn",
            unit_id=ids.ministry,
            system_id=portal,
            level=ServiceLevel.PARTIAL_ONLINE,
        ),
    )
    dataset = add(
        store,
        OpenDataset(name="Danh mục thủ tục hành chính", publisher_unit_id=ids.ministry, system_id=portal),
    )
    build = task(
        store,
        ids.plan,
        "Xây dựng Hệ thống thông tin giải quyết TTHC",
        planned_start=D(2025, 1, 1),
        planned_end=D(2025, 9, 30),
        status=TaskStatus.IN_PROGRESS,
        progress=40,
    )
    raise_task = task(
        store,
        other_plan,
        "Cung cấp dịch vụ công trực tuyến toàn trình",
        planned_start=D(2026, 1, 1),
        planned_end=D(2026, 6, 30),
    )
    connect = task(
        store,
        ids.plan,
        "Kết nối CSDL hộ tịch qua LGSP",
        planned_start=D(2025, 1, 1),
        planned_end=D(2025, 4, 30),
        status=TaskStatus.IN_PROGRESS,
        progress=50,
    )  # late on TODAY
    add(store, TaskEffect(task_id=build, effect=EffectKind.BUILDS, system_id=portal))
    add(
        store,
        TaskEffect(
            task_id=raise_task,
            effect=EffectKind.RAISES_LEVEL,
            service_id=raised,
            service_level=ServiceLevel.FULL_PROCESS_ONLINE,
        ),
    )
    add(store, TaskEffect(task_id=connect, effect=EffectKind.CONNECTS, data_link_id=link))
    return Estate(
        ids, cloud, portal, registry, link, raised, untouched, dataset, build, raise_task, connect, other_plan
    )


def read(store: PlanStore, as_of: datetime.date, **chosen: object) -> EstateMap:
    return estate_map(store, as_of, today=lambda: TODAY, **chosen)  # type: ignore[arg-type]


def by_key(found: EstateMap) -> dict[str, MapElement]:
    return {element.key: element for element in found.elements}


def test_as_is_shows_every_element_as_stored_with_its_tasks(store: PlanStore, estate: Estate) -> None:
    found = read(store, TODAY)
    elements = by_key(found)
    assert set(elements) == {
        f"system:{estate.cloud}",
        f"system:{estate.portal}",
        f"system:{estate.registry}",
        f"public_service:{estate.raised}",
        f"public_service:{estate.untouched}",
        f"open_dataset:{estate.dataset}",
    }
    portal = elements[f"system:{estate.portal}"]
    assert (portal.status, portal.task_ids, portal.late) == (EstateStatus.BUILDING, (estate.build,), False)
    assert portal.unit_name == "Cục Chuyển đổi số quốc gia"
    assert (portal.hosting, portal.security_level) == (Hosting.GOVERNMENT_CLOUD, 3)
    assert elements[f"public_service:{estate.raised}"].service_level is ServiceLevel.PARTIAL_ONLINE
    lines = {(line.kind, line.source, line.target): line for line in found.relations}
    assert set(lines) == {
        (RelationKind.HOSTED_ON, f"system:{estate.portal}", f"system:{estate.cloud}"),
        (RelationKind.SHARES_DATA, f"system:{estate.registry}", f"system:{estate.portal}"),
        (RelationKind.SERVES, f"system:{estate.portal}", f"public_service:{estate.raised}"),
        (RelationKind.SERVES, f"system:{estate.portal}", f"public_service:{estate.untouched}"),
        (RelationKind.PUBLISHES, f"system:{estate.portal}", f"open_dataset:{estate.dataset}"),
    }
    shared = lines[(RelationKind.SHARES_DATA, f"system:{estate.registry}", f"system:{estate.portal}")]
    assert (shared.via, shared.label, shared.status, shared.record_id) == (
        DataLinkVia.LGSP,
        "Thông tin hộ tịch",
        EstateStatus.PLANNED,
        estate.link,
    )


def test_to_be_at_a_plans_end_shows_what_its_tasks_will_have_done(store: PlanStore, estate: Estate) -> None:
    end_of_2025 = to_be_date(store, estate.ids.plan)
    assert end_of_2025 == D(2025, 12, 31)
    found = read(store, end_of_2025)
    elements = by_key(found)
    assert elements[f"system:{estate.portal}"].status is EstateStatus.RUNNING
    assert elements[f"public_service:{estate.raised}"].service_level is ServiceLevel.PARTIAL_ONLINE
    link = next(line for line in found.relations if line.key == f"data_link:{estate.link}")
    assert link.status is EstateStatus.RUNNING
    end_of_2026 = by_key(read(store, to_be_date(store, estate.other_plan)))
    assert end_of_2026[f"public_service:{estate.raised}"].service_level is ServiceLevel.FULL_PROCESS_ONLINE
    assert end_of_2026[f"public_service:{estate.untouched}"].service_level is ServiceLevel.PARTIAL_ONLINE


def test_a_plan_shows_the_elements_its_tasks_change_and_the_ends_of_its_links(
    store: PlanStore, estate: Estate
) -> None:
    found = read(store, TODAY, plan_id=estate.ids.plan)
    assert set(by_key(found)) == {f"system:{estate.portal}", f"system:{estate.registry}"}
    assert {line.key for line in found.relations} == {f"data_link:{estate.link}"}
    other = read(store, TODAY, plan_id=estate.other_plan)
    assert set(by_key(other)) == {f"public_service:{estate.raised}"}
    assert other.relations == ()


def test_an_element_a_late_task_changes_is_late(store: PlanStore, estate: Estate) -> None:
    """The connecting task is past its planned end and not done; the build is on time."""
    add(store, TaskEffect(task_id=estate.connect, effect=EffectKind.CHANGES, system_id=estate.registry))
    elements = by_key(read(store, TODAY))
    assert elements[f"system:{estate.registry}"].late
    assert not elements[f"system:{estate.portal}"].late


def test_filters_by_unit_with_its_sub_units_and_by_status(store: PlanStore, estate: Estate) -> None:
    department = by_key(read(store, TODAY, unit_id=estate.ids.department))
    assert set(department) == {f"system:{estate.portal}", f"public_service:{estate.raised}"}
    ministry = by_key(read(store, TODAY, unit_id=estate.ids.ministry))
    assert len(ministry) == 6
    building = read(store, TODAY, statuses={EstateStatus.BUILDING})
    assert set(by_key(building)) == {f"system:{estate.portal}"}
    assert building.relations == ()
    running_later = by_key(read(store, D(2025, 12, 31), statuses={EstateStatus.RUNNING}))
    assert f"system:{estate.portal}" in running_later


def test_an_unknown_plan_or_unit_is_refused(store: PlanStore, estate: Estate) -> None:
    with pytest.raises(NotFoundError, match="999"):
        read(store, TODAY, plan_id=999)
    with pytest.raises(NotFoundError, match="999"):
        read(store, TODAY, unit_id=999)
    with pytest.raises(NotFoundError, match="999"):
        to_be_date(store, 999)


def test_the_map_is_read_in_a_few_queries_whatever_its_size(store: PlanStore, estate: Estate) -> None:
    for number in range(40):
        service = add(
            store, PublicService(code=f"2.{number:06}", name=f"Thủ tục {number}", system_id=estate.portal)
        )
        add(
            store,
            TaskEffect(
                task_id=estate.raise_task,
                effect=EffectKind.RAISES_LEVEL,
                service_id=service,
                service_level=ServiceLevel.FULL_PROCESS_ONLINE,
            ),
        )
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    sa.event.listen(store.engine, "before_cursor_execute", count)
    try:
        found = read(store, D(2026, 12, 31))
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", count)
    selects = [text for text in statements if text.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 8
    assert sum(element.service_level is ServiceLevel.FULL_PROCESS_ONLINE for element in found.elements) == 41
