"""Commands that add a record with the values a new one starts from, for the user to fill in.

The defaults (a name, a free code, a year, a day) are decided here, once, not by
the window; each command returns the Changes of its one write, whose id is the
new record's.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from dxplanner.core.enums import FundingSource
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.i18n import _
from dxplanner.services import records
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.changes import Changes
from dxplanner.store.operations import goals, indicators, plans, progress, resources, risks, strategies, units
from dxplanner.store.operations.tasks import create_task

Clock = Callable[[], datetime.datetime]
# How long a five-year strategy or socio-economic plan runs after its first year.
_FIVE_YEARS_ON = 4


def new_task(plan: OpenPlan, plan_id: int, *, parent_id: int | None, position: int | None) -> Changes:
    """A task called "New task" at position among the tasks below parent_id (at the end when None)."""
    return create_task(plan, plan_id, parent_id=parent_id, position=position, name=_("New task"))


def new_strategy(plan: OpenPlan, unit_id: int | None, today: datetime.date) -> Changes:
    """A five-year strategy of unit_id starting this year."""
    return strategies.create_strategy(
        plan,
        name=_("New strategy"),
        unit_id=unit_id,
        start_year=today.year,
        end_year=today.year + _FIVE_YEARS_ON,
    )


def new_sedp(plan: OpenPlan, unit_id: int | None, today: datetime.date) -> Changes:
    """A five-year socio-economic plan of unit_id starting this year."""
    return strategies.create_sedp(
        plan,
        name=_("New socio-economic plan"),
        unit_id=unit_id,
        start_year=today.year,
        end_year=today.year + _FIVE_YEARS_ON,
    )


def new_action_plan(
    plan: OpenPlan, unit_id: int | None, strategy_id: int | None, today: datetime.date
) -> Changes:
    """This year's action plan of unit_id, under strategy_id (under none when None)."""
    return plans.create_plan(
        plan,
        name=_("Action plan {year}").format(year=today.year),
        unit_id=unit_id,
        strategy_id=strategy_id,
        start=datetime.date(today.year, 1, 1),
        end=datetime.date(today.year, 12, 31),
    )


def new_goal(plan: OpenPlan, strategy_id: int, parent_id: int | None = None) -> Changes:
    """A goal of the strategy (below parent_id) with the first whole-number code its goals leave free."""
    codes = {goal.code for goal in records.goals_of(plan, strategy_id)}
    number = 1
    while str(number) in codes:
        number += 1
    return goals.create_goal(plan, strategy_id, parent_id=parent_id, code=str(number), text=_("New goal"))


def new_indicator(
    plan: OpenPlan,
    *,
    goal_id: int | None = None,
    sedp_id: int | None = None,
    now: Clock = datetime.datetime.now,
) -> Changes:
    """An indicator of a goal or of a socio-economic plan, coded by the time it was made (CT-HHMMSS)."""
    return indicators.create_indicator(
        plan, goal_id=goal_id, sedp_id=sedp_id, code=f"CT-{now():%H%M%S}", name=_("New indicator")
    )


def free_unit_code(plan: OpenPlan) -> str:
    """The first code DV001, DV002, … that no unit has."""
    taken = {unit.code for unit in records.unit_names(plan)}
    number = 1
    while f"DV{number:03d}" in taken:
        number += 1
    return f"DV{number:03d}"


def new_unit(plan: OpenPlan, parent_id: int | None = None) -> Changes:
    """A unit called "New unit" with a free code, below parent_id (at the top when None)."""
    return units.create_unit(plan, code=free_unit_code(plan), name=_("New unit"), parent_id=parent_id)


def own_agency(plan: OpenPlan) -> Changes:
    """The unit a file with none starts with, so that a first strategy or plan has an owner."""
    return units.create_unit(plan, code=free_unit_code(plan), name=_("My agency"))


def new_risk(
    plan: OpenPlan,
    *,
    strategy_id: int | None = None,
    plan_id: int | None = None,
    task_id: int | None = None,
) -> Changes:
    """A risk of a strategy, an action plan or a task (exactly one), called "New risk"."""
    return risks.add_risk(plan, strategy_id=strategy_id, plan_id=plan_id, task_id=task_id, text=_("New risk"))


def new_budget_line(plan: OpenPlan, task_id: int, today: datetime.date | None = None) -> Changes:
    """A central-budget line of nothing yet, in the first year from the task's start (from today's
    when it has none; None: the computer's date) that it has no central-budget line for."""
    task = records.task(plan, task_id)
    taken = {(line.source, line.year) for line in records.budget_lines_of(plan, task_id)}
    if task is None:
        raise _gone(task_id)
    year = (task.planned_start or today or datetime.date.today()).year
    while (FundingSource.CENTRAL_BUDGET, year) in taken:
        year += 1
    return resources.add_budget_line(plan, task_id, source=FundingSource.CENTRAL_BUDGET, year=year, planned=0)


def new_staff_line(plan: OpenPlan, task_id: int) -> Changes:
    """One person-month of the task's lead unit, or of the first unit with no staff line on it yet."""
    task = records.task(plan, task_id)
    taken = {line.unit_id for line in records.staff_lines_of(plan, task_id)}
    free = [unit.id for unit in records.unit_names(plan) if unit.id not in taken]
    if task is None:
        raise _gone(task_id)
    lead = task.lead_unit_id
    unit = lead if lead is not None and lead not in taken else (free[0] if free else None)
    if unit is None:
        raise InvalidInputError(_("Every unit already has a staff line on this task."))
    return resources.add_staff_line(plan, task_id, unit_id=unit, person_months=1)


def new_progress_report(plan: OpenPlan, task_id: int, today: datetime.date | None = None) -> Changes:
    """A report dated today (None: the computer's date) that states the task's progress as it stands."""
    task = records.task(plan, task_id)
    if task is None:
        raise _gone(task_id)
    return progress.add_progress_report(
        plan, task_id, as_of=today or datetime.date.today(), progress=task.progress
    )


def new_day_off(plan: OpenPlan, plan_id: int, today: datetime.date | None = None) -> Changes:
    """The first day from today (None: the computer's date) that is not yet a day off of the plan."""
    taken = {day_off.day for day_off in records.days_off_of(plan, plan_id)}
    day = today or datetime.date.today()
    while day in taken:
        day += datetime.timedelta(days=1)
    return plans.add_plan_day_off(plan, plan_id, day)


def _gone(task_id: int) -> NotFoundError:
    return NotFoundError(
        _("{what} #{id} does not exist (it may have been deleted).").format(what=_("Task"), id=task_id)
    )
