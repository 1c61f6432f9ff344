"""Shared fixtures: plan files in temporary folders, the demo plan, and whole-file snapshots."""

from __future__ import annotations

import os
import sqlite3

# Qt aborts without a display unless told to draw offscreen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import settings
from sqlmodel import SQLModel

import dxplanner.core.models  # noqa: F401  (registers the tables)
from dxplanner.i18n import set_language
from dxplanner.store.backup import backup_plan_file
from dxplanner.store.demo import load_demo
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from dxplanner.store.plan_store import PlanStore

Snapshot = dict[str, list[tuple[Any, ...]]]

# The scratch PostgreSQL server and the fixtures that run a test on both back ends.
pytest_plugins = ["tests.postgres_fixtures", "tests.role_fixtures"]

# No deadline per example: speed is measured in bench/, and on a machine busy with other work a
# case over hypothesis's 200 ms failed a test that found nothing wrong (test_projection, once).
settings.register_profile("everyday", deadline=None)
# HYPOTHESIS_PROFILE=thorough tries many more cases, for a run by hand after changing a parser.
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "everyday"))


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Tests read messages in English unless they choose another language."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """A new, empty plan file."""
    return create_plan_file(tmp_path / "plan.dxplan")


@pytest.fixture
def store(plan_path: Path) -> Iterator[PlanStore]:
    """An empty plan file, open for writing."""
    opened = open_plan_file(plan_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo plan, built once per test run."""
    return create_plan_file(tmp_path_factory.mktemp("demo") / "demo.dxplan", fill=load_demo)


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo plan file."""
    return backup_plan_file(demo_template, tmp_path / "demo.dxplan")


@pytest.fixture
def demo_store(demo_path: Path) -> Iterator[PlanStore]:
    """A private copy of the demo plan, open for writing."""
    opened = open_plan_file(demo_path)
    yield opened
    opened.close()


def snapshot(store: PlanStore, *, versions: bool = False) -> Snapshot:
    """Every row of every table, to show that a refused operation changed nothing, or that an undo
    put everything back.

    Versions are left out unless asked for: an undo puts back every value users see while it moves
    each record's version on (a version is never given to other values again).
    """
    with store.engine.connect() as connection:
        return {
            table.name: sorted(
                tuple(row)
                for row in connection.execute(
                    sa.select(*(column for column in table.c if versions or column.name != "version"))
                )
            )
            for table in SQLModel.metadata.sorted_tables
        }


# The estate's tables, children first: emptied in this order, no row is left pointing at a gone one.
ESTATE_TABLES_CHILDREN_FIRST = (
    "task_effect",
    "risk_treatment",
    "data_link",
    "public_service",
    "open_dataset",
    "committee_member",
    "system",
)


def without_estate(path: Path) -> Path:
    """Empty a plan file's estate (the demo has one): for tests that build their own, record by record."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE system SET hosted_on_id = NULL")
        for table in ESTATE_TABLES_CHILDREN_FIRST:
            connection.execute(f"DELETE FROM {table}")
    return path


def snapshot_of(path: Path, *, versions: bool = False) -> Snapshot:
    """The snapshot of the plan file at path, opened only to look (see snapshot)."""
    store = open_plan_file(path, read_only=True)
    try:
        return snapshot(store, versions=versions)
    finally:
        store.close()


def run_cli(*arguments: str) -> tuple[int, str, str]:
    """Run the command line in this process: its exit status, what it printed, and what it said wrong."""
    import io

    from dxplanner.cli import run

    out, err = io.StringIO(), io.StringIO()
    status = run(list(arguments), out, err)
    return status, out.getvalue(), err.getvalue()
