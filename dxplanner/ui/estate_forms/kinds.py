"""What each page of the estate shows: its records, their columns and fields, and how they are added."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from dxplanner.core.enums import (
    CommitteeRole,
    DataLinkVia,
    EstateStatus,
    GovernmentLevel,
    Hosting,
    ServiceLevel,
    SystemKind,
    UpdateFrequency,
)
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.matching import UnitIndex
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text
from dxplanner.services import estate
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan
from dxplanner.ui.forms.fields import FieldKind, FieldSpec

K = FieldKind


@dataclass(frozen=True)
class Names:
    """Units and systems by id, to show the records' links by name."""

    units: dict[int, str]
    systems: dict[int, str]

    def unit(self, unit_id: int | None) -> str:
        return "" if unit_id is None else self.units.get(unit_id, str(unit_id))

    def system(self, system_id: int | None) -> str:
        return "" if system_id is None else self.systems.get(system_id, str(system_id))


def names_of(plan: OpenPlan, units: UnitIndex) -> Names:
    """The names the pages show links by, read now."""
    return Names(
        # A table has room for a unit's short name ("Sở TT&TT"); the form's picker shows it whole.
        {unit.id: unit.short_name or unit.name for unit in units.units},
        {each.id: each.name for each in estate.systems(plan)},
    )


Column = tuple[str, Callable[[Any, Names], str]]


@dataclass(frozen=True)
class EstateKind:
    """One kind of estate record as its page shows and edits it."""

    table: str  # the database table, as changes name it
    title: str
    noun: str  # one record, as the undo step that adds it says ("Add system")
    columns: Sequence[Column]
    fields: Callable[[Callable[[], OpenPlan]], Sequence[FieldSpec]]
    records: Callable[[OpenPlan], Sequence[Any]]
    write: Callable[[OpenPlan, int, dict[str, Any], int | None], Changes]
    delete: Callable[[OpenPlan, int, int | None], Changes]
    add: Callable[[OpenPlan, str | None], Changes]
    name_of: Callable[[Any, Names], str]
    # Which records a part of the list (a navigator row's group) holds.
    in_group: Callable[[Any, str], bool] = lambda _record, _group: True
    first_field: str = "name"


def _choice(value: Any) -> str:
    return "" if value is None else label(value)


def _yes(value: bool) -> str:
    return _("yes") if value else ""


def _system_options(
    plan: Callable[[], OpenPlan], kind: SystemKind | None = None
) -> Callable[[], list[tuple[int, str]]]:
    def options() -> list[tuple[int, str]]:
        return [(each.id, each.name) for each in estate.systems(plan()) if kind is None or each.kind is kind]

    return options


def _system_fields(plan: Callable[[], OpenPlan]) -> list[FieldSpec]:
    return [
        FieldSpec("name", _("System name")),
        FieldSpec("code", _("System code")),
        FieldSpec("short_name", _("Short name")),
        FieldSpec("kind", _("System kind"), K.CHOICE, SystemKind),
        FieldSpec("owner_unit_id", _("Owner unit"), K.UNIT),
        FieldSpec("level", _("Level"), K.CHOICE, GovernmentLevel),
        FieldSpec("hosting", _("Hosting"), K.CHOICE, Hosting, optional=True),
        FieldSpec(
            "hosted_on_id", _("Hosted on"), K.RECORD, options=_system_options(plan, SystemKind.INFRASTRUCTURE)
        ),
        FieldSpec("security_level", _("Security level (1-5)"), K.WHOLE),
        FieldSpec("security_plan_approved", _("Security plan approved"), K.FLAG),
        FieldSpec("status", _("Status"), K.CHOICE, EstateStatus),
        FieldSpec("description", _("Description"), K.LONG_TEXT),
    ]


def _add_system(plan: OpenPlan, group: str | None) -> Changes:
    kind = SystemKind(group) if group else SystemKind.APPLICATION
    return estate.add_system(plan, name=_("New system"), kind=kind)


