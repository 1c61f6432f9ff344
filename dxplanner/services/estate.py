"""The estate for the front ends: its records as plain frozen values, and the commands that change them.

The commands are the store's operations (one write each, returning its Changes, refusing a
stale edit when given the version the user saw), named here so that ui/ and cli/ reach them
only through the services.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from sqlmodel import SQLModel

from dxplanner.core.enums import (
    CommitteeRole,
    DataLinkVia,
    EffectKind,
    EstateStatus,
    GovernmentLevel,
    Hosting,
    ServiceLevel,
    SystemKind,
    UpdateFrequency,
)
from dxplanner.core.models import (
    CommitteeMember,
    DataLink,
    OpenDataset,
    PublicService,
    Risk,
    RiskTreatment,
    System,
    Task,
    TaskEffect,
)
from dxplanner.core.text import fold
from dxplanner.services.navigator import EstateGroups, estate_groups  # read with no table class loaded
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store import queries
from dxplanner.store.operations.estate import (
    add_committee_member,
    add_data_link,
    add_open_dataset,
    add_public_service,
    add_risk_treatment,
    add_system,
    add_task_effect,
    delete_committee_member,
    delete_data_link,
    delete_open_dataset,
    delete_public_service,
    delete_system,
    delete_task_effect,
    remove_risk_treatment,
    update_committee_member,
    update_data_link,
    update_open_dataset,
    update_public_service,
    update_system,
    update_task_effect,
)

__all__ = [
    "ESTATE_TABLES",
    "CommitteeMemberRecord",
    "DataLinkRecord",
    "ElementChoice",
    "EstateGroups",
    "OpenDatasetRecord",
    "PublicServiceRecord",
    "RiskTreatmentRecord",
    "SystemRecord",
    "TaskEffectRecord",
    "TreatingTask",
    "add_committee_member",
    "add_data_link",
    "add_open_dataset",
    "add_public_service",
    "add_risk_treatment",
    "add_system",
    "add_task_effect",
    "committee",
    "data_links",
    "delete_committee_member",
    "delete_data_link",
    "delete_open_dataset",
    "delete_public_service",
    "delete_system",
    "delete_task_effect",
    "effects",
    "effects_of_task",
    "effects_on",
    "element_names",
    "elements_called",
    "estate_groups",
    "open_datasets",
    "public_services",
    "remove_risk_treatment",
    "system",
    "systems",
    "tasks_for_risk",
    "treating_tasks",
    "treatments",
    "treatments_of",
    "update_committee_member",
    "update_data_link",
    "update_open_dataset",
    "update_public_service",
    "update_system",
    "update_task_effect",
]


@dataclass(frozen=True)
class SystemRecord:
    """An information system, portal, platform, database, piece of infrastructure or security service."""

    id: int
    code: str | None
    name: str
    short_name: str | None
    kind: SystemKind
    owner_unit_id: int | None
    level: GovernmentLevel
    hosting: Hosting | None
    hosted_on_id: int | None
    security_level: int | None
    security_plan_approved: bool
    status: EstateStatus
    description: str | None
    version: int = 1  # as the user saw it: every edit of the record carries it


@dataclass(frozen=True)
class DataLinkRecord:
    """Data one system shares with another."""

    id: int
    from_system_id: int
    to_system_id: int
    via: DataLinkVia
    data: str | None
    status: EstateStatus
    version: int = 1


@dataclass(frozen=True)
class OpenDatasetRecord:
    """A dataset a unit publishes as open data."""

    id: int
    name: str
    publisher_unit_id: int | None
    system_id: int | None
    published_at: str | None
    data_format: str | None
    update_frequency: UpdateFrequency | None
    status: EstateStatus
    version: int = 1


@dataclass(frozen=True)
class PublicServiceRecord:
    """An administrative procedure offered online, and how far online it is."""

    id: int
    code: str | None
    name: str
    field: str | None
    unit_id: int | None
    system_id: int | None
    level_old: int | None
    level: ServiceLevel | None
    on_national_portal: bool
    online_payment: bool
    online_share: float | None
    version: int = 1


@dataclass(frozen=True)
class CommitteeMemberRecord:
    """A member of the steering committee, or the unit in charge of IT."""

    id: int
    person: str | None
    position: str | None
    unit_id: int | None
    role: CommitteeRole
    position_in_list: int
    version: int = 1


@dataclass(frozen=True)
class TaskEffectRecord:
    """What a task does to one system, data link or public service once it is done."""

    id: int
    task_id: int
    effect: EffectKind
    system_id: int | None
    data_link_id: int | None
    service_id: int | None
    service_level: ServiceLevel | None
    version: int = 1


@dataclass(frozen=True)
class RiskTreatmentRecord:
    """A task that treats a risk."""

    risk_id: int
    task_id: int


R = TypeVar("R")

# The table each kind of estate record is read from.
ESTATE_TABLES: dict[type[Any], type[SQLModel]] = {
    SystemRecord: System,
    DataLinkRecord: DataLink,
    OpenDatasetRecord: OpenDataset,
    PublicServiceRecord: PublicService,
    CommitteeMemberRecord: CommitteeMember,
    TaskEffectRecord: TaskEffect,
    RiskTreatmentRecord: RiskTreatment,
}


def _read(
    plan: OpenPlan, kind: type[R], model: type[SQLModel], order: Sequence[str] = ("id",), **where: int
) -> list[R]:
    """The records of model whose columns hold the values in where, in order, as kind."""
    with plan.read() as read:
        conditions = [queries.column(model, name) == value for name, value in where.items()]
        rows = queries.records(read, model, *conditions, order=order)
    return [_as(kind, row) for row in rows]


def _as(kind: type[R], row: dict[str, Any]) -> R:
    return kind(**{field.name: row[field.name] for field in fields(kind)})  # type: ignore[arg-type]


def systems(plan: OpenPlan) -> list[SystemRecord]:
    """Every system, in the order they were added."""
    return _read(plan, SystemRecord, System)


def system(plan: OpenPlan, system_id: int) -> SystemRecord | None:
    """One system (None when there is none)."""
    found = _read(plan, SystemRecord, System, id=system_id)
    return found[0] if found else None


def data_links(plan: OpenPlan) -> list[DataLinkRecord]:
    """Every data link, in the order they were added."""
    return _read(plan, DataLinkRecord, DataLink)


def open_datasets(plan: OpenPlan) -> list[OpenDatasetRecord]:
    """Every open dataset, in the order they were added."""
    return _read(plan, OpenDatasetRecord, OpenDataset)


def public_services(plan: OpenPlan) -> list[PublicServiceRecord]:
    """Every public service, in the order they were added."""
    return _read(plan, PublicServiceRecord, PublicService)


def committee(plan: OpenPlan) -> list[CommitteeMemberRecord]:
    """The steering committee, in the order of its decision."""
    return _read(plan, CommitteeMemberRecord, CommitteeMember, ("position_in_list", "id"))


def effects(plan: OpenPlan) -> list[TaskEffectRecord]:
    """Every task's effects on the estate, in the order they were added."""
    return _read(plan, TaskEffectRecord, TaskEffect)


