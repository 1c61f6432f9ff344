"""The estate map written as an ArchiMate Open Exchange File, read back by independent readers.

The published XSDs (tests/data/archimate/) check the file's shape; pyArchimate, another tool's
reader, checks every element and relationship comes through, and its copy of ArchiMate's
relationship table (from Archi) checks every relationship is one ArchiMate allows.
"""

from __future__ import annotations

import dataclasses
import itertools
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
import xmlschema
from pyArchimate import Model
from pyArchimate.relationship import check_valid_relationship

from dxplanner.archimate.vocabulary import ELEMENT_TYPE, NAMESPACE, OWNS, UNIT_TYPE, written_as
from dxplanner.archimate.writer import write_exchange
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_map import EstateMap, MapRelation, RelationKind
from tests.unit.estate_map_samples import large_map, province_map

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "archimate"
A = {"a": NAMESPACE}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


@cache
def _schema() -> xmlschema.XMLSchema:
    # The Diagram schema includes the View and Model ones; all resolve beside it, with no network.
    return xmlschema.XMLSchema(SCHEMAS / "archimate3_Diagram.xsd")


def _written(tmp_path: Path, estate: EstateMap) -> Path:
    path = tmp_path / "estate.xml"
    write_exchange(estate, path)
    return path


def _read_back(path: Path) -> Model:
    model = Model("read back")
    model.read(str(path))
    return model


@pytest.mark.parametrize("estate", [province_map(), large_map(60)], ids=["province", "sixty"])
def test_the_file_is_valid_against_the_published_schema(tmp_path: Path, estate: EstateMap) -> None:
    path = _written(tmp_path, estate)

    _schema().validate(path)  # raises, naming the first fault, when the file does not conform


def test_the_schema_refuses_a_file_that_breaks_it(tmp_path: Path) -> None:
    # So that the test above can fail: a relationship naming an element that is not there.
    path = _written(tmp_path, province_map())
    text = path.read_text(encoding="utf-8").replace('target="id-system-6"', 'target="id-nowhere"', 1)
    path.write_text(text, encoding="utf-8")

    assert not _schema().is_valid(path)


def test_another_reader_finds_every_element_with_its_name_and_type(tmp_path: Path) -> None:
    estate = province_map()

    model = _read_back(_written(tmp_path, estate))

    found = {element.prop("dxplanner:key"): (element.type, element.name) for element in model.elements}
    expected: dict[str, tuple[str, str | None]] = {
        element.key: (ELEMENT_TYPE[element.kind], element.name) for element in estate.elements
    }
    expected |= {
        f"unit:{element.unit_id}": (UNIT_TYPE, element.unit_name)
        for element in estate.elements
        if element.unit_id is not None
    }
    assert found == expected


def test_another_reader_finds_every_relationship_between_the_right_elements(tmp_path: Path) -> None:
    estate = province_map()
    types = {element.key: ELEMENT_TYPE[element.kind] for element in estate.elements}

    model = _read_back(_written(tmp_path, estate))

    relationships = {r.prop("dxplanner:key"): r for r in model.relationships if r.prop("dxplanner:key")}
    assert set(relationships) == {relation.key for relation in estate.relations}
    for relation in estate.relations:
        read = relationships[relation.key]
        how = written_as(relation.kind, types[relation.source], types[relation.target])
        source, target = (read.target, read.source) if how.reversed else (read.source, read.target)
        assert (read.type, source.prop("dxplanner:key"), target.prop("dxplanner:key")) == (
            how.relationship,
            relation.source,
            relation.target,
        ), relation.key
        assert read.name == relation.label
    owners = [r for r in model.relationships if r.prop("dxplanner:relation") == OWNS]
    assert sorted((r.source.name, r.target.prop("dxplanner:key")) for r in owners) == sorted(
        (element.unit_name, element.key) for element in estate.elements if element.unit_id is not None
    )


def test_the_lines_take_their_archimate_meaning(tmp_path: Path) -> None:
    model = _read_back(_written(tmp_path, province_map()))

    by_key = {r.prop("dxplanner:key"): r for r in model.relationships}
    # A data centre is assigned to the platform that runs in it; the application it realizes.
    assert (by_key["hosted_on:3"].type, by_key["hosted_on:3"].source.name) == (
        "Assignment",
        "Trung tâm dữ liệu tỉnh",
    )
    assert by_key["hosted_on:1"].type == "Realization"
    assert by_key["data_link:1"].type == "Flow"
    assert by_key["serves:1"].type == "Serving"
    # A database gives no flow: the application it feeds reads it.
    assert (by_key["data_link:2"].type, by_key["data_link:2"].access_type) == ("Access", "Read")
    assert by_key["data_link:2"].source.name == "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh"
    assert by_key["publishes:2"].type == "Realization"


def test_every_relationship_written_is_in_archimates_relationship_table(tmp_path: Path) -> None:
    model = _read_back(_written(tmp_path, province_map()))

    assert model.relationships
    assert model.check_invalid_relationships() == []


