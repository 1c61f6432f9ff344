"""The estate's operations: each a transaction that refuses bad input clearly, changes nothing when it
refuses, refuses a stale edit, and says what a delete takes with it; on a file and on the server."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from dxplanner.core.errors import ConflictError, DomainError, InUseError, InvalidInputError, NotFoundError
from dxplanner.services import conflicts, estate_deletion, undo
from dxplanner.services import estate as estate_service
from dxplanner.store.changes import Entity
from dxplanner.store.operations import estate
from dxplanner.store.operations.risks import delete_risk
from dxplanner.store.operations.tasks import delete_task
from dxplanner.store.operations.units import delete_unit, merge_units, update_unit
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit.estate_builders import Estate, fill_estate


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@pytest.fixture
def filled(store: PlanStore) -> Estate:
    return fill_estate(store)


# (operation on the store and the estate, words the refusal must say)
Refusal = tuple[Callable[[PlanStore, Estate], Any], str]

REFUSALS: dict[str, Refusal] = {
    "empty system name": (lambda s, e: estate.add_system(s, name="  "), "System name must not be empty"),
    "security level 6": (
        lambda s, e: estate.update_system(s, e.registry, security_level=6),
        "Security level must be between 1 and 5",
    ),
    "security level 0": (
        lambda s, e: estate.add_system(s, name="X", security_level=0),
        "Security level must be between 1 and 5",
    ),
    "online share 101": (
        lambda s, e: estate.update_public_service(s, e.service, online_share=101),
        "Share of dossiers filed online must be between 0 and 100",
    ),
    "online share below 0": (
        lambda s, e: estate.add_public_service(s, name="Y", online_share=-1),
        "Share of dossiers filed online must be between 0 and 100",
    ),
    "old level 5": (
        lambda s, e: estate.update_public_service(s, e.service, level_old=5),
        "Old level must be between 1 and 4",
    ),
    "empty service name": (
        lambda s, e: estate.add_public_service(s, name=""),
        "Procedure name must not be empty",
    ),
    "empty dataset name": (
        lambda s, e: estate.add_open_dataset(s, name=None),
        "Dataset name must not be empty",
    ),
    "link to itself": (
        lambda s, e: estate.add_data_link(s, from_system_id=e.lgsp, to_system_id=e.lgsp),
        "cannot share data with itself",
    ),
    "link made to point at itself": (
        lambda s, e: estate.update_data_link(s, e.link, to_system_id=e.registry),
        "cannot share data with itself",
    ),
    "duplicate link": (
        lambda s, e: estate.add_data_link(
            s, from_system_id=e.registry, to_system_id=e.population, via="ndxp"
        ),
        "already share data that way",
    ),
    "link to a missing system": (
        lambda s, e: estate.add_data_link(s, from_system_id=e.registry, to_system_id=9999),
        "does not exist",
    ),
    "hosted on itself": (
        lambda s, e: estate.update_system(s, e.cloud, hosted_on_id=e.cloud),
        "cannot run on itself",
    ),
    "hosted on an application": (
        lambda s, e: estate.update_system(s, e.lgsp, hosted_on_id=e.registry),
        "is not",
    ),
    "hosting cycle": (
        lambda s, e: estate.update_system(s, e.data_centre, hosted_on_id=e.cloud),
        "which itself runs on",
    ),
    "host stops being infrastructure": (
        lambda s, e: estate.update_system(s, e.cloud, kind="application"),
        "cannot stop being infrastructure",
    ),
    "duplicate system code": (
        lambda s, e: estate.add_system(s, name="Khác", code="LGSP"),
        "already has the code LGSP",
    ),
    "duplicate procedure code for the unit": (
        lambda s, e: estate.add_public_service(s, name="Khác", code="1.001234", unit_id=e.basics.department),
        "already has a procedure with the code 1.001234",
    ),
    "raise without a level": (
        lambda s, e: estate.add_task_effect(s, e.build_task, effect="raises_level", service_id=e.service),
        "which level",
    ),
    "raise of a system": (
        lambda s, e: estate.add_task_effect(
            s, e.build_task, effect="raises_level", system_id=e.lgsp, service_level="partial_online"
        ),
        "Only a public service is raised",
    ),
    "level without a raise": (
        lambda s, e: estate.add_task_effect(
            s, e.build_task, effect="changes", service_id=e.service, service_level="partial_online"
        ),
        "Only raising a service",
    ),
    "connects a system": (
        lambda s, e: estate.add_task_effect(s, e.build_task, effect="connects", system_id=e.lgsp),
        "Only a data link is connected",
    ),
    "builds a data link": (
        lambda s, e: estate.add_task_effect(s, e.raise_task, effect="builds", data_link_id=e.link),
        "A data link is not built",
    ),
    "builds a service": (
        lambda s, e: estate.add_task_effect(s, e.build_task, effect="builds", service_id=e.service),
        "A public service is not built",
    ),
    "effect on two elements": (
        lambda s, e: estate.add_task_effect(
            s, e.build_task, effect="changes", system_id=e.lgsp, service_id=e.service
        ),
        "exactly one system, data link or public service",
    ),
    "effect on nothing": (
        lambda s, e: estate.add_task_effect(s, e.build_task, effect="changes"),
        "exactly one system, data link or public service",
    ),
    "effect of a missing task": (
        lambda s, e: estate.add_task_effect(s, 9999, effect="changes", system_id=e.lgsp),
        "Task #9999 does not exist",
    ),
    "effect on a missing system": (
        lambda s, e: estate.add_task_effect(s, e.build_task, effect="builds", system_id=9999),
        "System #9999 does not exist",
    ),
    "duplicate effect": (
        lambda s, e: estate.add_task_effect(s, e.build_task, effect="builds", system_id=e.registry),
        "already has that effect",
    ),
    "committee member with nobody": (
        lambda s, e: estate.add_committee_member(s, role="member"),
        "needs a person's name or a unit",
    ),
    "IT unit without its unit": (
        lambda s, e: estate.add_committee_member(s, role="it_unit", person="Trần Thị C"),
        "The unit in charge of IT needs its unit chosen",
    ),
    "committee place below 0": (
        lambda s, e: estate.update_committee_member(s, e.head, position_in_list=-1),
        "Place in the list must be at least 0",
    ),
    "security plan approved as words": (
        lambda s, e: estate.update_system(s, e.lgsp, security_plan_approved="có"),
        "Security plan approved must be yes or no",
    ),
    "link through an unknown platform": (
        lambda s, e: estate.update_data_link(s, e.link, via="email"),
        "Through cannot be 'email'",
    ),
    "unknown system kind": (
        lambda s, e: estate.add_system(s, name="Z", kind="mainframe"),
        "System kind cannot be 'mainframe'",
    ),
    "treatment twice": (
        lambda s, e: estate.add_risk_treatment(s, e.risk, e.build_task),
        "already treats this risk",
    ),
    "treatment of a missing risk": (
        lambda s, e: estate.add_risk_treatment(s, 9999, e.build_task),
        "Risk #9999 does not exist",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS), ids=list(REFUSALS))
def test_bad_input_is_refused_with_one_clear_message_and_changes_nothing(
    store: PlanStore, filled: Estate, case: str
) -> None:
    operation, words = REFUSALS[case]
    before = snapshot(store)
    with pytest.raises(DomainError) as refused:
        operation(store, filled)
    assert isinstance(refused.value, InvalidInputError | NotFoundError)
    assert words in refused.value.message
    assert snapshot(store) == before


def test_what_a_filled_estate_holds_reads_back_through_the_service(store: PlanStore, filled: Estate) -> None:
    systems = {system.code: system for system in estate_service.systems(store)}
    assert set(systems) == {"TTDL", "CLOUD", "LGSP", "MC", "CSDLQGDC"}
    assert systems["MC"].hosted_on_id == filled.cloud and systems["MC"].security_level == 2
    assert systems["TTDL"].security_plan_approved is True
    [link] = estate_service.data_links(store)
    assert (link.from_system_id, link.to_system_id, link.via.value) == (
        filled.registry,
        filled.population,
        "ndxp",
    )
    [service] = estate_service.public_services(store)
    assert (service.online_share, service.level_old, service.on_national_portal) == (42.5, 3, True)
    assert [member.role.value for member in estate_service.committee(store)] == ["head", "it_unit"]
    effects = estate_service.effects_of_task(store, filled.build_task)
    assert {(effect.effect.value, effect.system_id, effect.data_link_id) for effect in effects} == {
        ("builds", filled.registry, None),
        ("connects", None, filled.link),
    }
    [raised] = estate_service.effects_on(store, service_id=filled.service)
    assert raised.task_id == filled.raise_task and raised.service_level is not None
    assert [each.task_id for each in estate_service.treatments_of(store, filled.risk)] == [filled.build_task]


def test_an_edit_from_a_stale_version_is_refused_and_the_newer_one_kept(
    store: PlanStore, filled: Estate
) -> None:
    [seen] = [system for system in estate_service.systems(store) if system.id == filled.lgsp]
    estate.update_system(store, filled.lgsp, seen=seen.version, name="LGSP tỉnh")
    with pytest.raises(ConflictError):
        estate.update_system(store, filled.lgsp, seen=seen.version, name="LGSP của tôi")
    with pytest.raises(ConflictError):
        estate.delete_system(store, filled.lgsp, seen=seen.version)
    [now] = [system for system in estate_service.systems(store) if system.id == filled.lgsp]
    assert now.name == "LGSP tỉnh" and now.version == seen.version + 1
    [service] = estate_service.public_services(store)
    estate.update_public_service(store, filled.service, seen=service.version, online_share=80)
    with pytest.raises(ConflictError):
        estate.update_public_service(store, filled.service, seen=service.version, online_share=90)


def test_deleting_a_system_takes_its_links_and_effects_and_leaves_the_rest_without_it(
    store: PlanStore, filled: Estate
) -> None:
    changes = estate.delete_system(store, filled.registry)
    assert changes.deleted[Entity.SYSTEM] == [filled.registry]
    assert changes.deleted[Entity.DATA_LINK] == [filled.link]
    assert sorted(changes.deleted[Entity.TASK_EFFECT]) == sorted([filled.builds, filled.connects])
    assert changes.updated[Entity.PUBLIC_SERVICE] == [filled.service]
    assert changes.updated[Entity.OPEN_DATASET] == [filled.dataset]
    assert estate_service.data_links(store) == []
    assert [effect.id for effect in estate_service.effects_of_task(store, filled.build_task)] == []
    [service] = estate_service.public_services(store)
    [dataset] = estate_service.open_datasets(store)
    assert service.system_id is None and dataset.system_id is None
    assert service.version == 2  # an editor that saw it with the system is told it changed


def test_deleting_a_host_leaves_what_ran_on_it_without_a_host(store: PlanStore, filled: Estate) -> None:
    changes = estate.delete_system(store, filled.cloud)
    assert changes.updated[Entity.SYSTEM] == [filled.registry]
    [registry] = [system for system in estate_service.systems(store) if system.id == filled.registry]
    assert registry.hosted_on_id is None


def test_a_raise_of_level_changes_to_another_level_and_a_link_reconnects_through_another_platform(
    store: PlanStore, filled: Estate
) -> None:
    estate.update_task_effect(store, filled.raises, service_level="partial_online")
    [raised] = estate_service.effects_on(store, service_id=filled.service)
    assert raised.service_level is not None and raised.service_level.value == "partial_online"
    estate.update_data_link(store, filled.link, via="lgsp")
    [link] = estate_service.data_links(store)
    assert link.via.value == "lgsp"


def test_an_estate_edit_is_undone_and_redone(store: PlanStore, filled: Estate) -> None:
    before = snapshot(store, versions=False)
    estate.delete_system(store, filled.registry)
    step = undo.last_step(store)
    assert step is not None and estate_service.data_links(store) == []
    again = undo.undo(store, step)
    assert snapshot(store, versions=False) == before
    undo.redo(store, again)
    assert estate_service.data_links(store) == []
    assert filled.registry not in {system.id for system in estate_service.systems(store)}


def test_a_treatment_is_removed_and_a_second_removal_is_refused(store: PlanStore, filled: Estate) -> None:
    estate.remove_risk_treatment(store, filled.risk, filled.build_task)
    assert estate_service.treatments_of(store, filled.risk) == []
    with pytest.raises(NotFoundError):
        estate.remove_risk_treatment(store, filled.risk, filled.build_task)


def test_a_unit_that_owns_estate_elements_is_not_deleted_and_says_why(
    store: PlanStore, filled: Estate
) -> None:
    before = snapshot(store)
    with pytest.raises(InUseError) as refused:
        delete_unit(store, filled.basics.department)
    message = refused.value.message
    assert "1 systems" in message and "1 public services" in message and "1 open datasets" in message
    assert "1 committee members" in message
    assert snapshot(store) == before


def test_merging_units_moves_the_estate_of_the_merged_unit_to_the_kept_one(
    store: PlanStore, filled: Estate
) -> None:
    ministry, department = filled.basics.ministry, filled.basics.department
    update_unit(store, department, parent_id=None)
    merge_units(store, ministry, department)
    owners = {system.code: system.owner_unit_id for system in estate_service.systems(store)}
    assert owners["TTDL"] == ministry
    [service] = estate_service.public_services(store)
    [dataset] = estate_service.open_datasets(store)
    assert (service.unit_id, dataset.publisher_unit_id) == (ministry, ministry)
    assert {member.unit_id for member in estate_service.committee(store)} == {ministry}


def test_deleting_a_task_says_its_effects_and_treatments_went_with_it(
    store: PlanStore, filled: Estate
) -> None:
    changes = delete_task(store, filled.build_task)
    assert sorted(changes.deleted[Entity.TASK_EFFECT]) == sorted([filled.builds, filled.connects])
    assert changes.deleted[Entity.RISK_TREATMENT] == [filled.risk]
    assert estate_service.treatments_of(store, filled.risk) == []


def test_deleting_a_risk_says_its_treatments_went_with_it(store: PlanStore, filled: Estate) -> None:
    changes = delete_risk(store, filled.risk)
    assert changes.deleted[Entity.RISK_TREATMENT] == [filled.risk]


def test_units_that_both_handle_a_procedure_code_are_not_merged(store: PlanStore, filled: Estate) -> None:
    estate.add_public_service(
        store, name="Đăng ký khai sinh", code="1.001234", unit_id=filled.basics.ministry
    )
    before = snapshot(store)
    with pytest.raises(InvalidInputError) as refused:
        merge_units(store, filled.basics.ministry, filled.basics.department)
    assert "both handle the procedure with the code 1.001234" in refused.value.message
    assert snapshot(store) == before


def test_before_a_system_is_deleted_the_user_is_told_what_goes_with_it_and_what_stays(
    store: PlanStore, filled: Estate
) -> None:
    going = estate_deletion.what_goes_with_system(store, filled.registry)
    assert (going.links, going.effects, going.services, going.datasets, going.hosted) == (1, 2, 1, 1, 0)
    assert going.question() == (
        "Delete “Hệ thống thông tin giải quyết thủ tục hành chính”? Its 1 data links and 2 task effects "
        "are deleted with it; 1 public services and 1 open datasets stay, without it."
    )
    host = estate_deletion.what_goes_with_system(store, filled.cloud)
    assert host.question() == (
        "Delete “Nền tảng điện toán đám mây Chính phủ”? 1 systems that run on it stay, without it."
    )
    lone = estate_deletion.what_goes_with_system(store, filled.lgsp)
    assert lone.question() is None  # nothing refers to it: it goes without asking


def test_a_conflict_on_a_system_is_shown_with_the_fields_and_hosts_as_the_user_reads_them(
    store: PlanStore, filled: Estate
) -> None:
    [seen] = [system for system in estate_service.systems(store) if system.id == filled.registry]
    estate.update_system(store, filled.registry, seen=seen.version, security_level=3, hosted_on_id=None)
    with pytest.raises(ConflictError) as refused:
        estate.update_system(
            store, filled.registry, seen=seen.version, security_level=4, hosted_on_id=filled.data_centre
        )
    [record] = conflicts.differences(store, refused.value, lambda day: day.isoformat())
    shown = {difference.label: (difference.mine_text, difference.theirs_text) for difference in record.fields}
    assert shown == {
        "Security level": ("4", "3"),
        "Hosted on": ("TTDL Trung tâm dữ liệu tỉnh", "—"),
    }


def test_a_conflict_on_a_yes_or_no_field_says_yes_or_no(store: PlanStore, filled: Estate) -> None:
    [seen] = [system for system in estate_service.systems(store) if system.id == filled.lgsp]
    estate.update_system(store, filled.lgsp, seen=seen.version, security_plan_approved=True, name="LGSP")
    with pytest.raises(ConflictError) as refused:
        estate.update_system(store, filled.lgsp, seen=seen.version, security_plan_approved=False)
    [record] = conflicts.differences(store, refused.value, lambda day: day.isoformat())
    [difference] = record.fields
    assert (difference.label, difference.mine_text, difference.theirs_text) == (
        "Security plan approved",
        "no",
        "yes",
    )


@pytest.mark.parametrize("kind", list(estate_service.ESTATE_TABLES), ids=lambda kind: kind.__name__)
def test_each_kind_of_estate_record_carries_every_field_of_its_table(kind: type) -> None:
    """A field added to a table must reach its form: the record type would otherwise drop it."""
    columns = {column.name for column in estate_service.ESTATE_TABLES[kind].__table__.columns}  # type: ignore[attr-defined]
    assert {field.name for field in dataclasses.fields(kind)} == columns
