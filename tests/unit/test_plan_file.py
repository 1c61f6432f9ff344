"""Creating and opening plan files: identity, schema age, refusals that leave files untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from dxplanner.core.errors import PlanFileError, ReadOnlyError
from dxplanner.core.models import Unit
from dxplanner.store.file_header import APPLICATION_ID, SCHEMA_VERSION, read_header
from dxplanner.store.journal import Journal, RowChange
from dxplanner.store.migrate import HEAD_REVISION
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.sqlite_engine import create_sqlite_engine


def _pragma(path: Path, name: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"PRAGMA {name}").fetchone()[0])
    finally:
        connection.close()


def _fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_a_new_plan_file_carries_its_identity_and_schema(plan_path: Path) -> None:
    assert _pragma(plan_path, "application_id") == APPLICATION_ID
    assert _pragma(plan_path, "user_version") == SCHEMA_VERSION
    connection = sqlite3.connect(plan_path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)]
    connection.close()


def test_a_new_plan_file_opens_for_writing(plan_path: Path) -> None:
    store = open_plan_file(plan_path)
    try:
        assert not store.read_only
        assert store.notice is None
        create_unit(store, code="BTTTT", name="Bộ Thông tin và Truyền thông")
        with store.read() as session:
            assert session.exec(select(Unit.code)).all() == ["BTTTT"]
    finally:
        store.close()


def test_foreign_keys_are_enforced_on_every_connection(store: PlanStore) -> None:
    with store.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_creating_over_an_existing_file_is_refused(plan_path: Path) -> None:
    before = _fingerprint(plan_path)
    with pytest.raises(PlanFileError, match="already exists"):
        create_plan_file(plan_path)
    assert _fingerprint(plan_path) == before


def test_creating_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="does not exist"):
        create_plan_file(tmp_path / "nowhere" / "plan.dxplan")


def test_a_failed_fill_leaves_no_file_behind(tmp_path: Path) -> None:
    target = tmp_path / "plan.dxplan"

    def fail(_store: PlanStore) -> None:
        raise PlanFileError("the fill failed")

    with pytest.raises(PlanFileError, match="the fill failed"):
        create_plan_file(target, fill=fail)
    assert list(tmp_path.iterdir()) == []


def test_a_file_filled_as_it_is_made_records_nothing_and_then_records_every_write(tmp_path: Path) -> None:
    journals: list[Journal] = []

    def fill(store: PlanStore) -> None:
        create_unit(store, code="BTTTT", name="Bộ Thông tin và Truyền thông")
        journals.append(store.last_journal)

    target = create_plan_file(tmp_path / "plan.dxplan", fill=fill)
    # Nothing to undo in a file no one had yet: recording it was a fifth of a 10,000-task import.
    assert journals == [Journal()]
    store = open_plan_file(target)
    try:
        create_unit(store, code="SXD", name="Sở Xây dựng")
        changes = store.last_journal.changes
        assert [
            change.after["code"] for change in changes if isinstance(change, RowChange) and change.after
        ] == ["SXD"]
        with store.read() as session:
            assert sorted(session.exec(select(Unit.code)).all()) == ["BTTTT", "SXD"]
    finally:
        store.close()


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="does not exist"):
        open_plan_file(tmp_path / "absent.dxplan")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="is a folder"):
        open_plan_file(tmp_path)


@pytest.mark.parametrize(
    "content",
    [b"", b"STT,Nhiem vu\n1,Xay dung LGSP\n", b"PK\x03\x04" + bytes(200), b"SQLite format 3\x00"],
    ids=["empty", "csv text", "zip", "truncated sqlite header"],
)
def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "plan.dxplan"
    path.write_bytes(content)
    before = _fingerprint(path)
    with pytest.raises(PlanFileError, match="not a dxplanner plan file"):
        open_plan_file(path)
    assert _fingerprint(path) == before
    assert sorted(item.name for item in tmp_path.iterdir()) == ["plan.dxplan"]


def test_a_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("INSERT INTO moz_places (url) VALUES ('https://dichvucong.gov.vn')")
    connection.commit()
    connection.close()
    before = _fingerprint(path)
    with pytest.raises(PlanFileError, match="another program"):
        open_plan_file(path)
    assert _fingerprint(path) == before
    assert sorted(item.name for item in tmp_path.iterdir()) == ["places.sqlite"]


def test_a_file_from_a_newer_version_opens_read_only(plan_path: Path) -> None:
    connection = sqlite3.connect(plan_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = _fingerprint(plan_path)

    store = open_plan_file(plan_path)
    try:
        assert store.read_only
        assert store.notice is not None and "newer version" in store.notice
        with store.read() as session:
            assert session.exec(select(Unit)).all() == []
        with pytest.raises(ReadOnlyError, match="read-only"):
            create_unit(store, code="X", name="X")
    finally:
        store.close()
    assert _fingerprint(plan_path)[0] == before[0]


def test_a_file_from_an_older_version_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.dxplan"
    # The oldest possible plan file: our identity, schema 0, no tables yet.
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("CREATE TABLE note (text TEXT)")
    connection.execute("INSERT INTO note VALUES ('kept')")
    connection.commit()
    connection.close()

    store = open_plan_file(path)
    try:
        assert not store.read_only
        assert store.notice is not None and "upgraded" in store.notice
        create_unit(store, code="VPCP", name="Văn phòng Chính phủ")
    finally:
        store.close()
    assert read_header(path).schema_version == SCHEMA_VERSION
    backups = [item for item in tmp_path.iterdir() if item.name.startswith("old.before-upgrade-")]
    assert len(backups) == 1
    assert _pragma(backups[0], "user_version") == 0
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT text FROM note").fetchall() == [("kept",)]
    copy.close()


def test_a_current_file_without_its_schema_record_is_refused(plan_path: Path) -> None:
    connection = sqlite3.connect(plan_path)
    connection.execute("DELETE FROM alembic_version")
    connection.commit()
    connection.close()
    with pytest.raises(PlanFileError, match="damaged"):
        open_plan_file(plan_path)


def test_a_write_takes_the_lock_at_begin(store: PlanStore, plan_path: Path) -> None:
    with store.write() as session:
        session.connection()  # the transaction begins here
        other = sqlite3.connect(plan_path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_a_write_while_another_program_writes_says_the_file_is_busy(plan_path: Path) -> None:
    store = PlanStore(plan_path, create_sqlite_engine(plan_path, busy_timeout=0.05))
    other = sqlite3.connect(plan_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(PlanFileError, match="busy in another program"):
            create_unit(store, code="X", name="X")
    finally:
        other.execute("ROLLBACK")
        other.close()
        store.close()


def test_a_damaged_file_is_refused_with_a_message(demo_path: Path) -> None:
    data = bytearray(demo_path.read_bytes())
    # Keep the 100-byte header (so the file still claims to be ours) and wreck the schema page.
    data[100:4096] = bytes([0xA5]) * (4096 - 100)
    demo_path.write_bytes(bytes(data))
    with pytest.raises(PlanFileError, match=r"damaged|could not be used"):
        open_plan_file(demo_path)


def test_a_file_without_write_permission_opens_read_only(plan_path: Path) -> None:
    store = open_plan_file(plan_path, writable=lambda _path: False)
    try:
        assert store.read_only
        # Told it may not write a file that is writable, the diagnosis finds no cause to name.
        assert store.notice == (
            "plan.dxplan cannot be written (the system does not let it be written); it is open read-only."
        )
        with pytest.raises(ReadOnlyError):
            create_unit(store, code="X", name="X")
    finally:
        store.close()


def test_an_older_file_that_cannot_be_written_is_refused_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.dxplan"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.commit()
    connection.close()
    before = _fingerprint(path)
    with pytest.raises(PlanFileError, match="must be upgraded, but it cannot be written"):
        open_plan_file(path, writable=lambda _path: False)
    assert _fingerprint(path) == before
    assert [item.name for item in tmp_path.iterdir()] == ["old.dxplan"]


def test_an_upgrade_that_cannot_reach_the_current_schema_changes_nothing(plan_path: Path) -> None:
    # Alembic says "current" but the header says schema 0: the two records disagree.
    connection = sqlite3.connect(plan_path)
    connection.execute("PRAGMA user_version = 0")
    connection.commit()
    connection.close()
    with pytest.raises(PlanFileError, match="could not be upgraded; it is unchanged"):
        open_plan_file(plan_path)
    assert read_header(plan_path).schema_version == 0


def test_a_file_of_the_first_schema_is_upgraded_with_its_data_kept(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from dxplanner.core.enums import ProgressWeight
    from dxplanner.core.models import ActionPlan
    from dxplanner.store.migrate import MIGRATIONS_DIR

    path = tmp_path / "2021.dxplan"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.commit()
    connection.close()
    engine = create_sqlite_engine(path)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as raw:
        config.attributes["connection"] = raw
        command.upgrade(config, "0001")
        raw.exec_driver_sql(
            "INSERT INTO unit (id, code, name, kind) VALUES (1, 'BTTTT', 'Bộ TT&TT', 'ministry')"
        )
        raw.exec_driver_sql(
            'INSERT INTO action_plan (id, unit_id, name, start, "end", status) '
            "VALUES (1, 1, 'Kế hoạch 2021', '2021-01-01', '2021-12-31', 'completed')"
        )
    engine.dispose()
    assert read_header(path).schema_version == 1

    store = open_plan_file(path)
    try:
        assert store.notice is not None and "upgraded" in store.notice
        with store.read() as session:
            plan = session.get(ActionPlan, 1)
            assert plan is not None
            assert (plan.name, plan.progress_weight) == ("Kế hoạch 2021", ProgressWeight.DURATION)
    finally:
        store.close()
    assert read_header(path).schema_version == SCHEMA_VERSION
    backup = next(tmp_path.glob("2021.before-upgrade-*.dxplan"))
    assert read_header(backup).schema_version == 1
