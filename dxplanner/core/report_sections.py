"""What the official progress report says, section by section, as renderer-neutral blocks (Decree 30/2020)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence

from dxplanner.core.report import ReportData, ReportRow, StatusGroup
from dxplanner.core.report_blocks import (
    BODY_SIZE,
    Align,
    Block,
    Cell,
    Columns,
    Line,
    Paragraph,
    ReportBlocks,
    Rule,
    Run,
    Table,
)
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
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text, whole_text

MILLION = 1_000_000
# The most tasks a list of the document names (the latest first, or the soonest due): a report of
# a large plan stays readable and quick to write; the appendix lists every one.
LISTED = 50
ROMAN = ("I", "II", "III", "IV")


def report_blocks(data: ReportData, heading: DocumentHeading) -> ReportBlocks:
    """The whole report, in the language spoken by the caller (`speaking`)."""
    return ReportBlocks(tuple(_Sections(data, heading).build()))


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


def line(
    text: str, size: float = BODY_SIZE, *, bold: bool = False, italic: bool = False, centre: bool = False
) -> Paragraph:
    """A paragraph of one run with no spacing: a heading's line, a title, a recipient."""
    return Paragraph((Run(text, bold, italic),), size, Align.CENTRE if centre else Align.LEFT)


def text(words: str, *, before: float = 0, italic: bool = False) -> Paragraph:
    """A paragraph of the body: justified, its first line indented."""
    return body((Run(words, italic=italic),), before=before)


def body(runs: tuple[Run, ...], *, before: float = 0) -> Paragraph:
    """A paragraph of the body made of runs in different styles."""
    return Paragraph(runs, BODY_SIZE, Align.JUSTIFY, indent=1.0, before=before, after=6)


def section(words: str) -> Paragraph:
    """A section's heading ("I. KẾT QUẢ", "1. Tổng quan"), kept with what follows it."""
    return Paragraph(
        (Run(words, bold=True),), BODY_SIZE, Align.LEFT, indent=1.0, before=6, after=6, keep_with_next=True
    )


def table(
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: tuple[float, ...],
    *,
    numeric: Sequence[int] = (),
    bold_last: bool = False,
) -> Table:
    """A table of figures: the headings bold and centred, numbers to the right, short numbers centred."""
    cells = []
    for number_of_row, values in enumerate(rows, 1):
        bold = bold_last and number_of_row == len(rows)
        cells.append(tuple(_cell(column, value, bold, numeric) for column, value in enumerate(values)))
    return Table(widths, tuple(Cell(heading, True, Align.CENTRE) for heading in headings), tuple(cells))


def _cell(column: int, value: str, bold: bool, numeric: Sequence[int]) -> Cell:
    if column == 0 and len(value) < 4:  # a row's number ("1", "12")
        return Cell(value, bold, Align.CENTRE)
    return Cell(value, bold, Align.RIGHT if column in numeric else Align.LEFT)


