"""What a plan file holds after a crash: rolled back, checked by SQLite and dxplanner, and fingerprinted."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from dxplanner.core.errors import DomainError
from dxplanner.store.backup import backup_plan_file
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.soundness import file_problems

# The files SQLite keeps beside a database while it writes it.
COMPANIONS = ("-journal", "-wal", "-shm")
# A damaged file can have thousands of problems; the first few say enough.
SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class FileState:
    """A whole file's content: a digest to compare states by, and row counts to describe one."""

    digest: str
    counts: tuple[tuple[str, int], ...]

    def describe(self) -> str:
        """The row counts of the tables that hold rows, for a message."""
        return ", ".join(f"{name} {count}" for name, count in self.counts if count) or "no rows"


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode={mode}", uri=True, isolation_level=None)


def settle(path: Path) -> str | None:
    """Let SQLite roll back a hot journal left beside path, as the next open would; say what was there.

    None: no journal. "hot": SQLite rolled it back and deleted it. "cold": its header was never
    finished, so the write had not reached the file yet; SQLite ignores it until the next write.
    """
    journal = path.with_name(path.name + "-journal")
    had_journal = journal.exists()
    # A read-only connection cannot roll a journal back; the first read on a writable one does.
    connection = _connect(path, "rw")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()
    if not had_journal:
        return None
    return "cold" if journal.exists() else "hot"


def _first(problems: list[str]) -> list[str]:
    lines = [line for problem in problems for line in problem.splitlines() if not line.startswith("***")]
    if len(lines) <= SHOWN_PROBLEMS:
        return lines
    return [*lines[:SHOWN_PROBLEMS], f"and {len(lines) - SHOWN_PROBLEMS} more problems"]


def sqlite_problems(path: Path) -> list[str]:
    """What PRAGMA integrity_check and foreign_key_check find wrong (empty when the file is sound)."""
    connection = _connect(path, "ro")
    try:
        problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        problems = [problem for problem in problems if problem != "ok"]
        problems += [
            f"foreign key: a row of {row[0]} (#{row[1]}) refers to a missing row of {row[2]}"
            for row in connection.execute("PRAGMA foreign_key_check")
        ]
    except sqlite3.DatabaseError as error:
        problems = [f"SQLite cannot read it: {error}"]
    finally:
        connection.close()
    return _first(problems)


def read_state(path: Path) -> FileState:
    """Every row of every table, the schema and the header fields, as one digest."""
    connection = _connect(path, "ro")
    try:
        header = [
            connection.execute(f"PRAGMA {name}").fetchone()[0] for name in ("application_id", "user_version")
        ]
        # Alembic's batch mode writes a rebuilt table's constraints in an order that changes from run
        # to run: the schema counts as the same when it has the same lines in any order.
        schema = sorted(
            (kind, name, sorted(line.strip().rstrip(",") for line in (sql or "").splitlines()))
            for kind, name, sql in connection.execute("SELECT type, name, sql FROM sqlite_master")
        )
        digest = hashlib.sha256(repr((header, schema)).encode())
        counts = []
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for (name,) in tables.fetchall():
            # Sorted by their text so that the digest does not depend on the order SQLite reads pages in.
            rows = sorted((tuple(row) for row in connection.execute(f'SELECT * FROM "{name}"')), key=repr)
            digest.update(repr((name, rows)).encode())
            counts.append((str(name), len(rows)))
    finally:
        connection.close()
    return FileState(digest.hexdigest(), tuple(counts))


def opening_problem(path: Path) -> str | None:
    """Why dxplanner cannot open the file (upgrading it if it is older), or None when it can.

    The file is opened through a copy, so that an upgrade on opening leaves the evidence alone.
    """
    with tempfile.TemporaryDirectory(prefix="kill-test-open-") as folder:
        try:
            copy = backup_plan_file(path, Path(folder) / path.name)
            store = open_plan_file(copy)
            try:
                with store.read() as session:
                    problems = file_problems(session.connection())
            finally:
                store.close()
        except (DomainError, sqlite3.DatabaseError) as error:
            return f"dxplanner cannot open it: {error}"
    return "dxplanner finds: " + "; ".join(_first(problems)) if problems else None
