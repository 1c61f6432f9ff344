"""How the estate map looks: colours by layer, outlines by status, a glyph by kind, pens by relation."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from dxplanner.core.enums import DataLinkVia, EstateStatus
from dxplanner.core.estate_map import ElementKind, MapLayer, MapRelation, RelationKind

# The layers' colours as architects know them from ArchiMate: services yellow, applications blue,
# technology green; data and security told apart from them.
LAYER_FILL = {
    MapLayer.SERVICES: QColor("#fff4c4"),
    MapLayer.APPLICATIONS: QColor("#d4eafc"),
    MapLayer.DATA: QColor("#e6def7"),
    MapLayer.PLATFORMS: QColor("#cdeedd"),
    MapLayer.INFRASTRUCTURE: QColor("#dcedc8"),
    MapLayer.SECURITY: QColor("#fbdcd6"),
}
BAND_FILL = {layer: colour.lighter(112) for layer, colour in LAYER_FILL.items()}
BAND_TITLE = QColor("#37474f")
TEXT = QColor("#1c2329")
RETIRED_TEXT = QColor("#8a8f94")
LATE = QColor("#c62828")
SELECTED = QColor("#1565c0")


def box_pen(status: EstateStatus) -> QPen:
    """Running: a plain outline; planned: dashed (not there yet); being built: heavy orange;
    retired: grey dots."""
    if status is EstateStatus.PLANNED:
        pen = QPen(QColor("#3949ab"), 1.4, Qt.PenStyle.DashLine)
    elif status is EstateStatus.BUILDING:
        pen = QPen(QColor("#e65100"), 2.4)
    elif status is EstateStatus.RETIRED:
        pen = QPen(QColor("#9e9e9e"), 1.2, Qt.PenStyle.DotLine)
    else:
        pen = QPen(QColor("#546e7a"), 1.0)
    pen.setCosmetic(False)
    return pen


def box_fill(layer: MapLayer, status: EstateStatus) -> QColor:
    """A planned element is still white, a retired one grey; the others take their layer's colour."""
    if status is EstateStatus.PLANNED:
        return QColor("#ffffff")
    if status is EstateStatus.RETIRED:
        return QColor("#eeeeee")
    return LAYER_FILL[layer]


def relation_pen(relation: MapRelation) -> QPen:
    """Data links coloured by the platform they go through; the other relations quiet greys."""
    if relation.kind is RelationKind.SHARES_DATA:
        colour = {
            DataLinkVia.LGSP: QColor("#1e88e5"),
            DataLinkVia.NDXP: QColor("#8e24aa"),
            DataLinkVia.DIRECT: QColor("#455a64"),
            None: QColor("#455a64"),
        }[relation.via]
        pen = QPen(colour, 1.4)
    elif relation.kind is RelationKind.HOSTED_ON:
        pen = QPen(QColor("#7cb342"), 1.0, Qt.PenStyle.DotLine)
    elif relation.kind is RelationKind.PUBLISHES:
        pen = QPen(QColor("#00897b"), 1.0, Qt.PenStyle.DashLine)
    else:
        # A portal serves hundreds of services: their lines stay faint behind the boxes.
        pen = QPen(QColor(150, 130, 70, 90), 0.8)
    if relation.status in (EstateStatus.PLANNED, EstateStatus.BUILDING):
        pen.setStyle(Qt.PenStyle.DashLine)
    elif relation.status is EstateStatus.RETIRED:
        pen.setColor(QColor("#c8c8c8"))
    return pen


def style_key(relation: MapRelation) -> tuple[str, str, str]:
    """Lines with the same key are drawn with the same pen, in one path."""
    return (relation.kind.value, relation.via.value if relation.via else "", relation.status.value)


def draw_glyph(painter: QPainter, kind: ElementKind, rect: QRectF) -> None:
    """A small shape that says what kind of element a box is (the shape, not only the colour)."""
    painter.save()
    painter.setPen(QPen(QColor("#37474f"), 1.0))
    painter.setBrush(QBrush(QColor("#ffffff")))
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    if kind is ElementKind.DATABASE:  # a cylinder
        painter.drawRect(QRectF(x, y + h * 0.15, w, h * 0.7))
        painter.drawEllipse(QRectF(x, y + h * 0.7, w, h * 0.3))
        painter.drawEllipse(QRectF(x, y, w, h * 0.3))
    elif kind is ElementKind.PORTAL:  # a globe
        painter.drawEllipse(rect)
        painter.drawEllipse(QRectF(x + w * 0.3, y, w * 0.4, h))
        painter.drawLine(QPointF(x, y + h / 2), QPointF(x + w, y + h / 2))
    elif kind is ElementKind.PLATFORM:  # a hexagon: many things plug into it
        points = [(0.25, 0), (0.75, 0), (1, 0.5), (0.75, 1), (0.25, 1), (0, 0.5)]
        painter.drawPolygon(QPolygonF([QPointF(x + w * px, y + h * py) for px, py in points]))
    elif kind is ElementKind.INFRASTRUCTURE:  # a server: stacked units
        for i in range(3):
            painter.drawRect(QRectF(x, y + i * h / 3, w, h / 3))
    elif kind is ElementKind.SECURITY:  # a shield
        path = QPainterPath(QPointF(x + w / 2, y))
        path.lineTo(x + w, y + h * 0.2)
        path.quadTo(x + w, y + h * 0.8, x + w / 2, y + h)
        path.quadTo(x, y + h * 0.8, x, y + h * 0.2)
        path.closeSubpath()
        painter.drawPath(path)
    elif kind is ElementKind.PUBLIC_SERVICE:  # the ArchiMate service: a rounded pill
        painter.drawRoundedRect(QRectF(x, y + h * 0.2, w, h * 0.6), h * 0.3, h * 0.3)
    elif kind is ElementKind.OPEN_DATASET:  # a page with a folded corner
        path = QPainterPath(QPointF(x + w * 0.15, y))
        path.lineTo(x + w * 0.65, y)
        path.lineTo(x + w * 0.85, y + h * 0.25)
        path.lineTo(x + w * 0.85, y + h)
        path.lineTo(x + w * 0.15, y + h)
        path.closeSubpath()
        painter.drawPath(path)
    else:  # an application: a window with its title bar
        painter.drawRect(rect)
        painter.drawLine(QPointF(x, y + h * 0.3), QPointF(x + w, y + h * 0.3))
    painter.restore()


def draw_late_mark(painter: QPainter, box: QRectF) -> None:
    """A red disc with "!" on the box's top right corner: a task that changes it is late."""
    painter.save()
    radius = 6.5
    centre = QPointF(box.right() - 2, box.top() + 2)
    painter.setPen(QPen(QColor("#ffffff"), 1.2))
    painter.setBrush(QBrush(LATE))
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QPen(QColor("#ffffff"), 2.0))
    painter.drawLine(QPointF(centre.x(), centre.y() - 3.5), QPointF(centre.x(), centre.y() + 0.8))
    painter.drawPoint(QPointF(centre.x(), centre.y() + 3.2))
    painter.restore()
