"""A table of indicators read from a spreadsheet, as plain data: its groups, indicators and targets."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from dxplanner.core.enums import Comparison, Direction
from dxplanner.core.enums import TableKind as TableKind  # its home was here: the readers import it from here
from dxplanner.core.plan_table import Problem, UnitMatch, column_letter
from dxplanner.core.target_text import number_text, written


class IndicatorField(enum.StrEnum):
    """What a column of an indicator table holds."""

    NUMBER = "number"
    CODE = "code"
    NAME = "name"
    MEASURE_UNIT = "measure_unit"
    TARGET = "target"
    RESULT = "result"
    LEAD_UNIT = "lead_unit"
    NOTES = "notes"


@dataclass(frozen=True)
class TableTarget:
    """One target as the table writes it, for a year: a number (or a range) with a comparison and a
    scope, or words."""

    year: int
    text: str  # as written in the cell
    value: float | None = None
    comparison: Comparison | None = None
    scope: str | None = None
    upper: float | None = None  # the high figure of a range ("40 - 50"); value is then the low one
    note: str | None = None  # words after the figure ("và tăng dần …"), kept with it

    def said(self, number: Callable[[float], str] = number_text) -> str:
        """The target as it will be shown: "≥ 40", "40 – 50", "≥ 3 và tăng dần", or its words."""
        words = self.text if self.value is None else self.note
        return written(self.value, self.comparison, self.scope, words, number, upper=self.upper)

    def bounds(self) -> list[tuple[float | None, Comparison | None]]:
        """Its figures with their comparisons: a range is at least its low figure and at most its high one."""
        if self.upper is None:
            return [(self.value, self.comparison)]
        return [(self.value, Comparison.AT_LEAST), (self.upper, Comparison.AT_MOST)]


@dataclass(frozen=True)
class TableResult:
    """A value the table reports as reached ("Kết quả"), for a year."""

    year: int
    value: float


@dataclass
class TableGoal:
    """A group row ("I. CHÍNH QUYỀN SỐ", "Đến năm 2030"): a goal of the strategy that holds indicators."""

    row: int
    code: str | None
    name: str
    parent_row: int | None = None
    year: int | None = None  # the year the group names ("Đến năm 2030"), for targets under it


@dataclass
class TableIndicator:
    """An indicator as the table states it, with the row it came from."""

    row: int
    code: str | None
    name: str
    group_row: int | None = None
    group: str | None = None  # the name of the group it is under
    measure_unit: str = ""
    lead_unit: str | None = None
    targets: list[TableTarget] = field(default_factory=list)
    results: list[TableResult] = field(default_factory=list)
    notes: str | None = None
    direction: Direction = Direction.INCREASE  # lower is better when its targets are upper limits
    # Every guess the reading made on the row, in the user's words, for the preview.
    guesses: list[str] = field(default_factory=list)


@dataclass
class IndicatorTable:
    """Everything read from one sheet of indicators; nothing is written anywhere by reading it."""

    sheet: str
    sheets: list[str]
    header_rows: tuple[int, int]
    columns: dict[int, IndicatorField]
    headings: dict[int, str]
    title: str | None
    agency: str | None
    goals: list[TableGoal] = field(default_factory=list)
    indicators: list[TableIndicator] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    units: dict[str, UnitMatch] = field(default_factory=dict)
    owner: UnitMatch | None = None
    kind: TableKind = TableKind.INDICATORS

    def as_json(self) -> dict[str, object]:
        """The table as the command line prints it: indicators, groups, errors, warnings and a summary."""
        years = sorted({target.year for item in self.indicators for target in item.targets})
        return {
            "indicators": [_indicator_json(item) for item in self.indicators],
            "groups": [
                {
                    "row": goal.row,
                    "code": goal.code,
                    "name": goal.name,
                    "parent_row": goal.parent_row,
                    "year": goal.year,
                }
                for goal in self.goals
            ],
            "errors": [_problem_json(problem) for problem in self.errors],
            "warnings": [_problem_json(problem) for problem in self.warnings],
            "summary": {
                "kind": self.kind.value,
                "sheet": self.sheet,
                "sheets": self.sheets,
                "header_rows": list(self.header_rows),
                "columns": {
                    column_letter(column): found.value for column, found in sorted(self.columns.items())
                },
                "title": self.title,
                "agency": self.agency,
                "indicators": len(self.indicators),
                "groups": len(self.goals),
                "targets": sum(len(item.targets) for item in self.indicators),
                "targets_in_words": sum(
                    target.value is None for item in self.indicators for target in item.targets
                ),
                "years": years,
                "units": {
                    text: {"unit_id": match.unit_id, "unit": match.unit_name, "match": match.how.value}
                    for text, match in self.units.items()
                },
                "new_units": sum(match.unit_id is None for match in self.units.values()),
            },
        }

    def unit_texts(self) -> list[str]:
        """Every unit the indicators name as their lead, in the order first named."""
        return list(dict.fromkeys(item.lead_unit for item in self.indicators if item.lead_unit))


def _indicator_json(item: TableIndicator) -> dict[str, object]:
    return {
        "row": item.row,
        "code": item.code,
        "name": item.name,
        "group": item.group,
        "measure_unit": item.measure_unit,
        "lead_unit": item.lead_unit,
        "direction": item.direction.value,
        # A range is listed as its two bounds, each a target a script can hold a value against.
        "targets": [
            {
                "year": target.year,
                "text": target.text,
                "value": value,
                "comparison": None if comparison is None else comparison.value,
                "scope": target.scope,
            }
            for target in item.targets
            for value, comparison in target.bounds()
        ],
        "results": [{"year": result.year, "value": result.value} for result in item.results],
        "guesses": list(item.guesses),
    }


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"row": problem.row, "column": problem.column, "message": problem.message}
