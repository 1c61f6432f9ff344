"""The ministry progress report: which plans it can be on, its data as of a day, and its workbook."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.errors import DomainError
from dxplanner.core.report import ReportData
from dxplanner.i18n import speaking
from dxplanner.services.open_plan import OpenPlan

# (done, expected) -> go on?
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class PlanChoice:
    """An action plan a report can be on."""

    id: int
    name: str
    start: datetime.date
    end: datetime.date


@dataclass(frozen=True)
class ReportChoice:
    """What the report is about and how it is written."""

    plan_id: int | None  # None: the plan running on as_of, else the latest
    as_of: datetime.date
    language: str = "vi"
    by_unit: bool = False


@dataclass(frozen=True)
class WrittenReport:
    """A report written: where, on which plan, and what the writing had to change (in the user's words)."""

    path: Path
    plan_name: str
    as_of: datetime.date
    notes: tuple[str, ...]


def report_plans(plan: OpenPlan) -> list[PlanChoice]:
    """Every action plan, strategy by strategy, then those of no strategy."""
    from dxplanner.store import queries

    with plan.read() as read:
        strategies = [strategy.id for strategy in queries.strategies(read)]
        return [
            PlanChoice(int(found.id), found.name, found.start, found.end)
            for strategy_id in [*strategies, None]
            for found in queries.plans(read, strategy_id)
            if found.id is not None
        ]


def running_choice(choices: list[PlanChoice], today: datetime.date) -> PlanChoice | None:
    """The plan to offer first: the last one running today (None when none is)."""
    running = [choice for choice in choices if choice.start <= today <= choice.end]
    return running[-1] if running else None


def chosen_plan(plan: OpenPlan, plan_id: int | None, as_of: datetime.date) -> int:
    """The id of the plan a report on as_of is about (NotFoundError when there is none)."""
    from dxplanner.store import report_data

    return report_data.chosen_plan(plan, plan_id, as_of)


def read_report(plan: OpenPlan, choice: ReportChoice, today: datetime.date) -> ReportData:
    """The report's data, with the names in it (statuses, funding sources) in the report's language.

    A refusal is said in the user's language, not the report's.
    """
    from dxplanner.store.report_data import read_report as read_data

    plan_id = chosen_plan(plan, choice.plan_id, choice.as_of)  # what can be wrong, said in the user's words
    try:
        with speaking(choice.language):
            return read_data(plan, plan_id, choice.as_of, today)
    except DomainError as error:
        # Reading again in the user's language says it in theirs; a failure that went away
        # meanwhile (the file was busy) is said as it was.
        read_data(plan, plan_id, choice.as_of, today)
        raise error from None


def write_report(
    plan: OpenPlan,
    choice: ReportChoice,
    path: Path,
    today: datetime.date,
    progress: Progress | None = None,
) -> WrittenReport:
    """Read the report on the plan chosen and write it to path in the language chosen."""
    from dxplanner.excel.report_writer import write_progress_report

    data = read_report(plan, choice, today)
    notes = write_progress_report(
        path, data, by_unit=choice.by_unit, progress=progress, language=choice.language
    )
    return WrittenReport(path, data.plan_name, choice.as_of, tuple(notes))
