"""The progress report's estate appendices: systems, public services by level, data-sharing links."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from dxplanner.core.report_estate import EstateReport, ServiceTally, tally_services, total_tally
from dxplanner.excel.report_cells import HEADING_FILL, CellMaker, Look
from dxplanner.excel.sheet_names import sheet_name
from dxplanner.excel.xlsx_rows import Cell, Lines
from dxplanner.i18n import N_, _
from dxplanner.labels import label

HEADING = Look(bold=True, fill=HEADING_FILL, wrap=True, centre=True, border=True)
CELL = Look(wrap=True, border=True)
MIDDLE = Look(wrap=True, border=True, centre=True)
NUMBER = Look(border=True, number_format="#,##0", centre=True)
TOTAL = Look(bold=True, border=True)
TOTAL_NUMBER = Look(bold=True, border=True, number_format="#,##0", centre=True)

# (heading, width): each sheet's columns add up to about the task table's width, so that every
# table spans the printed page as the task table does.
SYSTEM_COLUMNS = (
    (N_("No."), 6),
    (N_("Information system"), 42),
    (N_("Owner unit"), 28),
    (N_("Kind"), 16),
    (N_("Level"), 17),
    (N_("Hosting"), 16),
    (N_("Security level"), 11),
    (N_("Security plan approved"), 12),
    (N_("Status"), 13),
    (N_("Tasks that change it"), 50),
)
SERVICE_COLUMNS = (
    (N_("No."), 6),
    (N_("Public service"), 62),
    (N_("Procedure code"), 12),
    (N_("Level of online service"), 20),
    (N_("Field of the procedure"), 30),
    (N_("Handling unit"), 36),
    (N_("On the national public-service portal"), 16),
    (N_("Online payment"), 16),
)
# The summary above the list shares its columns: a unit's name in the list's name column.
TALLY_HEADINGS = (
    N_("No."),
    N_("Handling unit"),
    N_("Services"),
    N_("Full-process online"),
    N_("Partial online"),
    N_("Information only or not recorded"),
    N_("On the national public-service portal"),
    N_("Online payment"),
)
LINK_COLUMNS = (
    (N_("No."), 6),
    (N_("From system"), 56),
    (N_("To system"), 56),
    (N_("Through"), 16),
    (N_("Data shared"), 58),
    (N_("Status"), 14),
)


class SheetKit(Protocol):
    """What the report's writer lends the appendices: its header, print setup and cell makers."""

    def lines(self, sheet: Any) -> Lines: ...

    def maker(self, sheet: Any) -> CellMaker: ...

    def header(self, out: Lines, make: CellMaker, title: str, columns: int = 11, split: int = 4) -> None: ...

    def print_setup(self, sheet: Any, title_row: int | None, widths: Sequence[float]) -> None: ...


def write_estate_sheets(
    book: Any, kit: SheetKit, estate: EstateReport, codes: Mapping[int, str], title_row: int
) -> None:
    """One sheet per table of the estate that has rows; codes: the report's tasks' numbers."""

    def sheet(name: str) -> Any:
        return book.create_sheet(sheet_name(name, book.sheetnames, name))  # a unit's sheet may have the name

    if estate.systems:
        _systems(sheet(_("Information systems")), kit, estate, codes, title_row)
    if estate.services:
        _services(sheet(_("Public services by level")), kit, estate)
    if estate.links:
        _links(sheet(_("Data-sharing links")), kit, estate, title_row)


def wrapped(text: str | None, width: float) -> int:
    """How many lines a text takes in a column of the width (its own line breaks kept)."""
    if not text:
        return 1
    return sum(max(1, math.ceil(len(part) * 0.85 / width)) for part in text.split("\n"))


