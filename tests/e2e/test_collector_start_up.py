"""The window's start-up sets its loaded code aside from the cycle collector, and nothing of a plan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_commands import _environment, _run

pytestmark = pytest.mark.e2e

# Runs `dxplanner FILE` as a user starts it, with the window's run replaced by one that opens the
# plan, looks at what the collector can see, closes the plan and reports in JSON.
_PROBE = """
import gc, json, sys, weakref
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
import dxplanner.ui.gui as gui
from dxplanner.app import main
from dxplanner.core.rollup import TaskNode
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.main_window import MainWindow

def run_gui(plan, paths, quit_after_first_paint=False):
    seen = {"frozen": gc.get_freeze_count(), "qt_app_before": QApplication.instance() is not None}
    app = QApplication.instance() or QApplication([])
    settings = QSettings("settings.ini", QSettings.Format.IniFormat)
    window = MainWindow(settings, open_plan_file, gui.create_plan)
    assert window.open_file(plan)
    app.processEvents()
    visible = gc.get_objects()  # every object a pass can reach; a frozen one is not among them
    seen["window_seen"] = any(each is window for each in visible)
    seen["nodes_seen"] = sum(isinstance(each, TaskNode) for each in visible)
    del visible
    editor = weakref.ref(window.editor)
    window.close_file()
    for _ in range(100):  # Qt deletes the closed editor's widgets from the event loop
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        gc.collect()
        if editor() is None:
            break
    seen["editor_freed"] = editor() is None
    seen["nodes_left"] = sum(isinstance(each, TaskNode) for each in gc.get_objects())
    seen["frozen_after"] = gc.get_freeze_count()
    print(json.dumps(seen))
    return 0

gui.run_gui = run_gui
sys.exit(main(sys.argv[1:]))
"""


def test_start_up_code_is_set_aside_and_a_closed_plan_is_freed(tmp_path: Path) -> None:
    assert _run([sys.executable, "-m", "dxplanner", "new", "mine.dxplan", "--demo"], tmp_path).returncode == 0
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, "mine.dxplan"],
        cwd=tmp_path,
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    # The code loaded to show a window stands outside every pass, from before Qt starts...
    assert not seen["qt_app_before"]
    assert seen["frozen"] > 50_000
    # ...and nothing made since is set aside: the window and the plan's tasks stay in sight...
    assert seen["window_seen"]
    assert seen["nodes_seen"] > 0
    assert seen["frozen_after"] == seen["frozen"]
    # ...so a closed plan is freed, its cycles (the editor's) included.
    assert seen["editor_freed"]
    assert seen["nodes_left"] == 0
