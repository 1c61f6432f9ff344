"""The estate map's look (core/estate_style) as Qt pens, brushes and painted glyphs."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from dxplanner.core import estate_style as look
from dxplanner.core.enums import EstateStatus
from dxplanner.core.estate_map import ElementKind, MapLayer, MapRelation

LAYER_FILL = {layer: QColor(colour) for layer, colour in look.LAYER_FILL.items()}
BAND_FILL = {layer: QColor(colour) for layer, colour in look.BAND_FILL.items()}
BAND_EDGE = {layer: QColor(colour) for layer, colour in look.BAND_EDGE.items()}
BAND_TITLE = QColor(look.BAND_TITLE)
TEXT = QColor(look.TEXT)
RETIRED_TEXT = QColor(look.RETIRED_TEXT)
LATE = QColor(look.LATE)
SELECTED = QColor(look.SELECTED)
LINE_LABEL_TEXT = QColor(look.LINE_LABEL_TEXT)
LINE_LABEL_FILL = QColor(look.LINE_LABEL_FILL[0])
LINE_LABEL_FILL.setAlpha(look.LINE_LABEL_FILL[1])

_DASHES = {
    look.Dash.SOLID: Qt.PenStyle.SolidLine,
    look.Dash.DASH: Qt.PenStyle.DashLine,
    look.Dash.DOT: Qt.PenStyle.DotLine,
}


def qt_pen(pen: look.Pen) -> QPen:
    """The Qt pen of a pen of the map's look."""
    colour = QColor(pen.colour)
    colour.setAlpha(pen.opacity)
    return QPen(colour, pen.width, _DASHES[pen.dash])


def box_pen(status: EstateStatus) -> QPen:
    """A box's outline by its status."""
    return qt_pen(look.box_pen(status))


def box_fill(layer: MapLayer, status: EstateStatus) -> QColor:
    """A box's fill by its layer and status."""
    return QColor(look.box_fill(layer, status))


def relation_pen(relation: MapRelation) -> QPen:
    """A line's pen by its relation's kind, platform and status."""
    return qt_pen(look.relation_pen(relation))


style_key = look.style_key


def draw_glyph(painter: QPainter, kind: ElementKind, rect: QRectF) -> None:
    """The kind's glyph (core/estate_style.GLYPHS) in rect."""
    painter.save()
    painter.setPen(QPen(QColor(look.GLYPH_EDGE), 1.0))
    painter.setBrush(QBrush(QColor(look.GLYPH_FILL)))
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    for shape in look.glyph(kind):
        if isinstance(shape, look.Rect):
            part = QRectF(x + w * shape.x, y + h * shape.y, w * shape.w, h * shape.h)
            if shape.radius:
                painter.drawRoundedRect(part, h * shape.radius, h * shape.radius)
            else:
                painter.drawRect(part)
        elif isinstance(shape, look.Ellipse):
            painter.drawEllipse(QRectF(x + w * shape.x, y + h * shape.y, w * shape.w, h * shape.h))
        elif isinstance(shape, look.Segment):
            painter.drawLine(
                QPointF(x + w * shape.x1, y + h * shape.y1), QPointF(x + w * shape.x2, y + h * shape.y2)
            )
        else:
            path = QPainterPath(QPointF(x + w * shape.start[0], y + h * shape.start[1]))
            for step in shape.steps:
                if len(step) == 2:
                    path.lineTo(x + w * step[0], y + h * step[1])
                else:
                    path.quadTo(x + w * step[0], y + h * step[1], x + w * step[2], y + h * step[3])
            path.closeSubpath()
            painter.drawPath(path)
    painter.restore()


def draw_late_mark(painter: QPainter, box: QRectF) -> None:
    """A red disc with "!" on the box's top right corner: a task that changes it is late."""
    painter.save()
    radius = look.LATE_RADIUS
    centre = QPointF(*look.late_mark_centre(box.x(), box.y(), box.width()))
    painter.setPen(QPen(QColor("#ffffff"), 1.2))
    painter.setBrush(QBrush(LATE))
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QPen(QColor("#ffffff"), 2.0))
    top, bottom = look.LATE_BAR
    painter.drawLine(QPointF(centre.x(), centre.y() + top), QPointF(centre.x(), centre.y() + bottom))
    painter.drawPoint(QPointF(centre.x(), centre.y() + look.LATE_DOT))
    painter.restore()
