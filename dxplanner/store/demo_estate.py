"""The demo's estate: read data/demo_estate.json into rows beside the demo plan's, references checked.

The estate names the demo plan's units and tasks by their codes and keys, and its own systems,
links and services by keys of its own, so the loader checks every reference before anything is
written (the plan and its estate go in together, in one transaction).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlmodel import SQLModel

from dxplanner.core import rules
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
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import (
    CommitteeMember,
    DataLink,
    OpenDataset,
    PublicService,
    RiskTreatment,
    Strategy,
    System,
    TaskEffect,
)
from dxplanner.i18n import _
from dxplanner.resources import bundled_dir
from dxplanner.store.demo_rows import Record, Rows, add_risk, add_row, add_unit, lookup

# After the plan's own tables: hosts before the systems on them (the list's order), systems
# before what names them, tasks and risks before their effects and treatments.
ESTATE_TABLES: tuple[type[SQLModel], ...] = (
    System,
    DataLink,
    OpenDataset,
    PublicService,
    CommitteeMember,
    TaskEffect,
    RiskTreatment,
)


def demo_estate_path() -> Path:
    """Where the demo's estate lives."""
    return bundled_dir("data") / "demo_estate.json"


class DemoEstate:
    """Adds the estate's rows to the demo plan's, with ids given here and references checked."""

    def __init__(self, rows: Rows, units: dict[str, int], task_keys: Mapping[str, int]) -> None:
        self.rows = rows
        self.units = units  # grows with the estate's own units
        self.task_keys = task_keys
        self.systems: dict[str, int] = {}
        self.links: dict[str, int] = {}
        self.services: dict[str, int] = {}

    def build(self, document: Mapping[str, Any]) -> None:
        """Turn the estate document into rows (refused whole, with one message, at the first fault)."""
        for unit in document.get("units", []):
            self._unit(unit)
        for system in document.get("systems", []):
            self._system(system)
        for link in document.get("data_links", []):
            self._link(link)
        for dataset in document.get("open_datasets", []):
            self._dataset(dataset)
        for service in document.get("public_services", []):
            self._service(service)
        for position, member in enumerate(document.get("committee", [])):
            self._member(member, position)
        strategy_id = self._strategy_id(document.get("strategy"))
        for risk in document.get("risks", []):
            self._risk(risk, strategy_id)
        for effect in document.get("effects", []):
            self._effect(effect)

    def _add(self, model: type[SQLModel], record: Record) -> int:
        return add_row(self.rows, model, record)

    def _keyed(self, known: dict[str, int], key: object, record_id: int) -> None:
        checked = rules.required_text(key, "key")
        if checked in known:
            raise InvalidInputError(_("The demo estate uses the key {key} twice.").format(key=checked))
        known[checked] = record_id

    def _unit_id(self, code: object) -> int | None:
        return None if code is None else lookup(self.units, code, _("unit"))

    def _unit(self, unit: Mapping[str, Any]) -> None:
        add_unit(self.rows, self.units, unit)

    def _system(self, system: Mapping[str, Any]) -> None:
        host = system.get("hosted_on")
        hosting = system.get("hosting")
        level = system.get("security_level")
        record = {
            "code": system.get("code"),
            "name": rules.required_text(system.get("name"), _("Name")),
            "short_name": system.get("short_name"),
            "kind": rules.member(SystemKind, system.get("kind"), _("Kind")),
            "owner_unit_id": self._unit_id(system.get("owner")),
            "level": rules.member(
                GovernmentLevel, system.get("level", "ministry_province"), _("Government level")
            ),
            "hosting": None if hosting is None else rules.member(Hosting, hosting, _("Hosting")),
            # A host is listed before the systems on it, so its row is written first.
            "hosted_on_id": None if host is None else lookup(self.systems, host, _("system")),
            "security_level": None
            if level is None
            else rules.whole_number(level, _("Security level"), low=1, high=5),
            "security_plan_approved": bool(system.get("security_plan_approved", False)),
            "status": rules.member(EstateStatus, system.get("status", "running"), _("Status")),
            "description": system.get("description"),
            "version": 1,
        }
        self._keyed(self.systems, system.get("key"), self._add(System, record))

    def _link(self, link: Mapping[str, Any]) -> None:
        giver = lookup(self.systems, link.get("from"), _("system"))
        taker = lookup(self.systems, link.get("to"), _("system"))
        if giver == taker:
            raise InvalidInputError(
                _("The demo estate's data-sharing link {key} goes from a system to itself.").format(
                    key=link.get("key")
                )
            )
        record = {
            "from_system_id": giver,
            "to_system_id": taker,
            "via": rules.member(DataLinkVia, link.get("via", "lgsp"), _("Through")),
            "data": link.get("data"),
            "status": rules.member(EstateStatus, link.get("status", "running"), _("Status")),
            "version": 1,
        }
        self._keyed(self.links, link.get("key"), self._add(DataLink, record))

    def _dataset(self, dataset: Mapping[str, Any]) -> None:
        source = dataset.get("system")
        frequency = dataset.get("update_frequency")
        self._add(
            OpenDataset,
            {
                "name": rules.required_text(dataset.get("name"), _("Name")),
                "publisher_unit_id": self._unit_id(dataset.get("publisher")),
                "system_id": None if source is None else lookup(self.systems, source, _("system")),
                "published_at": dataset.get("published_at"),
                "data_format": dataset.get("format"),
                "update_frequency": None
                if frequency is None
                else rules.member(UpdateFrequency, frequency, _("Update frequency")),
                "status": rules.member(EstateStatus, dataset.get("status", "running"), _("Status")),
                "version": 1,
            },
        )

    def _service(self, service: Mapping[str, Any]) -> None:
        through = service.get("system")
        level = service.get("level")
        old = service.get("level_old")
        share = service.get("online_share")
        record = {
            "code": service.get("code"),
            "name": rules.required_text(service.get("name"), _("Name")),
            "field": service.get("field"),
            "unit_id": self._unit_id(service.get("unit")),
            "system_id": None if through is None else lookup(self.systems, through, _("system")),
            "level_old": None
            if old is None
            else rules.whole_number(old, _("Level (old scale)"), low=1, high=4),
            "level": None if level is None else rules.member(ServiceLevel, level, _("Level")),
            "on_national_portal": bool(service.get("on_national_portal", False)),
            "online_payment": bool(service.get("online_payment", False)),
            "online_share": None
            if share is None
            else rules.number(share, _("Online share"), low=0, high=100),
            "version": 1,
        }
        self._keyed(self.services, service.get("key"), self._add(PublicService, record))

    def _member(self, member: Mapping[str, Any], position: int) -> None:
        self._add(
            CommitteeMember,
            {
                "person": member.get("person"),
                "position": member.get("position"),
                "unit_id": self._unit_id(member.get("unit")),
                "role": rules.member(CommitteeRole, member.get("role", "member"), _("Role")),
                "position_in_list": position,
                "version": 1,
            },
        )

    def _strategy_id(self, name: object) -> int:
        by_name = {str(row["name"]): int(row["id"]) for row in self.rows[Strategy]}
        return lookup(by_name, name, _("strategy"))

    def _risk(self, risk: Mapping[str, Any], strategy_id: int) -> None:
        risk_id = add_risk(self.rows, self.units, risk, strategy_id=strategy_id)
        for task in dict.fromkeys(risk.get("treatments", [])):
            self.rows[RiskTreatment].append(
                {"risk_id": risk_id, "task_id": lookup(self.task_keys, task, _("task"))}
            )

    def _effect(self, effect: Mapping[str, Any]) -> None:
        task = effect.get("task")
        task_id = lookup(self.task_keys, task, _("task"))
        kind = rules.member(EffectKind, effect.get("effect"), _("Effect"))
        targets = [name for name in ("system", "link", "service") if effect.get(name) is not None]
        if len(targets) != 1:
            raise InvalidInputError(
                _("The demo estate's effect of task {task} must name one system, link or service.").format(
                    task=task
                )
            )
        level = effect.get("level")
        if (kind is EffectKind.RAISES_LEVEL) != (level is not None):
            raise InvalidInputError(
                _(
                    "The demo estate's effect of task {task} names a level only when it raises a service."
                ).format(task=task)
            )
        system, link, service = (effect.get(name) for name in ("system", "link", "service"))
        self._add(
            TaskEffect,
            {
                "task_id": task_id,
                "effect": kind,
                "system_id": None if system is None else lookup(self.systems, system, _("system")),
                "data_link_id": None if link is None else lookup(self.links, link, _("data-sharing link")),
                "service_id": None
                if service is None
                else lookup(self.services, service, _("public service")),
                "service_level": None if level is None else rules.member(ServiceLevel, level, _("Level")),
                "version": 1,
            },
        )
