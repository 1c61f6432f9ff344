"""Read an ArchiMate Open Exchange File (dxplanner's, Archi's, another tool's) into an imported estate.

Elements and relationships only; views and folders are ignored. The file is untrusted: parsed by
defusedxml (no document type, no entities), and anything the estate has no place for is listed as
skipped, with the reason, rather than lost silently.
"""

from __future__ import annotations

import enum
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import defusedxml
import defusedxml.ElementTree as SafeET

from dxplanner.archimate.vocabulary import ELEMENT_TYPE, NAMESPACE, OWNS, UNIT_TYPE, XML, XSI
from dxplanner.core.enums import DataLinkVia, EstateStatus, GovernmentLevel, Hosting, ServiceLevel, SystemKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_map import ElementKind, RelationKind
from dxplanner.core.imported_estate import (
    ImportedDataLink,
    ImportedDataset,
    ImportedEstate,
    ImportedService,
    ImportedSystem,
    ImportedUnit,
    SkippedConcept,
)
from dxplanner.file_access import os_reason
from dxplanner.i18n import _

MAX_BYTES = 200 * 1024 * 1024  # a model of 100,000 elements is about 50 MB
DATA_LANGUAGE = "vi"

# The kind an element of another tool's file is taken for, by its ArchiMate type.
_KIND_OF_TYPE: dict[str, ElementKind] = {
    "BusinessService": ElementKind.PUBLIC_SERVICE,
    "ApplicationComponent": ElementKind.APPLICATION,
    "SystemSoftware": ElementKind.PLATFORM,
    "Artifact": ElementKind.DATABASE,
    "DataObject": ElementKind.DATABASE,  # an open dataset when its name says so
    "Node": ElementKind.INFRASTRUCTURE,
    "Device": ElementKind.INFRASTRUCTURE,
    "CommunicationNetwork": ElementKind.INFRASTRUCTURE,
    "Facility": ElementKind.INFRASTRUCTURE,
    "TechnologyService": ElementKind.INFRASTRUCTURE,  # security when its name says so
}
_OPEN_DATA = re.compile(r"dữ liệu mở|open data", re.IGNORECASE)
_SECURITY = re.compile(r"an toàn thông tin|attt|an ninh mạng|bảo mật|security|\bsoc\b", re.IGNORECASE)

E = TypeVar("E", bound=enum.Enum)
R = TypeVar("R", ImportedSystem, ImportedService, ImportedDataset)


@dataclass
class _Concept:
    """An element or relationship as the file gives it."""

    identifier: str
    type: str
    name: str
    documentation: str | None
    properties: dict[str, str]
    source: str = ""
    target: str = ""
    access_type: str | None = None


@dataclass
class _Estate:
    """The records as they are being put together (the relationships fill in their links)."""

    name: str
    units: dict[str, ImportedUnit] = field(default_factory=dict)
    systems: dict[str, ImportedSystem] = field(default_factory=dict)
    services: dict[str, ImportedService] = field(default_factory=dict)
    datasets: dict[str, ImportedDataset] = field(default_factory=dict)
    links: list[ImportedDataLink] = field(default_factory=list)
    skipped: list[SkippedConcept] = field(default_factory=list)

    def skip(self, concept: _Concept, reason: str) -> None:
        self.skipped.append(SkippedConcept(concept.identifier, concept.type, concept.name, reason))

    def holds(self, ref: str) -> bool:
        return ref in self.systems or ref in self.services or ref in self.datasets

    def frozen(self) -> ImportedEstate:
        return ImportedEstate(
            self.name,
            tuple(self.units.values()),
            tuple(self.systems.values()),
            tuple(self.services.values()),
            tuple(self.datasets.values()),
            tuple(self.links),
            tuple(self.skipped),
        )


def read_exchange(path: Path) -> ImportedEstate:
    """The estate an exchange file holds; InvalidInputError (one message) when it is no exchange file."""
    root = _root(path)
    definitions = {
        node.get("identifier", ""): _text_of(node, "name")
        for node in root.iterfind(_tag("propertyDefinitions") + "/" + _tag("propertyDefinition"))
    }
    estate = _Estate(_text_of(root, "name"))
    for node in root.iterfind(_tag("elements") + "/" + _tag("element")):
        _add_element(estate, _concept(node, definitions))
    for node in root.iterfind(_tag("relationships") + "/" + _tag("relationship")):
        _add_relationship(estate, _concept(node, definitions))
    return estate.frozen()