def effects_of_task(plan: OpenPlan, task_id: int) -> list[TaskEffectRecord]:
    """What one task does to the estate."""
    return _read(plan, TaskEffectRecord, TaskEffect, task_id=task_id)


def effects_on(
    plan: OpenPlan,
    *,
    system_id: int | None = None,
    data_link_id: int | None = None,
    service_id: int | None = None,
) -> list[TaskEffectRecord]:
    """The tasks' effects on one element (name exactly one of system, data link or service)."""
    named = {
        name: value
        for name, value in (
            ("system_id", system_id),
            ("data_link_id", data_link_id),
            ("service_id", service_id),
        )
        if value is not None
    }
    if len(named) != 1:
        raise ValueError("name exactly one element")
    return _read(plan, TaskEffectRecord, TaskEffect, ("id",), **named)


def treatments(plan: OpenPlan) -> list[RiskTreatmentRecord]:
    """Every risk's treating tasks, by risk and task."""
    return _read(plan, RiskTreatmentRecord, RiskTreatment, ("risk_id", "task_id"))


def treatments_of(plan: OpenPlan, risk_id: int) -> list[RiskTreatmentRecord]:
    """The tasks that treat one risk."""
    return _read(plan, RiskTreatmentRecord, RiskTreatment, ("task_id",), risk_id=risk_id)


