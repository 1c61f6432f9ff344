"""The dashboard's numbers from a plan file: progress, indicators, units, budget, what needs attention."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

import sqlalchemy as sa
from sqlmodel import Session

from dxplanner.core.as_of import progress_history, tasks_as_of
from dxplanner.core.attainment import (
    IndicatorFacts,
    TargetRow,
    YearTargets,
    attainment,
    main_targets,
    target_for,
)
from dxplanner.core.budget import BudgetFact, Money
from dxplanner.core.dashboard import (
    AttentionItem,
    BudgetData,
    DashboardData,
    DashboardFilter,
    IndicatorData,
    ProgressData,
    UnitLoad,
)
from dxplanner.core.enums import FundingSource, ProgressWeight, TaskKind, TaskStatus
from dxplanner.core.errors import NotFoundError
from dxplanner.core.models import (
    ActionPlan,
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Strategy,
    Task,
    TaskGoal,
    Unit,
)
from dxplanner.core.projection import PlanProjection, project_plan
from dxplanner.core.rollup import TaskNode, Weight, by_working_days
from dxplanner.core.status import Health, Standing, progress_curves, standings
from dxplanner.core.workdays import WorkCalendar, vietnam_calendar
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text
from dxplanner.store import queries
from dxplanner.store.estate_measures import measured_figures
from dxplanner.store.stored_values import Days, as_stored, members

Key = TypeVar("Key", bound=Hashable)
# Points on the progress curves: one a month is smooth enough for a five-year strategy.
CURVE_STEP_MONTHS = 1


def dashboard_data(session: Session, chosen: DashboardFilter) -> DashboardData:
    """Every chart's numbers for the filter (tasks: the leaves of the chosen plans, units and pillar)."""
    return DashboardReader().read(session, chosen)


@dataclass
class _PlanFacts:
    """What the dashboard reads of a strategy (or one of its plans) whatever the unit or pillar chosen."""

    strategy_name: str
    years: tuple[int, int]
    title: str
    plan_ids: list[int]
    nodes: list[TaskNode]
    facts: dict[int, tuple[str | None, str, int | None, int]]
    unit_names: dict[int, str]
    unit_children: dict[int | None, list[int]]
    reports: dict[int, list[tuple[datetime.date, float]]]
    statuses: dict[int, list[tuple[datetime.date, TaskStatus]]]
    budget: list[BudgetFact]
    # How the progress curves weigh the work: one plan as it chose, a whole strategy by working days.
    weight: Weight
    calendar: WorkCalendar
    # How each plan rolls its tasks up: every task stands on the dashboard as its own plan stands it.
    rules: dict[int, tuple[WorkCalendar, Weight]]
    standing: dict[datetime.date, dict[int, Standing]] = field(default_factory=dict)
    pillars: dict[tuple[str, object], set[int]] = field(default_factory=dict)  # tasks by goal pillar or area


