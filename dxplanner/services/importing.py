"""Importing a workbook: one registry of importers (plan table, indicator table, data workbook)."""

from __future__ import annotations

import abc
import contextlib
import datetime
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.catalogue_table import CATALOGUE_KINDS, CatalogueTable
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.core.indicator_table import IndicatorTable, TableKind
from dxplanner.core.matching import UnitName
from dxplanner.core.name_case import as_listed
from dxplanner.core.plan_table import PlanTable, Problem
from dxplanner.i18n import _
from dxplanner.services import exchange
from dxplanner.services.exchange import DataWorkbook
from dxplanner.services.files import PlanLocation, create_plan, is_server_url, opened, refuse_if_damaged
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.table_reading import Progress, ReadRequest, Table, read_table
from dxplanner.store.changes import Changes
from dxplanner.store.operations.import_catalogue import CatalogueImportOutcome
from dxplanner.store.operations.import_indicators import IndicatorImportOutcome
from dxplanner.store.operations.import_table import ImportOutcome

__all__ = [
    "IMPORTERS",
    "CatalogueImportOutcome",
    "Changes",
    "Destination",
    "ImportKind",
    "ImportOutcome",
    "ImportResult",
    "Imported",
    "Importer",
    "IndicatorImportOutcome",
    "OpenPlan",
    "ReadRequest",
    "Target",
    "default_name",
    "import_into_file",
    "importer_for",
    "importer_of",
    "known_units",
    "match_units",
    "problems_message",
    "read_table",
    "read_workbook",
    "recount_catalogue",
    "targets",
    "write_import",
    "write_template",
]

# What an importer reads a workbook into: format-neutral data, written into a plan by the same importer.
Imported = PlanTable | IndicatorTable | CatalogueTable | DataWorkbook
# Opens an existing plan file for an import: (path, only to look) -> the open plan.
OpenForImport = Callable[[PlanLocation, bool], OpenPlan]


class ImportKind(enum.StrEnum):
    """What a workbook brings in."""

    PLAN_TABLE = "plan-table"
    INDICATOR_TABLE = "indicator-table"
    DATA_WORKBOOK = "data-workbook"
    PROCEDURES = "procedures"
    SYSTEMS = "systems"


@dataclass(frozen=True)
class Destination:
    """Where an import goes: an existing action plan or strategy, else a new one named so."""

    plan_id: int | None = None
    strategy_id: int | None = None
    name: str | None = None  # the new plan's or strategy's name (None: the table's title, else the file's)
    today: datetime.date | None = None  # the day a new plan or strategy is made on (None: today)
    unit_choices: Mapping[str, int | None] | None = None  # the user's unit for a text (None: a new one)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: its kind, the change set, where it went and how many of what."""

    kind: ImportKind
    changes: Changes
    into: int | None  # the plan or strategy written into (None for a whole data workbook)
    counts: Mapping[str, int]  # e.g. tasks, groups, new_units; indicators, targets, goals; records
    # The store's own account of it.
    outcome: ImportOutcome | IndicatorImportOutcome | CatalogueImportOutcome | None = None


@dataclass(frozen=True)
class Target:
    """A plan or strategy an import can go into."""

    id: int
    name: str


