"""Write an estate map as an ArchiMate 3.1 Open Exchange File, so that an architect can open it in Archi.

Elements and relationships carry what ArchiMate has no word for (status, level, hosting, security
level, the platform a link goes through, the dxplanner key) as properties named "dxplanner:…",
which Archi keeps when it saves the model again, so the file reads back into dxplanner.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from dxplanner.archimate.layout import Band, Box, layered_rows
from dxplanner.archimate.vocabulary import (
    ELEMENT_TYPE,
    NAMESPACE,
    OWNS,
    SCHEMA_LOCATION,
    UNIT_TYPE,
    XML,
    XSI,
    Written,
    written_as,
)
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_map import EstateMap, MapElement, MapLayer, MapRelation
from dxplanner.file_access import write_failure
from dxplanner.i18n import N_, _, current_language
from dxplanner.temporary_files import temporary_beside

# The language of the plan's own words (names of systems, services, units).
DATA_LANGUAGE = "vi"

# The properties dxplanner writes: name -> the exchange format's data type.
PROPERTIES: dict[str, str] = {
    "dxplanner:key": "string",
    "dxplanner:kind": "string",
    "dxplanner:relation": "string",
    "dxplanner:status": "string",
    "dxplanner:level": "string",
    "dxplanner:service_level": "string",
    "dxplanner:hosting": "string",
    "dxplanner:security_level": "number",
    "dxplanner:via": "string",
    "dxplanner:short_name": "string",
}

LAYER_TITLES: dict[MapLayer, str] = {
    MapLayer.SERVICES: N_("Public services"),
    MapLayer.APPLICATIONS: N_("Applications and portals"),
    MapLayer.DATA: N_("Data"),
    MapLayer.PLATFORMS: N_("Platforms and integration"),
    MapLayer.INFRASTRUCTURE: N_("Infrastructure"),
    MapLayer.SECURITY: N_("Security"),
}

ET.register_namespace("xsi", XSI)


def _tag(name: str) -> str:
    # Unqualified, under the root's xmlns: ElementTree writes no default namespace for elements
    # whose attributes (identifier, source, …) have none, which the exchange format's have.
    return name


class _Identifiers:
    """Identifiers the schema accepts (xs:ID: no colon, not starting with a digit), unique in the file."""

    def __init__(self) -> None:
        self._given: set[str] = set()

    def new(self, hint: str) -> str:
        base = "id-" + re.sub(r"[^A-Za-z0-9_.-]", "-", hint)
        identifier, count = base, 1
        while identifier in self._given:
            count += 1
            identifier = f"{base}-{count}"
        self._given.add(identifier)
        return identifier


def exchange_tree(estate: EstateMap) -> ET.ElementTree[ET.Element]:
    """The exchange file's XML for the map."""
    ids = _Identifiers()
    root = ET.Element(_tag("model"), {"xmlns": NAMESPACE, f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    root.set("identifier", ids.new("model"))
    day = estate.as_of.strftime("%d/%m/%Y")
    _text(root, "name", _("The digital-government estate on {day}").format(day=day), current_language())
    _text(
        root,
        "documentation",
        _("Written by dxplanner from the plan's estate as it stands on {day}.").format(day=day),
        current_language(),
    )
    elements = ET.SubElement(root, _tag("elements"))
    relationships = ET.SubElement(root, _tag("relationships"))
    used: set[str] = set()

    element_ids: dict[str, str] = {}
    element_types: dict[str, str] = {}
    for element in estate.elements:
        identifier = ids.new(element.key)
        element_ids[element.key] = identifier
        element_types[element.key] = ELEMENT_TYPE[element.kind]
        _element(elements, identifier, element, used)
    unit_ids = _units(elements, ids, estate.elements, used)

    drawn: list[tuple[str, str, str]] = []  # (relationship id, ArchiMate source key, target key)
    for relation in estate.relations:
        if relation.source not in element_ids or relation.target not in element_ids:
            continue  # its other end was left off the map (filtered out): a line to nothing is invalid
        how = written_as(relation.kind, element_types[relation.source], element_types[relation.target])
        source, target = (
            (relation.target, relation.source) if how.reversed else (relation.source, relation.target)
        )
        identifier = ids.new(relation.key)
        _relationship(
            relationships, identifier, how, element_ids[source], element_ids[target], relation, used
        )
        drawn.append((identifier, source, target))
    for element in estate.elements:
        if element.unit_id is None:
            continue
        how = written_as(OWNS, UNIT_TYPE, element_types[element.key])
        identifier = ids.new(f"owns-{element.key}")
        relationship = _bare_relationship(
            relationships, identifier, how, unit_ids[element.unit_id], element_ids[element.key]
        )
        _properties(relationship, {"dxplanner:relation": OWNS}, used)

    if not len(elements):
        root.remove(elements)
    if not len(relationships):
        root.remove(relationships)
    _property_definitions(root, used)
    _view(root, ids, estate, element_ids, drawn)
    return ET.ElementTree(root)


def write_exchange(estate: EstateMap, path: Path) -> None:
    """Write the map to path as an Open Exchange File (UTF-8); a failed write leaves no part of it."""
    tree = exchange_tree(estate)
    ET.indent(tree, space=" ")
    temporary = temporary_beside(path, ".part")
    try:
        tree.write(temporary, encoding="utf-8", xml_declaration=True)
        temporary.replace(path)
    except OSError as error:
        raise InvalidInputError(
            _("The map could not be written to {path}: {reason}.").format(
                path=path, reason=write_failure(error, path)
            )
        ) from None
    finally:
        temporary.unlink(missing_ok=True)


def _text(parent: ET.Element, name: str, text: str, language: str | None) -> ET.Element:
    node = ET.SubElement(parent, _tag(name))
    if language:
        node.set(f"{{{XML}}}lang", language)
    node.text = text
    return node


def _element(parent: ET.Element, identifier: str, element: MapElement, used: set[str]) -> None:
    node = ET.SubElement(parent, _tag("element"), {"identifier": identifier})
    node.set(f"{{{XSI}}}type", ELEMENT_TYPE[element.kind])
    _text(node, "name", element.name, DATA_LANGUAGE)
    values: dict[str, str | None] = {
        "dxplanner:key": element.key,
        "dxplanner:kind": element.kind.value,
        "dxplanner:status": element.status.value,
        "dxplanner:level": element.level.value if element.level else None,
        "dxplanner:service_level": element.service_level.value if element.service_level else None,
        "dxplanner:hosting": element.hosting.value if element.hosting else None,
        "dxplanner:security_level": str(element.security_level) if element.security_level else None,
        "dxplanner:short_name": element.short_name,
    }
    _properties(node, values, used)


def _units(
    parent: ET.Element, ids: _Identifiers, elements: Iterable[MapElement], used: set[str]
) -> dict[int, str]:
    """A business actor for each unit that owns, handles or publishes an element."""
    names: dict[int, str] = {}
    for element in elements:
        if element.unit_id is not None and element.unit_id not in names:
            names[element.unit_id] = element.unit_name or _("Unit {id}").format(id=element.unit_id)
    unit_ids: dict[int, str] = {}
    for unit_id, name in names.items():
        identifier = ids.new(f"unit-{unit_id}")
        unit_ids[unit_id] = identifier
        node = ET.SubElement(parent, _tag("element"), {"identifier": identifier})
        node.set(f"{{{XSI}}}type", UNIT_TYPE)
        _text(node, "name", name, DATA_LANGUAGE)
        _properties(node, {"dxplanner:key": f"unit:{unit_id}"}, used)
    return unit_ids


def _bare_relationship(
    parent: ET.Element, identifier: str, how: Written, source: str, target: str
) -> ET.Element:
    node = ET.SubElement(parent, _tag("relationship"), {"identifier": identifier})
    node.set("source", source)
    node.set("target", target)
    node.set(f"{{{XSI}}}type", how.relationship)
    if how.access_type:
        node.set("accessType", how.access_type)
    if how.directed:
        node.set("isDirected", "true")
    return node


def _relationship(
    parent: ET.Element,
    identifier: str,
    how: Written,
    source: str,
    target: str,
    relation: MapRelation,
    used: set[str],
) -> None:
    node = _bare_relationship(parent, identifier, how, source, target)
    if relation.label:
        _text(node, "name", relation.label, DATA_LANGUAGE)
    values = {
        "dxplanner:key": relation.key,
        "dxplanner:relation": relation.kind.value,
        "dxplanner:status": relation.status.value,
        "dxplanner:via": relation.via.value if relation.via else None,
    }
    _properties(node, values, used)


def _properties(node: ET.Element, values: dict[str, str | None], used: set[str]) -> None:
    given = {name: value for name, value in values.items() if value is not None}
    if not given:
        return
    properties = ET.SubElement(node, _tag("properties"))
    for name, value in given.items():
        used.add(name)
        prop = ET.SubElement(properties, _tag("property"), {"propertyDefinitionRef": _definition_id(name)})
        _text(prop, "value", value, None)


def _definition_id(name: str) -> str:
    return "propid-" + name.replace(":", "-")


def _property_definitions(root: ET.Element, used: set[str]) -> None:
    if not used:
        return
    definitions = ET.SubElement(root, _tag("propertyDefinitions"))
    for name, data_type in PROPERTIES.items():
        if name in used:
            node = ET.SubElement(
                definitions, _tag("propertyDefinition"), {"identifier": _definition_id(name)}
            )
            node.set("type", data_type)
            _text(node, "name", name, None)


def _view(
    root: ET.Element,
    ids: _Identifiers,
    estate: EstateMap,
    element_ids: dict[str, str],
    drawn: list[tuple[str, str, str]],
) -> None:
    """One diagram: a labelled band per layer holding its elements' boxes, and the lines between them."""
    views = ET.SubElement(root, _tag("views"))
    diagrams = ET.SubElement(views, _tag("diagrams"))
    view = ET.SubElement(diagrams, _tag("view"), {"identifier": ids.new("view")})
    view.set(f"{{{XSI}}}type", "Diagram")
    day = estate.as_of.strftime("%d/%m/%Y")
    _text(view, "name", _("Estate map on {day}").format(day=day), current_language())
    node_ids: dict[str, str] = {}
    for band in layered_rows(estate.elements):
        container = _node(view, ids.new(f"band-{band.layer.value}"), "Container", band.box)
        _text(container, "label", _(LAYER_TITLES[band.layer]), current_language())
        # A pale band, so that the boxes keep the colours Archi gives each ArchiMate layer.
        style = ET.SubElement(container, _tag("style"))
        ET.SubElement(style, _tag("lineColor"), {"r": "192", "g": "192", "b": "192"})
        ET.SubElement(style, _tag("fillColor"), {"r": "248", "g": "248", "b": "248"})
        _band_nodes(container, ids, band, element_ids, node_ids)
    for relationship_id, source, target in drawn:
        connection = ET.SubElement(view, _tag("connection"), {"identifier": ids.new(f"line-{source}")})
        connection.set(f"{{{XSI}}}type", "Relationship")
        connection.set("relationshipRef", relationship_id)
        connection.set("source", node_ids[source])
        connection.set("target", node_ids[target])


def _band_nodes(
    container: ET.Element,
    ids: _Identifiers,
    band: Band,
    element_ids: dict[str, str],
    node_ids: dict[str, str],
) -> None:
    for key, box in band.elements:
        # The exchange format gives nested nodes' positions from the diagram's corner, not the band's.
        node = _node(container, ids.new(f"box-{key}"), "Element", box)
        node.set("elementRef", element_ids[key])
        node_ids[key] = node.get("identifier", "")


def _node(parent: ET.Element, identifier: str, kind: str, box: Box) -> ET.Element:
    node = ET.SubElement(parent, _tag("node"), {"identifier": identifier})
    node.set(f"{{{XSI}}}type", kind)
    for name, value in (("x", box.x), ("y", box.y), ("w", box.w), ("h", box.h)):
        node.set(name, str(value))
    return node
