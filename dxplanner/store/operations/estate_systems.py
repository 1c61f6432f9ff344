"""Operations on the estate's systems (where each runs) and the data links between them."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import DataLinkVia, EstateStatus, GovernmentLevel, Hosting, SystemKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import DataLink, OpenDataset, PublicService, System, TaskEffect
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._estate_rules import (
    existing_unit,
    fetch_to_delete,
    flag,
    optional_member,
)
from dxplanner.store.operations._records import (
    Checkers,
    bump_version,
    fetch,
    insert_checked,
    update_checked,
)
from dxplanner.store.plan_store import PlanStore

SECURITY_LEVELS = (1, 5)  # Decree 85/2016's levels of information security


def _system_checkers() -> Checkers:
    low, high = SECURITY_LEVELS
    return {
        "code": lambda value: rules.optional_text(value, _("System code")),
        "name": lambda value: rules.required_text(value, _("System name")),
        "short_name": lambda value: rules.optional_text(value, _("Short name")),
        "kind": lambda value: rules.member(SystemKind, value, _("System kind")),
        "owner_unit_id": lambda value: rules.optional_whole_number(value, _("Owner unit")),
        "level": lambda value: rules.member(GovernmentLevel, value, _("Level")),
        "hosting": lambda value: optional_member(Hosting, value, _("Hosting")),
        "hosted_on_id": lambda value: rules.optional_whole_number(value, _("Hosted on")),
        "security_level": lambda value: rules.optional_whole_number(
            value, _("Security level"), low=low, high=high
        ),
        "security_plan_approved": lambda value: flag(value, _("Security plan approved")),
        "status": lambda value: rules.member(EstateStatus, value, _("Status")),
        "description": lambda value: rules.optional_text(value, _("Description")),
    }


def _link_checkers() -> Checkers:
    return {
        "from_system_id": lambda value: rules.whole_number(value, _("From system")),
        "to_system_id": lambda value: rules.whole_number(value, _("To system")),
        "via": lambda value: rules.member(DataLinkVia, value, _("Through")),
        "data": lambda value: rules.optional_text(value, _("Data shared")),
        "status": lambda value: rules.member(EstateStatus, value, _("Status")),
    }


def add_system(store: PlanStore, **fields: object) -> Changes:
    """Add a system, platform, database, portal or piece of infrastructure (a name is required)."""
    with store.write() as session:
        system = System(name="")
        system_id = insert_checked(
            session, system, fields, _system_checkers(), _validate_system, required=("name",)
        )
        return Changes().create(Entity.SYSTEM, system_id)


def update_system(store: PlanStore, system_id: int, *, seen: int | None = None, **fields: object) -> Changes:
    """Change a system's fields.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            System,
            system_id,
            _("System"),
            fields,
            _system_checkers(),
            _validate_system,
            Entity.SYSTEM,
            seen=seen,
        )


def delete_system(store: PlanStore, system_id: int, *, seen: int | None = None) -> Changes:
    """Delete a system with its data links and every task's effect on it or on them; the systems it
    hosted, the services served through it and the datasets drawn from it stay and lose it."""
    with store.write() as session:
        system = fetch_to_delete(session, System, system_id, _("System"), seen)
        changes = Changes().delete(Entity.SYSTEM, system_id)
        links = session.exec(
            select(DataLink.id).where(
                (col(DataLink.from_system_id) == system_id) | (col(DataLink.to_system_id) == system_id)
            )
        ).all()
        effects = session.exec(
            select(TaskEffect.id).where(
                (col(TaskEffect.system_id) == system_id) | col(TaskEffect.data_link_id).in_(links)
            )
        ).all()
        kinds: tuple[tuple[type[System | PublicService | OpenDataset], str, Entity], ...] = (
            (System, "hosted_on_id", Entity.SYSTEM),
            (PublicService, "system_id", Entity.PUBLIC_SERVICE),
            (OpenDataset, "system_id", Entity.OPEN_DATASET),
        )
        for kind, column, entity in kinds:
            # Cleared here rather than left to the database, so that their versions move on.
            for record in session.exec(select(kind).where(getattr(kind, column) == system_id)).all():
                setattr(record, column, None)
                bump_version(record)
                session.add(record)
                record_id = getattr(record, "id", None)
                assert isinstance(record_id, int)
                changes.update(entity, record_id)
        for link_id in links:
            changes.delete(Entity.DATA_LINK, int(link_id))  # type: ignore[arg-type]
        for effect_id in effects:
            changes.delete(Entity.TASK_EFFECT, int(effect_id))  # type: ignore[arg-type]
        session.flush()
        session.delete(system)
        return changes


