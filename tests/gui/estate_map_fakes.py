"""A map source for the map page's tests: a generated province's map, filtered as the service would."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable

from bench.estate_sample import UNITS, sample_map
from dxplanner.core.estate_map import EstateMap
from dxplanner.ui.estate_map.source import MapFilter, PlanChoice

PLANS = [PlanChoice(1, "Kế hoạch chuyển đổi số năm 2026", datetime.date(2026, 12, 31)),
         PlanChoice(2, "Kế hoạch giai đoạn 2026-2030", None)]  # fmt: skip


class FakeSource:
    """Serves a generated map of `size` elements; remembers every filter it was asked for."""

    def __init__(self, size: int = 320) -> None:
        self.whole = sample_map(size)
        self.asked: list[MapFilter] = []

    def estate_map(self, chosen: MapFilter) -> EstateMap:
        self.asked.append(chosen)
        elements = tuple(
            element
            for element in self.whole.elements
            if (chosen.unit_id is None or element.unit_id == chosen.unit_id)
            and (chosen.statuses is None or element.status in chosen.statuses)
            and (chosen.plan_id is None or element.task_ids)
        )
        return dataclasses.replace(self.whole, as_of=chosen.as_of, elements=elements)

    def units(self) -> list[tuple[int, str]]:
        return [(number + 1, name) for number, name in enumerate(UNITS)]

    def plans(self) -> list[PlanChoice]:
        return list(PLANS)

    def task_names(self, task_ids: Iterable[int]) -> list[tuple[int, str]]:
        return [(task_id, f"Nhiệm vụ số {task_id}") for task_id in task_ids]
