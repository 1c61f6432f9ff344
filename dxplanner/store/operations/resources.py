"""Operations on the budget lines and staff lines of a task."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dxplanner.core import rules
from dxplanner.core.enums import FundingSource
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import BudgetLine, StaffLine, Task, Unit
from dxplanner.i18n import _
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import Checkers, fetch, insert_checked, update_checked
from dxplanner.store.plan_store import PlanStore


def _budget_checkers() -> Checkers:
    return {
        "source": lambda value: rules.member(FundingSource, value, _("Funding source")),
        "year": lambda value: rules.year(value, _("Year")),
        "planned": lambda value: rules.money(value, _("Planned amount")),
        "allocated": lambda value: rules.money(value, _("Allocated amount")),
        "disbursed": lambda value: rules.money(value, _("Disbursed amount")),
    }


def _staff_checkers() -> Checkers:
    return {
        "unit_id": lambda value: rules.whole_number(value, _("Unit")),
        "person_months": lambda value: rules.number(value, _("Person-months"), low=0),
    }


def add_budget_line(store: PlanStore, task_id: int, **fields: object) -> Changes:
    """Add the money a task gets from one source in one year (amounts in đồng)."""
    with store.write() as session:
        fetch(session, Task, task_id, _("Task"))
        line = BudgetLine(task_id=task_id, source=FundingSource.CENTRAL_BUDGET, year=0)
        line_id = insert_checked(
            session, line, fields, _budget_checkers(), _validate_budget, required=("source", "year")
        )
        return Changes().create(Entity.BUDGET_LINE, line_id)


def update_budget_line(
    store: PlanStore, line_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change a budget line.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            BudgetLine,
            line_id,
            _("Budget line"),
            fields,
            _budget_checkers(),
            _validate_budget,
            Entity.BUDGET_LINE,
            seen=seen,
        )


def delete_budget_line(store: PlanStore, line_id: int) -> Changes:
    """Remove a budget line."""
    with store.write() as session:
        session.delete(fetch(session, BudgetLine, line_id, _("Budget line")))
        return Changes().delete(Entity.BUDGET_LINE, line_id)


def add_staff_line(store: PlanStore, task_id: int, **fields: object) -> Changes:
    """Add the person-months a unit puts into a task."""
    with store.write() as session:
        fetch(session, Task, task_id, _("Task"))
        line = StaffLine(task_id=task_id, unit_id=0, person_months=0)
        line_id = insert_checked(
            session, line, fields, _staff_checkers(), _validate_staff, required=("unit_id", "person_months")
        )
        return Changes().create(Entity.STAFF_LINE, line_id)


def update_staff_line(
    store: PlanStore, line_id: int, *, seen: int | None = None, **fields: object
) -> Changes:
    """Change a staff line.

    seen: the version the user saw; refused with ConflictError when the record changed since.
    """
    with store.write() as session:
        return update_checked(
            session,
            StaffLine,
            line_id,
            _("Staff line"),
            fields,
            _staff_checkers(),
            _validate_staff,
            Entity.STAFF_LINE,
            seen=seen,
        )


def delete_staff_line(store: PlanStore, line_id: int) -> Changes:
    """Remove a staff line."""
    with store.write() as session:
        session.delete(fetch(session, StaffLine, line_id, _("Staff line")))
        return Changes().delete(Entity.STAFF_LINE, line_id)


def _validate_budget(session: Session, line: BudgetLine) -> None:
    if line.disbursed > line.allocated:
        raise InvalidInputError(_("The disbursed amount is more than the allocated amount."))
    duplicate = session.exec(
        select(BudgetLine.id).where(
            BudgetLine.task_id == line.task_id,
            BudgetLine.source == line.source,
            BudgetLine.year == line.year,
            col(BudgetLine.id) != line.id,
        )
    ).first()
    if duplicate is not None:
        raise InvalidInputError(_("This task already has a budget line for that source and year."))


def _validate_staff(session: Session, line: StaffLine) -> None:
    fetch(session, Unit, line.unit_id, _("Unit"))
    duplicate = session.exec(
        select(StaffLine.id).where(
            StaffLine.task_id == line.task_id, StaffLine.unit_id == line.unit_id, col(StaffLine.id) != line.id
        )
    ).first()
    if duplicate is not None:
        raise InvalidInputError(_("This task already has a staff line for that unit."))