def add_data_link(store: PlanStore, **fields: object) -> Changes:
    """Add the data one system shares with another (from and to required; through LGSP by default)."""
    with store.write() as session:
        link = DataLink(from_system_id=0, to_system_id=0)
        link_id = insert_checked(
            session,
            link,
            fields,
            _link_checkers(),
            _validate_link,
            required=("from_system_id", "to_system_id"),
        )
        return Changes().create(Entity.DATA_LINK, link_id)


def update_data_link(store: PlanStore, link_id: int, *, seen: int | None = None, **fields: object) -> Changes:
    """Change a data link.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            DataLink,
            link_id,
            _("Data link"),
            fields,
            _link_checkers(),
            _validate_link,
            Entity.DATA_LINK,
            seen=seen,
        )


def delete_data_link(store: PlanStore, link_id: int, *, seen: int | None = None) -> Changes:
    """Delete a data link with every task's effect on it."""
    with store.write() as session:
        link = fetch_to_delete(session, DataLink, link_id, _("Data link"), seen)
        changes = Changes().delete(Entity.DATA_LINK, link_id)
        for effect_id in session.exec(select(TaskEffect.id).where(TaskEffect.data_link_id == link_id)).all():
            changes.delete(Entity.TASK_EFFECT, int(effect_id))  # type: ignore[arg-type]
        session.delete(link)
        return changes


def _validate_system(session: Session, system: System) -> None:
    if system.code is not None:
        duplicate = session.exec(
            select(System.id).where(System.code == system.code, col(System.id) != system.id)
        ).first()
        if duplicate is not None:
            raise InvalidInputError(_("Another system already has the code {code}.").format(code=system.code))
    existing_unit(session, system.owner_unit_id, _("Owner unit"))
    if system.hosted_on_id is not None:
        _check_host(session, system, system.hosted_on_id)
    if system.id is not None and system.kind is not SystemKind.INFRASTRUCTURE:
        hosted = session.exec(select(System.name).where(System.hosted_on_id == system.id)).all()
        if hosted:
            raise InvalidInputError(
                _(
                    "{name} cannot stop being infrastructure: {systems} run on it. Move them elsewhere first."
                ).format(name=system.name, systems=", ".join(f"“{each}”" for each in hosted[:5]))
            )


def _check_host(session: Session, system: System, host_id: int) -> None:
    """A system runs on a piece of infrastructure other than itself, and no chain of hosts loops."""
    if host_id == system.id:
        raise InvalidInputError(_("{name} cannot run on itself.").format(name=system.name))
    host = fetch(session, System, host_id, _("Hosted on"))
    if host.kind is not SystemKind.INFRASTRUCTURE:
        raise InvalidInputError(
            _(
                "{name} cannot run on “{host}”: a system runs on infrastructure (a server room, a data "
                "centre, a cloud), and “{host}” is not."
            ).format(name=system.name, host=host.name)
        )
    if system.id is None:
        return  # a new system: nothing can be hosted on it yet
    current: int | None = host.hosted_on_id
    seen = {host_id}
    while current is not None and current not in seen:
        if current == system.id:
            raise InvalidInputError(
                _("{name} cannot run on “{host}”, which itself runs on {name}.").format(
                    name=system.name, host=host.name
                )
            )
        seen.add(current)
        current = session.exec(select(System.hosted_on_id).where(System.id == current)).first()


def _validate_link(session: Session, link: DataLink) -> None:
    source = fetch(session, System, link.from_system_id, _("From system"))
    fetch(session, System, link.to_system_id, _("To system"))
    if link.from_system_id == link.to_system_id:
        raise InvalidInputError(
            _("A data link joins two systems: “{name}” cannot share data with itself.").format(
                name=source.name
            )
        )
    duplicate = session.exec(
        select(DataLink.id).where(
            DataLink.from_system_id == link.from_system_id,
            DataLink.to_system_id == link.to_system_id,
            DataLink.via == link.via,
            col(DataLink.id) != link.id,
        )
    ).first()
    if duplicate is not None:
        raise InvalidInputError(
            _("These two systems already share data that way; change that link instead of adding another.")
        )
