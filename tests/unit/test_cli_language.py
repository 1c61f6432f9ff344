"""Every command speaks the user's language, in its messages, its errors and its --help alike."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from dxplanner.cli import EXIT_BAD_ARGUMENTS, EXIT_OK, EXIT_USER_ERROR
from dxplanner.i18n import current_language, set_language
from tests.conftest import run_cli as _run
from tests.unit.test_damaged_files import damage_page_of


def _sheet_names(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


@pytest.mark.parametrize(
    ("user", "report", "said", "sheet"),
    [
        ("en", "vi", "Wrote the report on “", "Tổng hợp"),
        ("vi", "en", "Đã ghi báo cáo về “", "Summary"),
    ],
)
def test_report_speaks_the_users_language_and_writes_in_the_one_asked_for(
    demo_path: Path, tmp_path: Path, user: str, report: str, said: str, sheet: str
) -> None:
    set_language(user)
    out_file = tmp_path / "report.xlsx"
    status, out, err = _run("report", str(demo_path), "--out", str(out_file), "--language", report)
    assert (status, err) == (EXIT_OK, "")
    assert out.startswith(said)
    assert _sheet_names(out_file)[0] == sheet
    assert current_language() == user


@pytest.mark.parametrize(
    ("user", "message"),
    [
        ("en", "dxplanner: There is no action plan with id 999.\n"),
        ("vi", "dxplanner: Không có kế hoạch hành động nào có mã số 999.\n"),
    ],
)
def test_report_errors_come_in_the_users_language_not_the_reports(
    demo_path: Path, tmp_path: Path, user: str, message: str
) -> None:
    set_language(user)
    other = "vi" if user == "en" else "en"
    target = tmp_path / "report.xlsx"
    status, out, err = _run(
        "report", str(demo_path), "--out", str(target), "--plan", "999", "--language", other
    )
    assert (status, out, err) == (EXIT_USER_ERROR, "", message)
    assert not target.exists()


def test_report_errors_from_a_damaged_file_come_in_the_users_language(
    demo_path: Path, tmp_path: Path
) -> None:
    damage_page_of(demo_path, "ix_task_plan_id")
    set_language("en")
    status, out, err = _run("report", str(demo_path), "--out", str(tmp_path / "r.xlsx"), "--language", "vi")
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err == "dxplanner: The plan file is damaged: database disk image is malformed\n"


# What each command says on success, in English and in Vietnamese: (arguments, English, Vietnamese).
SAID = {
    "new": (["new", "{tmp}/new.dxplan"], "Created ", "Đã tạo "),
    "check": (["check", "{demo}"], "integrity: ok\n", "toàn vẹn: tốt\n"),
    "timeline": (["timeline", "Quý II/2025"], "(quarter)", "(quý)"),
    "export": (["export", "{demo}", "--out", "{tmp}/data.xlsx"], "Exported ", "Đã xuất "),
    "chart": (
        ["chart", "{demo}", "--kind", "progress", "--as-of", "2026-06-30", "--out", "{tmp}/c.png"],
        "Wrote ",
        "Đã ghi ",
    ),
    "report": (["report", "{demo}", "--out", "{tmp}/r.xlsx"], "Wrote the report", "Đã ghi báo cáo"),
}


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("command", SAID.keys())
def test_every_command_speaks_the_users_language(
    demo_path: Path, tmp_path: Path, command: str, language: str
) -> None:
    set_language(language)
    arguments, english, vietnamese = SAID[command]
    argv = [argument.format(tmp=tmp_path, demo=demo_path) for argument in arguments]
    status, out, err = _run(*argv)
    assert (status, err) == (EXIT_OK, "")
    assert (english if language == "en" else vietnamese) in out
    assert (vietnamese if language == "en" else english) not in out


def test_check_labels_its_lines_in_the_users_language(demo_path: Path) -> None:
    set_language("vi")
    status, out, _err = _run("check", str(demo_path))
    assert status == EXIT_OK
    labels = [line.split(": ", 1)[0] for line in out.splitlines()]
    assert labels[:3] == ["tệp", "lược đồ", "toàn vẹn"]
    assert "nhiệm vụ" in labels and "đơn vị" in labels and "tasks" not in labels


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["usage: dxplanner report", "options:", "show this help message and exit"]),
        ("vi", ["cách dùng: dxplanner report", "tùy chọn:", "hiện trợ giúp này rồi thoát"]),
    ],
)
def test_help_speaks_the_users_language(
    capsys: pytest.CaptureFixture[str], language: str, words: list[str]
) -> None:
    set_language(language)
    assert _run("report", "--help")[0] == EXIT_OK
    shown = capsys.readouterr().out
    for word in words:
        assert word in shown
    if language == "vi":
        assert "usage:" not in shown and "options:" not in shown


@pytest.mark.parametrize(
    ("argv", "english", "vietnamese"),
    [
        (["check"], "the following arguments are required: FILE", "thiếu các đối số bắt buộc: FILE"),
        (["frobnicate"], "invalid choice: 'frobnicate'", "lựa chọn không hợp lệ: 'frobnicate'"),
        (["check", "a", "b"], "unrecognized arguments: b", "đối số không nhận ra: b"),
        (["chart", "x", "--out"], "argument --out: expected one argument", "đối số --out: cần một giá trị"),
        (
            ["chart", "x", "--out", "y", "--plan", "one"],
            "argument --plan: not a whole number: one",
            "đối số --plan: không phải số nguyên: one",
        ),
    ],
)
@pytest.mark.parametrize("language", ["en", "vi"])
def test_argument_errors_speak_the_users_language(
    capsys: pytest.CaptureFixture[str], argv: list[str], english: str, vietnamese: str, language: str
) -> None:
    set_language(language)
    assert _run(*argv)[0] == EXIT_BAD_ARGUMENTS
    shown = capsys.readouterr().err
    assert (english if language == "en" else vietnamese) in shown
    prefix = "usage: " if language == "en" else "cách dùng: "
    assert shown.startswith(prefix)
    assert ("error:" if language == "en" else "lỗi:") in shown


def test_check_as_json_keeps_its_keys_in_every_language(demo_path: Path) -> None:
    readings = []
    for language in ("en", "vi"):
        set_language(language)
        status, out, _err = _run("check", str(demo_path), "--json")
        assert status == EXIT_OK
        readings.append(json.loads(out))
    assert readings[0] == readings[1]
    assert readings[0]["problems"] == [] and readings[0]["counts"]["tasks"] > 300
    assert readings[0]["schema"]["age"] == "current"
