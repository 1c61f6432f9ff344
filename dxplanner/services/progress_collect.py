"""Collecting returned progress forms: a preview that accepts or refuses each form, and its apply."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from dxplanner.core.enums import TaskStatus
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.form_collect import ReceiptToWrite, ReportToWrite
from dxplanner.core.progress_form import FilledRow, FormRole, ProblemKind, ReturnedForm
from dxplanner.core.progress_status import status_after_progress
from dxplanner.i18n import _
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.changes import Changes
from dxplanner.store.form_rounds import FormsState, SentRound, TaskNow, forms_state

# A row of the preview: (the form's place in the preview, the task's id).
RowKey = tuple[int, int]


class Refusal(enum.StrEnum):
    """Why a returned form is not collected."""

    NOT_A_FORM = "not_a_form"
    OTHER_PLAN = "other_plan"
    OTHER_FILE = "other_file"
    OLDER_ROUND = "older_round"
    TAMPERED = "tampered"
    COLLECTED = "collected"


@dataclass(frozen=True)
class RowPreview:
    """What a form says of one task, what would be written, and why it might not be."""

    task_id: int
    code: str
    name: str
    report: ReportToWrite | None  # None: nothing the plan can take from the row
    conflict: bool = False  # the task was reported on after the form went out
    edited: bool = False  # cells the unit was not to fill were changed: shown, never applied
    notes: tuple[str, ...] = ()

    @property
    def applicable(self) -> bool:
        """Whether the row can be written at all (the user may still leave it out)."""
        return self.report is not None and not self.edited

    @property
    def ticked(self) -> bool:
        """Whether the row is written unless the user says otherwise: conflicts wait for a tick."""
        return self.applicable and not self.conflict


@dataclass(frozen=True)
class FormPreview:
    """One returned form: whose, of which round, accepted or refused (and why), and its rows."""

    path: Path
    unit_id: int | None = None
    unit_name: str = ""
    round_id: int | None = None
    as_of: datetime.date | None = None
    deadline: datetime.date | None = None
    reporter: str | None = None
    refusal: Refusal | None = None
    reason: str = ""
    late: bool = False
    rows: tuple[RowPreview, ...] = ()
    problems: tuple[str, ...] = ()
    role: FormRole = FormRole.LEAD

    @property
    def accepted(self) -> bool:
        """Whether the form is collected (its receipt written, its ticked rows applied)."""
        return self.refusal is None


@dataclass(frozen=True)
class CollectPreview:
    """The forms chosen, each classified, and when they are taken as received."""

    forms: tuple[FormPreview, ...]
    received_at: datetime.datetime
    ticked: frozenset[RowKey] = field(default=frozenset())

    @property
    def any_accepted(self) -> bool:
        """Whether any form would be collected."""
        return any(form.accepted for form in self.forms)


def form_paths(chosen: Iterable[Path]) -> list[Path]:
    """The files to collect: each file chosen, and a folder's .xlsx files in name order."""
    found: list[Path] = []
    for path in chosen:
        if path.is_dir():
            found.extend(
                sorted(
                    (item for item in path.iterdir() if item.suffix.lower() == ".xlsx" and item.is_file()),
                    key=lambda item: item.name.casefold(),
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise InvalidInputError(_("{path} does not exist.").format(path=path))
    # Excel's lock files ("~$name.xlsx") sit beside an open workbook; they are no forms.
    return [path for path in dict.fromkeys(found) if not path.name.startswith("~$")]


def preview(
    plan: OpenPlan,
    paths: Sequence[Path],
    today: datetime.date,
    now: datetime.datetime | None = None,
) -> CollectPreview:
    """Read each form and say what collecting it would write; nothing is written."""
    from dxplanner.services.progress_forms import read_form, round_key

    state = forms_state(plan)
    key_of = round_key(state.rounds)
    # Received on the day the lateness is judged by (the window's day may be set for a test or a demo).
    at = now or datetime.datetime.combine(today, datetime.datetime.now().time())
    received_at = at.replace(microsecond=0)
    taken: set[tuple[int, int, FormRole]] = {
        (receipt.round_id, receipt.unit_id, receipt.role) for receipt in state.receipts
    }
    forms: list[FormPreview] = []
    for path in paths:
        try:
            returned = read_form(path, key_of=key_of)
        except InvalidInputError as error:
            forms.append(FormPreview(path, refusal=Refusal.NOT_A_FORM, reason=str(error)))
            continue
        found = _classified(path, returned, state, today, taken)
        if found.accepted and found.round_id is not None and found.unit_id is not None:
            taken.add((found.round_id, found.unit_id, found.role))
        forms.append(found)
    ticked = frozenset(
        (number, row.task_id)
        for number, form in enumerate(forms)
        if form.accepted
        for row in form.rows
        if row.ticked
    )
    return CollectPreview(tuple(forms), received_at, ticked)


def apply(plan: OpenPlan, chosen: CollectPreview, accepted: Collection[RowKey]) -> Changes:
    """Write the accepted forms' receipts and the rows the user kept, as one step to undo."""
    from dxplanner.store.operations.collect_forms import collect_forms

    receipts = [
        ReceiptToWrite(
            form.round_id,
            form.unit_id,
            chosen.received_at,
            form.reporter,
            form.path.name,
            role=form.role,
            reports=tuple(
                row.report
                for row in form.rows
                if row.report is not None and row.applicable and (number, row.task_id) in accepted
            ),
        )
        for number, form in enumerate(chosen.forms)
        if form.accepted and form.round_id is not None and form.unit_id is not None
    ]
    if not receipts:
        raise InvalidInputError(_("No form can be collected: each was refused."))
    return collect_forms(plan, receipts)


def _refused(path: Path, returned: ReturnedForm, refusal: Refusal, reason: str) -> FormPreview:
    unit = returned.unit
    return FormPreview(
        path,
        unit.unit_id if unit else None,
        unit.name if unit else "",
        as_of=returned.round.as_of if returned.round else None,
        deadline=returned.round.deadline if returned.round else None,
        reporter=returned.reporter,
        refusal=refusal,
        reason=reason,
        role=unit.role if unit else FormRole.LEAD,
    )


def _classified(
    path: Path,
    returned: ReturnedForm,
    state: FormsState,
    today: datetime.date,
    taken: set[tuple[int, int, FormRole]],
) -> FormPreview:
    """The form accepted with its rows, or refused with its reason in the user's language."""
    if returned.round is None or returned.unit is None:
        return _refused(path, returned, Refusal.NOT_A_FORM, _("not a progress form written by dxplanner"))
    if not returned.recognised:
        return _refused(
            path, returned, Refusal.TAMPERED, _("the form's hidden identifiers were changed (tampered)")
        )
    sent = returned.round
    if state.plan_names.get(sent.plan_id) != sent.plan_name:
        return _refused(
            path,
            returned,
            Refusal.OTHER_PLAN,
            _("a form of another plan (“{plan}”)").format(plan=sent.plan_name),
        )
    issued = sent.issued_at.replace(microsecond=0)
    rounds = [found for found in state.rounds if found.plan_id == sent.plan_id]
    chosen = next(
        (found for found in rounds if found.issued_at == issued and found.as_of == sent.as_of), None
    )
    if chosen is None:
        return _refused(
            path,
            returned,
            Refusal.OTHER_FILE,
            _(
                "a form this plan file did not send: it was sent from another plan file, or its hidden "
                "identifiers were changed"
            ),
        )
    unit, role = returned.unit.unit_id, returned.unit.role
    # Older only for its unit: a round sent since to other units alone leaves this form current.
    newer = [found for found in rounds if found.issued_at > chosen.issued_at and found.went_to(unit, role)]
    if newer:
        return _refused(
            path,
            returned,
            Refusal.OLDER_ROUND,
            _("a form of an older round (as of {day}); the round as of {newer} was sent since").format(
                day=_day(chosen.as_of), newer=_day(newer[-1].as_of)
            ),
        )
    if (chosen.id, unit, role) in taken:
        reason = _("already collected: this unit's form of this round is in the plan")
        return replace(_refused(path, returned, Refusal.COLLECTED, reason), round_id=chosen.id)
    edited = {problem.task_id for problem in returned.problems if problem.kind is ProblemKind.EDITED_ROW}
    rows = tuple(
        _row(filled, chosen, state.tasks.get(filled.task_id), returned, filled.task_id in edited)
        for filled in returned.rows
        if filled.filled or filled.task_id in edited
    )
    problems = tuple(
        problem.message for problem in returned.problems if problem.kind is ProblemKind.ADDED_ROW
    )
    return FormPreview(
        path,
        returned.unit.unit_id,
        returned.unit.name,
        chosen.id,
        chosen.as_of,
        chosen.deadline,
        returned.reporter,
        late=today > chosen.deadline,
        rows=rows,
        problems=problems,
        role=role,
    )


def _row(
    filled: FilledRow, sent: SentRound, task: TaskNow | None, returned: ReturnedForm, edited: bool
) -> RowPreview:
    """What one filled row would write, with what stands in its way."""
    notes = [
        problem.message
        for problem in returned.problems
        if problem.task_id == filled.task_id
        and problem.kind in {ProblemKind.BAD_VALUE, ProblemKind.EDITED_ROW}
    ]
    if task is None or task.plan_id != sent.plan_id:
        notes.append(_("The task is no longer in the plan."))
        return RowPreview(filled.task_id, "", "", None, edited=edited, notes=tuple(notes))
    progress = task.progress if filled.progress is None else filled.progress
    if filled.status is not None:
        status = filled.status
    elif filled.progress is not None:
        status = status_after_progress(progress, task.status)
    else:
        status = task.status
    start = filled.actual_start or task.actual_start
    end = filled.actual_end or task.actual_end
    actual = (filled.actual_start, filled.actual_end)
    if start is not None and end is not None and end < start:
        notes.append(_("The actual finish comes before the actual start: the dates are left out."))
        actual = (None, None)
    author = returned.reporter or (returned.unit.name if returned.unit else None)
    report = ReportToWrite(
        task.task_id,
        sent.as_of,
        progress,
        TaskStatus(status),
        filled.remark,
        filled.difficulty,
        filled.proposal,
        author,
        *actual,
    )
    # Someone reported on the task after the form went out: the form's figure may be the older one.
    conflict = task.latest_report is not None and task.latest_report > sent.issued_at.date()
    if conflict:
        notes.append(
            _(
                "Reported on {day}, after the form went out: tick the row to write the form's report too."
            ).format(day=_day(task.latest_report))
        )
    return RowPreview(task.task_id, task.code, task.name, report, conflict, edited, tuple(notes))


def _day(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""
