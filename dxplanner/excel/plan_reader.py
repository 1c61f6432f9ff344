"""Reading an action plan table from a workbook: header, columns, the task tree, dates, units and money."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from dxplanner.collector import collector_paused
from dxplanner.core.enums import FundingSource, TaskKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.persons import separate_persons
from dxplanner.core.plan_table import (
    SOURCE_COLUMNS,
    Amount,
    PlanTable,
    Problem,
    TableField,
    TableTask,
    column_letter,
)
from dxplanner.core.rules import YEAR_MAX, YEAR_MIN
from dxplanner.core.text import fold
from dxplanner.core.timeline import Timeline, TimelineGuess, TimelineKind, parse_timeline, plan_date_in
from dxplanner.core.unit_lists import UnitList, read_units, unit_key
from dxplanner.excel.group_rows import CodeTree, Look, is_cut_tail, look_of, repeats_the_end
from dxplanner.excel.header import (
    HEADER_SCAN_ROWS,
    Header,
    column_numbers,
    find_header,
    header_at,
    money_factor_of,
    stated_money_factor,
    year_of,
)
from dxplanner.excel.headings import is_english
from dxplanner.excel.merged_cells import FillDown, Range
from dxplanner.excel.no_table import no_table_message
from dxplanner.excel.numbering import HEADING, Numbering, NumberReader, TreeBuilder
from dxplanner.excel.progress_words import progress_of
from dxplanner.excel.values import (
    MoneySaid,
    amount_of,
    is_total,
    money_in_words,
    name_of,
    source_of,
    text_of,
    without_footnote,
)
from dxplanner.excel.workbook import Row, SheetTooLargeError, Workbook, open_workbook
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text, whole_text

Progress = Callable[[int, int], bool]  # (rows read, rows expected) -> go on?
_TEXT_FIELDS = (TableField.NAME, TableField.PRODUCT, TableField.NOTES)
_GROUP_STYLES = ("roman", "upper")
_NUMBERING = (TableField.NUMBER, TableField.SUB_NUMBER, TableField.CODE)
# The cells that make a row more than words: a row with none of them may carry on the row above.
_WHO_AND_WHEN = (TableField.LEAD_UNIT, TableField.TIMELINE, TableField.START, TableField.END)
_NOT_AN_AMOUNT = -1
_WORDS = -2  # a money cell of words only
_NO_COLUMN = 1 << 30  # past the end of any row
_NO_UNITS = UnitList((), ())
# The cells a page break may cut, and spill onto the next row.
_SPILL_FIELDS = (
    TableField.NAME,
    TableField.PRODUCT,
    TableField.NOTES,
    TableField.LEAD_UNIT,
    TableField.COOPERATING,
)
_MARK_LENGTH = 12  # a stage's or step's number in the time column ("I", "1", "1.2") is short
# Ten million tỷ đồng: several times a nation's yearly budget, and within the file's whole numbers.
MAX_AMOUNT = 10**16
_TITLE_STARTS = ("ke hoach", "danh muc", "phu luc", "chuong trinh", "action plan", "plan ", "list of")
_NOT_AN_AGENCY = ("cong hoa", "doc lap", "ten co quan", "ten don vi", "agency name", "name of agency")
# "1,250" in a Vietnamese table is 1.25 by the rules, but may be a thousand written the English way.
_THOUSANDS_BY_COMMA = re.compile(r"\d{1,3}(,\d{3})+")
# Twenty empty rows end a table: what comes after so long a gap is not part of it.
_GAP_ENDS_TABLE = 20
# And a thousand end the reading: rows formatted down to the sheet's last would take a minute to
# read through, only to find what the twenty already ruled out.
GAP_ENDS_READING = 1_000
# What the rows under a table begin with: the list of recipients, the signature, a legend.
_FOOTER_STARTS = (
    "noi nhan",
    "kt.",
    "kt ",
    "tm.",
    "tm ",
    "ghi chu:",
    "chu thich:",
    "nguoi lap",
    "nguoi ky",
    "chu tich",
    "pho chu tich",
    "giam doc",
    "thu truong",
    "recipients:",
    "note:",
    "notes:",
    "signed",
)


def read_plan_table(
    path: Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    columns: dict[int, TableField] | None = None,
    progress: Progress | None = None,
    plan_date: datetime.date | None = None,
) -> PlanTable:
    """Everything an action plan table in the workbook says, with row-level errors and warnings.

    The sheet, the header's (first) row and the columns are found when not given. Deadlines
    counted from the plan's date are counted from `plan_date`, else from the date the title rows
    give. Nothing is written anywhere; a file that cannot be read raises InvalidInputError with
    one message.
    """
    with collector_paused(), open_workbook(path) as workbook:
        chosen, header = _choose_sheet(workbook, sheet, header_row)
        if columns is not None:
            header.columns = dict(columns)
            header.money_factor = money_factor_of(header.columns, header.headings)
        top: list[Row] = []
        # The title rows are all read before the first row of the table: the reader looks at them
        # (for the plan's date) only when a cell needs it.
        reader = _TableReader(
            header,
            workbook.estimated_rows(chosen),
            progress,
            _TitleRows(top, plan_date),
            merged=workbook.merged_ranges(chosen),
            is_bold=lambda column, number: workbook.is_bold(chosen, column, number),
        )
        for number, row in enumerate(workbook.rows(chosen), 1):
            if number < header.first_row:
                top.append(row)
            elif number > header.last_row and number not in header.skip_rows:
                if not reader.read_row(number, row):
                    raise InvalidInputError(_("The import was cancelled; nothing was imported."))
                if reader.ended:
                    break  # nothing further down is read as a task
                if reader.blank_run >= GAP_ENDS_READING and reader.tasks:
                    last = workbook.last_filled_row(chosen)
                    if last is None or last > number:
                        reader.stop_before(number + 1, last)
                    break
        table = reader.finish(chosen, workbook.sheet_names)
    separate_persons(table.tasks)
    table.agency, table.title = _title_rows(top)
    return table


def _choose_sheet(workbook: Workbook, sheet: str | None, header_row: int | None) -> tuple[str, Header]:
    """The sheet asked for, or the one whose header is surest; and that header."""
    names = workbook.sheet_names
    if sheet is not None and sheet not in names:
        raise InvalidInputError(
            _("{name} has no sheet called “{sheet}”; its sheets are: {sheets}.").format(
                name=workbook.name, sheet=sheet, sheets=", ".join(names)
            )
        )
    best: tuple[str, Header] | None = None
    too_large: SheetTooLargeError | None = None
    for name in [sheet] if sheet is not None else names:
        limit = max(HEADER_SCAN_ROWS, (header_row or 0) + 2)
        try:
            top = [tuple(row) for row in workbook.rows(name, limit=limit)]
        except SheetTooLargeError as error:
            too_large = too_large or error  # passed over: the table may be on another sheet
            continue
        found = header_at(top, header_row) if header_row is not None else find_header(top)
        if found is not None and found.money_factor is None:
            # "Đơn vị tính: triệu đồng" written above the table, not in the budget's heading.
            found.money_factor = stated_money_factor(top[: found.first_row - 1])
        if found is not None and (best is None or found.score > best[1].score):
            best = (name, found)
    if best is None:
        if too_large is not None:
            raise too_large
        if all(
            not any(_filled(row) for row in workbook.rows(name, limit=HEADER_SCAN_ROWS)) for name in names
        ):
            raise InvalidInputError(
                _("{name} is empty: its sheets hold no table.").format(name=workbook.name)
            )
        raise InvalidInputError(no_table_message(workbook, header_row))
    return best


def _filled(row: Sequence[object]) -> bool:
    # A plain loop: every row passes here, and any() over a generator costs twice as much.
    for value in row:  # noqa: SIM110
        if value is not None and (not isinstance(value, str) or value.strip()):
            return True
    return False


def _title_rows(rows: list[Row]) -> tuple[str | None, str | None]:
    """The agency (the first line at the top left) and the plan's title, from the rows above the header."""
    lines = [[text_of(value) for value in row if text_of(value)] for row in rows]
    agency = lines[0][0] if lines and lines[0] else None
    if agency and fold(agency).strip(" [](){}.…").startswith(_NOT_AN_AGENCY + _TITLE_STARTS):
        agency = None  # the motto, the plan's title, or a template's placeholder for the agency's name
    title = None
    for line in lines:
        text = " ".join(line)
        key = fold(text)
        if key.startswith(_TITLE_STARTS):
            title = text if title is None or fold(title).startswith("phu luc") else title
    return agency, title


