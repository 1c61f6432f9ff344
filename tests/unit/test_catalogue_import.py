"""Importing a catalogue into the estate: one undoable step, and a second import updates, never duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.core.catalogue_table import CatalogueTable
from dxplanner.core.enums import EstateStatus, Hosting, ServiceLevel
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import TableKind
from dxplanner.services import estate, importing, undo
from dxplanner.store.changes import Entity
from dxplanner.store.operations import estate as estate_operations
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit import catalogue_samples as samples


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


def _read(path: Path, kind: TableKind, store: PlanStore) -> CatalogueTable:
    table = importing.read_workbook(importing.ReadRequest(path, kind=kind), importing.Destination())
    assert isinstance(table, CatalogueTable)
    importing.match_units(store, table)
    return table


def _import(path: Path, kind: TableKind, store: PlanStore) -> importing.ImportResult:
    return importing.write_import(store, _read(path, kind, store), importing.Destination())


def test_the_procedures_become_public_services_of_their_units(store: PlanStore, tmp_path: Path) -> None:
    result = _import(samples.procedures(tmp_path), TableKind.PROCEDURES, store)
    assert result.counts == {"added": 4, "updated": 0, "new_units": 2}
    services = {service.code: service for service in estate.public_services(store)}
    assert set(services) == {"1.001234", "2.000123.000.00.00.H56", "1.000894", "1.001193"}
    land = services["1.001234"]
    assert (land.name, land.field, land.level, land.level_old) == (
        "Đăng ký đất đai lần đầu",
        "Đất đai",
        ServiceLevel.FULL_PROCESS_ONLINE,
        None,
    )
    assert (land.on_national_portal, land.online_payment, land.online_share) == (True, True, 85.5)
    assert services["1.000894"].level_old == 4
    assert services["1.000894"].unit_id == services["1.001193"].unit_id != land.unit_id
    assert sorted(result.changes.created[Entity.PUBLIC_SERVICE]) == sorted(
        service.id for service in services.values()
    )


def test_importing_the_same_list_again_updates_what_is_there(store: PlanStore, tmp_path: Path) -> None:
    _import(samples.procedures(tmp_path), TableKind.PROCEDURES, store)
    rows = samples.procedures_rows()
    rows[10][5] = "Toàn trình"  # khai sinh has gone full-process online
    rows[10][8] = 91
    again = _read(samples.procedures(tmp_path, rows, "lan-2.xlsx"), TableKind.PROCEDURES, store)
    # The preview says how many are new and how many are updated before anything is written.
    assert (again.new, again.updated) == (0, 4)
    result = importing.write_import(store, again, importing.Destination())
    assert result.counts == {"added": 0, "updated": 4, "new_units": 0}
    services = estate.public_services(store)
    assert len(services) == 4
    birth = next(service for service in services if service.code == "1.000894")
    # The new level is set; the old level the list no longer gives is kept.
    assert (birth.level, birth.level_old, birth.online_share) == (ServiceLevel.FULL_PROCESS_ONLINE, 4, 91)


def test_undoing_the_import_restores_the_plan(store: PlanStore, tmp_path: Path) -> None:
    _import(samples.procedures(tmp_path), TableKind.PROCEDURES, store)
    before = snapshot(store)
    rows = samples.procedures_rows()
    rows[7][5] = "Một phần"
    rows.append([5, "1.004444", "Thủ tục mới", "Đất đai", "Sở Nội vụ", "Toàn trình", "x", "x", 10])
    _import(samples.procedures(tmp_path, rows, "lan-2.xlsx"), TableKind.PROCEDURES, store)
    assert snapshot(store) != before
    step = undo.last_step(store)
    assert step is not None
    undo.undo(store, step)
    assert snapshot(store) == before


def test_a_list_with_bad_rows_is_refused_whole_and_changes_nothing(store: PlanStore, tmp_path: Path) -> None:
    rows = samples.procedures_rows()
    rows[7][5] = "Mức độ 9"
    table = _read(samples.procedures(tmp_path, rows), TableKind.PROCEDURES, store)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match=r"Row 8, column F: “Mức độ 9” is no level"):
        importing.write_import(store, table, importing.Destination())
    assert snapshot(store) == before


def test_systems_are_matched_by_name_within_their_owner(store: PlanStore, tmp_path: Path) -> None:
    first = _import(samples.systems(tmp_path), TableKind.SYSTEMS, store)
    assert first.counts == {"added": 4, "updated": 0, "new_units": 4}
    rows = samples.systems_rows()
    rows[6][1] = "CƠ SỞ DỮ LIỆU  ĐẤT ĐAI"  # written otherwise: the same system
    rows[6][8] = "Đang vận hành"
    rows[6][5] = None  # an empty cell keeps what the record has
    rows[7][2] = "Sở Giáo dục và Đào tạo"  # another owner: another system of the same name
    result = _import(samples.systems(tmp_path, rows, "lan-2.xlsx"), TableKind.SYSTEMS, store)
    assert result.counts == {"added": 1, "updated": 3, "new_units": 1}
    systems = estate.systems(store)
    assert len(systems) == 5
    land = next(system for system in systems if system.name == "Cơ sở dữ liệu đất đai")
    assert (land.status, land.hosting, land.security_level) == (
        EstateStatus.RUNNING,
        Hosting.OWN_SERVER_ROOM,
        2,
    )
    # Ids given by the import leave the server's next id past them: a system added by hand gets its own.
    added = estate_operations.add_system(store, name="Hệ thống thêm tay")
    assert added.id is not None and added.id > max(system.id for system in systems)


def test_a_catalogue_cannot_go_into_an_action_plan(tmp_path: Path) -> None:
    request = importing.ReadRequest(samples.systems(tmp_path), kind=TableKind.SYSTEMS)
    with pytest.raises(InvalidInputError, match="goes into the plan file's estate"):
        importing.read_workbook(request, importing.Destination(plan_id=1))