def _root(path: Path) -> ET.Element:
    name = path.name
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InvalidInputError(_("There is no file {name}.").format(name=path)) from None
    except OSError as error:
        raise InvalidInputError(
            _("{name} cannot be read: {reason}").format(name=name, reason=os_reason(error))
        ) from None
    if len(data) > MAX_BYTES:
        raise InvalidInputError(
            _("{name} is too large to be an exchange file dxplanner reads (over {size} MB).").format(
                name=name, size=MAX_BYTES // (1024 * 1024)
            )
        )
    try:
        root: ET.Element = SafeET.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise InvalidInputError(
            _(
                "{name} is not read: it declares a document type or entities,"
                " which an exchange file never needs."
            ).format(name=name)
        ) from None
    except (ET.ParseError, ValueError):
        raise InvalidInputError(
            _("{name} is not an ArchiMate Open Exchange file: it is not XML.").format(name=name)
        ) from None
    if root.tag != _tag("model"):
        raise InvalidInputError(_("{name} is not an ArchiMate Open Exchange file.").format(name=name))
    return root


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _text_of(node: ET.Element, name: str) -> str:
    """A name's or a documentation's text, in Vietnamese when the file has it in several languages."""
    texts = node.findall(_tag(name))
    chosen = next((text for text in texts if text.get(f"{{{XML}}}lang") == DATA_LANGUAGE), None)
    if chosen is None and texts:
        chosen = texts[0]
    return (chosen.text or "").strip() if chosen is not None else ""


def _concept(node: ET.Element, definitions: dict[str, str]) -> _Concept:
    properties: dict[str, str] = {}
    for prop in node.iterfind(_tag("properties") + "/" + _tag("property")):
        name = definitions.get(prop.get("propertyDefinitionRef", ""))
        if name:
            properties[name] = _text_of(prop, "value")
    return _Concept(
        identifier=node.get("identifier", ""),
        type=node.get(f"{{{XSI}}}type", ""),
        name=_text_of(node, "name"),
        documentation=_text_of(node, "documentation") or None,
        properties=properties,
        source=node.get("source", ""),
        target=node.get("target", ""),
        access_type=node.get("accessType"),
    )


def _member(kind: type[E], text: str | None) -> E | None:
    """The enumeration's member the text names; None for no text or one dxplanner does not know."""
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        return None


def _security_level(text: str | None) -> int | None:
    try:
        level = int(text or "")
    except ValueError:
        return None
    return level if 1 <= level <= 5 else None


def _kind(concept: _Concept) -> ElementKind | None:
    """What the element is in the estate: dxplanner's word when it still fits the type, else the type's."""
    said = _member(ElementKind, concept.properties.get("dxplanner:kind"))
    if said is not None and ELEMENT_TYPE[said] == concept.type:
        return said
    kind = _KIND_OF_TYPE.get(concept.type)
    if concept.type == "DataObject" and _OPEN_DATA.search(concept.name):
        return ElementKind.OPEN_DATASET
    if concept.type == "TechnologyService" and _SECURITY.search(concept.name):
        return ElementKind.SECURITY
    return kind


def _add_element(estate: _Estate, concept: _Concept) -> None:
    ref, properties = concept.identifier, concept.properties
    if not ref or estate.holds(ref) or ref in estate.units:
        estate.skip(concept, _("Its identifier is missing or given twice."))
        return
    key = properties.get("dxplanner:key") or None
    if concept.type == UNIT_TYPE:
        if concept.name:
            estate.units[ref] = ImportedUnit(ref, concept.name, key)
        else:
            estate.skip(concept, _("A unit with no name."))
        return
    kind = _kind(concept)
    if kind is None:
        estate.skip(concept, _("The estate has no place for an element of this type."))
        return
    if not concept.name:
        estate.skip(concept, _("An element with no name."))
        return
    status = _member(EstateStatus, properties.get("dxplanner:status"))
    if kind == ElementKind.PUBLIC_SERVICE:
        level = _member(ServiceLevel, properties.get("dxplanner:service_level"))
        estate.services[ref] = ImportedService(
            ref, concept.name, level=level, status=status, description=concept.documentation, key=key
        )
    elif kind == ElementKind.OPEN_DATASET:
        estate.datasets[ref] = ImportedDataset(
            ref, concept.name, status=status, description=concept.documentation, key=key
        )
    else:
        estate.systems[ref] = ImportedSystem(
            ref,
            concept.name,
            SystemKind(kind.value),
            short_name=properties.get("dxplanner:short_name") or None,
            level=_member(GovernmentLevel, properties.get("dxplanner:level")),
            hosting=_member(Hosting, properties.get("dxplanner:hosting")),
            security_level=_security_level(properties.get("dxplanner:security_level")),
            status=status,
            description=concept.documentation,
            key=key,
        )