def systems_kind() -> EstateKind:
    """The page of systems."""
    return EstateKind(
        table="system",
        title=_("Information systems and platforms"),
        noun=_("system"),
        columns=[
            (_("System name"), lambda record, _names: record.name),
            (_("System kind"), lambda record, _names: _choice(record.kind)),
            (_("Owner unit"), lambda record, names: names.unit(record.owner_unit_id)),
            (_("Level"), lambda record, _names: _choice(record.level)),
            (_("Hosting"), lambda record, _names: _choice(record.hosting)),
            # Short titles: the cells hold a digit and a yes.
            (_("Sec. level"), lambda record, _names: str(record.security_level or "")),
            (_("Security plan"), lambda record, _names: _yes(record.security_plan_approved)),
            (_("Status"), lambda record, _names: _choice(record.status)),
        ],
        fields=_system_fields,
        records=estate.systems,
        write=lambda plan, record_id, fields, seen: estate.update_system(
            plan, record_id, seen=seen, **fields
        ),
        delete=lambda plan, record_id, seen: estate.delete_system(plan, record_id, seen=seen),
        add=_add_system,
        name_of=lambda record, _names: record.name,
        in_group=lambda record, group: record.kind.value == group,
    )


def _add_data_link(plan: OpenPlan, _group: str | None) -> Changes:
    """A link between the first two systems not linked yet, to be set to the right ones in its form."""
    ids = [each.id for each in estate.systems(plan)]
    taken = {(link.from_system_id, link.to_system_id, link.via) for link in estate.data_links(plan)}
    for source in ids:
        for target in ids:
            for via in DataLinkVia:
                if source != target and (source, target, via) not in taken:
                    return estate.add_data_link(plan, from_system_id=source, to_system_id=target, via=via)
    raise InvalidInputError(_("A data link joins two systems: add the systems first."))


def _link_name(record: Any, names: Names) -> str:
    return f"{names.system(record.from_system_id)} → {names.system(record.to_system_id)}"


def data_links_kind() -> EstateKind:
    """The page of data links."""
    return EstateKind(
        table="data_link",
        title=_("Data sharing"),
        noun=_("data link"),
        columns=[
            (_("From system"), lambda record, names: names.system(record.from_system_id)),
            (_("To system"), lambda record, names: names.system(record.to_system_id)),
            (_("Through"), lambda record, _names: _choice(record.via)),
            (_("Data shared"), lambda record, _names: record.data or ""),
            (_("Status"), lambda record, _names: _choice(record.status)),
        ],
        fields=lambda plan: [
            FieldSpec("from_system_id", _("From system"), K.RECORD, options=_system_options(plan)),
            FieldSpec("to_system_id", _("To system"), K.RECORD, options=_system_options(plan)),
            FieldSpec("via", _("Through"), K.CHOICE, DataLinkVia),
            FieldSpec("data", _("Data shared"), K.LONG_TEXT),
            FieldSpec("status", _("Status"), K.CHOICE, EstateStatus),
        ],
        records=estate.data_links,
        write=lambda plan, record_id, fields, seen: estate.update_data_link(
            plan, record_id, seen=seen, **fields
        ),
        delete=lambda plan, record_id, seen: estate.delete_data_link(plan, record_id, seen=seen),
        add=_add_data_link,
        name_of=_link_name,
        first_field="data",
    )


def open_datasets_kind() -> EstateKind:
    """The page of open datasets."""
    return EstateKind(
        table="open_dataset",
        title=_("Open data"),
        noun=_("open dataset"),
        columns=[
            (_("Dataset name"), lambda record, _names: record.name),
            (_("Publisher"), lambda record, names: names.unit(record.publisher_unit_id)),
            (_("Source system"), lambda record, names: names.system(record.system_id)),
            (_("Published at"), lambda record, _names: record.published_at or ""),
            (_("Format"), lambda record, _names: record.data_format or ""),
            (_("Updated"), lambda record, _names: _choice(record.update_frequency)),
            (_("Status"), lambda record, _names: _choice(record.status)),
        ],
        fields=lambda plan: [
            FieldSpec("name", _("Dataset name")),
            FieldSpec("publisher_unit_id", _("Publisher"), K.UNIT),
            FieldSpec("system_id", _("Source system"), K.RECORD, options=_system_options(plan)),
            FieldSpec("published_at", _("Published at")),
            FieldSpec("data_format", _("Format")),
            FieldSpec("update_frequency", _("Updated"), K.CHOICE, UpdateFrequency, optional=True),
            FieldSpec("status", _("Status"), K.CHOICE, EstateStatus),
        ],
        records=estate.open_datasets,
        write=lambda plan, record_id, fields, seen: estate.update_open_dataset(
            plan, record_id, seen=seen, **fields
        ),
        delete=lambda plan, record_id, seen: estate.delete_open_dataset(plan, record_id, seen=seen),
        add=lambda plan, _group: estate.add_open_dataset(plan, name=_("New open dataset")),
        name_of=lambda record, _names: record.name,
    )


