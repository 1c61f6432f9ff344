"""Operations on indicators, their yearly targets and their measured values."""

from __future__ import annotations

import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import Comparison, Direction
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.core.models import Goal, Indicator, IndicatorTarget, IndicatorValue, SocioEconomicPlan, Unit
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._cascade import note_indicators_going
from dxplanner.store.operations._records import Checkers, fetch, insert_checked, update_checked
from dxplanner.store.plan_store import PlanStore


def _checkers() -> Checkers:
    return {
        "code": lambda value: rules.required_text(value, _("Indicator code")),
        "name": lambda value: rules.required_text(value, _("Indicator name")),
        "measure_unit": lambda value: rules.optional_text(value, _("Unit of measure")) or "",
        "direction": lambda value: rules.member(Direction, value, _("Direction")),
        "baseline_value": lambda value: rules.optional_number(value, _("Baseline value")),
        "baseline_year": lambda value: None if value is None else rules.year(value, _("Baseline year")),
        "source": lambda value: rules.optional_text(value, _("Source")),
        "lead_unit_id": lambda value: rules.optional_whole_number(value, _("Lead unit")),
        "sedp_indicator_id": lambda value: rules.optional_whole_number(
            value, _("Socio-economic plan indicator")
        ),
    }


def create_indicator(
    store: PlanStore, *, goal_id: int | None = None, sedp_id: int | None = None, **fields: object
) -> Changes:
    """Add an indicator to a goal of a strategy, or to a socio-economic plan (exactly one)."""
    with store.write() as session:
        if (goal_id is None) == (sedp_id is None):
            raise InvalidInputError(_("An indicator belongs either to a goal or to a socio-economic plan."))
        indicator = Indicator(
            goal_id=rules.optional_whole_number(goal_id, _("Goal")),
            sedp_id=rules.optional_whole_number(sedp_id, _("Socio-economic plan")),
            code="",
            name="",
        )
        indicator_id = insert_checked(
            session, indicator, fields, _checkers(), _validate, required=("code", "name")
        )
        return Changes().create(Entity.INDICATOR, indicator_id)


def update_indicator(
    store: PlanStore, indicator_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change an indicator's fields.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            Indicator,
            indicator_id,
            _("Indicator"),
            fields,
            _checkers(),
            _validate,
            Entity.INDICATOR,
            seen=seen,
        )


def delete_indicator(store: PlanStore, indicator_id: int) -> Changes:
    """Delete an indicator with its targets and values."""
    with store.write() as session:
        indicator = fetch(session, Indicator, indicator_id, _("Indicator"))
        changes = Changes()
        note_indicators_going(session, [indicator_id], changes)
        session.delete(indicator)
        return changes


def set_indicator_target(
    store: PlanStore,
    indicator_id: int,
    year: int,
    value: float | None,
    *,
    scope: str = "",
    comparison: Comparison | None = None,
    text: str | None = None,
    upper: float | None = None,
) -> Changes:
    """Set the target of an indicator for a year (in a scope): a number, words, or both.

    With upper, the target is a range from the number to upper ("40 – 50"). With neither a
    number nor words the target is removed.
    """
    with store.write() as session:
        fetch(session, Indicator, indicator_id, _("Indicator"))
        checked_year = rules.year(year, _("Year"))
        checked_scope = _scope(scope)
        target = session.get(IndicatorTarget, (indicator_id, checked_year, checked_scope))
        changes = Changes().update(Entity.INDICATOR_TARGET, indicator_id)
        changes.previous = {"value": None if target is None else target.value}
        checked_text = rules.optional_text(text, _("Target in words"))
        if value is None and checked_text is None:
            if target is not None:
                session.delete(target)
            return changes
        checked_value = rules.optional_number(value, _("Target"))
        checked_comparison = _comparison(comparison)
        checked_upper = rules.target_upper(checked_value, upper, checked_comparison)
        if target is None:
            target = IndicatorTarget(indicator_id=indicator_id, year=checked_year, scope=checked_scope)
        target.value, target.comparison, target.upper = checked_value, checked_comparison, checked_upper
        target.text = checked_text
        session.add(target)
        return changes


