"""Checks that a data workbook's records fit together before any is written: values, ids and links."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import SQLModel

from dxplanner.core.errors import InvalidInputError
from dxplanner.excel.data_writer import Records
from dxplanner.i18n import _


def check_records(tables: Mapping[str, Records]) -> None:
    """Refuse, naming the sheet, row and column, an empty required cell, an id twice or a broken link.

    A restore goes into an empty file, so every link must point at a record of the workbook.
    """
    for name, records in tables.items():
        _check_filled(name, records)
    keys = {name: _keys(name, records) for name, records in tables.items()}
    for name, records in tables.items():
        _check_links(name, records, tables, keys)


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
