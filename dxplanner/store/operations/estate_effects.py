"""Operations that tie the plans to the estate: what a task does to an element, which tasks treat a risk."""

from __future__ import annotations

from sqlmodel import Session, SQLModel, col, select

from dxplanner.core import rules
from dxplanner.core.effect_targets import EffectTarget, refuse_senseless
from dxplanner.core.enums import EffectKind, ServiceLevel
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.core.models import DataLink, PublicService, Risk, RiskTreatment, System, Task, TaskEffect
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._estate_rules import fetch_to_delete, optional_member
from dxplanner.store.operations._records import Checkers, fetch, insert_checked, update_checked
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "effect": lambda value: rules.member(EffectKind, value, _("Effect")),
        "system_id": lambda value: rules.optional_whole_number(value, _("System")),
        "data_link_id": lambda value: rules.optional_whole_number(value, _("Data link")),
        "service_id": lambda value: rules.optional_whole_number(value, _("Public service")),
        "service_level": lambda value: optional_member(ServiceLevel, value, _("Level of online service")),
    }


def add_task_effect(store: PlanStore, task_id: int, **fields: object) -> Changes:
    """Say what a task does, once done, to one system, data link or public service."""
    with store.write() as session:
        fetch(session, Task, task_id, _("Task"))
        effect = TaskEffect(task_id=task_id, effect=EffectKind.CHANGES)
        effect_id = insert_checked(session, effect, fields, _checkers(), _validate, required=("effect",))
        return Changes().create(Entity.TASK_EFFECT, effect_id)


def update_task_effect(
    store: PlanStore, effect_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change what a task does, or to what.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            TaskEffect,
            effect_id,
            _("Task effect"),
            fields,
            _checkers(),
            _validate,
            Entity.TASK_EFFECT,
            seen=seen,
        )


def delete_task_effect(store: PlanStore, effect_id: int, *, seen: int | None = None) -> Changes:
    """Remove what a task does to an element (the task and the element stay)."""
    with store.write() as session:
        session.delete(fetch_to_delete(session, TaskEffect, effect_id, _("Task effect"), seen))
        return Changes().delete(Entity.TASK_EFFECT, effect_id)


def add_risk_treatment(store: PlanStore, risk_id: int, task_id: int) -> Changes:
    """Name a task that treats a risk."""
    with store.write() as session:
        fetch(session, Risk, risk_id, _("Risk"))
        fetch(session, Task, task_id, _("Task"))
        if session.get(RiskTreatment, (risk_id, task_id)) is not None:
            raise InvalidInputError(_("That task already treats this risk."))
        session.add(RiskTreatment(risk_id=risk_id, task_id=task_id))
        return Changes().create(Entity.RISK_TREATMENT, risk_id)


def remove_risk_treatment(store: PlanStore, risk_id: int, task_id: int) -> Changes:
    """Say a task no longer treats a risk (both stay)."""
    with store.write() as session:
        treatment = session.get(RiskTreatment, (risk_id, task_id))
        if treatment is None:
            raise NotFoundError(_("That task does not treat this risk (any more)."))
        session.delete(treatment)
        return Changes().delete(Entity.RISK_TREATMENT, risk_id)


def _validate(session: Session, effect: TaskEffect) -> None:
    targets = [
        (target, value)
        for target, value in (
            (EffectTarget.SYSTEM, effect.system_id),
            (EffectTarget.DATA_LINK, effect.data_link_id),
            (EffectTarget.SERVICE, effect.service_id),
        )
        if value is not None
    ]
    if len(targets) != 1:
        raise InvalidInputError(_("An effect acts on exactly one system, data link or public service."))
    [(target, target_id)] = targets
    models: dict[EffectTarget, type[SQLModel]] = {
        EffectTarget.SYSTEM: System,
        EffectTarget.DATA_LINK: DataLink,
        EffectTarget.SERVICE: PublicService,
    }
    what = {
        EffectTarget.SYSTEM: _("System"),
        EffectTarget.DATA_LINK: _("Data link"),
        EffectTarget.SERVICE: _("Public service"),
    }[target]
    fetch(session, models[target], target_id, what)
    refuse_senseless(effect.effect, target)
    if effect.effect is EffectKind.RAISES_LEVEL and effect.service_level is None:
        raise InvalidInputError(_("Say which level the task raises the service to."))
    if effect.effect is not EffectKind.RAISES_LEVEL and effect.service_level is not None:
        raise InvalidInputError(
            _("Only raising a service to a level takes a level; clear the level or choose that effect.")
        )
    duplicate = session.exec(
        select(TaskEffect.id).where(
            TaskEffect.task_id == effect.task_id,
            TaskEffect.effect == effect.effect,
            getattr(TaskEffect, target.value) == target_id,
            col(TaskEffect.id) != effect.id,
        )
    ).first()
    if duplicate is not None:
        raise InvalidInputError(_("The task already has that effect on that element."))
