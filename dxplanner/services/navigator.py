"""The tree the navigator shows: strategies with their plans, goals and indicators; SEDPs; units."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NamedTuple

from dxplanner.core.enums import SystemKind
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.first_view import estate_counts, navigator_rows

# Named tuples rather than dataclasses: their classes are made at every start, before the first paint,
# and a named tuple's class takes a fifth of the time a frozen dataclass's does (0.15 ms against 0.8).


class IndicatorNode(NamedTuple):
    """An indicator as the tree names it."""

    id: int
    code: str
    name: str
    measure_unit: str


class GoalNode(NamedTuple):
    """A goal with the goals below it and its indicators."""

    id: int
    code: str
    text: str
    goals: tuple[GoalNode, ...]
    indicators: tuple[IndicatorNode, ...]


class PlanNode(NamedTuple):
    """An action plan as the tree names it, with the years it spans."""

    id: int
    name: str
    start_year: int
    end_year: int


class StrategyNode(NamedTuple):
    """A strategy with its plans (by start) and its top goals (in order)."""

    id: int
    name: str
    start_year: int
    end_year: int
    plans: tuple[PlanNode, ...]
    goals: tuple[GoalNode, ...]


class SedpNode(NamedTuple):
    """A socio-economic plan with its indicators (by code)."""

    id: int
    name: str
    indicators: tuple[IndicatorNode, ...]


class UnitNode(NamedTuple):
    """A unit with the units below it (by name)."""

    id: int
    name: str
    short_name: str | None
    units: tuple[UnitNode, ...]


class NavigatorTree(NamedTuple):
    """Everything the navigator shows of a plan file (a few hundred records at most)."""

    strategies: tuple[StrategyNode, ...]  # oldest period first
    loose_plans: tuple[PlanNode, ...]  # plans that belong to no strategy
    sedps: tuple[SedpNode, ...]
    units: tuple[UnitNode, ...]  # the top units


Row = dict[str, Any]


def navigator_tree(plan: OpenPlan) -> NavigatorTree:
    """The whole tree, read in one snapshot."""
    # Read with no table class loaded: the navigator is filled before a plan's first paint.
    with plan.look() as read:
        found = navigator_rows(read)
    goals, indicators, strategies = found.goals, found.indicators, found.strategies
    plans, sedps, units = found.plans, found.sedps, found.units
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


class EstateGroups(NamedTuple):
    """How the navigator splits the estate: the systems of each kind, the public services of each field."""

    systems_by_kind: dict[SystemKind, int]
    services_by_field: dict[str, int]  # "" for services without a field
    links: int
    datasets: int
    members: int


def estate_groups(plan: OpenPlan) -> EstateGroups:
    """The counts the navigator shows beside the estate's branches, fields in alphabetical order."""
    # Counted by the database: the navigator is filled before a plan's first paint, and reading
    # every system and public service only to count them cost that paint 20 ms on the demo plan.
    with plan.look() as read:
        counts = estate_counts(read)
    kinds = dict.fromkeys(SystemKind, 0)
    for kind, number in counts.systems_by_kind.items():
        kinds[kind] += number
    fields_seen: dict[str, int] = {}
    for written, number in counts.services_by_field.items():
        field = (written or "").strip()
        fields_seen[field] = fields_seen.get(field, 0) + number
    return EstateGroups(
        systems_by_kind=kinds,
        services_by_field=dict(sorted(fields_seen.items(), key=lambda item: (item[0] == "", item[0]))),
        links=counts.links,
        datasets=counts.datasets,
        members=counts.members,
    )
