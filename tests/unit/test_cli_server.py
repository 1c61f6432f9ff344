"""The shared store's commands: `server init`, `copy`, and a postgresql:// URL where FILE goes."""

from __future__ import annotations

from pathlib import Path

from dxplanner.cli import EXIT_OK, EXIT_USER_ERROR
from dxplanner.i18n import set_language
from dxplanner.store.migrate import HEAD_REVISION
from tests.conftest import run_cli as _run


def test_server_init_creates_the_schema_then_says_it_is_current(empty_server_url: str) -> None:
    database = empty_server_url.rsplit("/", 1)[1]
    assert _run("server", "init", empty_server_url) == (
        EXIT_OK,
        f"Created the plan's schema (revision {HEAD_REVISION}) on {empty_server_url}.\n"
        f"Created the roles {database}_admin, {database}_planner, {database}_reporter; give them to "
        "logins with “dxplanner server grant URL LOGIN --role admin|planner|reporter”.\n",
        "",
    )
    status, out, err = _run("server", "init", empty_server_url)
    assert (status, err) == (EXIT_OK, "")
    assert out == (
        f"The plan's schema on {empty_server_url} is already current (revision {HEAD_REVISION}); "
        "nothing was changed.\n"
    )


def test_server_init_speaks_vietnamese(empty_server_url: str) -> None:
    set_language("vi")
    status, out, _err = _run("server", "init", empty_server_url)
    assert status == EXIT_OK
    assert out.startswith("Đã tạo lược đồ của kế hoạch")


def test_copy_to_a_server_and_back_then_check_the_server(
    demo_path: Path, server_url: str, tmp_path: Path
) -> None:
    status, out, err = _run("copy", str(demo_path), server_url)
    assert (status, err) == (EXIT_OK, "")
    assert out.startswith("Copied ") and out.endswith(f" records from {demo_path} to {server_url}.\n")
    copied = int(out.split()[1])

    back = tmp_path / "back.dxplan"
    assert _run("copy", server_url, str(back)) == (
        EXIT_OK,
        f"Copied {copied} records from {server_url} to {back}.\n",
        "",
    )
    on_file, on_server = _run("check", str(back)), _run("check", server_url)
    assert on_file[0] == on_server[0] == EXIT_OK
    # The same counts, the same schema: only the first line (where the plan is) differs.
    assert on_file[1].splitlines()[1:] == on_server[1].splitlines()[1:]
    assert on_server[1].splitlines()[0] == f"file: {server_url}"


def test_a_report_is_written_from_a_plan_on_a_server(demo_server_url: str, tmp_path: Path) -> None:
    out_file = tmp_path / "report.xlsx"
    status, out, err = _run("report", demo_server_url, "--out", str(out_file), "--as-of", "2026-06-30")
    assert (status, err) == (EXIT_OK, "")
    assert out_file.stat().st_size > 0 and "Wrote the report" in out


def test_an_unreachable_server_is_one_line_and_exit_1(tmp_path: Path) -> None:
    status, out, err = _run("check", "postgresql://nobody@127.0.0.1:1/plan")
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert err.startswith(
        "dxplanner: Cannot reach the PostgreSQL server postgresql://nobody@127.0.0.1:1/plan"
    )
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_url_without_a_database_is_refused(tmp_path: Path) -> None:
    status, out, err = _run("server", "init", "postgresql://someone@127.0.0.1:5432")
    assert (status, out) == (EXIT_USER_ERROR, "")
    assert "names no database" in err
