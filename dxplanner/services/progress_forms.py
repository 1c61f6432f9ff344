"""Progress forms out to the units, and a returned form read back: the use cases the window and CLI share."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.progress_form import FormRole, ProgressForm, ReturnedForm
from dxplanner.file_access import write_failure
from dxplanner.i18n import _, speaking
from dxplanner.services.open_plan import OpenPlan

# (done, expected) -> go on?
Progress = Callable[[int, int], bool]

# Days a unit is given to return its form, unless the user says otherwise.
DEFAULT_DAYS_TO_REPLY = 7
# Characters Windows refuses in a file name, and control characters.
_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
)
_LONGEST_NAME = 120


@dataclass(frozen=True)
class FormsChoice:
    """Which plan, as of which day, due when, and whether cooperating units get forms too."""

    plan_id: int
    as_of: datetime.date
    deadline: datetime.date
    cooperating: bool = False


@dataclass(frozen=True)
class WrittenForm:
    """One form written: where, for which unit, in which role, with how many tasks."""

    path: Path
    unit_name: str
    role: FormRole
    tasks: int


@dataclass(frozen=True)
class WrittenForms:
    """The forms of one round, written into one folder."""

    folder: Path
    plan_name: str
    forms: tuple[WrittenForm, ...]


def default_deadline(as_of: datetime.date) -> datetime.date:
    """The day forms are due when the user names none: a week after the reporting day."""
    return as_of + datetime.timedelta(days=DEFAULT_DAYS_TO_REPLY)


def write_forms(
    plan: OpenPlan,
    choice: FormsChoice,
    folder: Path,
    now: datetime.datetime,
    progress: Progress | None = None,
) -> WrittenForms:
    """Write one form per unit into folder and record the round in the plan (which must be open for
    writing); a failure or a cancel removes the forms this call wrote."""
    from dxplanner.excel.progress_form_writer import write_progress_form
    from dxplanner.store.form_data import read_forms
    from dxplanner.store.operations.collect_forms import record_form_round

    if choice.deadline < choice.as_of:
        raise InvalidInputError(_("The deadline cannot come before the reporting day."))
    forms = read_forms(
        plan, choice.plan_id, choice.as_of, choice.deadline, now, cooperating=choice.cooperating
    )
    if not forms:
        raise InvalidInputError(_("No task of this plan has a lead unit: there is no form to write."))
    made = _ready_folder(folder)
    written: list[WrittenForm] = []
    taken: set[str] = set()
    try:
        for number, form in enumerate(forms):
            if progress is not None and not progress(number, len(forms)):
                raise InvalidInputError(_("Cancelled: no form was written."))
            path = folder / form_file_name(form, taken)
            write_progress_form(path, form)
            written.append(WrittenForm(path, form.unit.name, form.unit.role, len(form.tasks)))
        # Recorded last: a returned form is matched to its round, so no round is kept without forms.
        record_form_round(plan, choice.plan_id, choice.as_of, choice.deadline, now)
    except BaseException:
        for done in written:
            done.path.unlink(missing_ok=True)
        if made:
            _remove_if_empty(folder)
        raise
    return WrittenForms(folder, forms[0].round.plan_name, tuple(written))


def read_form(path: Path) -> ReturnedForm:
    """A returned form read back: its round and unit, what was filled, and what is wrong with it."""
    from dxplanner.excel.progress_form_reader import read_progress_form

    return read_progress_form(path)


def form_file_name(form: ProgressForm, taken: set[str]) -> str:
    """A file name Windows accepts, with the unit's short name; another unit's own code tells two alike."""
    with speaking("vi"):  # the file goes to the unit with the form
        unit = _safe(form.unit.short_name) or _safe(form.unit.code) or str(form.unit.unit_id)
        day = form.round.as_of.isoformat()
        names = [unit, f"{unit} ({_safe(form.unit.code) or form.unit.unit_id})"]
        for candidate in names:
            if form.unit.role is FormRole.COOPERATING:
                stem = _("Progress form {day} - {unit} (cooperating)").format(day=day, unit=candidate)
            else:
                stem = _("Progress form {day} - {unit}").format(day=day, unit=candidate)
            stem = _safe(stem)[:_LONGEST_NAME].rstrip(" .")
            if stem.casefold() in _RESERVED:  # a translation that left the unit's name alone: "CON"
                stem = f"_{stem}"
            if stem.casefold() not in taken:  # Windows does not tell "A" from "a"
                taken.add(stem.casefold())
                return stem + ".xlsx"
    raise InvalidInputError(_("Two units have the same code: {code}.").format(code=form.unit.code))


def _safe(text: str) -> str:
    """Text that can be part of a file name on Windows, macOS and Linux."""
    return " ".join(_REFUSED.sub("-", text).split()).strip(" .-")


def _ready_folder(folder: Path) -> bool:
    """Make sure the forms can go into folder (made if missing); whether it was made here."""
    if folder.exists() and not folder.is_dir():
        raise InvalidInputError(_("{path} is a file, not a folder.").format(path=folder))
    if folder.is_dir():
        return False
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise InvalidInputError(
            _("The folder {path} cannot be made: {reason}.").format(
                path=folder, reason=write_failure(error, folder)
            )
        ) from None
    return True


def _remove_if_empty(folder: Path) -> None:
    with suppress(OSError):  # something else is in it: it stays
        folder.rmdir()
