"""The words the estate map shows for its layers, kinds, statuses and lines, in the user's language.

Qt-free, so that the window's map and the map drawn to a file say the same."""

from __future__ import annotations

from dxplanner.core.enums import DataLinkVia, EstateStatus, ServiceLevel
from dxplanner.core.estate_map import ElementKind, MapElement, MapLayer, RelationKind
from dxplanner.i18n import N_, _

LAYERS = {
    MapLayer.SERVICES: N_("Public services"),
    MapLayer.APPLICATIONS: N_("Applications"),
    MapLayer.DATA: N_("Data"),
    MapLayer.PLATFORMS: N_("Platforms and integration"),
    MapLayer.INFRASTRUCTURE: N_("Infrastructure"),
    MapLayer.SECURITY: N_("Security"),
}
KINDS = {
    ElementKind.APPLICATION: N_("Information system"),
    ElementKind.PORTAL: N_("Portal"),
    ElementKind.PLATFORM: N_("Platform"),
    ElementKind.DATABASE: N_("Database"),
    ElementKind.INFRASTRUCTURE: N_("Infrastructure"),
    ElementKind.SECURITY: N_("Security system"),
    ElementKind.PUBLIC_SERVICE: N_("Public service"),
    ElementKind.OPEN_DATASET: N_("Open dataset"),
}
STATUSES = {
    EstateStatus.PLANNED: N_("Planned to build"),
    EstateStatus.BUILDING: N_("Being built"),
    EstateStatus.RUNNING: N_("Running"),
    EstateStatus.RETIRED: N_("Retired"),
}
RELATIONS = {
    RelationKind.HOSTED_ON: N_("runs on"),
    RelationKind.SHARES_DATA: N_("shares data with"),
    RelationKind.SERVES: N_("serves"),
    RelationKind.PUBLISHES: N_("publishes"),
}
VIA = {DataLinkVia.LGSP: N_("LGSP"), DataLinkVia.NDXP: N_("NDXP"), DataLinkVia.DIRECT: N_("direct")}
SERVICE_LEVELS = {
    ServiceLevel.INFORMATION: N_("Information only"),
    ServiceLevel.PARTIAL_ONLINE: N_("Partly online"),
    ServiceLevel.FULL_PROCESS_ONLINE: N_("Full-process online"),
}


def layer_title(layer: MapLayer) -> str:
    """A band's title."""
    return _(LAYERS[layer])


def kind_name(kind: ElementKind) -> str:
    return _(KINDS[kind])


def status_name(status: EstateStatus) -> str:
    return _(STATUSES[status])


def relation_name(kind: RelationKind) -> str:
    return _(RELATIONS[kind])


def via_name(via: DataLinkVia) -> str:
    return _(VIA[via])


def service_level_name(level: ServiceLevel) -> str:
    return _(SERVICE_LEVELS[level])


def element_tip(element: MapElement) -> str:
    """What a box's tooltip says: the whole name and what the box says in colour and shape."""
    parts = [element.name, f"{kind_name(element.kind)} · {status_name(element.status)}"]
    if element.unit_name:
        parts.append(element.unit_name)
    if element.service_level is not None:
        parts.append(service_level_name(element.service_level))
    if element.late:
        parts.append(_("Late: a task that changes it is behind schedule"))
    return "\n".join(parts)
