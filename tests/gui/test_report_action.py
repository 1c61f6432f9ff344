"""File > Report in the window: the running plan is proposed; the report is written off the GUI thread."""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from dxplanner.i18n import current_language
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.report_action import ReportDialog, SavedReportBox, write_report
from tests.gui.test_progress_forms_action import _file_action, _when_shown

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


def test_a_report_saved_from_the_menu_is_said_with_its_place_and_opens_from_the_message(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str],
    opened: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert window.open_file(demo_path)
    target = tmp_path / "báo cáo quý IV.docx"
    offered: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _kinds: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    seen: list[str] = []

    def choose_word(dialog: QWidget) -> None:
        assert isinstance(dialog, ReportDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData("docx"))
        _when_shown(SavedReportBox, open_the_report, seen)
        dialog.accept()

    def open_the_report(box: QWidget) -> None:
        assert isinstance(box, SavedReportBox)
        seen.append(box.text())
        box.open_button.click()

    _when_shown(ReportDialog, choose_word, seen)
    _file_action(window, "Progress &report…").trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(opened))
    assert messages == [] and opened == [str(target)]
    assert offered and Path(offered[0]).parent == demo_path.parent
    appendix = "báo cáo quý IV (phụ lục).xlsx"  # named in the report's language
    assert len(seen) == 1 and str(target) in seen[0] and appendix in seen[0]
    assert target.exists() and (tmp_path / appendix).exists()
