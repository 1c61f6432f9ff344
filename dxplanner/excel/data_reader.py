"""Reading our data workbook back: every sheet's records, typed by the tables they belong to."""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from dxplanner.collector import collector_paused
from dxplanner.core import models as _models  # noqa: F401  (the tables must be defined)
from dxplanner.core.errors import InvalidInputError
from dxplanner.excel.calamine_rows import MAX_BLOCK_CELLS
from dxplanner.excel.cell_text import unescaped
from dxplanner.excel.data_checks import check_records
from dxplanner.excel.data_sheets import (
    ADDED_IN,
    DATA_SHEET_CELLS,
    DATA_SHEETS,
    FORMAT_VERSION,
    LONG_TEXT_SHEET,
    MARKER_SHEET,
    MARKER_TITLE,
    SHEET_ROWS,
)
from dxplanner.excel.data_sheets import is_data_workbook as is_data_workbook  # told by its sheets alone
from dxplanner.excel.data_writer import Progress, Records
from dxplanner.excel.workbook import Row, open_workbook
from dxplanner.i18n import _

Convert = Callable[[object], object]


def read_data_workbook(path: Path, progress: Progress | None = None) -> dict[str, Records]:
    """Every table's records as the workbook holds them; InvalidInputError names the first bad cell.

    progress(rows read, rows in all) is told as it goes; when it answers False the reading stops.
    """
    # A data workbook holds a whole plan file: its sheets may be as long as Excel's, and calamine
    # reads one of 300,000 rows at once (about 300 MB at most; openpyxl took 20 s for 200,000).
    limits = (SHEET_ROWS, DATA_SHEET_CELLS)
    block = 3 * MAX_BLOCK_CELLS
    with (
        collector_paused(),
        open_workbook(path, limits=limits, block_cells=block) as workbook,
    ):
        names = set(workbook.sheet_names)
        if MARKER_SHEET not in names:
            raise InvalidInputError(
                _(
                    "{name} looks like a dxplanner data workbook, but its sheet “{sheet}” is missing, "
                    "so it cannot be restored. Export the plan file again."
                ).format(name=path.name, sheet=MARKER_SHEET)
            )
        marker = _check_marker([tuple(row) for row in workbook.rows(MARKER_SHEET, limit=6)], path.name)
        # A workbook of an earlier format has no sheets of the tables added since: those stay empty.
        expected = [
            (table, sheet) for table, sheet in DATA_SHEETS if ADDED_IN.get(sheet, 1) <= marker["format"]
        ]
        missing = [sheet for _table, sheet in expected if sheet not in names]
        if missing:
            raise InvalidInputError(
                _(
                    "{name} cannot be restored whole: these sheets of a dxplanner data workbook "
                    "are missing (renamed or deleted?): {sheets}."
                ).format(name=path.name, sheets=", ".join(f"“{sheet}”" for sheet in missing))
            )
        long_texts = _long_texts(workbook, names, marker.get("long_texts"), path.name)
        counter = _RowCounter(progress, sum(workbook.estimated_rows(sheet) for _table, sheet in expected))
        tables: dict[str, Records] = {}
        for table_name, sheet in expected:
            tables[table_name] = _read_sheet(
                counter.counted(workbook.rows(sheet)), table_name, sheet, long_texts
            )
    left = sorted(long_texts)
    if left:
        sheet, record, column = left[0]
        raise InvalidInputError(
            _(
                "The sheet “{long}” goes on a text of record {record}, column {column} on the sheet "
                "“{sheet}”, which has no such record: a row was deleted or its id changed."
            ).format(long=LONG_TEXT_SHEET, record=record, column=column, sheet=sheet)
        )
    check_records(tables)
    return tables


class _RowCounter:
    """Passes rows on, telling progress every block of them and stopping when it says so."""

    BLOCK = 512

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self._total = total
        self._done = 0

    def counted(self, rows: Iterator[Row]) -> Iterator[Row]:
        for row in rows:
            self._done += 1
            progress = self._progress if self._done % self.BLOCK == 0 else None
            if progress is not None and not progress(self._done, max(self._total, self._done)):
                raise InvalidInputError(_("The import was cancelled; nothing was imported."))
            yield row


def _check_marker(rows: list[tuple[Any, ...]], name: str) -> dict[Any, Any]:
    """The marker sheet's values (format, schema, long_texts); refuses a workbook that is not ours."""
    values = {row[0]: row[1] for row in rows[1:] if len(row) > 1}
    if not rows or rows[0][0] != MARKER_TITLE or not isinstance(values.get("format"), int):
        raise InvalidInputError(
            _("{name} has a sheet called “{sheet}” but is not a dxplanner data workbook.").format(
                name=name, sheet=MARKER_SHEET
            )
        )
    if values["format"] > FORMAT_VERSION:
        raise InvalidInputError(
            _("{name} was written by a newer dxplanner; update dxplanner to import it.").format(name=name)
        )
    return values


LongTexts = dict[tuple[str, Any, str], list[tuple[int, str]]]


def _long_texts(workbook: Any, names: set[str], expected: object, name: str) -> LongTexts:
    """The pieces of long texts by (sheet, record id, column); all the export wrote, or a refusal."""
    pieces: LongTexts = {}
    found = 0
    if LONG_TEXT_SHEET in names:
        for number, row in enumerate(workbook.rows(LONG_TEXT_SHEET), 1):
            if number == 1 or not any(value is not None for value in row):
                continue
            sheet, record, column, piece, text = (tuple(row) + (None,) * 5)[:5]
            if not isinstance(piece, int):
                raise _bad_cell(LONG_TEXT_SHEET, number, "piece", piece, _("a whole number"))
            pieces.setdefault((str(sheet), record, str(column)), []).append(
                (piece, "" if text is None else unescaped(str(text)))
            )
            found += 1
    if isinstance(expected, int) and found != expected:
        raise InvalidInputError(
            _(
                "{name} cannot be restored whole: the sheet “{sheet}” should hold {expected} pieces of "
                "long texts and holds {found} (rows deleted, or the sheet?)."
            ).format(name=name, sheet=LONG_TEXT_SHEET, expected=expected, found=found)
        )
    return pieces


