"""The window on a plan shared on a PostgreSQL server: it opens as a file does, and edits reach the server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from dxplanner.core.models import ActionPlan, Task
from dxplanner.services.files import open_plan
from dxplanner.store.server_store import open_server
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.sheet_model import SheetColumn
from tests.gui.conftest import TODAY

pytestmark = pytest.mark.gui


@pytest.fixture
def shared_window(qtbot: QtBot, settings: QSettings, messages: list[str]) -> Iterator[MainWindow]:
    """The main window opening plans as the program does: files, and postgresql:// URLs."""
    window = MainWindow(settings, open_plan, create_plan, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close_file()


def test_the_window_opens_a_plan_on_a_server_and_its_edits_reach_the_server(
    shared_window: MainWindow, demo_server_url: str, messages: list[str]
) -> None:
    assert shared_window.open_file(demo_server_url), messages
    database = demo_server_url.rsplit("/", 1)[1]
    assert shared_window.windowTitle() == f"{database} (127.0.0.1) — dxplanner"
    assert shared_window._file_label.text() == demo_server_url
    # A server's plan has no file: nothing watches or backs up a file of its name.
    assert shared_window.guard.path() is None
    server = open_server(demo_server_url)
    with server.read() as session:
        plan = session.exec(select(ActionPlan).order_by(col(ActionPlan.start))).first()
        assert plan is not None and plan.id is not None
        tasks = session.exec(select(Task).where(Task.plan_id == plan.id)).all()
    shared_window.select(NodeKey(NodeKind.PLAN, plan.id))
    assert shared_window.editor is not None
    model = shared_window.editor.sheet.model
    assert len(model.reading_order()) == len(tasks)

    task_id = model.reading_order()[-1]
    index = model.index_of(task_id, SheetColumn.NAME)
    assert model.setData(index, "Nhiệm vụ sửa trên máy chủ", Qt.ItemDataRole.EditRole)
    with server.read() as session:
        edited = session.get(Task, task_id)
        assert edited is not None and edited.name == "Nhiệm vụ sửa trên máy chủ"
    server.close()
    assert messages == []


def test_a_server_that_refuses_is_said_in_the_window_and_the_window_stays_usable(
    shared_window: MainWindow, messages: list[str], demo_path: object
) -> None:
    assert not shared_window.open_file("postgresql://nobody@127.0.0.1:1/plan")
    assert len(messages) == 1 and messages[0].startswith("Cannot reach the PostgreSQL server")
    assert shared_window.store is None
    assert shared_window.open_file(demo_path)  # type: ignore[arg-type]
