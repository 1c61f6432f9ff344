"""A progress form: what is sent to a unit for one reporting round, and what comes back filled."""

from __future__ import annotations

import datetime
import enum
import hashlib
import hmac
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from dxplanner.core.enums import TaskStatus

# What the hidden sheet's first cell says, so that a form is told from any other workbook.
FORM_MARK = "dxplanner-progress-form"
FORM_VERSION = "1"
# Prefixed to what is hashed, so that a form's checksum is no hash of anything else.
_DOMAIN = b"dxplanner progress form\x00"
_ROMAN_QUARTERS = ("I", "II", "III", "IV")


class FormRole(enum.StrEnum):
    """Whether the unit leads the tasks of its form or cooperates on them."""

    LEAD = "lead"
    COOPERATING = "cooperating"


@dataclass(frozen=True)
class FormTask:
    """One row of a form: a task as the plan holds it when the form goes out."""

    task_id: int
    code: str
    name: str
    start: datetime.date | None
    end: datetime.date | None
    progress: float
    status: TaskStatus


@dataclass(frozen=True)
class FormRound:
    """The round a form belongs to: which plan, as of which day, issued when, due when."""

    plan_id: int
    plan_name: str
    plan_start: datetime.date
    plan_end: datetime.date
    as_of: datetime.date
    deadline: datetime.date
    issued_at: datetime.datetime


@dataclass(frozen=True)
class FormUnit:
    """The unit a form is sent to."""

    unit_id: int
    code: str
    name: str
    short_name: str
    role: FormRole


@dataclass(frozen=True)
class ProgressForm:
    """What one form holds: its round, its unit and that unit's tasks."""

    round: FormRound
    unit: FormUnit
    tasks: tuple[FormTask, ...]


@dataclass(frozen=True)
class FilledRow:
    """What a unit wrote on one task's row (None where it left a cell blank)."""

    task_id: int
    row: int  # the sheet row, to name it in a message
    progress: float | None = None
    status: TaskStatus | None = None
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None
    remark: str | None = None
    difficulty: str | None = None
    proposal: str | None = None

    @property
    def filled(self) -> bool:
        """Whether the unit wrote anything on the row."""
        values = (self.progress, self.status, self.actual_start, self.actual_end)
        texts = (self.remark, self.difficulty, self.proposal)
        return any(value is not None for value in values) or any(texts)


class ProblemKind(enum.StrEnum):
    """What can be wrong with a returned form."""

    NOT_A_FORM = "not_a_form"  # no form's hidden identifiers: any other workbook
    TAMPERED = "tampered"  # the identifiers or the copy of the plan's cells do not match their checksum
    EDITED_ROW = "edited_row"  # a cell the unit was not to fill differs from what was sent
    ADDED_ROW = "added_row"  # something written below or beside the form's table
    BAD_VALUE = "bad_value"  # a fill cell holds what cannot be read (a progress of 150, a date "soon")


@dataclass(frozen=True)
class FormProblem:
    """One thing wrong with a returned form, said in the user's language."""

    kind: ProblemKind
    message: str
    row: int | None = None
    task_id: int | None = None


@dataclass(frozen=True)
class ReturnedForm:
    """A form read back: its round and unit (None when it is no form), the rows, what is wrong."""

    round: FormRound | None
    unit: FormUnit | None
    rows: tuple[FilledRow, ...] = ()
    problems: tuple[FormProblem, ...] = field(default=())
    reporter: str | None = None  # who filled it in, as written under the table
    contact: str | None = None  # their telephone or e-mail

    @property
    def recognised(self) -> bool:
        """Whether it is a form whose identifiers are intact (its rows may still have problems)."""
        bad = {ProblemKind.NOT_A_FORM, ProblemKind.TAMPERED}
        return self.round is not None and not any(problem.kind in bad for problem in self.problems)


def reporting_period(as_of: datetime.date) -> str:
    """The quarter a reporting day falls in, as Vietnamese documents write it ("Quý IV năm 2026")."""
    return f"Quý {_ROMAN_QUARTERS[(as_of.month - 1) // 3]} năm {as_of.year}"


def form_checksum(fields: Sequence[Sequence[str]], key: bytes | None = None) -> str:
    """The checksum of a form's identifiers and plan cells, as text, in the order they are written.

    With a key (a plan's secret) it is an HMAC that only the plan's holder can make; without one, a
    SHA-256 that tells any change made by hand or by another program, but not a forgery made by
    someone who knows how it is computed.
    """
    # Empty cells at a row's end are left out: a spreadsheet program may keep or drop them.
    rows = [_trimmed(list(row)) for row in fields]
    payload = _DOMAIN + json.dumps(rows, ensure_ascii=False).encode("utf-8")
    if key is not None:
        return hmac.new(key, payload, hashlib.sha256).hexdigest()
    return hashlib.sha256(payload).hexdigest()


def _trimmed(row: list[str]) -> list[str]:
    while row and not row[-1]:
        row.pop()
    return row
