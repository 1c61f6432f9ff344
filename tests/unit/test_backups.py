"""Automatic backups: taken consistently, thinned by tiers, listed, and restored only when whole."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import pytest

from dxplanner.core.backup_tiers import backups_to_keep
from dxplanner.core.errors import PlanFileError
from dxplanner.store.backups import BackupReason, BackupShelf, check_backup, restore_backup
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_file import open_plan_file
from tests.conftest import snapshot

NOW = datetime.datetime(2026, 12, 6, 9, 0)


def test_the_tiers_keep_the_last_five_one_a_day_for_a_week_and_one_a_week_for_a_month() -> None:
    # Every six hours for sixty days, back from now.
    taken = [NOW - datetime.timedelta(hours=6 * step) for step in range(240)]
    kept = backups_to_keep(taken, NOW)
    assert set(taken[:5]) <= kept
    days = {moment.date() for moment in kept if NOW - moment <= datetime.timedelta(days=7)}
    assert len(days) >= 7
    # Beyond a week only one per ISO week, and nothing beyond five weeks.
    older = sorted(moment for moment in kept if NOW - moment > datetime.timedelta(days=7))
    weeks = [moment.isocalendar()[:2] for moment in older]
    assert len(weeks) == len(set(weeks))
    assert all(NOW - moment <= datetime.timedelta(days=35) for moment in kept)
    assert len(kept) < 20


def test_a_backup_is_a_whole_copy_and_an_unchanged_file_is_not_copied_again(
    plan_path: Path, tmp_path: Path
) -> None:
    shelf = BackupShelf(tmp_path / "backups")
    store = open_plan_file(plan_path)
    try:
        create_unit(store, code="A", name="Sở A")
        first = shelf.take(plan_path, BackupReason.OPENED, NOW)
        assert first is not None and first.size > 0
        assert first.task_count() == 0
        assert shelf.take(plan_path, BackupReason.EDITING, NOW + datetime.timedelta(minutes=10)) is None
        create_unit(store, code="B", name="Sở B")
        second = shelf.take(plan_path, BackupReason.EDITING, NOW + datetime.timedelta(minutes=20))
        assert second is not None
    finally:
        store.close()
    listed = shelf.backups_of(plan_path)
    assert [backup.reason for backup in listed] == ["editing", "opened"]
    assert listed[0].taken == NOW + datetime.timedelta(minutes=20)
    copy = sqlite3.connect(listed[1].path)
    assert copy.execute("SELECT code FROM unit ORDER BY code").fetchall() == [("A",)]
    copy.close()
    assert [item.name for item in shelf.folder_of(plan_path).iterdir() if item.name.startswith(".")] == []


def test_backups_are_thinned_as_they_are_taken(plan_path: Path, tmp_path: Path) -> None:
    shelf = BackupShelf(tmp_path / "backups")
    for step in range(12):
        shelf.take(plan_path, BackupReason.EDITING, NOW + datetime.timedelta(minutes=step), if_changed=False)
    assert len(shelf.backups_of(plan_path)) == 5


def test_two_files_of_one_name_in_two_folders_keep_their_own_backups(tmp_path: Path) -> None:
    shelf = BackupShelf(tmp_path / "backups")
    assert shelf.folder_of(tmp_path / "a" / "plan.dxplan") != shelf.folder_of(tmp_path / "b" / "plan.dxplan")


def test_restoring_keeps_the_current_file_as_one_more_backup(plan_path: Path, tmp_path: Path) -> None:
    shelf = BackupShelf(tmp_path / "backups")
    store = open_plan_file(plan_path)
    create_unit(store, code="A", name="Sở A")
    early = snapshot(store, versions=True)
    backup = shelf.take(plan_path, BackupReason.OPENED, NOW)
    assert backup is not None
    create_unit(store, code="B", name="Sở B")
    late = snapshot(store, versions=True)
    store.close()

    kept = restore_backup(shelf, backup, plan_path, NOW + datetime.timedelta(hours=1))
    reopened = open_plan_file(plan_path)
    try:
        assert snapshot(reopened, versions=True) == early
    finally:
        reopened.close()
    assert kept.reason == BackupReason.BEFORE_RESTORE
    restored_back = restore_backup(shelf, kept, plan_path, NOW + datetime.timedelta(hours=2))
    assert restored_back.path.exists()
    reopened = open_plan_file(plan_path)
    try:
        assert snapshot(reopened, versions=True) == late
    finally:
        reopened.close()


def test_a_damaged_backup_is_refused_and_the_file_is_unchanged(plan_path: Path, tmp_path: Path) -> None:
    shelf = BackupShelf(tmp_path / "backups")
    backup = shelf.take(plan_path, BackupReason.OPENED, NOW)
    assert backup is not None
    data = bytearray(backup.path.read_bytes())
    data[100:4096] = bytes([0xA5]) * (4096 - 100)
    backup.path.write_bytes(bytes(data))
    before = plan_path.read_bytes()
    with pytest.raises(PlanFileError, match=r"damaged|cannot be read"):
        restore_backup(shelf, backup, plan_path, NOW)
    assert plan_path.read_bytes() == before
    assert [item.reason for item in shelf.backups_of(plan_path)] == ["opened"]
    with pytest.raises(PlanFileError):
        check_backup(tmp_path / "missing.dxplan")
