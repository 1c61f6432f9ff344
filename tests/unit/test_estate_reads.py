"""The estate's reads for the window: the navigator's groups, elements and risks' tasks found by name."""

from __future__ import annotations

from dxplanner.core.enums import DataLinkVia, SystemKind
from dxplanner.services import estate, new_records
from dxplanner.store.plan_store import PlanStore


def test_groups_count_systems_by_kind_and_services_by_field_those_without_one_last(
    demo_plan_store: PlanStore,
) -> None:
    store = demo_plan_store
    estate.add_system(store, name="LGSP tỉnh", kind=SystemKind.PLATFORM)
    estate.add_system(store, name="NDXP", kind=SystemKind.PLATFORM)
    estate.add_system(store, name="Cổng DVC tỉnh", kind=SystemKind.PORTAL)
    for name, field in (("Đăng ký khai sinh", "Hộ tịch"), ("Cấp phép xây dựng", "Xây dựng")):
        estate.add_public_service(store, name=name, field=field)
    estate.add_public_service(store, name="Không lĩnh vực")
    estate.add_public_service(store, name="Đăng ký kết hôn", field="Hộ tịch ")
    groups = estate.estate_groups(store)
    assert groups.systems_by_kind[SystemKind.PLATFORM] == 2
    assert groups.systems_by_kind[SystemKind.PORTAL] == 1
    assert groups.systems_by_kind[SystemKind.DATABASE] == 0
    assert list(groups.services_by_field.items()) == [("Hộ tịch", 2), ("Xây dựng", 1), ("", 1)]
    assert (groups.links, groups.datasets, groups.members) == (0, 0, 0)


def test_an_element_is_found_by_its_exact_name_else_by_every_word_of_it(demo_plan_store: PlanStore) -> None:
    store = demo_plan_store
    lgsp = estate.add_system(store, name="LGSP tỉnh", kind=SystemKind.PLATFORM).id
    portal = estate.add_system(store, name="Cổng DVC tỉnh", kind=SystemKind.PORTAL).id
    assert lgsp is not None and portal is not None
    link = estate.add_data_link(store, from_system_id=portal, to_system_id=lgsp, via=DataLinkVia.LGSP).id
    service = estate.add_public_service(store, code="1.001193", name="Đăng ký khai sinh").id
    assert [(each.target, each.id) for each in estate.elements_called(store, "lgsp tinh")] == [
        ("system_id", lgsp)
    ]
    assert [(each.target, each.id) for each in estate.elements_called(store, "tỉnh")] == [
        ("system_id", lgsp),
        ("system_id", portal),
        ("data_link_id", link),
    ]
    assert [each.name for each in estate.elements_called(store, "cong dvc → lgsp")] == [
        "Cổng DVC tỉnh → LGSP tỉnh (LGSP)"
    ]
    assert [(each.target, each.id) for each in estate.elements_called(store, "1.001193")] == [
        ("service_id", service)
    ]
    assert estate.elements_called(store, "   ") == []


def test_a_risk_s_treating_tasks_are_found_among_its_plan_s_tasks(demo_plan_store: PlanStore) -> None:
    store = demo_plan_store
    risk = new_records.new_risk(store, plan_id=6).id
    assert risk is not None
    found = estate.tasks_for_risk(store, risk, "danh muc du lieu cot loi")
    assert [task.id for task in found] == [354]
    assert len(estate.tasks_for_risk(store, risk, "5")) == 6  # numbered 5 in several groups
    estate.add_risk_treatment(store, risk, 354)
    [treating] = estate.treating_tasks(store, risk)
    assert treating.id == 354 and treating.label.startswith("5. Ban hành danh mục dữ liệu cốt lõi")
    # A task's own risk looks among the tasks of the task's plan.
    own = new_records.new_risk(store, task_id=353).id
    assert own is not None
    assert [task.id for task in estate.tasks_for_risk(store, own, "danh muc du lieu cot loi")] == [354]
