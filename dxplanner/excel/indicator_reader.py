"""Reading a table of indicators ("Danh mục các chỉ tiêu") from a workbook: groups, indicators, targets."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from dxplanner.collector import collector_paused
from dxplanner.core.enums import Comparison, Direction
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import (
    IndicatorField,
    IndicatorTable,
    TableGoal,
    TableIndicator,
    TableResult,
    TableTarget,
)
from dxplanner.core.plan_table import Problem, column_letter
from dxplanner.core.target_text import (
    SIGNS,
    TargetReading,
    comparison_in_name,
    number_text,
    read_targets,
    unit_written_with,
)
from dxplanner.core.text import fold
from dxplanner.excel.header import HEADER_SCAN_ROWS, column_numbers
from dxplanner.excel.indicator_headings import IndicatorHeader, field_of, find_header, header_at
from dxplanner.excel.numbering import Numbering, NumberReader
from dxplanner.excel.values import text_of, unit_texts, without_footnote
from dxplanner.excel.workbook import Row, SheetTooLargeError, Workbook, open_workbook
from dxplanner.i18n import _

F = IndicatorField
Progress = Callable[[int, int], bool]  # (rows read, rows expected) -> go on?
# A group row that names a horizon ("Đến năm 2030", "Giai đoạn 2026-2030", "Năm 2025"): its year
# is the year of the targets under it that a column does not date.
_HORIZON = re.compile(
    r"^(?:muc tieu |chi tieu )?(?:den nam|nam|giai doan|trong nam|toi nam)\s+(?:\d{4}\s*-\s*)?(\d{4})"
)
_TITLE_YEAR = re.compile(r"(?:nam|giai doan|den)\s+(?:\d{4}\s*-\s*)?((?:19|20)\d\d)")
_TITLE_STARTS = ("danh muc", "ke hoach", "phu luc", "bo chi tieu", "chi tieu", "he thong chi tieu", "list of")
_NOT_AN_AGENCY = ("cong hoa", "doc lap", "ten co quan", "ten don vi")
_FOOTER_STARTS = ("noi nhan", "kt.", "kt ", "tm.", "tm ", "ghi chu:", "chu thich:", "nguoi lap", "chu tich")
# Group rows are ranked so that a horizon holds sections, a section its numbered groups.
_RANKS = {"horizon": 0, "upper": 1, "roman": 2, "plain": 3, "lower": 20, "bullet": 21}
_SECTION_STYLES = ("horizon", "upper", "roman")
_BULLETS = ("-", "+", "•", "*", "–")
_PERCENT_UNITS = ("%", "phan tram", "ty le %")
# "…, trong đó:" ends a row whose parts follow on rows of their own.
_WHEREOF = re.compile(
    r"\s*[,;:]?\s*(?:trong đó|bao gồm|gồm|cụ thể|chia ra|of which)?\s*:?\s*$", re.IGNORECASE
)


def read_indicator_table(
    path: Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    progress: Progress | None = None,
) -> IndicatorTable:
    """Every group, indicator and target a table of indicators states, with row-level problems.

    The sheet and the header's (first) row are found when not given. Nothing is written; a file
    that cannot be read, or holds no table of indicators, raises InvalidInputError.
    """
    with collector_paused(), open_workbook(path) as workbook:
        chosen, header = _choose_sheet(workbook, sheet, header_row)
        top: list[Row] = []
        reader: _Reader | None = None
        expected = max(workbook.estimated_rows(chosen), 1)
        for number, row in enumerate(workbook.rows(chosen), 1):
            if progress is not None and number % 500 == 0 and not progress(number, expected):
                raise InvalidInputError(_("The import was cancelled; nothing was imported."))
            if number < header.first_row:
                top.append(row)
                continue
            if number <= header.last_row:
                continue
            if reader is None:
                reader = _Reader(header, _title_year(top))
            if not reader.read_row(number, row):
                break
        reader = reader or _Reader(header, _title_year(top))
        agency, title = _title_rows(top)
        return reader.finish(chosen, workbook.sheet_names, agency, title)


def _choose_sheet(
    workbook: Workbook, sheet: str | None, header_row: int | None
) -> tuple[str, IndicatorHeader]:
    """The sheet asked for, or the one whose indicator header is surest; and that header."""
    names = workbook.sheet_names
    if sheet is not None and sheet not in names:
        raise InvalidInputError(
            _("{name} has no sheet called “{sheet}”; its sheets are: {sheets}.").format(
                name=workbook.name, sheet=sheet, sheets=", ".join(names)
            )
        )
    best: tuple[str, IndicatorHeader] | None = None
    nearest: tuple[int, list[str]] = (0, [])
    for name in [sheet] if sheet is not None else names:
        try:
            top = [
                tuple(row) for row in workbook.rows(name, limit=max(HEADER_SCAN_ROWS, (header_row or 0) + 2))
            ]
        except SheetTooLargeError:
            continue  # the indicators may be on another sheet
        found = header_at(top, header_row) if header_row is not None else find_header(top, HEADER_SCAN_ROWS)
        if found is not None and found.columns and (best is None or found.score > best[1].score):
            best = (name, found)
        for row in top:
            headings = [text for value in row if (text := text_of(value)) and field_of(text)[0]]
            if len(headings) > nearest[0]:
                nearest = (len(headings), headings)
    if best is None:
        seen = ", ".join(f"“{text}”" for text in nearest[1]) or _("none")
        raise InvalidInputError(
            _(
                "No table of indicators was found in {name}: it needs a column of indicators "
                "(“Chỉ tiêu”) and a column of targets (“Mục tiêu năm 2025”). Headings seen: {seen}."
            ).format(name=workbook.name, seen=seen)
        )
    return best


def _title_rows(rows: list[Row]) -> tuple[str | None, str | None]:
    """The agency (the first line at the top left) and the table's title, from the rows above the header."""
    lines = [" ".join(text for value in row if (text := text_of(value))) for row in rows]
    first = next((text_of(value) for value in (rows[0] if rows else ()) if text_of(value)), None)
    agency = first if first and not fold(first).startswith(_NOT_AN_AGENCY + _TITLE_STARTS) else None
    titles = [line for line in lines if fold(line).startswith(_TITLE_STARTS)]
    # "Phụ lục I" names the appendix; the line under it says what the table is.
    title = next(
        (line for line in titles if not fold(line).startswith("phu luc")), titles[0] if titles else None
    )
    return agency, title


