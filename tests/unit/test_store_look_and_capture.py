"""A write takes its capture off the connection after it; a look turns failures into messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.core.errors import PlanFileError
from dxplanner.store import first_view
from dxplanner.store.operations.units import create_unit
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from dxplanner.store.plan_store import PlanStore


class BoomError(Exception):
    """A failure inside a write, of no kind the store knows."""


def test_a_failed_write_leaves_no_capture_and_the_next_write_records(plan_store: PlanStore) -> None:
    with pytest.raises(BoomError), plan_store.write() as session:
        seen = session.connection().info
        assert "dxplanner.capture" in seen
        raise BoomError
    assert "dxplanner.capture" not in seen
    create_unit(plan_store, code="A", name="A")
    assert plan_store.last_journal.changes


def test_an_unrecorded_store_leaves_the_pool_recording_for_a_later_store(tmp_path: Path) -> None:
    def fill(store: PlanStore) -> None:
        create_unit(store, code="A", name="A")
        with store.write() as session:
            assert "dxplanner.capture" in session.connection().info

    target = create_plan_file(tmp_path / "p.dxplan", fill=fill)
    store = open_plan_file(target)
    try:
        create_unit(store, code="B", name="B")
        assert store.last_journal.changes
        with store.look() as connection:
            assert "dxplanner.capture" not in connection.info
    finally:
        store.close()


def test_look_at_a_damaged_file_says_so(tmp_path: Path) -> None:
    target = create_plan_file(tmp_path / "p.dxplan")
    store = open_plan_file(target, read_only=True)
    try:
        data = bytearray(target.read_bytes())
        data[4096 : 4096 * 4] = b"\xff" * (4096 * 3)
        target.write_bytes(bytes(data))
        store.engine.dispose()
        with pytest.raises(PlanFileError) as said, store.look() as connection:
            first_view.navigator_rows(connection)
        assert "damaged" in said.value.message
    finally:
        store.close()


def test_a_server_gone_while_looking_says_so(server_url: str) -> None:
    """On the server only: a plan file has no connection another process can end."""
    import sqlalchemy as sa

    from dxplanner.store.server_store import ServerGoneError, open_server

    plan_store = open_server(server_url)
    try:
        with pytest.raises(ServerGoneError) as said, plan_store.look() as connection:
            pid = connection.execute(sa.text("SELECT pg_backend_pid()")).scalar()
            with plan_store.engine.connect() as other:
                other.execute(sa.text(f"SELECT pg_terminate_backend({pid})"))
            first_view.navigator_rows(connection)
        assert "Cannot reach" in said.value.message
        plan_store.offline = "away"
        with pytest.raises(ServerGoneError), plan_store.look():
            pass  # the refusal is on entering the look
        plan_store.offline = None
        with plan_store.look() as connection:
            level = connection.execute(sa.text("SHOW transaction_isolation")).scalar()
        assert level == "repeatable read"
    finally:
        plan_store.close()
