"""Which ArchiMate 3.1 concepts the estate's elements and lines become, within the relationship table."""

from __future__ import annotations

from dataclasses import dataclass

from dxplanner.core.estate_map import ElementKind, RelationKind

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
SCHEMA_LOCATION = f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"

UNIT_TYPE = "BusinessActor"

# Why these types:
# - a platform (LGSP, NDXP, a shared platform) is middleware that applications run on and exchange
#   data through: ArchiMate's SystemSoftware, so Flow to and from applications and hosting on a Node
#   (Assignment) stay within the relationship table;
# - a database is the deployed store an agency runs in its server room or data centre: an Artifact,
#   assigned to its Node and realizing the open datasets published from it (a DataObject would lose
#   the hosting, which the table allows only as Access);
# - a security service (a monitoring or operations centre) is what the systems get from a provider
#   or a centre: a TechnologyService, realized by the Node it runs on and serving the systems.
ELEMENT_TYPE: dict[ElementKind, str] = {
    ElementKind.PUBLIC_SERVICE: "BusinessService",
    ElementKind.APPLICATION: "ApplicationComponent",
    ElementKind.PORTAL: "ApplicationComponent",
    ElementKind.PLATFORM: "SystemSoftware",
    ElementKind.DATABASE: "Artifact",
    ElementKind.OPEN_DATASET: "DataObject",
    ElementKind.INFRASTRUCTURE: "Node",
    ElementKind.SECURITY: "TechnologyService",
}

# The ArchiMate 3.1 relationship table (Appendix B, derived relationships included) for the pairs of
# concepts dxplanner writes, and only for the relationships it chooses from; Association is allowed
# between any two elements. tests/unit/test_archimate_export.py checks every line written against an
# independent copy of the table (pyArchimate's, taken from Archi's relationships.xml).
_TABLE: dict[tuple[str, str], frozenset[str]] = {
    pair: frozenset(names.split())
    for pair, names in {
        ("ApplicationComponent", "ApplicationComponent"): "Flow Realization Serving",
        ("ApplicationComponent", "SystemSoftware"): "Flow Serving",
        ("ApplicationComponent", "Artifact"): "Access",
        ("ApplicationComponent", "Node"): "Flow Serving",
        ("ApplicationComponent", "TechnologyService"): "Flow Serving",
        ("ApplicationComponent", "BusinessService"): "Flow Realization Serving",
        ("ApplicationComponent", "DataObject"): "Access",
        ("SystemSoftware", "ApplicationComponent"): "Flow Realization Serving",
        ("SystemSoftware", "SystemSoftware"): "Assignment Flow Realization Serving",
        ("SystemSoftware", "Artifact"): "Access Assignment",
        ("SystemSoftware", "Node"): "Assignment Flow Realization Serving",
        ("SystemSoftware", "TechnologyService"): "Assignment Flow Realization Serving",
        ("SystemSoftware", "BusinessService"): "Assignment Flow Realization Serving",
        ("SystemSoftware", "DataObject"): "Access",
        ("Artifact", "ApplicationComponent"): "Realization",
        ("Artifact", "SystemSoftware"): "Realization",
        ("Artifact", "Artifact"): "",
        ("Artifact", "Node"): "Realization",
        ("Artifact", "TechnologyService"): "Realization",
        ("Artifact", "BusinessService"): "Realization",
        ("Artifact", "DataObject"): "Realization",
        ("Node", "ApplicationComponent"): "Flow Realization Serving",
        ("Node", "SystemSoftware"): "Assignment Flow Realization Serving",
        ("Node", "Artifact"): "Access Assignment",
        ("Node", "Node"): "Assignment Flow Realization Serving",
        ("Node", "TechnologyService"): "Assignment Flow Realization Serving",
        ("Node", "BusinessService"): "Assignment Flow Realization Serving",
        ("Node", "DataObject"): "Access",
        ("TechnologyService", "ApplicationComponent"): "Flow Serving",
        ("TechnologyService", "SystemSoftware"): "Flow Serving",
        ("TechnologyService", "Artifact"): "Access",
        ("TechnologyService", "Node"): "Flow Serving",
        ("TechnologyService", "TechnologyService"): "Flow Serving",
        ("TechnologyService", "BusinessService"): "Flow Realization Serving",
        ("TechnologyService", "DataObject"): "Access",
        ("BusinessActor", "ApplicationComponent"): "Flow Serving",
        ("BusinessActor", "SystemSoftware"): "Flow Serving",
        ("BusinessActor", "Artifact"): "Access",
        ("BusinessActor", "Node"): "Flow Serving",
        ("BusinessActor", "TechnologyService"): "Flow Serving",
        ("BusinessActor", "BusinessService"): "Assignment Flow Realization Serving",
        ("BusinessActor", "DataObject"): "Access",
    }.items()
}


def allowed(relationship: str, source_type: str, target_type: str) -> bool:
    """Whether the relationship table allows the relationship from source to target."""
    if relationship == "Association":
        return True
    return relationship in _TABLE.get((source_type, target_type), frozenset())


# A unit's ownership is no line of the map, but the exchange file says it (unit -> what it owns).
OWNS = "owns"


@dataclass(frozen=True)
class Written:
    """How one line is written: the ArchiMate relationship and which way it points."""

    relationship: str
    reversed: bool = False  # the ArchiMate source is the line's target (a host is assigned to a system)
    access_type: str | None = None  # Access's "Read" or "Write"
    directed: bool = False  # an Association that keeps the line's direction


def written_as(kind: RelationKind | str, source_type: str, target_type: str) -> Written:
    """The relationship a line of this kind is written as between these two ArchiMate types.

    Each choice is the meaning the line has in ArchiMate, when the table allows it; otherwise a
    directed Association, which any two elements may have, carries the line (the reader knows it
    by the dxplanner:relation property).
    """
    if kind == RelationKind.HOSTED_ON:
        # The host is assigned to (or realizes) what runs on it.
        for relationship in ("Assignment", "Realization"):
            if allowed(relationship, target_type, source_type):
                return Written(relationship, reversed=True)
    elif kind == RelationKind.SHARES_DATA:
        if allowed("Flow", source_type, target_type):
            return Written("Flow")
        # A database gives no Flow (it is passive): the taker reads it, or the giver writes it.
        if allowed("Access", target_type, source_type):
            return Written("Access", reversed=True, access_type="Read")
        if allowed("Access", source_type, target_type):
            return Written("Access", access_type="Write")
    elif kind == RelationKind.SERVES:
        if allowed("Serving", source_type, target_type):
            return Written("Serving")
    elif kind == RelationKind.PUBLISHES:
        if allowed("Access", source_type, target_type):
            return Written("Access", access_type="Write")
        if allowed("Realization", source_type, target_type):  # a database realizes the dataset
            return Written("Realization")
    elif kind == OWNS and allowed("Assignment", source_type, target_type):
        return Written("Assignment")
    return Written("Association", directed=True)