@pytest.mark.parametrize("kind", [*RelationKind, OWNS])
def test_every_pair_of_types_a_line_can_join_is_written_as_archimate_allows(kind: str) -> None:
    # Not only the sample's pairs: every pair of types the map's elements (and units) can have.
    types = sorted({*ELEMENT_TYPE.values(), UNIT_TYPE})
    for source, target in itertools.product(types, types):
        how = written_as(kind, source, target)
        ends = (target, source) if how.reversed else (source, target)
        assert check_valid_relationship(how.relationship, *ends), (kind, source, target, how)


def test_names_are_vietnamese_and_properties_carry_what_archimate_has_no_word_for(tmp_path: Path) -> None:
    root = ET.parse(_written(tmp_path, province_map())).getroot()

    definitions = {
        node.get("identifier"): node.findtext("a:name", namespaces=A)
        for node in root.iterfind("a:propertyDefinitions/a:propertyDefinition", A)
    }
    application = root.find("a:elements/a:element[@identifier='id-system-1']", A)
    assert application is not None
    name = application.find("a:name", A)
    assert name is not None
    assert (name.text, name.get(XML_LANG)) == ("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", "vi")
    properties = {
        definitions[node.get("propertyDefinitionRef")]: node.findtext("a:value", namespaces=A)
        for node in application.iterfind("a:properties/a:property", A)
    }
    assert properties == {
        "dxplanner:key": "system:1",
        "dxplanner:kind": "application",
        "dxplanner:status": "running",
        "dxplanner:level": "ministry_province",
        "dxplanner:hosting": "provincial_data_centre",
        "dxplanner:security_level": "3",
        "dxplanner:short_name": "HTTTGQTTHC",
    }
    link = root.find("a:relationships/a:relationship[@identifier='id-data_link-1']", A)
    assert link is not None
    link_properties = {
        definitions[node.get("propertyDefinitionRef")]: node.findtext("a:value", namespaces=A)
        for node in link.iterfind("a:properties/a:property", A)
    }
    assert link_properties["dxplanner:via"] == "ndxp"
    assert link.findtext("a:name", namespaces=A) == "Hồ sơ, kết quả giải quyết thủ tục"


def test_the_view_draws_every_element_in_its_layers_band_and_every_line(tmp_path: Path) -> None:
    estate = province_map()

    model = _read_back(_written(tmp_path, estate))

    (view,) = model.views
    bands = view.nodes  # one per layer, holding its elements' boxes
    assert [band.label for band in bands] == [
        "Public services",
        "Applications and portals",
        "Data",
        "Platforms and integration",
        "Infrastructure",
        "Security",
    ]
    boxes = {node.concept.prop("dxplanner:key"): node for band in bands for node in band.nodes}
    assert set(boxes) == {element.key for element in estate.elements}
    drawn = {conn.concept.prop("dxplanner:key") for conn in view.conns}
    assert drawn == {relation.key for relation in estate.relations}
    # Layers top to bottom: each band's boxes lie wholly below the band above.
    order = [element.layer for element in estate.elements]
    by_layer: dict[object, list[int]] = {}
    for element in estate.elements:
        by_layer.setdefault(element.layer, []).append(boxes[element.key].y)
    layers = sorted(set(order), key=list(type(order[0])).index)
    for upper, lower in itertools.pairwise(layers):
        assert max(by_layer[upper]) < min(by_layer[lower]), (upper, lower)


def test_a_line_to_an_element_left_off_the_map_is_left_out(tmp_path: Path) -> None:
    estate = province_map()
    dangling = MapRelation("data_link:99", RelationKind.SHARES_DATA, "system:1", "system:404")
    estate = dataclasses.replace(estate, relations=(*estate.relations, dangling))

    path = _written(tmp_path, estate)

    _schema().validate(path)
    assert "data_link:99" not in path.read_text(encoding="utf-8")


def test_an_empty_map_is_a_valid_file(tmp_path: Path) -> None:
    estate = EstateMap(province_map().as_of, (), ())

    _schema().validate(_written(tmp_path, estate))


def test_a_file_that_cannot_be_written_is_refused_with_one_message(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "estate.xml"

    with pytest.raises(InvalidInputError) as refused:
        write_exchange(province_map(), target)

    assert refused.value.message == f"The map could not be written to {target}: the folder does not exist."


def test_a_failed_write_leaves_what_was_there_and_no_part_of_the_new_file(tmp_path: Path) -> None:
    target = tmp_path / "estate.xml"
    target.mkdir()  # a folder by that name: the finished file cannot take its place
    (target / "kept.txt").write_text("kept", "utf-8")

    with pytest.raises(InvalidInputError):
        write_exchange(province_map(), target)

    assert (target / "kept.txt").read_text("utf-8") == "kept"
    assert [path.name for path in tmp_path.iterdir()] == ["estate.xml"]
