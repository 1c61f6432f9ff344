"""Every edit the window makes of a versioned record carries the version the user saw (no lost update)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import dxplanner
from dxplanner.services import edits

UI = Path(dxplanner.__file__).parent / "ui"
# Edits of records kept without a version (keyed by more than an id): a cell at a time, nothing to compare.
UNVERSIONED = {"update_target", "update_indicator_value", "update_day_off", "update_indicator_target",
               "update_plan_day_off"}  # fmt: skip
# Commands that add or delete records, or set what is computed now (a baseline from today's dates):
# they write over no value a user saw.
NOT_EDITS = {"add_dependency", "add_next_target", "delete_budget_line", "delete_dependency",
             "delete_indicator_target", "delete_plan_day_off", "delete_progress_report", "delete_risk",
             "delete_staff_line", "delete_tasks", "delete_unit", "merge_units", "paste_tasks",
             "record_indicator_value", "move_indicator_value", "set_baseline"}  # fmt: skip


def _versioned_edits() -> set[str]:
    return {
        name
        for name in edits.__all__
        if callable(getattr(edits, name)) and "seen" in inspect.signature(getattr(edits, name)).parameters
    }


def test_every_edit_of_a_versioned_record_takes_the_version_seen() -> None:
    commands = {name for name in edits.__all__ if name not in ("Changes", "Entity")}
    assert commands - _versioned_edits() - UNVERSIONED - NOT_EDITS == set()
    assert {"update_task", "update_progress_report", "update_risk", "update_budget_line", "update_staff_line",
            "indent_task", "outdent_task", "move_task", "reschedule_task",
            "report_progress_each"} <= _versioned_edits()  # fmt: skip


def test_the_window_passes_the_version_seen_to_every_such_edit() -> None:
    versioned = _versioned_edits()
    calls = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "edits"
                and node.func.attr in versioned
            ):
                calls.append((f"{path.relative_to(UI)}:{node.lineno}", node))
    assert len(calls) >= 20  # the sheet, the chart, the forms and their tables
    without = [where for where, call in calls if not any(keyword.arg == "seen" for keyword in call.keywords)]
    assert without == []
