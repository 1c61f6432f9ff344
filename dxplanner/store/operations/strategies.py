"""Operations on socio-economic plans and strategies."""

from __future__ import annotations

from sqlmodel import Session

from dxplanner.core import rules
from dxplanner.core.enums import StrategyStatus
from dxplanner.core.errors import InUseError, InvalidInputError
from dxplanner.core.models import ActionPlan, SocioEconomicPlan, Strategy, Unit
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._cascade import note_sedp_going, note_strategy_going
from dxplanner.store.operations._records import Checkers, count, fetch, insert_checked, update_checked
from dxplanner.store.plan_store import PlanStore

_REQUIRED = ("name", "unit_id", "start_year", "end_year")


def _sedp_checkers() -> Checkers:
    return {
        "name": lambda value: rules.required_text(value, _("Name")),
        "unit_id": lambda value: rules.whole_number(value, _("Unit")),
        "start_year": lambda value: rules.year(value, _("Start year")),
        "end_year": lambda value: rules.year(value, _("End year")),
    }


def _strategy_checkers() -> Checkers:
    return {
        **_sedp_checkers(),
        "vision_year": lambda value: None if value is None else rules.year(value, _("Vision year")),
        "vision": lambda value: rules.optional_text(value, _("Vision")),
        "decision_no": lambda value: rules.optional_text(value, _("Decision number")),
        "decision_date": lambda value: rules.optional_date(value, _("Decision date")),
        "status": lambda value: rules.member(StrategyStatus, value, _("Status")),
        "sedp_id": lambda value: rules.optional_whole_number(value, _("Socio-economic plan")),
    }


def create_sedp(store: PlanStore, **fields: object) -> Changes:
    """Add a socio-economic development plan (name, unit and years required)."""
    with store.write() as session:
        sedp = SocioEconomicPlan(name="", unit_id=0, start_year=0, end_year=0)
        sedp_id = insert_checked(session, sedp, fields, _sedp_checkers(), _validate_sedp, required=_REQUIRED)
        return Changes().create(Entity.SEDP, sedp_id)


def update_sedp(store: PlanStore, sedp_id: int, *, seen: int | None = None, **fields: object) -> Changes:
    """Change a socio-economic plan's fields.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            SocioEconomicPlan,
            sedp_id,
            _("Socio-economic plan"),
            fields,
            _sedp_checkers(),
            _validate_sedp,
            Entity.SEDP,
            seen=seen,
        )


def delete_sedp(store: PlanStore, sedp_id: int) -> Changes:
    """Delete a socio-economic plan with its indicators; strategies that served it are unlinked."""
    with store.write() as session:
        sedp = fetch(session, SocioEconomicPlan, sedp_id, _("Socio-economic plan"))
        changes = Changes()
        note_sedp_going(session, sedp_id, changes)
        session.delete(sedp)
        return changes


def create_strategy(store: PlanStore, **fields: object) -> Changes:
    """Add a strategy (name, unit and years required)."""
    with store.write() as session:
        strategy = Strategy(name="", unit_id=0, start_year=0, end_year=0)
        strategy_id = insert_checked(
            session, strategy, fields, _strategy_checkers(), _validate_strategy, required=_REQUIRED
        )
        return Changes().create(Entity.STRATEGY, strategy_id)


def update_strategy(
    store: PlanStore, strategy_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change a strategy's fields.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            Strategy,
            strategy_id,
            _("Strategy"),
            fields,
            _strategy_checkers(),
            _validate_strategy,
            Entity.STRATEGY,
            seen=seen,
        )


def delete_strategy(store: PlanStore, strategy_id: int) -> Changes:
    """Delete a strategy with its goals and indicators, once it has no action plans."""
    with store.write() as session:
        strategy = fetch(session, Strategy, strategy_id, _("Strategy"))
        plans = count(session, ActionPlan, ActionPlan.strategy_id == strategy_id)
        if plans:
            raise InUseError(
                _("{name} still has {count} action plans; delete or move them first.").format(
                    name=strategy.name, count=plans
                )
            )
        changes = Changes()
        note_strategy_going(session, strategy_id, changes)
        session.delete(strategy)
        return changes


def _validate_sedp(session: Session, sedp: SocioEconomicPlan) -> None:
    fetch(session, Unit, sedp.unit_id, _("Unit"))
    rules.years_in_order(sedp.start_year, sedp.end_year, sedp.name)


def _validate_strategy(session: Session, strategy: Strategy) -> None:
    fetch(session, Unit, strategy.unit_id, _("Unit"))
    rules.years_in_order(strategy.start_year, strategy.end_year, strategy.name)
    if strategy.vision_year is not None and strategy.vision_year < strategy.end_year:
        raise InvalidInputError(
            _("The vision year {vision} comes before the end of the strategy ({end}).").format(
                vision=strategy.vision_year, end=strategy.end_year
            )
        )
    if strategy.sedp_id is not None:
        fetch(session, SocioEconomicPlan, strategy.sedp_id, _("Socio-economic plan"))
