"""A round of progress forms knows the units (and roles) it went to, and its forms carry a keyed checksum:
a unit's form is older only when a newer round went to that unit, a unit that leads and cooperates
returns two forms of one round, and a form whose checksum was made again by hand is refused."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import openpyxl

from dxplanner.core.progress_form import FormRole, form_checksum
from dxplanner.excel import progress_form_layout as layout
from dxplanner.excel.progress_form_values import raw_text
from dxplanner.services.form_replies import replies
from dxplanner.services.progress_collect import Refusal, apply, preview
from dxplanner.services.progress_forms import FormsChoice, WrittenForms, read_form, write_forms
from dxplanner.store.plan_store import PlanStore

PLAN_2026 = 6
OLD = FormsChoice(PLAN_2026, datetime.date(2026, 9, 30), datetime.date(2026, 10, 10))
OLD_ISSUED = datetime.datetime(2026, 10, 1, 8, 0)
NEW_ISSUED = datetime.datetime(2026, 12, 6, 14, 30)
ON_TIME = datetime.date(2026, 10, 8)


def _fill_first_row(path: Path, progress: int) -> None:
    book: Any = openpyxl.load_workbook(path)
    book.worksheets[0].cell(layout.FIRST_ROW, layout.PROGRESS).value = progress
    book.save(path)


def _by_unit(written: WrittenForms) -> dict[tuple[int, FormRole], Path]:
    found = {}
    for form in written.forms:
        returned = read_form(form.path)
        assert returned.unit is not None
        found[(returned.unit.unit_id, returned.unit.role)] = form.path
    return found


def test_a_form_is_of_an_older_round_only_when_a_newer_round_went_to_its_unit(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    old = _by_unit(write_forms(demo_store, OLD, tmp_path / "old", OLD_ISSUED))
    (resent_to, _role), (other, _other_role) = list(old)[:2]
    # The first unit lost its form: a new one goes to it alone, a week later.
    again = FormsChoice(OLD.plan_id, OLD.as_of, OLD.deadline, units=frozenset({resent_to}))
    resent = _by_unit(write_forms(demo_store, again, tmp_path / "again", OLD_ISSUED + datetime.timedelta(7)))
    assert list(resent) == [(resent_to, FormRole.LEAD)]
    for path in (
        old[(resent_to, FormRole.LEAD)],
        old[(other, FormRole.LEAD)],
        resent[(resent_to, FormRole.LEAD)],
    ):
        _fill_first_row(path, 40)

    found = preview(
        demo_store,
        [old[(resent_to, FormRole.LEAD)], old[(other, FormRole.LEAD)], resent[(resent_to, FormRole.LEAD)]],
        ON_TIME,
    )
    assert [form.refusal for form in found.forms] == [Refusal.OLDER_ROUND, None, None]
    # The replies of each round list the units it went to.
    older, newer = (replies(demo_store, form.round_id or 0, ON_TIME) for form in found.forms[1:])
    assert older is not None and newer is not None
    assert [reply.unit_id for reply in newer.units] == [resent_to]
    assert {resent_to, other} <= {reply.unit_id for reply in older.units}


def test_a_unit_that_leads_and_cooperates_returns_both_its_forms_of_a_round(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    choice = FormsChoice(OLD.plan_id, OLD.as_of, OLD.deadline, cooperating=True)
    forms = _by_unit(write_forms(demo_store, choice, tmp_path / "forms", OLD_ISSUED))
    both = sorted(
        unit for unit, role in forms if role is FormRole.COOPERATING and (unit, FormRole.LEAD) in forms
    )
    assert both, "the demo has a unit that leads tasks and cooperates on others"
    lead, helping = forms[(both[0], FormRole.LEAD)], forms[(both[0], FormRole.COOPERATING)]
    _fill_first_row(lead, 55)
    _fill_first_row(helping, 65)

    first = preview(demo_store, [lead], ON_TIME)
    assert first.forms[0].accepted
    apply(demo_store, first, first.ticked)
    second = preview(demo_store, [helping, lead], ON_TIME)
    assert [form.refusal for form in second.forms] == [None, Refusal.COLLECTED]
    apply(demo_store, second, second.ticked)
    found = replies(demo_store, first.forms[0].round_id or 0, ON_TIME)
    assert found is not None
    mine = [reply for reply in found.units if reply.unit_id == both[0]]
    assert len(mine) == 2 and all(reply.replied for reply in mine)


def _forge(path: Path, new_name: str) -> None:
    """Change a task's name in the hidden copy and write the checksum again as anyone can compute it."""
    book: Any = openpyxl.load_workbook(path)
    hidden = book.worksheets[1]
    row = next(row for row in hidden.iter_rows() if row[0].value == layout.TASKS_MARK)[0].row + 1
    hidden.cell(row, 5).value = new_name
    rows = [[raw_text(value) for value in line] for line in hidden.iter_rows(values_only=True)]
    end = next(number for number, line in enumerate(rows) if line and line[0] == layout.CHECKSUM_MARK)
    hidden.cell(end + 1, 2).value = form_checksum(rows[:end])
    book.save(path)


def test_a_form_whose_checksum_was_made_again_without_the_plans_secret_is_refused_as_tampered(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    path = write_forms(demo_store, OLD, tmp_path / "forms", OLD_ISSUED).forms[0].path
    _fill_first_row(path, 50)
    assert preview(demo_store, [path], ON_TIME).forms[0].accepted
    _forge(path, "Tên đã bị sửa")
    (form,) = preview(demo_store, [path], ON_TIME).forms
    assert form.refusal is Refusal.TAMPERED
