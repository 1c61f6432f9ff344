"""The exchange service: a whole plan file to a data workbook and back, for both front ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.core.errors import InvalidInputError
from dxplanner.services import exchange
from dxplanner.services.files import open_plan
from dxplanner.store.changes import Entity
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit import excel_samples as samples


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


def test_an_exported_workbook_restores_into_an_empty_file_exactly(
    demo_store: PlanStore, store: PlanStore, tmp_path: Path
) -> None:
    told: list[tuple[int, int]] = []

    def progress(done: int, expected: int) -> bool:
        told.append((done, expected))
        return True

    exported = exchange.export_data(demo_store, tmp_path / "data.xlsx", progress)
    assert exported.path == tmp_path / "data.xlsx" and exported.path.exists()
    assert told and all(expected == exported.records for _done, expected in told)
    assert exchange.is_data_workbook(exported.path)

    workbook = exchange.read_data_workbook(exported.path)
    assert workbook.records() == exported.records > 0
    changes = exchange.restore_data(store, workbook)

    assert snapshot(store, versions=True) == snapshot(demo_store, versions=True)
    task_count = len(snapshot(demo_store)["task"])
    assert len(changes.created[Entity.TASK]) == task_count == workbook.counts()["task"]


def test_a_workbook_is_restored_only_into_an_empty_file_and_a_refusal_changes_nothing(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    exported = exchange.export_data(demo_store, tmp_path / "data.xlsx")
    workbook = exchange.read_data_workbook(exported.path)
    before = snapshot(demo_store)
    with pytest.raises(InvalidInputError, match="import it into a new or empty plan file"):
        exchange.restore_data(demo_store, workbook)
    assert snapshot(demo_store) == before


def test_a_plan_table_is_not_taken_for_a_data_workbook(tmp_path: Path) -> None:
    sample = samples.build_decision_appendix(tmp_path)
    assert not exchange.is_data_workbook(sample.path)


def test_a_bad_cell_is_named_by_its_sheet_and_row(demo_path: Path, tmp_path: Path) -> None:
    import openpyxl

    plan = open_plan(demo_path, read_only=True)
    try:
        exported = exchange.export_data(plan, tmp_path / "data.xlsx")
    finally:
        plan.close()
    book = openpyxl.load_workbook(exported.path)
    sheet = next(sheet for sheet in book.worksheets if sheet.max_row > 2 and sheet.cell(1, 1).value == "id")
    sheet.cell(3, 1).value = "not a number"
    book.save(exported.path)
    with pytest.raises(InvalidInputError, match="row 3"):
        exchange.read_data_workbook(exported.path)


def test_a_cancelled_export_writes_no_file(demo_store: PlanStore, tmp_path: Path) -> None:
    target = tmp_path / "data.xlsx"
    with pytest.raises(InvalidInputError, match="cancelled; no file was written"):
        exchange.export_data(demo_store, target, lambda _done, _expected: False)
    assert not target.exists()
