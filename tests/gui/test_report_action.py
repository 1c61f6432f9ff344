"""File > Report in the window: the running plan is proposed; the report is written off the GUI thread."""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
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


def test_the_dialog_writes_the_official_word_report_with_its_signer_and_the_appendix(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = ReportDialog(window.session, TODAY, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("docx"))
    assert dialog.signer_name.isEnabled()  # the signature is asked for only for a document
    dialog.signer_title.setPlainText("KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM")
    dialog.signer_name.setText("Trần Thị Bình")
    choice = dialog.choice()
    assert choice is not None and dialog.suffix() == ".docx"
    path = tmp_path / "bao-cao.docx"
    assert write_report(window, window.session, choice, path, TODAY) == path
    assert messages == []
    document = docx.Document(str(path))
    lines = {line for table in document.tables for row in table.rows for cell in row.cells
             for line in cell.text.split("\n")}  # fmt: skip
    assert {"KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Trần Thị Bình"} <= lines
    assert (tmp_path / "bao-cao (phụ lục).xlsx").exists()
    dialog.kind.setCurrentIndex(dialog.kind.findData("xlsx"))
    assert not dialog.signer_name.isEnabled() and dialog.suffix() == ".xlsx"
