"""Writing an imported architecture document into a plan: matched records updated, the rest added."""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import select

from dxplanner.archimate.reader import read_exchange
from dxplanner.archimate.writer import write_exchange
from dxplanner.core.enums import SystemKind
from dxplanner.core.errors import InvalidInputError, NotPermittedError
from dxplanner.core.estate_map import EstateMap
from dxplanner.core.imported_estate import ImportedEstate, ImportedSystem, ImportedUnit
from dxplanner.core.models import DataLink, PublicService, System, Unit
from dxplanner.services import estate_import, undo
from dxplanner.services.estate_view import estate_map
from dxplanner.services.files import open_plan
from dxplanner.store.operations.import_estate import import_estate, preview_estate
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.role_fixtures import REPORTER, RolesPlan

DAY = datetime.date(2026, 6, 30)
ARCHI_FILE = Path(__file__).resolve().parents[1] / "data" / "archimate" / "archi_province.xml"


def _exported(store: PlanStore, tmp_path: Path) -> ImportedEstate:
    path = tmp_path / "estate.xml"
    write_exchange(estate_map(store, DAY, today=lambda: DAY), path)
    return read_exchange(path)


def _drawn(estate: EstateMap) -> tuple[Counter[tuple[object, ...]], ...]:
    """A map as a reader sees it: its elements by name and kind, its lines by kind and the names they join."""
    names = {element.key: element.name for element in estate.elements}
    elements: Counter[tuple[object, ...]] = Counter(
        (element.name, element.kind, element.unit_name) for element in estate.elements
    )
    lines: Counter[tuple[object, ...]] = Counter(
        (line.kind, names[line.source], names[line.target]) for line in estate.relations
    )
    return elements, lines


def test_our_own_export_imported_into_its_plan_changes_nothing(
    demo_plan_store: PlanStore, tmp_path: Path
) -> None:
    imported = _exported(demo_plan_store, tmp_path)
    before = snapshot(demo_plan_store, versions=True)

    outcome = import_estate(demo_plan_store, imported)

    assert snapshot(demo_plan_store, versions=True) == before
    assert outcome.changes_nothing and not outcome.changes.created and not outcome.changes.updated
    assert outcome.tallies["systems"].unchanged == len(imported.systems) == 54
    assert outcome.tallies["services"].unchanged == len(imported.services) == 243
    assert outcome.tallies["data_links"].unchanged == len(imported.data_links) > 0
    assert all(unit.unit_id is not None for unit in outcome.units)


def test_our_own_export_imported_into_an_empty_plan_gives_the_same_map(
    demo_store: PlanStore, plan_store: PlanStore, tmp_path: Path
) -> None:
    original = estate_map(demo_store, DAY, today=lambda: DAY)
    imported = _exported(demo_store, tmp_path)

    outcome = import_estate(plan_store, imported)

    assert _drawn(estate_map(plan_store, DAY, today=lambda: DAY)) == _drawn(original)
    assert outcome.tallies["systems"].new == 54 and outcome.new_units == len(imported.units)
    with plan_store.read() as session:
        assert len(session.exec(select(Unit)).all()) == len(imported.units)


def test_the_preview_counts_what_the_import_then_does_and_writes_nothing(
    plan_store: PlanStore,
) -> None:
    imported = read_exchange(ARCHI_FILE)
    before = snapshot(plan_store)

    preview = preview_estate(plan_store, imported)

    assert snapshot(plan_store) == before
    outcome = import_estate(plan_store, imported)
    assert preview.tallies == outcome.tallies and preview.new_units == outcome.new_units == 2
    assert preview.skipped == outcome.skipped


