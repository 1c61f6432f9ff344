"""The demo plan: read data/demo_plan.json, check every reference, and insert it in one transaction."""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from dxplanner.core import rules
from dxplanner.core.enums import (
    Area,
    DependencyType,
    Direction,
    EstateMeasure,
    FundingSource,
    Pillar,
    PlanStatus,
    Priority,
    StrategyStatus,
    TaskKind,
    TaskStatus,
    UnitRole,
)
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.links import LAG_LIMIT_DAYS, check_link
from dxplanner.core.models import (
    ActionPlan,
    BudgetLine,
    Dependency,
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    ProgressReport,
    Risk,
    SocioEconomicPlan,
    StaffLine,
    Strategy,
    Task,
    TaskGoal,
    TaskUnit,
    Unit,
)
from dxplanner.core.rollup import TaskNode
from dxplanner.core.schedule import Link, ScheduleCycleError, critical_path
from dxplanner.core.target_text import read_targets
from dxplanner.core.workdays import WorkCalendar
from dxplanner.i18n import _
from dxplanner.resources import bundled_dir
from dxplanner.store.demo_estate import ESTATE_TABLES, DemoEstate, demo_estate_path
from dxplanner.store.demo_rows import Record, add_risk, add_row, add_unit, lookup
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.queries import table
from dxplanner.store.sequences import advance_past_ids

# A target given as a plain number: the indicator's own, no comparison, no words (every row of
# one insert names the same columns).
_NO_SCOPE: dict[str, object] = {"scope": "", "comparison": None, "text": None, "upper": None}


# Parents before children, so that every foreign key points at a row already there.
_INSERT_ORDER: tuple[type[SQLModel], ...] = (
    Unit,
    SocioEconomicPlan,
    Strategy,
    Goal,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    ActionPlan,
    Task,
    TaskUnit,
    TaskGoal,
    Dependency,
    BudgetLine,
    StaffLine,
    ProgressReport,
    Risk,
    *ESTATE_TABLES,
)


def demo_plan_path() -> Path:
    """Where the demo plan's data lives."""
    return bundled_dir("data") / "demo_plan.json"


def load_demo(store: PlanStore, source: Path | None = None, estate: Path | None = None) -> dict[str, int]:
    """Insert the demo plan into an empty plan file; return how many rows of each table it wrote.

    The bundled plan comes with its estate (data/demo_estate.json); another plan (source) with
    the estate given, if any: the estate names the plan's units and tasks.
    """
    path = source or demo_plan_path()
    document = _read(path)
    builder = _DemoRows()
    rows = builder.build(document)
    estate_path = estate if estate is not None or source is not None else demo_estate_path()
    if estate_path is not None:
        DemoEstate(rows, builder.units, builder.task_keys).build(_read(estate_path))
    with store.write() as session:
        connection = session.connection()
        if connection.execute(sa.select(sa.func.count()).select_from(table(Unit))).scalar_one():
            raise InvalidInputError(_("The demo plan can only be loaded into an empty plan file."))
        for model in _INSERT_ORDER:
            if rows[model]:
                connection.execute(sa.insert(table(model)), rows[model])
        advance_past_ids(connection, [table(model) for model in _INSERT_ORDER])
    return {table(model).name: len(rows[model]) for model in _INSERT_ORDER}


def _read(path: Path) -> dict[str, Any]:
    try:
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInputError(
            _("The demo plan {path} cannot be read: {reason}").format(path=path, reason=error)
        ) from error
    return document


