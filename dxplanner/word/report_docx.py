"""The progress report as a Word document in the form of Decree 30/2020 on administrative documents."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from dxplanner.core.report import ReportData, ReportRow, StatusGroup
from dxplanner.core.report_document import (
    DocumentHeading,
    budget_total,
    group_results,
    late_rows,
    next_period,
    next_period_rows,
    report_year,
    target_heading,
)
from dxplanner.i18n import _, speaking
from dxplanner.labels import label
from dxplanner.numbers import decimal_text, whole_text
from dxplanner.word.docx_parts import (
    BODY_SIZE,
    TABLE_SIZE,
    column_widths,
    line,
    no_borders,
    page_number,
    repeat_as_header,
    set_font,
    underline_short,
)

MILLION = 1_000_000
# The most tasks a list of the document names (the latest first, or the soonest due): a report of
# a large plan stays readable and quick to write; the appendix lists every one.
LISTED = 50
ROMAN = ("I", "II", "III", "IV")
# The text's width on A4 within Decree 30's margins (30 mm left, 15 mm right): 16.5 cm.
TEXT_WIDTH = 16.5


def write_report_document(
    path: Path, data: ReportData, heading: DocumentHeading, *, language: str | None = None
) -> None:
    """Write the report to path (the caller writes to a temporary path and moves it into place)."""
    with speaking(language):
        document = _Document(data, heading).build()
    document.save(str(path))


def percent(part: float, whole: float) -> str:
    """A share as the report writes it: one decimal, a decimal comma in Vietnamese."""
    return number(round(100 * part / whole, 1) if whole else 0.0)


def number(value: float | None) -> str:
    """A figure as the report's language writes it (1.234 and 12,5 in Vietnamese); a dash for none."""
    if value is None:
        return "–"
    return whole_text(value) if float(value).is_integer() else decimal_text(value)


def day_text(day: datetime.date) -> str:
    """A date in the body of the text: 06/12/2026."""
    return day.strftime("%d/%m/%Y")


