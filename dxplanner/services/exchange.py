"""A whole plan file through Excel: export the data workbook, read one back, restore its records."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from dxplanner.excel.data_writer import Records, WriteNote
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.changes import Changes

# (done, expected) -> go on? Both front ends hand one in: a terminal line, a progress dialog.
Progress = Callable[[int, int], bool]

__all__ = [
    "DataWorkbook",
    "Exported",
    "Progress",
    "Records",
    "WriteNote",
    "export_data",
    "is_data_workbook",
    "read_data_workbook",
    "restore_data",
]


@dataclass(frozen=True)
class Exported:
    """What an export wrote: how many records, and what the writing had to change (said to the user)."""

    path: Path
    records: int
    notes: tuple[WriteNote, ...]


@dataclass(frozen=True)
class DataWorkbook:
    """The records a data workbook holds, by table, each knowing the sheet row it came from."""

    path: Path
    tables: Mapping[str, Records]

    def counts(self) -> dict[str, int]:
        """How many records each table holds."""
        return {name: len(found.rows) for name, found in self.tables.items()}

    def records(self) -> int:
        """How many records in all."""
        return sum(self.counts().values())


def export_data(plan: OpenPlan, path: Path, progress: Progress | None = None) -> Exported:
    """Write every record of the plan to a workbook that imports back whole."""
    from dxplanner.excel.data_writer import write_data_workbook
    from dxplanner.store.operations.whole_file import all_records

    records, revision = all_records(plan)
    tables = {name: Records(*pair) for name, pair in records.items()}
    notes = write_data_workbook(path, tables, revision, progress)
    return Exported(path, sum(len(rows) for _columns, rows in records.values()), tuple(notes))


def is_data_workbook(path: Path) -> bool:
    """Whether the workbook is one an export wrote (by its sheets; DomainError when it is no workbook)."""
    from dxplanner.excel import data_reader

    return data_reader.is_data_workbook(path)


def read_data_workbook(path: Path, progress: Progress | None = None) -> DataWorkbook:
    """Every table's records as the workbook holds them; InvalidInputError names the first bad cell."""
    from dxplanner.excel import data_reader

    return DataWorkbook(path, data_reader.read_data_workbook(path, progress))


def restore_data(plan: OpenPlan, workbook: DataWorkbook) -> Changes:
    """Write the workbook's records back with their own ids into a plan that holds none yet."""
    from dxplanner.store.operations.whole_file import restore_records

    tables = workbook.tables
    return restore_records(
        plan,
        {name: (found.columns, found.rows) for name, found in tables.items()},
        lambda table, index: tables[table].where(index),
    )
