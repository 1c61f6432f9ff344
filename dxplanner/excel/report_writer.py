"""Writing the progress report workbook: the official header, the summary, the task table, the lists."""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dxplanner.collector import collector_paused
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.report import STATUS_GROUP, ReportData, ReportRow, StatusGroup
from dxplanner.core.report_document import DocumentHeading, default_heading, report_year, target_heading
from dxplanner.core.status import Health
from dxplanner.excel.report_cells import (
    GROUP_FILL,
    HEADING_FILL,
    LATE_FILL,
    CellMaker,
    Look,
    ReportBook,
)
from dxplanner.excel.report_charts import add_progress_chart, add_units_chart
from dxplanner.excel.report_estate_sheets import write_estate_sheets
from dxplanner.excel.saving import saving_to
from dxplanner.excel.sheet_names import sheet_name
from dxplanner.excel.xlsx_rows import Cell
from dxplanner.excel.xlsx_rows import Lines as _Lines
from dxplanner.i18n import N_, _, speaking
from dxplanner.labels import label

Progress = Callable[[int, int], bool]  # (rows written, rows in all) -> go on?
MILLION = 1_000_000

HEADING = Look(bold=True, fill=HEADING_FILL, wrap=True, centre=True, border=True)
CELL = Look(wrap=True, border=True)
NUMBER = Look(border=True, number_format="#,##0")
PERCENT = Look(border=True, number_format="0.0")
FIGURE = Look(border=True, number_format="#,##0.##")
TASK_COLUMNS = (  # (heading, width)
    (N_("No."), 7),
    (N_("Task"), 44),
    (N_("Lead unit"), 22),
    (N_("Cooperating units"), 24),
    (N_("Timeline"), 14),
    (N_("Start"), 11),
    (N_("End"), 11),
    (N_("Product"), 22),
    (N_("Progress (%)"), 10),
    (N_("Status"), 13),
    (N_("Results / notes"), 30),
)
# A group's name runs from column B to H.
_MERGED_NAME_WIDTH = sum(width for _heading, width in TASK_COLUMNS[1:8])
# The summary's columns (in characters): the names, then five figures; together they fill the width
# of an A4 page in landscape, so that its tables are not a narrow strip down the page's left side.
SUMMARY_WIDTHS = (46, 15, 15, 15, 15, 15)
RECIPIENT = Look(wrap=True)  # a line under "Nơi nhận" (11 points, as Decree 30 sets it)
# The header block takes seven rows: every table's heading is on the eighth.
TABLE_ROW = 8


def status_name(group: StatusGroup) -> str:
    """What the report calls a status group."""
    return {
        StatusGroup.DONE: _("Done"),
        StatusGroup.ON_SCHEDULE: _("On schedule"),
        StatusGroup.LATE: _("Late"),
        StatusGroup.NOT_STARTED: _("Not started"),
        StatusGroup.OTHER: _("Paused or cancelled"),
    }[group]


def write_progress_report(
    path: Path,
    data: ReportData,
    *,
    by_unit: bool = False,
    progress: Progress | None = None,
    language: str | None = None,
    heading: DocumentHeading | None = None,
    appendix: bool = False,
) -> list[str]:
    """Write the report (to a temporary name, then moved into place); returns what had to be changed.

    The report is written in `language` (by default the current one); what goes wrong, and what
    had to be changed, is said in the current language: the user's, not the report's. heading is
    the official heading (by default the one the plan's unit gives, dated today); an appendix (to
    the Word report) says what it is appended to and is not signed: the document is.
    """
    with speaking(language):
        heading = heading or default_heading(data, datetime.date.today(), superior=data.superior,
                                             short_name=data.agency_short)  # fmt: skip
    try:
        with collector_paused(), saving_to(path) as temporary:
            book = ReportBook(temporary)
            writer = _ReportWriter(data, progress, heading, appendix, book)
            try:
                _write_sheets(writer, book, data, by_unit, language)
            except BaseException:
                book.discard()
                raise
            book.save()
    except _CancelledError:
        raise InvalidInputError(_("The report was cancelled; no file was written.")) from None
    return writer.said()


