"""The roles seen through dxplanner's own services: what each role may do, one clear message for the rest."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import AbstractContextManager

import pytest

from dxplanner.core.enums import PlanRole
from dxplanner.core.errors import NotPermittedError, PlanFileError
from dxplanner.services import edits, estate, new_records, permissions, records
from dxplanner.services.files import open_plan
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.plan_file import open_plan_file
from tests.role_fixtures import ADMIN, NOBODY, PLANNER, REPORTER, RolesPlan

DAY = datetime.date(2026, 6, 30)


@pytest.fixture
def as_reporter(roles_plan: RolesPlan) -> Iterator[OpenPlan]:
    plan = open_plan(roles_plan.url(REPORTER))
    yield plan
    plan.close()


def _refused(message: str) -> AbstractContextManager[pytest.ExceptionInfo[NotPermittedError]]:
    return pytest.raises(NotPermittedError, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$")


def test_the_services_know_each_logins_role_and_a_file_allows_everything(
    shared_roles_plan: RolesPlan, plan_path: object
) -> None:
    for login, role, unit in (
        (ADMIN, PlanRole.ADMIN, None),
        (PLANNER, PlanRole.PLANNER, None),
        (REPORTER, PlanRole.REPORTER, shared_roles_plan.unit_id),
        ("postgres", PlanRole.ADMIN, None),  # a superuser passes every rule
    ):
        plan = open_plan(shared_roles_plan.url(login))
        try:
            allowed = permissions.of(plan)
        finally:
            plan.close()
        assert (allowed.login, allowed.role, allowed.unit_id) == (login, role, unit)
        assert allowed.may_edit_plans is (role is not PlanRole.REPORTER)
        assert allowed.may_edit_structure is (role is PlanRole.ADMIN)
    on_file = open_plan_file(plan_path)  # type: ignore[arg-type]
    try:
        assert permissions.of(on_file) == permissions.Permissions(PlanRole.ADMIN)
    finally:
        on_file.close()


def test_a_reporter_is_refused_a_tasks_name_with_one_message_and_nothing_changes(
    roles_plan: RolesPlan, as_reporter: OpenPlan
) -> None:
    name = roles_plan.scalar("SELECT name FROM task WHERE id = :id", id=roles_plan.led)
    with _refused(
        "Your role on this plan (unit reporter) may not change a task's name; nothing was changed."
    ):
        edits.update_task(as_reporter, roles_plan.led, name="Tên khác")
    assert roles_plan.scalar("SELECT name FROM task WHERE id = :id", id=roles_plan.led) == name
    # What the window asks first says the same.
    allowed = permissions.of(as_reporter)
    assert allowed.task_refusal("name", roles_plan.unit_id, ()) == (
        "Your role on this plan (unit reporter) may not change a task's name; nothing was changed."
    )


def test_a_reporter_reports_progress_and_risks_on_their_units_tasks(
    roles_plan: RolesPlan, as_reporter: OpenPlan
) -> None:
    edits.report_progress(as_reporter, [roles_plan.led, roles_plan.cooperated], as_of=DAY, progress=35)
    edits.update_task(as_reporter, roles_plan.led, progress=60)
    new_records.new_risk(as_reporter, task_id=roles_plan.cooperated)
    led, cooperated = (
        records.task(as_reporter, roles_plan.led),
        records.task(as_reporter, roles_plan.cooperated),
    )
    assert led is not None and cooperated is not None
    assert (led.progress, cooperated.progress) == (60, 35)
    assert (
        roles_plan.scalar(
            "SELECT count(*) FROM progress_report WHERE as_of = :day AND task_id IN (:led, :cooperated)",
            day=DAY,
            led=roles_plan.led,
            cooperated=roles_plan.cooperated,
        )
        == 2
    )
    risks = roles_plan.scalar("SELECT count(*) FROM risk WHERE task_id = :id", id=roles_plan.cooperated)
    assert isinstance(risks, int) and risks >= 1


def test_a_reporter_is_refused_another_units_task_and_the_whole_report_is_not_written(
    roles_plan: RolesPlan, as_reporter: OpenPlan
) -> None:
    reports = roles_plan.scalar("SELECT count(*) FROM progress_report")
    only_own = (
        "Your role on this plan (unit reporter) lets you report only on the tasks your unit leads or "
        "cooperates on; nothing was changed."
    )
    with _refused(only_own):
        edits.report_progress(as_reporter, [roles_plan.led, roles_plan.other], as_of=DAY, progress=35)
    with _refused(only_own):
        edits.update_task(as_reporter, roles_plan.other, progress=60)
    with _refused(only_own):
        new_records.new_risk(as_reporter, task_id=roles_plan.other)
    with _refused("Your role on this plan (unit reporter) may not add units; nothing was changed."):
        new_records.new_unit(as_reporter)
    assert roles_plan.scalar("SELECT count(*) FROM progress_report") == reports
    assert roles_plan.scalar("SELECT progress FROM task WHERE id = :id", id=roles_plan.led) != 35


def test_a_planner_edits_tasks_but_is_refused_units(roles_plan: RolesPlan) -> None:
    plan = open_plan(roles_plan.url(PLANNER))
    try:
        edits.update_task(plan, roles_plan.other, name="Tên mới của nhiệm vụ")
        with _refused("Your role on this plan (planner) may not change units; nothing was changed."):
            edits.update_unit(plan, roles_plan.unit_id, name="Đơn vị đổi tên")
        with _refused("Your role on this plan (planner) may not add units; nothing was changed."):
            new_records.new_unit(plan)
    finally:
        plan.close()
    assert (
        roles_plan.scalar("SELECT name FROM task WHERE id = :id", id=roles_plan.other)
        == "Tên mới của nhiệm vụ"
    )
    assert (
        roles_plan.scalar("SELECT name FROM unit WHERE id = :id", id=roles_plan.unit_id) != "Đơn vị đổi tên"
    )


def test_an_administrator_changes_units(roles_plan: RolesPlan) -> None:
    plan = open_plan(roles_plan.url(ADMIN))
    try:
        edits.update_unit(plan, roles_plan.unit_id, name="Đơn vị đổi tên")
        new_records.new_unit(plan)
    finally:
        plan.close()
    assert (
        roles_plan.scalar("SELECT name FROM unit WHERE id = :id", id=roles_plan.unit_id) == "Đơn vị đổi tên"
    )


def test_a_login_without_a_role_cannot_open_the_plan(shared_roles_plan: RolesPlan) -> None:
    with pytest.raises(PlanFileError, match=f"^Your login {NOBODY} has no role on the plan on postgresql://"):
        open_plan(shared_roles_plan.url(NOBODY))


def test_a_planner_adds_systems_but_is_refused_the_committee_with_one_clear_message(
    roles_plan: RolesPlan,
) -> None:
    plan = open_plan(roles_plan.url(PLANNER))
    try:
        estate.add_system(plan, name="Hệ thống của người lập kế hoạch")
        with _refused("Your role on this plan (planner) may not add committee members; nothing was changed."):
            estate.add_committee_member(plan, person="Nguyễn Văn B", unit_id=roles_plan.unit_id)
    finally:
        plan.close()
    assert (
        roles_plan.scalar("SELECT count(*) FROM system WHERE name = 'Hệ thống của người lập kế hoạch'") == 1
    )
    assert roles_plan.scalar("SELECT count(*) FROM committee_member WHERE person = 'Nguyễn Văn B'") == 0


def test_a_reporter_is_refused_the_estate_with_one_clear_message(as_reporter: OpenPlan) -> None:
    with _refused("Your role on this plan (unit reporter) may not add systems; nothing was changed."):
        estate.add_system(as_reporter, name="Hệ thống của người báo cáo")