def update_indicator_target(
    store: PlanStore, indicator_id: int, year: int, scope: str, /, **fields: object
) -> Changes:
    """Change a target's year, scope, number, comparison, upper bound or words (a new year or scope
    moves it)."""
    with store.write() as session:
        indicator = fetch(session, Indicator, indicator_id, _("Indicator"))
        target = fetch_target(session, indicator_id, year, scope)
        changes = Changes().update(Entity.INDICATOR_TARGET, indicator_id)
        changes.previous = {"value": target.value}
        unknown = set(fields) - {"year", "scope", "value", "comparison", "text", "upper"}
        if unknown:
            raise InvalidInputError(_("A target has no field “{field}”.").format(field=sorted(unknown)[0]))
        new_year = rules.year(fields["year"], _("Year")) if "year" in fields else target.year
        new_scope = _scope(fields["scope"]) if "scope" in fields else target.scope
        value = rules.optional_number(fields["value"], _("Target")) if "value" in fields else target.value
        comparison = _comparison(fields["comparison"]) if "comparison" in fields else target.comparison
        text = rules.optional_text(fields["text"], _("Target in words")) if "text" in fields else target.text
        if value is None and text is None:
            raise InvalidInputError(
                _("A target needs a number or words; delete the target to leave the year without one.")
            )
        upper = rules.target_upper(value, fields.get("upper", target.upper), comparison)
        if (new_year, new_scope) != (target.year, target.scope):
            if session.get(IndicatorTarget, (indicator_id, new_year, new_scope)) is not None:
                raise InvalidInputError(
                    _("{indicator} already has a target for {year}{scope}.").format(
                        indicator=indicator.name, year=new_year, scope=f" ({new_scope})" if new_scope else ""
                    )
                )
            session.delete(target)
            session.flush()
            target = IndicatorTarget(indicator_id=indicator_id, year=new_year, scope=new_scope)
        target.value, target.comparison, target.text, target.upper = value, comparison, text, upper
        session.add(target)
        return changes


def delete_indicator_target(store: PlanStore, indicator_id: int, year: int, scope: str = "") -> Changes:
    """Remove a target (of a year, in a scope)."""
    with store.write() as session:
        fetch(session, Indicator, indicator_id, _("Indicator"))
        target = fetch_target(session, indicator_id, year, scope)
        changes = Changes().update(Entity.INDICATOR_TARGET, indicator_id)
        changes.previous = {"value": target.value}
        session.delete(target)
        return changes


def _comparison(value: object) -> Comparison | None:
    return None if value is None else rules.member(Comparison, value, _("Comparison"))


def _scope(value: object) -> str:
    """Where a target holds ("ASEAN", "thế giới"); "" for the indicator's own target."""
    return rules.optional_text(value, _("Scope")) or ""


def record_indicator_value(
    store: PlanStore, indicator_id: int, as_of: datetime.date, value: float | None, source: str | None = None
) -> Changes:
    """Record the value an indicator measured on a date; None removes that measurement."""
    with store.write() as session:
        fetch(session, Indicator, indicator_id, _("Indicator"))
        return write_indicator_value(session, indicator_id, as_of, value, source)


def write_indicator_value(
    session: Session, indicator_id: int, as_of: datetime.date, value: float | None, source: str | None
) -> Changes:
    """Record a value of an existing indicator in the caller's transaction (see record_indicator_value)."""
    checked_date = rules.required_date(as_of, _("Date"))
    measured = session.get(IndicatorValue, (indicator_id, checked_date))
    changes = Changes().update(Entity.INDICATOR_VALUE, indicator_id)
    changes.previous = (
        {"value": None, "source": None}
        if measured is None
        else {"value": measured.value, "source": measured.source}
    )
    if value is None:
        if measured is not None:
            session.delete(measured)
        return changes
    checked_value = rules.number(value, _("Value"))
    if measured is None:
        measured = IndicatorValue(indicator_id=indicator_id, as_of=checked_date, value=checked_value)
    measured.value = checked_value
    measured.source = rules.optional_text(source, _("Source"))
    session.add(measured)
    return changes


