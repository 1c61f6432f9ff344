"""The import preview in the window: correct a column, take a near match, make a unit, import, undo."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxplanner.core.plan_table import TableField
from dxplanner.store.plan_store import PlanStore
from dxplanner.ui.excel_import.dialog import ImportDialog
from dxplanner.ui.excel_import.preview import NEW_UNIT
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKind
from tests.conftest import snapshot

pytestmark = pytest.mark.gui

TODAY = datetime.date(2026, 11, 20)
MINISTRY_OF_FINANCE = "BTC"


def _workbook(folder: Path) -> Path:
    """A plan whose lead-unit column has a heading the importer does not know ("Đầu mối")."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    sheet.append(["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2027"])
    sheet.append([])
    sheet.append(
        ["STT", "Nhiệm vụ", "Đầu mối", "Đơn vị phối hợp", "Thời gian thực hiện", "Kinh phí (triệu đồng)"]
    )
    sheet.append(["I", "Thể chế số"])
    sheet.append(
        [1, "Rà soát quy định về chi tiêu công nghệ thông tin", "Bộ Tài chánh", "Cục ATTT", "Quý I/2027", 500]
    )
    sheet.append(
        [2, "Hướng dẫn thuê dịch vụ công nghệ thông tin", "Sở Tài chính", None, "Quý III/2027", "1.200"]
    )
    sheet.append(
        [3, "Xây dựng kho dữ liệu ngành tài chính", "Trung tâm Dữ liệu tài chính", None, "2027", None]
    )
    path = folder / "ke-hoach-2027.xlsx"
    book.save(path)
    return path


def _unit_id(store: PlanStore, code: str) -> int:
    with store.read() as session:
        return int(
            session.connection()
            .execute(sa.text("SELECT id FROM unit WHERE code = :c"), {"c": code})
            .scalar_one()
        )


