"""The tree the navigator shows: strategies with their plans, goals and indicators; SEDPs; units."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from dxplanner.core.models import ActionPlan, Goal, Indicator, SocioEconomicPlan, Strategy, Unit
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store import queries


@dataclass(frozen=True)
class IndicatorNode:
    """An indicator as the tree names it."""

    id: int
    code: str
    name: str
    measure_unit: str


@dataclass(frozen=True)
class GoalNode:
    """A goal with the goals below it and its indicators."""

    id: int
    code: str
    text: str
    goals: tuple[GoalNode, ...]
    indicators: tuple[IndicatorNode, ...]


@dataclass(frozen=True)
class PlanNode:
    """An action plan as the tree names it, with the years it spans."""

    id: int
    name: str
    start_year: int
    end_year: int


@dataclass(frozen=True)
class StrategyNode:
    """A strategy with its plans (by start) and its top goals (in order)."""

    id: int
    name: str
    start_year: int
    end_year: int
    plans: tuple[PlanNode, ...]
    goals: tuple[GoalNode, ...]


@dataclass(frozen=True)
class SedpNode:
    """A socio-economic plan with its indicators (by code)."""

    id: int
    name: str
    indicators: tuple[IndicatorNode, ...]


@dataclass(frozen=True)
class UnitNode:
    """A unit with the units below it (by name)."""

    id: int
    name: str
    short_name: str | None
    units: tuple[UnitNode, ...]


@dataclass(frozen=True)
class NavigatorTree:
    """Everything the navigator shows of a plan file (a few hundred records at most)."""

    strategies: tuple[StrategyNode, ...]  # oldest period first
    loose_plans: tuple[PlanNode, ...]  # plans that belong to no strategy
    sedps: tuple[SedpNode, ...]
    units: tuple[UnitNode, ...]  # the top units


Row = dict[str, Any]


def navigator_tree(plan: OpenPlan) -> NavigatorTree:
    """The whole tree, read in one snapshot."""
    with plan.read() as read:
        goals = queries.records(read, Goal, order=("strategy_id", "position", "id"))
        indicators = queries.records(read, Indicator, order=("code", "id"))
        strategies = queries.records(read, Strategy, order=("start_year", "id"))
        plans = queries.records(read, ActionPlan, order=("start", "id"))
        sedps = queries.records(read, SocioEconomicPlan, order=("start_year", "id"))
        units = queries.records(read, Unit, order=("name",))
    goals_below: dict[tuple[Any, Any], list[Row]] = defaultdict(list)
    for goal in goals:
        goals_below[(goal["strategy_id"], goal["parent_id"])].append(goal)
    of_goal: dict[Any, list[IndicatorNode]] = defaultdict(list)
    of_sedp: dict[Any, list[IndicatorNode]] = defaultdict(list)
    for row in indicators:
        node = IndicatorNode(row["id"], row["code"], row["name"], row["measure_unit"])
        if row["goal_id"] is not None:
            of_goal[row["goal_id"]].append(node)
        if row["sedp_id"] is not None:
            of_sedp[row["sedp_id"]].append(node)
    plans_of: dict[Any, list[PlanNode]] = defaultdict(list)
    for row in plans:
        plans_of[row["strategy_id"]].append(
            PlanNode(row["id"], row["name"], row["start"].year, row["end"].year)
        )

    def goal_nodes(strategy_id: int, parent_id: int | None) -> tuple[GoalNode, ...]:
        return tuple(
            GoalNode(
                goal["id"],
                goal["code"],
                goal["text"],
                goal_nodes(strategy_id, goal["id"]),
                tuple(of_goal.get(goal["id"], ())),
            )
            for goal in goals_below.get((strategy_id, parent_id), ())
        )

    units_below: dict[Any, list[Row]] = defaultdict(list)
    for row in units:
        units_below[row["parent_id"]].append(row)

    def unit_nodes(parent_id: int | None) -> tuple[UnitNode, ...]:
        return tuple(
            UnitNode(row["id"], row["name"], row["short_name"], unit_nodes(row["id"]))
            for row in units_below.get(parent_id, ())
        )

    return NavigatorTree(
        tuple(
            StrategyNode(
                row["id"],
                row["name"],
                row["start_year"],
                row["end_year"],
                tuple(plans_of.get(row["id"], ())),
                goal_nodes(row["id"], None),
            )
            for row in strategies
        ),
        tuple(plans_of.get(None, ())),
        tuple(SedpNode(row["id"], row["name"], tuple(of_sedp.get(row["id"], ()))) for row in sedps),
        unit_nodes(None),
    )