def add_next_target(store: PlanStore, indicator_id: int) -> Changes:
    """Add a target of 0 for the year after the indicator's last target (this year when it has none)."""
    with store.write() as session:
        fetch(session, Indicator, indicator_id, _("Indicator"))
        last = session.exec(
            select(func.max(IndicatorTarget.year)).where(IndicatorTarget.indicator_id == indicator_id)
        ).one()
        year = datetime.date.today().year if last is None else int(last) + 1
        session.add(IndicatorTarget(indicator_id=indicator_id, year=rules.year(year, _("Year")), value=0))
        return Changes().update(Entity.INDICATOR_TARGET, indicator_id)


def move_indicator_target(
    store: PlanStore, indicator_id: int, year: int, new_year: int, scope: str = ""
) -> Changes:
    """Give a target another year (refused when that year already has one in the same scope)."""
    return update_indicator_target(store, indicator_id, year, scope, year=new_year)


def move_indicator_value(
    store: PlanStore, indicator_id: int, as_of: datetime.date, new_as_of: datetime.date | None
) -> Changes:
    """Give a measured value another date (refused when that date already has one)."""
    with store.write() as session:
        indicator = fetch(session, Indicator, indicator_id, _("Indicator"))
        checked_date = rules.required_date(new_as_of, _("Date"))
        measured = session.get(IndicatorValue, (indicator_id, as_of))
        if measured is None:
            raise NotFoundError(_("This measured value no longer exists (it may have been deleted)."))
        changes = Changes().update(Entity.INDICATOR_VALUE, indicator_id)
        if checked_date == as_of:
            return changes
        if session.get(IndicatorValue, (indicator_id, checked_date)) is not None:
            raise InvalidInputError(
                _("{indicator} already has a value measured on {date:%d/%m/%Y}.").format(
                    indicator=indicator.name, date=checked_date
                )
            )
        value, source = measured.value, measured.source
        session.delete(measured)
        session.flush()
        session.add(IndicatorValue(indicator_id=indicator_id, as_of=checked_date, value=value, source=source))
        return changes


def fetch_target(session: Session, indicator_id: int, year: int, scope: str = "") -> IndicatorTarget:
    """An indicator's target for a year (in a scope), or NotFoundError."""
    target = session.get(IndicatorTarget, (indicator_id, year, scope))
    if target is None:
        raise NotFoundError(
            _("There is no target for {year} any more (it may have been deleted).").format(year=year)
        )
    return target


def _validate(session: Session, indicator: Indicator) -> None:
    if indicator.lead_unit_id is not None:
        fetch(session, Unit, indicator.lead_unit_id, _("Lead unit"))
    if indicator.goal_id is not None:
        goal = fetch(session, Goal, indicator.goal_id, _("Goal"))
        siblings = select(Indicator.id).join(Goal, col(Goal.id) == col(Indicator.goal_id))
        same_owner = siblings.where(Goal.strategy_id == goal.strategy_id)
        owner = _("strategy")
    else:
        fetch(session, SocioEconomicPlan, indicator.sedp_id, _("Socio-economic plan"))
        same_owner = select(Indicator.id).where(Indicator.sedp_id == indicator.sedp_id)
        owner = _("socio-economic plan")
    duplicate = session.exec(
        same_owner.where(Indicator.code == indicator.code, col(Indicator.id) != indicator.id)
    ).first()
    if duplicate is not None:
        raise InvalidInputError(
            _("This {owner} already has an indicator with the code {code}.").format(
                owner=owner, code=indicator.code
            )
        )
    if indicator.sedp_indicator_id is not None:
        if indicator.goal_id is None:
            raise InvalidInputError(
                _("Only an indicator of a strategy can be linked to a socio-economic plan indicator.")
            )
        linked = fetch(session, Indicator, indicator.sedp_indicator_id, _("Socio-economic plan indicator"))
        if linked.sedp_id is None:
            raise InvalidInputError(
                _("An indicator can only be linked to an indicator of a socio-economic plan.")
            )