class _Document:
    """One report being built: the heading, the sections in order, the signature."""

    def __init__(self, data: ReportData, heading: DocumentHeading) -> None:
        self.data = data
        self.heading = heading
        self.document: Any = Document()
        self.counts = data.counts
        self.total = sum(self.counts.values())

    def build(self) -> Any:
        self._page()
        self._heading()
        self._title()
        self._overview()
        self._groups()
        self._indicators()
        self._budget()
        self._late()
        self._difficulties()
        self._ahead()
        self._proposals()
        self._closing()
        self._signature()
        return self.document

    # The page and the heading.

    def _page(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
        section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
        # Decree 30: page numbers at the top centre, from the second page on.
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        page_number(header)
        style = self.document.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(BODY_SIZE)

    def _heading(self) -> None:
        heading = self.heading
        table = self.document.add_table(rows=1, cols=2)
        no_borders(table)
        column_widths(table, [6.5, 10.0])
        left, right = table.rows[0].cells
        left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
        right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
        if heading.superior:
            line(left, heading.superior.upper(), 13, centre=True)
        line(left, heading.agency.upper(), 13, bold=True, centre=True)
        underline_short(line(left, "", 2, centre=True), 2.0)
        line(left, "", 6)
        line(left, _("No.: …/{symbol}").format(symbol=heading.symbol), 13, centre=True)
        line(right, _("SOCIALIST REPUBLIC OF VIET NAM"), 13, bold=True, centre=True)
        line(right, _("Independence - Freedom - Happiness"), 14, bold=True, centre=True)
        underline_short(line(right, "", 2, centre=True), 2.3)
        line(right, "", 6)
        line(right, self._place_and_day(), 14, italic=True, centre=True)

    def _place_and_day(self) -> str:
        day = self.heading.day
        return _("{place}, {day:02d}/{month:02d}/{year}").format(
            place=self.heading.place, day=day.day, month=day.month, year=day.year
        )

    def _title(self) -> None:
        line(self.document, "", BODY_SIZE)
        line(self.document, _("REPORT"), 14, bold=True, centre=True)
        subject = _("On the implementation of the {plan}, as of {day}").format(
            plan=_lower_first(self.data.plan_name), day=day_text(self.data.as_of)
        )
        line(self.document, subject, 14, bold=True, centre=True)
        underline_short(line(self.document, "", 4, centre=True), 6.5)
        self._text(
            _("{agency} reports on the implementation of the {plan} as of {day} as follows:").format(
                agency=self.heading.agency,
                plan=_lower_first(self.data.plan_name),
                day=day_text(self.data.as_of),
            ),
            before=12,
        )

    # The body.

    def _section(self, text: str) -> None:
        paragraph = line(self.document, text, BODY_SIZE, bold=True)
        paragraph.paragraph_format.first_line_indent = Cm(1.0)
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.keep_with_next = True

    def _text(self, text: str, *, before: float = 0, italic: bool = False) -> Any:
        paragraph = self.document.add_paragraph()
        set_font(paragraph.add_run(text), BODY_SIZE, italic=italic)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1.0)
        paragraph.paragraph_format.space_before = Pt(before)
        paragraph.paragraph_format.space_after = Pt(6)
        return paragraph

    def _overview(self) -> None:
        data, counts, total = self.data, self.counts, self.total
        self._section(_("I. RESULTS"))
        self._section(_("1. Overview"))
        start, end = data.period
        parts = [
            _("{count} done ({share}%)").format(
                count=counts[StatusGroup.DONE], share=percent(counts[StatusGroup.DONE], total)
            ),
            _("{count} on schedule ({share}%)").format(
                count=counts[StatusGroup.ON_SCHEDULE], share=percent(counts[StatusGroup.ON_SCHEDULE], total)
            ),
            _("{count} late ({share}%)").format(
                count=counts[StatusGroup.LATE], share=percent(counts[StatusGroup.LATE], total)
            ),
            _("{count} not started ({share}%)").format(
                count=counts[StatusGroup.NOT_STARTED], share=percent(counts[StatusGroup.NOT_STARTED], total)
            ),
        ]
        if counts[StatusGroup.OTHER]:
            parts.append(
                _("{count} paused or cancelled ({share}%)").format(
                    count=counts[StatusGroup.OTHER], share=percent(counts[StatusGroup.OTHER], total)
                )
            )
        self._text(
            _("The plan has {total} tasks, from {start} to {end}. As of {day}, {parts}.").format(
                total=total,
                start=day_text(start),
                end=day_text(end),
                day=day_text(data.as_of),
                parts="; ".join(parts),
            )
        )
        progress = data.progress
        self._text(
            _("Overall progress is {actual}% against {planned}% planned for the day.").format(
                actual=number(round(progress.actual_now, 1)), planned=number(round(progress.planned_now, 1))
            )
        )

    def _groups(self) -> None:
        results = group_results(self.data.rows)
        if not results:
            return
        self._section(_("2. Results by group of tasks"))
        for result in results:
            counts = result.counts
            name = result.name or _("Tasks under no heading")
            # A dash, as Vietnamese reports list: the plan's own numbers ("I.", "II.") would read
            # as the document's sections.
            prefix = f"- {result.code}. " if result.code else "- "
            paragraph = self._text("")
            set_font(paragraph.add_run(f"{prefix}{name}: "), BODY_SIZE, italic=True)
            set_font(
                paragraph.add_run(
                    _(
                        "{total} tasks; {done} done, {on} on schedule, {late} late, {waiting} not started;"
                        " progress {progress}%."
                    ).format(
                        total=result.total,
                        done=counts[StatusGroup.DONE],
                        on=counts[StatusGroup.ON_SCHEDULE],
                        late=counts[StatusGroup.LATE],
                        waiting=counts[StatusGroup.NOT_STARTED],
                        progress=number(round(result.progress)),
                    )
                ),
                BODY_SIZE,
            )

    def _indicators(self) -> None:
        year = report_year(self.data)
        self._section(_("3. Indicators against the targets of {year}").format(year=year))
        if not self.data.indicators:
            self._text(_("The plan serves no strategy with indicators."), italic=True)
            return
        headings = (
            _("No."),
            _("Indicator"),
            _("Unit"),
            target_heading(self.data),
            _("Result"),
            _("Reached (%)"),
            _("Assessment"),
        )
        rows = []
        for position, indicator in enumerate(self.data.indicators, 1):
            shown = indicator.in_year(year)
            target = shown.target_text or number(shown.target)
            reached = None if shown.percent_of_target is None else round(shown.percent_of_target, 1)
            rows.append(
                (
                    str(position),
                    f"{indicator.code} – {indicator.name}",
                    indicator.measure_unit,
                    target,
                    number(None if shown.value is None else round(shown.value, 2)),
                    number(reached),
                    label(shown.status),
                )
            )
        self._table(headings, rows, [1.2, 5.3, 2.2, 1.9, 1.7, 1.6, 2.6], numeric=(3, 4, 5))

    def _budget(self) -> None:
        self._section(_("4. Budget by source (million đồng)"))
        total = budget_total(self.data)
        if not self.data.budget:
            self._text(_("The plan has no budget lines."), italic=True)
            return
        self._text(
            _(
                "The plan's budget is {planned} million đồng; {allocated} allocated,"
                " {disbursed} disbursed ({share}%)."
            ).format(
                planned=number(round(total.planned / MILLION)),
                allocated=number(round(total.allocated / MILLION)),
                disbursed=number(round(total.disbursed / MILLION)),
                share=percent(total.disbursed, total.planned),
            )
        )
        headings = (_("Source"), _("Planned"), _("Allocated"), _("Disbursed"), _("Disbursed (%)"))
        rows = [
            (
                source,
                number(round(money.planned / MILLION)),
                number(round(money.allocated / MILLION)),
                number(round(money.disbursed / MILLION)),
                percent(money.disbursed, money.planned) if money.planned else "–",
            )
            for source, money in self.data.budget
        ]
        rows.append(
            (
                _("Total"),
                number(round(total.planned / MILLION)),
                number(round(total.allocated / MILLION)),
                number(round(total.disbursed / MILLION)),
                percent(total.disbursed, total.planned) if total.planned else "–",
            )
        )
        self._table(headings, rows, [6.5, 2.5, 2.5, 2.5, 2.5], numeric=(1, 2, 3, 4), bold_last=True)

    def _late(self) -> None:
        late = late_rows(self.data.rows)
        self._section(_("II. LATE TASKS AND THEIR CAUSES"))
        if not late:
            self._text(_("No task is late."))
            return
        self._text(
            _(
                "{count} tasks are past their planned end and not done;"
                " the causes are those the units reported."
            ).format(count=len(late))
        )
        headings = (_("No."), _("Task"), _("Lead unit"), _("End"), _("Days late"), _("Cause"))
        rows = [
            (
                str(position),
                row.name,
                row.lead or "",
                day_text(row.end) if row.end else "",
                str(row.days_late),
                row.remark or _("No cause reported"),
            )
            for position, row in enumerate(late[:LISTED], 1)
        ]
        self._table(headings, rows, [1.2, 5.0, 3.0, 2.5, 1.5, 3.3], numeric=(4,))
        self._more(len(late))

    def _difficulties(self) -> None:
        self._section(_("III. DIFFICULTIES"))
        by_unit = Counter(row.lead or _("no lead unit") for row in late_rows(self.data.rows))
        if not by_unit:
            self._text(_("No unit reported a task it could not finish on time."))
        else:
            most = ", ".join(f"{unit} ({count})" for unit, count in by_unit.most_common(5))
            self._text(
                _("The late tasks are mostly led by: {units}. Their causes are listed in section II.").format(
                    units=most
                )
            )
        said = [(row, row.difficulty) for row in self.data.rows if row.difficulty]
        if said:
            self._text(_("The units reported these difficulties in their progress forms:"))
            self._said(said, _("Difficulties"))

    def _proposals(self) -> None:
        self._section(_("V. PROPOSALS"))
        said = [(row, row.proposal) for row in self.data.rows if row.proposal]
        if not said:
            self._text(_("No unit made a proposal in its progress form this quarter."))
            return
        self._text(_("The units proposed the following in their progress forms:"))
        self._said(said, _("Proposals"))

    def _said(self, said: Sequence[tuple[ReportRow, str | None]], heading: str) -> None:
        """A table of what the units wrote on their forms, by task, with the unit leading each."""
        headings = (_("No."), _("Task"), _("Lead unit"), heading)
        rows = [
            (str(position), row.name, row.lead or "", text or "")
            for position, (row, text) in enumerate(said[:LISTED], 1)
        ]
        self._table(headings, rows, [1.2, 6.0, 3.5, 5.8], numeric=())
        self._more(len(said))

    def _ahead(self) -> None:
        first, last = next_period(self.data.as_of)
        quarter = ROMAN[(first.month - 1) // 3]
        self._section(_("IV. TASKS FOR QUARTER {quarter} OF {year}").format(quarter=quarter, year=first.year))
        ahead = next_period_rows(self.data.rows, self.data.as_of)
        if not ahead:
            self._text(_("No task of the plan is due or under way from {start} to {end}.").format(
                start=day_text(first), end=day_text(last)))  # fmt: skip
            return
        self._text(
            _("{count} tasks not done are under way or due by {end}; the units are to finish them:").format(
                count=len(ahead), end=day_text(last)
            )
        )
        headings = (_("No."), _("Task"), _("Lead unit"), _("End"), _("Progress (%)"))
        rows = [
            (
                str(position),
                row.name,
                row.lead or "",
                day_text(row.end) if row.end else "",
                number(round(row.progress)),
            )
            for position, row in enumerate(ahead[:LISTED], 1)
        ]
        self._table(headings, rows, [1.2, 7.5, 3.7, 2.5, 1.6], numeric=(4,))
        self._more(len(ahead))

    def _more(self, listed: int) -> None:
        """Say how many a list left out: the appendix lists every task."""
        if listed > LISTED:
            self._text(
                _("And {count} more tasks, listed in the appendix.").format(count=listed - LISTED),
                italic=True,
            )

    def _closing(self) -> None:
        self._text(
            _("The details of each task are in the appendix (Excel workbook) that comes with this report.")
        )
        self._text(
            _("This is the report of {agency} on the implementation of the {plan}./.").format(
                agency=self.heading.agency, plan=_lower_first(self.data.plan_name)
            )
        )

    def _signature(self) -> None:
        heading = self.heading
        table = self.document.add_table(rows=1, cols=2)
        no_borders(table)
        column_widths(table, [8.0, 8.5])
        left, right = table.rows[0].cells
        for cell in (left, right):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        recipients = line(left, _("Recipients:"), 12, bold=True, italic=True)
        recipients.paragraph_format.space_before = Pt(12)
        for recipient in heading.recipients:
            line(left, f"- {recipient}", 11)
        first = True
        for part in heading.signer_title.splitlines() or [""]:
            paragraph = line(right, part.upper(), 14, bold=True, centre=True)
            if first:
                paragraph.paragraph_format.space_before = Pt(12)
                first = False
        for _blank in range(4):  # room for the signature and the seal
            line(right, "", 14)
        line(right, heading.signer_name, 14, bold=True, centre=True)

    # A table of figures.

    def _table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: list[float],
        *,
        numeric: Sequence[int] = (),
        bold_last: bool = False,
    ) -> None:
        table = self.document.add_table(rows=1 + len(rows), cols=len(headings))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        column_widths(table, widths)
        repeat_as_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, headings, strict=True):
            _cell_text(cell, text, bold=True, centre=True)
        for number_of_row, values in enumerate(rows, 1):
            bold = bold_last and number_of_row == len(rows)
            for column, (cell, text) in enumerate(zip(table.rows[number_of_row].cells, values, strict=True)):
                _cell_text(
                    cell, text, bold=bold, right=column in numeric, centre=column == 0 and len(text) < 4
                )
        spacer = self.document.add_paragraph()
        spacer.paragraph_format.space_after = Pt(0)


def _cell_text(
    cell: Any, text: str, *, bold: bool = False, centre: bool = False, right: bool = False
) -> None:
    paragraph = cell.paragraphs[0]
    set_font(paragraph.add_run(text), TABLE_SIZE, bold=bold)
    paragraph.paragraph_format.space_after = Pt(0)
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _lower_first(name: str) -> str:
    """A plan's name inside a sentence: "Kế hoạch …" reads "kế hoạch …" after other words."""
    return name[:1].lower() + name[1:] if name[:1].isupper() and not name[1:2].isupper() else name
