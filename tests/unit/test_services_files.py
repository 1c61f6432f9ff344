"""The file service: creating, checking, locking, copying and restoring plan files for both front ends."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dxplanner.core.errors import PlanFileError
from dxplanner.services import files
from tests.conftest import Snapshot, snapshot


def _snapshot(path: Path) -> Snapshot:
    plan = files.open_plan(path, read_only=True)
    try:
        return snapshot(plan, versions=True)
    finally:
        plan.close()


def _break_a_rule(path: Path) -> None:
    """Write a progress the schema refuses, as another program might."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute("UPDATE task SET progress = 150 WHERE id = 5")
        connection.commit()
    finally:
        connection.close()


def test_a_new_file_is_empty_or_holds_the_demo_and_a_check_counts_its_records(tmp_path: Path) -> None:
    empty = files.create_plan(tmp_path / "empty.dxplan")
    demo = files.create_plan(tmp_path / "demo.dxplan", with_demo=True)
    checked = files.check_file(demo)
    assert checked.age is files.SchemaAge.CURRENT and checked.version == files.SCHEMA_VERSION
    assert checked.revision and checked.problems == ()
    assert checked.counts["tasks"] > 0 and checked.counts["plans"] >= 2
    assert set(files.check_file(empty).counts.values()) == {0}
    with pytest.raises(PlanFileError, match="already exists"):
        files.create_plan(empty)


def test_a_damaged_file_is_described_by_check_and_refused_by_a_job(demo_path: Path) -> None:
    _break_a_rule(demo_path)
    checked = files.check_file(demo_path)
    assert len(checked.problems) == 1 and "progress is not between 0 and 100" in checked.problems[0]
    plan = files.open_plan(demo_path, read_only=True)
    try:
        with pytest.raises(PlanFileError, match=r"demo\.dxplan is damaged: task #5"):
            files.refuse_if_damaged(plan)
    finally:
        plan.close()


def test_a_file_open_for_editing_is_refused_until_taken_over_and_then_its_first_window_may_not_write(
    demo_path: Path,
) -> None:
    first = files.open_plan(demo_path)
    try:
        with pytest.raises(files.FileLockedError, match="is open for editing by"):
            files.open_plan(demo_path)
        files.open_plan(demo_path, read_only=True).close()  # looking is always allowed
        files.verify_lock(first)
        second = files.open_plan(demo_path, take_over=True)
        try:
            with pytest.raises(files.LockLostError, match=r"opened demo\.dxplan for editing anyway"):
                files.verify_lock(first)
            files.verify_lock(second)
        finally:
            second.close()
    finally:
        first.close()


def test_a_copy_is_a_whole_plan_file_and_the_original_goes_on(demo_path: Path, tmp_path: Path) -> None:
    plan = files.open_plan(demo_path)
    try:
        copy = files.save_copy(demo_path, tmp_path / "copy.dxplan")
        files.verify_lock(plan)
    finally:
        plan.close()
    assert files.check_file(copy).counts == files.check_file(demo_path).counts
    assert _snapshot(copy) == _snapshot(demo_path)


def test_a_backup_restores_and_the_file_as_it_was_is_kept(demo_path: Path, tmp_path: Path) -> None:
    shelf = files.BackupShelf(tmp_path / "backups")
    taken = shelf.take(demo_path, files.BackupReason.OPENED)
    assert taken is not None and shelf.backups_of(demo_path) == [taken]
    early = _snapshot(demo_path)
    _break_a_rule(demo_path)
    late = _snapshot(demo_path)
    kept = files.restore_backup(shelf, taken, demo_path)
    assert kept.reason == files.BackupReason.BEFORE_RESTORE
    assert _snapshot(demo_path) == early != late
    assert _snapshot(kept.path) == late


def test_the_window_starts_on_the_last_file_else_on_none_with_a_note(demo_path: Path, tmp_path: Path) -> None:
    assert files.start_plan(str(demo_path)) == files.StartPlan(demo_path)
    started = files.start_plan(str(tmp_path / "gone.dxplan"))
    assert started.path is None
    assert started.note is not None and "could not be opened" in started.note
    copy = files.demo_copy(tmp_path / "data")
    assert files.demo_copy(tmp_path / "data") == copy  # an untouched copy is opened again


def test_files_made_from_a_plan_kept_in_a_hidden_folder_are_offered_in_the_users_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dxplanner.paths import AppPaths
    from dxplanner.services.files import folder_for_files
    from dxplanner.store.plan_file import create_plan_file, open_plan_file

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    documents = tmp_path / "Documents"
    documents.mkdir()
    demo = AppPaths.for_user().demo_plan  # where "Open the demo" keeps it: ~/.local/share/dxplanner
    demo.parent.mkdir(parents=True)
    work = tmp_path / "Kế hoạch" / "plan.dxplan"
    work.parent.mkdir()
    for path, expected in ((demo, documents), (work, work.parent)):
        store = open_plan_file(create_plan_file(path))
        try:
            assert folder_for_files(store) == expected, path
        finally:
            store.close()