class _Sections:
    """One report being said: the heading, the sections in order, the signature."""

    def __init__(self, data: ReportData, heading: DocumentHeading) -> None:
        self.data = data
        self.heading = heading
        self.counts = data.counts
        self.total = sum(self.counts.values())
        self.blocks: list[Block] = []

    def build(self) -> list[Block]:
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
        return self.blocks

    def _add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    # The heading and the title.

    def _heading(self) -> None:
        heading = self.heading
        left: list[Line] = []
        if heading.superior:
            left.append(line(heading.superior.upper(), 13, centre=True))
        left += [
            line(heading.agency.upper(), 13, bold=True, centre=True),
            Rule(2.0, 2),
            line("", 6),
            line(_("No.: …/{symbol}").format(symbol=heading.symbol), 13, centre=True),
        ]
        right: list[Line] = [
            line(_("SOCIALIST REPUBLIC OF VIET NAM"), 13, bold=True, centre=True),
            line(_("Independence - Freedom - Happiness"), 14, bold=True, centre=True),
            Rule(2.3, 2),
            line("", 6),
            line(self._place_and_day(), 14, italic=True, centre=True),
        ]
        self._add(Columns((6.5, 10.0), (tuple(left), tuple(right))))

    def _place_and_day(self) -> str:
        day = self.heading.day
        return _("{place}, {day:02d}/{month:02d}/{year}").format(
            place=self.heading.place, day=day.day, month=day.month, year=day.year
        )

    def _title(self) -> None:
        subject = _("On the implementation of the {plan}, as of {day}").format(
            plan=_lower_first(self.data.plan_name), day=day_text(self.data.as_of)
        )
        self._add(
            line(""),
            line(_("REPORT"), 14, bold=True, centre=True),
            line(subject, 14, bold=True, centre=True),
            Rule(6.5, 4),
            text(
                _("{agency} reports on the implementation of the {plan} as of {day} as follows:").format(
                    agency=self.heading.agency,
                    plan=_lower_first(self.data.plan_name),
                    day=day_text(self.data.as_of),
                ),
                before=12,
            ),
        )

    # The body.

    def _overview(self) -> None:
        data, counts, total = self.data, self.counts, self.total
        self._add(section(_("I. RESULTS")), section(_("1. Overview")))
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
        progress = data.progress
        self._add(
            text(
                _("The plan has {total} tasks, from {start} to {end}. As of {day}, {parts}.").format(
                    total=total,
                    start=day_text(start),
                    end=day_text(end),
                    day=day_text(data.as_of),
                    parts="; ".join(parts),
                )
            ),
            text(
                _("Overall progress is {actual}% against {planned}% planned for the day.").format(
                    actual=number(round(progress.actual_now, 1)),
                    planned=number(round(progress.planned_now, 1)),
                )
            ),
        )

    def _groups(self) -> None:
        results = group_results(self.data.rows)
        if not results:
            return
        self._add(section(_("2. Results by group of tasks")))
        for result in results:
            counts = result.counts
            name = result.name or _("Tasks under no heading")
            # A dash, as Vietnamese reports list: the plan's own numbers ("I.", "II.") would read
            # as the document's sections.
            prefix = f"- {result.code}. " if result.code else "- "
            figures = _(
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
            self._add(body((Run(f"{prefix}{name}: ", italic=True), Run(figures))))

    def _indicators(self) -> None:
        year = report_year(self.data)
        self._add(section(_("3. Indicators against the targets of {year}").format(year=year)))
        if not self.data.indicators:
            self._add(text(_("The plan serves no strategy with indicators."), italic=True))
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
        self._add(table(headings, rows, (1.2, 5.3, 2.2, 1.9, 1.7, 1.6, 2.6), numeric=(3, 4, 5)))

    def _budget(self) -> None:
        self._add(section(_("4. Budget by source (million đồng)")))
        total = budget_total(self.data)
        if not self.data.budget:
            self._add(text(_("The plan has no budget lines."), italic=True))
            return
        self._add(
            text(
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
        self._add(table(headings, rows, (6.5, 2.5, 2.5, 2.5, 2.5), numeric=(1, 2, 3, 4), bold_last=True))

    def _late(self) -> None:
        late = late_rows(self.data.rows)
        self._add(section(_("II. LATE TASKS AND THEIR CAUSES")))
        if not late:
            self._add(text(_("No task is late.")))
            return
        self._add(
            text(
                _(
                    "{count} tasks are past their planned end and not done;"
                    " the causes are those the units reported."
                ).format(count=len(late))
            )
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
        self._add(table(headings, rows, (1.2, 5.0, 3.0, 2.5, 1.5, 3.3), numeric=(4,)))
        self._more(len(late))

    def _difficulties(self) -> None:
        self._add(section(_("III. DIFFICULTIES")))
        by_unit = Counter(row.lead or _("no lead unit") for row in late_rows(self.data.rows))
        if not by_unit:
            self._add(text(_("No unit reported a task it could not finish on time.")))
        else:
            most = ", ".join(f"{unit} ({count})" for unit, count in by_unit.most_common(5))
            mostly = _("The late tasks are mostly led by: {units}. Their causes are listed in section II.")
            self._add(text(mostly.format(units=most)))
        said = [(row, row.difficulty) for row in self.data.rows if row.difficulty]
        if said:
            self._add(text(_("The units reported these difficulties in their progress forms:")))
            self._said(said, _("Difficulties"))

    def _proposals(self) -> None:
        self._add(section(_("V. PROPOSALS")))
        said = [(row, row.proposal) for row in self.data.rows if row.proposal]
        if not said:
            self._add(text(_("No unit made a proposal in its progress form this quarter.")))
            return
        self._add(text(_("The units proposed the following in their progress forms:")))
        self._said(said, _("Proposals"))

    def _said(self, said: Sequence[tuple[ReportRow, str | None]], heading: str) -> None:
        """A table of what the units wrote on their forms, by task, with the unit leading each."""
        headings = (_("No."), _("Task"), _("Lead unit"), heading)
        rows = [
            (str(position), row.name, row.lead or "", said_text or "")
            for position, (row, said_text) in enumerate(said[:LISTED], 1)
        ]
        self._add(table(headings, rows, (1.2, 6.0, 3.5, 5.8), numeric=()))
        self._more(len(said))

    def _ahead(self) -> None:
        first, last = next_period(self.data.as_of)
        quarter = ROMAN[(first.month - 1) // 3]
        self._add(
            section(_("IV. TASKS FOR QUARTER {quarter} OF {year}").format(quarter=quarter, year=first.year))
        )
        ahead = next_period_rows(self.data.rows, self.data.as_of)
        if not ahead:
            self._add(text(_("No task of the plan is due or under way from {start} to {end}.").format(
                start=day_text(first), end=day_text(last))))  # fmt: skip
            return
        intro = _("{count} tasks not done are under way or due by {end}; the units are to finish them:")
        self._add(text(intro.format(count=len(ahead), end=day_text(last))))
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
        self._add(table(headings, rows, (1.2, 7.5, 3.7, 2.5, 1.6), numeric=(4,)))
        self._more(len(ahead))

    def _more(self, listed: int) -> None:
        """Say how many a list left out: the appendix lists every task."""
        if listed > LISTED:
            self._add(
                text(
                    _("And {count} more tasks, listed in the appendix.").format(count=listed - LISTED),
                    italic=True,
                )
            )

    def _closing(self) -> None:
        details = _(
            "The details of each task are in the appendix (Excel workbook) that comes with this report."
        )
        self._add(
            text(details),
            text(
                _("This is the report of {agency} on the implementation of the {plan}./.").format(
                    agency=self.heading.agency, plan=_lower_first(self.data.plan_name)
                )
            ),
        )

    def _signature(self) -> None:
        heading = self.heading
        left: list[Line] = [
            Paragraph((Run(_("Recipients:"), bold=True, italic=True),), 12, before=12),
            *(line(f"- {recipient}", 11) for recipient in heading.recipients),
        ]
        right: list[Line] = []
        for part in heading.signer_title.splitlines() or [""]:
            title = line(part.upper(), 14, bold=True, centre=True)
            right.append(title if right else Paragraph(title.runs, 14, Align.CENTRE, before=12))
        right += [line("", 14) for _blank in range(4)]  # room for the signature and the seal
        right.append(line(heading.signer_name, 14, bold=True, centre=True))
        self._add(Columns((8.0, 8.5), (tuple(left), tuple(right))))


def _lower_first(name: str) -> str:
    """A plan's name inside a sentence: "Kế hoạch …" reads "kế hoạch …" after other words."""
    return name[:1].lower() + name[1:] if name[:1].isupper() and not name[1:2].isupper() else name
