"""The window on a real plan file: navigator, task sheet, title, recent files, layout, menus."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.core.models import ActionPlan, Task
from dxplanner.store.operations.plans import create_plan
from dxplanner.store.operations.tasks import create_task
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.gui import create_plan as create_plan_file_for_ui
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NavigatorModel, NodeKey, NodeKind
from dxplanner.ui.sheet_model import LATE_COLOUR, SheetColumn, TaskSheetModel
from tests.gui.conftest import TODAY

pytestmark = pytest.mark.gui


def _sheet_column(window: MainWindow, column: SheetColumn) -> list[str]:
    assert window.editor is not None
    model = window.editor.sheet.model
    return [model.data(model.index_of(task_id, column)) for task_id in model.reading_order()]


def test_the_window_shows_the_tasks_of_the_plan_selected_in_the_tree(
    window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    assert window.windowTitle().startswith("demo.dxplan")
    with window.store.read() as session:  # type: ignore[union-attr]
        plan = session.exec(select(ActionPlan).order_by(col(ActionPlan.start))).first()
        assert plan is not None and plan.id is not None
        tasks = session.exec(select(Task).where(Task.plan_id == plan.id)).all()
        top = sorted((task for task in tasks if task.parent_id is None), key=lambda task: task.position)
    window.select(NodeKey(NodeKind.PLAN, plan.id))
    assert window.editor is not None and window.editor.stack.currentWidget() is window.editor.plan_page
    model = window.editor.sheet.model
    assert len(model.reading_order()) == len(tasks)
    assert model.rowCount() == len(top)
    assert model.data(model.index(0, SheetColumn.NAME)) == top[0].name
    assert sorted(_sheet_column(window, SheetColumn.NAME)) == sorted(task.name for task in tasks)
    # A task counts when it has no sub-tasks, or reports work of its own beside theirs (issue 15).
    parents = {task.parent_id for task in tasks}
    counted = [
        task
        for task in tasks
        if task.id not in parents
        or (task.kind is not TaskKind.GROUP and (task.progress > 0 or task.status is TaskStatus.COMPLETED))
    ]
    leaves = [task for task in tasks if task.id not in parents]
    assert len(counted) == len(leaves) + 2  # the 2021 plan has two such projects
    assert window._counts_label.text().startswith(f"{len(counted)} tasks shown")


def test_a_file_opened_after_another_does_not_show_the_others_task_counts(
    window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    from dxplanner.store.plan_file import create_plan_file

    assert window.open_file(demo_path)
    assert window._counts_label.text().endswith(" late")
    empty = create_plan_file(tmp_path / "empty.dxplan")
    assert window.open_file(empty)
    assert window._counts_label.text() == ""


def test_a_group_row_rolls_up_its_childrens_dates(window: MainWindow, store_with_a_group: Path) -> None:
    window.open_file(store_with_a_group)
    assert _sheet_column(window, SheetColumn.NAME) == [
        "I. Hạ tầng số",
        "Trung tâm dữ liệu",
        "Nền tảng điện toán đám mây",
    ]
    assert _sheet_column(window, SheetColumn.START)[0] == "03/02/2025"
    assert _sheet_column(window, SheetColumn.END)[0] == "30/09/2025"
    assert _sheet_column(window, SheetColumn.LEAD)[1] == "Sở TT&TT"
    assert window.editor is not None
    model = window.editor.sheet.model
    font = model.data(model.index(0, SheetColumn.NAME), Qt.ItemDataRole.FontRole)
    assert font.bold()
    assert not model.flags(model.index(0, SheetColumn.START)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, SheetColumn.NAME)) & Qt.ItemFlag.ItemIsEditable


@pytest.fixture
def store_with_a_group(plan_path: Path) -> Path:
    store = open_plan_file(plan_path)
    unit = create_unit(store, code="STTTT", name="Sở Thông tin và Truyền thông", short_name="Sở TT&TT").id
    plan = create_plan(
        store,
        name="Kế hoạch 2025",
        unit_id=unit,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
    ).id
    assert plan is not None
    group = create_task(store, plan, name="I. Hạ tầng số", kind="group").id
    create_task(
        store,
        plan,
        parent_id=group,
        name="Trung tâm dữ liệu",
        lead_unit_id=unit,
        planned_start=datetime.date(2025, 2, 3),
        planned_end=datetime.date(2025, 6, 30),
    )
    create_task(
        store,
        plan,
        parent_id=group,
        name="Nền tảng điện toán đám mây",
        planned_start=datetime.date(2025, 7, 1),
        planned_end=datetime.date(2025, 9, 30),
    )
    store.close()
    return plan_path


def test_opening_a_foreign_file_explains_why_and_keeps_the_window_usable(
    window: MainWindow, tmp_path: Path, messages: list[str]
) -> None:
    bogus = tmp_path / "bang-tinh.dxplan"
    bogus.write_text("STT;Nhiệm vụ\n", encoding="utf-8")
    assert not window.open_file(bogus)
    assert messages == ["bang-tinh.dxplan is not a dxplanner plan file (it is not an SQLite database)."]
    assert window.store is None
    assert window.windowTitle() == "dxplanner"


def test_recent_files_and_layout_are_remembered(
    qtbot: QtBot, window: MainWindow, settings: QSettings, demo_path: Path, plan_path: Path
) -> None:
    window.open_file(plan_path)
    window.open_file(demo_path)
    assert [action.text() for action in window.recent_menu.actions()] == ["demo.dxplan", "plan.dxplan"]
    window.resize(760, 560)
    window.splitter.setSizes([250, 500])
    navigator_width = window.splitter.sizes()[0]
    assert window.editor is not None
    window.editor.sheet.view.header().resizeSection(SheetColumn.NAME, 444)
    window.close()

    again = MainWindow(settings, open_plan_file, create_plan_file_for_ui)
    qtbot.addWidget(again)
    again.show()
    assert again.size().width() == 760 and again.size().height() == 560
    assert abs(again.splitter.sizes()[0] - navigator_width) <= 4  # the splitter rounds on relayout
    assert [action.text() for action in again.recent_menu.actions()] == ["demo.dxplan", "plan.dxplan"]
    assert settings.value("last_file") == str(demo_path.resolve())
    again.open_file(demo_path)
    assert again.editor is not None and again.editor.sheet.view.header().sectionSize(SheetColumn.NAME) == 444
    again.close()


def test_the_navigator_model_passes_the_model_tester(qtmodeltester, demo_store) -> None:  # type: ignore[no-untyped-def]
    model = NavigatorModel()
    model.rebuild(demo_store)
    qtmodeltester.check(model, force_py=True)
    kinds = set()
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop()
        key = model.key(index)
        kinds.add(key.kind if key else None)
        pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
    assert {
        NodeKind.STRATEGY,
        NodeKind.PLAN,
        NodeKind.GOAL,
        NodeKind.INDICATOR,
        NodeKind.SEDP,
        NodeKind.UNIT,
    } <= kinds


def test_the_task_sheet_model_passes_the_model_tester(qtmodeltester, demo_store) -> None:  # type: ignore[no-untyped-def]
    with demo_store.read() as session:
        plan_id = session.exec(select(ActionPlan.id)).first()
    model = TaskSheetModel(edit_task=lambda *_args: True, today=lambda: TODAY)
    model.load(demo_store, plan_id)
    assert model.rowCount() > 3
    # The tester watches every later signal too: a filter and a reload after an edit.
    qtmodeltester.check(model, force_py=True)
    model.set_filter({model.reading_order()[5]})
    assert model.rowCount() == 1
    model.set_filter(None)
    from dxplanner.store.operations.tasks import update_task
    from dxplanner.ui.session import DataChange

    first = model.reading_order()[1]
    update_task(demo_store, first, name="Đã sửa", planned_end=datetime.date(2030, 1, 1))
    model.refresh(DataChange.of(demo_store.last_journal))
    assert model.data(model.index_of(first, SheetColumn.NAME)) == "Đã sửa"


def test_late_tasks_stand_out(plan_path: Path) -> None:
    store = open_plan_file(plan_path)
    unit = create_unit(store, code="X", name="X").id
    plan = create_plan(
        store, name="KH", unit_id=unit, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    ).id
    assert plan is not None
    late = create_task(
        store,
        plan,
        name="Trễ",
        planned_start=datetime.date(2025, 1, 1),
        planned_end=datetime.date(2025, 3, 31),
        progress=50,
    ).id
    on_time = create_task(
        store,
        plan,
        name="Đúng hạn",
        planned_start=datetime.date(2025, 1, 1),
        planned_end=datetime.date(2025, 12, 31),
        progress=50,
    ).id
    assert late is not None and on_time is not None
    model = TaskSheetModel(today=lambda: datetime.date(2025, 6, 1))
    model.load(store, plan)
    late_brush = model.data(model.index_of(late, SheetColumn.NAME), Qt.ItemDataRole.ForegroundRole)
    on_time_brush = model.data(model.index_of(on_time, SheetColumn.NAME), Qt.ItemDataRole.ForegroundRole)
    assert model.data(model.index_of(late, SheetColumn.STATUS)) == "Late"
    store.close()
    assert late_brush is not None and late_brush.color() == LATE_COLOUR
    assert on_time_brush is None


def test_file_new_creates_a_plan_file_and_opens_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    chosen = tmp_path / "ke-hoach-2027"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(chosen), ""))
    new_with_demo = next(action for action in window.file_menu.actions() if "demo" in action.text())
    new_with_demo.trigger()
    created = tmp_path / "ke-hoach-2027.dxplan"
    assert created.exists()
    assert window.store is not None and window.store.path == created
    assert window.windowTitle().startswith("ke-hoach-2027.dxplan")
    assert window.editor is not None and window.editor.sheet.model.rowCount() > 0


def test_the_menus_offer_the_file_edit_and_insert_actions(window: MainWindow, demo_path: Path) -> None:
    from dxplanner import __version__
    from dxplanner.ui.about import about_text

    texts = [action.text() for action in window.file_menu.actions() if not action.isSeparator()]
    assert texts == [
        "&New…", "New with the &demo plan…", "&Open…", "Open &Recent", "&Save", "Save a &copy as…",
        "Restore from &backup…", "&Close", "&Import",
        "New Excel plan from the &template…", "&Export data workbook…",
        "Progress &report…", "Send progress &forms…", "Co&llect progress forms…",
        "&Print the task sheet…", "Print the &Gantt chart…",
        "Page set&up…", "&Settings…", "&Quit",
    ]  # fmt: skip
    imports = [action.text() for action in window.import_menu.actions()]
    assert imports == ["&Excel plan…", "&Architecture (ArchiMate)…"]
    assert [action.text() for action in window.menuBar().actions()] == [
        "&File",
        "&Edit",
        "&Chart",
        "&View",
        "&Insert",
        "&Help",
    ]
    assert not window.edit_menu.isEnabled()
    window.open_file(demo_path)
    edit = [action.text() for action in window.edit_menu.actions() if not action.isSeparator()]
    assert edit[:2] == ["&Undo", "&Redo"] and "Report progress…" in edit and "&Find…" in edit
    assert f"dxplanner {__version__}" in about_text()


def test_the_actions_whose_code_loads_on_first_use_work_at_once(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    def action(menu_text: str):  # type: ignore[no-untyped-def]
        menus = (window.file_menu, window.help_menu)
        return next(item for menu in menus for item in menu.actions() if item.text() == menu_text)

    chosen = tmp_path / "plan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(chosen), ""))
    action("New Excel plan from the &template…").trigger()
    assert (tmp_path / "plan.xlsx").read_bytes()[:2] == b"PK"  # a workbook, where the user chose

    titles: list[str] = []

    def close_the_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        titles.append(box.windowTitle())
        box.accept()

    QTimer.singleShot(200, close_the_box)
    action("&About dxplanner").trigger()
    assert titles == ["About dxplanner"]
    action("&Keyboard shortcuts").trigger()
    assert window.help_window is not None and window.help_window.current_page() == "shortcuts.md"
    # F1 in a dialog: set up once the window has painted.
    qtbot.waitUntil(lambda: window._context_help is not None)