@dataclass(frozen=True)
class ElementChoice:
    """An element of the estate a task can act on, named as the user knows it."""

    target: str  # the effect's column that names it: system_id, data_link_id or service_id
    id: int
    name: str


def element_names(plan: OpenPlan) -> list[ElementChoice]:
    """Every system, data link and public service by name (a link as "from → to (via)")."""
    found = systems(plan)
    names = {each.id: each.name for each in found}
    choices = [ElementChoice("system_id", each.id, each.name) for each in found]
    for link in data_links(plan):
        text = f"{names.get(link.from_system_id, '?')} → {names.get(link.to_system_id, '?')}"
        choices.append(ElementChoice("data_link_id", link.id, f"{text} ({link.via.value.upper()})"))
    for service in public_services(plan):
        code = f"{service.code} " if service.code else ""
        choices.append(ElementChoice("service_id", service.id, f"{code}{service.name}"))
    return choices


def elements_called(plan: OpenPlan, text: str) -> list[ElementChoice]:
    """The elements text names: exactly by name, else by every word of it (accents and case ignored)."""
    wanted = fold(text).strip()
    if not wanted:
        return []
    choices = element_names(plan)
    exact = [choice for choice in choices if fold(choice.name) == wanted]
    words = wanted.split()
    return exact or [choice for choice in choices if all(word in fold(choice.name) for word in words)]


@dataclass(frozen=True)
class TreatingTask:
    """A task as a risk's treatments name it: its number and name."""

    id: int
    code: str | None
    name: str

    @property
    def label(self) -> str:
        """ "4. Xây dựng Nghị định…" (the name alone for a task without a number)."""
        return f"{self.code}. {self.name}" if self.code else self.name


def treating_tasks(plan: OpenPlan, risk_id: int) -> list[TreatingTask]:
    """The tasks that treat a risk, by number and name."""
    wanted = {treatment.task_id for treatment in treatments_of(plan, risk_id)}
    if not wanted:
        return []
    with plan.read() as read:
        rows = [queries.record(read, Task, task_id) for task_id in sorted(wanted)]
    return [TreatingTask(row["id"], row["code"], row["name"]) for row in rows if row is not None]


def tasks_for_risk(plan: OpenPlan, risk_id: int, text: str) -> list[TreatingTask]:
    """The tasks text names for a risk: by number exactly, else by part of the name (accents and case
    ignored), among the tasks of the risk's plan (of the plan of its task; every plan for a strategy's)."""
    wanted = fold(text).strip()
    with plan.read() as read:
        risk = queries.record(read, Risk, risk_id)
        if risk is None or not wanted:
            return []
        plan_id = risk["plan_id"]
        if plan_id is None and risk["task_id"] is not None:
            task = queries.record(read, Task, risk["task_id"])
            plan_id = task["plan_id"] if task is not None else None
        rows = (
            queries.records_of(read, Task, "plan_id", plan_id)
            if plan_id is not None
            else queries.records(read, Task)
        )
    tasks = [TreatingTask(row["id"], row["code"], row["name"]) for row in rows]
    exact = [task for task in tasks if fold(task.code or "") == wanted]
    return exact or [task for task in tasks if wanted in fold(task.name)]
