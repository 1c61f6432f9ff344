"""The official report as a PDF printed by the window itself (Qt), for a computer without LibreOffice."""

from __future__ import annotations

import datetime
import html
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from dxplanner.i18n import _
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.report_action import ReportDialog, write_report
from tests.unit.test_word_report import _figure, _paragraphs, _table_after

TODAY = datetime.date(2026, 11, 20)
SIGNER = "Trần Thị Bình"

pytestmark = pytest.mark.gui


def _pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _words(text: str) -> str:
    return " ".join(text.split())


def _dialog(qtbot: QtBot, window: MainWindow, *, office: bool) -> ReportDialog:
    assert window.session is not None
    dialog = ReportDialog(window.session, TODAY, window, find_office=lambda: office)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def written(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> tuple[Any, Path]:
    """The demo's report written by the dialog twice: as .docx, and as a PDF printed by Qt."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read")
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = _dialog(qtbot, window, office=False)
    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    dialog.signer_title.setPlainText("KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM")
    dialog.signer_name.setText(SIGNER)
    dialog.kind.setCurrentIndex(dialog.kind.findData("docx"))
    choice = dialog.choice()
    assert choice is not None
    document = tmp_path / "bao-cao.docx"
    assert write_report(window, window.session, choice, document, TODAY) == document
    dialog.kind.setCurrentIndex(dialog.kind.findData("pdf"))
    assert dialog.built_in_pdf()
    pdf = tmp_path / "bao-cao-qt.pdf"
    assert write_report(window, window.session, choice, pdf, TODAY, built_in_pdf=dialog.built_in_pdf()) == pdf
    assert messages == []
    return docx.Document(str(document)), pdf


def test_the_built_in_pdf_says_what_the_word_document_says(written: tuple[Any, Path], tmp_path: Path) -> None:
    document, pdf = written
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "bao-cao-qt (phụ lục).xlsx").exists()  # the appendix, beside it as for the .docx
    pages = [page for page in _pdf_text(pdf).split("\f") if page.strip()]
    # Each page after the first begins with its number; without it, a paragraph runs on across pages.
    body = _words(" ".join(page.partition("\n")[2] if number else page for number, page in enumerate(pages)))
    said = [_words(text) for text in _paragraphs(document) if text.strip()]
    assert len(said) > 20
    assert [text for text in said if text not in body] == []  # every paragraph, with its figures
    text = _words(" ".join(pages))
    for heading in (
        "Số: …/BC-VPCP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hà Nội, ngày 20 tháng 11 năm 2026",
    ):
        assert heading in text
    assert "PHÓ CHỦ NHIỆM" in text and SIGNER in text and "Nơi nhận:" in text


def test_the_built_in_pdf_tables_hold_the_word_document_figures(written: tuple[Any, Path]) -> None:
    document, pdf = written
    lines = _pdf_text(pdf, "-layout").splitlines()
    budget = _table_after(document, "4. Kinh phí")[1:]
    assert len(budget) > 2
    for row in budget:  # the source and its four figures, on one line in their columns
        pattern = re.compile(r"\s+".join(re.escape(cell) for cell in row))
        assert any(pattern.search(line) for line in lines), row
        assert _figure(row[1]) >= _figure(row[3])  # planned, then disbursed: the columns are not swapped
    indicators = _table_after(document, "3. Kết quả thực hiện các chỉ tiêu")[1:]
    assert len(indicators) > 10
    for row in indicators:  # its number and code start a line that holds its result and share reached
        code = row[1].split(" – ")[0]
        start = re.compile(rf"^\s*{row[0]}\s+{re.escape(code)} –")
        found = [line for line in lines if start.search(line)]
        assert len(found) == 1, row  # once: no row is printed twice across a page's end
        assert re.search(rf"\s{re.escape(row[4])}\s+{re.escape(row[5])}\s", found[0]), (row, found[0])


def test_the_built_in_pdf_is_a4_numbered_from_its_second_page(written: tuple[Any, Path]) -> None:
    _document, pdf = written
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None
    assert (float(size[1]), float(size[2])) == pytest.approx((595.28, 841.89), abs=1)  # 210 x 297 mm
    count = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    assert count >= 3
    firsts = [
        next(line.strip() for line in page.splitlines() if line.strip())
        for page in _pdf_text(pdf, "-layout").split("\f")[:count]
    ]
    assert firsts[0].startswith("CHÍNH PHỦ")  # the heading, under no number
    assert firsts[1:3] == ["2", "3"]


def test_without_libreoffice_the_dialog_offers_the_built_in_pdf_and_says_why(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    dialog = _dialog(qtbot, window, office=False)
    dialog.kind.setCurrentIndex(dialog.kind.findData("pdf"))
    assert dialog.pdf_engine.isEnabled() and dialog.pdf_engine.currentData() == "qt" and dialog.built_in_pdf()
    model = dialog.pdf_engine.model()
    assert isinstance(model, QStandardItemModel)
    office = model.item(dialog.pdf_engine.findData("office"))
    assert not office.isEnabled()
    assert office.toolTip() == _("LibreOffice was not found on this computer.")
    dialog.kind.setCurrentIndex(dialog.kind.findData("docx"))
    assert not dialog.pdf_engine.isEnabled() and not dialog.built_in_pdf()  # only a PDF is printed


def test_with_libreoffice_the_dialog_proposes_it_and_offers_the_built_in_pdf_too(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    dialog = _dialog(qtbot, window, office=True)
    dialog.kind.setCurrentIndex(dialog.kind.findData("pdf"))
    assert dialog.pdf_engine.currentData() == "office" and not dialog.built_in_pdf()
    dialog.pdf_engine.setCurrentIndex(dialog.pdf_engine.findData("qt"))
    assert dialog.built_in_pdf()


def test_nothing_is_printed_in_the_built_in_pdf_margins_but_the_page_number(
    written: tuple[Any, Path],
) -> None:
    """Text outside the page's text area (a cut table row painted on the next page too) is none."""
    _document, pdf = written
    boxes = _pdf_text(pdf, "-bbox")
    top, bottom = 2.0 / 2.54 * 72, (29.7 - 2.0) / 2.54 * 72  # Decree 30's margins, in points
    pages = boxes.split("<page ")[1:]
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        for y_min, y_max, word in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page):
            if float(y_min) < top - 1 and number > 1 and html.unescape(word) == str(number):
                continue  # the page's number, at the top centre
            assert top - 1 <= float(y_min) and float(y_max) <= bottom + 1, (
                number,
                html.unescape(word),
                y_min,
            )
