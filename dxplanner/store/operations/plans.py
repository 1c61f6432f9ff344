"""Operations on action plans."""

from __future__ import annotations

from sqlmodel import Session

from dxplanner.core import rules
from dxplanner.core.enums import PlanStatus
from dxplanner.core.models import ActionPlan, Strategy, Unit
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import Checkers, apply_fields, fetch, new_id
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "name": lambda value: rules.required_text(value, _("Plan name")),
        "strategy_id": lambda value: rules.optional_whole_number(value, _("Strategy")),
        "unit_id": lambda value: rules.whole_number(value, _("Unit")),
        "start": lambda value: rules.required_date(value, _("Start date")),
        "end": lambda value: rules.required_date(value, _("End date")),
        "decision_no": lambda value: rules.optional_text(value, _("Decision number")),
        "status": lambda value: rules.member(PlanStatus, value, _("Status")),
    }


def create_plan(store: PlanStore, **fields: object) -> Changes:
    """Add an action plan (name, unit, start and end required), usually under a strategy."""
    with store.write() as session:
        plan = ActionPlan(name="", unit_id=0, start=None, end=None)  # type: ignore[arg-type]
        apply_fields(plan, dict.fromkeys(("name", "unit_id", "start", "end")) | fields, _checkers())
        _validate(session, plan)
        return Changes().create(Entity.PLAN, new_id(session, plan))


def update_plan(store: PlanStore, plan_id: int, **fields: object) -> Changes:
    """Change an action plan's fields."""
    with store.write() as session:
        plan = fetch(session, ActionPlan, plan_id, _("Action plan"))
        previous = apply_fields(plan, fields, _checkers())
        _validate(session, plan)
        session.add(plan)
        changes = Changes().update(Entity.PLAN, plan_id)
        changes.previous = previous
        return changes


def delete_plan(store: PlanStore, plan_id: int) -> Changes:
    """Delete an action plan with all its tasks."""
    with store.write() as session:
        session.delete(fetch(session, ActionPlan, plan_id, _("Action plan")))
        return Changes().delete(Entity.PLAN, plan_id)


def _validate(session: Session, plan: ActionPlan) -> None:
    fetch(session, Unit, plan.unit_id, _("Unit"))
    if plan.strategy_id is not None:
        fetch(session, Strategy, plan.strategy_id, _("Strategy"))
    rules.dates_in_order(plan.start, plan.end, plan.name)