class Importer(abc.ABC):
    """One kind of workbook: how it is recognised, read, previewed against a plan, and written into it."""

    kind: ImportKind
    table_kind: TableKind | None = None  # the kind of table a user names to have it read this way
    previews_in_plan = True  # a dry run opens the plan file to match units and check the target
    known_before_reading = False  # what it is shows before it is read: a wrong target is refused first

    @abc.abstractmethod
    def recognises(self, request: ReadRequest) -> bool:
        """Whether this importer reads the workbook asked for."""

    @abc.abstractmethod
    def reads(self, imported: Imported) -> bool:
        """Whether imported is this importer's data."""

    @abc.abstractmethod
    def read(self, request: ReadRequest, progress: Progress | None) -> Imported:
        """The workbook's data (DomainError when it cannot be read)."""

    def refuse(self, destination: Destination, request: ReadRequest) -> None:
        """InvalidInputError when the data cannot go where destination says (the wrong sort of target)."""
        return  # any destination suits an importer that does not say otherwise

    def target(self, destination: Destination) -> int | None:
        """The existing record destination names for this data."""
        return None

    def missing(self, target: int) -> NotFoundError:
        """The refusal of a target the plan file does not hold (asked only when target() names one)."""
        return NotFoundError(_("The plan file holds no record with id {id}.").format(id=target))

    def match(self, plan: OpenPlan, imported: Imported) -> None:
        """Find the plan's units for the units the data names (for the preview and the import)."""
        return  # data that names no units has nothing to match

    def check_target(self, plan: OpenPlan, target: int) -> None:
        """NotFoundError when the plan file holds no such target."""
        return  # an importer that names no target has nothing to check

    def problems(self, imported: Imported) -> list[Problem]:
        """What stops the import (the data has errors)."""
        return []

    def warnings(self, imported: Imported) -> list[Problem]:
        """What the user should know, but does not stop the import."""
        return []

    @abc.abstractmethod
    def write(self, plan: OpenPlan, imported: Imported, destination: Destination) -> ImportResult:
        """Write the data into the plan in one transaction, all or nothing."""

    @abc.abstractmethod
    def as_json(self, imported: Imported) -> dict[str, object]:
        """What was read, with keys that do not change with the user's language."""

    @abc.abstractmethod
    def would_import(self, imported: Imported) -> str:
        """What an import would write, in one sentence (a dry run)."""

    @abc.abstractmethod
    def imported(self, result: ImportResult, path: PlanLocation) -> str:
        """What the import wrote into the file at path, in one sentence."""


class DataWorkbookImporter(Importer):
    """Our own data workbook: a whole plan file, restored with its ids into a new or empty file."""

    kind = ImportKind.DATA_WORKBOOK
    previews_in_plan = False  # a restore needs nothing from the file to be counted
    known_before_reading = True  # by its sheets, so a long read is not made only to be refused

    def recognises(self, request: ReadRequest) -> bool:
        return exchange.is_data_workbook(request.path)  # by its sheets, whatever kind was asked for

    def reads(self, imported: Imported) -> bool:
        return isinstance(imported, DataWorkbook)

    def read(self, request: ReadRequest, progress: Progress | None) -> Imported:
        return exchange.read_data_workbook(request.path, progress)

    def refuse(self, destination: Destination, request: ReadRequest) -> None:
        named = (destination.plan_id, destination.strategy_id, request.sheet)
        if any(given is not None for given in named):
            raise InvalidInputError(
                _(
                    "{name} is a dxplanner data workbook: it restores a whole plan file, "
                    "not into a plan or from one sheet."
                ).format(name=request.path.name)
            )

    def write(self, plan: OpenPlan, imported: Imported, destination: Destination) -> ImportResult:
        assert isinstance(imported, DataWorkbook)
        changes = exchange.restore_data(plan, imported)
        return ImportResult(self.kind, changes, None, {"records": imported.records()})

    def as_json(self, imported: Imported) -> dict[str, object]:
        assert isinstance(imported, DataWorkbook)
        return {"data_workbook": True, "records": imported.counts()}

    def would_import(self, imported: Imported) -> str:
        assert isinstance(imported, DataWorkbook)
        return _("A dxplanner data workbook of {count} records; nothing was written.").format(
            count=imported.records()
        )

    def imported(self, result: ImportResult, path: PlanLocation) -> str:
        return _("Restored {count} records into {path}.").format(count=result.counts["records"], path=path)


