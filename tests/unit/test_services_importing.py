"""The importer registry: which importer takes a workbook, what it reads, where it may go, what it writes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.core.indicator_table import IndicatorTable, TableKind
from dxplanner.core.name_case import as_listed
from dxplanner.core.plan_table import PlanTable
from dxplanner.services import exchange, importing
from dxplanner.services.files import open_plan
from dxplanner.services.importing import Destination, ImportKind, ReadRequest
from dxplanner.store.changes import Entity
from dxplanner.store.plan_store import PlanStore
from tests.conftest import Snapshot, snapshot
from tests.unit import excel_indicator_samples as indicator_samples
from tests.unit import excel_samples as samples

TODAY = datetime.date(2026, 3, 1)


def _open(path: Path | str, only_look: bool) -> PlanStore:
    return open_plan(path, read_only=only_look)


def _file_snapshot(path: Path) -> Snapshot:
    plan = open_plan(path, read_only=True)
    try:
        return snapshot(plan)
    finally:
        plan.close()


def _table_with_errors(folder: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Bắt đầu", "Kết thúc"])
    sheet.append([1, "Triển khai", "Sở Nội vụ", "01/02/2025", "không rõ"])
    path = folder / "errors.xlsx"
    book.save(path)
    return path


def test_the_registry_holds_one_importer_of_each_kind() -> None:
    kinds = [importer.kind for importer in importing.IMPORTERS]
    assert sorted(kinds) == sorted(ImportKind)


def test_our_data_workbook_is_told_by_its_sheets_whatever_kind_is_asked(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    exported = exchange.export_data(demo_store, tmp_path / "data.xlsx")
    for kind in (None, TableKind.TASKS, TableKind.INDICATORS):
        importer = importing.importer_for(ReadRequest(exported.path, kind=kind))
        assert importer.kind is ImportKind.DATA_WORKBOOK
    table = samples.build_decision_appendix(tmp_path).path
    assert importing.importer_for(ReadRequest(table)).kind is ImportKind.PLAN_TABLE
    asked = ReadRequest(table, kind=TableKind.INDICATORS)
    assert importing.importer_for(asked).kind is ImportKind.INDICATOR_TABLE


def test_a_tables_headings_say_which_importer_writes_it(tmp_path: Path) -> None:
    tasks = importing.read_workbook(ReadRequest(samples.build_decision_appendix(tmp_path).path))
    indicators_path = indicator_samples.build_province_yearly_indicators(tmp_path).path
    indicators = importing.read_workbook(ReadRequest(indicators_path))
    assert isinstance(tasks, PlanTable) and isinstance(indicators, IndicatorTable)
    assert importing.importer_of(tasks).kind is ImportKind.PLAN_TABLE
    assert importing.importer_of(indicators).kind is ImportKind.INDICATOR_TABLE
    assert tasks.title is not None
    assert importing.default_name(tasks, Path("x.xlsx")) == as_listed(tasks.title)
    assert importing.default_name(indicators, Path("chi-tieu.xlsx")) == (
        as_listed(indicators.title) if indicators.title else "chi-tieu"
    )


def test_each_kind_refuses_a_destination_of_the_wrong_sort(demo_store: PlanStore, tmp_path: Path) -> None:
    exported = exchange.export_data(demo_store, tmp_path / "data.xlsx").path
    with pytest.raises(InvalidInputError, match="restores a whole plan file"):
        importing.read_workbook(ReadRequest(exported), Destination(plan_id=1))
    with pytest.raises(InvalidInputError, match="restores a whole plan file"):
        importing.read_workbook(ReadRequest(exported, sheet="task"), Destination())
    tasks = samples.build_decision_appendix(tmp_path).path
    with pytest.raises(InvalidInputError, match="holds a table of tasks"):
        importing.read_workbook(ReadRequest(tasks), Destination(strategy_id=1))
    indicators = indicator_samples.build_province_yearly_indicators(tmp_path).path
    with pytest.raises(InvalidInputError, match="holds a table of indicators"):
        importing.read_workbook(ReadRequest(indicators), Destination(plan_id=1))


def test_a_plan_table_makes_a_new_file_with_its_plan_and_a_dry_run_makes_nothing(tmp_path: Path) -> None:
    table = importing.read_workbook(ReadRequest(samples.build_decision_appendix(tmp_path).path))
    target = tmp_path / "new.dxplan"
    destination = Destination(name="Kế hoạch 2025", today=TODAY)
    assert importing.import_into_file(target, table, destination, dry_run=True, open_existing=_open) is None
    assert not target.exists()

    result = importing.import_into_file(target, table, destination, dry_run=False, open_existing=_open)
    assert result is not None and result.kind is ImportKind.PLAN_TABLE
    assert dict(result.counts) == {"tasks": 10, "groups": 2, "new_units": result.counts["new_units"]}
    assert result.counts["new_units"] > 0
    assert len(result.changes.created[Entity.TASK]) == 12
    plan = open_plan(target, read_only=True)
    try:
        targets = importing.targets(plan, TableKind.TASKS)
    finally:
        plan.close()
    assert [(found.id, found.name) for found in targets] == [(result.into, "Kế hoạch 2025")]


def test_an_import_into_a_plan_the_file_lacks_is_refused_and_changes_nothing(
    demo_path: Path, tmp_path: Path
) -> None:
    table = importing.read_workbook(ReadRequest(samples.build_decision_appendix(tmp_path).path))
    with pytest.raises(NotFoundError, match="no action plan with id 7"):
        importing.import_into_file(
            tmp_path / "none.dxplan", table, Destination(plan_id=7), dry_run=False, open_existing=_open
        )
    assert not (tmp_path / "none.dxplan").exists()
    before = _file_snapshot(demo_path)
    for dry_run in (True, False):
        with pytest.raises(NotFoundError, match="999"):
            importing.import_into_file(
                demo_path, table, Destination(plan_id=999), dry_run=dry_run, open_existing=_open
            )
    assert _file_snapshot(demo_path) == before


def test_a_table_with_errors_writes_nothing_and_makes_no_file(tmp_path: Path) -> None:
    table = importing.read_workbook(ReadRequest(_table_with_errors(tmp_path)))
    importer = importing.importer_of(table)
    assert importer.problems(table)
    target = tmp_path / "new.dxplan"
    assert (
        importing.import_into_file(target, table, Destination(), dry_run=False, open_existing=_open) is None
    )
    assert not target.exists()
    assert "nothing was imported" in importing.problems_message(importer.problems(table))


def test_indicators_go_into_the_strategy_named_as_one_change_set(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    table = importing.read_workbook(
        ReadRequest(indicator_samples.build_province_yearly_indicators(tmp_path).path)
    )
    importing.match_units(demo_store, table)
    strategies = importing.targets(demo_store, TableKind.INDICATORS)
    assert strategies and all(found.name for found in strategies)
    chosen = strategies[-1].id
    result = importing.write_import(demo_store, table, Destination(strategy_id=chosen))
    assert result.kind is ImportKind.INDICATOR_TABLE and result.into == chosen
    assert isinstance(result.outcome, importing.IndicatorImportOutcome)
    assert len(result.changes.created[Entity.INDICATOR]) == result.counts["indicators"] > 0


def test_a_data_workbook_is_restored_through_the_registry(demo_store: PlanStore, tmp_path: Path) -> None:
    exported = exchange.export_data(demo_store, tmp_path / "data.xlsx").path
    workbook = importing.read_workbook(ReadRequest(exported))
    target = tmp_path / "restored.dxplan"
    result = importing.import_into_file(target, workbook, Destination(), dry_run=False, open_existing=_open)
    assert result is not None and result.kind is ImportKind.DATA_WORKBOOK and result.into is None
    restored = open_plan(target, read_only=True)
    try:
        assert snapshot(restored) == snapshot(demo_store)
    finally:
        restored.close()
    assert importing.known_units(demo_store)
