"""Reading an ArchiMate Open Exchange File into an imported estate: dxplanner's own, Archi's, and refusals."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import xmlschema

from dxplanner.archimate.reader import read_exchange
from dxplanner.archimate.writer import write_exchange
from dxplanner.core.enums import DataLinkVia, EstateStatus, GovernmentLevel, Hosting, ServiceLevel, SystemKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_map import ElementKind, EstateMap, MapRelation, RelationKind
from dxplanner.core.imported_estate import ImportedEstate
from dxplanner.i18n import speaking
from tests.unit.estate_map_samples import large_map, province_map

DATA = Path(__file__).resolve().parents[1] / "data" / "archimate"
ARCHI_FILE = DATA / "archi_province.xml"


def _round_trip(tmp_path: Path, estate: EstateMap) -> ImportedEstate:
    path = tmp_path / "estate.xml"
    write_exchange(estate, path)
    return read_exchange(path)


def _elements_of_map(estate: EstateMap) -> set[tuple[object, ...]]:
    return {
        (
            element.key,
            element.kind,
            element.name,
            element.unit_name,
            element.status,
            element.level,
            element.service_level,
            element.hosting,
            element.security_level,
            element.short_name,
        )
        for element in estate.elements
    }


def _elements_read(imported: ImportedEstate) -> set[tuple[object, ...]]:
    units = {unit.ref: unit.name for unit in imported.units}
    found: set[tuple[object, ...]] = set()
    for system in imported.systems:
        found.add(
            (
                system.key,
                ElementKind(system.kind.value),
                system.name,
                units.get(system.owner_ref or ""),
                system.status,
                system.level,
                None,
                system.hosting,
                system.security_level,
                system.short_name,
            )
        )
    for service in imported.services:
        found.add(
            (
                service.key,
                ElementKind.PUBLIC_SERVICE,
                service.name,
                units.get(service.unit_ref or ""),
                service.status,
                None,  # the estate keeps no level of government for it
                service.level,
                None,
                None,
                None,
            )
        )
    for dataset in imported.datasets:
        found.add(
            (
                dataset.key,
                ElementKind.OPEN_DATASET,
                dataset.name,
                units.get(dataset.publisher_ref or ""),
                dataset.status,
                None,  # the estate keeps no level of government for it
                None,
                None,
                None,
                None,
            )
        )
    return found


def _keys(imported: ImportedEstate) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for records in (imported.systems, imported.services, imported.datasets):
        for record in records:
            found[record.ref] = record.key
    return found


@pytest.mark.parametrize("estate", [province_map(), large_map(400)], ids=["province", "large"])
def test_export_then_import_gives_the_same_elements(tmp_path: Path, estate: EstateMap) -> None:
    imported = _round_trip(tmp_path, estate)

    assert _elements_read(imported) == _elements_of_map(estate)
    assert imported.skipped == ()


@pytest.mark.parametrize("estate", [province_map(), large_map(400)], ids=["province", "large"])
def test_export_then_import_gives_the_same_relations(tmp_path: Path, estate: EstateMap) -> None:
    imported = _round_trip(tmp_path, estate)

    keys = _keys(imported)
    read = {(kind, keys[source], keys[target]) for kind, source, target in imported.relations()}
    assert read == {(relation.kind, relation.source, relation.target) for relation in estate.relations}
    links = {link.key: (link.via, link.data, link.status) for link in imported.data_links}
    assert links == {
        relation.key: (relation.via, relation.label, relation.status)
        for relation in estate.relations
        if relation.kind == RelationKind.SHARES_DATA
    }


def test_the_hand_made_archi_file_is_a_valid_exchange_file() -> None:
    # So that the test below reads what Archi could have written, not what only our reader accepts.
    xmlschema.XMLSchema(DATA / "archimate3_Diagram.xsd").validate(ARCHI_FILE)


def test_a_file_saved_by_archi_becomes_an_estate() -> None:
    imported = read_exchange(ARCHI_FILE)

    assert imported.name == "Kiến trúc Chính quyền điện tử tỉnh Bắc Giang"
    units = {unit.ref: unit.name for unit in imported.units}
    assert sorted(units.values()) == ["Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh"]
    names = {system.ref: system.name for system in imported.systems}
    names |= {record.ref: record.name for record in imported.services}
    names |= {record.ref: record.name for record in imported.datasets}
    systems = {system.name: system for system in imported.systems}
    assert {name: system.kind for name, system in systems.items()} == {
        "Hệ thống thông tin giải quyết TTHC tỉnh": SystemKind.APPLICATION,
        "Cổng Dịch vụ công quốc gia": SystemKind.APPLICATION,
        "LGSP tỉnh Bắc Giang": SystemKind.PLATFORM,
        "CSDL hộ tịch điện tử": SystemKind.DATABASE,  # a data object that is no open data
        "Trung tâm tích hợp dữ liệu tỉnh": SystemKind.INFRASTRUCTURE,
        "Giám sát an toàn thông tin (SOC)": SystemKind.SECURITY,
    }
    hosted = {name: names.get(system.hosted_on_ref or "") for name, system in systems.items()}
    assert hosted["Hệ thống thông tin giải quyết TTHC tỉnh"] == "Trung tâm tích hợp dữ liệu tỉnh"
    assert hosted["LGSP tỉnh Bắc Giang"] == "Trung tâm tích hợp dữ liệu tỉnh"
    assert units[systems["LGSP tỉnh Bắc Giang"].owner_ref or ""] == "Sở Thông tin và Truyền thông"
    assert all(system.status is None for system in systems.values())  # Archi has no word for it
    (service,) = imported.services
    assert (service.name, units[service.unit_ref or ""], names[service.system_ref or ""]) == (
        "Cấp phiếu lý lịch tư pháp",
        "Văn phòng UBND tỉnh",
        "Hệ thống thông tin giải quyết TTHC tỉnh",
    )
    assert service.description == "Thủ tục 2.000488"
    (dataset,) = imported.datasets
    assert (dataset.name, names[dataset.system_ref or ""]) == (
        "Dữ liệu mở danh mục TTHC",
        "Hệ thống thông tin giải quyết TTHC tỉnh",
    )
    links = {(names[link.from_ref], names[link.to_ref], link.data, link.via) for link in imported.data_links}
    assert links == {
        ("Hệ thống thông tin giải quyết TTHC tỉnh", "Cổng Dịch vụ công quốc gia", "Hồ sơ trực tuyến", None),
        # The application reads the database: the data goes from the database to it.
        ("CSDL hộ tịch điện tử", "Hệ thống thông tin giải quyết TTHC tỉnh", "Thông tin khai sinh", None),
    }
    skipped = {(concept.archimate_type, concept.name) for concept in imported.skipped}
    assert skipped == {
        ("Goal", "Chính quyền số năm 2025"),
        ("OrJunction", ""),
        ("Serving", ""),  # a security service serving an application: no line of the estate
        ("Influence", ""),  # to the goal, which was left out
    }
    assert all(concept.reason for concept in imported.skipped)


def test_a_property_value_dxplanner_does_not_know_is_left_unsaid(tmp_path: Path) -> None:
    path = tmp_path / "estate.xml"
    write_exchange(province_map(), path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<value>provincial_data_centre</value>", "<value>basement</value>"), "utf-8")

    imported = read_exchange(path)

    application = next(system for system in imported.systems if system.key == "system:1")
    assert application.hosting is None
    assert application.security_level == 3


def _refusal(path: Path) -> str:
    with pytest.raises(InvalidInputError) as refused:
        read_exchange(path)
    return refused.value.message


def test_a_file_that_is_not_xml_is_refused_with_one_message(tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    path.write_bytes(b"PK\x03\x04 not xml at all")

    assert _refusal(path) == "plan.xml is not an ArchiMate Open Exchange file: it is not XML."


def test_xml_of_another_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.archimate"
    path.write_text(
        '<?xml version="1.0"?><archimate:model xmlns:archimate="http://www.archimatetool.com/archimate"'
        ' name="x" id="a"/>',
        "utf-8",
    )

    assert _refusal(path) == "model.archimate is not an ArchiMate Open Exchange file."


def test_a_file_with_entities_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE model [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="id-1">'
        "<name>&b;</name></model>",
        "utf-8",
    )

    assert _refusal(path) == (
        "laughs.xml is not read: it declares a document type or entities, which an exchange file never needs."
    )


def test_a_missing_file_is_refused_with_its_name(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "gone.xml") == f"There is no file {tmp_path / 'gone.xml'}."


def test_a_folder_is_refused_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "estate.xml").mkdir()

    assert _refusal(tmp_path / "estate.xml").startswith("estate.xml cannot be read: ")


def test_the_refusal_is_in_the_users_language(tmp_path: Path) -> None:
    path = tmp_path / "plan.xml"
    path.write_text("not xml", "utf-8")

    with speaking("vi"):
        message = _refusal(path)

    assert message == "plan.xml không phải tệp trao đổi ArchiMate (Open Exchange): tệp không phải XML."


def test_values_read_are_the_enumerations_not_loose_text(tmp_path: Path) -> None:
    imported = _round_trip(tmp_path, province_map())

    database = next(system for system in imported.systems if system.key == "system:5")
    assert (database.status, database.level) == (EstateStatus.BUILDING, GovernmentLevel.MINISTRY_PROVINCE)
    link = next(link for link in imported.data_links if link.key == "data_link:2")
    assert link.via is DataLinkVia.LGSP
    service = next(service for service in imported.services if service.key == "public_service:1")
    assert service.level is ServiceLevel.FULL_PROCESS_ONLINE
    application = next(system for system in imported.systems if system.key == "system:1")
    assert application.hosting is Hosting.PROVINCIAL_DATA_CENTRE


SYSTEM_KINDS = [ElementKind(kind.value) for kind in SystemKind]
PAIRS = [
    *((RelationKind.SHARES_DATA, source, target) for source in SYSTEM_KINDS for target in SYSTEM_KINDS),
    *((RelationKind.HOSTED_ON, source, target) for source in SYSTEM_KINDS for target in SYSTEM_KINDS),
    *((RelationKind.SERVES, source, ElementKind.PUBLIC_SERVICE) for source in SYSTEM_KINDS),
    *((RelationKind.PUBLISHES, source, ElementKind.OPEN_DATASET) for source in SYSTEM_KINDS),
]


@pytest.mark.parametrize(("kind", "source_kind", "target_kind"), PAIRS)
def test_every_line_between_any_two_kinds_comes_back_the_same_way(
    tmp_path: Path, kind: RelationKind, source_kind: ElementKind, target_kind: ElementKind
) -> None:
    # Whichever ArchiMate relationship carries it (Flow, Access read or write, Assignment,
    # Realization, Serving, or an Association), the line reads back as it was, in its direction.
    base = province_map()
    source = dataclasses.replace(base.elements[0], key="a:1", kind=source_kind, name="A")
    target = dataclasses.replace(base.elements[0], key="b:2", kind=target_kind, name="B")
    estate = EstateMap(base.as_of, (source, target), (MapRelation("line:1", kind, "a:1", "b:2"),))

    imported = _round_trip(tmp_path, estate)

    keys = _keys(imported)
    assert [(line, keys[start], keys[end]) for line, start, end in imported.relations()] == [
        (kind, "a:1", "b:2")
    ]
    assert imported.skipped == ()


def test_names_with_xml_characters_and_keys_alike_once_made_identifiers_come_back(tmp_path: Path) -> None:
    base = province_map()
    first = dataclasses.replace(base.elements[2], key="system:1", name='Hệ thống "A" & <B>')
    second = dataclasses.replace(base.elements[2], key="system-1", name="Hệ thống C")
    line = MapRelation("data:1", RelationKind.SHARES_DATA, "system:1", "system-1", label="Hồ sơ & kết quả")
    estate = EstateMap(base.as_of, (first, second), (line,))

    imported = _round_trip(tmp_path, estate)

    assert {(system.key, system.name) for system in imported.systems} == {
        ("system:1", 'Hệ thống "A" & <B>'),
        ("system-1", "Hệ thống C"),
    }
    keys = _keys(imported)
    (link,) = imported.data_links
    assert (keys[link.from_ref], keys[link.to_ref], link.data) == ("system:1", "system-1", "Hồ sơ & kết quả")
