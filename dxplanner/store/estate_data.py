"""The estate map from a plan file: every element and relation as it stands on a day, filtered.

A handful of queries whatever the size of the estate (one per table), so that a map of
1,000 elements reads as fast as one of 10; what each element is on the day is worked out
in core.estate_state.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlmodel import Session

from dxplanner.core.enums import EstateStatus, ServiceLevel
from dxplanner.core.errors import NotFoundError
from dxplanner.core.estate_map import ElementKind, EstateMap, MapElement, MapRelation, RelationKind
from dxplanner.core.estate_state import Effect, EffectTask, ElementState, EstateClock, state_on
from dxplanner.core.models import (
    ActionPlan,
    DataLink,
    OpenDataset,
    PublicService,
    System,
    Task,
    TaskEffect,
    Unit,
)
from dxplanner.core.workdays import vietnam_calendar
from dxplanner.i18n import _
from dxplanner.store.queries import table


@dataclass(frozen=True)
class MapFilter:
    """What the map is narrowed to: one plan's changes, one unit (and its sub-units), some statuses."""

    plan_id: int | None = None
    unit_id: int | None = None
    statuses: frozenset[EstateStatus] | None = None


@dataclass
class Effects:
    """Every task effect, by the key of the element or link it falls on, and the tasks behind them."""

    by_key: dict[str, list[Effect]] = field(default_factory=lambda: defaultdict(list))
    tasks: dict[int, EffectTask] = field(default_factory=dict)
    plan_of: dict[int, int] = field(default_factory=dict)  # task id -> its plan

    def keys_of_plan(self, plan_id: int) -> set[str]:
        """The elements and links some task of the plan has an effect on."""
        return {
            key
            for key, effects in self.by_key.items()
            if any(self.plan_of.get(effect.task_id) == plan_id for effect in effects)
        }


def plan_end(session: Session, plan_id: int) -> datetime.date:
    """The last day of an action plan: the day its "to be" estate is shown on."""
    plan = table(ActionPlan)
    end = session.connection().execute(sa.select(plan.c.end).where(plan.c.id == plan_id)).scalar()
    if end is None:
        raise NotFoundError(_("There is no action plan with id {id}.").format(id=plan_id))
    return end  # type: ignore[no-any-return]


def estate_map(session: Session, as_of: datetime.date, chosen: MapFilter, today: datetime.date) -> EstateMap:
    """Every element of the estate and every line between them as they stand on as_of, filtered."""
    if chosen.plan_id is not None:
        plan_end(session, chosen.plan_id)  # refuses a plan that does not exist
    units, children = _units(session)
    if chosen.unit_id is not None and chosen.unit_id not in units:
        raise NotFoundError(_("There is no unit with id {id}.").format(id=chosen.unit_id))
    clock = EstateClock(today, vietnam_calendar())
    effects = read_effects(session)
    elements, relations = _elements(session, effects, units, as_of, clock)
    kept = set(elements)
    if chosen.plan_id is not None:
        kept &= _plan_keys(effects.keys_of_plan(chosen.plan_id), relations)
    if chosen.unit_id is not None:
        inside = _with_sub_units(chosen.unit_id, children)
        kept = {key for key in kept if elements[key].unit_id in inside}
    if chosen.statuses is not None:
        kept = {key for key in kept if elements[key].status in chosen.statuses}
    return EstateMap(
        as_of,
        tuple(element for key, element in elements.items() if key in kept),
        tuple(line for line in relations if line.source in kept and line.target in kept),
    )


def _plan_keys(changed: set[str], relations: Iterable[MapRelation]) -> set[str]:
    """The elements a plan changes, with both ends of each data link it changes (to draw the link)."""
    keys = set(changed)
    for line in relations:
        if line.kind is RelationKind.SHARES_DATA and line.key in changed:
            keys.update((line.source, line.target))
    return keys


def _units(session: Session) -> tuple[dict[int, str], dict[int | None, list[int]]]:
    unit = table(Unit)
    names: dict[int, str] = {}
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit_id, name, short_name, parent_id in session.connection().execute(
        sa.select(unit.c.id, unit.c.name, unit.c.short_name, unit.c.parent_id)
    ):
        names[unit_id] = short_name or name
        children[parent_id].append(unit_id)
    return names, children


def _with_sub_units(unit_id: int, children: dict[int | None, list[int]]) -> set[int]:
    inside, pending = set(), [unit_id]
    while pending:
        current = pending.pop()
        if current not in inside:
            inside.add(current)
            pending.extend(children.get(current, ()))
    return inside