class _TableImporter(Importer):
    """A table read from any workbook, its units matched to the file's: what both kinds of table share."""

    def read(self, request: ReadRequest, progress: Progress | None) -> Imported:
        return read_table(request, progress)

    def problems(self, imported: Imported) -> list[Problem]:
        assert isinstance(imported, PlanTable | IndicatorTable)
        return imported.errors

    def warnings(self, imported: Imported) -> list[Problem]:
        assert isinstance(imported, PlanTable | IndicatorTable)
        return imported.warnings

    def as_json(self, imported: Imported) -> dict[str, object]:
        assert isinstance(imported, PlanTable | IndicatorTable)
        return imported.as_json()


class PlanTableImporter(_TableImporter):
    """A table of tasks: into an action plan (an existing one, or a new one)."""

    kind = ImportKind.PLAN_TABLE
    table_kind = TableKind.TASKS

    def recognises(self, request: ReadRequest) -> bool:
        # Any workbook not asked to be read as indicators: its headings may still say it lists
        # indicators, and the reading then gives an indicator table (excel.tables decides).
        return request.kind is not TableKind.INDICATORS

    def reads(self, imported: Imported) -> bool:
        return isinstance(imported, PlanTable)

    def refuse(self, destination: Destination, request: ReadRequest) -> None:
        if destination.strategy_id is not None:
            raise InvalidInputError(
                _(
                    "{name} holds a table of tasks: they go into an action plan (--plan ID), not a strategy."
                ).format(name=request.path.name)
            )

    def target(self, destination: Destination) -> int | None:
        return destination.plan_id

    def missing(self, target: int) -> NotFoundError:
        return NotFoundError(_("There is no action plan with id {id}.").format(id=target))

    def match(self, plan: OpenPlan, imported: Imported) -> None:
        from dxplanner.store.operations.import_table import match_units

        assert isinstance(imported, PlanTable)
        match_units(plan, imported)

    def check_target(self, plan: OpenPlan, target: int) -> None:
        from dxplanner.store.operations.import_table import check_plan_exists

        check_plan_exists(plan, target)

    def write(self, plan: OpenPlan, imported: Imported, destination: Destination) -> ImportResult:
        from dxplanner.store.operations.import_table import NewPlan, import_table, plan_name_of

        assert isinstance(imported, PlanTable)
        name = destination.name if destination.name is not None else plan_name_of(imported)
        new_plan = NewPlan(name, today=destination.today or datetime.date.today())
        outcome = import_table(
            plan,
            imported,
            plan_id=destination.plan_id,
            new_plan=new_plan,
            unit_choices=destination.unit_choices,
        )
        counts = {"tasks": outcome.tasks, "groups": outcome.groups, "new_units": outcome.new_units}
        return ImportResult(self.kind, outcome.changes, outcome.plan_id, counts, outcome)

    def would_import(self, imported: Imported) -> str:
        assert isinstance(imported, PlanTable)
        groups = sum(task.kind.value == "group" for task in imported.tasks)
        return _(
            "Would import {tasks} tasks in {groups} groups from the sheet “{sheet}”; nothing was written."
        ).format(tasks=len(imported.tasks) - groups, groups=groups, sheet=imported.sheet)

    def imported(self, result: ImportResult, path: PlanLocation) -> str:
        return _(
            "Imported {tasks} tasks in {groups} groups into action plan {plan} of {path} ({units} new units)."
        ).format(
            tasks=result.counts["tasks"],
            groups=result.counts["groups"],
            plan=result.into,
            path=path,
            units=result.counts["new_units"],
        )


