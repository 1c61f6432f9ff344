"""An architecture document becomes the estate: preview an ArchiMate exchange file, then write it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from dxplanner.core.imported_estate import ImportedEstate, SkippedConcept
from dxplanner.i18n import _
from dxplanner.services.estate_exchange import read_estate_file
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.operations import import_estate as operation
from dxplanner.store.operations.import_estate import KINDS, EstateImport, Tally, UnitFound

__all__ = [
    "KINDS",
    "EstateImport",
    "ImportedEstate",
    "SkippedConcept",
    "Tally",
    "UnitFound",
    "as_json",
    "import_estate",
    "kind_label",
    "preview_estate",
    "read_estate_file",
    "summary",
    "undo_text",
]

UnitChoices = Mapping[str, int | None]  # a unit of the file (by its ref) -> the plan's unit (None: a new one)


def undo_text() -> str:
    """What the undo stack calls an import."""
    return _("Import architecture")


def preview_estate(
    plan: OpenPlan, estate: ImportedEstate, unit_choices: UnitChoices | None = None
) -> EstateImport:
    """What importing the estate into the plan would do (new and updated records by kind, units, left out)."""
    return operation.preview_estate(plan, estate, unit_choices)


def import_estate(
    plan: OpenPlan, estate: ImportedEstate, unit_choices: UnitChoices | None = None
) -> EstateImport:
    """Write the estate into the plan in one write (one undoable step); a refusal changes nothing."""
    return operation.import_estate(plan, estate, unit_choices)


def kind_label(kind: str) -> str:
    """What the user calls a kind of record an import counts."""
    labels = {
        "systems": _("Systems"),
        "services": _("Public services"),
        "datasets": _("Open datasets"),
        "data_links": _("Data links"),
    }
    return labels[kind]


def summary(outcome: EstateImport) -> list[str]:
    """What an import does or did, in lines: new and updated by kind, the units, what is left out."""
    lines = [
        _("{kind}: {new} new, {updated} updated, {unchanged} unchanged").format(
            kind=kind_label(kind), new=tally.new, updated=tally.updated, unchanged=tally.unchanged
        )
        for kind, tally in outcome.tallies.items()
    ]
    matched = sum(1 for unit in outcome.units if unit.unit_id is not None)
    lines.append(
        _("Units: {matched} found in the plan, {new} new").format(matched=matched, new=outcome.new_units)
    )
    if outcome.skipped:
        lines.append(
            _("Left out (the estate has no place for them): {count}").format(count=len(outcome.skipped))
        )
    return lines


def as_json(outcome: EstateImport, path: Path) -> dict[str, object]:
    """An import's preview or outcome as plain values, for `dxplanner map --import --json`."""
    return {
        "file": str(path),
        "counts": {
            kind: {"new": tally.new, "updated": tally.updated, "unchanged": tally.unchanged}
            for kind, tally in outcome.tallies.items()
        },
        "units": [
            {"ref": unit.ref, "name": unit.name, "unit_id": unit.unit_id, "unit_name": unit.unit_name}
            for unit in outcome.units
        ],
        "new_units": outcome.new_units,
        "skipped": [
            {
                "ref": skipped.ref,
                "type": skipped.archimate_type,
                "name": skipped.name,
                "reason": skipped.reason,
            }
            for skipped in outcome.skipped
        ],
    }
