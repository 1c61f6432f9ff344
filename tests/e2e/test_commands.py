"""Whole flows through real processes: the commands users type and the window they start."""

from __future__ import annotations

import os
import pty
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.excel_samples import write_large_plan

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def _environment(tmp_path: Path) -> dict[str, str]:
    """A process environment whose user folders are inside tmp_path."""
    environment = dict(os.environ)
    environment.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "DXPLANNER_LANG": "en",
            # This checkout's code, whichever one the environment has installed.
            "PYTHONPATH": str(ROOT),
        }
    )
    return environment


def _run(args: list[str], tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=tmp_path,
        env=_environment(tmp_path) | extra,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_new_demo_then_check_prints_the_counts(tmp_path: Path) -> None:
    created = _run([sys.executable, "-m", "dxplanner", "new", "x.dxplan", "--demo"], tmp_path)
    assert created.returncode == 0, created.stderr
    checked = _run([sys.executable, "-m", "dxplanner", "check", "x.dxplan"], tmp_path)
    assert checked.returncode == 0, checked.stderr
    lines = dict(line.split(": ", 1) for line in checked.stdout.splitlines())
    assert lines["integrity"] == "ok"
    for kind in ("units", "strategies", "plans", "tasks", "indicators"):
        assert int(lines[kind]) > 0


def test_the_installed_command_carries_its_demo_plan(tmp_path: Path) -> None:
    command = shutil.which("dxplanner", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.skip("dxplanner is not installed in this environment (run pip install .)")
    created = _run([command, "new", "x.dxplan", "--demo"], tmp_path)
    assert created.returncode == 0, created.stderr
    assert _run([command, "check", "x.dxplan"], tmp_path).returncode == 0


def test_main_py_and_the_module_start_the_same_program(tmp_path: Path) -> None:
    by_script = _run([sys.executable, str(ROOT / "main.py"), "--version"], tmp_path)
    by_module = _run([sys.executable, "-m", "dxplanner", "--version"], tmp_path)
    assert by_script.returncode == by_module.returncode == 0
    assert by_script.stdout == by_module.stdout
    assert by_script.stdout.startswith("dxplanner ")


def test_errors_are_one_line_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "notes.dxplan").write_text("not a plan", encoding="utf-8")
    result = _run([sys.executable, "-m", "dxplanner", "check", "notes.dxplan"], tmp_path)
    assert result.returncode == 1
    assert (
        result.stderr
        == "dxplanner: notes.dxplan is not a dxplanner plan file (it is not an SQLite database).\n"
    )
    bad = _run([sys.executable, "-m", "dxplanner", "check"], tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_the_first_run_shows_the_window_and_makes_no_plan_file_in_the_users_stead(tmp_path: Path) -> None:
    result = _run([sys.executable, "-m", "dxplanner"], tmp_path, DXPLANNER_BENCH_FIRST_PAINT="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first-paint ")
    # The welcome page offers the demo, a new plan and an import: no file is made until one is chosen.
    assert list(tmp_path.rglob("*.dxplan")) == []


def test_the_window_opens_a_named_file_and_a_fresh_demo(tmp_path: Path) -> None:
    assert _run([sys.executable, "-m", "dxplanner", "new", "mine.dxplan"], tmp_path).returncode == 0
    named = _run(
        [sys.executable, "-m", "dxplanner", "mine.dxplan"], tmp_path, DXPLANNER_BENCH_FIRST_PAINT="1"
    )
    assert named.returncode == 0, named.stderr
    # What bench/startup.py reads: the clock at the first paint and the CPU time spent until then.
    word, _clock, cpu = named.stdout.split()
    assert word == "first-paint" and float(cpu) > 0
    demo = _run([sys.executable, "-m", "dxplanner", "--demo"], tmp_path, DXPLANNER_BENCH_FIRST_PAINT="1")
    assert demo.returncode == 0, demo.stderr
    assert (tmp_path / "data" / "dxplanner" / "demo.dxplan").exists()
    both = _run([sys.executable, "-m", "dxplanner", "--demo", "mine.dxplan"], tmp_path)
    assert both.returncode == 2


def test_start_up_imports_only_what_the_first_window_needs(tmp_path: Path) -> None:
    probe = (
        "import sys; import dxplanner.app, dxplanner.ui.gui, dxplanner.ui.main_window;"
        "heavy = ('openpyxl', 'matplotlib', 'alembic', 'numpy', 'holidays', 'psycopg',"
        # Loaded when first used: the guide, the Excel import, About, copying to a server, and
        # what a change of language reads of the window.
        "'dxplanner.ui.help_window', 'dxplanner.ui.excel_import.actions', 'dxplanner.ui.about',"
        "'dxplanner.services.shared', 'dxplanner.ui.view_state');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = _run([sys.executable, "-c", probe], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# Loaded just after the first paint of a plan (ui/deferred.py), not before: SQLAlchemy's ORM, SQLModel
# and pydantic (the first window reads through a connection: a tenth of a second of a start), the
# table classes, the store's reads through them and its operations, the editing services and the
# conflict dialog.
DEFERRED_AT_FIRST_PAINT = (
    "sqlalchemy.orm",
    "sqlmodel",
    "pydantic",
    "dxplanner.core.models",
    "dxplanner.store.queries",
    "dxplanner.store.operations.tasks",
    "dxplanner.services.records",
    "dxplanner.services.new_records",
    "dxplanner.services.edits",
    "dxplanner.services.conflicts",
    "dxplanner.ui.conflict_dialog",
)
# Loaded later or never for a plan file: the change capture (by the first edit, or made ready while
# the window idles), the undo's replay, and the store of a plan on a server.
NOT_AT_FIRST_PAINT = ("dxplanner.store.capture", "dxplanner.store.replay", "dxplanner.store.server_store")

# Runs the window on a plan as `dxplanner FILE` does and, at the sheet's first paint, says which of
# the modules named on the command line are loaded; then, unless told to act, waits for the first
# list's to load.
# Told to act, it makes an edit, another, an undo and a menu action there and then, before the
# step after the first paint ran, and quits.
FIRST_PAINT_PROBE = """
import sys
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication
from dxplanner import app
from dxplanner.ui import gui
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.sheet_model import SheetColumn

plan_file, deferred, others = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(",")
act = sys.argv[4] == "act"

def loaded(names):
    return ",".join(name for name in names if name in sys.modules)

class AtFirstPaint(QObject):
    seen = False

    def eventFilter(self, watched_object, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print("at first paint:", loaded(deferred + others), flush=True)
            if act:
                self.act()
            else:
                QTimer.singleShot(0, self.wait)
        return False

    def act(self):
        window = next(each for each in QApplication.topLevelWidgets() if isinstance(each, MainWindow))
        sheet = window.editor.sheet
        first, second = list(sheet.model.all_rows())[:2]
        for task_id, name in ((first, "Named at the first paint"), (second, "Undone at the first paint")):
            index = sheet.model.index_of(task_id, SheetColumn.NAME)
            print("edited:", sheet.model.setData(index, name, Qt.ItemDataRole.EditRole), flush=True)
        window.session.undo_stack.undo()
        action = next(each for each in window.insert_menu.actions() if each.text() == "New &strategy")
        action.trigger()
        print("tasks:", first, second, flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)

    def wait(self, tries=[0]):
        tries[0] += 1
        if loaded(deferred) == ",".join(deferred) or tries[0] > 200:
            print("after:", loaded(deferred), flush=True)
            QApplication.instance().quit()
        else:
            QTimer.singleShot(25, self.wait)

gui._quit_after_first_paint = lambda target, application: target.installEventFilter(AtFirstPaint(application))
sys.exit(app.main([plan_file]))
"""


def _probe_first_paint(tmp_path: Path, act: bool) -> list[str]:
    """The probe's lines, run on a new demo plan file (plan.dxplan)."""
    made = _run([sys.executable, "-m", "dxplanner", "new", "plan.dxplan", "--demo"], tmp_path)
    assert made.returncode == 0, made.stderr
    deferred, others = ",".join(DEFERRED_AT_FIRST_PAINT), ",".join(NOT_AT_FIRST_PAINT)
    command = [
        sys.executable,
        "-c",
        FIRST_PAINT_PROBE,
        "plan.dxplan",
        deferred,
        others,
        "act" if act else "look",
    ]
    probed = _run(command, tmp_path, DXPLANNER_BENCH_FIRST_PAINT="1")
    assert probed.returncode == 0, probed.stderr
    return probed.stdout.splitlines()


def test_a_plan_paints_before_the_table_classes_and_editing_services_load_then_they_load(
    tmp_path: Path,
) -> None:
    lines = _probe_first_paint(tmp_path, act=False)
    assert lines[0] == "at first paint: "
    # Right after the first paint, before a person could make an edit.
    assert lines[1] == "after: " + ",".join(DEFERRED_AT_FIRST_PAINT)


def test_an_edit_an_undo_and_a_menu_action_at_the_first_paint_work_and_are_saved(tmp_path: Path) -> None:
    lines = _probe_first_paint(tmp_path, act=True)
    assert lines[:3] == ["at first paint: ", "edited: True", "edited: True"]
    first, second = (int(word) for word in lines[3].split()[1:])
    with sqlite3.connect(tmp_path / "plan.dxplan") as saved:
        names = dict(saved.execute("SELECT id, name FROM task WHERE id IN (?, ?)", (first, second)))
        strategies = [row[0] for row in saved.execute("SELECT name FROM strategy")]
    assert names[first] == "Named at the first paint"
    assert names[second] != "Undone at the first paint"
    made = _run([sys.executable, "-m", "dxplanner", "new", "fresh.dxplan", "--demo"], tmp_path)
    with sqlite3.connect(tmp_path / "fresh.dxplan") as fresh:
        assert len(strategies) == fresh.execute("SELECT count(*) FROM strategy").fetchone()[0] + 1
    assert made.returncode == 0


def test_a_mistyped_file_name_gets_a_message_not_a_window(tmp_path: Path) -> None:
    result = _run([sys.executable, "-m", "dxplanner", "chek"], tmp_path)
    assert result.returncode == 1
    assert result.stderr == "dxplanner: The file chek does not exist.\n"
    assert not (tmp_path / "chek").exists()


def test_without_a_screen_the_window_explains_instead_of_crashing(tmp_path: Path) -> None:
    assert _run([sys.executable, "-m", "dxplanner", "new", "mine.dxplan"], tmp_path).returncode == 0
    environment = {
        key: value
        for key, value in _environment(tmp_path).items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "dxplanner", "mine.dxplan"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "No screen to show the window on" in result.stderr
    assert "Traceback" not in result.stderr


def test_chart_draws_the_gantt_chart_headless_and_refuses_bad_requests(tmp_path: Path) -> None:
    created = _run([sys.executable, "-m", "dxplanner", "new", "x.dxplan", "--demo"], tmp_path)
    assert created.returncode == 0, created.stderr
    environment = {"QT_QPA_PLATFORM": ""}  # no platform chosen and no screen: the command picks offscreen
    chart = [
        sys.executable,
        "-m",
        "dxplanner",
        "chart",
        "x.dxplan",
        "--kind",
        "gantt",
        "--as-of",
        "2026-11-20",
    ]
    drawn = _run([*chart, "--out", "plan.pdf"], tmp_path, **environment)
    assert drawn.returncode == 0, drawn.stderr
    assert drawn.stdout.strip() == "Wrote plan.pdf: 69 rows on 3 pages."  # the 2026 plan, running that day
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    drawn = _run([*chart, "--strategy", "1", "--out", "strategy.svg"], tmp_path, **environment)
    assert drawn.returncode == 0, drawn.stderr
    assert (tmp_path / "strategy.svg").read_text(encoding="utf-8").count("<svg") == 1

    refused = _run([*chart, "--plan", "999", "--out", "none.png"], tmp_path)
    assert (refused.returncode, refused.stderr) == (1, "dxplanner: There is no action plan with id 999.\n")
    refused = _run([*chart, "--out", "plan.docx"], tmp_path)
    assert refused.returncode == 1 and "PNG, SVG or PDF" in refused.stderr
    refused = _run([*chart, "--plan", "6", "--strategy", "1", "--out", "x.png"], tmp_path)
    assert refused.returncode == 2
    assert not any((tmp_path / name).exists() for name in ("none.png", "plan.docx", "x.png"))


def test_every_command_speaks_the_language_the_environment_asks_for(tmp_path: Path) -> None:
    dxplanner = [sys.executable, "-m", "dxplanner"]
    assert _run([*dxplanner, "new", "x.dxplan", "--demo"], tmp_path).returncode == 0
    vietnamese = {"DXPLANNER_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "vi_VN.UTF-8"}
    english = {"DXPLANNER_LANG": "en", "LANG": "vi_VN.UTF-8"}  # dxplanner's own setting comes first

    said = _run(
        [*dxplanner, "report", "x.dxplan", "--out", "en.xlsx", "--language", "en"], tmp_path, **vietnamese
    )
    assert said.returncode == 0, said.stderr
    assert said.stdout.startswith("Đã ghi báo cáo về “")
    said = _run([*dxplanner, "report", "x.dxplan", "--out", "vi.xlsx"], tmp_path, **english)
    assert said.returncode == 0, said.stderr
    assert said.stdout.startswith("Wrote the report on “")
    refused = _run(
        [*dxplanner, "report", "x.dxplan", "--out", "no.xlsx", "--plan", "99"], tmp_path, **english
    )
    assert (refused.returncode, refused.stderr) == (1, "dxplanner: There is no action plan with id 99.\n")

    for command in (["--help"], ["check", "--help"], ["export", "--help"], ["chart", "--help"]):
        shown = _run([*dxplanner, *command], tmp_path, **vietnamese)
        assert shown.returncode == 0 and shown.stdout.startswith("cách dùng: dxplanner"), shown.stdout
        assert "hiện trợ giúp này rồi thoát" in shown.stdout and "show this help" not in shown.stdout
    wrong = _run([*dxplanner, "export", "x.dxplan"], tmp_path, **vietnamese)
    assert wrong.returncode == 2
    assert "dxplanner export: lỗi: thiếu các đối số bắt buộc: --out" in wrong.stderr


def _no_bigger_than(size: int) -> Callable[[], None]:
    """For a child process: files it writes may not grow past size (EFBIG, as on a full disk)."""

    def limit() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error from write(), not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.parametrize("command", ["export", "report"])
def test_a_full_disk_gets_one_message_and_leaves_nothing_behind(tmp_path: Path, command: str) -> None:
    assert _run([sys.executable, "-m", "dxplanner", "new", "x.dxplan", "--demo"], tmp_path).returncode == 0
    before = sorted(path.name for path in tmp_path.iterdir())
    result = subprocess.run(
        [sys.executable, "-m", "dxplanner", command, "x.dxplan", "--out", "out.xlsx"],
        cwd=tmp_path,
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_no_bigger_than(16 * 1024),
    )
    assert result.returncode == 1
    assert result.stderr == (
        "dxplanner: out.xlsx cannot be written: the file would be larger than the system allows.\n"
    )
    assert result.stdout == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == before


def test_a_file_that_lost_its_task_table_is_called_damaged_by_every_command(tmp_path: Path) -> None:
    dxplanner = [sys.executable, "-m", "dxplanner"]
    assert _run([*dxplanner, "new", "x.dxplan", "--demo"], tmp_path).returncode == 0
    with sqlite3.connect(tmp_path / "x.dxplan") as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DROP TABLE task")
    checked = _run([*dxplanner, "check", "x.dxplan"], tmp_path)
    assert checked.returncode == 1
    assert "  the table of tasks is missing\n" in checked.stdout
    for command in (["export", "x.dxplan", "--out", "x.xlsx"], ["report", "x.dxplan", "--out", "r.xlsx"]):
        refused = _run([*dxplanner, *command], tmp_path)
        assert refused.returncode == 1
        assert refused.stderr == (
            "dxplanner: x.dxplan is damaged: the table of tasks is missing. "
            "“dxplanner check x.dxplan” says more.\n"
        )


def test_progress_is_drawn_on_a_terminal_and_nowhere_else(tmp_path: Path) -> None:
    write_large_plan(tmp_path / "large.xlsx", tasks=2_000)
    command = [sys.executable, "-m", "dxplanner", "import", "large.xlsx", "--into", "x.dxplan", "--dry-run"]
    piped = _run(command, tmp_path)
    assert piped.returncode == 0 and piped.stderr == ""
    leader, follower = pty.openpty()
    try:
        shown = subprocess.run(
            command,
            cwd=tmp_path,
            env=_environment(tmp_path),
            stdout=subprocess.PIPE,
            stderr=follower,
            text=True,
            timeout=120,
            check=False,
        )
        os.close(follower)
        drawn = b""
        while True:
            try:
                piece = os.read(leader, 4096)
            except OSError:  # the terminal closed: everything was read
                break
            if not piece:
                break
            drawn += piece
    finally:
        os.close(leader)
    assert shown.returncode == 0 and shown.stdout == piped.stdout
    assert "\rReading large.xlsx: " in drawn.decode() and drawn.endswith(b"\r")
