"""`dxplanner forms FILE --plan ID --as-of DATE --out FOLDER`: the progress forms of a plan, from a script."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner import cli
from dxplanner.cli import EXIT_BAD_ARGUMENTS, EXIT_OK, EXIT_USER_ERROR
from dxplanner.core.progress_form import FormRole
from dxplanner.i18n import set_language
from dxplanner.services.progress_forms import read_form
from dxplanner.store.plan_file import open_plan_file
from tests.conftest import run_cli as _run


def test_the_forms_are_written_and_each_file_printed(demo_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    status, out, err = _run(
        "forms", str(demo_path), "--plan", "6", "--as-of", "2026-12-31", "--out", str(folder)
    )
    assert (status, err) == (EXIT_OK, "")
    *files, summary = out.splitlines()
    assert sorted(Path(line) for line in files) == sorted(folder.iterdir())
    assert len(files) == 18
    plan = "Kế hoạch triển khai Chính phủ số năm 2026"
    assert summary == f"Wrote 18 progress forms on “{plan}” as of 31/12/2026 to {folder}."
    store = open_plan_file(demo_path)
    try:
        returned = read_form(Path(files[0]), store)
    finally:
        store.close()
    assert returned.recognised and returned.round is not None
    assert (
        returned.round.plan_id,
        returned.round.as_of.isoformat(),
        returned.round.deadline.isoformat(),
    ) == (
        6,
        "2026-12-31",
        "2027-01-07",
    )


def test_cooperating_units_and_a_deadline_can_be_asked_for(demo_path: Path, tmp_path: Path) -> None:
    status, out, _err = _run(
        "forms", str(demo_path), "--plan", "6", "--as-of", "2026-09-30", "--out", str(tmp_path / "f"),
        "--deadline", "2026-10-05", "--cooperating",
    )  # fmt: skip
    assert status == EXIT_OK
    forms = [read_form(Path(line)) for line in out.splitlines()[:-1]]
    roles = {form.unit.role for form in forms if form.unit is not None}
    assert roles == {FormRole.LEAD, FormRole.COOPERATING}
    assert {str(form.round.deadline) for form in forms if form.round is not None} == {"2026-10-05"}


def test_an_unknown_plan_is_refused_with_one_message_and_nothing_written(
    demo_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "forms"
    status, out, err = _run(
        "forms", str(demo_path), "--plan", "99", "--as-of", "2026-12-31", "--out", str(folder)
    )
    assert (status, out, err) == (EXIT_USER_ERROR, "", "dxplanner: There is no action plan with id 99.\n")
    assert not folder.exists()


def test_a_folder_that_cannot_be_written_is_refused_in_the_users_language(
    demo_path: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    set_language("vi")
    status, out, err = _run(
        "forms", str(demo_path), "--plan", "6", "--as-of", "2026-12-31", "--out", str(blocker)
    )
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err == f"dxplanner: {blocker} là một tệp, không phải thư mục.\n"
    assert blocker.read_text() == ""


def test_bad_arguments_are_refused(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, _err = _run(
        "forms", str(demo_path), "--plan", "6", "--as-of", "cuối năm", "--out", str(tmp_path)
    )
    assert status == EXIT_BAD_ARGUMENTS
    assert "not a date in the form YYYY-MM-DD: cuối năm" in capsys.readouterr().err  # argparse's own stderr
    assert (
        _run("forms", str(demo_path), "--as-of", "2026-12-31", "--out", str(tmp_path))[0]
        == EXIT_BAD_ARGUMENTS
    )
    assert "forms" in cli.COMMANDS


def test_the_form_of_one_unit_alone_can_be_sent_again_and_an_unknown_code_is_refused(
    demo_path: Path, tmp_path: Path
) -> None:
    first = ("forms", str(demo_path), "--plan", "6", "--as-of", "2026-12-31")
    status, out, _err = _run(*first, "--out", str(tmp_path / "all"))
    assert status == EXIT_OK
    code = next(
        form.unit.code for form in (read_form(Path(line)) for line in out.splitlines()[:-1]) if form.unit
    )
    status, out, err = _run(*first, "--out", str(tmp_path / "again"), "--unit", code.lower())
    assert (status, err) == (EXIT_OK, "")
    (line, _summary) = out.splitlines()
    returned = read_form(Path(line))
    assert returned.unit is not None and returned.unit.code == code
    status, out, err = _run(*first, "--out", str(tmp_path / "none"), "--unit", "KHONG-CO")
    assert (status, out) == (EXIT_USER_ERROR, "") and "KHONG-CO" in err and code in err
    assert not (tmp_path / "none").exists()