class DashboardReader:
    """Reads the dashboard's numbers, keeping what a change of unit, pillar or day does not change.

    The dashboard keeps one while the file is unchanged and drops it after any change:
    a change of filter then costs only the sums, not reading and scheduling every task again.
    """

    def __init__(self, today: Callable[[], datetime.date] = datetime.date.today) -> None:
        self._today = today
        self._plans: dict[tuple[int | None, int | None], _PlanFacts] = {}
        self._indicators: dict[
            tuple[int | None, datetime.date, object, object], tuple[IndicatorData, ...]
        ] = {}
        # Each filter's numbers once worked out: going back to a filter, or to the dashboard, costs nothing.
        self._read: dict[DashboardFilter, DashboardData] = {}

    def read(self, session: Session, chosen: DashboardFilter) -> DashboardData:
        """Every chart's numbers for the filter (the same numbers, when asked again)."""
        if not self.knows(chosen):
            self.gather(session, chosen)
        return self.numbers(chosen)

    def knows(self, chosen: DashboardFilter) -> bool:
        """Whether the filter's numbers are worked out already."""
        return chosen in self._read

    def gather(self, session: Session, chosen: DashboardFilter) -> None:
        """Read from the file what the filter's numbers are made of (see `numbers`).

        Apart from the sums, so that the read transaction is over before the tasks are
        scheduled: a long read holds off a write to the file that long.
        """
        known = self._plan_facts(session, chosen)
        for field_name, value in (("pillar", chosen.pillar), ("area", chosen.area)):
            if value is not None and (field_name, value) not in known.pillars:
                known.pillars[(field_name, value)] = _tasks_in_goals(session, known.nodes, field_name, value)
        indicator_key = (chosen.strategy_id, chosen.as_of, chosen.pillar, chosen.area)
        if indicator_key not in self._indicators:
            first, last = known.years
            self._indicators[indicator_key] = tuple(_indicators(session, chosen, first, last, self._today()))

    def projection(self, chosen: DashboardFilter) -> PlanProjection:
        """The chosen plan (chosen.plan_id) on the filter's day, numbered, from the tasks `gather` read.

        The progress report shows it beside the dashboard's numbers: its standings are taken as
        the day's, so that the numbers do not read and roll the same tasks up a second time.
        """
        assert chosen.plan_id is not None
        known = self._plans[(chosen.strategy_id, chosen.plan_id)]
        calendar, weight = known.rules[chosen.plan_id]
        then = tasks_as_of(known.nodes, known.reports, known.statuses, chosen.as_of, self._today())
        codes = {node.id: known.facts[node.id][0] for node in then}
        projection = project_plan(then, calendar, chosen.as_of, weight, codes)
        if chosen.as_of not in known.standing:
            # A standing is a value: the 10,000 tasks share a few hundred, each made once.
            made: dict[tuple[bool, Health, int], Standing] = {}
            standing: dict[int, Standing] = {}
            for task in projection:
                key = (task.counts_as_task, task.health, task.days_late)
                standing[task.id] = made.get(key) or made.setdefault(key, Standing(*key))
            known.standing[chosen.as_of] = standing
        return projection

    def numbers(self, chosen: DashboardFilter) -> DashboardData:
        """The filter's numbers from what `gather` read for it (the same numbers, when asked again)."""
        if chosen not in self._read:
            self._read[chosen] = self._work_out(chosen)
        return self._read[chosen]

    def _work_out(self, chosen: DashboardFilter) -> DashboardData:
        known = self._plans[(chosen.strategy_id, chosen.plan_id)]
        kept = known.nodes
        if chosen.unit_id is not None and chosen.unit_id not in known.unit_names:
            raise NotFoundError(_("There is no unit with id {id}.").format(id=chosen.unit_id))
        if chosen.unit_id is not None:
            units = _with_sub_units(chosen.unit_id, known.unit_children)
            kept = [node for node in kept if known.facts[node.id][2] in units]
        for field_name, value in (("pillar", chosen.pillar), ("area", chosen.area)):
            if value is not None:
                inside = known.pillars[(field_name, value)]
                kept = [node for node in kept if node.id in inside]
        if chosen.as_of not in known.standing:
            known.standing[chosen.as_of] = self._standing(known, chosen.as_of)
        standing = known.standing[chosen.as_of]
        # Work is counted on the leaves and on a project's own share (rollup.has_own_work), each
        # in the standing the sheet and the report show it in; money sits on groups too.
        leaves = [node for node in kept if standing[node.id].counts_as_task]
        indicator_key = (chosen.strategy_id, chosen.as_of, chosen.pillar, chosen.area)
        return DashboardData(
            title=known.title,
            filter=chosen,
            progress=_progress(
                leaves,
                known.reports,
                known.weight,
                known.calendar,
                chosen.as_of,
                self._today(),
                known.years if chosen.plan_id is None else None,
            ),
            indicators=self._indicators[indicator_key],
            units=tuple(_unit_loads(leaves, standing, known.facts, known.unit_names)),
            budget=_budget(known.budget, {node.id for node in kept}, known.unit_names),
            attention=tuple(_attention(leaves, standing, known.facts, known.unit_names)),
        )

    def _standing(self, known: _PlanFacts, as_of: datetime.date) -> dict[int, Standing]:
        """Every task as it stood on as_of (a day gone by is told by the progress reports), as its own
        plan's projection stands it, with the plan's working days and weights."""
        then = tasks_as_of(known.nodes, known.reports, known.statuses, as_of, self._today())
        by_plan: dict[int, list[TaskNode]] = defaultdict(list)
        for node in then:
            by_plan[known.facts[node.id][3]].append(node)
        standing: dict[int, Standing] = {}
        for plan_id, nodes in by_plan.items():
            calendar, weight = known.rules[plan_id]
            standing.update(standings(nodes, as_of, calendar, weight))
        return standing

    def _plan_facts(self, session: Session, chosen: DashboardFilter) -> _PlanFacts:
        key = (chosen.strategy_id, chosen.plan_id)
        if key in self._plans:
            return self._plans[key]
        plans, strategy_name, years = _scope(session, chosen)
        plan_ids = [plan.id for plan in plans if chosen.plan_id in (None, plan.id)]
        if chosen.plan_id is not None and not plan_ids:
            raise NotFoundError(
                _("The strategy “{strategy}” has no action plan with id {id}.").format(
                    strategy=strategy_name, id=chosen.plan_id
                )
            )
        title = strategy_name
        if chosen.plan_id is not None:
            title = next((plan.name for plan in plans if plan.id == chosen.plan_id), title)
        nodes, facts = _tasks(session, plan_ids)
        unit_names, unit_children = _units(session)
        # A whole strategy's curves weigh its tasks by Vietnam's working days, as does every plan
        # with no days off or budget weights of its own: those share one weight, worked out once.
        by_days = _remembered(by_working_days(vietnam_calendar()))
        by_budget = _weighed_by_budget(session, plan_ids)
        rules = {}
        for plan_id in plan_ids:
            calendar = queries.plan_calendar(session, plan_id)
            if calendar is vietnam_calendar() and plan_id not in by_budget:
                rules[plan_id] = (calendar, by_days)
            else:
                rules[plan_id] = (calendar, _remembered(queries.plan_weight(session, plan_id, calendar)))
        # The curves weigh one plan as it chose; a whole strategy by working days.
        if chosen.plan_id is not None and plan_ids:
            calendar, weight = rules[chosen.plan_id]
        else:
            calendar, weight = vietnam_calendar(), by_days
        reports, statuses = queries.progress_reports(session, plan_ids)
        known = _PlanFacts(
            strategy_name=strategy_name,
            years=years,
            title=title,
            plan_ids=plan_ids,
            nodes=nodes,
            facts=facts,
            unit_names=unit_names,
            unit_children=unit_children,
            reports=reports,
            statuses=statuses,
            budget=queries.budget_facts(session, plan_ids),
            weight=weight,
            calendar=calendar,
            rules=rules,
        )
        self._plans[key] = known
        return known


