"""Operations on the estate's open datasets, public services and the steering committee's members."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import CommitteeRole, EstateStatus, ServiceLevel, UpdateFrequency
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import CommitteeMember, OpenDataset, PublicService, System, TaskEffect
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._estate_rules import (
    existing_unit,
    fetch_to_delete,
    flag,
    optional_member,
)
from dxplanner.store.operations._records import Checkers, fetch, insert_checked, update_checked
from dxplanner.store.plan_store import PlanStore

OLD_LEVELS = (1, 4)  # the levels of online service in plans before Decree 42/2022


def _dataset_checkers() -> Checkers:
    return {
        "name": lambda value: rules.required_text(value, _("Dataset name")),
        "publisher_unit_id": lambda value: rules.optional_whole_number(value, _("Publisher")),
        "system_id": lambda value: rules.optional_whole_number(value, _("Source system")),
        "published_at": lambda value: rules.optional_text(value, _("Published at")),
        "data_format": lambda value: rules.optional_text(value, _("Format")),
        "update_frequency": lambda value: optional_member(UpdateFrequency, value, _("Updated")),
        "status": lambda value: rules.member(EstateStatus, value, _("Status")),
    }


def _service_checkers() -> Checkers:
    low, high = OLD_LEVELS
    return {
        "code": lambda value: rules.optional_text(value, _("Procedure code")),
        "name": lambda value: rules.required_text(value, _("Procedure name")),
        "field": lambda value: rules.optional_text(value, _("Field")),
        "unit_id": lambda value: rules.optional_whole_number(value, _("Handling unit")),
        "system_id": lambda value: rules.optional_whole_number(value, _("Served through")),
        "level_old": lambda value: rules.optional_whole_number(value, _("Old level"), low=low, high=high),
        "level": lambda value: optional_member(ServiceLevel, value, _("Level of online service")),
        "on_national_portal": lambda value: flag(value, _("On the national public-service portal")),
        "online_payment": lambda value: flag(value, _("Online payment")),
        "online_share": lambda value: (
            None
            if value is None
            else rules.number(
                value, _("Share of dossiers filed online"), low=rules.PROGRESS_MIN, high=rules.PROGRESS_MAX
            )
        ),
    }


def _member_checkers() -> Checkers:
    return {
        "person": lambda value: rules.optional_text(value, _("Person")),
        "position": lambda value: rules.optional_text(value, _("Position")),
        "unit_id": lambda value: rules.optional_whole_number(value, _("Unit")),
        "role": lambda value: rules.member(CommitteeRole, value, _("Role")),
        "position_in_list": lambda value: rules.whole_number(value, _("Place in the list"), low=0),
    }


def add_open_dataset(store: PlanStore, **fields: object) -> Changes:
    """Add a dataset a unit publishes as open data (a name is required)."""
    with store.write() as session:
        dataset = OpenDataset(name="")
        dataset_id = insert_checked(
            session, dataset, fields, _dataset_checkers(), _validate_dataset, required=("name",)
        )
        return Changes().create(Entity.OPEN_DATASET, dataset_id)


def update_open_dataset(
    store: PlanStore, dataset_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change an open dataset.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            OpenDataset,
            dataset_id,
            _("Open dataset"),
            fields,
            _dataset_checkers(),
            _validate_dataset,
            Entity.OPEN_DATASET,
            seen=seen,
        )


def delete_open_dataset(store: PlanStore, dataset_id: int, *, seen: int | None = None) -> Changes:
    """Delete an open dataset."""
    with store.write() as session:
        session.delete(fetch_to_delete(session, OpenDataset, dataset_id, _("Open dataset"), seen))
        return Changes().delete(Entity.OPEN_DATASET, dataset_id)


def add_public_service(store: PlanStore, **fields: object) -> Changes:
    """Add an administrative procedure offered online (a name is required)."""
    with store.write() as session:
        service = PublicService(name="")
        service_id = insert_checked(
            session, service, fields, _service_checkers(), _validate_service, required=("name",)
        )
        return Changes().create(Entity.PUBLIC_SERVICE, service_id)


def update_public_service(
    store: PlanStore, service_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change a public service.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            PublicService,
            service_id,
            _("Public service"),
            fields,
            _service_checkers(),
            _validate_service,
            Entity.PUBLIC_SERVICE,
            seen=seen,
        )


def delete_public_service(store: PlanStore, service_id: int, *, seen: int | None = None) -> Changes:
    """Delete a public service with every task's effect on it."""
    with store.write() as session:
        service = fetch_to_delete(session, PublicService, service_id, _("Public service"), seen)
        changes = Changes().delete(Entity.PUBLIC_SERVICE, service_id)
        for effect_id in session.exec(select(TaskEffect.id).where(TaskEffect.service_id == service_id)).all():
            changes.delete(Entity.TASK_EFFECT, int(effect_id))  # type: ignore[arg-type]
        session.delete(service)
        return changes


def add_committee_member(store: PlanStore, **fields: object) -> Changes:
    """Add a member of the steering committee, or the unit in charge of IT."""
    with store.write() as session:
        member = CommitteeMember()
        member_id = insert_checked(session, member, fields, _member_checkers(), _validate_member)
        return Changes().create(Entity.COMMITTEE_MEMBER, member_id)


def update_committee_member(
    store: PlanStore, member_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change a committee member.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            CommitteeMember,
            member_id,
            _("Committee member"),
            fields,
            _member_checkers(),
            _validate_member,
            Entity.COMMITTEE_MEMBER,
            seen=seen,
        )


def delete_committee_member(store: PlanStore, member_id: int, *, seen: int | None = None) -> Changes:
    """Take a member off the committee."""
    with store.write() as session:
        session.delete(fetch_to_delete(session, CommitteeMember, member_id, _("Committee member"), seen))
        return Changes().delete(Entity.COMMITTEE_MEMBER, member_id)


def _validate_dataset(session: Session, dataset: OpenDataset) -> None:
    existing_unit(session, dataset.publisher_unit_id, _("Publisher"))
    if dataset.system_id is not None:
        fetch(session, System, dataset.system_id, _("Source system"))


def _validate_service(session: Session, service: PublicService) -> None:
    existing_unit(session, service.unit_id, _("Handling unit"))
    if service.system_id is not None:
        fetch(session, System, service.system_id, _("Served through"))
    if service.code is None:
        return
    unit = col(PublicService.unit_id)
    duplicate = session.exec(
        select(PublicService.name).where(
            PublicService.code == service.code,
            unit.is_(None) if service.unit_id is None else unit == service.unit_id,
            col(PublicService.id) != service.id,
        )
    ).first()
    if duplicate is not None:
        raise InvalidInputError(
            _("The unit already has a procedure with the code {code} (“{name}”).").format(
                code=service.code, name=duplicate
            )
        )


def _validate_member(session: Session, member: CommitteeMember) -> None:
    if member.person is None and member.unit_id is None:
        raise InvalidInputError(_("A committee member needs a person's name or a unit."))
    if member.role is CommitteeRole.IT_UNIT and member.unit_id is None:
        raise InvalidInputError(_("The unit in charge of IT needs its unit chosen."))
    existing_unit(session, member.unit_id, _("Unit"))