class IndicatorTableImporter(_TableImporter):
    """A table of indicators: goals, indicators and their targets into a strategy (or a new one)."""

    kind = ImportKind.INDICATOR_TABLE
    table_kind = TableKind.INDICATORS

    def recognises(self, request: ReadRequest) -> bool:
        return request.kind is TableKind.INDICATORS

    def reads(self, imported: Imported) -> bool:
        return isinstance(imported, IndicatorTable)

    def refuse(self, destination: Destination, request: ReadRequest) -> None:
        if destination.plan_id is not None:
            raise InvalidInputError(
                _(
                    "{name} holds a table of indicators: they go into a strategy (--strategy ID, "
                    "or a new one), not into an action plan."
                ).format(name=request.path.name)
            )

    def target(self, destination: Destination) -> int | None:
        return destination.strategy_id

    def missing(self, target: int) -> NotFoundError:
        return NotFoundError(_("There is no strategy with id {id}.").format(id=target))

    def match(self, plan: OpenPlan, imported: Imported) -> None:
        from dxplanner.store.operations.import_indicators import match_indicator_units

        assert isinstance(imported, IndicatorTable)
        match_indicator_units(plan, imported)

    def check_target(self, plan: OpenPlan, target: int) -> None:
        from dxplanner.store.operations.import_indicators import check_strategy_exists

        check_strategy_exists(plan, target)

    def write(self, plan: OpenPlan, imported: Imported, destination: Destination) -> ImportResult:
        from dxplanner.store.operations.import_indicators import NewStrategy, import_indicators

        assert isinstance(imported, IndicatorTable)
        name = destination.name if destination.name is not None else imported.title or imported.sheet
        new_strategy = NewStrategy(name, today=destination.today or datetime.date.today())
        outcome = import_indicators(
            plan,
            imported,
            strategy_id=destination.strategy_id,
            new_strategy=new_strategy,
            unit_choices=destination.unit_choices,
        )
        counts = {
            "indicators": outcome.indicators,
            "targets": outcome.targets,
            "goals": outcome.goals,
            "new_units": outcome.new_units,
        }
        return ImportResult(self.kind, outcome.changes, outcome.strategy_id, counts, outcome)

    def would_import(self, imported: Imported) -> str:
        assert isinstance(imported, IndicatorTable)
        return _(
            "Would import {indicators} indicators with {targets} targets in {groups} groups "
            "from the sheet “{sheet}”; nothing was written."
        ).format(
            indicators=len(imported.indicators),
            targets=sum(len(item.targets) for item in imported.indicators),
            groups=len(imported.goals),
            sheet=imported.sheet,
        )

    def imported(self, result: ImportResult, path: PlanLocation) -> str:
        return _(
            "Imported {indicators} indicators with {targets} targets in {goals} goals into strategy "
            "{strategy} of {path} ({units} new units)."
        ).format(
            indicators=result.counts["indicators"],
            targets=result.counts["targets"],
            goals=result.counts["goals"],
            strategy=result.into,
            path=path,
            units=result.counts["new_units"],
        )