def test_a_file_saved_by_archi_becomes_the_estate_and_again_changes_nothing(plan_store: PlanStore) -> None:
    imported = read_exchange(ARCHI_FILE)

    outcome = import_estate(plan_store, imported)

    assert outcome.tallies["systems"].new == 6 and outcome.tallies["services"].new == 1
    assert {skipped.ref for skipped in outcome.skipped} == {skipped.ref for skipped in imported.skipped}
    with plan_store.read() as session:
        systems = {system.name: system for system in session.exec(select(System)).all()}
        units = {unit.id: unit.name for unit in session.exec(select(Unit)).all()}
        (service,) = session.exec(select(PublicService)).all()
    centre = systems["Trung tâm tích hợp dữ liệu tỉnh"]
    assert systems["LGSP tỉnh Bắc Giang"].hosted_on_id == centre.id
    assert units[systems["LGSP tỉnh Bắc Giang"].owner_unit_id or 0] == "Sở Thông tin và Truyền thông"
    assert (service.name, units[service.unit_id or 0]) == ("Cấp phiếu lý lịch tư pháp", "Văn phòng UBND tỉnh")
    before = snapshot(plan_store, versions=True)
    again = import_estate(plan_store, imported)  # matched by name and owner: updated, not doubled
    assert again.changes_nothing and snapshot(plan_store, versions=True) == before


def test_a_record_the_file_changes_is_updated_in_place(demo_store: PlanStore, tmp_path: Path) -> None:
    imported = _exported(demo_store, tmp_path)
    first = imported.systems[0]
    renamed = ImportedEstate(
        imported.name, imported.units, (first.__class__(**{**first.__dict__, "name": "Tên mới"}),)
    )
    with demo_store.read() as session:
        count = len(session.exec(select(System)).all())

    outcome = import_estate(demo_store, renamed)

    assert (outcome.tallies["systems"].updated, outcome.tallies["systems"].new) == (1, 0)
    with demo_store.read() as session:
        assert len(session.exec(select(System)).all()) == count
        assert session.get(System, int((first.key or "").split(":")[1])).name == "Tên mới"  # type: ignore[union-attr]


def test_the_users_choice_of_unit_overrides_the_match(plan_store: PlanStore) -> None:
    imported = read_exchange(ARCHI_FILE)
    import_estate(plan_store, imported)
    with plan_store.read() as session:
        office = session.exec(select(Unit).where(Unit.name == "Văn phòng UBND tỉnh")).one()
    office_ref = next(unit.ref for unit in imported.units if unit.name == "Văn phòng UBND tỉnh")
    it_ref = next(unit.ref for unit in imported.units if unit.name != "Văn phòng UBND tỉnh")

    preview = preview_estate(plan_store, imported, {office_ref: None, it_ref: office.id})

    assert preview.new_units == 1
    outcome = import_estate(plan_store, imported, {office_ref: None, it_ref: office.id})
    with plan_store.read() as session:
        assert len(session.exec(select(Unit).where(Unit.name == "Văn phòng UBND tỉnh")).all()) == 2
        owners = session.exec(select(System.owner_unit_id).where(System.name == "LGSP tỉnh Bắc Giang")).all()
    # Another owner makes it another system (a system is known by its name and its owner).
    assert outcome.new_units == 1 and office.id in owners and len(owners) == 2


def test_a_chosen_unit_that_does_not_exist_is_refused_and_nothing_changes(plan_store: PlanStore) -> None:
    imported = read_exchange(ARCHI_FILE)
    before = snapshot(plan_store)
    with pytest.raises(InvalidInputError, match=r"^There is no unit with id 999\.$"):
        import_estate(plan_store, imported, {imported.units[0].ref: 999})
    assert snapshot(plan_store) == before


def test_a_host_that_is_no_infrastructure_is_reported_not_written(plan_store: PlanStore) -> None:
    imported = ImportedEstate(
        "m",
        (ImportedUnit("u", "Sở Nội vụ"),),
        (
            ImportedSystem("a", "Ứng dụng A", SystemKind.APPLICATION, owner_ref="u", hosted_on_ref="b"),
            ImportedSystem("b", "Ứng dụng B", SystemKind.APPLICATION, hosted_on_ref="a"),
        ),
    )

    outcome = import_estate(plan_store, imported)

    assert [(skipped.ref, skipped.name) for skipped in outcome.skipped] == [
        ("a", "Ứng dụng A"),
        ("b", "Ứng dụng B"),
    ]
    assert "infrastructure" in outcome.skipped[0].reason
    with plan_store.read() as session:
        assert [system.hosted_on_id for system in session.exec(select(System)).all()] == [None, None]