def _split(columns: Sequence[tuple[str, float]]) -> int:
    """The last column of the header's left block (the agency): as far across as the task table's."""
    return max(1, len(columns) * 4 // 11)


def _headings(out: Lines, make: CellMaker, columns: Sequence[tuple[str, float]]) -> None:
    """A table's heading row, as tall as its longest heading wraps to."""
    out.append(
        [make.cell(_(heading), HEADING) for heading, _width in columns],
        lines=max(wrapped(_(heading), width) for heading, width in columns),
    )


def _yes(value: bool) -> str:
    return _("Yes") if value else _("No")


def _systems(
    sheet: Any, kit: SheetKit, estate: EstateReport, codes: Mapping[int, str], title_row: int
) -> None:
    kit.print_setup(sheet, title_row, [width for _heading, width in SYSTEM_COLUMNS])
    make, out = kit.maker(sheet), kit.lines(sheet)
    kit.header(out, make, _("INFORMATION SYSTEMS"), len(SYSTEM_COLUMNS), split=_split(SYSTEM_COLUMNS))
    _headings(out, make, SYSTEM_COLUMNS)
    for number, line in enumerate(estate.systems, 1):
        tasks = "\n".join(_task_text(estate, task_id, codes) for task_id in line.task_ids)
        hosting = label(line.hosting) if line.hosting is not None else ""
        out.append(
            [
                make.cell(number, NUMBER),
                make.cell(line.name, CELL),
                make.cell(line.owner or "", CELL),
                make.cell(label(line.kind), CELL),
                make.cell(label(line.level), CELL),
                make.cell(hosting, CELL),
                make.cell(line.security_level, NUMBER),
                make.cell(_yes(line.security_plan_approved), MIDDLE),
                make.cell(label(line.status), CELL),
                make.cell(tasks, CELL),
            ],
            lines=max(
                wrapped(line.name, 42),
                wrapped(line.owner, 28),
                wrapped(label(line.kind), 16),
                wrapped(label(line.level), 17),
                wrapped(hosting, 16),
                wrapped(tasks, 50),
            ),
        )


def _task_text(estate: EstateReport, task_id: int, codes: Mapping[int, str]) -> str:
    """A task of the report's plan by its number there; one of another plan with that plan's name."""
    task = estate.tasks.get(task_id)
    if task is None:
        return ""
    if task_id in codes:
        code = codes[task_id]
        return f"{code}. {task.name}" if code else task.name
    return _("{task} ({plan})").format(task=task.name, plan=task.plan_name)


def _services(sheet: Any, kit: SheetKit, estate: EstateReport) -> None:
    widths = [width for _heading, width in SERVICE_COLUMNS]
    kit.print_setup(sheet, None, widths)
    make, out = kit.maker(sheet), kit.lines(sheet)
    kit.header(out, make, _("PUBLIC SERVICES BY LEVEL"), len(SERVICE_COLUMNS), split=_split(SERVICE_COLUMNS))
    out.append([make.cell(_("I. SERVICES BY HANDLING UNIT AND LEVEL"), Look(bold=True))])
    out.append(
        [make.cell(_(heading), HEADING) for heading in TALLY_HEADINGS],
        lines=max(wrapped(_(heading), width) for heading, width in zip(TALLY_HEADINGS, widths, strict=True)),
    )
    tallies = tally_services(estate.services, _("(no handling unit)"))
    for number, tally in enumerate(tallies, 1):
        out.append(_tally_row(make, number, tally, bold=False), lines=wrapped(tally.unit, widths[1]))
    out.append(_tally_row(make, None, total_tally(tallies, _("Total")), bold=True))
    out.append([])
    out.append([make.cell(_("II. LIST OF PUBLIC SERVICES"), Look(bold=True))])
    _headings(out, make, SERVICE_COLUMNS)
    # The list's headings repeat on every page it runs over (the summary's do not: it is short).
    sheet.repeat_rows(out.count - 1)
    for number, service in enumerate(estate.services, 1):
        level = label(service.level) if service.level is not None else ""
        out.append(
            [
                make.cell(number, NUMBER),
                make.cell(service.name, CELL),
                make.cell(service.code or "", MIDDLE),
                make.cell(level, CELL),
                make.cell(service.field or "", CELL),
                make.cell(service.unit or "", CELL),
                make.cell(_yes(service.on_national_portal), MIDDLE),
                make.cell(_yes(service.online_payment), MIDDLE),
            ],
            lines=max(
                wrapped(service.name, 62),
                wrapped(level, 20),
                wrapped(service.field, 30),
                wrapped(service.unit, 36),
            ),
        )


def _tally_row(make: CellMaker, number: int | None, tally: ServiceTally, *, bold: bool) -> list[Cell | None]:
    figure, name = (TOTAL_NUMBER, TOTAL) if bold else (NUMBER, CELL)
    return [
        make.cell(number, figure),
        make.cell(tally.unit, name),
        make.cell(tally.total, figure),
        make.cell(tally.full_process, figure),
        make.cell(tally.partial, figure),
        make.cell(tally.other, figure),
        make.cell(tally.on_national_portal, figure),
        make.cell(tally.online_payment, figure),
    ]


def _links(sheet: Any, kit: SheetKit, estate: EstateReport, title_row: int) -> None:
    kit.print_setup(sheet, title_row, [width for _heading, width in LINK_COLUMNS])
    make, out = kit.maker(sheet), kit.lines(sheet)
    kit.header(out, make, _("DATA-SHARING LINKS"), len(LINK_COLUMNS), split=_split(LINK_COLUMNS))
    _headings(out, make, LINK_COLUMNS)
    for number, link in enumerate(estate.links, 1):
        out.append(
            [
                make.cell(number, NUMBER),
                make.cell(link.giver, CELL),
                make.cell(link.taker, CELL),
                make.cell(label(link.via), MIDDLE),
                make.cell(link.data or "", CELL),
                make.cell(label(link.status), CELL),
            ],
            lines=max(
                wrapped(link.giver, 56),
                wrapped(link.taker, 56),
                wrapped(label(link.via), 16),
                wrapped(link.data, 58),
            ),
        )
