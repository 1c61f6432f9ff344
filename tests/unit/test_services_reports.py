"""The report service: the plans a report can be on, and the workbook both front ends write through it."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from dxplanner.core.errors import NotFoundError
from dxplanner.i18n import current_language, set_language
from dxplanner.services import reports
from dxplanner.store.plan_store import PlanStore


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


@pytest.fixture
def demo_store(demo_plan_store: PlanStore) -> PlanStore:
    """The demo plan, in a plan file and on the PostgreSQL server."""
    return demo_plan_store


AS_OF = datetime.date(2026, 11, 20)
PLAN_2026 = 6  # the demo's plan of 2026


def test_every_plan_is_offered_and_the_one_running_today_first(demo_store: PlanStore) -> None:
    choices = reports.report_plans(demo_store)
    assert len({choice.id for choice in choices}) == len(choices) >= 2
    running = reports.running_choice(choices, AS_OF)
    assert running is not None and running.id == PLAN_2026
    assert running.start <= AS_OF <= running.end
    assert reports.running_choice(choices, datetime.date(1990, 1, 1)) is None


def test_an_empty_file_offers_no_plan_and_a_report_on_it_is_refused(store: PlanStore, tmp_path: Path) -> None:
    assert reports.report_plans(store) == []
    with pytest.raises(NotFoundError, match="no action plan to report on"):
        reports.write_report(store, reports.ReportChoice(None, AS_OF), tmp_path / "r.xlsx", AS_OF)
    assert not (tmp_path / "r.xlsx").exists()


def test_the_report_is_in_its_language_and_a_refusal_in_the_users(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    set_language("vi")
    written = reports.write_report(
        demo_store, reports.ReportChoice(PLAN_2026, AS_OF, "en", by_unit=True), tmp_path / "r.xlsx", AS_OF
    )
    assert current_language() == "vi"
    assert written.as_of == AS_OF and written.path == tmp_path / "r.xlsx"
    book = openpyxl.load_workbook(written.path)
    assert book.sheetnames[:4] == ["Summary", "Tasks", "Late tasks", "Progress over time"]
    assert len(book.sheetnames) > 4  # a sheet for each lead unit
    with pytest.raises(NotFoundError, match="Không có kế hoạch hành động"):
        reports.write_report(demo_store, reports.ReportChoice(999, AS_OF, "en"), tmp_path / "x.xlsx", AS_OF)
    assert current_language() == "vi"


def test_with_no_plan_named_the_report_is_on_the_plan_running_that_day(demo_store: PlanStore) -> None:
    data = reports.read_report(demo_store, reports.ReportChoice(None, AS_OF, "vi"), AS_OF)
    names = {choice.id: choice.name for choice in reports.report_plans(demo_store)}
    assert data.plan_name == names[PLAN_2026] and data.as_of == AS_OF