class _TitleRows:
    """The rows above the table, and what the cells below need of them: the plan's date, its level."""

    def __init__(self, rows: list[Row], plan_date: datetime.date | None) -> None:
        self.rows = rows
        self.given = plan_date
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        """Each title row's text, once the rows are all read."""
        if self._lines is None:
            self._lines = [" ".join(text for value in row if (text := text_of(value))) for row in self.rows]
        return self._lines

    @functools.cached_property
    def plan_date(self) -> datetime.date | None:
        """The date given, else the one the title rows state ("Kèm theo Kế hoạch số … ngày 12/3/2026")."""
        return self.given or plan_date_in(self.lines)

    @functools.cached_property
    def public_source(self) -> FundingSource:
        """Whose budget "ngân sách", "vốn ĐTPT" with no level mean: a ministry's is the central one."""
        agency = fold(next((line for line in self.lines if line), ""))
        central = agency.startswith(("bo ", "chinh phu", "van phong chinh phu")) or "trung uong" in agency
        return FundingSource.CENTRAL_BUDGET if central else FundingSource.LOCAL_BUDGET


class _TableReader:
    """Reads the rows under the header one by one into tasks, keeping the tree as it goes."""

    def __init__(
        self,
        header: Header,
        expected_rows: int,
        progress: Progress | None,
        titles: _TitleRows | None = None,
        *,
        merged: Sequence[Range] = (),
        is_bold: Callable[[int, int], bool] | None = None,
    ) -> None:
        self.header = header
        self.titles = titles or _TitleRows([], None)
        # Each field's first column; a budget split by year is read from its year columns besides.
        self.by_field: dict[TableField, int] = {}
        self.year_columns: list[tuple[int, int]] = []
        for column, found in sorted(header.columns.items()):
            year = year_of(header.headings.get(column, "")) if found is TableField.BUDGET else None
            if year is not None:
                self.year_columns.append((column, year))
            else:
                self.by_field.setdefault(found, column)
        self.at = {found: self.by_field.get(found, _NO_COLUMN) for found in TableField}
        english = is_english(list(header.headings.values()))
        self.decimal_comma = not english
        self.factor = header.money_factor or 1
        self.source_columns = [
            (found, source) for found, source in SOURCE_COLUMNS.items() if found in self.by_field
        ]
        self.source_at = [(self.by_field[found], source) for found, source in self.source_columns]
        # A total beside sources that leave some columns under its heading unread ("Tổng số" over
        # "NSNN", "Nguồn khác"): the part of the total no source column holds is kept too.
        total = self.by_field.get(TableField.BUDGET)
        over = header.headings.get(total, "").split(" / ")[0] + " / " if total is not None else None
        self.breakdown_has_gaps = bool(self.source_columns) and any(
            over is not None and heading.startswith(over) and column not in header.columns
            for column, heading in header.headings.items()
        )
        self.numbers = NumberReader()
        self.sub_numbers = NumberReader()  # its own: "I" in one column says nothing of the other
        self.time_numbers = NumberReader()  # stages and steps numbered in the time column
        self.numbered = any(found in self.by_field for found in _NUMBERING)
        # Start and end columns: most tables have a timeline column only.
        self.date_fields = [found for found in (TableField.START, TableField.END) if found in self.by_field]
        self.has_sub_numbers = TableField.SUB_NUMBER in self.by_field
        self.has_codes = TableField.CODE in self.by_field
        # The column of the body the law makes responsible, unless the user gave it a role of its own.
        responsible = header.responsible
        self.responsible = (
            responsible if responsible is not None and responsible not in header.columns else None
        )
        self.tree = TreeBuilder()
        self.codes = CodeTree()
        self.headings: set[int] = set()  # rows read as a group's heading
        # An unnumbered row that is a heading if numbered rows follow it, else more of the task above.
        self.pending: tuple[int, Row, bool] | None = None
        self.is_bold = is_bold  # (column, row) -> whether the cell is in bold; asked of few rows
        fill_down = FillDown(merged, header.columns, header.last_row + 1)
        self.fill_down = fill_down if fill_down else None  # most tables merge nothing over task rows
        self.tasks: list[TableTask] = []
        # The last task's row, and its cells' texts (with what rows carrying it on added) once a row
        # carries it on: a spill over a page break repeats them.
        self.task_row: Row = ()
        self.task_cells: dict[TableField, str] | None = None
        self.by_row: dict[int, TableTask] = {}  # each task by its row, to find a parent at once
        self.styles: dict[int, str] = {}
        self.children: set[int] = set()
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.timelines: dict[str, Timeline] = {}
        # Timeline texts whose reading sets a task's text and dates and nothing else (no other columns).
        self.plain_timelines: dict[str, tuple[str | None, datetime.date | None, datetime.date | None]] = {}
        self.amounts: dict[str, int | None] = {}
        self.plain_amounts: dict[str, int] = {}  # texts read to an amount with no warning to give
        self.units: dict[tuple[str, bool], tuple[UnitList, tuple[str, ...]]] = {}
        self.said: dict[str, list[MoneySaid] | None] = {}  # money in words, read once each
        self.last_said: list[MoneySaid] | None = None  # what the last money cell read said in words
        self.money_words: list[tuple[str, str | None]] = []  # (words kept as a note, the guess) for the row
        self.previous_blank = True
        self.blank_run = 0
        self.ended = False
        self.breakdown: list[Amount] = []  # money in funding rows under the last task
        self.expected = max(expected_rows, 1)
        self.progress = progress
        if header.money_factor is None and any(
            found is TableField.BUDGET or found in SOURCE_COLUMNS for found in header.columns.values()
        ):
            self._warn(
                header.last_row, None, _("The budget headings state no unit; amounts are read as đồng.")
            )

    # One row.

    def read_row(self, number: int, row: Row) -> bool:
        """Take one row in; False when the user asked to stop."""
        if self.progress is not None and number % 500 == 0 and not self.progress(number, self.expected):
            return False
        if self.ended:
            return True
        if not _filled(row):
            self.previous_blank = True
            self.blank_run += 1
            return True
        if self.blank_run >= _GAP_ENDS_TABLE and self.tasks:
            return self._end(number, _("Rows from row {row} on, after a long gap, were not read as tasks."))
        self.blank_run = 0
        if self.fill_down is not None:
            self.fill_down.note(number, row)
        number_cell, name_cell = self._cell(row, TableField.NUMBER), self._cell(row, TableField.NAME)
        number_text, name_text = text_of(number_cell), text_of(name_cell)
        if is_total(number_text, name_text) or (name_text.isdigit() and column_numbers(row)):
            self._settle_pending(None)
            self.previous_blank = True  # a total, or a row numbering the columns (under a header repeated)
            return True
        unnumbered = not number_text
        if (unnumbered or number_text in self.header.texts) and self._is_header_again(row):
            self._settle_pending(None)
            self.previous_blank = True  # the header repeated (a page pasted under another)
            return True
        if unnumbered and self.tasks and self._is_footer(row):
            self._settle_pending(None)
            return self._end(number, _("Row {row} and those below it (notes or signatures) were not read."))
        numbering = self.numbers.read(number_cell) if TableField.NUMBER in self.by_field else None
        sub_text = ""
        if numbering is None and self.has_sub_numbers:
            sub_cell = self._cell(row, TableField.SUB_NUMBER)
            sub_text = text_of(sub_cell)
            sub = self.sub_numbers.read(sub_cell)
            # Its own styles: "1" in "Chi tiết" is a level below "1" in "TT".
            numbering = Numbering(f"sub-{sub.style}", sub.code) if sub is not None else None
        code = text_of(self._cell(row, TableField.CODE)) if self.has_codes else ""
        # A row with its own number or code, even one not read as a number ("2.a*"), is a row of its own.
        marked = bool(number_text or code or sub_text)
        staged = None
        if not self.numbered and name_text and (staged := self._numbered_in_time(row)) is not None:
            numbering, row, marked = staged, _without(row, self.at[TableField.TIMELINE]), True
        if self.pending is not None:
            self._settle_pending(_style(numbering, code) if marked else None)
        if not marked and self._more_of_the_task_above(number, row, name_text):
            return True
        self.previous_blank = False
        name = without_footnote(name_text)
        if not name:
            if _filled([self._cell(row, found) for found in self.by_field if found not in _NUMBERING]):
                if not marked and self.tasks and not self.previous_blank:
                    self._extend(self.tasks[-1], number, row)  # the task's number and name merged down
                else:
                    self._error(number, TableField.NAME, _("The row has no task name."))
            return True
        self._add(number, row, numbering, name, code)
        if staged is not None:
            self.headings.add(number)  # a stage or a step, a group even with nothing under it yet
            self.tasks[-1].guesses.append(
                _("A group: numbered “{code}” in the time column, with nothing but a name.").format(
                    code=staged.code
                )
            )
        return True

    def _numbered_in_time(self, row: Row) -> Numbering | None:
        """The number of a stage or step written in the time column of a table with no numbering column.

        Plans laid out by time ("Thời gian | Nội dung công việc | …") mark a stage "I" or a step "1"
        in the time column, on a row holding nothing but its name; a time ("2026") is no number.
        """
        column = self.at[TableField.TIMELINE]
        cell = row[column] if column < len(row) else None
        text = text_of(cell)
        if not text or len(text) > _MARK_LENGTH or self._timeline(text).kind is not TimelineKind.UNKNOWN:
            return None
        name_column = self.at[TableField.NAME]
        for index, value in enumerate(row):
            if index not in (column, name_column) and text_of(value):
                return None
        found = self.time_numbers.read(cell)
        return found if found is not None and found.style != "bullet" else None

    def _more_of_the_task_above(self, number: int, row: Row, name_text: str) -> bool:
        """Take in a row with no number anywhere when it is more of the task above, or a group's heading.

        A row of a name only is a heading when it is in bold or capitals, or (decided at the next
        row) when numbered rows follow it; otherwise it carries on the task above. A row of words
        and money beside no unit and no date carries on the task above too.
        """
        joins = bool(self.tasks) and not self.previous_blank and self.numbered
        if name_text and self._name_only(row):
            look = look_of(name_text, self.tasks[-1].name if joins else "")
            if look is Look.CONTINUES and joins:
                self._join(self.tasks[-1], row, number)
                return True
            if look is Look.CAPITALS:
                self._add_heading(number, row, _("A group heading: no number, but written in capitals."))
                return True
            if look is Look.UNSURE and self._bold_name(number):
                self._add_heading(number, row, _("A group heading: no number, but written in bold."))
                return True
            if look is Look.UNSURE and self.numbered:
                self.pending = (number, row, joins)  # the next row tells
                return True
        if joins and not any(text_of(self._cell(row, found)) for found in _WHO_AND_WHEN):
            self._join(self.tasks[-1], row, number)
            return True
        return False

    def _bold_name(self, number: int) -> bool:
        column = self.by_field.get(TableField.NAME)
        return column is not None and self.is_bold is not None and self.is_bold(column, number)

    def _name_only(self, row: Row) -> bool:
        name_column = self.at[TableField.NAME]
        for column, value in enumerate(row):
            if column != name_column and value is not None and (not isinstance(value, str) or value.strip()):
                return False
        return True

    def _settle_pending(self, next_style: str | None) -> None:
        """Settle the row held back by the next row's numbering style (None: the next row has none).

        A heading when the next row is numbered below all that is open; else more of the task above.
        """
        if self.pending is None:
            return
        number, row, joins = self.pending
        self.pending = None
        if next_style is not None and self.tree.opens_a_level(next_style):
            self._add_heading(number, row, _("A group heading: no number, but numbered rows follow it."))
        elif joins:
            self._join(self.tasks[-1], row, number)
        else:
            self.previous_blank = False
            self._add(number, row, None, without_footnote(text_of(self._cell(row, TableField.NAME))), "")

    def _add_heading(self, number: int, row: Row, why: str) -> None:
        self._settle_budget()
        self.previous_blank = False
        after_task = bool(self.tasks) and self._is_a_task(self.tasks[-1])
        parent_row, level = self.tree.place_heading(number, after_task=after_task)
        name = without_footnote(text_of(self._cell(row, TableField.NAME)))
        task = TableTask(row=number, code=None, name=name, kind=TaskKind.GROUP, level=level, guesses=[why])
        self.task_row, self.task_cells = row, None
        self._link(task, parent_row)
        self.styles[number] = HEADING
        self.headings.add(number)
        self.tasks.append(task)
        self.by_row[number] = task

    def _is_a_task(self, task: TableTask) -> bool:
        """Whether a row reads as a task of its own (a unit, dates, a product or money), not a group's row."""
        if self.styles.get(task.row) in (*_GROUP_STYLES, HEADING):
            return False
        return bool(
            task.lead_unit or task.start or task.end or task.timeline_text or task.product or task.budget
        )

    def stop_before(self, number: int, last: int | None) -> None:
        """End the table before row `number`, saying that what follows, down to `last`, was not read."""
        if last is None:
            self._end(number, _("Rows from row {row} on, after a long gap, were not read as tasks."))
            return
        # Said at the last value left out, the one the user may want to look at.
        self._settle_pending(None)
        self.ended = True
        self._warn(
            last,
            None,
            _("Rows {first} to {last}, after a long gap, were not read as tasks.").format(
                first=number, last=last
            ),
        )

    def _end(self, number: int, message: str) -> bool:
        self._settle_pending(None)
        self.ended = True
        self._warn(number, None, message.format(row=number))
        return True

    def _is_header_again(self, row: Row) -> bool:
        texts = [text for value in row if (text := text_of(value))]
        return (len(texts) >= 2 and all(text in self.header.texts for text in texts)) or column_numbers(row)

    def _is_footer(self, row: Row) -> bool:
        texts = [text for value in row if (text := text_of(value))]
        return len(texts) <= 3 and any(fold(text).startswith(_FOOTER_STARTS) for text in texts)

    def _join(self, task: TableTask, row: Row, number: int) -> None:
        name = name_of(self._cell(row, TableField.NAME))
        named = source_of(name) if name and len(name) <= 40 else None
        if named is not None:
            money = self._money(task.row, row, named)
            if money:
                self.breakdown.extend(money)  # "- NSTW | 300" under a task: its central budget
                self._keep_money_words(task)
                return
        joined = False
        for found, attribute in (
            (TableField.NAME, "name"),
            (TableField.PRODUCT, "product"),
            (TableField.NOTES, "notes"),
        ):
            text = (
                name_of(self._cell(row, found))
                if found is TableField.NAME
                else text_of(self._cell(row, found))
            )
            if text and self._spilled(task, number, text):
                continue
            if text:
                before = getattr(task, attribute)
                setattr(task, attribute, f"{before} {text}" if before else text)
                cells = self._cells_above()
                cells[found] = f"{cells.get(found, '')} {text}".strip()
                joined = True
        row = self._unit_tails(task, number, row)
        more = self._units(task, number, row, TableField.COOPERATING, lead=False)
        _add_helpers(task, (*more.leads, *more.cooperating))
        # A row of money under a task ("500 | NSTW") breaks its budget down by source.
        self.breakdown.extend(self._money(task.row, row))
        self._keep_money_words(task)
        if joined:
            task.guesses.append(
                _("Row {row} joined to it: no number, only more of its text.").format(row=number)
            )

    def _cells_above(self) -> dict[TableField, str]:
        """The texts of the last task's cells that a page break may cut, read when a row carries it on."""
        if self.task_cells is None:
            self.task_cells = {found: text_of(self._cell(self.task_row, found)) for found in _SPILL_FIELDS}
        return self.task_cells

    def _spilled(self, task: TableTask, number: int, text: str) -> bool:
        """Whether a cell of a row carrying on the task only repeats the end of its cells (then left out)."""
        if not repeats_the_end(text, self._cells_above().values()):
            return False
        task.guesses.append(
            _(
                "Row {row}: “{text}” only repeats the end of the row above (a spill over a page break); "
                "left out."
            ).format(row=number, text=text)
        )
        return True

    def _unit_tails(self, task: TableTask, number: int, row: Row) -> Row:
        """Read the unit cells of a row carrying on the task: a repeat is left out, a cut name's tail joined.

        A page break cuts a cell anywhere: "… Bộ Nông" above, "nghiệp và Phát triển nông thôn" below
        (or the end of the lead cell, again, in the cooperating column). The row is given back without
        the cells taken in here.
        """
        for found in (TableField.LEAD_UNIT, TableField.COOPERATING):
            column = self.at[found]
            text = text_of(row[column]) if column < len(row) else ""
            if not text:
                continue
            if self._spilled(task, number, text):
                row = _without(row, column)
            elif is_cut_tail(text) and self._cells_above().get(found):
                self._join_unit_tail(task, found, text)
                task.guesses.append(
                    _(
                        "Row {row}: “{text}” is the end of a unit's name cut by a page break; joined to it."
                    ).format(row=number, text=text)
                )
                row = _without(row, column)
        return row

    def _join_unit_tail(self, task: TableTask, found: TableField, tail: str) -> None:
        """Read a unit cell again with the tail a page break cut off, in place of what it named alone."""
        lead = found is TableField.LEAD_UNIT
        cells = self._cells_above()
        cut = cells[found]
        whole = cells[found] = f"{cut} {tail}"
        before = read_units(cut, lead)
        after = self._units_named(task, whole, lead=lead)
        named_before = {*before.leads, *before.cooperating}
        named = [*after.leads, *after.cooperating]
        if lead and named and (task.lead_unit is None or task.lead_unit in named_before):
            task.lead_unit = named.pop(0)
        kept = [unit for unit in task.cooperating_units if unit not in named_before]
        task.cooperating_units = [unit for unit in dict.fromkeys([*kept, *named]) if unit != task.lead_unit]

    def _extend(self, task: TableTask, number: int, row: Row) -> None:
        """A row with no number and no name under a task, but a unit or dates: more of the same task.

        Tables merge a task's number and name over the rows of its parts (one unit and period
        each). A task has one lead unit: the others cooperate; its dates span all the parts.
        """
        part = TableTask(row=number, code=None, name="")
        self._fill(part, row)
        units = [unit for unit in (part.lead_unit, *part.cooperating_units) if unit]
        if task.lead_unit is None and units:
            task.lead_unit = units.pop(0)
        _add_helpers(task, units)
        starts = [day for day in (task.start, part.start) if day is not None]
        ends = [day for day in (task.end, part.end) if day is not None]
        task.start, task.end = (min(starts) if starts else None), (max(ends) if ends else None)
        for attribute in ("product", "notes", "timeline_text"):
            more = getattr(part, attribute)
            if more:
                before = getattr(task, attribute)
                setattr(task, attribute, f"{before}; {more}" if before else more)
        task.guesses.extend(guess for guess in part.guesses if guess not in task.guesses)
        task.budget = _summed([*task.budget, *part.budget])
        task.guesses.append(
            _("Row {row} read as more of this task: no number and no name, but more of its cells.").format(
                row=number
            )
        )
        self._warn(
            number,
            TableField.NAME,
            _("The row has no number and no name: it is read as more of the task above (row {row}).").format(
                row=task.row
            ),
        )

    def _settle_budget(self) -> None:
        """Take the funding rows under the last task as its budget when they add up to it (or it has none)."""
        if not self.breakdown or not self.tasks:
            return
        task, rows = self.tasks[-1], self.breakdown
        self.breakdown = []
        below = _summed(rows)
        own = sum(amount.amount for amount in task.budget)
        if own and own != sum(amount.amount for amount in below):
            self._warn(
                task.row,
                TableField.BUDGET,
                _("The amounts in the rows under the task do not add up to its budget; its budget is kept."),
            )
            return
        task.budget = below

    def _add(self, number: int, row: Row, numbering: Numbering | None, name: str, code: str) -> None:
        self._settle_budget()
        style = _style(numbering, code)
        # A code that extends another's ("N01.1" under "N01") places the row, whatever its number.
        under = self.codes.parent_of(code) if code else None
        above = self.tasks[-1] if self.tasks else None
        beside = (
            style == "plain"
            and above is not None
            and self.styles.get(above.row, "plain") != "plain"
            and self._is_a_task(above)
        )
        if under is not None:
            parent_row, level = self.tree.place_under(style, number, under)
        elif beside and above is not None:
            # A row left unnumbered under a numbered task is a task of its own beside it, never a part
            # that would turn the task into a group (a heading is told apart before it comes here).
            style = self.styles[above.row]
            parent_row, level = self.tree.place_under(style, number, above.parent_row)
        else:
            parent_row, level = self.tree.place(style, number)
        # The table's own code names the task where it has one; else its number does.
        task = TableTask(
            row=number, code=code or (numbering.code if numbering else None), name=name, level=level
        )
        if code:
            self.codes.add(code, number)
        self._link(task, parent_row)
        self.styles[number] = style
        filled: list[tuple[int, int]] = []
        if self.fill_down is not None:
            row, filled = self.fill_down.fill(number, row)
        self._fill(task, row)
        if (
            self.responsible is not None
            and task.lead_unit is None
            and not text_of(self._cell(row, TableField.LEAD_UNIT))
        ):
            self._responsible_leads(task, row, self.responsible)
        self.task_row, self.task_cells = row, None
        if beside and above is not None:
            task.guesses.append(
                _("No number: read as a task of its own beside the task above (row {row}).").format(
                    row=above.row
                )
            )
        for column, first_row in filled:
            task.guesses.append(
                _("{what} filled down from row {row} (one merged cell).").format(
                    what=label(self.header.columns[column]), row=first_row
                )
            )
        self.tasks.append(task)
        self.by_row[number] = task

    def _responsible_leads(self, task: TableTask, row: Row, column: int) -> None:
        """With its lead cell empty, the body the law makes responsible for a row leads it (“Thủ tướng
        Chính phủ” approving); elsewhere that column gives a role (“Cơ quan lập quy hoạch”), not a unit."""
        reading = self._units_named(task, row[column] if column < len(row) else None, lead=True)
        named = [*reading.leads, *reading.cooperating]
        if not named:
            return
        task.lead_unit = named[0]
        task.cooperating_units = [
            unit for unit in dict.fromkeys([*task.cooperating_units, *named[1:]]) if unit != task.lead_unit
        ]
        heading = self.header.headings.get(column, "")
        task.guesses.append(
            _("lead unit taken from “{heading}”: the row's lead cell is empty").format(heading=heading)
        )

    def _link(self, task: TableTask, parent_row: int | None) -> None:
        if parent_row is not None:
            parent = self.by_row[parent_row]
            task.parent_row, task.parent_code = parent_row, parent.code
            self.children.add(parent_row)

    def _fill(self, task: TableTask, row: Row) -> None:
        task.product = text_of(self._cell(row, TableField.PRODUCT)) or None
        task.notes = text_of(self._cell(row, TableField.NOTES)) or None
        named = self._units(task, task.row, row, TableField.LEAD_UNIT, lead=True)
        helping = self._units(task, task.row, row, TableField.COOPERATING, lead=False)
        leads = [*named.leads, *helping.leads]
        if leads:
            task.lead_unit = leads[0]
            if len(leads) > 1:
                # "Văn phòng UBND tỉnh, các sở, ngành": one answers for the task, the others help.
                task.guesses.append(_("first named unit leads, the rest cooperate"))
        task.cooperating_units = []
        _add_helpers(task, (*leads[1:], *named.cooperating, *helping.cooperating))
        self._dates(task, row)
        task.budget = self._money(task.row, row)
        self._keep_money_words(task)
        progress = self._cell(row, TableField.PROGRESS)
        if isinstance(progress, str) and progress.strip():
            self._progress_words(task, progress.strip())
        elif isinstance(progress, int | float) and not isinstance(progress, bool):
            task.progress = float(progress) * (
                100 if 0 < progress <= 1 and isinstance(progress, float) else 1
            )
            if not 0 <= task.progress <= 100:
                self._warn(task.row, TableField.PROGRESS, _("Progress must be between 0 and 100; left out."))
                task.progress = None

    def _progress_words(self, task: TableTask, text: str) -> None:
        """A progress cell in words: a figure when it states one ("Hoàn thành"), else kept in the notes."""
        figure = progress_of(text)
        if figure is not None and 0 <= figure <= 100:
            task.progress = figure
            return
        heading = self.header.headings.get(self.at[TableField.PROGRESS], label(TableField.PROGRESS))
        said = f"{heading.split(' / ')[0]}: {text}"
        task.notes = f"{task.notes}; {said}" if task.notes else said
        if figure is not None:  # a figure out of range ("150%"): a problem to see before importing
            self._warn(
                task.row,
                TableField.PROGRESS,
                _("Progress must be between 0 and 100, not {figure}; “{text}” is kept in the notes.").format(
                    figure=decimal_text(figure), text=text
                ),
            )
            return
        task.guesses.append(
            _("The progress “{text}” states no figure; it is kept in the notes.").format(text=text)
        )

    def _units(self, task: TableTask, number: int, row: Row, found: TableField, *, lead: bool) -> UnitList:
        """The units a cell of row `number` names, saying on the task how the cell was split and
        what was trimmed, and warning of a word left out."""
        reading = self._units_named(task, self._cell(row, found), lead=lead)
        for word in reading.dropped:
            self._warn(
                number,
                found,
                _(
                    "The cell ends with “{word}” alone, a word cut off from a unit's name; it is left out."
                ).format(word=word),
            )
        return reading

    def _units_named(self, task: TableTask, value: object, *, lead: bool) -> UnitList:
        """The units a value names, saying on the task how it was split and what was trimmed."""
        if value is None:
            return _NO_UNITS
        key = (str(value), lead)
        known = self.units.get(key)
        if known is None:
            # A plan names the same units row after row: read each cell, and word its guesses, once.
            reading = read_units(key[0], lead)
            named = (*reading.leads, *reading.cooperating)
            guesses = [_("“{words}” trimmed").format(words=words) for words in reading.trimmed]
            if len(named) > 1:
                guesses.insert(
                    0,
                    _("split into {count} units: {units}").format(count=len(named), units=" | ".join(named)),
                )
            guesses.extend(
                _("“{word}” left out: a word cut off, naming no unit").format(word=word)
                for word in reading.dropped
            )
            guesses.extend(
                _("“{words}” says who decides, not who does the task: no unit read from it").format(
                    words=words
                )
                for words in reading.unnamed
            )
            known = self.units[key] = (reading, tuple(guesses))
        task.guesses.extend(known[1])
        return known[0]

    # Dates.

    def _dates(self, task: TableTask, row: Row) -> None:
        timeline = self._cell(row, TableField.TIMELINE)
        if type(timeline) is not str or self.date_fields:
            self._read_dates(task, row, timeline)
            return
        # A timeline column alone, as most plans have: each text gives the same dates on every row.
        known = self.plain_timelines.get(timeline)
        if known is not None:
            task.timeline_text, task.start, task.end = known
            return
        said = (len(task.guesses), task.notes, len(self.warnings), len(self.errors))
        self._read_dates(task, row, timeline)
        if (len(task.guesses), task.notes, len(self.warnings), len(self.errors)) == said:
            # Nothing guessed, noted or warned of: the next row with this text just takes its dates.
            self.plain_timelines[timeline] = (task.timeline_text, task.start, task.end)

    def _read_dates(self, task: TableTask, row: Row, timeline: object) -> None:
        text = "" if timeline is None or isinstance(timeline, datetime.date) else text_of(timeline)
        if isinstance(timeline, datetime.datetime | datetime.date):
            task.end = _day(timeline)  # a single date in a timeline column is the deadline
        elif text:
            if isinstance(timeline, int | float) and 1900 <= timeline <= 2200:
                text = str(int(timeline))  # a year typed as a number, not a day's serial
            # The lines of a cell matter only to tell a remark under the date: most cells have one.
            lines = timeline if isinstance(timeline, str) and "\n" in timeline else text
            reading = self._timeline(lines)
            task.timeline_text = text_of(reading.when) if reading.remark else text
            self._take_guesses(task, reading)
            if reading.ok and reading.kind is TimelineKind.DAY:
                task.end = reading.end  # one day written as text is the deadline, as in a date cell
            elif reading.kind is TimelineKind.RELATIVE:
                self._ask_for_plan_date(task, TableField.TIMELINE, text)
            elif reading.ok:
                task.start, task.end = reading.start, reading.end
            elif reading.kind is TimelineKind.UNKNOWN:
                self._warn(
                    task.row,
                    TableField.TIMELINE,
                    _("The timeline “{text}” was not understood; the task has no dates.").format(text=text),
                )
        for found in self.date_fields:
            value = self._cell(row, found)
            if value is None or text_of(value) == "":
                continue
            day = _day(value) if isinstance(value, datetime.date) else None
            if day is None:
                # A remark under the date ("30/06/2026⏎Trình tại kỳ họp…") is told by its own line.
                reading = self._timeline(
                    value if isinstance(value, str) and "\n" in value else text_of(value)
                )
                if reading.kind is TimelineKind.RELATIVE:
                    self._ask_for_plan_date(task, found, text_of(value))
                    continue
                self._take_guesses(task, reading)
                if reading.kind is TimelineKind.AFTER_ACT:
                    continue  # no date by design: the guess says why, and nothing is wrong with the cell
                day = (reading.start if found is TableField.START else reading.end) if reading.ok else None
            if day is None:
                self._error(task.row, found, _("“{text}” is not a date.").format(text=text_of(value)))
            elif found is TableField.START:
                task.start = day
            else:
                task.end = day
        for day in (task.start, task.end):
            if day is not None and (day.year < YEAR_MIN or day.year > YEAR_MAX):
                self._error(
                    task.row,
                    TableField.TIMELINE,
                    _("The date {day} is outside the years a plan can hold ({first}–{last}).").format(
                        day=day.strftime("%d/%m/%Y"), first=YEAR_MIN, last=YEAR_MAX
                    ),
                )
                task.start = task.end = None
                return
        if task.start and task.end and task.start > task.end:
            self._error(task.row, TableField.TIMELINE, _("The task ends before it starts."))

    def _timeline(self, text: str) -> Timeline:
        # Plans repeat a handful of timelines thousands of times: read each once.
        if text not in self.timelines:
            reading = parse_timeline(text)
            if reading.kind is TimelineKind.RELATIVE and self.titles.plan_date is not None:
                reading = parse_timeline(text, self.titles.plan_date)
            self.timelines[text] = reading
        return self.timelines[text]

    def _take_guesses(self, task: TableTask, reading: Timeline) -> None:
        """Say on the task what the reading of its timeline guessed; keep a remark under it as a note."""
        for guess in reading.guesses:
            if guess is TimelineGuess.PLAN_DATE and self.titles.plan_date is not None:
                said = _("deadline counted from the plan's date {day}").format(
                    day=self.titles.plan_date.strftime("%d/%m/%Y")
                )
            else:
                said = _timeline_guess(guess)
            task.guesses.append(said)
        if reading.remark:
            task.notes = f"{task.notes}; {reading.remark}" if task.notes else reading.remark

    def _ask_for_plan_date(self, task: TableTask, found: TableField, text: str) -> None:
        self._warn(
            task.row,
            found,
            _(
                "“{text}” counts from the plan's date, which the table does not state; the task has "
                "no dates until you give that date."
            ).format(text=text),
        )

    # Money.

    def _money(self, task_row: int, row: Row, named: FundingSource | None = None) -> list[Amount]:
        """A row's money by source: its source columns, else its year columns, else its total.

        The source of money not in a source column is the one named, else the row's source column.
        """
        amounts: dict[tuple[FundingSource, int | None], int] = {}
        width = len(row)
        for column, source in self.source_at:
            if column >= width or row[column] is None:
                continue  # half the money cells of a plan are empty: no call for them
            amount = self._amount(task_row, row, column)
            if amount:
                amounts[source, None] = amounts.get((source, None), 0) + amount
        if not amounts:
            for column, year in self.year_columns:
                amount = self._amount(task_row, row, column)
                if amount:
                    named = named or self._source(task_row, row)
                    amounts[named, year] = amounts.get((named, year), 0) + amount
        if amounts and not self.breakdown_has_gaps:
            return [Amount(source, amount, year) for (source, year), amount in amounts.items()]
        self.last_said = None
        total = self._amount(task_row, row, self.by_field.get(TableField.BUDGET, _NO_COLUMN))
        if self.last_said and not amounts:
            # "NSĐP 2.300 triệu; NSTW 500 triệu", "kinh phí đối ứng của doanh nghiệp": each source its own.
            said = self._said_amounts(self.last_said, named or self._source(task_row, row))
            return [Amount(source, amount) for source, amount in said.items()]
        counted = sum(amounts.values())
        if total and total > counted:
            # A total beside a breakdown that leaves part of it out ("Tổng số" over "NSNN", "Khác"):
            # the part not broken down is kept, from the source the row names (else other sources).
            source = named or self._source(task_row, row)
            amounts[source, None] = amounts.get((source, None), 0) + total - counted
        return [Amount(source, amount, year) for (source, year), amount in amounts.items()]

    def _keep_money_words(self, task: TableTask) -> None:
        """Keep the words of the row's money cells as a note on the task, and say what was read from them."""
        for words, guess in self.money_words:
            note = _("Funding: {text}").format(text=words)
            task.notes = f"{task.notes}; {note}" if task.notes else note
            if guess:
                task.guesses.append(guess)
        self.money_words = []

    def _said_amounts(self, said: list[MoneySaid], named: FundingSource) -> dict[FundingSource, int]:
        """The money words say, by source: a source they do not name is `named`."""
        amounts: dict[FundingSource, int] = {}
        for part in said:
            source = part.source or (self.titles.public_source if part.public else named)
            amounts[source] = amounts.get(source, 0) + (part.amount or 0)
        return amounts

    def _words(self, task_row: int, column: int, value: str) -> int | None:
        """The amount in a money cell of words; the words are kept as a note, and said when unreadable."""
        text = text_of(value)
        if text in ("", "-", "x", "X"):
            return None
        if value not in self.said:
            self.said[value] = money_in_words(value, self.factor, self.decimal_comma)
        said = self.said[value]
        if said is None:
            # "Lồng ghép", "Theo dự toán", "1O0": said of the money, but no amount to read.
            self._unreadable(task_row, column, text)
            return None
        self.last_said = said
        self.money_words.append(
            (
                text,
                _("money read from the words: {found}; the words kept as a note").format(
                    found=self._said(said)
                ),
            )
        )
        total = sum(part.amount or 0 for part in said)
        if total > MAX_AMOUNT:
            self._too_much(task_row, column, value)
            return None
        return total

    def _unreadable(self, task_row: int, column: int, text: str) -> None:
        self._warn_at(
            task_row,
            column,
            _("“{text}” is not an amount; no budget is read from it, and it is kept as a note.").format(
                text=text
            ),
        )
        self.money_words.append((text, None))

    def _said(self, said: list[MoneySaid]) -> str:
        """What was read from money words, as the user reads it: "local budget 2.300.000.000 đ"."""
        parts = []
        for part in said:
            source = part.source or (self.titles.public_source if part.public else None)
            amount = _("no amount") if part.amount is None else f"{whole_text(part.amount)} đ"
            parts.append(f"{label(source)} {amount}" if source is not None else amount)
        return ", ".join(parts)

    def _too_much(self, task_row: int, column: int, value: object) -> None:
        self.errors.append(
            Problem(
                task_row,
                column_letter(column),
                _("“{text}” is more money than any plan holds; check the amount and its unit.").format(
                    text=text_of(value)
                ),
            )
        )

    def _source(self, task_row: int, row: Row) -> FundingSource:
        said = self._cell(row, TableField.SOURCE)
        named = source_of(said)
        if named is None and text_of(said):
            self._warn(
                task_row,
                TableField.SOURCE,
                _("The funding source “{text}” is not known; counted as other sources.").format(
                    text=text_of(said)
                ),
            )
        return named or FundingSource.OTHER

    def _amount(self, task_row: int, row: Row, column: int) -> int | None:
        value = row[column] if column < len(row) else None
        if value is None:
            return None
        if type(value) is int and 0 <= value * self.factor <= MAX_AMOUNT:
            return value * self.factor  # most amounts: a whole number in the headings' unit
        known = self.plain_amounts.get(value) if isinstance(value, str) else None
        if known is not None:
            return known  # seen before, and nothing to say about it: most cells of a large table
        warned = False  # "1,250": read as 1.25, and said so each time
        if isinstance(value, str):
            # The same amounts come back row after row: read each text once.
            if value not in self.amounts and not any(character.isdigit() for character in value):
                self.amounts[value] = _WORDS
            elif value not in self.amounts:
                try:
                    self.amounts[value] = amount_of(value, self.factor, self.decimal_comma)
                except (ValueError, OverflowError):
                    self.amounts[value] = _WORDS  # words around an amount, or no amount at all
            amount = self.amounts[value]
            if amount == _WORDS:
                return self._words(task_row, column, value)
            thousands = "," in value and _THOUSANDS_BY_COMMA.fullmatch(value.strip()) is not None
            warned = self.decimal_comma and thousands
            if warned:
                self.warnings.append(
                    Problem(
                        task_row,
                        column_letter(column),
                        _(
                            "“{text}” is read with a decimal comma; if thousands were meant, write {dotted}."
                        ).format(text=value.strip(), dotted=value.strip().replace(",", ".")),
                    )
                )
        elif isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1e15:
            amount = round(value * self.factor)
        else:
            try:
                amount = amount_of(value, self.factor, self.decimal_comma)
            except (ValueError, OverflowError):
                amount = _NOT_AN_AMOUNT
        if amount is not None and amount != _NOT_AN_AMOUNT and amount > MAX_AMOUNT:
            self._too_much(task_row, column, value)
            return None
        if isinstance(value, str) and amount is not None and amount >= 0 and not warned:
            self.plain_amounts[value] = amount  # "1.250,5" too: only "1,250" has a warning to give again
        if amount == _NOT_AN_AMOUNT:
            # A negative number, TRUE: no amount, but no reason to stop the whole import either.
            self._unreadable(task_row, column, text_of(value))
            return None
        return amount

    # What is found.

    def _cell(self, row: Row, found: TableField) -> object:
        column = self.at[found]
        return row[column] if column < len(row) else None

    def _letter(self, found: TableField | None) -> str | None:
        column = self.by_field.get(found) if found is not None else None
        return column_letter(column) if column is not None else None

    def _error(self, row: int, found: TableField | None, message: str) -> None:
        self.errors.append(Problem(row, self._letter(found), message))

    def _warn_at(self, row: int, column: int, message: str) -> None:
        self.warnings.append(Problem(row, column_letter(column), message))

    def _warn(self, row: int, found: TableField | None, message: str) -> None:
        self.warnings.append(Problem(row, self._letter(found), message))

    def _drop_subtotals(self) -> None:
        """A group's amount beside amounts in its tasks is their subtotal: counted once, in the tasks."""
        if not any(task.budget for task in self.tasks if task.kind is TaskKind.GROUP):
            return  # most tables: money on tasks only
        below = _money_below(self.tasks)
        for task in self.tasks:
            own = sum(amount.amount for amount in task.budget)
            if task.kind is not TaskKind.GROUP or not own or below[task.row] == own:
                continue
            inside = below[task.row] - own
            if inside != own:
                self._warn(
                    task.row,
                    TableField.BUDGET,
                    _(
                        "The group's amount is not the sum of its tasks' amounts; the tasks' amounts "
                        "are counted and the group's left out."
                    ),
                )
            task.budget = []

    def finish(self, sheet: str, sheets: list[str]) -> PlanTable:
        """The table as read: rows with rows under them, or numbered as sections, are groups."""
        self._settle_pending(None)
        self._settle_budget()
        for task in self.tasks:
            section = self.styles.get(task.row) in _GROUP_STYLES and not (
                task.lead_unit or task.start or task.end
            )
            if task.row in self.children or section or task.row in self.headings:
                task.kind = TaskKind.GROUP
        self._drop_subtotals()
        if not self.tasks:
            self.errors.append(
                Problem(self.header.last_row, None, _("The table has no tasks under its header."))
            )
        return PlanTable(
            sheet=sheet,
            sheets=sheets,
            header_rows=(self.header.first_row, self.header.last_row),
            columns=dict(self.header.columns),
            headings=dict(self.header.headings),
            money_factor=self.factor,
            title=None,
            agency=None,
            tasks=self.tasks,
            errors=self.errors,
            warnings=self.warnings,
            plan_date=self.titles.plan_date,
        )


