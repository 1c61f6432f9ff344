"""The estate map in the window: F8 shows it, F8 again goes back, a task or an element opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dxplanner.ui.estate_forms.page import EstatePage
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind

pytestmark = pytest.mark.gui


def test_f8_shows_the_estate_map_and_f8_again_goes_back(
    window: MainWindow, demo_path: Path, qtbot: QtBot
) -> None:
    assert window.open_file(demo_path)
    editor = window.editor
    assert editor is not None
    window.select(NodeKey(NodeKind.PLAN, 1))
    assert editor.stack.currentWidget() is editor.plan_page
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F8)
    page = editor.estate_map
    assert editor.stack.currentWidget() is page
    assert page.scene is not None and len(page.scene.boxes) > 300  # the demo's estate, drawn on showing
    assert window.map_action.text() and window.view_menu.actions() == [window.map_action]
    QTest.keyClick(page.view, Qt.Key.Key_F8)
    assert editor.stack.currentWidget() is editor.plan_page


def test_a_task_chosen_on_the_map_opens_in_its_plans_sheet(window: MainWindow, demo_path: Path) -> None:
    assert window.open_file(demo_path)
    editor = window.editor
    assert editor is not None
    editor.toggle_estate_map(window.current_key())
    plan_id = editor.sheet.plan_id
    task_id = editor.sheet.model.reading_order()[3]
    editor.estate_map.open_record.emit("task", task_id)
    assert editor.stack.currentWidget() is editor.plan_page
    assert editor.sheet.plan_id == plan_id and editor.sheet.current_task() == task_id


def test_an_element_double_clicked_on_the_map_opens_in_its_form(
    window: MainWindow, demo_path: Path, qtbot: QtBot
) -> None:
    assert window.open_file(demo_path)
    editor = window.editor
    assert editor is not None
    editor.toggle_estate_map(window.current_key())
    page = editor.estate_map
    assert page.scene is not None
    item = next(item for item in page.scene.boxes.values() if item.element.table == "system")
    page.view.centerOn(item)
    point = page.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    shown = editor.stack.currentWidget()
    assert isinstance(shown, EstatePage)
    assert shown.form.record_id == item.element.record_id


def test_the_window_reads_the_maps_choices_from_the_plan_file(window: MainWindow, demo_path: Path) -> None:
    import datetime

    from dxplanner.ui.estate_map.source import MapFilter, PlanSource

    assert window.open_file(demo_path)
    assert window.store is not None and window.editor is not None
    source = PlanSource(window.store)
    plans = source.plans()
    assert plans and all(plan.end is not None for plan in plans)
    assert any("2026" in plan.name for plan in plans)
    units = source.units()
    assert len(units) > 10 and [name for _id, name in units] == sorted(name for _id, name in units)
    task_id = window.editor.sheet.model.reading_order()[3]
    [(found, name)] = source.task_names([task_id, 999_999])
    assert found == task_id and name
    estate = source.estate_map(MapFilter(datetime.date(2026, 11, 20)))
    assert estate.as_of == datetime.date(2026, 11, 20)
    # The page offers them: every plan and unit, after "all".
    page = window.editor.estate_map
    assert page.plan.count() == len(plans) + 1 and page.unit.count() == len(units) + 1