def _read_sheet(rows: Any, table_name: str, sheet: str, long_texts: LongTexts) -> Records:
    """The sheet's records, by the headings of its columns wherever they stand (a blank column is skipped).

    Pieces of long texts found here are taken out of long_texts; those left over belong to no record.
    """
    table = SQLModel.metadata.tables[table_name]
    iterator = iter(rows)
    heading = next(iterator, ())
    placed = [(index, str(value)) for index, value in enumerate(heading) if value is not None]
    columns = [column for _index, column in placed]
    # Headings we do not know first (the heading row deleted, a column added), then one twice, then gaps.
    unknown = [column for column in columns if column not in table.c]
    twice = sorted({column for column in columns if columns.count(column) > 1})
    # A column added to the schema after the workbook was written (a newer field, with nothing
    # or a default to hold) is filled in; one the records cannot do without is missing.
    absent = [column for column in table.columns if column.name not in columns]
    filled_in = [column for column in absent if column.nullable or _added_value(column) is not None]
    missing = [column.name for column in absent if column not in filled_in]
    if twice and not unknown:
        raise InvalidInputError(
            _("The sheet “{sheet}” has the column {columns} more than once.").format(
                sheet=sheet, columns=", ".join(twice)
            )
        )
    if unknown or missing:
        raise InvalidInputError(
            _("The sheet “{sheet}” does not have the columns of {table}: {columns}.").format(
                sheet=sheet, table=table_name, columns=", ".join(unknown or missing)
            )
        )
    converters = [_converter(table.c[column]) for column in columns]
    # An empty cell in a column that must hold a value holds its default ("" for a blank unit of measure).
    defaults = [_default(table.c[column]) for column in columns]
    positions = [index for index, _column in placed]
    key = columns.index("id") if "id" in columns else None
    added = tuple(_added_value(column) for column in filled_in)
    read: list[tuple[Any, ...]] = []
    numbers: list[int] = []
    for number, row in enumerate(iterator, 2):
        values = [row[index] if index < len(row) else None for index in positions]
        if all(value is None for value in values):
            continue
        numbers.append(number)
        record = values[key] if key is not None else number
        converted = []
        for column, convert, default, value in zip(columns, converters, defaults, values, strict=True):
            if isinstance(value, str):
                value = unescaped(value)  # each piece on its own: an escape never spans two cells
            if long_texts and (sheet, record, column) in long_texts:
                value = str(value or "") + "".join(
                    text for _piece, text in sorted(long_texts.pop((sheet, record, column)))
                )
            try:
                converted.append(default if value is None else convert(value))
            except (ValueError, TypeError, OverflowError):
                raise _bad_cell(sheet, number, column, value, _expected(table.c[column])) from None
        read.append((*converted, *added))
    return Records([*columns, *(column.name for column in filled_in)], read, sheet, numbers)


def _default(column: sa.Column[Any]) -> object:
    """What an empty cell of a column holds: nothing, or for a text that must be there, its default."""
    if column.nullable or isinstance(column.type, sa.Enum) or column.default is None:
        return None  # an empty status or kind is a mistake to name, not a default to guess
    value = getattr(column.default, "arg", None)
    return value if isinstance(value, str) else None


def _added_value(column: sa.Column[Any]) -> object:
    """What a column the workbook's format did not have yet holds: its default, a status or kind too
    (there is no cell to have left empty by mistake)."""
    if column.nullable:
        return None
    server = getattr(column.server_default, "arg", None)
    if isinstance(server, str):
        return _converter(column)(server)
    return _default(column)


def _converter(column: sa.Column[Any]) -> Convert:
    kind = column.type
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        members: type[enum.Enum] = kind.enum_class
        return lambda value: members(str(value))
    if isinstance(kind, sa.Date):
        return _date
    if isinstance(kind, sa.Boolean):
        return _flag
    if isinstance(kind, sa.Integer):
        return _whole
    if isinstance(kind, sa.Float):
        return _number
    return str


def _date(value: object) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return datetime.datetime.strptime(value.strip(), "%d/%m/%Y").date()
    raise ValueError(value)


def _flag(value: object) -> bool:
    # Excel holds TRUE and FALSE; a 1 or 0 typed in their place means the same.
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    raise ValueError(value)


def _whole(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(value)
    whole: int = int(value)  # type: ignore[call-overload]
    if not -(2**63) <= whole < 2**63:  # more than the file's whole numbers hold
        raise ValueError(value)
    return whole


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(value)
    number = float(value)
    if not math.isfinite(number):  # "nan" and "inf" parse, but are no amount or percentage
        raise ValueError(value)
    return number


def _expected(column: sa.Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, sa.Enum):
        return _("one of: {values}").format(values=", ".join(kind.enums))
    if isinstance(kind, sa.Date):
        return _("a date")
    if isinstance(kind, sa.Boolean):
        return _("TRUE or FALSE")
    if isinstance(kind, sa.Integer):
        return _("a whole number")
    return _("a number")


def _bad_cell(sheet: str, row: int, column: str, value: object, expected: str) -> InvalidInputError:
    return InvalidInputError(
        _("Sheet “{sheet}”, row {row}, column {column}: “{value}” is not {expected}.").format(
            sheet=sheet, row=row, column=column, value=value, expected=expected
        )
    )
