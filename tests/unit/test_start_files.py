"""The file the window starts on: --demo never replaces an edited copy; no file named means the last one."""

from __future__ import annotations

from pathlib import Path

from dxplanner.app import _plan_to_open
from dxplanner.paths import AppPaths
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.start_files import StartPlan, demo_copy, free_plan_path, start_plan
from tests.conftest import snapshot


def _paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "log")


def test_demo_opens_the_untouched_copy_and_never_replaces_an_edited_one(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    first = _plan_to_open(None, True, paths)
    assert first == paths.data_dir / "demo.dxplan"
    # Opened and closed without a change: the same copy again.
    open_plan_file(first).close()
    assert _plan_to_open(None, True, paths) == first

    store = open_plan_file(first)
    create_unit(store, code="SO-ABC", name="Sở ABC")
    edited = snapshot(store)
    store.close()
    second = _plan_to_open(None, True, paths)
    assert second == paths.data_dir / "demo-2.dxplan"
    # The user's work is still there, untouched.
    store = open_plan_file(first, read_only=True)
    try:
        assert snapshot(store) == edited
    finally:
        store.close()
    # The fresh copy is offered again while it stays untouched.
    assert demo_copy(paths.data_dir) == second


def test_no_file_named_leaves_the_choice_to_the_window(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    assert _plan_to_open(None, False, paths) is None
    named = tmp_path / "named.dxplan"
    assert _plan_to_open(named, False, paths) == named


def test_the_last_file_is_chosen_when_it_is_still_a_plan_file_else_none_and_why(
    demo_path: Path, tmp_path: Path
) -> None:
    assert start_plan(str(demo_path)) == StartPlan(demo_path)
    gone = start_plan(str(tmp_path / "gone.dxplan"))
    assert gone.path is None  # the welcome page, not another file in its stead
    assert gone.note is not None and "gone.dxplan does not exist" in gone.note
    assert start_plan(None) == StartPlan(None)  # a first start: nothing is made
    assert list(tmp_path.iterdir()) == [demo_path]


def test_a_plan_for_an_import_takes_a_name_no_file_has(tmp_path: Path) -> None:
    assert free_plan_path(tmp_path, "ke-hoach") == tmp_path / "ke-hoach.dxplan"
    (tmp_path / "ke-hoach.dxplan").write_bytes(b"")
    (tmp_path / "ke-hoach (2).dxplan").write_bytes(b"")
    assert free_plan_path(tmp_path, "ke-hoach") == tmp_path / "ke-hoach (3).dxplan"
