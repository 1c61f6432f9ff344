"""A PDF printed by the printer the window hands in: the whole document, printed under a temporary name."""

from __future__ import annotations

import datetime
import errno
import os
from pathlib import Path

import pytest

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.report_blocks import Columns, Paragraph, ReportBlocks, Table
from dxplanner.i18n import set_language
from dxplanner.services import reports
from dxplanner.store.plan_store import PlanStore

CHOICE = reports.ReportChoice(6, datetime.date(2026, 12, 6), "vi")
TODAY = datetime.date(2026, 12, 6)


def test_the_printer_gets_the_whole_document_and_its_pdf_is_moved_into_place(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    set_language("vi")
    printed: list[ReportBlocks] = []

    def printer(blocks: ReportBlocks, path: Path) -> None:
        printed.append(blocks)
        path.write_bytes(b"%PDF-1.4 printed")

    folder = tmp_path / "out"  # the plan file's folder holds its lock
    folder.mkdir()
    pdf = folder / "bao-cao.pdf"
    written = reports.write_report(demo_store, CHOICE, pdf, TODAY, print_pdf=printer)
    assert pdf.read_bytes() == b"%PDF-1.4 printed"
    assert written.appendix == folder / "bao-cao (phụ lục).xlsx" and written.appendix.exists()
    assert sorted(path.name for path in folder.iterdir()) == ["bao-cao (phụ lục).xlsx", "bao-cao.pdf"]
    [blocks] = printed
    kinds = [type(block) for block in blocks.blocks]
    assert kinds[0] is Columns and kinds[-1] is Columns  # the heading, and the signature
    assert kinds.count(Table) >= 3
    texts = [block.text for block in blocks.blocks if isinstance(block, Paragraph)]
    assert "BÁO CÁO" in texts and "V. ĐỀ XUẤT, KIẾN NGHỊ" in texts  # said in the report's language


def test_a_pdf_that_cannot_be_printed_leaves_the_file_that_was_there(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    set_language("vi")
    folder = tmp_path / "out"  # the plan file's folder holds its lock
    folder.mkdir()
    pdf = folder / "bao-cao.pdf"
    pdf.write_bytes(b"%PDF-1.4 the last quarter's")

    def full_disk(_blocks: ReportBlocks, path: Path) -> None:
        path.write_bytes(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    with pytest.raises(InvalidInputError) as refusal:
        reports.write_report(demo_store, CHOICE, pdf, TODAY, print_pdf=full_disk)
    assert str(pdf) in str(refusal.value)
    assert pdf.read_bytes() == b"%PDF-1.4 the last quarter's"
    assert not [path for path in folder.iterdir() if path.name.startswith(".")]  # no temporary file left

    def nothing(_blocks: ReportBlocks, _path: Path) -> None:
        return None

    with pytest.raises(InvalidInputError, match="Không ghi được tệp PDF"):
        reports.write_report(demo_store, CHOICE, pdf, TODAY, print_pdf=nothing)
    assert pdf.read_bytes() == b"%PDF-1.4 the last quarter's"
