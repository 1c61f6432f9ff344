"""A plan table read from a spreadsheet, as plain data: its tasks, the columns found, and what went wrong."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field

from dxplanner.core.enums import FundingSource, TaskKind


class TableField(enum.StrEnum):
    """What a column of a plan table holds."""

    NUMBER = "number"
    SUB_NUMBER = "sub_number"  # a second numbering column ("Chi tiết": a, b, c under "TT": 1, 2, 3)
    CODE = "code"  # a task's code ("Mã nhiệm vụ": KH26_TT_N01.1), nested by extending its parent's
    NAME = "name"
    LEAD_UNIT = "lead_unit"
    COOPERATING = "cooperating_units"
    TIMELINE = "timeline"
    START = "start"
    END = "end"
    PRODUCT = "product"
    BUDGET = "budget"
    CENTRAL_BUDGET = "central_budget"
    LOCAL_BUDGET = "local_budget"
    ODA = "oda"
    ENTERPRISE = "enterprise"
    OTHER_FUNDS = "other_funds"
    SOURCE = "source"
    PROGRESS = "progress"
    NOTES = "notes"


# The columns that give money from one funding source each.
SOURCE_COLUMNS = {
    TableField.CENTRAL_BUDGET: FundingSource.CENTRAL_BUDGET,
    TableField.LOCAL_BUDGET: FundingSource.LOCAL_BUDGET,
    TableField.ODA: FundingSource.ODA,
    TableField.ENTERPRISE: FundingSource.ENTERPRISE,
    TableField.OTHER_FUNDS: FundingSource.OTHER,
}


@dataclass(frozen=True)
class Problem:
    """Something in the table that could not be read (an error) or was read with a doubt (a warning)."""

    row: int | None
    column: str | None  # the column's letter, as the spreadsheet shows it
    message: str


@dataclass(frozen=True)
class Amount:
    """Money from one source, in đồng, for one year when the table splits its budget by year."""

    source: FundingSource
    amount: int
    year: int | None = None  # None: the year the task starts


@dataclass
class TableTask:
    """A task (or group) as the table states it, with the row it came from."""

    row: int
    code: str | None
    name: str
    kind: TaskKind = TaskKind.TASK
    level: int = 0
    parent_row: int | None = None
    parent_code: str | None = None
    lead_unit: str | None = None
    cooperating_units: list[str] = field(default_factory=list)
    start: datetime.date | None = None
    end: datetime.date | None = None
    timeline_text: str | None = None
    product: str | None = None
    notes: str | None = None
    progress: float | None = None
    budget: list[Amount] = field(default_factory=list)
    responsible_person: str | None = None  # a person named where a unit was expected ("đ/c Minh")
    # Every guess the reading made on this row, in the user's words ("joined with row 12",
    # "lead unit filled down from row 8", "'Chủ trì:' trimmed"), so the preview can show it.
    guesses: list[str] = field(default_factory=list)


class MatchKind(enum.StrEnum):
    """How a unit named in the table was found among the file's units."""

    EXACT = "exact"
    ABBREVIATION = "abbreviation"
    FUZZY = "fuzzy"
    NEW = "new"


@dataclass(frozen=True)
class UnitMatch:
    """A unit as the table names it, and the file's unit it is taken to be (None: a new unit)."""

    text: str
    unit_id: int | None
    how: MatchKind
    score: float = 100.0
    unit_name: str | None = None
    candidates: tuple[int, ...] = ()  # the units the text could mean, when it names several

    @property
    def ambiguous(self) -> bool:
        """Whether several of the file's units go by this name (the user must choose)."""
        return len(self.candidates) > 1


@dataclass
class PlanTable:
    """Everything read from one sheet; nothing is written anywhere by reading it."""

    sheet: str
    sheets: list[str]
    header_rows: tuple[int, int]
    columns: dict[int, TableField]  # 0-based column index -> what it holds
    headings: dict[int, str]  # 0-based column index -> the heading as written
    money_factor: int
    title: str | None
    agency: str | None
    tasks: list[TableTask] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    units: dict[str, UnitMatch] = field(default_factory=dict)
    owner: UnitMatch | None = None  # the agency named at the table's top, matched like the units
    plan_date: datetime.date | None = None  # what deadlines "kể từ ngày ban hành Kế hoạch" count from

    def as_json(self) -> dict[str, object]:
        """The table as the command line prints it: tasks, errors, warnings and a summary."""
        groups = sum(task.kind is TaskKind.GROUP for task in self.tasks)
        return {
            "tasks": [_task_json(task) for task in self.tasks],
            "errors": [_problem_json(problem) for problem in self.errors],
            "warnings": [_problem_json(problem) for problem in self.warnings],
            "summary": {
                "sheet": self.sheet,
                "sheets": self.sheets,
                "header_rows": list(self.header_rows),
                "columns": {
                    column_letter(column): found.value for column, found in sorted(self.columns.items())
                },
                "title": self.title,
                "agency": self.agency,
                "money_factor": self.money_factor,
                "tasks": len(self.tasks) - groups,
                "groups": groups,
                "budget": sum(amount.amount for task in self.tasks for amount in task.budget),
                "units": {
                    text: {
                        "unit_id": match.unit_id,
                        "unit": match.unit_name,
                        "match": match.how.value,
                        "score": round(match.score, 1),
                    }
                    for text, match in self.units.items()
                },
                "new_units": sum(match.unit_id is None for match in self.units.values()),
                "owner": None
                if self.owner is None
                else {"text": self.owner.text, "unit_id": self.owner.unit_id, "match": self.owner.how.value},
            },
        }

    def unit_texts(self) -> list[str]:
        """Every unit text the tasks name, in the order first named."""
        seen: dict[str, None] = {}
        for task in self.tasks:
            for text in (task.lead_unit, *task.cooperating_units):
                if text:
                    seen.setdefault(text, None)
        return list(seen)


def column_letter(column: int) -> str:
    """A 0-based column index as the spreadsheet's letters (0 -> A, 26 -> AA)."""
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _task_json(task: TableTask) -> dict[str, object]:
    return {
        "row": task.row,
        "code": task.code,
        "name": task.name,
        "kind": task.kind.value,
        "parent_code": task.parent_code,
        "level": task.level,
        "lead_unit": task.lead_unit,
        "cooperating_units": list(task.cooperating_units),
        "start": _iso(task.start),
        "end": _iso(task.end),
        "timeline_text": task.timeline_text,
        "product": task.product,
        "notes": task.notes,
        "budget": [_amount_json(amount) for amount in task.budget],
        "responsible_person": task.responsible_person,
        "guesses": list(task.guesses),
    }


def _amount_json(amount: Amount) -> dict[str, object]:
    said: dict[str, object] = {"source": amount.source.value, "amount": amount.amount}
    if amount.year is not None:
        said["year"] = amount.year  # only for a budget the table splits by year
    return said


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"row": problem.row, "column": problem.column, "message": problem.message}
