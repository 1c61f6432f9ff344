"""Operations on units: create, rename, move in the tree, delete."""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import UnitKind
from dxplanner.core.errors import InUseError, InvalidInputError
from dxplanner.core.models import (
    ActionPlan,
    CommitteeMember,
    Indicator,
    LoginUnit,
    OpenDataset,
    PublicService,
    Risk,
    SocioEconomicPlan,
    StaffLine,
    Strategy,
    System,
    Task,
    TaskUnit,
    Unit,
)
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import (
    Checkers,
    bump_version,
    count,
    fetch,
    insert_checked,
    update_checked,
)
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "code": lambda value: rules.required_text(value, _("Unit code")),
        "name": lambda value: rules.required_text(value, _("Unit name")),
        "short_name": lambda value: rules.optional_text(value, _("Short name")),
        "kind": lambda value: rules.member(UnitKind, value, _("Unit kind")),
        "parent_id": lambda value: rules.optional_whole_number(value, _("Parent unit")),
    }


def create_unit(store: PlanStore, **fields: object) -> Changes:
    """Add a unit (code and name required), optionally under a parent unit."""
    with store.write() as session:
        unit = Unit(code="", name="")
        unit_id = insert_checked(session, unit, fields, _checkers(), _validate, required=("code", "name"))
        return Changes().create(Entity.UNIT, unit_id)