class CatalogueImporter(Importer):
    """A catalogue of the estate (procedures or information systems): added to the file's estate, and
    what is there already updated."""

    def __init__(self, kind: ImportKind, table_kind: TableKind) -> None:
        self.kind = kind
        self.table_kind = table_kind

    def recognises(self, request: ReadRequest) -> bool:
        return request.kind is self.table_kind  # only when asked for: its headings are a task table's too

    def reads(self, imported: Imported) -> bool:
        return isinstance(imported, CatalogueTable) and imported.kind is self.table_kind

    def read(self, request: ReadRequest, progress: Progress | None) -> Imported:
        return read_table(request, progress)

    def refuse(self, destination: Destination, request: ReadRequest) -> None:
        if destination.plan_id is not None or destination.strategy_id is not None:
            raise InvalidInputError(
                _(
                    "{name} is read as a catalogue of the estate: it goes into the plan file's estate, "
                    "not into an action plan or a strategy."
                ).format(name=request.path.name)
            )

    def match(self, plan: OpenPlan, imported: Imported) -> None:
        from dxplanner.store.operations.import_catalogue import match_catalogue

        assert isinstance(imported, CatalogueTable)
        match_catalogue(plan, imported)

    def problems(self, imported: Imported) -> list[Problem]:
        assert isinstance(imported, CatalogueTable)
        return imported.errors

    def warnings(self, imported: Imported) -> list[Problem]:
        assert isinstance(imported, CatalogueTable)
        return imported.warnings

    def write(self, plan: OpenPlan, imported: Imported, destination: Destination) -> ImportResult:
        from dxplanner.store.operations.import_catalogue import import_catalogue

        assert isinstance(imported, CatalogueTable)
        outcome = import_catalogue(plan, imported, unit_choices=destination.unit_choices)
        counts = {"added": outcome.added, "updated": outcome.updated, "new_units": outcome.new_units}
        return ImportResult(self.kind, outcome.changes, None, counts, outcome)

    def as_json(self, imported: Imported) -> dict[str, object]:
        assert isinstance(imported, CatalogueTable)
        return imported.as_json()

    def would_import(self, imported: Imported) -> str:
        assert isinstance(imported, CatalogueTable)
        said = (
            _(
                "Would import {count} procedures from the sheet “{sheet}”: {new} new, {updated} updated; "
                "nothing was written."
            )
            if imported.kind is TableKind.PROCEDURES
            else _(
                "Would import {count} information systems from the sheet “{sheet}”: {new} new, {updated} "
                "updated; nothing was written."
            )
        )
        return said.format(
            count=len(imported.rows), sheet=imported.sheet, new=imported.new, updated=imported.updated
        )

    def imported(self, result: ImportResult, path: PlanLocation) -> str:
        said = (
            _("Imported the procedures into {path}: {added} new, {updated} updated ({units} new units).")
            if self.table_kind is TableKind.PROCEDURES
            else _(
                "Imported the information systems into {path}: {added} new, {updated} updated "
                "({units} new units)."
            )
        )
        return said.format(
            path=path,
            added=result.counts["added"],
            updated=result.counts["updated"],
            units=result.counts["new_units"],
        )


# The one registry, in the order a workbook is offered to them: our own data workbook is told
# by its sheets whatever kind was asked for; a catalogue only when asked for; any other workbook
# holds a table.
IMPORTERS: list[Importer] = [
    DataWorkbookImporter(),
    CatalogueImporter(ImportKind.PROCEDURES, TableKind.PROCEDURES),
    CatalogueImporter(ImportKind.SYSTEMS, TableKind.SYSTEMS),
    PlanTableImporter(),
    IndicatorTableImporter(),
]


def importer_for(request: ReadRequest) -> Importer:
    """The importer that reads the workbook asked for (DomainError when it is no workbook at all)."""
    for importer in IMPORTERS:
        if importer.recognises(request):
            return importer
    raise AssertionError("the plan table importer takes any workbook")  # pragma: no cover


def importer_of(imported: Imported) -> Importer:
    """The importer whose data imported is: it previews and writes it."""
    return next(importer for importer in IMPORTERS if importer.reads(imported))


def read_workbook(
    request: ReadRequest,
    destination: Destination | None = None,
    progress: Progress | None = None,
    *,
    already_read: Table | None = None,
) -> Imported:
    """Read a workbook with the importer that recognises it; a destination it cannot go to is refused.

    Our data workbook is refused before it is read (its sheets tell what it is); a table after,
    once its headings have told which kind it is. already_read: the table a reading begun before
    gave for this request (read_unless_data_workbook's answer: the workbook is no data workbook).
    """
    if already_read is not None:
        imported: Imported = already_read
    else:
        importer = importer_for(request)
        if destination is not None and importer.known_before_reading:
            importer.refuse(destination, request)
        imported = importer.read(request, progress)
    if destination is not None:
        importer_of(imported).refuse(destination, request)
    return imported


def default_name(imported: Imported, workbook: Path) -> str:
    """The name a new plan or strategy takes unless the user gives one: the table's title, else the file's."""
    title = imported.title if isinstance(imported, PlanTable | IndicatorTable | CatalogueTable) else None
    return as_listed(title) if title else workbook.stem


