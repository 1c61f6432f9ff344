"""How an element of the estate stands on a day: its stored record, and what tasks do to it by then.

The stored record says how the element stands today. A task's effect takes hold when the task
is finished: on its actual end once it is done, else on its planned end (a forecast).

- Today: the record, with the effects of the tasks already done laid over it. Nobody need edit
  the record when a task is marked done (a done raise shows the service at its level); where
  someone did, laying the effect again changes nothing. A task not done changes nothing yet,
  even past its planned end (it is late instead).
- A day after today: as today, then the effects of the tasks not yet done that finish by then,
  in the order they take hold: builds -> running (building while the task is under way on that
  day, planned before it starts), retires -> retired, connects -> running (a data-sharing
  link), raises_level -> the service at that level (a raise never lowers it: a service
  the record shows higher stays so), changes -> marked changed.
- A day before today: as today. The estate keeps no history of its own (the level a service
  had before a task raised it is not stored), so the simplest honest answer is the one known
  state rather than a guess at an earlier one.

An element is late when a task with an effect on it is late today, by the rule the task sheet
shows (`status.health`: past its planned end and not done): what it waits for is slipping. A task
done after its planned end no longer marks it: the element is delivered, and in the demo a third
of the map carried marks for work finished years ago, hiding the few that matter. A cancelled
task's effects never take hold; a suspended one's are not forecast (it is not moving towards its
end).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dxplanner.core.enums import EffectKind, EstateStatus, ServiceLevel, TaskStatus
from dxplanner.core.status import Health, health
from dxplanner.core.workdays import WorkCalendar

# On the day two effects take hold, the one that ends an element's life comes last.
_ORDER = {
    EffectKind.BUILDS: 0,
    EffectKind.CONNECTS: 1,
    EffectKind.CHANGES: 2,
    EffectKind.RAISES_LEVEL: 3,
    EffectKind.RETIRES: 4,
}


# The levels of Decree 42/2022, lowest first: a raise never lowers a service.
_LEVELS = (ServiceLevel.INFORMATION, ServiceLevel.PARTIAL_ONLINE, ServiceLevel.FULL_PROCESS_ONLINE)


def _higher(level: ServiceLevel | None, raised: ServiceLevel | None) -> ServiceLevel | None:
    if level is None or raised is None:
        return raised or level
    return max(level, raised, key=_LEVELS.index)


@dataclass(frozen=True)
class EffectTask:
    """What the estate needs of a task that has effects: its dates, progress and stated status."""

    id: int
    status: TaskStatus
    progress: float
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None


@dataclass(frozen=True)
class Effect:
    """One effect of a task on the element (the level is a raise's)."""

    task_id: int
    kind: EffectKind
    service_level: ServiceLevel | None = None


@dataclass(frozen=True)
class ElementState:
    """How an element stands on a day, and the tasks that change it."""

    status: EstateStatus
    service_level: ServiceLevel | None
    changed: bool  # a task that changes it will have done so by the day
    late: bool
    task_ids: tuple[int, ...]


@dataclass(frozen=True)
class EstateClock:
    """Today and the working days by which tasks' standings are judged."""

    today: datetime.date
    calendar: WorkCalendar

    def standing(self, task: EffectTask) -> Health:
        """The task's standing today, as the task sheet shows it."""
        return health(
            task.status, task.progress, task.planned_start, task.planned_end, self.today, self.calendar
        )

    def is_done(self, task: EffectTask) -> bool:
        """Whether the task is done today (so its effects are in the stored record)."""
        return self.standing(task) is Health.DONE

    def is_late(self, task: EffectTask) -> bool:
        """Whether the task is late today: past its planned end and not done."""
        return self.standing(task) is Health.LATE

    def takes_hold(self, task: EffectTask) -> datetime.date | None:
        """The day the task's effects take hold: its actual end once done, else its planned end."""
        if task.status is TaskStatus.CANCELLED:
            return None
        if self.is_done(task) and task.actual_end is not None:
            return task.actual_end
        return task.planned_end

    def under_way(self, task: EffectTask, as_of: datetime.date) -> bool:
        """Whether the task is being worked on by as_of (already begun, or planned to have begun)."""
        begun = task.actual_start is not None or task.progress > 0 or task.status is TaskStatus.IN_PROGRESS
        return begun or (task.planned_start is not None and task.planned_start <= as_of)


def state_on(
    status: EstateStatus,
    service_level: ServiceLevel | None,
    effects: Iterable[Effect],
    tasks: Mapping[int, EffectTask],
    as_of: datetime.date,
    clock: EstateClock,
) -> ElementState:
    """How an element whose record stands so today stands on as_of (see the module's rules)."""
    effect_list = list(effects)
    task_ids = tuple(sorted({effect.task_id for effect in effect_list}))
    late = any(task_id in tasks and clock.is_late(tasks[task_id]) for task_id in task_ids)
    changed = False
    held: list[tuple[datetime.date, int, Effect]] = []
    for effect in effect_list:
        task = tasks.get(effect.task_id)
        if task is None or task.status is TaskStatus.CANCELLED:
            continue
        if clock.is_done(task):
            if effect.kind is not EffectKind.CHANGES:  # a change done is the record as it now reads
                held.append((clock.takes_hold(task) or datetime.date.min, _ORDER[effect.kind], effect))
            continue
        if as_of <= clock.today:
            continue  # not finished: today (and before) the record stands
        # A paused task is not forecast to finish: what it builds stays being built.
        day = None if task.status is TaskStatus.SUSPENDED else clock.takes_hold(task)
        if day is not None and day <= as_of:
            held.append((day, _ORDER[effect.kind], effect))
        elif effect.kind is EffectKind.BUILDS:
            # Not finished by then: the element is being built, or still only planned.
            status = EstateStatus.BUILDING if clock.under_way(task, as_of) else EstateStatus.PLANNED
    for _day, _rank, effect in sorted(held, key=lambda item: (item[0], item[1])):
        if effect.kind in (EffectKind.BUILDS, EffectKind.CONNECTS):
            status = EstateStatus.RUNNING
        elif effect.kind is EffectKind.RETIRES:
            status = EstateStatus.RETIRED
        elif effect.kind is EffectKind.RAISES_LEVEL:
            service_level = _higher(service_level, effect.service_level)
        else:
            changed = True
    return ElementState(status, service_level, changed, late, task_ids)
