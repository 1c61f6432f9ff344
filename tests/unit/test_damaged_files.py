"""Plan files whose records break the schema's rules, or that lost a table: check names each problem
in words, and every other command refuses them with one clear message, changing nothing."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from dxplanner.cli import EXIT_OK, EXIT_USER_ERROR, run
from dxplanner.core.gantt_bar import GanttChart
from tests.unit import excel_bad_inputs as bad


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()

    def draw(_chart: GanttChart, _out: Path, _paper: str) -> int:
        raise AssertionError("a damaged file must not be drawn")

    status = run(list(argv), out, err, draw_chart=draw)
    return status, out.getvalue(), err.getvalue()


def _damage(path: Path, *statements: str) -> None:
    """Run statements the schema would refuse, as another program (or a bad disk) might."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _allow_empty_names(path: Path) -> None:
    """Take NOT NULL off the task's name in the file's own schema, as a careless program might."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'name VARCHAR NOT NULL', 'name VARCHAR') "
            "WHERE type = 'table' AND name = 'task'"
        )
        connection.commit()
    finally:
        connection.close()


def damage_page_of(path: Path, index: str) -> None:
    """Overwrite the page an index starts on, as a failing disk might: the tables stay readable."""
    with sqlite3.connect(path) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * size
    data[start + 8 : start + size] = b"\xa5" * (size - 8)
    path.write_bytes(bytes(data))


def _task_name(path: Path, task_id: int) -> str:
    """The task's name as check shows it: 40 characters at most."""
    with sqlite3.connect(path) as connection:
        name: str = connection.execute("SELECT name FROM task WHERE id = ?", (task_id,)).fetchone()[0]
    return name if len(name) <= 40 else name[:40].rstrip() + "…"


BROKEN_RULES = (
    "UPDATE task SET progress = 150 WHERE id = 5",
    "UPDATE task SET status = 'bogus' WHERE id = 6",
    "UPDATE risk SET likelihood = 9 WHERE id = 1",
    "UPDATE task SET planned_start = '2026-05-01', planned_end = '2026-02-01' WHERE id = 7",
)


def test_check_names_each_record_that_breaks_a_rule_and_the_rule(demo_path: Path) -> None:
    _damage(demo_path, *BROKEN_RULES)
    status, out, err = _run("check", str(demo_path))
    assert status == EXIT_USER_ERROR
    assert err == "dxplanner: demo.dxplan is damaged: problems found: 4 (listed above).\n"
    assert "integrity: problems found: 4\n" in out
    problems = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    five, seven = _task_name(demo_path, 5), _task_name(demo_path, 7)
    assert f"task #5 “{five}”: the progress is not between 0 and 100 (progress = 150.0)" in problems
    assert any(
        line.startswith("task #6 “") and line.endswith("”: status “bogus” is not one of the allowed values")
        for line in problems
    )
    assert any(
        line.startswith("risk #1 “")
        and line.endswith(": the likelihood is not between 1 and 5 (likelihood = 9)")
        for line in problems
    )
    assert (
        f"task #7 “{seven}”: the planned end is before the planned start "
        "(planned_start = 2026-05-01, planned_end = 2026-02-01)"
    ) in problems
    assert "tasks: " in out  # the counts still follow


def test_check_finds_dates_and_numbers_that_are_not_what_their_column_holds(demo_path: Path) -> None:
    _allow_empty_names(demo_path)
    _damage(
        demo_path,
        "UPDATE task SET actual_start = 'soon' WHERE id = 8",
        "UPDATE budget_line SET planned = 'a lot' WHERE id = 1",
        "UPDATE task SET name = NULL WHERE id = 9",
    )
    status, out, _err = _run("check", str(demo_path))
    assert status == EXIT_USER_ERROR
    problems = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert any(
        line.startswith("task #8 “") and line.endswith("actual_start is not a date: “soon”")
        for line in problems
    )
    assert "budget line #1: planned is not a number: “a lot”" in problems
    assert "task #9: name is empty" in problems


