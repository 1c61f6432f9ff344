"""Locks, interrupted writes and leftovers: a plan file is never written by two, never left half done."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dxplanner.core.errors import PlanFileError, ReadOnlyError
from dxplanner.store.file_header import APPLICATION_ID, SCHEMA_VERSION, read_header
from dxplanner.store.file_lock import FileLockedError, LockHolder, LockLostError, lock_path, read_holder
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from dxplanner.temporary_files import QUIET_SECONDS, sweep, temporary_beside
from tests.conftest import snapshot


def _ended_process() -> int:
    """The number of a process of this machine that has surely ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_plan_open_for_writing_is_locked_and_a_second_writer_is_told_who_has_it(plan_path: Path) -> None:
    first = open_plan_file(plan_path)
    try:
        holder = read_holder(plan_path)
        assert holder is not None and holder.pid == os.getpid()
        with pytest.raises(FileLockedError) as refused:
            open_plan_file(plan_path)
        assert refused.value.holder.token == holder.token
        assert "is open for editing by" in refused.value.message
        assert holder.host in refused.value.message
        # Reading alongside is fine, and takes no lock.
        reader = open_plan_file(plan_path, read_only=True)
        assert reader.read_only and reader.lock is None
        reader.close()
    finally:
        first.close()
    assert not lock_path(plan_path).exists()
    second = open_plan_file(plan_path)
    second.close()


def test_a_lock_left_by_an_ended_process_is_taken_over(plan_path: Path) -> None:
    stale = LockHolder.me()
    stale = LockHolder(stale.user, stale.host, _ended_process(), stale.since, None, "old")
    lock_path(plan_path).write_text(stale.to_json(), encoding="utf-8")
    store = open_plan_file(plan_path)
    try:
        holder = read_holder(plan_path)
        assert holder is not None and holder.pid == os.getpid()
    finally:
        store.close()


@pytest.mark.parametrize("text", ["", "{not json", '{"user": "x"}'])
def test_an_unreadable_lock_is_taken_over(plan_path: Path, text: str) -> None:
    lock_path(plan_path).write_text(text, encoding="utf-8")
    store = open_plan_file(plan_path)
    store.close()
    assert not lock_path(plan_path).exists()


def test_a_lock_of_another_machine_is_respected(plan_path: Path) -> None:
    me = LockHolder.me()
    theirs = LockHolder("lan", "may-so-2", 4242, me.since, None, "theirs")
    lock_path(plan_path).write_text(theirs.to_json(), encoding="utf-8")
    with pytest.raises(FileLockedError, match="lan on may-so-2 since"):
        open_plan_file(plan_path)
    assert read_holder(plan_path) == theirs


def test_open_anyway_takes_the_lock_and_the_first_writer_writes_no_more(plan_path: Path) -> None:
    first = open_plan_file(plan_path)
    second = open_plan_file(plan_path, take_over=True)
    try:
        before = snapshot(first)
        with pytest.raises(LockLostError, match=r"opened plan\.dxplan for editing anyway"):
            create_unit(first, code="A", name="Sở A")
        assert snapshot(first) == before
        assert first.read_only  # and stays so: the window shows it read-only from now on
        with pytest.raises(ReadOnlyError):
            create_unit(first, code="A", name="Sở A")
        create_unit(second, code="B", name="Sở B")
        first.close()  # does not remove the lock that is no longer its own
        assert read_holder(plan_path) is not None
    finally:
        second.close()
    assert not lock_path(plan_path).exists()