def _write_sheets(
    writer: _ReportWriter, book: ReportBook, data: ReportData, by_unit: bool, language: str | None
) -> None:
    """Every sheet of the report, in its language."""
    with speaking(language):
        writer.summary(book.create_sheet(_("Summary")))
        writer.tasks(book.create_sheet(_("Tasks")), data.rows, _("TASKS OF THE PLAN"))
        writer.late(book.create_sheet(_("Late tasks")))
        writer.curve(book.create_sheet(_("Progress over time")))
        if by_unit:
            codes = _full_codes(data.rows)  # numbers restart in each group: a unit's sheet gives them whole
            for unit, rows in _rows_by_unit(data.rows):
                sheet = book.create_sheet(sheet_name(unit, book.sheetnames, _("Unit")))
                writer.tasks(sheet, rows, unit.upper(), codes)
        if data.estate is not None:
            # The estate's appendices close the report; a system's tasks by their numbers here.
            write_estate_sheets(book, writer, data.estate, _full_codes(data.rows), TABLE_ROW)


class _CancelledError(Exception):
    """The user stopped the report (raised inside the report's language, said outside it)."""


class _ReportWriter:
    """Writes each sheet; keeps count of rows for the progress bar and of texts it had to change."""

    def __init__(
        self,
        data: ReportData,
        progress: Progress | None,
        heading: DocumentHeading,
        appendix: bool,
        book: ReportBook,
    ) -> None:
        self.book = book
        self.data = data
        self.heading = heading
        self.appendix = appendix
        self.progress = progress
        self.done = 0
        self.total = max(len(data.rows), 1)
        self.makers: list[CellMaker] = []

    def said(self) -> list[str]:
        notes = [note for maker in self.makers for note in maker.notes]
        messages = []
        for kind, start in notes:
            if kind == "control":
                messages.append(_("Control characters were taken out of “{text}…”.").format(text=start))
            else:
                messages.append(
                    _("“{text}…” is longer than a cell holds and was shortened in the report.").format(
                        text=start
                    )
                )
        return list(dict.fromkeys(messages))  # the same text on several sheets is said once

    def lines(self, sheet: Any) -> _Lines:
        """The sheet, counting the rows appended to it."""
        return _Lines(sheet)

    def maker(self, sheet: Any) -> CellMaker:
        """A cell maker for the sheet, whose notes the report says at the end."""
        maker = CellMaker(self.book)
        self.makers.append(maker)
        return maker

    # The header every sheet starts with, as official documents have it.

    def header(self, out: _Lines, make: CellMaker, title: str, columns: int = 11, split: int = 4) -> None:
        """Decree 30's heading over the sheet's columns: the agency on the left of split, the motto right."""
        data, heading = self.data, self.heading
        out.sheet.set_row(1, 30)  # a long agency's name takes two lines (set before the row is written)
        out.sheet.set_row(4, 36)
        between = [None] * (split - 1)  # the left block's other cells, before the right block's first
        centred, bold = Look(centre=True, wrap=True), Look(bold=True, centre=True)
        out.append([make.cell(heading.superior.upper(), centred), *between,
                    make.cell(_("SOCIALIST REPUBLIC OF VIET NAM"), bold)])  # fmt: skip
        out.append([make.cell(heading.agency.upper(), Look(bold=True, centre=True, wrap=True)), *between,
                    make.cell(_("Independence - Freedom - Happiness"), bold)])  # fmt: skip
        day = heading.day
        out.append(
            [
                make.cell(_("No.: …/{symbol}").format(symbol=heading.symbol), Look(centre=True)),
                *between,
                make.cell(
                    _("{place}, {day:02d}/{month:02d}/{year}").format(
                        place=heading.place, day=day.day, month=day.month, year=day.year
                    ),
                    Look(italic=True, centre=True),
                ),
            ]
        )
        out.append([])
        out.append([make.cell(title, Look(bold=True, size=14, centre=True, wrap=True))])
        start, end = data.period
        period = _("Period {start} – {end}; figures as of {as_of}").format(
            start=start.strftime("%d/%m/%Y"),
            end=end.strftime("%d/%m/%Y"),
            as_of=data.as_of.strftime("%d/%m/%Y"),
        )
        if self.appendix:
            period = _("(Appendix to report No. …/{symbol} of {day}; {period})").format(
                symbol=heading.symbol, day=day.strftime("%d/%m/%Y"), period=period
            )
        out.append([make.cell(period, Look(italic=True, centre=True, wrap=True))])
        out.append([])
        for row in (1, 2, 3):
            out.merge(row, 1, split)
            out.merge(row, split + 1, columns)
        for row in (5, 6):
            out.merge(row, 1, columns)

    def print_setup(self, sheet: Any, title_row: int | None, widths: Sequence[float]) -> None:
        """Column widths, A4 landscape one page wide, the heading row repeated on each page."""
        for number, width in enumerate(widths):
            sheet.set_column(number, number, width)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
        sheet.center_horizontally()
        sheet.set_margins(left=0.5, right=0.5, top=1, bottom=1)
        if title_row is not None:
            sheet.repeat_rows(title_row - 1)
            sheet.freeze_panes(title_row, 2)
        sheet.set_footer("&C&9" + _("Page &P of &N"))

    # The summary: tasks by status, money by source, indicators, units.

    def summary(self, sheet: Any) -> None:
        # Column widths go before the rows: a write-only sheet writes them first.
        self.print_setup(sheet, None, SUMMARY_WIDTHS)
        make = self.maker(sheet)
        out = _Lines(sheet)
        data = self.data
        self.header(
            out,
            make,
            _("REPORT ON THE IMPLEMENTATION OF {plan}").format(plan=data.plan_name.upper()),
            columns=len(SUMMARY_WIDTHS),
            split=2,
        )
        out.append([make.cell(_("I. TASKS BY STATUS"), Look(bold=True))])
        _heading_row(out, make, (_("Status"), _("Tasks"), _("Share (%)")))
        counts = data.counts
        total = sum(counts.values())
        for group in StatusGroup:
            if group is StatusGroup.OTHER and not counts[group]:
                continue
            share = 100 * counts[group] / total if total else 0.0
            out.append(
                [
                    make.cell(status_name(group), CELL),
                    make.cell(counts[group], NUMBER),
                    make.cell(round(share, 1), PERCENT),
                ]
            )
            if group is StatusGroup.ON_SCHEDULE:
                # Not past its end, but behind its planned curve: the table and late sheet say "at risk".
                at_risk = sum(1 for row in data.rows if row.counted and row.health is Health.AT_RISK)
                out.append(
                    [
                        make.cell(_("of which at risk"), Look(border=True, italic=True)),
                        make.cell(at_risk, NUMBER),
                        make.cell(round(100 * at_risk / total if total else 0.0, 1), PERCENT),
                    ]
                )
        out.append(
            [
                make.cell(_("Total"), Look(bold=True, border=True)),
                make.cell(total, NUMBER),
                make.cell(100.0 if total else 0.0, PERCENT),
            ]
        )
        out.append([])
        out.append([make.cell(_("II. BUDGET BY SOURCE (million đồng)"), Look(bold=True))])
        _heading_row(
            out, make, (_("Source"), _("Planned"), _("Allocated"), _("Disbursed"), _("Disbursed (%)"))
        )
        planned = allocated = disbursed = 0
        for source, money in data.budget:
            planned, allocated, disbursed = (
                planned + money.planned,
                allocated + money.allocated,
                disbursed + money.disbursed,
            )
            out.append(self._money_row(make, source, money.planned, money.allocated, money.disbursed))
        out.append(self._money_row(make, _("Total"), planned, allocated, disbursed))
        out.append([])
        out.append([make.cell(_("III. INDICATORS AGAINST THIS YEAR'S TARGETS"), Look(bold=True))])
        # This year's targets; before the strategy's first year its first year's, after its last its last's.
        year = report_year(data)
        indicator_headings = (
            _("Indicator"),
            _("Unit"),
            target_heading(data),
            _("Result"),
            _("Reached (%)"),
            _("Assessment"),
        )
        _heading_row(out, make, indicator_headings)
        for indicator in data.indicators:
            # All four of the one year shown: its target, its value, their ratio and the verdict.
            shown = indicator.in_year(year)
            name = f"{indicator.code} – {indicator.name}"
            reached = None if shown.percent_of_target is None else round(shown.percent_of_target, 1)
            out.append(
                [
                    make.cell(name, CELL),
                    make.cell(indicator.measure_unit, CELL),
                    # A target in words, or with a comparison or scope, is shown as written.
                    make.cell(shown.target_text, CELL)
                    if shown.target_text
                    else make.cell(shown.target, FIGURE),
                    make.cell(shown.value, FIGURE),
                    make.cell(reached, PERCENT),
                    make.cell(label(shown.status), CELL),
                ],
                lines=_lines(
                    (name, SUMMARY_WIDTHS[0]),
                    (indicator.measure_unit, SUMMARY_WIDTHS[1]),
                    (shown.target_text or "", SUMMARY_WIDTHS[2]),
                ),
            )
        if not data.indicators:
            out.append([make.cell(_("The plan serves no strategy with indicators."), Look(italic=True))])
        out.append([])
        if data.units:
            out.page_break()  # the units' table begins a page
        out.append([make.cell(_("IV. TASKS BY LEAD UNIT AND STATUS"), Look(bold=True))])
        groups = list(StatusGroup)
        _heading_row(out, make, (_("Lead unit"), *(status_name(group) for group in groups)))
        table_row = out.count
        for load in data.units:
            counted = dict.fromkeys(groups, 0)
            for state, count in load.counts.items():
                counted[STATUS_GROUP[Health(state)]] += count
            out.append(
                [make.cell(load.unit, CELL), *(make.cell(counted[group], NUMBER) for group in groups)],
                lines=_lines((load.unit, SUMMARY_WIDTHS[0])),
            )
        if not data.units:
            out.append([make.cell(_("No task has a lead unit yet."), Look(italic=True))])
        if not self.appendix:
            self._signature(out, make)
        if data.units:
            # The chart on a page of its own, under the table: never cut in two.
            out.page_break()
            add_units_chart(
                self.book,
                sheet,
                table_row,
                table_row + len(data.units),
                len(groups),
                f"A{out.count + 2}",
                _("Tasks by lead unit and status"),
            )

    def _signature(self, out: _Lines, make: CellMaker) -> None:
        """Nơi nhận on the left, the signer's title, room to sign and the name on the right."""
        heading = self.heading
        titles = heading.signer_title.splitlines() or [""]
        recipients = [f"- {recipient}" for recipient in heading.recipients]
        left = [_("Recipients:"), *recipients]
        right = [*(title.upper() for title in titles), "", "", "", heading.signer_name]
        out.append([])
        first = out.count + 1
        for number in range(max(len(left), len(right))):
            said = left[number] if number < len(left) else None
            signed = right[number] if number < len(right) else None
            out.append(
                [
                    # Not Look(): that plain look is the workbook's own font, not the report's.
                    make.cell(said, Look(bold=True, italic=True, size=12) if number == 0 else RECIPIENT),
                    None,
                    make.cell(signed, Look(bold=True, centre=True)) if signed else None,
                ]
            )
            out.merge(first + number, 3, 6)

    def _money_row(
        self, make: CellMaker, name: str, planned: int, allocated: int, disbursed: int
    ) -> list[Cell | None]:
        share = round(100 * disbursed / planned, 1) if planned else None
        return [
            make.cell(name, CELL),
            *(make.cell(round(amount / MILLION), NUMBER) for amount in (planned, allocated, disbursed)),
            make.cell(share, PERCENT),
        ]

    # The task table.

    def tasks(
        self, sheet: Any, rows: Sequence[ReportRow], title: str, codes: Mapping[int, str] | None = None
    ) -> None:
        """The task table; with codes, each row's number as given (a unit's sheet: "I.6", not "6")."""
        self.print_setup(sheet, TABLE_ROW, [width for _heading, width in TASK_COLUMNS])
        make = self.maker(sheet)
        out = _Lines(sheet)
        self.header(out, make, title)
        out.append([make.cell(_(heading), HEADING) for heading, _width in TASK_COLUMNS])
        for row in rows:
            late = row.health is Health.LATE
            look, number, day = _row_looks(
                row.is_group, LATE_FILL if late else (GROUP_FILL if row.is_group else None)
            )
            status = label(row.health) + (
                _(" ({days} days)").format(days=row.days_late) if row.days_late else ""
            )
            # A heading's name is merged over the columns up to the product; a project with work
            # of its own keeps them, as it showed them before it was broken into sub-tasks.
            merged = row.is_group and not row.own_work
            if merged:
                # Those columns stay empty, and the row is as tall as what shows.
                middle = [make.cell(None, look) for _column in range(6)]
                lines = _lines((row.name, _MERGED_NAME_WIDTH), (status, 13), (row.remark, 30))
            else:
                middle = [
                    make.cell(row.lead or "", look),
                    make.cell(row.cooperating, look),
                    make.cell(row.timeline_text or "", look),
                    make.cell(row.start, day),
                    make.cell(row.end, day),
                    make.cell(row.product or "", look),
                ]
                lines = _lines(
                    (row.name, 44),
                    (row.lead, 22),
                    (row.cooperating, 24),
                    (row.timeline_text, 14),
                    (row.product, 22),
                    (status, 13),
                    (row.remark, 30),
                )
            out.append(
                [
                    make.cell(codes.get(row.task_id, "") if codes is not None else row.code or "", day),
                    make.cell(row.name, look),
                    *middle,
                    make.cell(round(row.progress), number),
                    make.cell(status, look),
                    make.cell(row.remark or "", look),
                ],
                lines=lines,
            )
            if merged:
                written = out.count
                out.merge(written, 2, 8)  # a group's name runs across its row
            self._count_row()
        if not rows:
            out.append([None, make.cell(_("The plan has no tasks yet."), Look(italic=True))])

    def _count_row(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % 500 == 0 and not self.progress(self.done, self.total):
            raise _CancelledError

    # Late and at-risk tasks; the curve.

    def late(self, sheet: Any) -> None:
        self.print_setup(sheet, TABLE_ROW, (7, 50, 28, 12, 11, 14))
        make = self.maker(sheet)
        out = _Lines(sheet)
        self.header(out, make, _("LATE AND AT-RISK TASKS"), columns=6, split=2)
        headings = (_("No."), _("Task"), _("Lead unit"), _("End"), _("Days late"), _("Status"))
        out.append([make.cell(text, HEADING) for text in headings])
        ends = {row.task_id: row.end for row in self.data.rows}
        codes = _full_codes(self.data.rows)
        for item in self.data.attention:
            middle, text, days, plain = _late_looks(LATE_FILL if item.health is Health.LATE else None)
            out.append(
                [
                    make.cell(codes.get(item.task_id, ""), middle),
                    make.cell(item.name, text),
                    make.cell(item.owner or "", text),
                    make.cell(ends.get(item.task_id), middle),
                    make.cell(item.days_late, days),
                    make.cell(label(item.health), plain),
                ],
                lines=_lines((item.name, 50), (item.owner, 28)),
            )
        if not self.data.attention:
            out.append([make.cell(_("No task is late or at risk."), Look(italic=True))])

    def curve(self, sheet: Any) -> None:
        self.print_setup(sheet, TABLE_ROW, (12, 13, 13))
        make = self.maker(sheet)
        out = _Lines(sheet)
        self.header(out, make, _("PROGRESS OVER TIME"))
        out.append([make.cell(text, HEADING) for text in (_("Date"), _("Planned (%)"), _("Reported (%)"))])
        first = out.count
        curve = self.data.progress
        centred = Look(border=True, centre=True)
        for day, planned, reported in zip(curve.dates, curve.planned, curve.actual, strict=True):
            actual = reported if day <= curve.as_of else None  # nothing is reported after the day
            out.append(
                [
                    make.cell(day, centred),
                    make.cell(round(planned, 1), PERCENT),
                    make.cell(None if actual is None else round(actual, 1), PERCENT),
                ]
            )
        if not curve.dates:
            out.append([make.cell(_("No task has dates yet, so there is no curve."), Look(italic=True))])
        else:
            add_progress_chart(
                self.book,
                sheet,
                first,
                first + len(curve.dates),
                "E8",
                _("Planned and reported progress (%)"),
            )


@functools.cache
def _row_looks(bold: bool, fill: str | None) -> tuple[Look, Look, Look]:
    """A task row's looks: its text, its progress figure, its dates and number (made once each)."""
    # Centred, so the figure does not run into the status text beside it.
    return (
        Look(wrap=True, border=True, bold=bold, fill=fill),
        Look(border=True, bold=bold, number_format="0", fill=fill, centre=True),
        Look(border=True, bold=bold, fill=fill, centre=True),
    )


@functools.cache
def _late_looks(fill: str | None) -> tuple[Look, Look, Look, Look]:
    """A late list row's looks: its number and end, its texts, its days late, its status (made once each)."""
    return (
        Look(border=True, centre=True, fill=fill),
        Look(wrap=True, border=True, fill=fill),
        Look(border=True, number_format="0", fill=fill),
        Look(border=True, fill=fill),
    )


def _heading_row(out: _Lines, make: CellMaker, texts: Sequence[str]) -> None:
    """A table's heading row, as tall as its longest heading wraps to in the summary's columns."""
    out.append(
        [make.cell(text, HEADING) for text in texts],
        # Bold and centred, a heading holds fewer letters in a line than the 0.85 of plain text.
        lines=max(
            1,
            *(math.ceil(len(text) / (width - 2)) for text, width in zip(texts, SUMMARY_WIDTHS, strict=False)),
        ),
    )


def _lines(*texts: tuple[str | None, float]) -> int:
    """How many lines the longest of the texts takes, wrapped in a column of its width (in characters)."""
    return max(1, *(math.ceil(len(text) * 0.85 / width) for text, width in texts if text))


def _full_codes(rows: Sequence[ReportRow]) -> dict[int, str]:
    """Each task's number under its top group's ("I.8", "II.6.1"): numbers restart in each group."""
    top = ""
    codes = {}
    for row in rows:
        code = row.code or ""
        if row.level == 0:
            top = code
        codes[row.task_id] = f"{top}.{code}" if row.level and top and code else code
    return codes


def _rows_by_unit(rows: Sequence[ReportRow]) -> list[tuple[str, list[ReportRow]]]:
    """The tasks each unit leads, by unit (two units of one name stay apart), in the order of names."""
    by_unit: dict[tuple[str, int], list[ReportRow]] = {}
    for row in rows:
        if row.lead and row.counted:
            by_unit.setdefault((row.lead, row.lead_id or 0), []).append(row)
    return [(name, found) for (name, _unit_id), found in sorted(by_unit.items())]