def update_unit(store: PlanStore, unit_id: int, *, seen: int | None = None, **fields: object) -> Changes:
    """Change a unit's fields; changing parent_id moves it in the tree.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session, Unit, unit_id, _("Unit"), fields, _checkers(), _validate, Entity.UNIT, seen=seen
        )


def delete_unit(store: PlanStore, unit_id: int) -> Changes:
    """Delete a unit that nothing depends on any more; risks it owned and indicators it followed lose it."""
    with store.write() as session:
        unit = fetch(session, Unit, unit_id, _("Unit"))
        _refuse_if_used(session, unit)
        changes = Changes()
        for risk in session.exec(select(Risk).where(Risk.owner_unit_id == unit_id)).all():
            risk.owner_unit_id = None
            bump_version(risk)
            session.add(risk)
            assert risk.id is not None
            changes.update(Entity.RISK, risk.id)
        for indicator in session.exec(select(Indicator).where(Indicator.lead_unit_id == unit_id)).all():
            indicator.lead_unit_id = None
            bump_version(indicator)
            session.add(indicator)
            assert indicator.id is not None
            changes.update(Entity.INDICATOR, indicator.id)
        session.delete(unit)
        return changes.delete(Entity.UNIT, unit_id)


def merge_units(store: PlanStore, keep_id: int, merged_id: int) -> Changes:
    """Fold one unit into another: everything that named the merged unit names the kept one."""
    with store.write() as session:
        keep = fetch(session, Unit, keep_id, _("Unit"))
        merged = fetch(session, Unit, merged_id, _("Unit"))
        if keep_id == merged_id:
            raise InvalidInputError(_("A unit cannot be merged into itself."))
        if _is_within(session, keep_id, merged_id):
            raise InvalidInputError(
                _("{keep} lies under {merged}; move it out before merging them.").format(
                    keep=keep.name, merged=merged.name
                )
            )
        _refuse_clashing_procedures(session, keep, merged)
        changes = Changes()
        for model, column in (
            (Unit, "parent_id"),
            (Task, "lead_unit_id"),
            (ActionPlan, "unit_id"),
            (Strategy, "unit_id"),
            (SocioEconomicPlan, "unit_id"),
            (Risk, "owner_unit_id"),
            (Indicator, "lead_unit_id"),
            (LoginUnit, "unit_id"),  # a shared plan's reporters report for the kept unit
            (System, "owner_unit_id"),
            (OpenDataset, "publisher_unit_id"),
            (PublicService, "unit_id"),
            (CommitteeMember, "unit_id"),
        ):
            for record in session.exec(select(model).where(getattr(model, column) == merged_id)).all():
                setattr(record, column, keep_id)
                bump_version(record)
                session.add(record)
        session.flush()
        _merge_cooperation(session, keep_id, merged_id)
        _merge_staff(session, keep_id, merged_id)
        session.delete(merged)
        changes.update(Entity.UNIT, keep_id)
        return changes.delete(Entity.UNIT, merged_id)


def _refuse_clashing_procedures(session: Session, keep: Unit, merged: Unit) -> None:
    """Both units may not handle a procedure of the same code: merged, one unit would hold it twice."""
    kept_codes = session.exec(
        select(PublicService.code).where(
            PublicService.unit_id == keep.id, col(PublicService.code).is_not(None)
        )
    ).all()
    clash = session.exec(
        select(PublicService.code).where(
            PublicService.unit_id == merged.id, col(PublicService.code).in_(list(kept_codes))
        )
    ).first()
    if clash is not None:
        raise InvalidInputError(
            _(
                "{keep} and {merged} both handle the procedure with the code {code}; delete one of the "
                "two public services before merging them."
            ).format(keep=keep.name, merged=merged.name, code=clash)
        )


def _merge_cooperation(session: Session, keep_id: int, merged_id: int) -> None:
    for link in session.exec(select(TaskUnit).where(TaskUnit.unit_id == merged_id)).all():
        task = session.get(Task, link.task_id)
        already = session.get(TaskUnit, (link.task_id, keep_id))
        session.delete(link)
        if already is None and task is not None and task.lead_unit_id != keep_id:
            session.add(TaskUnit(task_id=link.task_id, unit_id=keep_id, role=link.role))
    # The kept unit may now lead a task it also cooperated on: it leads.
    session.flush()
    for link in session.exec(select(TaskUnit).where(TaskUnit.unit_id == keep_id)).all():
        task = session.get(Task, link.task_id)
        if task is not None and task.lead_unit_id == keep_id:
            session.delete(link)


def _merge_staff(session: Session, keep_id: int, merged_id: int) -> None:
    for line in session.exec(select(StaffLine).where(StaffLine.unit_id == merged_id)).all():
        kept = session.exec(
            select(StaffLine).where(StaffLine.task_id == line.task_id, StaffLine.unit_id == keep_id)
        ).first()
        if kept is None:
            line.unit_id = keep_id
            bump_version(line)
            session.add(line)
        else:
            kept.person_months += line.person_months
            bump_version(kept)
            session.add(kept)
            session.delete(line)


def _validate(session: Session, unit: Unit) -> None:
    duplicate = session.exec(select(Unit.id).where(Unit.code == unit.code, col(Unit.id) != unit.id)).first()
    if duplicate is not None:
        raise InvalidInputError(_("Another unit already has the code {code}.").format(code=unit.code))
    if unit.parent_id is not None:
        fetch(session, Unit, unit.parent_id, _("Parent unit"))
        if unit.id is not None and _is_within(session, unit.parent_id, unit.id):
            raise InvalidInputError(
                _("{name} cannot be placed under itself or one of its own sub-units.").format(name=unit.name)
            )


def _is_within(session: Session, candidate_id: int, ancestor_id: int) -> bool:
    """Whether candidate is ancestor or lies below it."""
    current: int | None = candidate_id
    while current is not None:
        if current == ancestor_id:
            return True
        current = session.exec(select(Unit.parent_id).where(Unit.id == current)).one()
    return False


def _refuse_if_used(session: Session, unit: Unit) -> None:
    uses: Mapping[str, int] = {
        _("sub-units"): count(session, Unit, Unit.parent_id == unit.id),
        _("tasks it leads"): count(session, Task, Task.lead_unit_id == unit.id),
        _("tasks it cooperates on"): count(session, TaskUnit, TaskUnit.unit_id == unit.id),
        _("action plans"): count(session, ActionPlan, ActionPlan.unit_id == unit.id),
        _("strategies"): count(session, Strategy, Strategy.unit_id == unit.id),
        _("socio-economic plans"): count(session, SocioEconomicPlan, SocioEconomicPlan.unit_id == unit.id),
        _("staff lines"): count(session, StaffLine, StaffLine.unit_id == unit.id),
        _("systems"): count(session, System, System.owner_unit_id == unit.id),
        _("open datasets"): count(session, OpenDataset, OpenDataset.publisher_unit_id == unit.id),
        _("public services"): count(session, PublicService, PublicService.unit_id == unit.id),
        _("committee members"): count(session, CommitteeMember, CommitteeMember.unit_id == unit.id),
    }
    in_use = [f"{number} {what}" for what, number in uses.items() if number]
    if in_use:
        raise InUseError(
            _("{name} cannot be deleted: it still has {uses}. Move those to another unit first.").format(
                name=unit.name, uses=", ".join(in_use)
            )
        )
