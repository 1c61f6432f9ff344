"""Progress forms out to the units, and a returned form read back: the use cases the window and CLI share."""

from __future__ import annotations

import datetime
import re
import secrets
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.progress_form import FormRole, FormRound, ProgressForm, ReturnedForm
from dxplanner.file_access import write_failure
from dxplanner.i18n import _, speaking
from dxplanner.services.open_plan import OpenPlan

if TYPE_CHECKING:
    from dxplanner.store.form_rounds import SentRound

# (done, expected) -> go on?
Progress = Callable[[int, int], bool]
# The key of a returned form's round's checksums (None: a round sent without one); LookupError when
# the round is not one this plan file sent.
RoundKey = Callable[[FormRound], bytes | None]

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
    """Which plan, as of which day, due when, whether cooperating units get forms too, and to which
    units (None: every unit with tasks; a set: those alone, as when a unit lost its form)."""

    plan_id: int
    as_of: datetime.date
    deadline: datetime.date
    cooperating: bool = False
    units: frozenset[int] | None = None


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


@dataclass(frozen=True)
class Recipient:
    """A unit that gets a form of the plan because it leads tasks of it."""

    unit_id: int
    code: str
    name: str


def recipients(plan: OpenPlan, plan_id: int, today: datetime.date) -> list[Recipient]:
    """The units leading tasks of the plan, in the order their forms are written."""
    from dxplanner.store.form_data import read_forms

    moment = datetime.datetime.combine(today, datetime.time())
    forms = read_forms(plan, plan_id, today, today, moment)
    return [Recipient(form.unit.unit_id, form.unit.code, form.unit.name) for form in forms]


def chosen_units(found: list[Recipient], codes: list[str]) -> frozenset[int]:
    """The units named by their codes among those leading tasks; InvalidInputError naming any other."""
    by_code = {recipient.code.casefold(): recipient.unit_id for recipient in found}
    unknown = [code for code in codes if code.casefold() not in by_code]
    if unknown:
        raise InvalidInputError(
            _("No unit leading tasks of this plan has the code {codes}; those that do: {known}.").format(
                codes=", ".join(unknown), known=", ".join(recipient.code for recipient in found)
            )
        )
    return frozenset(by_code[code.casefold()] for code in codes)


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
    if choice.units is not None:
        forms = [form for form in forms if form.unit.unit_id in choice.units]
        if not forms:
            raise InvalidInputError(
                _("None of the units chosen leads a task of this plan: there is no form to write.")
            )
    if not forms:
        raise InvalidInputError(_("No task of this plan has a lead unit: there is no form to write."))
    # Each round's own key: only this plan file can make a checksum it accepts, so a form edited and
    # given a new checksum by someone who knows how it is computed is still refused.
    secret = secrets.token_bytes(32)
    made = _ready_folder(folder)
    written: list[WrittenForm] = []
    taken: set[str] = set()
    try:
        for number, form in enumerate(forms):
            if progress is not None and not progress(number, len(forms)):
                raise InvalidInputError(_("Cancelled: no form was written."))
            path = folder / form_file_name(form, taken)
            write_progress_form(path, form, secret)
            written.append(WrittenForm(path, form.unit.name, form.unit.role, len(form.tasks)))
        # Recorded last: a returned form is matched to its round, so no round is kept without forms.
        units = [(form.unit.unit_id, form.unit.role) for form in forms]
        record_form_round(plan, choice.plan_id, choice.as_of, choice.deadline, now, secret.hex(), units)
    except BaseException:
        for done in written:
            done.path.unlink(missing_ok=True)
        if made:
            _remove_if_empty(folder)
        raise
    return WrittenForms(folder, forms[0].round.plan_name, tuple(written))


def read_form(path: Path, plan: OpenPlan | None = None, *, key_of: RoundKey | None = None) -> ReturnedForm:
    """A returned form read back: its round and unit, what was filled, and what is wrong with it;
    its checksum checked with the key of its round in the plan file that sent it (plan, or key_of
    when the rounds were read already), or, with neither, as a round sent without a key."""
    from dxplanner.excel.progress_form_reader import read_progress_form

    if key_of is None and plan is not None:
        from dxplanner.store.form_rounds import forms_state

        key_of = round_key(forms_state(plan).rounds)
    return read_progress_form(path, key_of) if key_of is not None else read_progress_form(path)


def round_key(rounds: Sequence[SentRound]) -> RoundKey:
    """The key of a returned form's round among the rounds a plan file sent; LookupError for another."""
    keys = {(sent.plan_id, sent.issued_at, sent.as_of): sent.secret for sent in rounds}

    def key_of(returned: FormRound) -> bytes | None:
        secret = keys[(returned.plan_id, returned.issued_at.replace(microsecond=0), returned.as_of)]
        return None if secret is None else bytes.fromhex(secret)

    return key_of


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
