"""The forms beside the sheet: a strategy, an indicator's targets and values, and merging two units."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from dxplanner.core.models import IndicatorTarget, IndicatorValue, Strategy, Task, Unit
from dxplanner.ui.forms.measure_entry import MeasureEntry
from dxplanner.ui.forms.record_form import RecordForm
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.pickers import UnitPicker
from tests.conftest import snapshot
from tests.gui.keys import type_text

pytestmark = pytest.mark.gui

DIGITAL_ECONOMY_SHARE = 1  # indicator KTXH-01: targets 2021-2025 and 2030
CYBER_SECURITY_DEPARTMENT = 4  # Cục An toàn thông tin
NCSC = 5  # Trung tâm Giám sát an toàn không gian mạng quốc gia, under the department


def _open(window: MainWindow, demo_path: Path, key: NodeKey) -> RecordForm:
    assert window.open_file(demo_path)
    window.select(key)
    assert window.editor is not None
    form = window.editor.form(key.kind)
    assert form is not None and window.editor.stack.currentWidget() is form
    return form


def _retype(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _edit_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
    """Type into a cell as a person would: open its editor, replace the text, press Enter."""
    table.setCurrentCell(row, column)
    item = table.item(row, column)
    assert item is not None
    table.editItem(item)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    type_text(editor, text)
    QApplication.sendEvent(editor, _enter())
    QApplication.processEvents()


def _enter():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)


def _strategy(window: MainWindow) -> Strategy:
    with window.store.read() as session:  # type: ignore[union-attr]
        found = session.get(Strategy, 1)
    assert found is not None
    return found


def test_a_strategy_field_is_saved_when_left_undone_with_ctrl_z_and_checked(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    form = _open(window, demo_path, NodeKey(NodeKind.STRATEGY, 1))
    decision = form.fields["decision_no"].widget
    assert isinstance(decision, QLineEdit) and decision.text() == "942/QĐ-TTg"
    _retype(qtbot, decision, "942/QĐ-TTg (sửa đổi 2025)")
    assert _strategy(window).decision_no == "942/QĐ-TTg (sửa đổi 2025)"
    assert window.edit_menu.actions()[0].text().startswith("&Undo Edit Decision number")

    before = snapshot(window.store)  # type: ignore[arg-type]
    end_year = form.fields["end_year"].widget
    assert isinstance(end_year, QLineEdit) and end_year.text() == "2025"
    _retype(qtbot, end_year, "2019")
    assert messages == [
        "Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021-2025, "
        "định hướng đến năm 2030: the end year 2019 is before the start year 2021."
    ]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert end_year.text() == "2025"  # the field shows what is stored again

    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert _strategy(window).decision_no == "942/QĐ-TTg"
    assert decision.text() == "942/QĐ-TTg"


def test_an_indicator_s_targets_and_measured_values_are_edited_in_its_tables(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    form = _open(window, demo_path, NodeKey(NodeKind.INDICATOR, DIGITAL_ECONOMY_SHARE))
    targets, values = form.record_tables
    years = [targets.table.item(row, 0).text() for row in range(targets.table.rowCount())]  # type: ignore[union-attr]
    assert years == ["2021", "2022", "2023", "2024", "2025", "2030"]

    def stored_targets() -> dict[int, float]:
        with window.store.read() as session:  # type: ignore[union-attr]
            rows = session.exec(
                select(IndicatorTarget.year, IndicatorTarget.value).where(
                    IndicatorTarget.indicator_id == DIGITAL_ECONOMY_SHARE
                )
            ).all()
        return dict(rows)

    value_column = 3  # year, scope, comparison, target, upper bound, target in words
    _edit_cell(targets.table, 4, value_column, "21,5")  # Vietnamese decimal comma
    assert stored_targets()[2025] == 21.5
    targets.add_button.click()  # the year after the last, then moved to the year wanted
    assert stored_targets()[2031] == 0
    row = [targets.table.item(row, 0).text() for row in range(targets.table.rowCount())].index(  # type: ignore[union-attr]
        "2031"
    )
    _edit_cell(targets.table, row, 0, "2027")
    assert 2031 not in stored_targets() and stored_targets()[2027] == 0

    before = snapshot(window.store)  # type: ignore[arg-type]
    _edit_cell(targets.table, 0, value_column, "nhiều")
    assert messages == ["Target: 'nhiều' is not a number."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert targets.table.item(0, value_column).text() == "12"  # type: ignore[union-attr]

    # A new measurement is typed whole under the table; an old one's date is corrected in its cell.
    entry = form.findChild(MeasureEntry)
    assert entry is not None
    entry.as_of.set_date(datetime.date(2026, 9, 30))
    entry.value.setFocus()
    type_text(entry.value, "19,8")
    type_text(entry.source, "Báo cáo quý III")
    qtbot.keyClick(entry.value, Qt.Key.Key_Return)
    assert entry.value.text() == ""
    dates = [values.table.item(row, 0).text() for row in range(values.table.rowCount())]  # type: ignore[union-attr]
    assert dates[-2:] == ["30/06/2026", "30/09/2026"]
    _edit_cell(values.table, len(dates) - 2, 0, "01/07/2026")

    def stored_values() -> dict[datetime.date, tuple[float, str | None]]:
        with window.store.read() as session:  # type: ignore[union-attr]
            rows = session.exec(
                select(IndicatorValue).where(IndicatorValue.indicator_id == DIGITAL_ECONOMY_SHARE)
            ).all()
        return {row.as_of: (row.value, row.source) for row in rows}

    measured = stored_values()
    assert measured[datetime.date(2026, 9, 30)] == (19.8, "Báo cáo quý III")
    assert datetime.date(2026, 6, 30) not in measured and measured[datetime.date(2026, 7, 1)][0] == 19.4
    assert messages == ["Target: 'nhiều' is not a number."]


def test_a_target_is_made_a_range_by_typing_its_upper_bound(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    form = _open(window, demo_path, NodeKey(NodeKind.INDICATOR, DIGITAL_ECONOMY_SHARE))
    targets = form.record_tables[0]
    headings = [targets.table.horizontalHeaderItem(column).text() for column in range(6)]  # type: ignore[union-attr]
    upper_column = headings.index("Upper bound")
    row = [targets.table.item(row, 0).text() for row in range(targets.table.rowCount())].index("2030")  # type: ignore[union-attr]

    def stored() -> tuple[float | None, float | None]:
        with window.store.read() as session:  # type: ignore[union-attr]
            target = session.get(IndicatorTarget, (DIGITAL_ECONOMY_SHARE, 2030, ""))
        assert target is not None
        return target.value, target.upper

    low = stored()[0]
    assert low is not None
    _edit_cell(targets.table, row, upper_column, f"{low + 5:g}".replace(".", ","))
    assert stored() == (low, low + 5) and messages == []
    before = snapshot(window.store)  # type: ignore[arg-type]
    _edit_cell(targets.table, row, upper_column, f"{low - 5:g}".replace(".", ","))
    assert len(messages) == 1 and "is below the target" in messages[0]
    assert snapshot(window.store) == before  # type: ignore[arg-type]


def test_merging_a_unit_moves_its_tasks_to_the_other_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    form = _open(window, demo_path, NodeKey(NodeKind.UNIT, NCSC))
    before = snapshot(window.store)  # type: ignore[arg-type]
    with window.store.read() as session:  # type: ignore[union-attr]
        led = set(session.exec(select(Task.id).where(Task.lead_unit_id == NCSC)).all())
    assert led

    picker = form.findChild(UnitPicker, "merge_target")
    assert picker is not None
    line = picker.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(line, "cuc an toan")
    merge = next(button for button in form.findChildren(QPushButton) if button.text() == "Merge units")
    merge.click()
    assert messages == []
    with window.store.read() as session:  # type: ignore[union-attr]
        assert session.get(Unit, NCSC) is None
        now_led = set(
            session.exec(select(Task.id).where(Task.lead_unit_id == CYBER_SECURITY_DEPARTMENT)).all()
        )
    assert led <= now_led
    assert window.current_key() == NodeKey(NodeKind.UNIT, CYBER_SECURITY_DEPARTMENT)
    assert NodeKey(NodeKind.UNIT, NCSC) not in window.all_keys()

    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert NodeKey(NodeKind.UNIT, NCSC) in window.all_keys()
