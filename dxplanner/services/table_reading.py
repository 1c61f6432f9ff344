"""Reading a workbook's table (tasks, indicators, a catalogue) for an import: no store is loaded for it."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.catalogue_table import CATALOGUE_KINDS, CatalogueTable
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import IndicatorTable, TableKind
from dxplanner.core.plan_table import PlanTable, TableField

# (done, expected) -> go on?
Progress = Callable[[int, int], bool]
# A table an import reads from a workbook.
Table = PlanTable | IndicatorTable | CatalogueTable


@dataclass(frozen=True)
class ReadRequest:
    """What to read: the workbook, and the user's corrections (kind, sheet, header row, columns, date)."""

    path: Path
    sheet: str | None = None
    header_row: int | None = None
    columns: dict[int, TableField] | None = None
    plan_date: datetime.date | None = None
    kind: TableKind | None = None  # None: the kind the headings say


def read_table(
    request: ReadRequest, progress: Progress | None = None
) -> PlanTable | IndicatorTable | CatalogueTable:
    """The table of the kind asked for, or (kind None) the kind its headings say; the preview reads this."""
    from dxplanner.excel.tables import WatchedProgress
    from dxplanner.excel.tables import read_table as read_any_table

    if request.kind in CATALOGUE_KINDS:
        from dxplanner.excel.catalogue_reader import read_catalogue

        assert request.kind is not None
        return read_catalogue(
            request.path, request.kind, sheet=request.sheet, header_row=request.header_row, progress=progress
        )

    watched = WatchedProgress(progress)
    try:
        return read_any_table(
            request.path,
            kind=request.kind,
            sheet=request.sheet,
            header_row=request.header_row,
            columns=request.columns,
            progress=watched,
            plan_date=request.plan_date,
        )
    except InvalidInputError as refused:
        if request.kind is not None or request.columns is not None or watched.stopped:
            raise
        # No plan nor indicator table: a catalogue, if its headings are one's; else the refusal stands.
        return _catalogue_or(refused, request, progress)


def _catalogue_or(
    refused: InvalidInputError, request: ReadRequest, progress: Progress | None
) -> CatalogueTable:
    """The catalogue the workbook holds, procedures first; else the plan reader's refusal."""
    from dxplanner.excel.catalogue_reader import read_catalogue

    for kind in CATALOGUE_KINDS:
        try:
            return read_catalogue(
                request.path, kind, sheet=request.sheet, header_row=request.header_row, progress=progress
            )
        except InvalidInputError:
            continue
    raise refused


def read_unless_data_workbook(request: ReadRequest, progress: Progress | None = None) -> Table | None:
    """The table, as read_table reads it; None for our data workbook, which is read as a whole file."""
    from dxplanner.excel.data_sheets import is_data_workbook

    # As the importers are asked in turn: the data workbook is told by its sheets, whatever the kind.
    if is_data_workbook(request.path):
        return None
    return read_table(request, progress)
