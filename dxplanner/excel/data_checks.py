"""Checks that a data workbook's records fit together before any is written: values, ids and links."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.links import LAG_LIMIT_DAYS
from dxplanner.core.rules import YEAR_MAX, YEAR_MIN
from dxplanner.excel.data_writer import Records
from dxplanner.i18n import _


def check_records(tables: Mapping[str, Records]) -> None:
    """Refuse, naming the sheet, row and column, an empty required cell, an id twice or a broken link.

    A restore goes into an empty file, so every link must point at a record of the workbook.
    """
    for name, records in tables.items():
        _check_filled(name, records)
        _check_ranges(name, records)
    keys = {name: _keys(name, records) for name, records in tables.items()}
    for name, records in tables.items():
        _check_links(name, records, tables, keys)
        _check_no_cycle(name, records)


def _check_filled(name: str, records: Records) -> None:
    table = SQLModel.metadata.tables[name]
    index_of = {column: index for index, column in enumerate(records.columns)}
    required = [column.name for column in table.columns if not column.nullable]
    for number, row in enumerate(records.rows):
        for column in required:
            if row[index_of[column]] is None:
                raise InvalidInputError(
                    _("{where}, column {column} is empty, but it needs a value.").format(
                        where=records.where(number), column=column
                    )
                )


def _check_links(
    name: str, records: Records, tables: Mapping[str, Records], keys: Mapping[str, dict[str, set[Any]]]
) -> None:
    table = SQLModel.metadata.tables[name]
    index_of = {column: index for index, column in enumerate(records.columns)}
    links = [
        (index_of[column.name], column.name, key.column.table.name, key.column.name)
        for column in table.columns
        for key in column.foreign_keys
    ]
    for index, column, target_table, target_column in links:
        known = keys.get(target_table, {}).get(target_column, set())
        for number, row in enumerate(records.rows):
            value = row[index]
            if value is not None and value not in known:
                raise InvalidInputError(
                    _("{where}, column {column}: there is no record {value} on the sheet “{sheet}”.").format(
                        where=records.where(number),
                        column=column,
                        value=value,
                        sheet=tables[target_table].sheet if target_table in tables else target_table,
                    )
                )


def _keys(name: str, records: Records) -> dict[str, set[Any]]:
    """The values of the table's key column (refusing one that stands twice), for links to check."""
    table = SQLModel.metadata.tables[name]
    key = [column.name for column in table.primary_key.columns]
    indexes = [list(records.columns).index(column) for column in key]
    seen: dict[tuple[Any, ...], int] = {}
    for number, row in enumerate(records.rows):
        value = tuple(row[index] for index in indexes)
        if value in seen:
            raise InvalidInputError(
                _("{where}: the record {value} is there twice (also at row {row}).").format(
                    where=records.where(number),
                    value=" / ".join(str(part) for part in value),
                    row=records.row_numbers[seen[value]] if records.row_numbers else seen[value] + 2,
                )
            )
        seen[value] = number
    return {key[0]: {value[0] for value in seen}} if len(key) == 1 else {}


def _check_ranges(name: str, records: Records) -> None:
    """Dates within the years a plan holds, and lags within the app's limit, as the app's own forms check."""
    table = SQLModel.metadata.tables[name]
    for index, column in enumerate(records.columns):
        dated = isinstance(table.c[column].type, sa.Date)
        if not dated and column != "lag_days":
            continue
        for number, row in enumerate(records.rows):
            value = row[index]
            if value is None:
                continue
            if dated and not YEAR_MIN <= value.year <= YEAR_MAX:
                problem = _("the date {day} is outside the years a plan can hold ({first}–{last})").format(
                    day=value.strftime("%d/%m/%Y"), first=YEAR_MIN, last=YEAR_MAX
                )
            elif not dated and abs(value) > LAG_LIMIT_DAYS:
                problem = _("a lag of {days} days is more than {limit}").format(
                    days=value, limit=LAG_LIMIT_DAYS
                )
            else:
                continue
            raise InvalidInputError(
                _("{where}, column {column}: {problem}.").format(
                    where=records.where(number), column=column, problem=problem
                )
            )


def _check_no_cycle(name: str, records: Records) -> None:
    """A record may not be its own ancestor (task 2 under 3 under 2), nor a system run on itself
    through others (a data centre in a cloud in that data centre): the tree or the map would lose them."""
    if "id" not in records.columns:
        return
    for column in ("parent_id", "hosted_on_id"):
        if column in records.columns:
            _check_chain(records, column)


def _check_chain(records: Records, column: str) -> None:
    ids, parents = list(records.columns).index("id"), list(records.columns).index(column)
    parent_of = {row[ids]: row[parents] for row in records.rows}
    index_of = {row[ids]: number for number, row in enumerate(records.rows)}
    settled: set[Any] = set()
    for start in parent_of:
        path: list[Any] = []
        current = start
        while current is not None and current not in settled:
            if current in path:
                chain = " → ".join(str(step) for step in [*path[path.index(current) :], current])
                where = records.where(index_of[current])
                if column == "parent_id":
                    message = _("{where}, column parent_id: the record is under itself (through {chain}).")
                else:
                    message = _("{where}, column hosted_on_id: the system runs on itself (through {chain}).")
                raise InvalidInputError(message.format(where=where, chain=chain))
            path.append(current)
            current = parent_of.get(current)
        settled.update(path)
