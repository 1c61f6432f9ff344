"""Operations on risks of a strategy, an action plan or a task."""

from __future__ import annotations

from sqlmodel import Session, col

from dxplanner.core import rules
from dxplanner.core.enums import RiskCategory, RiskStatus
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import ActionPlan, Risk, RiskTreatment, Strategy, Task, Unit
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._cascade import note_treatments_going
from dxplanner.store.operations._records import Checkers, fetch, insert_checked, update_checked
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "text": lambda value: rules.required_text(value, _("Risk")),
        "category": lambda value: rules.member(RiskCategory, value, _("Category")),
        "likelihood": lambda value: rules.scale(value, _("Likelihood")),
        "impact": lambda value: rules.scale(value, _("Impact")),
        "mitigation": lambda value: rules.optional_text(value, _("Mitigation")),
        "owner_unit_id": lambda value: rules.optional_whole_number(value, _("Owner")),
        "status": lambda value: rules.member(RiskStatus, value, _("Status")),
    }


def add_risk(
    store: PlanStore,
    *,
    strategy_id: int | None = None,
    plan_id: int | None = None,
    task_id: int | None = None,
    **fields: object,
) -> Changes:
    """Add a risk to exactly one strategy, action plan or task."""
    with store.write() as session:
        owners = [owner for owner in (strategy_id, plan_id, task_id) if owner is not None]
        if len(owners) != 1:
            raise InvalidInputError(_("A risk belongs to exactly one strategy, action plan or task."))
        if strategy_id is not None:
            fetch(session, Strategy, strategy_id, _("Strategy"))
        if plan_id is not None:
            fetch(session, ActionPlan, plan_id, _("Action plan"))
        if task_id is not None:
            fetch(session, Task, task_id, _("Task"))
        risk = Risk(strategy_id=strategy_id, plan_id=plan_id, task_id=task_id, text="")
        risk_id = insert_checked(session, risk, fields, _checkers(), _validate, required=("text",))
        return Changes().create(Entity.RISK, risk_id)


def update_risk(store: PlanStore, risk_id: int, *, seen: int | None = None, **fields: object) -> Changes:
    """Change a risk's assessment, mitigation, owner or status.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session, Risk, risk_id, _("Risk"), fields, _checkers(), _validate, Entity.RISK, seen=seen
        )


def delete_risk(store: PlanStore, risk_id: int) -> Changes:
    """Remove a risk."""
    with store.write() as session:
        risk = fetch(session, Risk, risk_id, _("Risk"))
        changes = Changes().delete(Entity.RISK, risk_id)
        note_treatments_going(session, col(RiskTreatment.risk_id) == risk_id, changes)
        session.delete(risk)
        return changes


def _validate(session: Session, risk: Risk) -> None:
    if risk.owner_unit_id is not None:
        fetch(session, Unit, risk.owner_unit_id, _("Owner"))