def _without(row: Row, column: int) -> Row:
    """The row with one cell emptied."""
    return (*row[:column], None, *row[column + 1 :]) if column < len(row) else row


def _style(numbering: Numbering | None, code: str) -> str:
    """The numbering style a row is placed by: its number's, else "code" for a code alone, else "plain"."""
    return numbering.style if numbering else ("code" if code else "plain")


def _summed(amounts: Sequence[Amount]) -> list[Amount]:
    """Amounts of the same source and year added together, in the order first met."""
    summed: dict[tuple[FundingSource, int | None], int] = {}
    for amount in amounts:
        summed[amount.source, amount.year] = summed.get((amount.source, amount.year), 0) + amount.amount
    return [Amount(source, total, year) for (source, year), total in summed.items()]


def _money_below(tasks: list[TableTask]) -> dict[int, int]:
    """Each task's money and that of every task under it, by row."""
    below: dict[int, int] = {}
    for task in reversed(tasks):  # children come after their parents
        below[task.row] = below.get(task.row, 0) + sum(amount.amount for amount in task.budget)
        if task.parent_row is not None:
            below[task.parent_row] = below.get(task.parent_row, 0) + below[task.row]
    return below


def _day(value: datetime.date) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _timeline_guess(guess: TimelineGuess) -> str:
    """A guess the reading of a timeline made, in the user's words."""
    return {
        TimelineGuess.ORIENTATION: _("the orientation year is not the task's deadline"),
        TimelineGuess.LAST_OF_SEVERAL: _("several dates: the last is the deadline"),
        TimelineGuess.DOCUMENT_DATE: _("a document's date in the cell is not the task's"),
        TimelineGuess.REMARK: _("remark kept as a note"),
        TimelineGuess.PLAN_DATE: _("deadline counted from the plan's date"),
        TimelineGuess.OTHER_ACT: _(
            "counted from another body's act, whose date the table does not give: no dates"
        ),
        TimelineGuess.THEN_ONGOING: _("the work goes on after the deadline, which is its end"),
    }[guess]


def _add_helpers(task: TableTask, units: Sequence[str]) -> None:
    """Add the cooperating units the task does not have yet, the same bodies once, whatever their case.

    The lead written again among the helpers ("Các bộ, ngành" leading, "Bộ Tư pháp, các bộ, ngành"
    cooperating) is not a helper of its own; the preview says it was left out.
    """
    lead = unit_key(task.lead_unit) if task.lead_unit else None
    have = {unit_key(unit) for unit in task.cooperating_units}
    for unit in units:
        key = unit_key(unit)
        if key == lead:
            said = _("“{unit}” leads; not also one of its cooperating units").format(unit=unit)
            if said not in task.guesses:
                task.guesses.append(said)
        elif key not in have:
            have.add(key)
            task.cooperating_units.append(unit)
