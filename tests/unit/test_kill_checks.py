"""The kill -9 test's judge: it fails damaged and half-written files, and rolls a left journal back first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from dxplanner.store.plan_file import create_plan_file
from tools.file_state import read_state
from tools.kill_checks import Expected, judge


def _crash_image(source: Path, folder: Path, *, spill: bool = True) -> Path:
    """Copies of source and its journal as a kill in the middle of a large write leaves them.

    spill: the write has reached the file (a tiny page cache makes SQLite write changed pages into
    it before the commit); without, the changes are all still in the killed process's memory.
    """
    original = source.read_bytes()
    connection = sqlite3.connect(source, isolation_level=None)
    try:
        connection.execute(f"PRAGMA cache_size = {1 if spill else 10_000}")
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE task SET name = name || ' (đã sửa)', notes = 'ghi chú dài ' || id")
        folder.mkdir()
        for name in (source.name, source.name + "-journal"):
            shutil.copyfile(source.with_name(name), folder / name)
    finally:
        connection.execute("ROLLBACK")
        connection.close()
    torn = folder / source.name
    assert (torn.read_bytes() != original) == spill
    return torn


def _before_and_after(path: Path, edited: Path) -> Expected:
    connection = sqlite3.connect(edited)
    connection.execute("UPDATE task SET name = name || ' (đã sửa)', notes = 'ghi chú dài ' || id")
    connection.commit()
    connection.close()
    return Expected({read_state(path).digest: (0,), read_state(edited).digest: (1,)}, 1)


def test_a_journal_left_by_a_kill_is_rolled_back_and_the_file_judged_as_before(
    demo_path: Path, tmp_path: Path
) -> None:
    expected = _before_and_after(demo_path, shutil.copyfile(demo_path, tmp_path / "edited.dxplan"))
    torn = _crash_image(demo_path, tmp_path / "killed")
    judgement = judge(torn, expected)
    assert (judgement.state, judgement.intact, judgement.whole) == ("before", True, True)
    assert judgement.leftovers == ("hot journal of the plan file (rolled back on open)",)
    assert not torn.with_name(torn.name + "-journal").exists()


def test_a_journal_of_a_write_that_never_reached_the_file_is_reported_and_the_file_is_before(
    demo_path: Path, tmp_path: Path
) -> None:
    expected = _before_and_after(demo_path, shutil.copyfile(demo_path, tmp_path / "edited.dxplan"))
    judgement = judge(_crash_image(demo_path, tmp_path / "killed", spill=False), expected)
    assert (judgement.state, judgement.intact, judgement.whole) == ("before", True, True)
    assert judgement.leftovers == ("cold journal of the plan file (the write had not reached it; ignored)",)


def test_a_half_written_file_without_its_journal_fails(demo_path: Path, tmp_path: Path) -> None:
    expected = _before_and_after(demo_path, shutil.copyfile(demo_path, tmp_path / "edited.dxplan"))
    torn = _crash_image(demo_path, tmp_path / "killed")
    torn.with_name(torn.name + "-journal").unlink()
    judgement = judge(torn, expected)
    assert not (judgement.intact and judgement.whole)
    assert judgement.problems


def test_an_empty_plan_file_where_there_was_none_is_a_half_target(tmp_path: Path) -> None:
    empty = create_plan_file(tmp_path / "empty.dxplan")
    wrong = {read_state(empty).digest: "an empty plan file"}
    expected = Expected({"digest of the finished import": (1,)}, 1, absent_before=True, known_wrong=wrong)
    judgement = judge(empty, expected)
    assert judgement.intact
    assert not judgement.whole
    assert judgement.problems == ("an empty plan file",)
    assert judge(tmp_path / "never-made.dxplan", expected).whole


def test_edits_the_child_reported_done_must_be_in_the_file(demo_path: Path) -> None:
    digest = read_state(demo_path).digest
    expected = Expected({digest: (3,), "later": (4, 5)}, 5)
    assert judge(demo_path, expected, reported=3).whole
    assert judge(demo_path, expected, reported=2).whole  # the fourth edit committed before it was printed
    late = judge(demo_path, expected, reported=4)
    assert not late.whole
    assert late.problems == ("the file is after 3 of 5 edits but the child had reported 4 edits done",)
