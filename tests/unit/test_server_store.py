"""Opening a plan on a PostgreSQL server as a file opens, and what a user is told when it cannot be."""

from __future__ import annotations

import pytest
from sqlmodel import select

from dxplanner.core.errors import PlanFileError, ReadOnlyError
from dxplanner.core.models import Unit
from dxplanner.store.operations.units import create_unit
from dxplanner.store.server_store import open_server


def test_records_added_after_the_demo_plan_take_new_ids(demo_server_url: str) -> None:
    # The demo plan is written with ids of its own; the server's counters must start after them.
    store = open_server(demo_server_url)
    try:
        changes = create_unit(store, code="MOI", name="Đơn vị mới")
        with store.read() as session:
            ids = session.exec(select(Unit.id)).all()
        assert changes.id == max(id_ for id_ in ids if id_ is not None)
        assert len(ids) == len(set(ids)) > 1
    finally:
        store.close()