def _weighed_by_budget(session: Session, plan_ids: list[int]) -> set[int]:
    """The plans that weigh their tasks by planned budget rather than by working days."""
    plan = queries.table(ActionPlan)
    rows = session.connection().execute(
        sa.select(plan.c.id).where(plan.c.id.in_(plan_ids), plan.c.progress_weight == ProgressWeight.BUDGET)
    )
    return {row[0] for row in rows}


def _remembered(weight: Weight) -> Weight:
    """The weight, worked out once per task: each curve and each day's standings weigh every task."""
    weights: dict[int, float] = {}

    def remembered(node: TaskNode) -> float:
        if node.id not in weights:
            weights[node.id] = weight(node)
        return weights[node.id]

    return remembered


def _scope(session: Session, chosen: DashboardFilter) -> tuple[list[queries.PlanItem], str, tuple[int, int]]:
    """The plans looked at, the name over them and their years: a strategy's, or one plan's of its own."""
    # Plain rows, not ORM objects: the ORM's first load in a process costs more than the whole query.
    connection = session.connection()
    if chosen.strategy_id is None:
        plan = queries.table(ActionPlan)
        found = (
            connection.execute(
                sa.select(plan.c.id, plan.c.name, plan.c.start, plan.c.end).where(plan.c.id == chosen.plan_id)
            ).first()
            if chosen.plan_id is not None
            else None
        )
        if found is None:
            raise NotFoundError(_("There is no action plan with id {id}.").format(id=chosen.plan_id))
        item = queries.PlanItem(*found)
        return [item], item.name, (item.start.year, item.end.year)
    strategy = queries.table(Strategy)
    row = connection.execute(
        sa.select(strategy.c.name, strategy.c.start_year, strategy.c.end_year).where(
            strategy.c.id == chosen.strategy_id
        )
    ).first()
    if row is None:
        raise NotFoundError(_("There is no strategy with id {id}.").format(id=chosen.strategy_id))
    name, start_year, end_year = row
    return list(queries.plans(session, chosen.strategy_id)), name, (start_year, end_year)


