"""Writing Excel with openpyxl and with XlsxWriter, the same cells and looks, beside our own writers.

Three kinds of file, from the synthetic plan of 10,000 tasks (60 units, 500 groups):
- the data workbook: every record of the file, one sheet per table, bold headings, dates as dates;
- the report's task table: 10,500 rows of 11 cells, each with its font, border, wrapping, fill
  and number format (our report writes four more sheets and two charts besides);
- the units' progress forms (one per lead unit): bordered, wrapped cells, yellow unlocked cells to
  fill, four data-validation lists and ranges, the sheet protected, a very hidden sheet of ids.
Each library writes the same cells in its fastest documented way: openpyxl's write_only mode
(its normal mode for the forms, which write_only cannot protect), XlsxWriter's constant_memory
mode (which writes rows in order, as all three kinds do). "ours" is our writer on the same data,
writing only (the file's reading is not timed); every figure is a median of --runs runs, one
process, alternating.
Run: python -m bench.excel_writers [--runs N] [--tasks N]
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.large_plan_file import write_large_plan_file
from dxplanner.core.progress_form import ProgressForm
from dxplanner.core.report import ReportData
from dxplanner.excel.data_sheets import DATA_SHEETS
from dxplanner.excel.data_writer import Records, write_data_workbook
from dxplanner.excel.progress_form_writer import hidden_rows, write_progress_form
from dxplanner.excel.report_writer import write_progress_report
from dxplanner.store.form_data import read_forms
from dxplanner.store.operations.whole_file import TableRecords, all_records
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.report_data import read_report

AS_OF = datetime.date(2026, 6, 30)
Tables = dict[str, TableRecords]


def _plain(value: object) -> object:
    return getattr(value, "value", value)  # an enum as its value


# The data workbook.


def data_openpyxl(records: Tables, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, sheet_name in DATA_SHEETS:
        columns, rows = records[name]
        sheet = book.create_sheet(sheet_name)
        headings = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=column)
            cell.font = bold
            headings.append(cell)
        sheet.append(headings)
        for row in rows:
            values: list[object] = []
            for value in row:
                if isinstance(value, datetime.date):
                    cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
                    cell.number_format = "dd/mm/yyyy"
                    values.append(cell)
                else:
                    values.append(_plain(value))
            sheet.append(values)
    book.save(path)


def data_xlsxwriter(records: Tables, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False})
    bold, dated = book.add_format({"bold": True}), book.add_format({"num_format": "dd/mm/yyyy"})
    for name, sheet_name in DATA_SHEETS:
        columns, rows = records[name]
        sheet = book.add_worksheet(sheet_name)
        sheet.write_row(0, 0, columns, bold)
        write_string, write_number, write_date = sheet.write_string, sheet.write_number, sheet.write_datetime
        for number, row in enumerate(rows, 1):
            for column, value in enumerate(row):
                value = _plain(value)
                if value is None:
                    continue
                if isinstance(value, str):
                    write_string(number, column, value)
                elif isinstance(value, datetime.date):
                    write_date(number, column, value, dated)
                else:
                    write_number(number, column, value)
    book.close()


def data_ours(records: Tables, revision: str, path: Path) -> None:
    write_data_workbook(path, {name: Records(*pair) for name, pair in records.items()}, revision)


# The report's task table.


def _report_rows(data: ReportData) -> list[tuple[Any, ...]]:
    return [
        (row.code or "", row.name, row.lead or "", row.cooperating, row.timeline_text or "", row.start,
         row.end, row.product or "", round(row.progress), row.health.value, row.remark or "", row.is_group)
        for row in data.rows
    ]  # fmt: skip


def report_openpyxl(data: ReportData, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tasks")
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fonts = {bold: Font(name="Times New Roman", size=11, bold=bold) for bold in (False, True)}
    grey = PatternFill("solid", fgColor="F2F2F2")
    wrapped = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(horizontal="center", vertical="center")
    merged = []
    for number, (*values, group) in enumerate(_report_rows(data), 1):
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value=value)
            cell.font, cell.border = fonts[group], border
            cell.alignment = centred if index in (0, 5, 6, 8) else wrapped
            if group:
                cell.fill = grey
            if index in (5, 6) and value is not None:
                cell.number_format = "dd/mm/yyyy"
            cells.append(cell)
        sheet.append(cells)
        if group:
            merged.append(f"B{number}:H{number}")
    sheet.merged_cells = merged  # not through openpyxl's range list, which compares each with all before
    book.save(path)


def report_xlsxwriter(data: ReportData, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False})
    sheet = book.add_worksheet("Tasks")
    formats = {}
    for group in (False, True):
        look = {"font_name": "Times New Roman", "font_size": 11, "bold": group, "border": 1,
                "border_color": "#808080"}  # fmt: skip
        if group:
            look |= {"bg_color": "#F2F2F2", "pattern": 1}
        wrapped = book.add_format(look | {"text_wrap": True, "valign": "top"})
        centred = book.add_format(look | {"align": "center", "valign": "vcenter"})
        dated = book.add_format(look | {"align": "center", "valign": "vcenter", "num_format": "dd/mm/yyyy"})
        formats[group] = [centred, wrapped, wrapped, wrapped, wrapped, dated, dated, wrapped, centred,
                          wrapped, wrapped]  # fmt: skip
    for number, (*values, group) in enumerate(_report_rows(data)):
        looks = formats[group]
        for column, value in enumerate(values):
            if value is None:
                sheet.write_blank(number, column, None, looks[column])
            elif isinstance(value, str):
                sheet.write_string(number, column, value, looks[column])
            elif isinstance(value, datetime.date):
                sheet.write_datetime(number, column, value, looks[column])
            else:
                sheet.write_number(number, column, value, looks[column])
        if group:
            sheet.merge_range(number, 1, number, 7, values[1], looks[1])
    book.close()


# The progress forms.

_FORM_COLUMNS = 14
_FILL = (8, 9, 10, 11, 12, 13, 14)  # the columns the unit fills (1-based)
_FIRST = 9


def _form_values(form: ProgressForm, offset: int) -> list[object]:
    task = form.tasks[offset]
    return [offset + 1, task.code, task.name, task.start, task.end, float(task.progress), task.status.value]


def forms_openpyxl(forms: Sequence[ProgressForm], folder: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    thin = Side(style="thin", color="808080")
    for number, form in enumerate(forms):
        book = Workbook()
        sheet: Any = book.active
        sheet.title = "Phiếu báo cáo"
        for offset in range(len(form.tasks)):
            row = _FIRST + offset
            values = _form_values(form, offset)
            for column in range(1, _FORM_COLUMNS + 1):
                value = values[column - 1] if column <= len(values) else None
                cell = sheet.cell(row=row, column=column, value=value)
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if column in (4, 5, 10, 11):
                    cell.number_format = "dd/mm/yyyy"
                if column in _FILL:
                    cell.fill = PatternFill("solid", fgColor="FFF2CC")
                    cell.protection = Protection(locked=False)
        last = _FIRST + len(form.tasks) - 1
        for check, letter in (
            (DataValidation(type="decimal", operator="between", formula1="0", formula2="100"), "H"),
            (DataValidation(type="list", formula1='"Chưa bắt đầu,Đang thực hiện,Hoàn thành"'), "I"),
            (DataValidation(type="date", operator="between", formula1="36526", formula2="73051"), "J"),
            (DataValidation(type="date", operator="between", formula1="36526", formula2="73051"), "K"),
        ):
            check.add(f"{letter}{_FIRST}:{letter}{last}")
            sheet.add_data_validation(check)
        sheet.protection.sheet = True
        hidden = book.create_sheet("_dxplanner")
        for row, texts in enumerate(hidden_rows(form, sheet.title), 1):
            for column, value in enumerate(texts, 1):
                hidden.cell(row=row, column=column, value=value)
        hidden.sheet_state = "veryHidden"
        hidden.protection.sheet = True
        book.save(folder / f"openpyxl{number}.xlsx")


def forms_xlsxwriter(forms: Sequence[ProgressForm], folder: Path) -> None:
    import xlsxwriter

    for number, form in enumerate(forms):
        book = xlsxwriter.Workbook(str(folder / f"xlsxwriter{number}.xlsx"), {"strings_to_urls": False})
        sheet = book.add_worksheet("Phiếu báo cáo")
        look = {"border": 1, "border_color": "#808080", "text_wrap": True, "valign": "top"}
        plain, dated = book.add_format(look), book.add_format(look | {"num_format": "dd/mm/yyyy"})
        to_fill = look | {"bg_color": "#FFF2CC", "pattern": 1, "locked": False}
        fill, fill_dated = book.add_format(to_fill), book.add_format(to_fill | {"num_format": "dd/mm/yyyy"})
        looks = [plain, plain, plain, dated, dated, plain, plain, fill, fill, fill_dated, fill_dated,
                 fill, fill, fill]  # fmt: skip
        for offset in range(len(form.tasks)):
            row = _FIRST - 1 + offset
            values = _form_values(form, offset)
            for column in range(_FORM_COLUMNS):
                value = values[column] if column < len(values) else None
                if value is None:
                    sheet.write_blank(row, column, None, looks[column])
                elif isinstance(value, str):
                    sheet.write_string(row, column, value, looks[column])
                elif isinstance(value, datetime.date):
                    sheet.write_datetime(row, column, value, looks[column])
                else:
                    sheet.write_number(row, column, value, looks[column])
        first, last = _FIRST - 1, _FIRST - 2 + len(form.tasks)
        start, end = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)
        for column, check in (
            (7, {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100}),
            (8, {"validate": "list", "source": ["Chưa bắt đầu", "Đang thực hiện", "Hoàn thành"]}),
            (9, {"validate": "date", "criteria": "between", "minimum": start, "maximum": end}),
            (10, {"validate": "date", "criteria": "between", "minimum": start, "maximum": end}),
        ):
            sheet.data_validation(first, column, last, column, check)
        sheet.protect()
        hidden = book.add_worksheet("_dxplanner")
        for row, texts in enumerate(hidden_rows(form, "Phiếu báo cáo")):
            for column, text in enumerate(texts):
                hidden.write_string(row, column, text)
        hidden.very_hidden()
        hidden.protect()
        book.close()


def forms_ours(forms: Sequence[ProgressForm], folder: Path) -> None:
    for number, form in enumerate(forms):
        write_progress_form(folder / f"ours{number}.xlsx", form)


def _timed(write: Callable[[], object]) -> float:
    started = time.perf_counter()
    write()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=10_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan_file = folder / "plan.dxplan"
        counts = write_large_plan_file(plan_file, arguments.tasks)
        store = open_plan_file(plan_file, read_only=True)
        try:
            records, revision = all_records(store)
            report = read_report(store, None, AS_OF, AS_OF)
            now = datetime.datetime(2026, 6, 30, 9)
            forms = read_forms(store, 1, AS_OF, AS_OF + datetime.timedelta(days=7), now)
        finally:
            store.close()
        cells = sum(len(rows) * len(columns) for columns, rows in records.values())
        form_rows = sum(len(form.tasks) for form in forms)
        print(f"plan file: {counts}")
        print(f"data workbook {cells:,} cells; report task table {len(report.rows):,} rows; "
              f"{len(forms)} forms of {form_rows:,} tasks in all")  # fmt: skip
        r2, r3 = folder / "r2.xlsx", folder / "r3.xlsx"
        kinds: dict[str, dict[str, Callable[[], object]]] = {
            "data workbook": {
                "openpyxl write_only": lambda: data_openpyxl(records, folder / "d1.xlsx"),
                "XlsxWriter constant_memory": lambda: data_xlsxwriter(records, folder / "d2.xlsx"),
                "ours (write_data_workbook)": lambda: data_ours(records, revision, folder / "d3.xlsx"),
            },
            "report": {
                "openpyxl write_only, task table": lambda: report_openpyxl(report, folder / "r1.xlsx"),
                "XlsxWriter constant_memory, task table": lambda: report_xlsxwriter(report, r2),
                "ours, every sheet and both charts": lambda: write_progress_report(r3, report),
            },
            "progress forms": {
                "openpyxl (normal mode)": lambda: forms_openpyxl(forms, folder),
                "XlsxWriter": lambda: forms_xlsxwriter(forms, folder),
                "ours (write_progress_form)": lambda: forms_ours(forms, folder),
            },
        }  # fmt: skip
        for writers in kinds.values():
            for write in writers.values():
                write()  # warm: imports, and the file cache
        times: dict[tuple[str, str], list[float]] = {}
        for _run in range(arguments.runs):
            for kind, writers in kinds.items():
                for who, write in writers.items():
                    times.setdefault((kind, who), []).append(_timed(write))
        print(f"median of {arguments.runs} runs (ratio: to the faster library's bare write):")
        for kind, writers in kinds.items():
            medians = {who: statistics.median(times[kind, who]) for who in writers}
            floor = min(list(medians.values())[:2])
            print(f"{kind}:")
            for who, seconds in medians.items():
                print(f"  {who:42} {seconds * 1000:7.0f} ms   {seconds / floor:5.2f}")


if __name__ == "__main__":
    main()