def _title_year(rows: list[Row]) -> int | None:
    """The year the rows above the table name for its targets ("… năm 2025", "giai đoạn 2026-2030")."""
    for row in rows:
        for value in row:
            key = fold(text_of(value))
            if key.startswith(_TITLE_STARTS) or "chi tieu" in key:
                found = _TITLE_YEAR.findall(key)
                if found:
                    return int(found[-1]) if "giai doan" in key else int(found[0])
    return None


class _Reader:
    """Reads the rows under the header one by one into groups and indicators."""

    def __init__(self, header: IndicatorHeader, title_year: int | None) -> None:
        self.header = header
        self.title_year = title_year
        self.at: dict[IndicatorField, int] = {}
        for column, found in sorted(header.columns.items()):
            self.at.setdefault(found, column)
        self.target_columns = [
            column for column, found in sorted(header.columns.items()) if found is F.TARGET
        ]
        self.result_columns = [
            column for column, found in sorted(header.columns.items()) if found is F.RESULT
        ]
        self.texts = frozenset(header.headings.values())
        self.numbers = NumberReader()
        self.goals: list[TableGoal] = []
        self.styles: dict[int, str] = {}
        self.open: list[tuple[int, TableGoal]] = []  # (rank, group) from the top down
        self.indicators: list[TableIndicator] = []
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.last: TableIndicator | None = None  # the row above, when it was an indicator

    # One row.

    def read_row(self, number: int, row: Row) -> bool:
        """Take one row in; False when the table has ended (signatures, notes)."""
        texts = [text for value in row if (text := text_of(value))]
        if not texts:
            self.last = None
            return True
        if column_numbers(row) or all(text in self.texts for text in texts):
            return True  # the columns numbered (1) (2) (3), or the header repeated on a new page
        number_text = text_of(self._cell(row, F.NUMBER))
        name = without_footnote(text_of(self._cell(row, F.NAME)))
        numbering = self.numbers.read(self._cell(row, F.NUMBER)) if F.NUMBER in self.at else None
        if numbering is None and len(texts) <= 3 and fold(texts[0]).startswith(_FOOTER_STARTS):
            return False  # the recipients, the signature: the table is over
        if not name and len(texts) == 1 and number_text:
            # A group's heading merged across the row from the number column: "I. CHÍNH QUYỀN SỐ".
            name, numbering = self._split_heading(number_text)
        if not name:
            self._warn(number, F.NAME, _("The row has no indicator name; it was not read."))
            return True
        filled = self._filled(row)
        if not filled and self._continues(name, numbering):
            assert self.last is not None
            self.last.name = f"{self.last.name} {name}"
            self.last.guesses.append(_("joined with row {row}").format(row=number))
            return True
        if not filled:
            self._group(number, numbering, name)
            self.last = None
            return True
        self._indicator(number, row, numbering, name)
        return True

    def _split_heading(self, text: str) -> tuple[str, Numbering | None]:
        """A heading written whole in the number column: its number and its words."""
        match = re.match(r"^\s*([IVXLCDM]+|[A-Z]|\d+(?:\.\d+)*)[.)]\s+(.+)$", text)
        if match is None:
            return text, None
        return match.group(2).strip(), self.numbers.read(match.group(1))

    def _filled(self, row: Row) -> bool:
        """Whether the row says anything of an indicator: a target, a result, a unit or who follows it."""
        for column, found in self.header.columns.items():
            if found in (F.TARGET, F.RESULT, F.MEASURE_UNIT, F.LEAD_UNIT) and text_of(self._at(row, column)):
                return True
        return False

    def _continues(self, name: str, numbering: object) -> bool:
        """Whether an unnumbered line of words carries on the indicator's name above (it was wrapped)."""
        return self.last is not None and numbering is None and (name[0].islower() or name[0] in "(,;")

    def _group(self, number: int, numbering: object, name: str) -> None:
        style = getattr(numbering, "style", None)
        code = getattr(numbering, "code", None)
        year_match = _HORIZON.match(fold(name))
        if year_match is not None and style is None:
            style = "horizon"
        style = style or "plain"
        rank = _RANKS.get(style, 10 + _depth(style))
        while self.open and self.open[-1][0] >= rank:
            self.open.pop()
        parent = self.open[-1][1] if self.open else None
        goal = TableGoal(
            row=number,
            code=code,
            name=name,
            parent_row=parent.row if parent else None,
            year=int(year_match.group(1)) if year_match else None,
        )
        self.goals.append(goal)
        self.styles[number] = style
        self.open.append((rank, goal))

    def _indicator(self, number: int, row: Row, numbering: object, name: str) -> None:
        style = getattr(numbering, "style", None)
        if style is not None and style != "bullet":
            # "2" after the parts of a group row "1. …, trong đó:": the group is over.
            rank = _RANKS.get(style, 10 + _depth(style))
            while self.open and self.open[-1][0] >= rank:
                self.open.pop()
        group = self.open[-1][1] if self.open else None
        code = text_of(self._cell(row, F.CODE)) or getattr(numbering, "code", None)
        item = TableIndicator(row=number, code=code or None, name=name)
        if group is not None:
            item.group_row, item.group = group.row, group.name
            if name.startswith(_BULLETS) and self.styles.get(group.row) not in _SECTION_STYLES:
                # "- Cấp tỉnh" under "Tỷ lệ hồ sơ trực tuyến, trong đó:": a part of the row above.
                item.name = f"{_WHEREOF.sub('', group.name)} – {name.lstrip(''.join(_BULLETS) + ' ')}"
                item.guesses.append(_("named after the row above it (row {row})").format(row=group.row))
        item.measure_unit = text_of(self._cell(row, F.MEASURE_UNIT))
        if F.MEASURE_UNIT not in self.at:
            self._unit_from_targets(item, row)
        leads = unit_texts(self._cell(row, F.LEAD_UNIT))
        if leads:
            item.lead_unit = leads[0]
            if len(leads) > 1:
                item.guesses.append(
                    _("“{lead}” follows the indicator; also named: {others}").format(
                        lead=leads[0], others="; ".join(leads[1:])
                    )
                )
        notes = text_of(self._cell(row, F.NOTES))
        item.notes = notes or None
        self._targets(item, row)
        if item.targets and self.header.results_read_as_targets:
            item.guesses.append(
                _("“Kết quả” read as the result to reach: the table has no column of targets.")
            )
        self._results(item, row)
        if (
            item.targets
            and all(
                target.comparison in (Comparison.AT_MOST, Comparison.BELOW)
                for target in item.targets
                if target.value is not None
            )
            and any(target.value is not None for target in item.targets)
        ):
            item.direction = Direction.DECREASE
            item.guesses.append(_("lower is better: its targets are upper limits (“≤”)"))
        self.indicators.append(item)
        self.last = item

    def _unit_from_targets(self, item: TableIndicator, row: Row) -> None:
        """With no column of units, the unit written with the target ("100%", "01 khu") is the indicator's."""
        for column in self.target_columns:
            unit = unit_written_with(self._at(row, column))
            if unit:
                item.measure_unit = unit
                item.guesses.append(
                    _("unit of measure “{unit}” taken from the target as written").format(unit=unit)
                )
                return

    def _year(self, column: int) -> tuple[int | None, str | None]:
        """The year of a target column: its heading's, else its group's ("Đến năm 2030"), else the title's;
        and, when it is not the heading's, the guess that says where it came from."""
        if column in self.header.years:
            return self.header.years[column], None
        for _rank, group in reversed(self.open):
            if group.year is not None:
                return group.year, _("target year {year} taken from the group row {row}").format(
                    year=group.year, row=group.row
                )
        if self.title_year is None:
            return None, None
        return self.title_year, _("target year {year} taken from the title").format(year=self.title_year)

    def _targets(self, item: TableIndicator, row: Row) -> None:
        taken: set[tuple[int, str | None]] = set()
        for column in self.target_columns:
            value = self._at(row, column)
            readings = read_targets(value, item.measure_unit)
            if not readings:
                continue
            year, guess = self._year(column)
            if year is None:
                self.errors.append(
                    Problem(
                        item.row,
                        column_letter(column),
                        _(
                            "The year of this target is not known: name it in the heading "
                            "(“Mục tiêu năm 2025”) or in a group row (“Đến năm 2030”)."
                        ),
                    )
                )
                continue
            if guess is not None and guess not in item.guesses:
                item.guesses.append(guess)
            for reading in readings:
                reading = self._compared_by_name(item, reading)
                target_value = _percent_cell(value, reading.value, item)
                if (year, reading.scope) in taken:
                    self.warnings.append(
                        Problem(
                            item.row,
                            column_letter(column),
                            _("A second target for {year} was left out: “{text}”.").format(
                                year=year, text=reading.text
                            ),
                        )
                    )
                    continue
                taken.add((year, reading.scope))
                item.targets.append(
                    TableTarget(
                        year,
                        reading.text,
                        target_value,
                        reading.comparison,
                        reading.scope,
                        upper=reading.upper,
                        note=reading.note,
                    )
                )
                self._say_how_read(item, reading)
            if len(readings) > 1:
                item.guesses.append(
                    _("split into {count} targets, one per scope").format(count=len(readings))
                )
            elif readings[0].in_words:
                item.guesses.append(_("target kept in words: “{text}”").format(text=readings[0].text))

    @staticmethod
    def _compared_by_name(item: TableIndicator, reading: TargetReading) -> TargetReading:
        """A figure with no comparison of its own takes the one the name ends with ("… đạt tối thiểu")."""
        if reading.value is None or reading.comparison is not None or reading.upper is not None:
            return reading
        found = comparison_in_name(item.name)
        if found is None:
            return reading
        comparison, words = found
        item.guesses.append(
            _("“{sign}” taken from the name, which ends “{words}”").format(
                sign=SIGNS[comparison], words=words
            )
        )
        return dataclasses.replace(reading, comparison=comparison)

    @staticmethod
    def _say_how_read(item: TableIndicator, reading: TargetReading) -> None:
        """Say on the row how a range or the words after a figure were read."""
        if reading.upper is not None and reading.value is not None:
            item.guesses.append(
                _("range read as at least {low} and at most {high}").format(
                    low=number_text(reading.value), high=number_text(reading.upper)
                )
            )
        if reading.note:
            item.guesses.append(
                _("words after the figure kept as its note: “{words}”").format(words=reading.note)
            )

    def _results(self, item: TableIndicator, row: Row) -> None:
        for column in self.result_columns:
            value = self._at(row, column)
            readings = read_targets(value, item.measure_unit)
            if not readings:
                continue
            year = self.header.years.get(column) or max(
                (target.year for target in item.targets), default=self._year(column)[0]
            )
            if len(readings) != 1 or readings[0].value is None or year is None:
                self.warnings.append(
                    Problem(
                        item.row,
                        column_letter(column),
                        _(
                            "The result “{text}” is not one number; it was not kept as a measured value."
                        ).format(text=text_of(value)),
                    )
                )
                continue
            reached = _percent_cell(value, readings[0].value, item)
            assert reached is not None
            item.results.append(TableResult(year, reached))

    # The end.

    def finish(self, sheet: str, sheets: list[str], agency: str | None, title: str | None) -> IndicatorTable:
        """The table as read: a group with nothing under it that is numbered like an indicator is one."""
        holding = {item.group_row for item in self.indicators} | {goal.parent_row for goal in self.goals}
        for goal in list(self.goals):
            if goal.row in holding or self.styles.get(goal.row) in _SECTION_STYLES:
                continue
            # "3. Số doanh nghiệp số" with no target written: an indicator still to be given one.
            self.goals.remove(goal)
            parent = next((other for other in self.goals if other.row == goal.parent_row), None)
            item = TableIndicator(
                row=goal.row,
                code=goal.code,
                name=goal.name,
                group_row=parent.row if parent else None,
                group=parent.name if parent else None,
            )
            self.indicators.append(item)
            self.warnings.append(Problem(goal.row, None, _("No target was read for this indicator.")))
        self.indicators.sort(key=lambda item: item.row)
        self._unique_codes()
        if not self.indicators:
            self.errors.append(
                Problem(self.header.last_row, None, _("The table has no indicators under its header."))
            )
        return IndicatorTable(
            sheet=sheet,
            sheets=sheets,
            header_rows=(self.header.first_row, self.header.last_row),
            columns=dict(self.header.columns),
            headings=dict(self.header.headings),
            title=title,
            agency=agency,
            goals=self.goals,
            indicators=self.indicators,
            errors=self.errors,
            warnings=self.warnings,
        )

    def _unique_codes(self) -> None:
        """Codes as numbered. Parts numbered by no one take their group's code and their place in it
        ("1.2"); where numbers start again in each group, every code takes its groups' codes before it."""
        goals = {goal.row: goal for goal in self.goals}
        places: dict[int | None, int] = {}
        given: set[int] = set()  # rows whose code is made here from their group's
        for item in self.indicators:
            places[item.group_row] = places.get(item.group_row, 0) + 1
            group = goals.get(item.group_row) if item.group_row is not None else None
            if not item.code and group is not None and group.code:
                item.code = f"{group.code}.{places[item.group_row]}"
                item.guesses.append(_("numbered {code} after its group").format(code=item.code))
                given.add(item.row)
        codes = [item.code for item in self.indicators if item.code]
        restarts = len(codes) != len(set(codes))
        used: set[str] = set()
        for number, item in enumerate(self.indicators, 1):
            code = item.code
            if code and restarts and item.group_row is not None and item.row not in given:
                chain = []
                group = goals.get(item.group_row)
                while group is not None:
                    # An unnumbered group names its horizon ("Đến năm 2030": 2030), else its row.
                    chain.append(group.code or str(group.year or group.row))
                    group = goals.get(group.parent_row) if group.parent_row is not None else None
                code = ".".join([*reversed(chain), code])
            code = code or f"CT{number}"
            while code in used:
                code += "'"
            used.add(code)
            if code != item.code:
                item.guesses.append(
                    _("numbered {code}: numbers start again in each group").format(code=code)
                    if restarts and item.code
                    else _("numbered {code}").format(code=code)
                )
            item.code = code

    # Cells.

    def _cell(self, row: Row, found: IndicatorField) -> object:
        column = self.at.get(found)
        return self._at(row, column) if column is not None else None

    @staticmethod
    def _at(row: Row, column: int) -> object:
        return row[column] if column < len(row) else None

    def _warn(self, row: int, found: IndicatorField | None, message: str) -> None:
        column = self.at.get(found) if found is not None else None
        self.warnings.append(Problem(row, column_letter(column) if column is not None else None, message))


def _percent_cell(cell: object, value: float | None, item: TableIndicator) -> float | None:
    """A percentage as the cell shows it: Excel keeps 0.8 for the 80% a cell formatted so shows."""
    if (
        isinstance(cell, float)
        and value is not None
        and 0 < value <= 1
        and fold(item.measure_unit) in _PERCENT_UNITS
    ):
        shown = round(value * 100, 6)
        item.guesses.append(_("{value} read as {percent}%").format(value=cell, percent=f"{shown:g}"))
        return shown
    return value


def _depth(style: str) -> int:
    """How deep a numbered style goes ("arabic2" for "1.2"), to rank nested groups."""
    digits = "".join(character for character in style if character.isdigit())
    return int(digits) if digits else 0
