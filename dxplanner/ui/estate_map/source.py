"""Where the map page gets its data: the one adapter over the services (the estate map, units,
plans, task names), so that tests can hand the page a map they built."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from dxplanner.core.enums import EstateStatus
from dxplanner.core.estate_map import EstateMap
from dxplanner.services import navigator, records
from dxplanner.services.open_plan import OpenPlan


@dataclass(frozen=True)
class MapFilter:
    """What the user chose to see: the day, and optionally one plan's changes, one unit, some statuses."""

    as_of: datetime.date
    plan_id: int | None = None
    unit_id: int | None = None
    statuses: frozenset[EstateStatus] | None = None


@dataclass(frozen=True)
class PlanChoice:
    """An action plan the filter offers, with the day its "to be" is drawn on."""

    id: int
    name: str
    end: datetime.date | None


class MapSource(Protocol):
    """What the map page reads."""

    def estate_map(self, chosen: MapFilter) -> EstateMap: ...

    def units(self) -> list[tuple[int, str]]: ...

    def plans(self) -> list[PlanChoice]: ...

    def task_names(self, task_ids: Iterable[int]) -> list[tuple[int, str]]: ...


class PlanSource:
    """The map source of an open plan, through the services."""

    def __init__(self, plan: OpenPlan) -> None:
        self.plan = plan

    def estate_map(self, chosen: MapFilter) -> EstateMap:
        # The estate's reads are written beside this page (services.estate_view): until they are
        # there, the map is empty rather than the window broken. This is the one place that knows.
        try:
            estate_view = importlib.import_module("dxplanner.services.estate_view")
        except ModuleNotFoundError:
            return EstateMap(chosen.as_of, (), ())
        built: EstateMap = estate_view.estate_map(
            self.plan, chosen.as_of, plan_id=chosen.plan_id, unit_id=chosen.unit_id, statuses=chosen.statuses
        )
        return built

    def units(self) -> list[tuple[int, str]]:
        return sorted(((unit.id, unit.name) for unit in records.unit_names(self.plan)), key=lambda u: u[1])

    def plans(self) -> list[PlanChoice]:
        tree = navigator.navigator_tree(self.plan)
        nodes = [node for strategy in tree.strategies for node in strategy.plans] + list(tree.loose_plans)
        chosen = []
        for node in nodes:
            record = records.action_plan(self.plan, node.id)
            chosen.append(PlanChoice(node.id, node.name, record.end if record is not None else None))
        return chosen

    def task_names(self, task_ids: Iterable[int]) -> list[tuple[int, str]]:
        names = []
        for task_id in task_ids:
            task = records.task(self.plan, task_id)
            if task is not None:
                names.append((task_id, f"{task.code} {task.name}".strip() if task.code else task.name))
        return names