def test_check_says_what_a_broken_reference_points_at(plan_path: Path) -> None:
    _damage(plan_path, "INSERT INTO unit (code, name, kind, parent_id) VALUES ('X', 'Mồ côi', 'other', 999)")
    status, out, err = _run("check", str(plan_path))
    assert status == EXIT_USER_ERROR
    assert "  unit #1 “Mồ côi” refers to a unit that does not exist (parent_id = 999)\n" in out
    assert err == "dxplanner: plan.dxplan is damaged: problems found: 1 (listed above).\n"


def test_check_groups_the_many_records_a_lost_table_leaves_behind(demo_path: Path) -> None:
    _damage(demo_path, "DROP TABLE dependency")
    status, out, err = _run("check", str(demo_path))
    assert status == EXIT_USER_ERROR
    assert "  the table of dependencies is missing\n" in out
    assert err.startswith("dxplanner: demo.dxplan is damaged: ") and err.count("\n") == 1


def test_check_lists_what_sqlites_own_check_finds_on_a_damaged_page(demo_path: Path) -> None:
    damage_page_of(demo_path, "ix_task_plan_id")
    status, out, err = _run("check", str(demo_path))
    assert status == EXIT_USER_ERROR
    lines = out.splitlines()
    problems = [line for line in lines if line.startswith("  ") and not line.startswith("  … and ")]
    assert problems and all(line.startswith("  the file's inner structure is damaged: ") for line in problems)
    assert "On tree page" in problems[0] and "***" not in out
    assert all(": " in line for line in lines if not line.startswith("  "))  # a label and its value
    assert err.startswith("dxplanner: demo.dxplan is damaged: problems found: ")


# Each command that reads a whole plan, with what it writes (None: nothing but the plan file).
READERS = {
    "export": (["export", "{file}", "--out", "{tmp}/out.xlsx"], "out.xlsx"),
    "report": (["report", "{file}", "--out", "{tmp}/out.xlsx"], "out.xlsx"),
    "gantt": (["chart", "{file}", "--out", "{tmp}/out.png"], "out.png"),
    "dashboard": (["chart", "{file}", "--kind", "progress", "--out", "{tmp}/out.png"], "out.png"),
    "import": (["import", "{workbook}", "--into", "{file}"], None),
    "dry run": (["import", "{workbook}", "--into", "{file}", "--dry-run"], None),
}


@pytest.mark.parametrize("command", READERS.keys())
@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (BROKEN_RULES, "demo.dxplan is damaged: task #5 “"),
        (("DROP TABLE task",), "demo.dxplan is damaged: the table of tasks is missing"),
        (("UPDATE unit SET parent_id = 9999 WHERE id = 2",), "refers to a unit that does not exist"),
    ],
    ids=["broken rules", "no task table", "broken reference"],
)
def test_every_command_refuses_a_damaged_file_with_one_message(
    demo_path: Path, tmp_path: Path, command: str, damage: tuple[str, ...], said: str
) -> None:
    _damage(demo_path, *damage)
    before = demo_path.read_bytes()
    workbook = bad.build_lying_dimensions_small(tmp_path / "in")  # a small, sound plan table
    arguments, written = READERS[command]
    argv = [argument.format(file=demo_path, tmp=tmp_path, workbook=workbook) for argument in arguments]
    status, out, err = _run(*argv)
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err.startswith("dxplanner: ") and said in err and err.count("\n") == 1, err
    assert "check" in err  # where to see every problem
    assert "went wrong inside" not in err
    assert demo_path.read_bytes() == before
    if written is not None:
        assert not (tmp_path / written).exists()


def test_a_sound_file_still_passes_every_command(demo_path: Path, tmp_path: Path) -> None:
    workbook = bad.build_lying_dimensions_small(tmp_path / "in")
    for name in ("export", "report", "dashboard", "dry run", "import"):
        arguments, _written = READERS[name]
        argv = [argument.format(file=demo_path, tmp=tmp_path, workbook=workbook) for argument in arguments]
        status, _out, err = _run(*argv)
        assert (status, err) == (EXIT_OK, ""), name