class _DemoRows:
    """Turns the demo document into rows per table, with ids given here and references checked."""

    def __init__(self) -> None:
        self.rows: dict[type[SQLModel], list[Record]] = defaultdict(list)
        self.units: dict[str, int] = {}
        self.sedps: dict[str, tuple[int, dict[str, int]]] = {}
        self.task_keys: dict[str, int] = {}
        self.pending_links: list[tuple[int, Record]] = []
        self.parent_of: dict[int, int | None] = {}
        self.successors: dict[int, list[int]] = defaultdict(list)

    def build(self, document: Mapping[str, Any]) -> dict[type[SQLModel], list[Record]]:
        for unit in document.get("units", []):
            self._unit(unit)
        for sedp in document.get("sedps", []):
            self._sedp(sedp)
        for strategy in document.get("strategies", []):
            self._strategy(strategy)
        for successor_id, link in self.pending_links:
            self._dependency(successor_id, link)
        self._refuse_cycles_through_groups()
        return self.rows

    def _refuse_cycles_through_groups(self) -> None:
        """The scheduler's own test: a link to a group binds every task inside it."""
        nodes = [
            TaskNode(
                row["id"], row["parent_id"], row["position"], row["planned_start"], row["planned_end"], 0.0
            )
            for row in self.rows[Task]
        ]
        links = [
            Link(row["predecessor_id"], row["successor_id"], row["type"], row["lag_days"])
            for row in self.rows[Dependency]
        ]
        try:
            critical_path(nodes, links, WorkCalendar(public_holidays=False), self._task_name)
        except ScheduleCycleError as error:
            raise InvalidInputError(
                _("The demo plan's links go round in a circle: {reason}").format(reason=error.message)
            ) from None

    def _add(self, model: type[SQLModel], record: Record) -> int:
        return add_row(self.rows, model, record)

    def _unit_id(self, code: object) -> int:
        return lookup(self.units, code, _("unit"))

    def _unit(self, unit: Mapping[str, Any]) -> None:
        add_unit(self.rows, self.units, unit)

    def _sedp(self, sedp: Mapping[str, Any]) -> None:
        sedp_id = self._add(
            SocioEconomicPlan,
            {
                "name": rules.required_text(sedp.get("name"), _("Name")),
                "unit_id": self._unit_id(sedp.get("unit")),
                "start_year": rules.year(sedp.get("start_year"), _("Start year")),
                "end_year": rules.year(sedp.get("end_year"), _("End year")),
            },
        )
        indicators: dict[str, int] = {}
        for indicator in sedp.get("indicators", []):
            self._indicator(indicator, indicators, goal_id=None, sedp_id=sedp_id, sedp_indicators={})
        self.sedps[rules.required_text(sedp.get("key"), "key")] = (sedp_id, indicators)

    def _strategy(self, strategy: Mapping[str, Any]) -> None:
        sedp_key = strategy.get("sedp")
        sedp_id, sedp_indicators = (
            (None, {}) if sedp_key is None else lookup(self.sedps, sedp_key, _("socio-economic plan"))
        )
        strategy_id = self._add(
            Strategy,
            {
                "name": rules.required_text(strategy.get("name"), _("Name")),
                "unit_id": self._unit_id(strategy.get("unit")),
                "start_year": rules.year(strategy.get("start_year"), _("Start year")),
                "end_year": rules.year(strategy.get("end_year"), _("End year")),
                "vision_year": strategy.get("vision_year"),
                "vision": strategy.get("vision"),
                "decision_no": strategy.get("decision_no"),
                "decision_date": _date(strategy.get("decision_date")),
                "status": rules.member(StrategyStatus, strategy.get("status", "draft"), _("Status")),
                "sedp_id": sedp_id,
            },
        )
        goals: dict[str, int] = {}
        indicators: dict[str, int] = {}
        for position, goal in enumerate(strategy.get("goals", [])):
            self._goal(goal, strategy_id, None, position, goals, indicators, sedp_indicators)
        for risk in strategy.get("risks", []):
            self._risk(risk, strategy_id=strategy_id)
        for plan in strategy.get("plans", []):
            self._plan(plan, strategy_id, goals)

    def _goal(
        self,
        goal: Mapping[str, Any],
        strategy_id: int,
        parent_id: int | None,
        position: int,
        goals: dict[str, int],
        indicators: dict[str, int],
        sedp_indicators: Mapping[str, int],
    ) -> None:
        code = rules.required_text(goal.get("code"), _("Goal code"))
        if code in goals:
            raise InvalidInputError(_("The demo plan lists the goal {code} twice.").format(code=code))
        goal_id = self._add(
            Goal,
            {
                "strategy_id": strategy_id,
                "parent_id": parent_id,
                "position": position,
                "code": code,
                "text": rules.required_text(goal.get("text"), _("Goal")),
                "pillar": rules.member(Pillar, goal.get("pillar", "digital_government"), _("Pillar")),
                "area": rules.member(Area, goal.get("area", "other"), _("Area")),
            },
        )
        goals[code] = goal_id
        for indicator in goal.get("indicators", []):
            self._indicator(
                indicator, indicators, goal_id=goal_id, sedp_id=None, sedp_indicators=sedp_indicators
            )
        for child_position, child in enumerate(goal.get("children", [])):
            self._goal(child, strategy_id, goal_id, child_position, goals, indicators, sedp_indicators)

    def _indicator(
        self,
        indicator: Mapping[str, Any],
        indicators: dict[str, int],
        *,
        goal_id: int | None,
        sedp_id: int | None,
        sedp_indicators: Mapping[str, int],
    ) -> None:
        code = rules.required_text(indicator.get("code"), _("Indicator code"))
        if code in indicators:
            raise InvalidInputError(_("The demo plan lists the indicator {code} twice.").format(code=code))
        linked = indicator.get("sedp_indicator")
        measure = indicator.get("estate_measure")
        indicator_id = self._add(
            Indicator,
            {
                "goal_id": goal_id,
                "sedp_id": sedp_id,
                "code": code,
                "name": rules.required_text(indicator.get("name"), _("Indicator name")),
                "measure_unit": indicator.get("measure_unit", ""),
                "direction": rules.member(Direction, indicator.get("direction", "increase"), _("Direction")),
                "baseline_value": indicator.get("baseline_value"),
                "baseline_year": indicator.get("baseline_year"),
                "source": indicator.get("source"),
                "sedp_indicator_id": None
                if linked is None
                else lookup(sedp_indicators, linked, _("indicator")),
                # The estate figure it follows, measured from the demo's estate on the dashboard's day.
                "estate_measure": None
                if measure is None
                else rules.member(EstateMeasure, measure, _("Estate figure followed")),
            },
        )
        indicators[code] = indicator_id
        for year, value in indicator.get("targets", {}).items():
            checked_year = rules.year(int(year), _("Year"))
            if not isinstance(value, str):
                self.rows[IndicatorTarget].append(
                    {**_NO_SCOPE, "indicator_id": indicator_id, "year": checked_year, "value": value}
                )
                continue
            # A target as a document writes it: "≥ 40", "≤ 5 ASEAN; ≤ 60 thế giới", or words.
            for said in read_targets(value, indicator.get("measure_unit", "")):
                self.rows[IndicatorTarget].append(
                    {
                        "indicator_id": indicator_id,
                        "year": checked_year,
                        "scope": said.scope or "",
                        "value": said.value,
                        "comparison": said.comparison,
                        "upper": said.upper,
                        "text": said.text if said.in_words else said.note,
                    }
                )
        for measured in indicator.get("values", []):
            self.rows[IndicatorValue].append(
                {
                    "indicator_id": indicator_id,
                    "as_of": _date(measured.get("as_of")),
                    "value": measured.get("value"),
                    "source": measured.get("source"),
                }
            )

    def _plan(self, plan: Mapping[str, Any], strategy_id: int, goals: Mapping[str, int]) -> None:
        plan_id = self._add(
            ActionPlan,
            {
                "strategy_id": strategy_id,
                "unit_id": self._unit_id(plan.get("unit")),
                "name": rules.required_text(plan.get("name"), _("Plan name")),
                "start": _date(plan.get("start")),
                "end": _date(plan.get("end")),
                "decision_no": plan.get("decision_no"),
                "status": rules.member(PlanStatus, plan.get("status", "draft"), _("Status")),
            },
        )
        for risk in plan.get("risks", []):
            self._risk(risk, plan_id=plan_id)
        for position, task in enumerate(plan.get("tasks", [])):
            self._task(task, plan_id, None, position, goals)

    def _task(
        self,
        task: Mapping[str, Any],
        plan_id: int,
        parent_id: int | None,
        position: int,
        goals: Mapping[str, int],
    ) -> None:
        lead = task.get("lead")
        task_id = self._add(
            Task,
            {
                "plan_id": plan_id,
                "parent_id": parent_id,
                "position": position,
                "code": task.get("code"),
                "name": rules.required_text(task.get("name"), _("Task name")),
                "kind": rules.member(TaskKind, task.get("kind", "task"), _("Kind")),
                "lead_unit_id": None if lead is None else self._unit_id(lead),
                "product": task.get("product"),
                "timeline_text": task.get("timeline"),
                "planned_start": _date(task.get("start")),
                "planned_end": _date(task.get("end")),
                "baseline_start": _date(task.get("baseline_start")),
                "baseline_end": _date(task.get("baseline_end")),
                "actual_start": _date(task.get("actual_start")),
                "actual_end": _date(task.get("actual_end")),
                "progress": rules.progress(task.get("progress", 0)),
                "status": rules.member(TaskStatus, task.get("status", "not_started"), _("Status")),
                "priority": rules.member(Priority, task.get("priority", "normal"), _("Priority")),
                "notes": task.get("notes"),
                "version": 1,
            },
        )
        self.parent_of[task_id] = parent_id
        key = task.get("key")
        if key is not None:
            if key in self.task_keys:
                raise InvalidInputError(_("The demo plan uses the task key {key} twice.").format(key=key))
            self.task_keys[key] = task_id
        for unit in _unique(task.get("cooperating", [])):
            if unit == lead:
                raise InvalidInputError(
                    _("The lead unit cannot also be a cooperating unit of the same task.") + f" ({unit})"
                )
            self.rows[TaskUnit].append(
                {"task_id": task_id, "unit_id": self._unit_id(unit), "role": UnitRole.COOPERATING}
            )
        for goal in _unique(task.get("goals", [])):
            self.rows[TaskGoal].append({"task_id": task_id, "goal_id": lookup(goals, goal, _("goal"))})
        for line in task.get("budget", []):
            self._add(
                BudgetLine,
                {
                    "task_id": task_id,
                    "source": rules.member(FundingSource, line.get("source"), _("Funding source")),
                    "year": rules.year(line.get("year"), _("Year")),
                    "planned": rules.money(line.get("planned", 0), _("Planned amount")),
                    "allocated": rules.money(line.get("allocated", 0), _("Allocated amount")),
                    "disbursed": rules.money(line.get("disbursed", 0), _("Disbursed amount")),
                },
            )
        for line in task.get("staff", []):
            self._add(
                StaffLine,
                {
                    "task_id": task_id,
                    "unit_id": self._unit_id(line.get("unit")),
                    "person_months": rules.number(line.get("person_months"), _("Person-months"), low=0),
                },
            )
        for report in task.get("reports", []):
            self._add(
                ProgressReport,
                {
                    "task_id": task_id,
                    "as_of": _date(report.get("as_of")),
                    "progress": rules.progress(report.get("progress")),
                    "status": rules.member(TaskStatus, report.get("status"), _("Status")),
                    "remark": report.get("remark"),
                    "author": report.get("author"),
                },
            )
        for link in task.get("depends_on", []):
            self.pending_links.append((task_id, link))
        for risk in task.get("risks", []):
            self._risk(risk, task_id=task_id)
        for child_position, child in enumerate(task.get("children", [])):
            self._task(child, plan_id, task_id, child_position, goals)

    def _dependency(self, successor_id: int, link: Mapping[str, Any]) -> None:
        predecessor_id = lookup(self.task_keys, link.get("task"), _("task"))
        # The same rules as dxplanner.store.operations.dependencies.add_dependency.
        try:
            check_link(predecessor_id, successor_id, self.parent_of, self.successors, self._task_name)
        except InvalidInputError as error:
            raise InvalidInputError(
                _("The demo plan's task '{name}' has a link that is not allowed: {reason}").format(
                    name=self._task_name(successor_id), reason=error.message
                )
            ) from None
        self.successors[predecessor_id].append(successor_id)
        self._add(
            Dependency,
            {
                "predecessor_id": predecessor_id,
                "successor_id": successor_id,
                "type": rules.member(DependencyType, link.get("type", "FS"), _("Link type")),
                "lag_days": rules.whole_number(
                    link.get("lag_days", 0), _("Lag (days)"), low=-LAG_LIMIT_DAYS, high=LAG_LIMIT_DAYS
                ),
            },
        )

    def _task_name(self, task_id: int) -> str:
        return str(self.rows[Task][task_id - 1]["name"])

    def _risk(
        self,
        risk: Mapping[str, Any],
        *,
        strategy_id: int | None = None,
        plan_id: int | None = None,
        task_id: int | None = None,
    ) -> None:
        add_risk(self.rows, self.units, risk, strategy_id=strategy_id, plan_id=plan_id, task_id=task_id)


def _date(value: object) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInputError(
            _("The demo plan has a date that is not written YYYY-MM-DD: {value}").format(value=value)
        ) from None


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
