"""The import preview says which kind of table it found; the user switches between tasks and indicators."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from dxplanner.core.indicator_table import TableKind
from dxplanner.ui.excel_import.dialog import ImportDialog
from dxplanner.ui.excel_import.indicator_preview import GUESSES_COLUMN
from dxplanner.ui.main_window import MainWindow
from tests.conftest import snapshot
from tests.unit import excel_indicator_samples as samples

pytestmark = pytest.mark.gui

TODAY = datetime.date(2026, 11, 20)


def _tree_texts(dialog: ImportDialog, column: int) -> list[str]:
    found = []
    tree = dialog.indicators
    for top in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(top)
        assert item is not None
        found.append(item.text(column))
        for child in range(item.childCount()):
            below = item.child(child)
            assert below is not None
            found.append(below.text(column))
    return found


def test_the_preview_switches_from_the_tasks_to_the_indicators_and_imports_them(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    session = window.session
    assert session is not None
    before = snapshot(session.store)
    dialog = ImportDialog(session, samples.build_tasks_and_indicators(tmp_path), TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    # The first sheet's tasks are found first, and the preview says it is a table of tasks.
    assert dialog.chosen_kind() is TableKind.TASKS
    assert dialog.status.text().startswith("A table of tasks on sheet “Nhiệm vụ”")
    assert dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.tasks_page))
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.indicators))
    assert dialog.target.itemText(0) == "A new action plan"

    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.kind.setCurrentIndex(dialog.kind.findData(TableKind.INDICATORS))
    assert dialog.status.text().startswith("A table of indicators on sheet “Chỉ tiêu”")
    assert dialog.table is None and dialog.indicator_table is not None
    assert dialog.sheet.currentText() == "Chỉ tiêu"
    assert dialog.tabs.currentWidget() is dialog.indicators
    assert not dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.tasks_page))
    assert _tree_texts(dialog, 1) == ["Tỷ lệ hồ sơ trực tuyến toàn trình", "Tỷ lệ dữ liệu mở"]
    assert _tree_texts(dialog, 3) == ["2025: ≥ 40", "2025: 100"]
    assert all("target year 2025" not in guess for guess in _tree_texts(dialog, GUESSES_COLUMN))
    assert dialog.target.itemText(0) == "A new strategy"
    assert dialog.name_caption.text() == "Name of the new strategy"
    dialog.plan_name.setText("Chỉ tiêu chuyển đổi số 2025")

    dialog.import_button.click()
    outcome = dialog.indicator_outcome
    assert dialog.result() == ImportDialog.DialogCode.Accepted and outcome is not None
    with session.store.read() as read:
        connection = read.connection()
        strategy = connection.execute(
            sa.text("SELECT name, start_year, end_year FROM strategy WHERE id = :id"),
            {"id": outcome.strategy_id},
        ).one()
        targets = connection.execute(
            sa.text(
                "SELECT i.name, t.year, t.comparison, t.value FROM indicator_target t "
                "JOIN indicator i ON i.id = t.indicator_id JOIN goal g ON g.id = i.goal_id "
                "WHERE g.strategy_id = :id ORDER BY i.id"
            ),
            {"id": outcome.strategy_id},
        ).all()
    assert tuple(strategy) == ("Chỉ tiêu chuyển đổi số 2025", 2025, 2025)
    assert [tuple(row) for row in targets] == [
        ("Tỷ lệ hồ sơ trực tuyến toàn trình", 2025, ">=", 40.0),
        ("Tỷ lệ dữ liệu mở", 2025, None, 100.0),
    ]
    session.undo_stack.undo()
    assert snapshot(session.store) == before


def test_a_table_of_only_indicators_opens_as_indicators_and_switches_to_tasks(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    sample = samples.build_national_targets_by_horizon(tmp_path)
    dialog = ImportDialog(window.session, sample.path, TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    assert dialog.chosen_kind() is TableKind.INDICATORS
    assert dialog.status.text().startswith(
        "A table of indicators on sheet “Chỉ tiêu”, header on row 3: "
        "6 indicators in 2 groups, 8 targets (2 in words)"
    )
    assert _tree_texts(dialog, 1)[0] == "Đến năm 2025"
    guesses = _tree_texts(dialog, GUESSES_COLUMN)
    assert any("split into 2 targets, one per scope" in guess for guess in guesses)
    assert dialog.import_button.isEnabled()
    # Read as tasks, the same sheet holds no plan table: the preview says so and nothing can be imported.
    dialog.kind.setCurrentIndex(dialog.kind.findData(TableKind.TASKS))
    qtbot.waitUntil(lambda: "No plan table was found" in dialog.status.text(), timeout=10_000)
    assert not dialog.import_button.isEnabled()


def test_the_preview_shows_a_range_as_one_target_and_the_words_after_a_figure(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    assert window.open_file(demo_path)
    assert window.session is not None
    sample = samples.build_ranges_and_notes(tmp_path)
    dialog = ImportDialog(window.session, sample.path, TODAY, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    assert dialog.chosen_kind() is TableKind.INDICATORS
    targets = _tree_texts(dialog, 3)[1:]  # under the group "Đến năm 2030"
    assert targets == [
        "2030: 40 – 50",
        "2030: ≥ 3 và tăng dần theo yêu cầu phát triển",
        "2030: 20 – 50",
        "2030: “20% - 50%”",
    ]
    guesses = _tree_texts(dialog, GUESSES_COLUMN)[1:]
    assert "range read as at least 40 and at most 50" in guesses[0]
    assert "words after the figure kept as its note: “và tăng dần theo yêu cầu phát triển”" in guesses[1]
