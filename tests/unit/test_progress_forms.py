"""Progress forms out to the units: one protected workbook per unit, recognised when it comes back."""

from __future__ import annotations

import datetime
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from dxplanner.core.enums import TaskStatus
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.core.progress_form import (
    FormRole,
    FormRound,
    FormTask,
    FormUnit,
    ProblemKind,
    ProgressForm,
    reporting_period,
)
from dxplanner.excel import progress_form_layout as layout
from dxplanner.excel.progress_form_reader import read_progress_form
from dxplanner.excel.progress_form_writer import write_progress_form
from dxplanner.services.progress_collect import Refusal, preview
from dxplanner.services.progress_forms import (
    FormsChoice,
    WrittenForms,
    form_file_name,
    read_form,
    write_forms,
)
from dxplanner.store.backup import backup_plan_file
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore

PLAN_2026 = 6
AS_OF = datetime.date(2026, 12, 31)
DEADLINE = datetime.date(2027, 1, 10)
NOW = datetime.datetime(2026, 12, 6, 14, 30)
CHOICE = FormsChoice(PLAN_2026, AS_OF, DEADLINE)


def _leaf_tasks_by_lead(path: Path, plan_id: int) -> dict[str, set[int]]:
    """Unit name -> the tasks with work of their own it leads, read with plain SQL."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            """SELECT unit.name, task.id FROM task JOIN unit ON unit.id = task.lead_unit_id
               WHERE task.plan_id = ? AND task.kind <> 'group'
               AND NOT EXISTS (SELECT 1 FROM task AS child WHERE child.parent_id = task.id)""",
            (plan_id,),
        ).fetchall()
    found: dict[str, set[int]] = {}
    for name, task_id in rows:
        found.setdefault(name, set()).add(task_id)
    return found


def _load(path: Path) -> Any:
    """The workbook as openpyxl reads it (typed loosely: the tests read and write any cell)."""
    return openpyxl.load_workbook(path)


@pytest.fixture
def forms(demo_store: PlanStore, tmp_path: Path) -> WrittenForms:
    return write_forms(demo_store, CHOICE, tmp_path / "forms", NOW)


def _form_of(written: WrittenForms, unit_name: str) -> Path:
    return next(form.path for form in written.forms if form.unit_name == unit_name)


def test_each_lead_unit_gets_one_form_with_exactly_its_tasks(
    forms: WrittenForms, demo_store: PlanStore, demo_path: Path
) -> None:
    expected = _leaf_tasks_by_lead(demo_path, PLAN_2026)
    assert len(expected) > 10
    assert sorted(form.unit_name for form in forms.forms) == sorted(expected)
    for form in forms.forms:
        returned = read_form(form.path, demo_store)
        assert returned.problems == ()
        assert returned.unit is not None and returned.unit.name == form.unit_name
        assert returned.unit.role is FormRole.LEAD
        assert {row.task_id for row in returned.rows} == expected[form.unit_name], form.unit_name
        assert form.tasks == len(expected[form.unit_name])
    assert forms.plan_name == "Kế hoạch triển khai Chính phủ số năm 2026"


def test_a_form_shows_the_unit_the_period_the_deadline_and_the_tasks_as_the_plan_holds_them(
    forms: WrittenForms, demo_path: Path
) -> None:
    path = _form_of(forms, "Bộ Khoa học và Công nghệ")
    assert path.name == "Phiếu báo cáo tiến độ 2026-12-31 - Bộ KH&CN.xlsx"
    sheet = _load(path).worksheets[0]
    titles = [str(sheet.cell(row, 1).value) for row in range(1, layout.GROUP_HEADING_ROW)]
    assert "Đơn vị báo cáo: Bộ Khoa học và Công nghệ (đơn vị chủ trì)" in titles
    assert "Kỳ báo cáo: Quý IV năm 2026; số liệu tính đến ngày 31/12/2026" in titles
    assert "Đề nghị đơn vị gửi lại phiếu trước ngày 10/01/2027." in titles
    assert sheet.cell(layout.HEADING_ROW, layout.PROGRESS).value == "Tiến độ (%)"
    with sqlite3.connect(demo_path) as connection:
        name, start, end, progress, status = connection.execute(
            "SELECT name, planned_start, planned_end, progress, status FROM task WHERE id = 350"
        ).fetchone()
    row = next(
        row
        for row in range(layout.FIRST_ROW, sheet.max_row + 1)
        if sheet.cell(row, layout.NAME).value == name
    )
    assert sheet.cell(row, layout.CODE).value == "I.1"
    assert sheet.cell(row, layout.START).value.date() == datetime.date.fromisoformat(start)
    assert sheet.cell(row, layout.END).value.date() == datetime.date.fromisoformat(end)
    assert sheet.cell(row, layout.LAST_PROGRESS).value == progress
    assert status == "in_progress" and sheet.cell(row, layout.LAST_STATUS).value == "Đang thực hiện"


def test_only_the_fill_cells_can_be_edited_and_they_are_checked(forms: WrittenForms) -> None:
    book = _load(forms.forms[0].path)
    sheet, hidden = book.worksheets
    last = layout.FIRST_ROW + forms.forms[0].tasks - 1
    assert sheet.protection.sheet and hidden.protection.sheet
    assert hidden.sheet_state == "veryHidden"
    for row in range(1, last + 1):
        for column in range(1, layout.LAST_COLUMN + 1):
            fillable = row >= layout.FIRST_ROW and column in layout.FILL_COLUMNS
            assert sheet.cell(row, column).protection.locked is not fillable, (row, column)
    checks = {(check.type, str(check.sqref)): check for check in sheet.data_validations.dataValidation}
    letter = get_column_letter
    status = checks["list", f"{letter(layout.STATUS)}{layout.FIRST_ROW}:{letter(layout.STATUS)}{last}"]
    assert status.formula1 == '"Chưa bắt đầu,Đang thực hiện,Hoàn thành,Tạm dừng,Đã hủy"'
    progress = checks[
        "decimal", f"{letter(layout.PROGRESS)}{layout.FIRST_ROW}:{letter(layout.PROGRESS)}{last}"
    ]
    # "between" is the file format's default operator: XlsxWriter leaves it unsaid.
    assert (progress.operator or "between", progress.formula1, progress.formula2) == ("between", "0", "100")
    for column in (layout.ACTUAL_START, layout.ACTUAL_END):
        assert ("date", f"{letter(column)}{layout.FIRST_ROW}:{letter(column)}{last}") in checks
    assert all(check.showErrorMessage for check in checks.values())
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == int(
        sheet.PAPERSIZE_A4
    )
    # One page wide: 1 is the file format's default, which XlsxWriter leaves unsaid.
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and (sheet.page_setup.fitToWidth or 1) == 1
    assert sheet.page_setup.fitToHeight == 0


def _fill(path: Path, target: Path | None = None) -> dict[int, dict[int, object]]:
    """Fill the first three rows of a form as a unit would; the values written, by row and column."""
    book = _load(path)
    sheet = book.worksheets[0]
    first = layout.FIRST_ROW
    values: dict[int, dict[int, object]] = {
        first: {
            layout.PROGRESS: 60,
            layout.STATUS: "Đang thực hiện",
            layout.ACTUAL_START: datetime.datetime(2026, 4, 3),
            layout.REMARK: "Đã trình dự thảo lần 2",
            layout.DIFFICULTY: "Thiếu kinh phí",
            layout.PROPOSAL: "Đề nghị bổ sung vốn",
        },
        first + 1: {
            layout.PROGRESS: 100,
            layout.STATUS: "Hoàn thành",
            layout.ACTUAL_START: datetime.datetime(2026, 7, 1),
            layout.ACTUAL_END: datetime.datetime(2026, 9, 28),
        },
        first + 2: {layout.REMARK: "=1+1 không phải công thức"},
    }
    for row, cells in values.items():
        for column, value in cells.items():
            sheet.cell(row, column).value = value
    sheet.cell(first + 2, layout.REMARK).data_type = "s"
    book.save(target or path)
    return values


def _check_filled(returned_path: Path, store: PlanStore) -> None:
    returned = read_form(returned_path, store)
    assert returned.problems == () and returned.recognised
    first, second, third, *rest = returned.rows
    assert (first.progress, first.status, first.actual_start, first.actual_end) == (
        60,
        TaskStatus.IN_PROGRESS,
        datetime.date(2026, 4, 3),
        None,
    )
    assert (first.remark, first.difficulty, first.proposal) == (
        "Đã trình dự thảo lần 2",
        "Thiếu kinh phí",
        "Đề nghị bổ sung vốn",
    )
    assert (second.progress, second.status, second.actual_end) == (
        100,
        TaskStatus.COMPLETED,
        datetime.date(2026, 9, 28),
    )
    assert third.remark == "=1+1 không phải công thức" and third.progress is None
    assert not any(row.filled for row in rest)


def test_an_untouched_form_is_recognised_whatever_its_name(
    forms: WrittenForms, demo_store: PlanStore, tmp_path: Path
) -> None:
    renamed = tmp_path / "reply from the unit.xlsx"
    shutil.copy(forms.forms[0].path, renamed)
    returned = read_form(renamed, demo_store)
    assert returned.recognised and returned.problems == ()
    assert returned.round == FormRound(
        PLAN_2026,
        "Kế hoạch triển khai Chính phủ số năm 2026",
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
        AS_OF,
        DEADLINE,
        NOW,
    )
    assert not any(row.filled for row in returned.rows)


def test_a_form_filled_in_a_spreadsheet_is_read_with_its_values(
    forms: WrittenForms, demo_store: PlanStore
) -> None:
    path = _form_of(forms, "Bộ Khoa học và Công nghệ")
    _fill(path)
    _check_filled(path, demo_store)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_form_saved_again_by_libreoffice_is_still_recognised_with_its_values(
    forms: WrittenForms, demo_store: PlanStore, tmp_path: Path
) -> None:
    filled = tmp_path / "filled.xlsx"
    _fill(_form_of(forms, "Bộ Khoa học và Công nghệ"), filled)
    out = tmp_path / "saved by libreoffice"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(filled)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = out / "filled.xlsx"
    assert saved.read_bytes() != filled.read_bytes()
    _check_filled(saved, demo_store)


def test_a_percentage_typed_into_the_progress_cell_counts_as_percent(
    forms: WrittenForms, demo_store: PlanStore
) -> None:
    path = forms.forms[0].path
    book = _load(path)
    cell = book.worksheets[0].cell(layout.FIRST_ROW, layout.PROGRESS)
    cell.value, cell.number_format = 0.85, "0%"  # what Excel makes of "85%" typed into the cell
    book.save(path)
    assert read_form(path, demo_store).rows[0].progress == 85


def test_a_changed_plan_cell_is_named_by_its_row(forms: WrittenForms, demo_store: PlanStore) -> None:
    path = _form_of(forms, "Bộ Khoa học và Công nghệ")
    book = _load(path)
    sheet = book.worksheets[0]
    sheet.cell(layout.FIRST_ROW + 1, layout.LAST_PROGRESS).value = 100  # was 100: unchanged
    sheet.cell(layout.FIRST_ROW + 2, layout.NAME).value = "Một nhiệm vụ khác"
    sheet.cell(layout.FIRST_ROW + 3, layout.END).value = datetime.datetime(2027, 3, 31)
    book.save(path)
    returned = read_form(path, demo_store)
    assert returned.recognised  # the identifiers are intact; the rows are not
    edited = [(problem.kind, problem.row) for problem in returned.problems]
    assert edited == [
        (ProblemKind.EDITED_ROW, layout.FIRST_ROW + 2),
        (ProblemKind.EDITED_ROW, layout.FIRST_ROW + 3),
    ]
    assert returned.problems[0].task_id == returned.rows[2].task_id
    assert returned.problems[0].message == "Row 12 (task I.3): cells the unit was not to fill were changed."


def test_a_changed_task_id_is_tampering(forms: WrittenForms, demo_store: PlanStore) -> None:
    path = forms.forms[0].path
    book = _load(path)
    hidden = book.worksheets[1]
    row = (
        next(row for row in range(1, hidden.max_row + 1) if hidden.cell(row, 1).value == layout.TASKS_MARK)
        + 1
    )
    hidden.cell(row, 2).value = str(int(hidden.cell(row, 2).value) + 1)
    book.save(path)
    returned = read_form(path, demo_store)
    assert not returned.recognised
    assert [problem.kind for problem in returned.problems] == [ProblemKind.TAMPERED]


def test_a_changed_round_is_refused(forms: WrittenForms, demo_store: PlanStore) -> None:
    path = forms.forms[0].path
    book = _load(path)
    hidden = book.worksheets[1]
    row = next(row for row in range(1, hidden.max_row + 1) if hidden.cell(row, 1).value == "as_of")
    hidden.cell(row, 2).value = "2027-03-31"
    book.save(path)
    # Read alone, no key makes its checksum; in its plan file, it names a round never sent.
    assert [problem.kind for problem in read_form(path).problems] == [ProblemKind.TAMPERED]
    (found,) = preview(demo_store, [path], AS_OF).forms
    assert found.refusal is Refusal.OTHER_FILE and "identifiers were changed" in found.reason


def test_what_cannot_be_read_and_rows_added_by_hand_are_problems(
    forms: WrittenForms, demo_store: PlanStore
) -> None:
    form = forms.forms[0]
    book = _load(form.path)
    sheet = book.worksheets[0]
    sheet.cell(layout.FIRST_ROW, layout.PROGRESS).value = 150
    sheet.cell(layout.FIRST_ROW, layout.STATUS).value = "Gần xong"
    sheet.cell(layout.FIRST_ROW, layout.ACTUAL_END).value = "sắp tới"
    below = layout.FIRST_ROW + form.tasks
    sheet.cell(below, layout.NAME).value = "Nhiệm vụ thêm tay"
    book.save(form.path)
    returned = read_form(form.path, demo_store)
    found = [(problem.kind, problem.row) for problem in returned.problems]
    assert found == [(ProblemKind.BAD_VALUE, layout.FIRST_ROW)] * 3 + [(ProblemKind.ADDED_ROW, below)]
    assert "Row 10: progress “150” cannot be read." in [problem.message for problem in returned.problems]
    assert returned.rows[0].progress is None and returned.rows[0].status is None


def test_another_workbook_is_not_a_form(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    book: Any = openpyxl.Workbook()
    book.active["A1"] = "Báo cáo"
    book.save(path)
    returned = read_form(path)
    assert not returned.recognised and returned.round is None
    assert [problem.kind for problem in returned.problems] == [ProblemKind.NOT_A_FORM]
    assert returned.problems[0].message == "other.xlsx is not a progress form written by dxplanner."
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook")
    with pytest.raises(InvalidInputError):
        read_form(text)


def test_cooperating_units_get_forms_of_their_own(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    written = write_forms(demo_store, FormsChoice(PLAN_2026, AS_OF, DEADLINE, True), tmp_path, NOW)
    helping = [form for form in written.forms if form.role is FormRole.COOPERATING]
    with sqlite3.connect(demo_path) as connection:
        expected = {
            name
            for (name,) in connection.execute(
                "SELECT DISTINCT unit.name FROM task_unit JOIN task ON task.id = task_unit.task_id "
                "JOIN unit ON unit.id = task_unit.unit_id WHERE task.plan_id = ?",
                (PLAN_2026,),
            )
        }
    assert {form.unit_name for form in helping} == expected
    assert all(form.path.name.endswith(" (phối hợp).xlsx") for form in helping)
    names = [form.path.name.casefold() for form in written.forms]
    assert len(set(names)) == len(names)


def test_an_unknown_plan_or_a_folder_that_cannot_be_made_is_refused(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(NotFoundError, match=r"There is no action plan with id 99\."):
        write_forms(demo_store, FormsChoice(99, AS_OF, DEADLINE), tmp_path / "a", NOW)
    assert not (tmp_path / "a").exists()
    blocker = tmp_path / "a file"
    blocker.write_text("")
    with pytest.raises(InvalidInputError, match="is a file, not a folder"):
        write_forms(demo_store, CHOICE, blocker, NOW)
    with pytest.raises(InvalidInputError, match="cannot be made"):
        write_forms(demo_store, CHOICE, blocker / "forms", NOW)
    with pytest.raises(InvalidInputError, match=r"The deadline cannot come before the reporting day\."):
        write_forms(
            demo_store, FormsChoice(PLAN_2026, AS_OF, AS_OF - datetime.timedelta(days=1)), tmp_path, NOW
        )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a file"]


def test_a_cancelled_writing_leaves_no_form(demo_store: PlanStore, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    with pytest.raises(InvalidInputError, match="Cancelled"):
        write_forms(demo_store, CHOICE, folder, NOW, lambda done, _expected: done < 3)
    assert not folder.exists()


def _form(
    short_name: str, code: str = "U1", role: FormRole = FormRole.LEAD, name: str = "Nhiệm vụ"
) -> ProgressForm:
    chosen = FormRound(
        1, "Kế hoạch", datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), AS_OF, DEADLINE, NOW
    )
    task = FormTask(7, "1", name, None, None, 0.0, TaskStatus.NOT_STARTED)
    return ProgressForm(chosen, FormUnit(1, code, "Đơn vị", short_name, role), (task,))


def test_file_names_are_safe_on_windows_and_never_the_same() -> None:
    taken: set[str] = set()
    assert (
        form_file_name(_form('Sở TT/TT: "Hà Nội"?'), taken)
        == "Phiếu báo cáo tiến độ 2026-12-31 - Sở TT-TT- -Hà Nội.xlsx"
    )
    assert (
        form_file_name(_form("Sở TT&TT", "HN-STTTT"), taken)
        == "Phiếu báo cáo tiến độ 2026-12-31 - Sở TT&TT.xlsx"
    )
    assert (
        form_file_name(_form("SỞ TT&TT", "HCM-STTTT"), taken)
        == "Phiếu báo cáo tiến độ 2026-12-31 - SỞ TT&TT (HCM-STTTT).xlsx"
    )
    assert form_file_name(_form("CON", role=FormRole.COOPERATING), set()).endswith(" - CON (phối hợp).xlsx")


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    write_progress_form(path, _form("X", name='=HYPERLINK("http://example.com","x")'))
    cell = _load(path).worksheets[0].cell(layout.FIRST_ROW, layout.NAME)
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://example.com","x")'
    assert read_progress_form(path).problems == ()


def test_a_form_signed_with_a_key_is_checked_with_it(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    write_progress_form(path, _form("X"), key=b"the plan's secret")
    assert read_progress_form(path, lambda _round: b"the plan's secret").recognised
    assert not read_progress_form(path).recognised
    assert not read_progress_form(path, lambda _round: b"another").recognised


@pytest.mark.parametrize(
    ("day", "period"),
    [
        (datetime.date(2026, 1, 1), "Quý I năm 2026"),
        (datetime.date(2026, 6, 30), "Quý II năm 2026"),
        (datetime.date(2026, 7, 1), "Quý III năm 2026"),
        (datetime.date(2026, 12, 31), "Quý IV năm 2026"),
    ],
)
def test_the_reporting_period_is_the_quarter_of_the_reporting_day(day: datetime.date, period: str) -> None:
    assert reporting_period(day) == period


def test_the_form_says_who_filled_it_under_the_table(forms: WrittenForms, demo_store: PlanStore) -> None:
    form = forms.forms[0]
    book = _load(form.path)
    sheet = book.worksheets[0]
    foot = layout.FIRST_ROW + form.tasks + layout.FOOT_GAP
    assert sheet.cell(foot, layout.NAME).value == "Người lập phiếu:"
    assert sheet.cell(foot + 1, layout.NAME).value == "Điện thoại, thư điện tử:"
    assert sheet.cell(foot, layout.REMARK).value == "THỦ TRƯỞNG ĐƠN VỊ"
    assert not sheet.cell(foot, layout.START).protection.locked
    assert not sheet.cell(foot + 1, layout.START).protection.locked
    assert read_form(form.path, demo_store).reporter is None
    sheet.cell(foot, layout.START).value = "Nguyễn Văn An, chuyên viên"
    sheet.cell(foot + 1, layout.START).value = "0912 345 678"
    sheet.cell(foot + 4, layout.REMARK).value = "Trần Thị Bình"  # the head's name under the signature
    book.save(form.path)
    returned = read_form(form.path, demo_store)
    assert (returned.reporter, returned.contact, returned.problems) == (
        "Nguyễn Văn An, chuyên viên",
        "0912 345 678",
        (),
    )


def test_a_form_whose_sheet_was_renamed_is_still_read(forms: WrittenForms, demo_store: PlanStore) -> None:
    path = forms.forms[0].path
    book = _load(path)
    book.worksheets[0].title = "Báo cáo của đơn vị"
    book.worksheets[0].cell(layout.FIRST_ROW, layout.PROGRESS).value = 40
    book.save(path)
    returned = read_form(path, demo_store)
    assert returned.recognised and returned.problems == ()
    assert returned.rows[0].progress == 40


def test_a_workbook_that_only_looks_like_a_form_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "lookalike.xlsx"
    book: Any = openpyxl.Workbook()
    book.active.append(["dxplanner-progress-form", "1"])
    book.active.append(["plan_id", "6"])
    book.active.append([layout.CHECKSUM_MARK, "0" * 64])
    book.save(path)
    returned = read_form(path)
    assert [problem.kind for problem in returned.problems] == [ProblemKind.NOT_A_FORM]


def test_the_forms_are_the_same_from_a_plan_file_and_from_a_server(
    demo_plan_store: PlanStore, demo_template: Path, tmp_path: Path
) -> None:
    served = write_forms(demo_plan_store, CHOICE, tmp_path / "served", NOW)
    # The demo as it was loaded into both (a copy: writing forms records their round in the plan).
    template = open_plan_file(backup_plan_file(demo_template, tmp_path / "kept.dxplan"))
    try:
        kept = write_forms(template, CHOICE, tmp_path / "kept", NOW)
        assert [form.path.name for form in served.forms] == [form.path.name for form in kept.forms]
        for one, other in zip(served.forms, kept.forms, strict=True):
            assert read_form(one.path, demo_plan_store) == read_form(other.path, template)
    finally:
        template.close()


def test_values_typed_as_text_are_read_as_a_person_means_them(
    forms: WrittenForms, demo_store: PlanStore
) -> None:
    path = forms.forms[0].path
    book = _load(path)
    sheet = book.worksheets[0]
    row = layout.FIRST_ROW
    sheet.cell(row, layout.PROGRESS).value = "85,5%"
    sheet.cell(row, layout.STATUS).value = " completed "
    sheet.cell(row, layout.ACTUAL_START).value = "5/10/2026"
    sheet.cell(row, layout.ACTUAL_END).value = "31.12.2026"
    sheet.cell(row, layout.REMARK).value = 2026
    book.save(path)
    returned = read_form(path, demo_store)
    assert returned.problems == ()
    first = returned.rows[0]
    assert (first.progress, first.status, first.actual_start, first.actual_end, first.remark) == (
        85.5,
        TaskStatus.COMPLETED,
        datetime.date(2026, 10, 5),
        datetime.date(2026, 12, 31),
        "2026",
    )


def test_control_characters_in_a_name_are_left_out_of_the_form(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    write_progress_form(path, _form("X", name="Dòng một\x0bdòng hai\x07"))
    cell = _load(path).worksheets[0].cell(layout.FIRST_ROW, layout.NAME)
    assert cell.value == "Dòng mộtdòng hai"
    returned = read_progress_form(path)
    assert returned.recognised and returned.problems == ()


def test_a_form_is_not_taken_for_a_data_workbook(forms: WrittenForms) -> None:
    from dxplanner.services.exchange import is_data_workbook

    assert not is_data_workbook(forms.forms[0].path)
