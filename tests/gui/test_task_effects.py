"""A task's effects on the estate, beside the sheet: added by choosing the element by name, and removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import EffectKind, ServiceLevel, SystemKind
from dxplanner.services import estate
from dxplanner.ui.estate_forms.risk_treatments import RiskTreatments
from dxplanner.ui.forms.record_table import KEY_ROLE
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from tests.conftest import snapshot, without_estate
from tests.gui.keys import type_text

pytestmark = pytest.mark.gui

DECREE = 353  # a task of the 2026 plan
PLAN_2026 = 6
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def demo_path(demo_path: Path) -> Path:
    """The demo plan without its estate: these tests build theirs record by record."""
    return without_estate(demo_path)


def _choose_by_keys(qtbot: QtBot, combo: QComboBox, wanted: object) -> None:
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _step in range(combo.count()):
        if combo.currentData() == wanted:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == wanted


def test_a_task_s_effects_are_added_by_the_element_s_name_and_removed(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    store = window.store
    assert store is not None
    lgsp = estate.add_system(
        store, name="Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)", kind=SystemKind.PLATFORM
    )
    birth = estate.add_public_service(store, code="1.001193", name="Đăng ký khai sinh", field="Hộ tịch")
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert window.editor is not None
    window.editor.sheet.select_task(DECREE)
    details = window.editor.details.task
    assert details.record_id == DECREE
    effects = details.effects
    before = snapshot(store, versions=False)

    _choose_by_keys(qtbot, effects.effect, EffectKind.BUILDS.value)
    effects.element.setFocus()
    type_text(effects.element, "lgsp")
    qtbot.keyClick(effects.element, Qt.Key.Key_Return)
    _choose_by_keys(qtbot, effects.effect, EffectKind.RAISES_LEVEL.value)
    _choose_by_keys(qtbot, effects.level, ServiceLevel.FULL_PROCESS_ONLINE.value)
    effects.element.setFocus()
    type_text(effects.element, "khai sinh")
    qtbot.keyClick(effects.element, Qt.Key.Key_Return)

    stored = [
        (each.effect, each.system_id, each.service_id, each.service_level)
        for each in estate.effects_of_task(store, DECREE)
    ]
    assert stored == [
        (EffectKind.BUILDS, lgsp.id, None, None),
        (EffectKind.RAISES_LEVEL, None, birth.id, ServiceLevel.FULL_PROCESS_ONLINE),
    ]
    table = effects.table.table
    shown = [[table.item(row, column).text() for column in range(3)] for row in range(table.rowCount())]  # type: ignore[union-attr]
    assert shown == [
        ["Builds", "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)", ""],
        ["Raises the level", "1.001193 Đăng ký khai sinh", "Full-process online"],
    ]
    assert effects.element.text() == ""
    assert messages == []

    effects.element.setFocus()
    type_text(effects.element, "không có")
    qtbot.keyClick(effects.element, Qt.Key.Key_Return)
    assert messages == ["No system, data link or public service is called “không có”."]
    _choose_by_keys(qtbot, effects.effect, EffectKind.RAISES_LEVEL.value)
    effects.element.clear()
    type_text(effects.element, "lgsp")
    qtbot.keyClick(effects.element, Qt.Key.Key_Return)
    assert messages[1] == "Only a public service is raised to a level; choose a public service."
    assert len(estate.effects_of_task(store, DECREE)) == 2

    table.setCurrentCell(0, 0)
    qtbot.mouseClick(effects.table.delete_button, Qt.MouseButton.LeftButton)
    assert [each.effect for each in estate.effects_of_task(store, DECREE)] == [EffectKind.RAISES_LEVEL]
    assert table.rowCount() == 1

    # The effects went with the task's other changes, one step each.
    for _step in range(3):
        window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert snapshot(store, versions=False) == before
    assert table.rowCount() == 0


def test_a_plan_s_risk_gains_and_loses_a_task_that_treats_it(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    store = window.store
    assert store is not None
    window.select(NodeKey(NodeKind.PLAN, PLAN_2026))
    assert window.editor is not None
    plan = window.editor.details.plan
    risks = next(table for table in plan.record_tables if table.findChild(RiskTreatments) is not None)
    treatments = risks.findChild(RiskTreatments)
    assert treatments is not None
    assert risks.table.rowCount() == 2
    risk_id = risks.table.item(0, 0).data(KEY_ROLE)  # type: ignore[union-attr]
    titles = [risks.table.horizontalHeaderItem(each) for each in range(risks.table.columnCount())]
    column = [title.text() if title is not None else "" for title in titles].index("Treated by")
    before = snapshot(store, versions=False)

    risks.table.setCurrentCell(0, 0)
    treatments.task.setFocus()
    type_text(treatments.task, "5")  # tasks numbered 5 in several groups of the plan: the name decides
    qtbot.keyClick(treatments.task, Qt.Key.Key_Return)
    assert messages == ["6 tasks match '5'; type more of the name."]
    assert estate.treatments_of(store, risk_id) == []
    treatments.task.selectAll()
    type_text(treatments.task, "danh muc du lieu cot loi")
    qtbot.keyClick(treatments.task, Qt.Key.Key_Return)
    assert [each.task_id for each in estate.treatments_of(store, risk_id)] == [354]
    assert risks.table.item(0, column).text().startswith("5. Ban hành danh mục dữ liệu cốt lõi")  # type: ignore[union-attr]
    assert treatments.task.text() == ""

    type_text(treatments.task, "không có nhiệm vụ này")
    qtbot.keyClick(treatments.task, Qt.Key.Key_Return)
    assert messages[1:] == ["0 tasks match 'không có nhiệm vụ này'; type more of the name."]
    assert len(estate.treatments_of(store, risk_id)) == 1

    risks.table.setCurrentCell(0, 0)
    treatments.task.setText("cốt lõi")
    qtbot.mouseClick(treatments.remove_button, Qt.MouseButton.LeftButton)
    assert estate.treatments_of(store, risk_id) == []
    assert risks.table.item(0, column).text() == ""  # type: ignore[union-attr]
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert snapshot(store, versions=False) == before