def _tasks(
    session: Session, plan_ids: list[int]
) -> tuple[list[TaskNode], dict[int, tuple[str | None, str, int | None, int]]]:
    """What roll-ups need of every task of the plans, and each one's (code, name, lead unit id, plan id).

    One pass over the tasks for both (two queries of 10,000 rows took twice the reading).
    """
    task = queries.table(Task)
    rows = session.connection().execute(
        sa.select(
            task.c.id,
            task.c.parent_id,
            task.c.position,
            as_stored(task.c.planned_start),
            as_stored(task.c.planned_end),
            task.c.progress,
            as_stored(task.c.kind),
            as_stored(task.c.status),
            task.c.code,
            task.c.name,
            task.c.lead_unit_id,
            task.c.plan_id,
        ).where(task.c.plan_id.in_(plan_ids))
    )
    days, kinds, statuses = Days(), members(TaskKind), members(TaskStatus)
    nodes: list[TaskNode] = []
    facts: dict[int, tuple[str | None, str, int | None, int]] = {}
    for node_id, parent, position, start, end, progress, kind, status, code, name, lead, plan in rows:
        nodes.append(
            queries.task_node(
                node_id, parent, position, days[start], days[end], progress, kinds[kind], statuses[status]
            )
        )
        facts[node_id] = (code, name, lead, plan)
    return nodes, facts


def _units(session: Session) -> tuple[dict[int, str], dict[int | None, list[int]]]:
    unit = queries.table(Unit)
    rows = list(
        session.connection().execute(
            sa.select(unit.c.id, unit.c.parent_id, unit.c.code, unit.c.name, unit.c.short_name)
        )
    )
    shown = Counter(short_name or name for _id, _parent, _code, name, short_name in rows)
    names: dict[int, str] = {}
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit_id, parent_id, code, name, short_name in rows:
        # Two units may go by the same short name (two districts' offices): tell them apart.
        names[unit_id] = short_name or name
        if shown[names[unit_id]] > 1:
            names[unit_id] += f" ({code})" if code else f" (#{unit_id})"
        children[parent_id].append(unit_id)
    return names, children


def _with_sub_units(unit_id: int, children: dict[int | None, list[int]]) -> set[int]:
    found, pending = set(), [unit_id]
    while pending:
        current = pending.pop()
        if current not in found:
            found.add(current)
            pending.extend(children.get(current, []))
    return found


def _tasks_in_goals(session: Session, nodes: list[TaskNode], field_name: str, value: object) -> set[int]:
    """Tasks linked to a goal of the pillar or area (a group's link counts for the tasks inside it)."""
    link, goal = queries.table(TaskGoal), queries.table(Goal)
    linked = {
        row[0]
        for row in session.connection().execute(
            sa.select(link.c.task_id)
            .select_from(link.join(goal, goal.c.id == link.c.goal_id))
            .where(goal.c[field_name] == value)
        )
    }
    # The tree as read already (the tasks of the plans looked at), not read again.
    return under_links({node.id: node.parent_id for node in nodes}, linked)


def under_links(parent_of: Mapping[int, int | None], linked: Container[int]) -> set[int]:
    """The tasks that are linked, or lie under a linked task (parent_of: each task's parent)."""
    # Each task's answer once: the walk up from a task stops at the first task above it already
    # answered, and answers every task it passed (a walk to the top from every task grew with depth).
    inside: dict[int, bool] = {}
    for task_id in parent_of:
        passed: list[int] = []
        current: int | None = task_id
        found = False
        while current is not None:
            if current in linked:
                found = True
                break
            known = inside.get(current)
            if known is not None:
                found = known
                break
            passed.append(current)
            current = parent_of.get(current)
        for below in passed:
            inside[below] = found
    return {task_id for task_id in parent_of if task_id in linked or inside.get(task_id)}


