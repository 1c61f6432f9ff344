"""The same Alembic history builds the plan's schema on PostgreSQL, and `server init` is idempotent."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import dxplanner.core.models  # noqa: F401  (registers the tables)
from dxplanner.store.migrate import HEAD_REVISION, stored_revision, upgrade_to_head
from dxplanner.store.server_store import Prepared, create_server_engine, init_server
from dxplanner.store.server_store import server_url as server_url_of


def _keys(inspector: sa.Inspector, table: str) -> tuple[object, ...]:
    """A table's columns, primary key, foreign keys, unique keys, checks and indexes, by name."""
    columns = sorted((column["name"], column["nullable"]) for column in inspector.get_columns(table))
    primary = inspector.get_pk_constraint(table)
    foreign = sorted(
        (
            key["name"],
            tuple(key["constrained_columns"]),
            key["referred_table"],
            key["options"].get("ondelete"),
        )
        for key in inspector.get_foreign_keys(table)
    )
    unique = sorted(
        (key["name"], tuple(key["column_names"])) for key in inspector.get_unique_constraints(table)
    )
    checks = sorted(str(check["name"]) for check in inspector.get_check_constraints(table))
    indexes = sorted(
        (index["name"], tuple(index["column_names"]))
        for index in inspector.get_indexes(table)
        if not index.get("duplicates_constraint")  # PostgreSQL keeps a unique key as an index too
    )
    return columns, (primary["name"], tuple(primary["constrained_columns"])), foreign, unique, checks, indexes


def _model_keys(table: sa.Table) -> tuple[object, ...]:
    columns = sorted((column.name, bool(column.nullable)) for column in table.columns)
    primary = (table.primary_key.name, tuple(column.name for column in table.primary_key.columns))
    foreign = sorted(
        (key.name, tuple(key.column_keys), key.referred_table.name, key.ondelete)
        for key in table.foreign_key_constraints
    )
    unique = sorted(
        (key.name, tuple(column.name for column in key.columns))
        for key in table.constraints
        if isinstance(key, sa.UniqueConstraint)
    )
    checks = sorted(str(key.name) for key in table.constraints if isinstance(key, sa.CheckConstraint))
    indexes = sorted((index.name, tuple(column.name for column in index.columns)) for index in table.indexes)
    return columns, primary, foreign, unique, checks, indexes


def test_upgrading_an_empty_database_builds_the_schema_the_models_describe(empty_server_url: str) -> None:
    engine = create_server_engine(server_url_of(empty_server_url))
    try:
        upgrade_to_head(engine)
        with engine.connect() as connection:
            assert stored_revision(connection) == HEAD_REVISION
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, SQLModel.metadata) == []
            inspector = sa.inspect(connection)
            assert set(inspector.get_table_names()) == {*SQLModel.metadata.tables, "alembic_version"}
            for table in SQLModel.metadata.sorted_tables:
                assert _keys(inspector, table.name) == _model_keys(table), table.name
    finally:
        engine.dispose()


def test_the_schema_refuses_what_the_file_refuses(server_url: str) -> None:
    engine = create_server_engine(server_url_of(server_url))
    try:
        with engine.connect() as connection:
            unit = connection.execute(
                sa.text("INSERT INTO unit (code, name, kind) VALUES ('U', 'Unit', 'ministry') RETURNING id")
            ).scalar_one()
            strategy = connection.execute(
                sa.text(
                    "INSERT INTO strategy (name, unit_id, start_year, end_year, status) "
                    "VALUES ('S', :unit, 2021, 2025, 'draft') RETURNING id"
                ),
                {"unit": unit},
            ).scalar_one()
            connection.commit()
            # A risk belongs to exactly one strategy, plan or task: one with none is refused.
            with pytest.raises(sa.exc.IntegrityError, match="ck_risk_one_owner"), connection.begin():
                connection.exec_driver_sql(
                    "INSERT INTO risk (text, category, likelihood, impact, status) "
                    "VALUES ('r', 'other', 1, 1, 'open')"
                )
            connection.execute(
                sa.text(
                    "INSERT INTO risk (strategy_id, text, category, likelihood, impact, status) "
                    "VALUES (:strategy, 'r', 'other', 1, 1, 'open')"
                ),
                {"strategy": strategy},
            )
    finally:
        engine.dispose()


def test_server_init_creates_then_finds_the_schema_current(empty_server_url: str) -> None:
    first = init_server(empty_server_url)
    assert (first.done, first.before, first.after) == (Prepared.CREATED, None, HEAD_REVISION)
    again = init_server(empty_server_url)
    assert (again.done, again.before) == (Prepared.CURRENT, HEAD_REVISION)


def test_each_revision_goes_down_and_up_again_on_the_server_keeping_the_plan(demo_server_url: str) -> None:
    from dxplanner.store.migrate import downgrade_to

    engine = create_server_engine(server_url_of(demo_server_url))

    def count(table: str) -> int:
        with engine.connect() as connection:
            return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())

    try:
        tasks, reports = count("task"), count("progress_report")
        downgrade_to(engine, "0001")
        with engine.connect() as connection:
            assert stored_revision(connection) == "0001"
        assert (count("task"), count("progress_report")) == (tasks, reports)
        assert init_server(demo_server_url).done is Prepared.UPGRADED
        assert (count("task"), count("progress_report")) == (tasks, reports)
    finally:
        engine.dispose()