def test_undo_takes_the_whole_import_back(demo_plan_store: PlanStore) -> None:
    before = snapshot(demo_plan_store)
    import_estate(demo_plan_store, read_exchange(ARCHI_FILE))
    step = undo.last_step(demo_plan_store)
    assert step is not None and step.change.touches("system", "unit", "public_service")

    undo.undo(demo_plan_store, step)

    assert snapshot(demo_plan_store) == before


def test_a_data_link_already_in_the_plan_is_updated_not_doubled(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    imported = _exported(demo_store, tmp_path)
    # Without dxplanner's keys (as another tool would write it), the links are found by their two systems.
    bare = ImportedEstate(
        imported.name,
        imported.units,
        tuple(system.__class__(**{**system.__dict__, "key": None}) for system in imported.systems),
        data_links=tuple(link.__class__(**{**link.__dict__, "key": None}) for link in imported.data_links),
    )
    with demo_store.read() as session:
        links = len(session.exec(select(DataLink)).all())

    outcome = import_estate(demo_store, bare)

    assert outcome.tallies["data_links"].new == 0
    with demo_store.read() as session:
        assert len(session.exec(select(DataLink)).all()) == links


def test_a_reporter_is_refused_the_import_with_one_message_and_nothing_changes(roles_plan: RolesPlan) -> None:
    plan = open_plan(roles_plan.url(REPORTER))
    try:
        before = snapshot(plan)
        with pytest.raises(
            NotPermittedError, match=r"^Your role on this plan \(unit reporter\) may not add "
        ):
            estate_import.import_estate(plan, estate_import.read_estate_file(ARCHI_FILE))
        assert snapshot(plan) == before
    finally:
        plan.close()


def _names(store: PlanStore) -> dict[str, dict[int | None, str]]:
    with store.read() as session:
        return {
            "system": {system.id: system.name for system in session.exec(select(System))},
            "unit": {unit.id: unit.name for unit in session.exec(select(Unit))},
        }


def test_keys_of_another_plans_export_do_not_take_this_plans_records(
    demo_store: PlanStore, plan_store: PlanStore, tmp_path: Path
) -> None:
    import_estate(plan_store, read_exchange(ARCHI_FILE))  # systems 1 to 6, units 1 and 2 of this plan
    before = _names(plan_store)
    foreign = _exported(demo_store, tmp_path)  # "system:1", "unit:1"… of the demo: another plan's

    outcome = import_estate(plan_store, foreign)

    assert (outcome.tallies["systems"].new, outcome.tallies["systems"].updated) == (54, 0)
    after = _names(plan_store)
    for table, names in before.items():
        assert {record_id: after[table][record_id] for record_id in names} == names


def test_two_names_of_one_new_unit_make_one_unit_in_the_preview_as_in_the_import(
    plan_store: PlanStore,
) -> None:
    imported = ImportedEstate(
        "m",
        (ImportedUnit("u1", "Sở TT&TT"), ImportedUnit("u2", "Sở Thông tin và Truyền thông")),
        (
            ImportedSystem("a", "Ứng dụng A", SystemKind.APPLICATION, owner_ref="u1"),
            ImportedSystem("b", "Ứng dụng B", SystemKind.APPLICATION, owner_ref="u2"),
        ),
    )

    preview = preview_estate(plan_store, imported)
    outcome = import_estate(plan_store, imported)

    assert preview.new_units == outcome.new_units == 1
    with plan_store.read() as session:
        assert len(session.exec(select(Unit)).all()) == 1
        assert len({system.owner_unit_id for system in session.exec(select(System))}) == 1


def test_infrastructure_that_systems_run_on_stays_infrastructure(plan_store: PlanStore) -> None:
    import_estate(plan_store, read_exchange(ARCHI_FILE))
    centre = "Trung tâm tích hợp dữ liệu tỉnh"  # the LGSP and the procedures' system run on it
    retyped = ImportedEstate("m", systems=(ImportedSystem("c", centre, SystemKind.APPLICATION),))

    outcome = import_estate(plan_store, retyped)

    assert [(skipped.ref, skipped.name) for skipped in outcome.skipped] == [("c", centre)]
    with plan_store.read() as session:
        record = session.exec(select(System).where(System.name == centre)).one()
    assert record.kind is SystemKind.INFRASTRUCTURE
