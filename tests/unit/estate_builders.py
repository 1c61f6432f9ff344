"""A small estate filled through the operations, for the tests of the estate's operations and exchanges."""

from __future__ import annotations

from dataclasses import dataclass

from dxplanner.store.operations import estate
from dxplanner.store.operations.risks import add_risk
from dxplanner.store.plan_store import PlanStore
from tests.unit.builders import Basics, basics, new_id, task


@dataclass(frozen=True)
class Estate:
    """The ids of a province's estate and the plan tasks that change it."""

    basics: Basics
    cloud: int  # infrastructure
    data_centre: int  # infrastructure the cloud runs in
    lgsp: int
    registry: int  # an application hosted on the cloud
    population: int  # the national population database
    link: int  # registry -> population through NDXP
    service: int
    dataset: int
    head: int  # the committee's head
    it_unit: int
    build_task: int
    raise_task: int
    builds: int  # effect: build_task builds the registry
    raises: int  # effect: raise_task raises the service
    connects: int  # effect: build_task connects the link
    risk: int


def fill_estate(store: PlanStore, made: Basics | None = None) -> Estate:
    """Into made's units and plan (by default new ones): a data centre with a cloud in it, an LGSP,
    an application on the cloud sharing data with the national population database through NDXP, a
    service it serves, an open dataset, the committee, and two tasks: one builds the application and
    connects the link, one raises the service."""
    made = made or basics(store)
    data_centre = new_id(
        estate.add_system(
            store,
            code="TTDL",
            name="Trung tâm dữ liệu tỉnh",
            kind="infrastructure",
            owner_unit_id=made.department,
            hosting="provincial_data_centre",
            security_level=3,
            security_plan_approved=True,
        ).id
    )
    cloud = new_id(
        estate.add_system(
            store,
            code="CLOUD",
            name="Nền tảng điện toán đám mây Chính phủ",
            kind="infrastructure",
            level="national",
            hosting="government_cloud",
            hosted_on_id=data_centre,
        ).id
    )
    lgsp = new_id(
        estate.add_system(
            store, code="LGSP", name="Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh", kind="platform"
        ).id
    )
    registry = new_id(
        estate.add_system(
            store,
            code="MC",
            name="Hệ thống thông tin giải quyết thủ tục hành chính",
            short_name="HTTTGQTTHC",
            kind="application",
            owner_unit_id=made.ministry,
            hosting="government_cloud",
            hosted_on_id=cloud,
            security_level=2,
            status="building",
            description="Một cửa điện tử của tỉnh",
        ).id
    )
    population = new_id(
        estate.add_system(
            store, code="CSDLQGDC", name="Cơ sở dữ liệu quốc gia về dân cư", kind="database", level="national"
        ).id
    )
    link = new_id(
        estate.add_data_link(
            store,
            from_system_id=registry,
            to_system_id=population,
            via="ndxp",
            data="Thông tin công dân",
            status="planned",
        ).id
    )
    service = new_id(
        estate.add_public_service(
            store,
            code="1.001234",
            name="Đăng ký khai sinh",
            field="Hộ tịch",
            unit_id=made.department,
            system_id=registry,
            level_old=3,
            level="partial_online",
            on_national_portal=True,
            online_payment=False,
            online_share=42.5,
        ).id
    )
    dataset = new_id(
        estate.add_open_dataset(
            store,
            name="Danh mục thủ tục hành chính",
            publisher_unit_id=made.department,
            system_id=registry,
            published_at="data.gov.vn",
            data_format="CSV",
            update_frequency="monthly",
        ).id
    )
    head = new_id(
        estate.add_committee_member(
            store, person="Nguyễn Văn A", position="Chủ tịch UBND tỉnh", role="head", unit_id=made.ministry
        ).id
    )
    it_unit = new_id(
        estate.add_committee_member(store, role="it_unit", unit_id=made.department, position_in_list=9).id
    )
    build_task = task(store, made.plan, "Xây dựng hệ thống thông tin giải quyết TTHC")
    raise_task = task(store, made.plan, "Cung cấp dịch vụ công trực tuyến toàn trình")
    builds = new_id(estate.add_task_effect(store, build_task, effect="builds", system_id=registry).id)
    connects = new_id(estate.add_task_effect(store, build_task, effect="connects", data_link_id=link).id)
    raises = new_id(
        estate.add_task_effect(
            store, raise_task, effect="raises_level", service_id=service, service_level="full_process_online"
        ).id
    )
    risk = new_id(
        add_risk(
            store,
            plan_id=made.plan,
            text="Dữ liệu người dùng lưu ngoài lãnh thổ Việt Nam",
            category="data_location",
            likelihood=2,
            impact=5,
        ).id
    )
    estate.add_risk_treatment(store, risk, build_task)
    return Estate(
        made,
        cloud,
        data_centre,
        lgsp,
        registry,
        population,
        link,
        service,
        dataset,
        head,
        it_unit,
        build_task,
        raise_task,
        builds,
        raises,
        connects,
        risk,
    )