def _leave_a_hot_journal(path: Path) -> None:
    """A child process changes many pages of path and dies before committing, as a kill would leave it."""
    script = textwrap.dedent(
        f"""
        import os, sqlite3
        c = sqlite3.connect({str(path)!r}, isolation_level=None)
        c.execute("PRAGMA cache_size=2")  # spill the change into the file before the commit
        c.execute("BEGIN IMMEDIATE")
        c.execute("CREATE TABLE filler (x TEXT)")
        for i in range(400):
            c.execute("INSERT INTO filler VALUES (?)", ("x" * 2000,))
        c.execute("UPDATE unit SET name = 'cut short'")
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_a_change_cut_short_is_rolled_back_openly_even_for_reading(plan_path: Path) -> None:
    store = open_plan_file(plan_path)
    create_unit(store, code="A", name="Sở A")
    before = snapshot(store)
    store.close()
    _leave_a_hot_journal(plan_path)
    assert plan_path.with_name("plan.dxplan-journal").stat().st_size > 0

    reader = open_plan_file(plan_path, read_only=True)
    try:
        assert reader.notice is not None and "cut short" in reader.notice and "undone" in reader.notice
        assert snapshot(reader) == before
    finally:
        reader.close()
    assert not plan_path.with_name("plan.dxplan-journal").exists()
    again = open_plan_file(plan_path, read_only=True)
    assert again.notice is None
    again.close()


def test_a_change_cut_short_in_a_file_that_cannot_be_written_is_explained(plan_path: Path) -> None:
    _leave_a_hot_journal(plan_path)
    with pytest.raises(PlanFileError, match=r"cut short .* cannot be written") as refused:
        open_plan_file(plan_path, read_only=True, writable=lambda _path: False)
    assert "read-only on disk" not in refused.value.message


def test_check_reports_the_rollback_of_a_change_cut_short(demo_path: Path, tmp_path: Path) -> None:
    _leave_a_hot_journal(demo_path)
    result = subprocess.run(
        [sys.executable, "-m", "dxplanner", "check", str(demo_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "DXPLANNER_LANG": "en"},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "cut short" in result.stderr + result.stdout
    assert "read-only on disk" not in result.stderr


def test_leftovers_of_ended_processes_are_removed_on_the_next_open(plan_path: Path) -> None:
    folder = plan_path.parent
    dead = _ended_process()
    ours = temporary_beside(folder / "report.xlsx", ".xlsx").name
    ours_dead = ours.replace(f"-{os.getpid()}-", f"-{dead}-")
    ours_alive = temporary_beside(folder / "chart.pdf", ".part")
    leftovers = [
        folder / ours_dead,
        folder / f".new.dxplan.{dead}.creating",
        folder / f".new.dxplan.{dead}.creating-journal",
        folder / "plan.before-upgrade-20261201-101500.dxplan",  # empty: a backup cut short
    ]
    for leftover in [*leftovers, ours_alive]:
        leftover.write_bytes(b"")
    elsewhere = folder / ".report.xlsx.dxtmp-another_machine-77-0123abcd.xlsx"
    elsewhere.write_bytes(b"PK")
    kept_backup = folder / "plan.before-upgrade-20261201-101501.dxplan"
    kept_backup.write_bytes(b"SQLite format 3\x00")

    open_plan_file(plan_path, read_only=True).close()
    remaining = {item.name for item in folder.iterdir()}
    assert not remaining & {leftover.name for leftover in leftovers}
    assert {ours_alive.name, elsewhere.name, kept_backup.name} <= remaining
    # Another machine's file is removed once nobody has touched it for a long while.
    assert sweep(folder, now=time.time() + QUIET_SECONDS + 1) == [elsewhere]


def test_a_failed_upgrade_leaves_no_backup_and_each_try_makes_none(plan_path: Path) -> None:
    connection = sqlite3.connect(plan_path)
    connection.execute("PRAGMA user_version = 0")
    connection.commit()
    connection.close()
    for _attempt in range(3):
        with pytest.raises(PlanFileError, match="could not be upgraded"):
            open_plan_file(plan_path)
    assert sorted(item.name for item in plan_path.parent.iterdir()) == ["plan.dxplan"]


def test_an_upgrade_keeps_a_whole_backup_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "old.dxplan"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.commit()
    connection.close()
    store = open_plan_file(path)
    store.close()
    assert read_header(path).schema_version == SCHEMA_VERSION
    names = sorted(item.name for item in tmp_path.iterdir())
    assert len(names) == 2 and names[0] == "old.before-upgrade-" + names[0].split("before-upgrade-")[1]
    backup = tmp_path / names[0]
    assert backup.stat().st_size > 0


def test_creating_leaves_nothing_beside_the_new_file(tmp_path: Path) -> None:
    create_plan_file(tmp_path / "new.dxplan")
    assert [item.name for item in tmp_path.iterdir()] == ["new.dxplan"]


def test_the_lock_file_says_who_in_plain_json(plan_path: Path) -> None:
    store = open_plan_file(plan_path)
    try:
        data = json.loads(lock_path(plan_path).read_text(encoding="utf-8"))
        assert data["program"] == "dxplanner" and data["pid"] == os.getpid()
        assert {"user", "host", "since"} <= data.keys()
    finally:
        store.close()


def _schema_zero_file(path: Path, note: str) -> Path:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("CREATE TABLE note (text TEXT)")
    connection.execute("INSERT INTO note VALUES (?)", (note,))
    connection.commit()
    connection.close()
    return path


def test_an_upgrade_cut_short_leaves_one_backup_however_often_it_is_tried(tmp_path: Path) -> None:
    import datetime

    from dxplanner.store.backup import backup_name, backup_plan_file

    path = _schema_zero_file(tmp_path / "old.dxplan", "kept")
    # What a killed upgrade leaves: a whole copy of the old file (its upgrade rolled back later).
    earlier = backup_plan_file(path, backup_name(path, "before-upgrade", datetime.datetime(2026, 1, 1, 8)))
    # An older copy of other content is the user's, and stays as it is.
    other = tmp_path / "elsewhere.dxplan"
    _schema_zero_file(other, "different")
    unrelated = backup_plan_file(other, backup_name(path, "before-upgrade", datetime.datetime(2025, 1, 1, 8)))
    other.unlink()

    store = open_plan_file(path)
    try:
        assert store.notice is not None and earlier.name in store.notice
    finally:
        store.close()
    backups = sorted(item.name for item in tmp_path.iterdir() if ".before-upgrade-" in item.name)
    assert backups == sorted([earlier.name, unrelated.name])
