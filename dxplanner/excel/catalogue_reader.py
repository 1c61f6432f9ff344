"""Reading a catalogue from a workbook: the procedures list or the information-systems list, row by row."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dxplanner.collector import collector_paused
from dxplanner.core import catalogue_words as words
from dxplanner.core.catalogue_table import CatalogueField, CatalogueTable, TableService, TableSystem
from dxplanner.core.catalogue_words import UnreadWordError
from dxplanner.core.indicator_table import TableKind
from dxplanner.core.matching import name_key
from dxplanner.core.plan_table import Problem, column_letter
from dxplanner.core.text import fold
from dxplanner.excel.catalogue_headings import CatalogueHeader, field_of, find_header, header_at, is_header
from dxplanner.excel.header import HEADER_SCAN_ROWS, column_numbers
from dxplanner.excel.merged_cells import FillDown
from dxplanner.excel.values import text_of, unit_texts, without_footnote
from dxplanner.excel.workbook import Row, SheetTooLargeError, Workbook, open_workbook
from dxplanner.i18n import _

F = CatalogueField
M = TypeVar("M")
Progress = Callable[[int, int], bool]  # (rows read, rows expected) -> go on?
_TITLE_STARTS = ("danh muc", "phu luc", "danh sach", "bang", "thong ke", "list of")
# What a cell merged down over several rows gives to each (never a code, a name or a share).
_FILLED_DOWN = frozenset(
    {F.FIELD, F.UNIT, F.LEVEL, F.SYSTEM_KIND, F.GOVERNMENT_LEVEL, F.HOSTING, F.STATUS, F.SECURITY_LEVEL}
)
_FOOTER_STARTS = ("noi nhan", "kt.", "kt ", "tm.", "tm ", "ghi chu:", "chu thich:", "nguoi lap", "chu tich")
# "I. LĨNH VỰC ĐẤT ĐAI", "A. Cấp tỉnh", "1. Sở Tư pháp": the numbering before a group's words.
_GROUP_NUMBER = re.compile(r"^\s*(?:[IVXLCDM]+|[A-Za-z]|\d+(?:\.\d+)*)\s*[.)/:-]\s*")
_FIELD_WORDS = ("linh vuc ",)
# A group row naming who handles (or owns) the rows under it.
_UNIT_STARTS = (
    "so ",
    "ubnd",
    "uy ban",
    "ban ",
    "van phong",
    "thanh tra",
    "cong an",
    "bo ",
    "cuc ",
    "chi cuc",
    "trung tam",
    "dai ",
    "bao ",
    "bhxh",
    "bao hiem",
    "kho bac",
    "cuc thue",
    "toa an",
    "vien ",
)


def read_catalogue(
    path: Path,
    kind: TableKind,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    progress: Progress | None = None,
) -> CatalogueTable:
    """Every procedure (or system) a catalogue lists, with one problem per bad cell, by row.

    The sheet and the header's row are found when not given. Nothing is written; a file that
    cannot be read, or holds no such catalogue, raises InvalidInputError.
    """
    from dxplanner.core.errors import InvalidInputError

    with collector_paused(), open_workbook(path) as workbook:
        chosen, header = _choose_sheet(workbook, kind, sheet, header_row)
        top: list[Row] = []
        reader = _Reader(kind, header)
        # "Cơ quan thực hiện" merged down over the procedures it handles: written once, each one's.
        merged = FillDown(workbook.merged_ranges(chosen), header.columns, header.last_row + 1, _FILLED_DOWN)
        expected = max(workbook.estimated_rows(chosen), 1)
        for number, row in enumerate(workbook.rows(chosen), 1):
            if progress is not None and number % 500 == 0 and not progress(number, expected):
                raise InvalidInputError(_("The import was cancelled; nothing was imported."))
            if number < header.first_row:
                top.append(row)
                continue
            if number <= header.last_row:
                continue
            if merged:
                merged.note(number, row)
                row, _filled = merged.fill(number, row)
            if not reader.read_row(number, row):
                break
        return reader.finish(chosen, workbook.sheet_names, _title(top))


def _choose_sheet(
    workbook: Workbook, kind: TableKind, sheet: str | None, header_row: int | None
) -> tuple[str, CatalogueHeader]:
    """The sheet asked for, or the one whose header is surest; and that header."""
    from dxplanner.core.errors import InvalidInputError

    names = workbook.sheet_names
    if sheet is not None and sheet not in names:
        raise InvalidInputError(
            _("{name} has no sheet called “{sheet}”; its sheets are: {sheets}.").format(
                name=workbook.name, sheet=sheet, sheets=", ".join(names)
            )
        )
    best: tuple[str, CatalogueHeader] | None = None
    seen: list[str] = []
    for name in [sheet] if sheet is not None else names:
        try:
            limit = max(HEADER_SCAN_ROWS, (header_row or 0) + 2)
            top = [tuple(row) for row in workbook.rows(name, limit=limit)]
        except SheetTooLargeError:
            continue  # the catalogue may be on another sheet
        if header_row is not None:
            found = header_at(top, header_row, kind)
            found = found if found is not None and is_header(found, kind) else None
        else:
            found = find_header(top, kind, HEADER_SCAN_ROWS)
        if found is not None and (best is None or found.score > best[1].score):
            best = (name, found)
        for row in top:
            headings = [text for value in row if (text := text_of(value)) and field_of(text, kind)]
            if len(headings) > len(seen):
                seen = headings
    if best is None:
        said = ", ".join(f"“{text}”" for text in seen) or _("none")
        needs = (
            _(
                "a column of procedures (“Tên thủ tục hành chính”) and their codes or levels "
                "(“Mã TTHC”, “Mức độ”)"
            )
            if kind is TableKind.PROCEDURES
            else _(
                "a column of systems (“Tên hệ thống”) and their owners, kinds or levels (“Đơn vị chủ quản”)"
            )
        )
        raise InvalidInputError(
            _(
                "No catalogue of this kind was found in {name}: it needs {needs}. Headings seen: {seen}."
            ).format(name=workbook.name, needs=needs, seen=said)
        )
    return best


def _title(rows: list[Row]) -> str | None:
    """The catalogue's title among the rows above its header ("DANH MỤC THỦ TỤC HÀNH CHÍNH …")."""
    for row in rows:
        line = " ".join(text for value in row if (text := text_of(value)))
        if fold(line).startswith(_TITLE_STARTS):
            return line
    return None


