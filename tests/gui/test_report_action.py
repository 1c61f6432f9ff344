"""File > Report in the window: the running plan is proposed; the report is written off the GUI thread."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from dxplanner.i18n import current_language
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.report_action import ReportDialog, write_report

TODAY = datetime.date(2026, 11, 20)


def test_the_report_is_written_for_the_plan_chosen_in_the_language_chosen(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = ReportDialog(window.session, TODAY, window)
    qtbot.addWidget(dialog)
    assert dialog.plan.currentText() == "Kế hoạch triển khai Chính phủ số năm 2026"  # running today
    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    dialog.by_unit.setChecked(True)
    choice = dialog.choice()
    assert choice is not None and choice.as_of == TODAY
    before = current_language()
    path = tmp_path / "bao-cao.xlsx"
    assert write_report(window, window.session, choice, path, TODAY) == path
    assert messages == [] and current_language() == before  # the window keeps its own language
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == ["Tổng hợp", "Nhiệm vụ"] and len(book.sheetnames) > 4
    assert (
        book["Tổng hợp"]["A5"].value
        == "BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH TRIỂN KHAI CHÍNH PHỦ SỐ NĂM 2026"
    )


def test_a_report_that_cannot_be_written_says_so(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = ReportDialog(window.session, TODAY, window)
    qtbot.addWidget(dialog)
    choice = dialog.choice()
    assert choice is not None
    assert write_report(window, window.session, choice, tmp_path / "no" / "r.xlsx", TODAY) is None
    assert len(messages) == 1 and str(tmp_path / "no" / "r.xlsx") in messages[0]