@dataclass(frozen=True)
class _Line:
    """A relationship as a line of the estate: what it is and which way it goes."""

    kind: str  # a RelationKind's value, or OWNS
    source: str
    target: str


def _add_relationship(estate: _Estate, concept: _Concept) -> None:
    if not (estate.holds(concept.source) or concept.source in estate.units) or not estate.holds(
        concept.target
    ):
        estate.skip(concept, _("It joins something the estate left out or the file does not hold."))
        return
    line = _line(estate, concept)
    if line is None:
        estate.skip(concept, _("The estate has no line of this kind between these two elements."))
        return
    if line.kind == RelationKind.SHARES_DATA:
        estate.links.append(
            ImportedDataLink(
                concept.identifier,
                line.source,
                line.target,
                via=_member(DataLinkVia, concept.properties.get("dxplanner:via")),
                data=concept.name or None,
                status=_member(EstateStatus, concept.properties.get("dxplanner:status")),
                key=concept.properties.get("dxplanner:key") or None,
            )
        )
    elif not _link(estate, line):
        estate.skip(concept, _("The element already has one such link in the file; the estate keeps one."))


def _line(estate: _Estate, concept: _Concept) -> _Line | None:
    """The estate's line a relationship stands for, or None when it stands for none."""
    source, target = concept.source, concept.target
    said = concept.properties.get("dxplanner:relation")
    if source in estate.units:
        # A unit owns what it is assigned to, or associated with.
        return _Line(OWNS, source, target) if concept.type in ("Assignment", "Association") else None
    systems = estate.systems
    kind = concept.type
    if kind == "Association":  # dxplanner's own line where ArchiMate had no better word
        return _Line(said, source, target) if said and _fits(estate, said, source, target) else None
    if source in systems and target in systems:
        if kind == "Flow":
            return _Line(RelationKind.SHARES_DATA, source, target)
        if kind == "Access":
            # The source reads the target (data goes target -> source) or writes it.
            ends = (target, source) if concept.access_type == "Read" else (source, target)
            return _Line(RelationKind.SHARES_DATA, *ends)
        host_kinds = (SystemKind.INFRASTRUCTURE, SystemKind.PLATFORM)
        if kind in ("Assignment", "Realization") and (
            said == RelationKind.HOSTED_ON or systems[source].kind in host_kinds
        ):
            return _Line(RelationKind.HOSTED_ON, target, source)
        return None
    if source in systems and target in estate.services and kind in ("Serving", "Realization"):
        return _Line(RelationKind.SERVES, source, target)
    writes = kind == "Realization" or (kind == "Access" and concept.access_type != "Read")
    if source in systems and target in estate.datasets and writes:
        return _Line(RelationKind.PUBLISHES, source, target)
    return None


def _fits(estate: _Estate, kind: str, source: str, target: str) -> bool:
    """Whether a line of this kind can join these two records."""
    if source not in estate.systems:
        return False
    if kind in (RelationKind.SHARES_DATA, RelationKind.HOSTED_ON):
        return target in estate.systems
    if kind == RelationKind.SERVES:
        return target in estate.services
    return kind == RelationKind.PUBLISHES and target in estate.datasets


def _link(estate: _Estate, line: _Line) -> bool:
    """Put a one-to-one link on its record; False when the record has that link already."""
    source, target = line.source, line.target
    if line.kind == OWNS:
        if target in estate.systems:
            return _set(estate.systems, target, "owner_ref", source)
        if target in estate.services:
            return _set(estate.services, target, "unit_ref", source)
        return _set(estate.datasets, target, "publisher_ref", source)
    if line.kind == RelationKind.HOSTED_ON:
        return _set(estate.systems, source, "hosted_on_ref", target)
    if line.kind == RelationKind.SERVES:
        return _set(estate.services, target, "system_ref", source)
    return _set(estate.datasets, target, "system_ref", source)


def _set(records: dict[str, R], ref: str, name: str, value: str) -> bool:
    record = records[ref]
    if getattr(record, name) is not None:
        return False
    changes: dict[str, object] = {name: value}
    records[ref] = replace(record, **changes)  # type: ignore[arg-type]  # a *_ref field, given by name
    return True