def _sentence_case(text: str) -> str:
    """A group's words written in capitals ("ĐẤT ĐAI") as a field is shown ("Đất đai")."""
    return text[:1].upper() + text[1:].lower() if text.isupper() else text


class _Reader:
    """Reads the rows under the header one by one into group rows and records."""

    def __init__(self, kind: TableKind, header: CatalogueHeader) -> None:
        self.kind = kind
        self.header = header
        self.at = {found: column for column, found in header.columns.items()}
        self.texts = frozenset(header.headings.values())
        self.field: str | None = None  # the field the group rows above say
        self.unit: str | None = None  # the unit the group rows above name
        self.services: list[TableService] = []
        self.systems: list[TableSystem] = []
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.seen: dict[tuple[str, str], int] = {}  # (key, unit) -> the first row listing it

    def read_row(self, number: int, row: Row) -> bool:
        """Take one row in; False when the table has ended (signatures, recipients)."""
        texts = [text for value in row if (text := text_of(value))]
        if not texts or column_numbers(row) or all(text in self.texts for text in texts):
            return True  # empty, the columns numbered (1) (2) (3), or the header repeated on a new page
        if len(texts) <= 3 and fold(texts[0]).startswith(_FOOTER_STARTS):
            return False
        if self._is_group(row):
            self._group(text_of(self._cell(row, F.NAME)) or texts[0])
            return True
        if self.kind is TableKind.PROCEDURES:
            self._service(number, row)
        else:
            self._system(number, row)
        return True

    # Group rows.

    def _is_group(self, row: Row) -> bool:
        """A row that numbers no record and says nothing of one beyond its words: a group's heading."""
        number = text_of(self._cell(row, F.NUMBER))
        if number.isdigit() or (self.kind is TableKind.PROCEDURES and text_of(self._cell(row, F.CODE))):
            return False
        beyond = set(self.at) - {F.NUMBER, F.NAME, F.CODE}
        return not any(text_of(self._cell(row, found)) for found in beyond)

    def _group(self, text: str) -> None:
        words_only = _GROUP_NUMBER.sub("", text).strip(" :")
        key = fold(words_only) + " "
        if key.startswith(_FIELD_WORDS):
            parts = words_only.split(None, 2)  # the words after "Lĩnh vực"
            self.field = _sentence_case(parts[2].strip(" :-")) if len(parts) > 2 else None
        elif key.startswith(_UNIT_STARTS):
            self.unit, self.field = words_only, None
        # Any other group ("A. THỦ TỤC CẤP TỈNH") only sorts the list: nothing to keep of it.

    # Records.

    def _service(self, number: int, row: Row) -> None:
        name = without_footnote(text_of(self._cell(row, F.NAME)))
        code = _code_text(self._cell(row, F.CODE))
        if not name:
            self._error(number, F.NAME, _("The procedure has no name."))
            return
        if not code:
            self._error(number, F.CODE, _("The procedure “{name}” has no code (Mã TTHC).").format(name=name))
            return
        item = TableService(row=number, code=code, name=name)
        item.field = _sentence_case(text_of(self._cell(row, F.FIELD))) or self.field
        item.unit = self._unit(number, row) or self.unit
        self._levels(number, row, item)
        item.on_national_portal = self._flag(number, row, F.PORTAL)
        item.online_payment = self._flag(number, row, F.PAYMENT)
        item.online_share = self._share(number, row)
        if self._listed_twice(number, fold(code).replace(" ", ""), item.unit, F.CODE, code):
            return
        self.services.append(item)

    def _levels(self, number: int, row: Row, item: TableService) -> None:
        if F.LEVEL in self.at:
            try:
                item.level_old, item.level = words.service_level(text_of(self._cell(row, F.LEVEL)))
            except UnreadWordError as error:
                self._error(number, F.LEVEL, error.message)
        marks = [
            (found, level)
            for found, level in ((F.FULL_PROCESS, "full"), (F.PARTIAL, "partial"))
            if found in self.at and self._flag(number, row, found)
        ]
        if marks and item.level is None:
            from dxplanner.core.enums import ServiceLevel

            full = marks[0][1] == "full"
            item.level = ServiceLevel.FULL_PROCESS_ONLINE if full else ServiceLevel.PARTIAL_ONLINE
            if len(marks) > 1:
                self._warn(
                    number, F.PARTIAL, _("Marked both “Toàn trình” and “Một phần”: read as “Toàn trình”.")
                )

    def _system(self, number: int, row: Row) -> None:
        name = without_footnote(text_of(self._cell(row, F.NAME)))
        if not name:
            self._error(number, F.NAME, _("The system has no name."))
            return
        item = TableSystem(row=number, name=name, owner=self._unit(number, row) or self.unit)
        item.kind = self._word(number, row, F.SYSTEM_KIND, words.system_kind)
        item.level = self._word(number, row, F.GOVERNMENT_LEVEL, words.government_level)
        item.hosting = self._word(number, row, F.HOSTING, words.hosting)
        item.status = self._word(number, row, F.STATUS, words.status)
        security = self._cell(row, F.SECURITY_LEVEL)
        if text_of(security):
            try:
                item.security_level = words.security_level(security)
            except UnreadWordError as error:
                self._error(number, F.SECURITY_LEVEL, error.message)
        item.security_plan_approved = self._flag(number, row, F.SECURITY_PLAN)
        key = name_key(name)
        if self._listed_twice(number, key, item.owner, F.NAME, name):
            return
        self.systems.append(item)

    def _listed_twice(
        self, number: int, key: str, unit: str | None, found: CatalogueField, text: str
    ) -> bool:
        """Refuse a record the list already holds (the same code, or name, under the same unit)."""
        place = (key, fold(unit or ""))
        first = self.seen.setdefault(place, number)
        if first == number:
            return False
        self._error(number, found, _("“{text}” is listed already on row {row}.").format(text=text, row=first))
        return True

    # Cells.

    def _unit(self, number: int, row: Row) -> str | None:
        named = unit_texts(self._cell(row, F.UNIT))
        if len(named) > 1:
            self._warn(
                number,
                F.UNIT,
                _("“{unit}” is taken as the unit; also named: {others}").format(
                    unit=named[0], others="; ".join(named[1:])
                ),
            )
        return named[0] if named else None

    def _word(
        self, number: int, row: Row, found: CatalogueField, read: Callable[[str], M | None]
    ) -> M | None:
        text = text_of(self._cell(row, found))
        if not text:
            return None
        value = read(text)
        if value is None:
            self._warn(
                number, found, _("“{text}” is not understood here; it was left out.").format(text=text)
            )
        return value

    def _flag(self, number: int, row: Row, found: CatalogueField) -> bool | None:
        """A yes/no column's mark (None when the list has no such column, or the mark is not one)."""
        if found not in self.at:
            return None
        try:
            return words.yes_or_no(self._cell(row, found))
        except UnreadWordError as error:
            self._error(number, found, error.message)
            return None

    def _share(self, number: int, row: Row) -> float | None:
        value = self._cell(row, F.SHARE)
        text = text_of(value)
        if not text:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            share = float(value)
            if 0 < share < 1:
                share = round(share * 100, 6)  # Excel keeps 0.85 for the 85% a cell formatted so shows
        else:
            try:
                share = float(text.rstrip("% ").replace(",", "."))
            except ValueError:
                share = -1.0
        if not 0 <= share <= 100:
            self._error(
                number,
                F.SHARE,
                _("“{text}” is no share of dossiers: write a number from 0 to 100.").format(text=text),
            )
            return None
        return share

    def _cell(self, row: Row, found: CatalogueField) -> object:
        column = self.at.get(found)
        return row[column] if column is not None and column < len(row) else None

    def _problem(self, number: int, found: CatalogueField, message: str) -> Problem:
        column = self.at.get(found)
        return Problem(number, column_letter(column) if column is not None else None, message)

    def _error(self, number: int, found: CatalogueField, message: str) -> None:
        self.errors.append(self._problem(number, found, message))

    def _warn(self, number: int, found: CatalogueField, message: str) -> None:
        self.warnings.append(self._problem(number, found, message))

    def finish(self, sheet: str, sheets: list[str], title: str | None) -> CatalogueTable:
        """The catalogue as read; an empty one is an error."""
        table = CatalogueTable(
            kind=self.kind,
            sheet=sheet,
            sheets=sheets,
            header_rows=(self.header.first_row, self.header.last_row),
            columns=dict(self.header.columns),
            headings=dict(self.header.headings),
            title=title,
            services=self.services,
            systems=self.systems,
            errors=self.errors,
            warnings=self.warnings,
        )
        if not table.rows and not self.errors:
            self.errors.append(
                Problem(self.header.last_row, None, _("The list has nothing under its header."))
            )
        return table


def _code_text(value: object) -> str:
    """A procedure's code as written: "1.001234" typed as a number keeps its six decimals."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.6f}"
    return text_of(value)
