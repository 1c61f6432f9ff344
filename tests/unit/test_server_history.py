"""The history a shared plan's server writes: every change, whoever makes it and however, kept for good."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from dxplanner.cli import EXIT_OK, run
from dxplanner.core.errors import ChangedSinceError, PlanFileError
from dxplanner.i18n import set_language
from dxplanner.services import edits, history, undo
from dxplanner.store.migrate import HEAD_REVISION
from dxplanner.store.server_store import Prepared, ServerStore, init_server, open_server
from tests.postgres_cluster import ScratchCluster
from tests.role_fixtures import ADMIN, PLANNER, REPORTER, RolesPlan
from tests.unit.estate_builders import fill_estate


def _history(plan: RolesPlan, task: int) -> list[tuple[object, ...]]:
    engine = sa.create_engine(plan.url().replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    sa.text(
                        "SELECT who, op, before ->> 'name', after ->> 'name' FROM dx_history "
                        "WHERE table_name = 'task' AND key ->> 'id' = :id ORDER BY id"
                    ),
                    {"id": str(task)},
                )
            ]
    finally:
        engine.dispose()


def test_a_change_made_with_psql_is_in_the_history_with_its_login(shared_roles_plan: RolesPlan) -> None:
    plan = shared_roles_plan
    name = plan.scalar("SELECT name FROM task WHERE id = :id", id=plan.other)
    done = plan.psql(PLANNER, f"UPDATE task SET name = 'Đổi bằng psql' WHERE id = {plan.other}")
    assert done.returncode == 0, done.stderr
    done = plan.psql(PLANNER, f"UPDATE task SET name = {_quoted(str(name))} WHERE id = {plan.other}")
    assert done.returncode == 0, done.stderr
    assert _history(plan, plan.other)[-2:] == [
        (PLANNER, "u", name, "Đổi bằng psql"),
        (PLANNER, "u", "Đổi bằng psql", name),
    ]


def test_a_reporters_progress_is_in_the_history_with_their_login(shared_roles_plan: RolesPlan) -> None:
    plan = shared_roles_plan
    done = plan.psql(
        REPORTER,
        "BEGIN; "
        f"UPDATE task SET progress = 40, version = version + 1 WHERE id = {plan.led}; "
        "SELECT who, after ->> 'progress' FROM dx_history WHERE id = (SELECT max(id) FROM dx_history); "
        "ROLLBACK;",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [f"{REPORTER}|40"]


@pytest.mark.parametrize("login", [ADMIN, PLANNER, REPORTER])
def test_no_role_may_change_or_delete_the_history(shared_roles_plan: RolesPlan, login: str) -> None:
    plan = shared_roles_plan
    lines = plan.scalar("SELECT count(*) FROM dx_history")
    assert lines
    for statement in (
        "UPDATE dx_history SET who = 'someone else'",
        "DELETE FROM dx_history",
        "TRUNCATE dx_history",
        "INSERT INTO dx_history (table_name, key, op) VALUES ('task', '{}', 'u')",
    ):
        done = plan.psql(login, statement)
        assert done.returncode != 0 and "permission denied" in done.stderr, (statement, done)
    assert plan.scalar("SELECT count(*) FROM dx_history") == lines
    assert plan.scalar("SELECT count(*) FROM dx_history WHERE who = 'someone else'") == 0


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_server_init_starts_the_history_of_a_database_prepared_before_it(
    postgres_cluster: ScratchCluster, demo_template_database: str
) -> None:
    name = postgres_cluster.new_database(template=demo_template_database)
    try:
        # CASCADE: the reporters' take-back policies read the history, and came with it.
        postgres_cluster.execute(
            "DROP TABLE dx_history CASCADE", "DROP FUNCTION dx_record_change() CASCADE", database=name
        )
        url = postgres_cluster.url(name)
        with pytest.raises(PlanFileError, match=r"keeps no history yet.*server init"):
            open_server(url)
        out, err = io.StringIO(), io.StringIO()
        assert run(["server", "init", url], out, err) == EXIT_OK
        assert out.getvalue().splitlines()[0] + "\n" == (
            f"The plan's schema on {url} is current (revision {HEAD_REVISION}); it keeps the history of "
            "every change from now on.\n"
        )
        assert init_server(url).done is Prepared.CURRENT
        store = open_server(url)
        try:
            with store.read() as session:  # and the reporters may take back what they added again
                policies = (
                    session.connection()
                    .execute(sa.text("SELECT tablename FROM pg_policies WHERE policyname = 'dx_take_back'"))
                    .all()
                )
            assert sorted(row[0] for row in policies) == ["progress_report", "risk"]
            task = min(row.id for row in _tasks(store))
            edits.update_task(store, task, name="Đổi sau khi chuẩn bị lại")
            entries = history.read_history(store, task_id=task)
            assert [(entry.action, entry.fields[0].after) for entry in entries] == [
                ("changed", "Đổi sau khi chuẩn bị lại")
            ]
        finally:
            store.close()
    finally:
        postgres_cluster.drop_database(name)


def _tasks(store: ServerStore) -> list[sa.Row[tuple[int]]]:
    with store.read() as session:
        return list(session.connection().execute(sa.text("SELECT id FROM task")))


@pytest.fixture
def two_users(demo_server_url: str) -> Iterator[tuple[ServerStore, ServerStore, int]]:
    """Two windows on one plan on the server, and a task of it."""
    mine, theirs = open_server(demo_server_url), open_server(demo_server_url)
    try:
        yield mine, theirs, min(row.id for row in _tasks(mine))
    finally:
        mine.close()
        theirs.close()


def _task_row(store: ServerStore, task_id: int) -> dict[str, object]:
    with store.read() as session:
        row = (
            session.connection().execute(sa.text("SELECT * FROM task WHERE id = :id"), {"id": task_id}).one()
        )
    return dict(row._mapping)


def test_undo_on_the_server_refuses_when_another_user_changed_the_task_since(
    two_users: tuple[ServerStore, ServerStore, int],
) -> None:
    mine, theirs, task_id = two_users
    edits.update_task(mine, task_id, notes="ghi chú của tôi")
    step = undo.last_step(mine)
    assert step is not None
    edits.update_task(theirs, task_id, name="Tên do người khác đặt")
    their_row = _task_row(theirs, task_id)
    set_language("vi")
    with pytest.raises(ChangedSinceError) as refused:
        undo.undo(mine, step)
    assert refused.value.message == (
        "Một bản ghi mà bước này đã thay đổi đã bị sửa sau đó; không có gì được hoàn tác."
    )
    assert _task_row(mine, task_id) == their_row


def test_undo_on_the_server_goes_ahead_when_another_user_changed_another_task(
    two_users: tuple[ServerStore, ServerStore, int],
) -> None:
    mine, theirs, task_id = two_users
    before = _task_row(mine, task_id)
    edits.update_task(mine, task_id, notes="ghi chú của tôi", progress=0.1 + 0.2)
    step = undo.last_step(mine)
    assert step is not None
    other = max(row.id for row in _tasks(theirs))
    edits.update_task(theirs, other, name="Tên do người khác đặt")
    redo = undo.undo(mine, step)
    # The task is as it was, at a version of its own: the one it had named other values meanwhile.
    row = _task_row(mine, task_id)
    assert row["version"] == before["version"] + 2  # type: ignore[operator]
    assert {**row, "version": before["version"]} == before
    undo.redo(mine, redo)
    # The undo and the redo are changes like any other: the history has both, the float exact.
    undone, redone = history.read_history(theirs, task_id=task_id)[-2:]
    assert [(change.field, change.after) for change in redone.fields] == [
        ("progress", 0.1 + 0.2),
        ("notes", "ghi chú của tôi"),
    ]
    assert [(change.field, change.before) for change in undone.fields] == [
        ("progress", 0.1 + 0.2),
        ("notes", "ghi chú của tôi"),
    ]


def test_the_history_names_estate_records_in_the_users_language(server_url: str) -> None:
    store = open_server(server_url)
    try:
        made = fill_estate(store)
        set_language("vi")
        records = {entry.record for entry in history.read_history(store)}
        effects = [entry.record for entry in history.read_history(store, task_id=made.build_task)]
    finally:
        store.close()
    assert "hệ thống Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh" in records
    assert "dịch vụ công Đăng ký khai sinh" in records
    assert "thành viên Ban Chỉ đạo Nguyễn Văn A" in records
    assert (
        "tác động đến hệ thống, kết nối, dịch vụ của nhiệm vụ Xây dựng hệ thống thông tin giải quyết TTHC"
        in effects
    )
