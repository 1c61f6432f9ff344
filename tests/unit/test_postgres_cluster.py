"""The tests' scratch PostgreSQL: found where Debian puts it, or a failure naming what to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.postgres_cluster import ServerProgramsMissingError, server_programs


def _programs(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in ("initdb", "pg_ctl", "postgres"):
        (folder / name).write_text("")
    return folder


def test_the_newest_server_programs_debian_keeps_out_of_path_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    _programs(tmp_path / "9.6" / "bin")
    newest = _programs(tmp_path / "15" / "bin")
    assert server_programs(tmp_path) == newest


def test_without_the_server_programs_the_failure_names_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ServerProgramsMissingError, match=r"install the `postgresql` package"):
        server_programs(tmp_path)