def match_units(plan: OpenPlan, imported: Imported) -> None:
    """Match the units the data names to the plan's (each match, and its doubts, are kept in the data)."""
    importer_of(imported).match(plan, imported)


def write_import(plan: OpenPlan, imported: Imported, destination: Destination) -> ImportResult:
    """Write what was read into the open plan as one transaction (the window's one undoable step)."""
    return importer_of(imported).write(plan, imported, destination)


class _NothingToWriteError(Exception):
    """The data cannot be imported: the new file it was going into is not made."""


def import_into_file(
    path: PlanLocation,
    imported: Imported,
    destination: Destination,
    *,
    dry_run: bool,
    open_existing: OpenForImport,
) -> ImportResult | None:
    """Import into the plan file at path (created if missing), or with dry_run only check it.

    Returns what was written (None for a dry run, or data with errors: nothing was written). A
    new file is made only when the import succeeds; an existing damaged one is refused.
    """
    importer = importer_of(imported)
    target = importer.target(destination)
    # A plan on a server is there once `server init` prepared it; a file may be made by the import.
    exists = is_server_url(path) or Path(path).exists()
    if target is not None and not exists:  # no file, so no such plan or strategy
        raise importer.missing(target)
    problems = importer.problems(imported)
    written: list[ImportResult] = []

    def bring_in(plan: OpenPlan) -> None:
        importer.match(plan, imported)
        if target is not None:
            importer.check_target(plan, target)  # a dry run must not promise what will fail
        if importer.problems(imported) and not exists:
            raise _NothingToWriteError  # a new file with errors in its table is not made at all
        if not dry_run and not importer.problems(imported):
            written.append(importer.write(plan, imported, destination))

    if exists:
        if dry_run and not importer.previews_in_plan:
            return None
        with opened(path, lambda where: open_existing(where, dry_run)) as plan:
            # Refused, not only warned about: rows added to a file whose records already break
            # its rules could be neither exported nor reported on, and would only hide the damage.
            refuse_if_damaged(plan)
            bring_in(plan)
    elif not dry_run and not problems:
        # A new file is built whole under another name and appears only with the import in it.
        with contextlib.suppress(_NothingToWriteError):
            create_plan(Path(path), fill=bring_in)
    return written[0] if written else None


def problems_message(problems: list[Problem]) -> str:
    """The problems that stop an import, as one message: the first few, and how many more."""
    from dxplanner.store.operations.import_table import problems_message as said

    return said(problems)


def recount_catalogue(plan: OpenPlan, table: CatalogueTable, unit_choices: Mapping[str, int | None]) -> None:
    """What a catalogue's import adds and what it updates, with the units the user chose (for the preview)."""
    from dxplanner.store.operations.import_catalogue import find_updates

    find_updates(plan, table, unit_choices)


def known_units(plan: OpenPlan) -> list[UnitName]:
    """The plan file's units, for the user to choose one for a unit the data names."""
    from dxplanner.store import queries

    with plan.read() as read:
        return queries.unit_names(read)


def targets(plan: OpenPlan, kind: TableKind) -> list[Target]:
    """Where a table of this kind can go: the strategies, or every plan (strategy by strategy); a
    catalogue goes into the file's estate, so nowhere to choose."""
    from dxplanner.store import queries

    if kind in CATALOGUE_KINDS:
        return []

    with plan.read() as read:
        strategies = queries.strategies(read)
        if kind is TableKind.INDICATORS:
            return [Target(int(strategy.id), strategy.name) for strategy in strategies if strategy.id]
        return [
            Target(int(found.id), found.name)
            for strategy_id in [*(strategy.id for strategy in strategies), None]
            for found in queries.plans(read, strategy_id)
            if found.id is not None
        ]


def write_template(path: Path) -> None:
    """Write an empty plan workbook, with our headings and guidance, for a user to fill and import."""
    from dxplanner.excel.template import write_template as write

    write(path)