def _share(value: float | None) -> str:
    return "" if value is None else f"{decimal_text(value)} %"


def public_services_kind() -> EstateKind:
    """The page of public services."""
    return EstateKind(
        table="public_service",
        title=_("Public services"),
        noun=_("public service"),
        columns=[
            (_("Procedure code"), lambda record, _names: record.code or ""),
            (_("Procedure name"), lambda record, _names: record.name),
            (_("Field of the procedure"), lambda record, _names: record.field or ""),
            (_("Handling unit"), lambda record, names: names.unit(record.unit_id)),
            (_("Old level"), lambda record, _names: str(record.level_old or "")),
            (_("Level of online service"), lambda record, _names: _choice(record.level)),
            (_("National portal"), lambda record, _names: _yes(record.on_national_portal)),
            (_("Online payment"), lambda record, _names: _yes(record.online_payment)),
            (_("Filed online"), lambda record, _names: _share(record.online_share)),
        ],
        fields=lambda plan: [
            FieldSpec("name", _("Procedure name"), K.LONG_TEXT),
            FieldSpec("code", _("Procedure code")),
            FieldSpec("field", _("Field of the procedure")),
            FieldSpec("unit_id", _("Handling unit"), K.UNIT),
            FieldSpec("system_id", _("Served through"), K.RECORD, options=_system_options(plan)),
            FieldSpec("level_old", _("Old level (1-4)"), K.WHOLE),
            FieldSpec("level", _("Level of online service"), K.CHOICE, ServiceLevel, optional=True),
            FieldSpec("on_national_portal", _("On the national public-service portal"), K.FLAG),
            FieldSpec("online_payment", _("Online payment"), K.FLAG),
            FieldSpec("online_share", _("Share of dossiers filed online (%)"), K.NUMBER),
        ],
        records=estate.public_services,
        write=lambda plan, record_id, fields, seen: estate.update_public_service(
            plan, record_id, seen=seen, **fields
        ),
        delete=lambda plan, record_id, seen: estate.delete_public_service(plan, record_id, seen=seen),
        add=lambda plan, group: estate.add_public_service(
            plan, name=_("New public service"), field=group or None
        ),
        name_of=lambda record, _names: record.name,
        in_group=lambda record, group: (record.field or "").strip() == group,
    )


def _add_member(plan: OpenPlan, _group: str | None) -> Changes:
    last = max((member.position_in_list for member in estate.committee(plan)), default=0)
    return estate.add_committee_member(plan, person=_("New member"), position_in_list=last + 1)


def committee_kind() -> EstateKind:
    """The page of committee."""
    return EstateKind(
        table="committee_member",
        title=_("Steering committee"),
        noun=_("committee member"),
        columns=[
            (_("No."), lambda record, _names: str(record.position_in_list)),
            (_("Person"), lambda record, _names: record.person or ""),
            (_("Position held"), lambda record, _names: record.position or ""),
            (_("Unit"), lambda record, names: names.unit(record.unit_id)),
            (_("Role"), lambda record, _names: _choice(record.role)),
        ],
        fields=lambda _plan: [
            FieldSpec("person", _("Person")),
            FieldSpec("position", _("Position held")),
            FieldSpec("unit_id", _("Unit"), K.UNIT),
            FieldSpec("role", _("Role"), K.CHOICE, CommitteeRole),
            FieldSpec("position_in_list", _("Order in the list"), K.WHOLE),
        ],
        records=estate.committee,
        write=lambda plan, record_id, fields, seen: estate.update_committee_member(
            plan, record_id, seen=seen, **fields
        ),
        delete=lambda plan, record_id, seen: estate.delete_committee_member(plan, record_id, seen=seen),
        add=_add_member,
        name_of=lambda record, names: record.person or names.unit(record.unit_id),
        first_field="person",
    )
