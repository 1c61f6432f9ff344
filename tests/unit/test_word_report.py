"""The official progress report in Word (Decree 30/2020): its heading, its sections' figures, its formats."""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from dxplanner import cli
from dxplanner.core.report import ReportRow, StatusGroup
from dxplanner.core.report_document import agency_symbol, group_results, next_period, place_of
from dxplanner.core.status import Health
from dxplanner.i18n import set_language

AS_OF = "2026-12-06"
# The days the report was written on (the day before and after writing it).
_written_on: set[datetime.date] = set()
PLAN = "6"  # the demo's plan of 2026
D = datetime.date


def _report(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["report", *arguments], out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def written(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Path]:
    """The demo's 2026 report as a Word document, read back, and its Excel appendix (written once)."""
    set_language("vi")
    folder = tmp_path_factory.mktemp("word")
    path = folder / "bao-cao.docx"
    _written_on.add(datetime.date.today())
    status, out, err = _report(
        str(demo_template),
        "--out", str(path), "--plan", PLAN, "--as-of", AS_OF,
        "--signer-title", "KT. BỘ TRƯỞNG, CHỦ NHIỆM\\nPHÓ CHỦ NHIỆM",
        "--signer-name", "Nguyễn Văn An",
        "--recipient", "Thủ tướng Chính phủ (để b/c);", "--recipient", "Lưu: VT, KSTT.",
    )  # fmt: skip
    assert (status, err) == (0, ""), err
    _written_on.add(datetime.date.today())  # (a run across midnight: either day)
    appendix = folder / "bao-cao (phụ lục).xlsx"
    assert str(appendix) in out
    return docx.Document(str(path)), openpyxl.load_workbook(appendix), path


def _paragraphs(document: Any) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def _cells(document: Any) -> list[str]:
    """Every line of every table's cells (the heading and the signature are tables without lines)."""
    return [
        text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for text in cell.text.split("\n")
    ]


def _table_after(document: Any, heading: str) -> list[list[str]]:
    """The rows of the first table after the paragraph that starts with heading."""
    body = document.element.body
    seen = False
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p" and "".join(child.itertext()).startswith(heading):
            seen = True
        elif tag == "tbl" and seen:
            table = docx.table.Table(child, document)
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table after {heading}")


def _figure(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def test_the_heading_says_who_issues_it_its_number_place_date_and_title(
    written: tuple[Any, Any, Path],
) -> None:
    document, _book, _path = written
    heading = _cells(document)
    assert {"CHÍNH PHỦ", "VĂN PHÒNG CHÍNH PHỦ", "Số: …/BC-VPCP"} <= set(heading)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading and "Độc lập - Tự do - Hạnh phúc" in heading
    # Dated the day it is written, as a report is when it is issued (not the day its figures are for).
    assert any(f"Hà Nội, ngày {day:%d} tháng {day:%m} năm {day:%Y}" in heading for day in _written_on)
    texts = _paragraphs(document)
    assert "BÁO CÁO" in texts
    assert any(
        text.startswith("Tình hình thực hiện kế hoạch triển khai Chính phủ số năm 2026") for text in texts
    )
    # The signature block and the recipients, as given on the command line.
    assert {"KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Nguyễn Văn An", "Nơi nhận:"} <= set(heading)
    assert "- Thủ tướng Chính phủ (để b/c);" in heading and "- Lưu: VT, KSTT." in heading
    sections = [text for text in texts if re.match(r"^(I|II|III|IV|V)\. |^\d\. ", text)]
    assert [section.split(" ")[0] for section in sections] == [
        "I.",
        "1.",
        "2.",
        "3.",
        "4.",
        "II.",
        "III.",
        "IV.",
        "V.",
    ]
    assert sections[-2:] == ["IV. NHIỆM VỤ TRỌNG TÂM QUÝ I NĂM 2027", "V. ĐỀ XUẤT, KIẾN NGHỊ"]


def test_the_overview_counts_are_the_appendix_summary(written: tuple[Any, Any, Path]) -> None:
    document, book, _path = written
    summary = book.worksheets[0]
    counts: dict[str, int] = {}
    for row in summary.iter_rows(values_only=True):  # the status table comes first (then the budget's total)
        if row[0] in ("Hoàn thành", "Đúng tiến độ", "Chậm tiến độ", "Chưa bắt đầu", "Tổng cộng"):
            counts.setdefault(row[0], row[1])
    overview = next(text for text in _paragraphs(document) if text.startswith("Kế hoạch gồm"))
    assert f"gồm {counts['Tổng cộng']} nhiệm vụ" in overview
    assert f"{counts['Hoàn thành']} nhiệm vụ đã hoàn thành" in overview
    assert f"{counts['Đúng tiến độ']} nhiệm vụ đang thực hiện đúng tiến độ" in overview
    assert f"{counts['Chậm tiến độ']} nhiệm vụ chậm tiến độ" in overview
    assert f"{counts['Chưa bắt đầu']} nhiệm vụ chưa bắt đầu" in overview


def test_the_budget_and_indicator_tables_are_the_appendix_figures(written: tuple[Any, Any, Path]) -> None:
    document, book, _path = written
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    start = next(number for number, row in enumerate(rows) if row[0] == "Nguồn")
    excel_budget = []
    for row in rows[start + 1 :]:
        excel_budget.append((row[0], *row[1:4]))
        if row[0] == "Tổng cộng":
            break
    word_budget = _table_after(document, "4. Kinh phí")[1:]
    assert [(row[0], *(_figure(cell) for cell in row[1:4])) for row in word_budget] == excel_budget
    start = next(number for number, row in enumerate(rows) if row[0] == "Chỉ tiêu")
    excel_indicators = [row for row in rows[start + 1 :] if row[0] and " – " in str(row[0])]
    word_indicators = _table_after(document, "3. Kết quả thực hiện các chỉ tiêu")[1:]
    assert len(word_indicators) == len(excel_indicators) > 10
    for word_row, excel_row in zip(word_indicators, excel_indicators, strict=True):
        assert word_row[1] == excel_row[0]  # the same indicator, in the same order
        if isinstance(excel_row[2], (int, float)):
            assert _figure(word_row[3]) == pytest.approx(excel_row[2])  # the year's target
        if isinstance(excel_row[3], (int, float)):
            assert _figure(word_row[4]) == pytest.approx(excel_row[3], abs=0.005)  # the result
        assert word_row[6] == excel_row[5]  # the assessment


def test_the_late_tasks_are_the_appendix_late_ones_with_their_causes(written: tuple[Any, Any, Path]) -> None:
    document, book, _path = written
    late_sheet = book.worksheets[2]
    excel_late = sorted(
        row[1] for row in late_sheet.iter_rows(values_only=True) if row[5] == "Chậm tiến độ" and row[1]
    )
    word_late = _table_after(document, "Có ")[1:]
    assert sorted(row[1] for row in word_late) == excel_late
    assert all(row[5] for row in word_late)  # a cause, or "Chưa báo cáo nguyên nhân"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_document_opens_in_libreoffice_and_a_pdf_report_is_written(
    written: tuple[Any, Any, Path], demo_template: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "bao-cao.pdf"
    status, _out, err = _report(str(demo_template), "--out", str(pdf), "--plan", PLAN, "--as-of", AS_OF)
    assert (status, err) == (0, "")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
        assert pages >= 2


def test_an_unknown_report_format_is_refused_before_anything_is_written(
    demo_template: Path, tmp_path: Path
) -> None:
    set_language("vi")
    status, _out, err = _report(str(demo_template), "--out", str(tmp_path / "bao-cao.doc"), "--plan", PLAN)
    assert status != 0
    assert "Báo cáo lưu được dạng .xlsx (Excel), .docx (Word) hoặc .pdf" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_the_agency_letters_and_place_of_a_document() -> None:
    assert agency_symbol("Văn phòng Chính phủ", "VPCP") == "VPCP"
    assert agency_symbol("Sở Thông tin và Truyền thông", "Sở TT&TT") == "STTTT"
    assert agency_symbol("Bộ Thông tin và Truyền thông", "BTTTT") == "BTTTT"
    assert place_of("Ủy ban nhân dân tỉnh Thanh Hóa") == "Thanh Hóa"
    assert place_of("Sở Y tế thành phố Hải Phòng") == "Hải Phòng"
    assert place_of("Bộ Y tế") == "Hà Nội"


def _row(task_id: int, level: int, health: Health, *, group: bool = False, progress: float = 0) -> ReportRow:
    return ReportRow(
        task_id, level, str(task_id), f"Việc {task_id}", group, None, "", None, None, None, None,
        progress, health, None, 0,
    )  # fmt: skip


def test_results_by_group_count_each_heading_s_tasks() -> None:
    rows = [
        _row(1, 0, Health.ON_TRACK, group=True, progress=40),
        _row(2, 1, Health.DONE),
        _row(3, 1, Health.LATE),
        _row(4, 0, Health.NOT_STARTED, group=True),
        _row(5, 1, Health.NOT_STARTED),
        _row(6, 0, Health.DONE),  # a task under no heading
    ]
    results = group_results(rows)
    assert [(result.name, result.total, result.progress) for result in results] == [
        ("Việc 1", 2, 40),
        ("Việc 4", 1, 0),
        ("", 1, 0),
    ]
    assert results[0].counts[StatusGroup.DONE] == results[0].counts[StatusGroup.LATE] == 1


def test_the_next_period_is_the_next_quarter() -> None:
    assert next_period(D(2026, 12, 6)) == (D(2027, 1, 1), D(2027, 3, 31))
    assert next_period(D(2026, 4, 1)) == (D(2026, 7, 1), D(2026, 9, 30))


def test_a_long_list_names_the_first_fifty_and_says_how_many_more_the_appendix_lists(tmp_path: Path) -> None:
    from dxplanner.core.dashboard import ProgressData
    from dxplanner.core.report import ReportData
    from dxplanner.core.report_document import default_heading
    from dxplanner.word.report_docx import write_report_document

    set_language("vi")
    late = [
        ReportRow(
            number,
            0,
            str(number),
            f"Việc {number}",
            False,
            "Sở A",
            "",
            None,
            D(2026, 1, 1),
            D(2026, 6, 30),
            None,
            50,
            Health.LATE,
            None,
            number,
        )
        for number in range(1, 121)
    ]
    data = ReportData(
        "Sở A", "Kế hoạch năm 2026", (D(2026, 1, 1), D(2026, 12, 31)), D(2026, 12, 6), tuple(late),
        (), (), (), (), ProgressData((), (), (), D(2026, 12, 6)),
    )  # fmt: skip
    path = tmp_path / "bc.docx"
    write_report_document(path, data, default_heading(data, D(2026, 12, 6)), language="vi")
    document = docx.Document(str(path))
    listed = _table_after(document, "Có 120")[1:]
    assert len(listed) == 50 and listed[0][1] == "Việc 120"  # the latest first
    assert "Và 70 nhiệm vụ khác, nêu tại Phụ lục." in _paragraphs(document)


def test_the_units_difficulties_and_proposals_from_their_forms_are_in_the_report(
    demo_path: Path, tmp_path: Path
) -> None:
    from dxplanner.core.enums import TaskStatus
    from dxplanner.core.form_collect import ReceiptToWrite, ReportToWrite
    from dxplanner.store.operations.collect_forms import collect_forms, record_form_round
    from dxplanner.store.plan_file import open_plan_file

    set_language("vi")
    store = open_plan_file(demo_path)
    try:
        sent = record_form_round(store, 6, D(2026, 11, 30), D(2026, 12, 5), datetime.datetime(2026, 11, 20))
        assert sent.id is not None
        said = ReportToWrite(
            350, D(2026, 11, 30), 40, TaskStatus.IN_PROGRESS,
            difficulty="Chưa được bố trí vốn", proposal="Đề nghị bổ sung vốn năm 2027", author="Lan",
        )  # fmt: skip
        older = ReportToWrite(
            350, D(2026, 6, 30), 20, TaskStatus.IN_PROGRESS, difficulty="Khó khăn của quý trước"
        )
        collect_forms(
            store, [ReceiptToWrite(sent.id, 7, datetime.datetime(2026, 12, 1), "Lan", "a.xlsx", (said,))]
        )
        collect_forms(
            store, [ReceiptToWrite(sent.id, 8, datetime.datetime(2026, 12, 1), "Bình", "b.xlsx", (older,))]
        )
    finally:
        store.close()
    path = tmp_path / "bao-cao.docx"
    status, _out, err = _report(str(demo_path), "--out", str(path), "--plan", PLAN, "--as-of", AS_OF)
    assert (status, err) == (0, ""), err
    document = docx.Document(str(path))
    difficulties = _table_after(document, "III. KHÓ KHĂN, VƯỚNG MẮC")
    assert difficulties[0][-1] == "Khó khăn, vướng mắc"
    assert [row[-1] for row in difficulties[1:]] == ["Chưa được bố trí vốn"]  # the last quarter's is left out
    proposals = _table_after(document, "V. ĐỀ XUẤT, KIẾN NGHỊ")
    assert proposals[0][-1] == "Đề xuất, kiến nghị"
    assert [row[-1] for row in proposals[1:]] == ["Đề nghị bổ sung vốn năm 2027"]
    assert proposals[1][2] == difficulties[1][2] != ""  # the unit that leads the task
