"""Why a file cannot be written, told in words: a read-only disk, an immutable file, no permission on
the file, or a folder that cannot be written; and what an operating-system error means to a user."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxplanner.cli import EXIT_USER_ERROR, run
from dxplanner.file_access import Probes, os_reason, why_not_writable, write_failure
from dxplanner.store.plan_file import open_plan_file
from tests.conftest import snapshot
from tests.unit import excel_bad_inputs as bad


def _refusing(code: int) -> Probes:
    """The calls of a system on which opening the file for writing fails with `code`."""

    def refuse(path: Path, flags: int) -> int:
        raise OSError(code, os.strerror(code), str(path))

    return Probes(open_file=refuse, access=lambda path, mode: False, read_only_mount=lambda path: False)


def test_a_read_only_file_system_is_named(plan_path: Path) -> None:
    probes = Probes(read_only_mount=lambda path: True, access=lambda path, mode: False)
    assert why_not_writable(plan_path, probes) == (
        "it is on a read-only file system (a read-only disk, share or mount)"
    )


def test_an_immutable_file_is_named(plan_path: Path) -> None:
    assert why_not_writable(plan_path, _refusing(errno.EPERM)) == (
        "the file is marked as unchangeable (immutable) by the system"
    )


def test_no_permission_on_the_file_is_named(plan_path: Path) -> None:
    assert why_not_writable(plan_path, _refusing(errno.EACCES)) == "you have no permission to write the file"


def test_a_folder_that_cannot_be_written_is_named(plan_path: Path) -> None:
    probes = Probes(access=lambda path, mode: path != plan_path.parent, read_only_mount=lambda path: False)
    assert why_not_writable(plan_path, probes) == f"the folder {plan_path.parent} cannot be written"
    new_file = plan_path.with_name("new.xlsx")  # one not made yet: only its folder counts
    assert why_not_writable(new_file, probes) == f"the folder {plan_path.parent} cannot be written"


def test_errors_of_the_system_are_said_in_the_users_words() -> None:
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
    assert os_reason(OSError(errno.EFBIG, "File too large")) == (
        "the file would be larger than the system allows"
    )
    assert os_reason(OSError(errno.EDQUOT, "Disk quota exceeded")) == "your disk quota is used up"
    assert os_reason(OSError(errno.ENOENT, "No such file or directory")) == "the folder does not exist"
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "Invalid cross-device link"


def test_a_refused_write_is_explained_by_looking_at_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    probes = Probes(access=lambda path, mode: path != tmp_path, read_only_mount=lambda path: False)
    refused = OSError(errno.EACCES, "Permission denied")
    assert write_failure(refused, target, probes) == f"the folder {tmp_path} cannot be written"
    assert write_failure(OSError(errno.ENOSPC, "No space"), target, probes) == "the disk is full"


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[list[Path]]:
    """Files to mark immutable with chattr +i (as root, the one thing that stops a write)."""
    marked: list[Path] = []
    yield marked
    for path in marked:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def _mark_immutable(path: Path, marked: list[Path]) -> None:
    chattr = shutil.which("chattr")
    if chattr is None or os.geteuid() != 0:
        pytest.skip("marking a file immutable needs chattr and root (the fakes above cover the words)")
    if subprocess.run([chattr, "+i", str(path)], check=False, capture_output=True).returncode != 0:
        pytest.skip("this file system cannot mark a file immutable (the fakes above cover the words)")
    marked.append(path)


def test_the_read_only_notice_says_why(plan_path: Path, immutable: list[Path]) -> None:
    _mark_immutable(plan_path, immutable)
    store = open_plan_file(plan_path)
    try:
        assert store.read_only
        assert store.notice == (
            "plan.dxplan cannot be written (the file is marked as unchangeable (immutable) by the system); "
            "it is open read-only."
        )
    finally:
        store.close()


def test_import_into_a_file_that_cannot_be_written_says_why(
    demo_path: Path, tmp_path: Path, immutable: list[Path]
) -> None:
    workbook = bad.build_lying_dimensions_small(tmp_path / "in")
    store = open_plan_file(demo_path)
    before = snapshot(store)
    store.close()
    _mark_immutable(demo_path, immutable)
    out, err = io.StringIO(), io.StringIO()
    status = run(["import", str(workbook), "--into", str(demo_path)], out, err)
    assert (status, out.getvalue()) == (EXIT_USER_ERROR, "")
    assert err.getvalue() == (
        "dxplanner: demo.dxplan cannot be written (the file is marked as unchangeable (immutable) "
        "by the system); it is open read-only. Nothing was imported.\n"
    )
    store = open_plan_file(demo_path, read_only=True)
    assert snapshot(store) == before
    store.close()


def test_export_onto_a_workbook_that_cannot_be_replaced_says_why(
    demo_path: Path, tmp_path: Path, immutable: list[Path]
) -> None:
    target = tmp_path / "old.xlsx"
    target.write_bytes(bad.build_lying_dimensions_small(tmp_path / "in").read_bytes())
    _mark_immutable(target, immutable)
    out, err = io.StringIO(), io.StringIO()
    status = run(["export", str(demo_path), "--out", str(target)], out, err)
    assert status == EXIT_USER_ERROR
    assert err.getvalue() == (
        f"dxplanner: {target} cannot be written: the file is marked as unchangeable (immutable) "
        "by the system.\n"
    )
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []
