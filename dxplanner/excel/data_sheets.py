"""The shape of our data workbook: which table goes on which sheet, and how it is marked as ours."""

from __future__ import annotations

import zipfile
from pathlib import Path

from dxplanner.excel.safety import check_workbook_file

# (table, sheet) in the order a reader meets them; a table's rows keep the file's order.
DATA_SHEETS: tuple[tuple[str, str], ...] = (
    ("unit", "units"),
    ("socio_economic_plan", "socio_economic_plans"),
    ("strategy", "strategies"),
    ("goal", "goals"),
    ("indicator", "indicators"),
    ("indicator_target", "indicator_targets"),
    ("indicator_value", "indicator_values"),
    ("action_plan", "action_plans"),
    ("plan_day_off", "plan_days_off"),
    ("task", "tasks"),
    ("task_unit", "task_units"),
    ("task_goal", "task_goals"),
    ("dependency", "dependencies"),
    ("budget_line", "budget_lines"),
    ("staff_line", "staff_lines"),
    ("progress_report", "progress_reports"),
    ("risk", "risks"),
    ("system", "systems"),
    ("data_link", "data_links"),
    ("open_dataset", "open_datasets"),
    ("public_service", "public_services"),
    ("committee_member", "committee_members"),
    ("task_effect", "task_effects"),
    ("risk_treatment", "risk_treatments"),
    ("form_round", "form_rounds"),
    ("form_round_unit", "form_round_units"),
    ("form_receipt", "form_receipts"),
)
# The sheets a later format added, by the format that added them: a workbook of an earlier
# format has none of them, and restores with those tables empty.
ADDED_IN: dict[str, int] = (
    dict.fromkeys(
        (
            "systems",
            "data_links",
            "open_datasets",
            "public_services",
            "committee_members",
            "task_effects",
            "risk_treatments",
        ),
        2,
    )
    | dict.fromkeys(("form_rounds", "form_receipts"), 3)
    | {"form_round_units": 4}
)
# Text longer than a cell holds goes on here in pieces: (sheet, row, column, piece, text).
LONG_TEXT_SHEET = "long_texts"
# The sheet that says the workbook is ours, and in which format.
MARKER_SHEET = "dxplanner"
MARKER_TITLE = "dxplanner data workbook"
FORMAT_VERSION = 4  # 2: the estate's sheets; 3: the progress forms' rounds and receipts; 4: their units
DATE_FORMAT = "dd/mm/yyyy"
# The rows a sheet holds (Excel's limit, which XlsxWriter keeps by leaving later rows out), and the
# cells a data workbook's sheet may hold: the widest table, the tasks' 22 columns, down to that row.
SHEET_ROWS = 1_048_576
DATA_SHEET_CELLS = 24 * SHEET_ROWS


def is_data_workbook(path: Path) -> bool:
    """Whether a workbook is one our data export wrote, by its sheet list only.

    It is ours if it has the marker sheet, or most of our sheets (the marker may have been
    deleted by hand): reading it as a plan table would import junk.
    """
    check_workbook_file(path)
    from defusedxml import ElementTree

    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/workbook.xml") as part:
            root = ElementTree.parse(part).getroot()
        if root is None:
            return False
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, ElementTree.ParseError):
        return False
    except Exception:  # defusedxml's refusals: not ours, and the workbook reader will say why
        return False
    names = {element.get("name") for element in root.iter() if element.tag.endswith("}sheet")}
    ours = sum(sheet in names for _table, sheet in DATA_SHEETS)
    return MARKER_SHEET in names or ours * 2 > len(DATA_SHEETS)
