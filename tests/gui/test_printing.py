"""File > Print: the task sheet as a table and the Gantt chart, paginated in the print preview."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.ui.gantt.export import PDF_DPI, Paper, export_chart
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.printing import paint_table, sheet_table
from dxplanner.ui.sheet_model import SheetColumn

pytestmark = pytest.mark.gui


def _opened(window: MainWindow, demo_path: Path) -> None:
    assert window.open_file(demo_path)
    assert window.editor is not None
    QApplication.processEvents()


def _pages(dialog: QPrintPreviewDialog) -> int:
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    preview.updatePreview()
    return preview.pageCount()


def test_the_sheet_prints_as_shown_over_pages_each_with_the_headings(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    _opened(window, demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.view.expandAll()
    table = sheet_table(sheet.view, "Kế hoạch", SheetColumn.NAME)
    assert len(table.rows) == 69  # the 2026 plan: 61 tasks and 8 groups, all open
    assert table.headings[:2] == ("No.", "Task") or table.headings[1] in ("Nhiệm vụ", "Task")
    names = {row.cells[table.wrapped] for row in table.rows}
    assert "Xây dựng Nghị định quy định chi tiết Luật Chuyển đổi số" in names
    sheet.view.collapseAll()
    folded = sheet_table(sheet.view, "Kế hoạch", SheetColumn.NAME)
    assert len(folded.rows) < len(table.rows)  # a folded group prints folded, as on screen
    dialog = sheet.print_sheet(window.print_setup)
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.addWidget(dialog)
    assert _pages(dialog) >= 1
    sheet.view.expandAll()
    dialog.close()
    dialog = sheet.print_sheet(window.print_setup)
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.addWidget(dialog)
    assert _pages(dialog) >= 2
    # The same pages in a PDF: every page starts with the column headings and says its number.
    pdf = tmp_path / "sheet.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10)
        )
    )
    pages = paint_table(writer, table, "06/12/2026")
    del writer
    assert pages >= 2
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text was not read")
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert table.headings[1] in text and f"{page}" in text
    whole = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Xây dựng Nghị định quy định chi tiết Luật" in whole  # a long name wraps in its cell
    assert "01/04/2026   30/06/2026" in whole  # dates are printed whole


def test_the_gantt_prints_on_as_many_pages_as_its_pdf(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    _opened(window, demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    dialog = sheet.print_chart(window.print_setup)
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.addWidget(dialog)
    chart, _span = sheet.gantt.chart(True)
    assert _pages(dialog) == export_chart(chart, tmp_path / "chart.pdf", Paper.A4) == 3
    dialog.close()
    # The paper chosen in page setup is the next print's.
    window.print_setup.layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A3), QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10)
    )
    on_a3 = sheet.print_chart(window.print_setup)
    assert isinstance(on_a3, QPrintPreviewDialog)
    qtbot.addWidget(on_a3)
    assert _pages(on_a3) == export_chart(chart, tmp_path / "chart-a3.pdf", Paper.A3) == 2


def test_printing_with_no_plan_open_says_so(window: MainWindow, messages: list[str]) -> None:
    window._print_sheet()
    window._print_chart()
    assert len(messages) == 2 and all("Open or create a plan file" in message for message in messages)