def test_the_preview_is_corrected_then_imported_as_one_undoable_step(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    session = window.session
    assert session is not None
    before = snapshot(session.store)
    dialog = ImportDialog(session, _workbook(tmp_path), TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    assert dialog.table is not None and TableField.LEAD_UNIT not in dialog.table.columns.values()
    assert all(task.lead_unit is None for task in dialog.table.tasks)

    # Correct the mapping: column C holds the lead units. The table is read again with it.
    lead_column = dialog.columns.combos[2]
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        lead_column.setCurrentIndex(lead_column.findData(TableField.LEAD_UNIT))
    assert [task.lead_unit for task in dialog.table.tasks[1:]] == [
        "Bộ Tài chánh",
        "Sở Tài chính",
        "Trung tâm Dữ liệu tài chính",
    ]

    # A near match is proposed and kept; a unit the file lacks is to be created.
    finance = _unit_id(session.store, MINISTRY_OF_FINANCE)
    assert dialog.units.combos["Bộ Tài chánh"].currentData() == finance
    assert dialog.units.combos["Cục ATTT"].currentData() == _unit_id(session.store, "BTTTT-ATTT")
    new_centre = dialog.units.combos["Trung tâm Dữ liệu tài chính"]
    assert new_centre.currentData() == NEW_UNIT
    # "Sở Tài chính" reads like the ministry but is not one: choose it to be the ministry by hand.
    provincial = dialog.units.combos["Sở Tài chính"]
    assert provincial.currentData() == NEW_UNIT
    provincial.setCurrentIndex(provincial.findData(finance))
    assert dialog.import_button.isEnabled()
    # Another correction reads the table again; the unit chosen by hand stays chosen.
    budget_column = dialog.columns.combos[5]
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        budget_column.setCurrentIndex(0)  # not imported
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        budget_column.setCurrentIndex(budget_column.findData(TableField.BUDGET))
    assert dialog.units.combos["Sở Tài chính"].currentData() == finance

    dialog.import_button.click()
    assert dialog.result() == ImportDialog.DialogCode.Accepted and dialog.outcome is not None
    with session.store.read() as read:
        connection = read.connection()
        leads = connection.execute(
            sa.text(
                "SELECT t.name, u.name FROM task t LEFT JOIN unit u ON u.id = t.lead_unit_id "
                "WHERE t.plan_id = :plan ORDER BY t.id"
            ),
            {"plan": dialog.outcome.plan_id},
        ).all()
        plan_name = connection.execute(
            sa.text("SELECT name FROM action_plan WHERE id = :plan"), {"plan": dialog.outcome.plan_id}
        ).scalar_one()
    assert plan_name == "Kế hoạch chuyển đổi số năm 2027"  # the title, as lists write it
    assert [unit for _task, unit in leads] == [
        None,
        "Bộ Tài chính",
        "Bộ Tài chính",
        "Trung tâm Dữ liệu tài chính",
    ]
    assert window.session.undo_stack.undoText() == "Import ke-hoach-2027.xlsx"  # type: ignore[union-attr]

    # One step undoes it all: the plan, its tasks and the new unit; and redoes it exactly.
    after = snapshot(session.store)
    session.undo_stack.undo()
    assert snapshot(session.store) == before
    session.undo_stack.redo()
    assert snapshot(session.store) == after
    session.undo_stack.undo()
    assert snapshot(session.store) == before


def test_a_bad_file_is_told_in_the_preview_and_nothing_can_be_imported(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    csv = tmp_path / "ke-hoach.xlsx"
    csv.write_text("STT,Nhiệm vụ\n1,Triển khai\n", encoding="utf-8")
    dialog = ImportDialog(window.session, csv, TODAY, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "CSV" in dialog.status.text(), timeout=10_000)
    assert not dialog.import_button.isEnabled()


def test_a_workbook_dropped_on_the_window_opens_the_preview(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    path = _workbook(tmp_path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    seen: list[str] = []

    def close_preview() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportDialog):
            seen.append(dialog.path.name)
            dialog.reject()
        else:
            QTimer.singleShot(50, close_preview)

    QTimer.singleShot(50, close_preview)
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: seen == [path.name], timeout=10_000)


def test_after_an_import_the_window_says_so_and_shows_the_new_plan(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    window.show()
    path = _workbook(tmp_path)

    def import_in_preview() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportDialog) and dialog.table is not None:
            dialog.import_now()
        else:
            QTimer.singleShot(50, import_in_preview)

    QTimer.singleShot(50, import_in_preview)
    assert window.import_workbook(path)
    key = window.current_key()
    assert key is not None and key.kind is NodeKind.PLAN
    index = window.navigator.currentIndex()
    assert index.data().endswith("Kế hoạch chuyển đổi số năm 2027")
    assert window.navigator.isExpanded(index.parent())  # not left in a folded branch
    said = window.statusBar().currentMessage()
    assert "3 tasks" in said and "Kế hoạch chuyển đổi số năm 2027" in said, said


def _saved(path: Path, rows: list[list[object]]) -> Path:
    """A workbook of these rows on its first sheet, saved at path."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _preview(qtbot: QtBot, window: MainWindow, demo_path: Path, path: Path) -> ImportDialog:
    """The import preview of the workbook at path, over the demo, read and shown."""
    assert window.open_file(demo_path)
    assert window.session is not None
    dialog = ImportDialog(window.session, path, TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    return dialog


def test_the_preview_counts_the_new_units_the_import_makes_the_agency_too(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    """The agency at the table's top becomes a new plan's owner unit: said 7 new units, made 8."""
    path = _saved(
        tmp_path / "ninh-binh.xlsx",
        [
            ["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"],
            ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2027"],
            [],
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
            ["I", "Thể chế số"],
            [1, "Rà soát quy định về chuyển đổi số", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2027"],
        ],
    )
    dialog = _preview(qtbot, window, demo_path, path)
    assert "3 new units" in dialog.status.text()  # the two units, and the agency owning the new plan
    dialog.target.setCurrentIndex(1)  # added to a plan of the file: the agency is not made
    assert "2 new units" in dialog.status.text()
    dialog.units.combos["Sở Nội vụ"].setCurrentIndex(1)  # an existing unit chosen for one of them
    assert "1 new units" in dialog.status.text()
    dialog.target.setCurrentIndex(0)
    dialog.import_button.click()
    assert dialog.outcome is not None and dialog.outcome.new_units == 2


def test_the_preview_shows_the_progress_each_task_is_read_with(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    path = _saved(
        tmp_path / "tien-do.xlsx",
        [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tiến độ thực hiện (%)"],
            [1, "Số hóa hồ sơ hộ tịch", "Sở Tư pháp", 0.3],
            [2, "Cấp chữ ký số cho cán bộ", "Sở Nội vụ", "Hoàn thành"],
            [3, "Kết nối nền tảng LGSP", "Sở Nội vụ", None],
        ],
    )
    tree = _preview(qtbot, window, demo_path, path).tasks
    column = next(index for index in range(tree.columnCount()) if tree.headerItem().text(index) == "Progress")
    rows = [tree.topLevelItem(index) for index in range(tree.topLevelItemCount())]
    assert [row.text(column) if row is not None else None for row in rows] == ["30%", "100%", ""]
