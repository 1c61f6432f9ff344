"""The dashboard's estate figure on screen: marking a task that raises services done raises it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from matplotlib.text import Text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import EstateStatus, ServiceLevel
from dxplanner.numbers import decimal_text
from dxplanner.services import estate
from dxplanner.services.estate_view import estate_map
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn
from tests.gui.conftest import TODAY
from tests.gui.keys import open_editor, type_text

pytestmark = pytest.mark.gui

STRATEGY, PLAN_2026 = 1, 6
FULL_PROCESS = "CT20"  # the demo's share of public services full-process online


def shown_figures(window: MainWindow) -> dict[str, str]:
    """What the dashboard's indicator chart says of the estate, by indicator code."""
    assert window.editor is not None
    figure = window.editor.dashboard.cells["kpi"].figure
    return {
        str(text.get_gid()).removeprefix("estate_figure:"): text.get_text()
        for text in figure.findobj(Text)
        if str(text.get_gid()).startswith("estate_figure:")
    }


def dashboard_figure(window: MainWindow) -> float | None:
    assert window.editor is not None and window.editor.dashboard.data is not None
    (indicator,) = [item for item in window.editor.dashboard.data.indicators if item.code == FULL_PROCESS]
    return indicator.estate_figure


def test_marking_a_raising_task_done_in_the_sheet_raises_the_dashboards_estate_figure(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    with sqlite3.connect(demo_path) as connection:
        raised = dict(
            connection.execute(
                "SELECT e.task_id, COUNT(*) FROM task_effect AS e JOIN task AS t ON t.id = e.task_id"
                " JOIN public_service AS s ON s.id = e.service_id"
                " WHERE e.effect = 'raises_level' AND e.service_level = 'full_process_online'"
                " AND s.level <> 'full_process_online' AND t.plan_id = ? AND t.status <> 'completed'"
                " GROUP BY e.task_id",
                (PLAN_2026,),
            )
        )
    task_id = max(raised, key=raised.__getitem__)
    assert window.open_file(demo_path)
    assert window.store is not None
    services = [
        element
        for element in estate_map(window.store, TODAY, today=lambda: TODAY).elements
        if element.table == "public_service" and element.status is not EstateStatus.RETIRED
    ]
    full = sum(1 for element in services if element.service_level is ServiceLevel.FULL_PROCESS_ONLINE)

    window.select(NodeKey(NodeKind.DASHBOARD, STRATEGY))
    before = dashboard_figure(window)
    assert before is not None and before == round(100 * full / len(services), 2)
    assert shown_figures(window)[FULL_PROCESS] == f"Estate now: {decimal_text(before)}%"

    # Done, chosen in the task's status cell of the 2026 plan's sheet.
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    sheet = window.editor.sheet  # type: ignore[union-attr]
    sheet.select_task(task_id, SheetColumn.STATUS)
    sheet.view.setFocus()
    qtbot.keyClick(sheet.view, Qt.Key.Key_F2)
    combo = open_editor()
    assert isinstance(combo, QComboBox)
    type_text(combo, "Comp")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()

    window.select(NodeKey(NodeKind.DASHBOARD, STRATEGY))
    qtbot.waitUntil(lambda: dashboard_figure(window) != before)
    after = round(100 * (full + raised[task_id]) / len(services), 2)
    assert dashboard_figure(window) == after
    assert shown_figures(window)[FULL_PROCESS] == f"Estate now: {decimal_text(after)}%"

    # Undo takes the figure back, while the dashboard is on screen.
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: dashboard_figure(window) == before)
    assert shown_figures(window)[FULL_PROCESS] == f"Estate now: {decimal_text(before)}%"


def test_a_service_raised_in_the_estate_form_reaches_the_dashboard_on_screen(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    with sqlite3.connect(demo_path) as connection:
        partial = connection.execute(
            "SELECT id FROM public_service WHERE level = 'partial_online' AND id NOT IN"
            " (SELECT service_id FROM task_effect WHERE service_id IS NOT NULL) ORDER BY id LIMIT 1"
        ).fetchone()[0]
        offered = connection.execute("SELECT COUNT(*) FROM public_service").fetchone()[0]
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.DASHBOARD, STRATEGY))
    before = dashboard_figure(window)
    assert before is not None
    # As the public service's form writes a level chosen in it.
    assert window.session is not None
    assert window.session.run(
        "Edit",
        lambda plan: estate.update_public_service(plan, partial, level=ServiceLevel.FULL_PROCESS_ONLINE),
    )
    qtbot.waitUntil(lambda: dashboard_figure(window) != before)
    assert dashboard_figure(window) == pytest.approx(before + 100 / offered, abs=0.01)
    assert (
        shown_figures(window)[FULL_PROCESS] == f"Estate now: {decimal_text(dashboard_figure(window) or 0)}%"
    )