def _months(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    days, current = [], first.replace(day=1)
    while current <= last:
        days.append(current)
        month = current.month + CURVE_STEP_MONTHS
        year = current.year + (month - 1) // 12
        if year > datetime.MAXYEAR:  # a date typed near the end of the calendar
            break
        current = datetime.date(year, (month - 1) % 12 + 1, 1)
    return days


def _progress(
    leaves: list[TaskNode],
    known_reports: dict[int, list[tuple[datetime.date, float]]],
    weight: Weight,
    calendar: WorkCalendar,
    as_of: datetime.date,
    today: datetime.date,
    years: tuple[int, int] | None,
) -> ProgressData:
    dated = [node for node in leaves if node.planned_start is not None and node.planned_end is not None]
    if not dated:
        return ProgressData((), (), (), as_of)
    first = min(node.planned_start for node in dated if node.planned_start is not None)
    last = max(node.planned_end for node in dated if node.planned_end is not None)
    if years is not None:
        first = min(first, datetime.date(years[0], 1, 1))
    last = max(last, as_of)
    dates = sorted({*_months(first, last), as_of, last})
    typed_day = max(as_of, today)
    reports = {node.id: progress_history(node, known_reports.get(node.id, ()), typed_day) for node in dated}
    planned, actual = progress_curves(dated, reports, dates, calendar, weight)
    now = dates.index(as_of)
    return ProgressData(tuple(dates), tuple(planned), tuple(actual), as_of, planned[now], actual[now])


def _indicators(
    session: Session, chosen: DashboardFilter, first_year: int, last_year: int, today: datetime.date
) -> Iterable[IndicatorData]:
    goal, indicator = queries.table(Goal), queries.table(Indicator)
    target, value = queries.table(IndicatorTarget), queries.table(IndicatorValue)
    condition = goal.c.strategy_id == chosen.strategy_id
    if chosen.pillar is not None:
        condition = sa.and_(condition, goal.c.pillar == chosen.pillar)
    if chosen.area is not None:
        condition = sa.and_(condition, goal.c.area == chosen.area)
    rows = list(
        session.connection().execute(
            sa.select(
                indicator.c.id,
                indicator.c.code,
                indicator.c.name,
                indicator.c.measure_unit,
                indicator.c.direction,
                indicator.c.baseline_value,
                indicator.c.baseline_year,
                indicator.c.sedp_indicator_id,
                indicator.c.estate_measure,
            )
            .select_from(indicator.join(goal, goal.c.id == indicator.c.goal_id))
            .where(condition)
            .order_by(goal.c.position, indicator.c.code)
        )
    )
    wanted = {row[0] for row in rows} | {row[7] for row in rows if row[7] is not None}
    rows_of: dict[int, list[TargetRow]] = defaultdict(list)
    for indicator_id, year, scope, amount, comparison, words, upper in session.connection().execute(
        sa.select(
            target.c.indicator_id,
            target.c.year,
            target.c.scope,
            target.c.value,
            target.c.comparison,
            target.c.text,
            target.c.upper,
        ).where(target.c.indicator_id.in_(wanted))
    ):
        rows_of[indicator_id].append((year, scope, amount, comparison, words, upper))
    targets = {indicator_id: main_targets(rows, decimal_text) for indicator_id, rows in rows_of.items()}
    nothing = YearTargets({}, {}, {})
    values: dict[int, list[tuple[datetime.date, float]]] = defaultdict(list)
    for indicator_id, day, amount in session.connection().execute(
        sa.select(value.c.indicator_id, value.c.as_of, value.c.value).where(value.c.indicator_id.in_(wanted))
    ):
        values[indicator_id].append((day, amount))
    years = tuple(range(first_year, last_year + 1))
    # Indicators that follow an estate figure are fed the figure measured on the dashboard's day.
    figures = (
        measured_figures(session, chosen.as_of, today) if any(row[8] is not None for row in rows) else {}
    )
    for indicator_id, code, name, unit, direction, base_value, base_year, sedp_id, measure in rows:
        own = targets.get(indicator_id, nothing)
        figure = _estate_figure(figures.get(measure), values[indicator_id], chosen.as_of)
        facts = IndicatorFacts(
            direction,
            own.numbers,
            values[indicator_id] if figure is None else [*values[indicator_id], (chosen.as_of, figure)],
            base_value,
            base_year,
            own.comparisons,
            own.statements,
            own.uppers,
        )
        sedp_targets = targets.get(sedp_id, nothing) if sedp_id is not None else None
        sedp = IndicatorFacts(direction, sedp_targets.numbers, ()) if sedp_targets is not None else None
        yearly = [attainment(facts, year, chosen.as_of) for year in years]
        # Where it stands: the latest year measured so far, held against that year's target.
        measured_years = [reading.year for reading in yearly if reading.value is not None]
        latest = max(measured_years) if measured_years else min(chosen.as_of.year, last_year)
        this_year = attainment(facts, latest, chosen.as_of)
        yield IndicatorData(
            code=code,
            name=name,
            measure_unit=unit,
            years=years,
            measured=tuple(reading.value for reading in yearly),
            targets=tuple(target_for(facts, year)[0] if year in facts.targets else None for year in years),
            sedp_targets=tuple(sedp.targets.get(year) if sedp else None for year in years),
            target_texts=tuple(own.statements.get(year) for year in years),
            status=this_year.status,
            percent=this_year.percent_of_target,
            yearly=tuple(yearly),
            estate_figure=figure,
        )


def _estate_figure(
    figure: float | None, confirmed: Iterable[tuple[datetime.date, float]], as_of: datetime.date
) -> float | None:
    """The estate figure the dashboard shows as the indicator's value on as_of, if it does.

    The figure counts as a value measured on the dashboard's day, unless a person confirmed or
    typed a value dated that day or later: what a person recorded for the day is not overruled
    by a reading, and a value of a later day is newer than the reading (attainment then shows
    the confirmed values up to the day, as for any indicator).
    """
    if figure is None or any(day >= as_of for day, _value in confirmed):
        return None
    return figure


def _unit_loads(
    leaves: list[TaskNode],
    standing: dict[int, Standing],
    facts: dict[int, tuple[str | None, str, int | None, int]],
    unit_names: dict[int, str],
) -> list[UnitLoad]:
    counts: dict[int | None, Counter[Health]] = defaultdict(Counter)
    for node in leaves:
        counts[facts[node.id][2]][standing[node.id].health] += 1
    loads = [UnitLoad(_owner(lead, unit_names), dict(counted)) for lead, counted in counts.items()]
    return sorted(loads, key=lambda load: (-load.late, -load.total, load.unit))


def _budget(facts: list[BudgetFact], chosen_ids: set[int], unit_names: dict[int, str]) -> BudgetData:
    # The three totals in one pass over the lines, in plain integers: a Money summed line by line
    # made two objects a line, three times over (a tenth of a change of filter).
    sources: dict[FundingSource, list[int]] = {}
    years: dict[int, list[int]] = {}
    units: dict[int | None, list[int]] = {}
    for fact in facts:
        if fact.task_id not in chosen_ids:
            continue
        _add(sources, fact.source, fact)
        _add(years, fact.year, fact)
        _add(units, fact.lead_unit_id, fact)
    return BudgetData(
        by_source=tuple((label(source), Money(*summed)) for source, summed in sources.items()),
        by_year=tuple((year, Money(*summed)) for year, summed in sorted(years.items())),
        by_unit=tuple(
            (_owner(lead, unit_names), Money(*summed))
            for lead, summed in sorted(units.items(), key=lambda item: -item[1][0])
        ),
    )


def _add(sums: dict[Key, list[int]], key: Key, fact: BudgetFact) -> None:
    """Add the line's money to the key's sums (planned, allocated, disbursed)."""
    summed = sums.get(key)
    if summed is None:
        sums[key] = [fact.planned, fact.allocated, fact.disbursed]
    else:
        summed[0] += fact.planned
        summed[1] += fact.allocated
        summed[2] += fact.disbursed


def _owner(lead: int | None, unit_names: dict[int, str]) -> str:
    """The name a lead unit is shown by."""
    return unit_names.get(lead, "") if lead is not None else _("(no lead unit)")


def _attention(
    leaves: list[TaskNode],
    standing: dict[int, Standing],
    facts: dict[int, tuple[str | None, str, int | None, int]],
    unit_names: dict[int, str],
) -> list[AttentionItem]:
    items = []
    for node in leaves:
        # A project with sub-tasks is late from the end of all its work, as the sheet shows it.
        task = standing[node.id]
        if task.health not in (Health.LATE, Health.AT_RISK):
            continue
        code, name, lead, plan_id = facts[node.id]
        owner = unit_names.get(lead) if lead is not None else None
        items.append(AttentionItem(node.id, plan_id, code, name, owner, task.health, task.days_late))
    return sorted(items, key=lambda item: (item.health is not Health.LATE, -item.days_late, item.name))
