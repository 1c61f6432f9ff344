"""`dxplanner estate FILE [--json]`: every element of the estate and its links, or a count of each kind."""

from __future__ import annotations

import argparse
import enum
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from dxplanner.cli.opening import open_for_command, refuse_if_damaged
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.locations import location

if TYPE_CHECKING:
    from dxplanner.services.open_plan import OpenPlan

EXIT_OK = 0


def add_estate_command(commands: Any) -> None:
    """Add `estate` to the parser's commands."""
    command = commands.add_parser(
        "estate", help=_("list a plan's systems, data links, open data, public services and committee")
    )
    command.add_argument("file", type=location, metavar="FILE")
    command.add_argument(
        "--json",
        action="store_true",
        help=_("print every element and link as JSON, with keys that do not depend on the language"),
    )
    command.set_defaults(handler=_estate)


def _estate(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    plan = open_for_command(arguments.file, err, read_only=True)
    try:
        refuse_if_damaged(plan)
        found = _read(plan)
    finally:
        plan.close()
    if arguments.json:
        said = {name: [_as_json(record) for record in records] for name, records in found.items()}
        out.write(json.dumps(said, ensure_ascii=False, indent=1) + "\n")
    else:
        _summary(found, out)
    return EXIT_OK


def _read(plan: OpenPlan) -> dict[str, Sequence[Any]]:
    """The estate by kind, under the keys `--json` prints (stable: scripts read them)."""
    from dxplanner.services import estate

    return {
        "systems": estate.systems(plan),
        "data_links": estate.data_links(plan),
        "open_datasets": estate.open_datasets(plan),
        "public_services": estate.public_services(plan),
        "committee": estate.committee(plan),
        "effects": estate.effects(plan),
        "risk_treatments": estate.treatments(plan),
    }


def _as_json(record: Any) -> dict[str, object]:
    """A record's fields with choices by their stored value; its version is the editor's, not the data's."""
    fields = asdict(record)
    fields.pop("version", None)
    return {name: value.value if isinstance(value, enum.Enum) else value for name, value in fields.items()}


def _summary(found: dict[str, Sequence[Any]], out: TextIO) -> None:
    """One line per kind: how many, and how many of each sort where the sort matters to a reader."""
    lines = (
        (_("Systems"), found["systems"], (system.kind for system in found["systems"])),
        (_("Data links"), found["data_links"], (link.via for link in found["data_links"])),
        (_("Open datasets"), found["open_datasets"], ()),
        (
            _("Public services"),
            found["public_services"],
            (service.level for service in found["public_services"]),
        ),
        (_("Steering committee"), found["committee"], ()),
        (_("Task effects"), found["effects"], (effect.effect for effect in found["effects"])),
        (_("Risk treatments"), found["risk_treatments"], ()),
    )
    for title, records, sorts in lines:
        out.write(f"{title}: {len(records)}{_breakdown(sorts)}\n")


def _breakdown(sorts: Iterable[enum.StrEnum | None]) -> str:
    """ " (Platform 2, Database 1)": each sort with its count, in the order of the choices."""
    counted = Counter(sorts)
    if not counted:
        return ""
    ordered = sorted(counted.items(), key=lambda pair: _place(pair[0]))
    parts = [f"{label(sort) if sort is not None else _('not set')} {number}" for sort, number in ordered]
    return " (" + ", ".join(parts) + ")"


def _place(sort: enum.StrEnum | None) -> tuple[bool, int]:
    """Where a sort comes: in the order of its choices, an unset one last."""
    if sort is None:
        return (True, 0)
    choices: list[enum.StrEnum] = list(type(sort))
    return (False, choices.index(sort))
