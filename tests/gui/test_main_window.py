"""The first window on a real plan file: navigator, task table, title, recent files, layout."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from dxplanner.core.models import ActionPlan, Task
from dxplanner.store.operations._cascade import subtree_ids
from dxplanner.store.operations.plans import create_plan
from dxplanner.store.operations.tasks import create_task
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.gui import create_plan as create_plan_file_for_ui
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator_model import NavigatorModel, NodeKind
from dxplanner.ui.task_table_model import Column

pytestmark = pytest.mark.gui


def _plan_index(window: MainWindow, plan_id: int) -> QModelIndex:
    model = window.navigator_model
    for strategy_row in range(model.rowCount()):
        strategy = model.index(strategy_row, 0)
        if model.canFetchMore(strategy):
            model.fetchMore(strategy)
        for plan_row in range(model.rowCount(strategy)):
            index = model.index(plan_row, 0, strategy)
            node = model.node(index)
            if node is not None and node.kind is NodeKind.PLAN and node.id == plan_id:
                return index
    raise AssertionError(f"plan {plan_id} is not in the navigator")


def _table_column(window: MainWindow, column: Column) -> list[str]:
    model = window.task_model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_window_shows_the_tasks_of_the_plan_selected_in_the_tree(
    window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    assert window.windowTitle().startswith("demo.dxplan")
    with window.store.read() as session:  # type: ignore[union-attr]
        plan = session.exec(select(ActionPlan).order_by(col(ActionPlan.start))).first()
        assert plan is not None
        tasks = session.exec(select(Task).where(Task.plan_id == plan.id)).all()
        top = sorted((task for task in tasks if task.parent_id is None), key=lambda task: task.position)

    window.navigator.setCurrentIndex(_plan_index(window, plan.id))  # type: ignore[arg-type]

    assert window.task_model.rowCount() == len(tasks)
    names = [name.strip() for name in _table_column(window, Column.NAME)]
    assert names[0] == top[0].name
    assert sorted(names) == sorted(task.name for task in tasks)
    assert str(len(tasks)) in window.statusBar().findChildren(type(window._scope_label))[0].text()


def test_selecting_a_group_shows_only_its_subtree(window: MainWindow, demo_path: Path) -> None:
    window.open_file(demo_path)
    plan_index = window.navigator.currentIndex()
    model = window.navigator_model
    if model.canFetchMore(plan_index):
        model.fetchMore(plan_index)
    group_index = model.index(0, 0, plan_index)
    group = model.node(group_index)
    assert group is not None and group.is_group and group.id is not None
    window.navigator.setCurrentIndex(group_index)
    with window.store.read() as session:  # type: ignore[union-attr]
        subtree = subtree_ids(session, group.id)
    shown = [window.task_model.task_id(row) for row in range(window.task_model.rowCount())]
    assert shown[0] == group.id
    assert sorted(shown) == sorted(subtree)
    plan = model.node(plan_index)
    assert plan is not None and plan.id is not None
    with window.store.read() as session:  # type: ignore[union-attr]
        plan_size = len(session.exec(select(Task.id).where(Task.plan_id == plan.id)).all())
    assert len(shown) < plan_size


def test_a_group_row_rolls_up_its_childrens_dates(window: MainWindow, store_with_a_group: Path) -> None:
    window.open_file(store_with_a_group)
    assert _table_column(window, Column.NAME) == [
        "I. Hạ tầng số",
        "    Trung tâm dữ liệu",
        "    Nền tảng điện toán đám mây",
    ]
    assert _table_column(window, Column.START)[0] == "01/02/2025"
    assert _table_column(window, Column.END)[0] == "30/09/2025"
    assert _table_column(window, Column.LEAD_UNIT)[1] == "Sở TT&TT"
    font = window.task_model.data(window.task_model.index(0, Column.NAME), Qt.ItemDataRole.FontRole)
    assert font.bold()


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
        planned_start=datetime.date(2025, 2, 1),
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
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    bogus = tmp_path / "bang-tinh.dxplan"
    bogus.write_text("STT;Nhiệm vụ\n", encoding="utf-8")
    assert not window.open_file(bogus)
    assert shown == ["bang-tinh.dxplan is not a dxplanner plan file (it is not an SQLite database)."]
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
    window.close()

    again = MainWindow(settings, open_plan_file, create_plan_file_for_ui)
    qtbot.addWidget(again)
    again.show()
    assert again.size().width() == 760 and again.size().height() == 560
    assert again.splitter.sizes()[0] == navigator_width
    assert [action.text() for action in again.recent_menu.actions()] == ["demo.dxplan", "plan.dxplan"]
    assert settings.value("last_file") == str(demo_path.resolve())


def test_the_navigator_model_passes_the_model_tester(qtmodeltester, demo_store) -> None:  # type: ignore[no-untyped-def]
    model = NavigatorModel(demo_store)
    qtmodeltester.check(model, force_py=True)
    # Load every level, so the tester sees plans, groups and tasks too.
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        if model.canFetchMore(parent):
            model.fetchMore(parent)
        pending.extend(model.index(row, 0, parent) for row in range(model.rowCount(parent)))
    qtmodeltester.check(model, force_py=True)


def test_the_task_table_model_passes_the_model_tester(qtmodeltester, demo_store) -> None:  # type: ignore[no-untyped-def]
    from dxplanner.ui.task_table_model import TaskTableModel

    model = TaskTableModel(today=lambda: datetime.date(2026, 11, 15))
    qtmodeltester.check(model, force_py=True)
    with demo_store.read() as session:
        plan_ids = list(session.exec(select(ActionPlan.id)).all())
    model.show_tasks(demo_store, plan_ids)
    assert model.rowCount() > 300
    qtmodeltester.check(model, force_py=True)


def test_late_tasks_stand_out(plan_path: Path) -> None:
    from dxplanner.ui.task_table_model import LATE_COLOUR, TaskTableModel

    store = open_plan_file(plan_path)
    unit = create_unit(store, code="X", name="X").id
    plan = create_plan(
        store, name="KH", unit_id=unit, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    ).id
    assert plan is not None
    create_task(
        store,
        plan,
        name="Trễ",
        planned_start=datetime.date(2025, 1, 1),
        planned_end=datetime.date(2025, 3, 31),
        progress=50,
    )
    create_task(
        store,
        plan,
        name="Đúng hạn",
        planned_start=datetime.date(2025, 1, 1),
        planned_end=datetime.date(2025, 12, 31),
        progress=50,
    )
    model = TaskTableModel(today=lambda: datetime.date(2025, 6, 1))
    model.show_tasks(store, [plan])
    late = model.data(model.index(0, Column.NAME), Qt.ItemDataRole.ForegroundRole)
    on_time = model.data(model.index(1, Column.NAME), Qt.ItemDataRole.ForegroundRole)
    store.close()
    assert late is not None and late.color() == LATE_COLOUR
    assert on_time is None


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
    assert window.task_model.rowCount() > 0


def test_the_menus_offer_the_file_actions_and_the_about_box(window: MainWindow) -> None:
    from dxplanner import __version__
    from dxplanner.ui.about import about_text

    texts = [action.text() for action in window.file_menu.actions() if not action.isSeparator()]
    assert texts == ["&New…", "New with the &demo plan…", "&Open…", "Open &Recent", "&Quit"]
    assert [action.text() for action in window.help_menu.actions()] == ["&About dxplanner"]
    assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Help"]
    assert f"dxplanner {__version__}" in about_text()