def read_effects(session: Session) -> Effects:
    """Every task effect with the task behind it, by the key of the element or link it falls on."""
    effect, task = table(TaskEffect), table(Task)
    found = Effects()
    rows = session.connection().execute(
        sa.select(
            effect.c.task_id,
            effect.c.effect,
            effect.c.system_id,
            effect.c.data_link_id,
            effect.c.service_id,
            effect.c.service_level,
            task.c.plan_id,
            task.c.status,
            task.c.progress,
            task.c.planned_start,
            task.c.planned_end,
            task.c.actual_start,
            task.c.actual_end,
        ).join(task, task.c.id == effect.c.task_id)
    )
    for task_id, kind, system_id, link_id, service_id, level, plan_id, *dates in rows:
        status, progress, planned_start, planned_end, actual_start, actual_end = dates
        if system_id is not None:
            key = f"system:{system_id}"
        elif link_id is not None:
            key = f"data_link:{link_id}"
        else:
            key = f"public_service:{service_id}"
        found.by_key[key].append(Effect(task_id, kind, level))
        found.plan_of[task_id] = plan_id
        found.tasks[task_id] = EffectTask(
            task_id, status, progress, planned_start, planned_end, actual_start, actual_end
        )
    return found


def _elements(
    session: Session, effects: Effects, units: dict[int, str], as_of: datetime.date, clock: EstateClock
) -> tuple[dict[str, MapElement], list[MapRelation]]:
    """Every element and relation on the day, unfiltered."""
    connection = session.connection()
    elements: dict[str, MapElement] = {}
    relations: list[MapRelation] = []

    def state(key: str, status: EstateStatus, level: ServiceLevel | None = None) -> ElementState:
        return state_on(status, level, effects.by_key.get(key, ()), effects.tasks, as_of, clock)

    system = table(System)
    for row in connection.execute(
        sa.select(
            system.c.id,
            system.c.name,
            system.c.short_name,
            system.c.kind,
            system.c.owner_unit_id,
            system.c.level,
            system.c.hosted_on_id,
            system.c.status,
            system.c.hosting,
            system.c.security_level,
        ).order_by(system.c.id)
    ):
        key = f"system:{row.id}"
        now = state(key, row.status)
        elements[key] = _element(key, "system", row.id, ElementKind(row.kind.value), row, units, now)
        if row.hosted_on_id is not None:
            relations.append(
                MapRelation(f"hosted_on:{row.id}", RelationKind.HOSTED_ON, key, f"system:{row.hosted_on_id}")
            )
    service = table(PublicService)
    for service_row in connection.execute(
        sa.select(
            service.c.id,
            service.c.name,
            service.c.unit_id.label("owner_unit_id"),
            service.c.system_id,
            service.c.level.label("service_level"),
        ).order_by(service.c.id)
    ):
        key = f"public_service:{service_row.id}"
        # A procedure has no life of its own in the record: it runs, unless a task builds or retires it.
        now = state(key, EstateStatus.RUNNING, service_row.service_level)
        elements[key] = _element(
            key, "public_service", service_row.id, ElementKind.PUBLIC_SERVICE, service_row, units, now
        )
        if service_row.system_id is not None:
            relations.append(
                MapRelation(
                    f"serves:{service_row.id}", RelationKind.SERVES, f"system:{service_row.system_id}", key
                )
            )
    dataset = table(OpenDataset)
    for dataset_row in connection.execute(
        sa.select(
            dataset.c.id,
            dataset.c.name,
            dataset.c.publisher_unit_id.label("owner_unit_id"),
            dataset.c.system_id,
            dataset.c.status,
        ).order_by(dataset.c.id)
    ):
        key = f"open_dataset:{dataset_row.id}"
        now = state(key, dataset_row.status)
        elements[key] = _element(
            key, "open_dataset", dataset_row.id, ElementKind.OPEN_DATASET, dataset_row, units, now
        )
        if dataset_row.system_id is not None:
            relations.append(
                MapRelation(
                    f"publishes:{dataset_row.id}",
                    RelationKind.PUBLISHES,
                    f"system:{dataset_row.system_id}",
                    key,
                )
            )
    link = table(DataLink)
    for link_row in connection.execute(
        sa.select(
            link.c.id, link.c.from_system_id, link.c.to_system_id, link.c.via, link.c.data, link.c.status
        ).order_by(link.c.id)
    ):
        key = f"data_link:{link_row.id}"
        relations.append(
            MapRelation(
                key,
                RelationKind.SHARES_DATA,
                f"system:{link_row.from_system_id}",
                f"system:{link_row.to_system_id}",
                state(key, link_row.status).status,
                link_row.via,
                link_row.data,
                link_row.id,
            )
        )
    return elements, relations


def _element(
    key: str,
    table_name: str,
    record_id: int,
    kind: ElementKind,
    row: sa.Row,  # type: ignore[type-arg]
    units: dict[int, str],
    now: ElementState,
) -> MapElement:
    mapping = row._mapping
    unit_id = mapping["owner_unit_id"]
    return MapElement(
        key=key,
        table=table_name,
        record_id=record_id,
        kind=kind,
        name=mapping["name"],
        short_name=mapping.get("short_name"),
        unit_id=unit_id,
        unit_name=units.get(unit_id) if unit_id is not None else None,
        level=mapping.get("level"),
        status=now.status,
        service_level=now.service_level,
        task_ids=now.task_ids,
        late=now.late,
        hosting=mapping.get("hosting"),
        security_level=mapping.get("security_level"),
        changed=now.changed,
    )


def statuses_of(statuses: Collection[EstateStatus] | None) -> frozenset[EstateStatus] | None:
    """The statuses to keep, as the filter holds them (None: all)."""
    return None if statuses is None else frozenset(statuses)
