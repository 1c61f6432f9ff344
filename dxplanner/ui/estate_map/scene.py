"""The estate map's graphics scene: the layout's bands, boxes and lines as items, with a legend."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from dxplanner.core import estate_picture, estate_style
from dxplanner.core.enums import EstateStatus
from dxplanner.core.estate_layout import Band, Box, Line, MapLayout
from dxplanner.core.estate_map import ElementKind, MapElement, MapLayer, RelationKind
from dxplanner.core.estate_words import element_tip, kind_name, status_name
from dxplanner.i18n import _
from dxplanner.ui.estate_map import style

# Below this scale names are too small to read: boxes are drawn as coloured blocks only.
LABELS_FROM = 0.6
# Below this the data links' platform names are left out (they crowd the picture first).
LINE_LABELS_FROM = 0.8
GLYPH = estate_style.GLYPH
LEGEND_HEIGHT = estate_style.LEGEND_HEIGHT


def box_font() -> QFont:
    font = QFont()
    font.setPointSizeF(estate_style.BOX_FONT)
    return font


def two_lines(name: str, metrics: QFontMetricsF, width: float) -> tuple[str, str]:
    """The name on two lines of the box, cut at the end of the second with "…" when longer."""
    return estate_picture.two_lines(
        name,
        metrics.horizontalAdvance,
        lambda text, room: metrics.elidedText(text, Qt.TextElideMode.ElideRight, room),
        width,
    )


class BoxItem(QGraphicsItem):
    """An element's box: its kind's glyph, its name, its status's outline, a mark when late."""

    def __init__(self, box: Box, font: QFont, metrics: QFontMetricsF) -> None:
        super().__init__()
        self.box = box
        self.element = box.element
        self._rect = QRectF(0, 0, box.w, box.h)
        self.setPos(box.x, box.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setToolTip(element_tip(self.element))
        self.setZValue(2)
        # Names are the costly part of a frame: each box keeps its picture at the view's scale, so
        # scrolling copies pictures and only a zoom draws the names again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._font = font
        self._pen = style.box_pen(self.element.status)
        self._fill = QBrush(style.box_fill(self.element.layer, self.element.status))
        self.lines = two_lines(self.element.name, metrics, box.w - GLYPH - 12)
        self._text = QColor(estate_style.box_text(self.element.status))

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -9, 9, 3)  # the outline, and the late mark over the corner

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        painter.setPen(QPen(style.SELECTED, 3.0) if selected else self._pen)
        painter.setBrush(self._fill)
        rounding = estate_style.box_rounding(self.element.kind)
        painter.drawRoundedRect(self._rect, rounding, rounding)
        if self.element.late:
            style.draw_late_mark(painter, self._rect)
        if lod < LABELS_FROM:
            return
        style.draw_glyph(painter, self.element.kind, QRectF(5, (self.box.h - GLYPH) / 2, GLYPH, GLYPH))
        painter.setFont(self._font)
        painter.setPen(self._text)
        first, second = self.lines
        left = GLYPH + 9
        if second:
            painter.drawText(QRectF(left, 2, self.box.w - left - 3, self.box.h / 2 - 1),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, first)  # fmt: skip
            painter.drawText(QRectF(left, self.box.h / 2, self.box.w - left - 3, self.box.h / 2 - 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, second)  # fmt: skip
        else:
            painter.drawText(
                QRectF(left, 0, self.box.w - left - 3, self.box.h), Qt.AlignmentFlag.AlignVCenter, first
            )


class LinesItem(QGraphicsItem):
    """Every line of the map in one item, beneath the boxes: a path per pen, and the lines of the
    selected element drawn again on top in the selection's colour.

    One item with a picture of what is in sight, scrolled with the view: a scroll draws only the
    new strip. (An item per line was measured five times slower to scroll: a portal's lines to its
    hundreds of services each cross the whole band, so every strip meets hundreds of them.)
    """

    def __init__(self, lines: tuple[Line, ...], rect: QRectF, font: QFont) -> None:
        super().__init__()
        self._rect = rect
        self._font = font
        self.setZValue(1)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        paths: dict[tuple[str, str, str], QPainterPath] = {}
        heads: dict[tuple[str, str, str], QPainterPath] = {}
        pens: dict[tuple[str, str, str], QPen] = {}
        self._of: dict[str, QPainterPath] = defaultdict(QPainterPath)
        for line in lines:
            key = style.style_key(line.relation)
            if key not in paths:
                paths[key], heads[key] = QPainterPath(), QPainterPath()
                pens[key] = style.relation_pen(line.relation)
            path = _polyline(line)
            paths[key].addPath(path)
            for end in (line.relation.source, line.relation.target):
                self._of[end].addPath(path)
            if line.relation.kind is RelationKind.SHARES_DATA:
                heads[key].addPolygon(
                    QPolygonF([QPointF(*point) for point in estate_picture.arrow_head(line)])
                )
        # The platforms' names at the links' middles, where there is room for them.
        metrics = QFontMetricsF(font)
        self.labels: list[tuple[QRectF, str]] = [
            (QRectF(*rect), text)
            for rect, text in estate_picture.line_labels(lines, metrics.horizontalAdvance)
        ]
        self._paths = [(pens[key], paths[key], heads[key]) for key in paths]
        self.highlighted: str | None = None

    def highlight(self, key: str | None) -> None:
        """Draw the lines of the element with this key over the others (None: none)."""
        self.highlighted = key
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= LABELS_FROM)
        for pen, path, head in self._paths:
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            if not head.isEmpty():
                painter.setBrush(pen.color())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawPath(head)
        if self.highlighted is not None and self.highlighted in self._of:
            painter.setPen(QPen(style.SELECTED, 2.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._of[self.highlighted])
        if lod < LINE_LABELS_FROM:
            return
        painter.setFont(self._font)
        for label, text in self.labels:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.LINE_LABEL_FILL)
            painter.drawRoundedRect(label, 3, 3)
            painter.setPen(style.LINE_LABEL_TEXT)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)


def _polyline(line: Line) -> QPainterPath:
    path = QPainterPath(QPointF(*line.points[0]))
    for point in line.points[1:]:
        path.lineTo(QPointF(*point))
    return path


class BandItem(QGraphicsItem):
    """A layer's band: a light strip with its title on the left."""

    def __init__(self, band: Band, font: QFont) -> None:
        super().__init__()
        self.band = band
        self._rect = QRectF(0, 0, band.w, band.h)
        self.setPos(band.x, band.y)
        self._font = font

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(style.BAND_EDGE[self.band.layer], 1.0))
        painter.setBrush(style.BAND_FILL[self.band.layer])
        painter.drawRect(self._rect)
        painter.setFont(self._font)
        painter.setPen(style.BAND_TITLE)
        left, top, width = estate_style.TITLE_BOX
        painter.drawText(QRectF(left, top, width, self.band.h - 2 * top),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         self.band.title)  # fmt: skip


class LegendItem(QGraphicsItem):
    """What the outlines, the marks, the shapes and the lines mean, under the bands."""

    def __init__(self, width: float, font: QFont) -> None:
        super().__init__()
        self._rect = QRectF(0, 0, max(width, estate_style.LEGEND_LEAST_WIDTH), LEGEND_HEIGHT)
        self._font = font

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setFont(self._font)
        metrics = QFontMetricsF(self._font)
        x = 8.0
        for status in EstateStatus:
            swatch = QRectF(x, 8, 22, 14)
            painter.setPen(style.box_pen(status))
            painter.setBrush(style.box_fill(MapLayer.APPLICATIONS, status))
            painter.drawRect(swatch)
            x = self._word(painter, metrics, x + 28, 8, status_name(status))
        style.draw_late_mark(painter, QRectF(x - 4, 10, 8, 14))
        x = self._word(painter, metrics, x + 12, 8, _("late"))
        for kind in ElementKind:
            style.draw_glyph(painter, kind, QRectF(x, 9, 12, 12))
            x = self._word(painter, metrics, x + 17, 8, kind_name(kind))
        x = 8.0
        for relation, words in estate_picture.legend_lines():
            painter.setPen(style.relation_pen(relation))
            painter.drawLine(QPointF(x, 46), QPointF(x + 30, 46))
            x = self._word(painter, metrics, x + 36, 39, words)

    @staticmethod
    def _word(painter: QPainter, metrics: QFontMetricsF, x: float, y: float, text: str) -> float:
        painter.setPen(style.TEXT)
        painter.drawText(QPointF(x, y + metrics.ascent()), text)
        return x + metrics.horizontalAdvance(text) + 16


class MapScene(QGraphicsScene):
    """The whole picture of one layout; its boxes found by element key."""

    def __init__(self, layout: MapLayout) -> None:
        super().__init__()
        self.layout = layout
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        font = box_font()
        metrics = QFontMetricsF(font)
        title_font = QFont()
        title_font.setPointSizeF(estate_style.TITLE_FONT)
        title_font.setBold(True)
        for band in layout.bands:
            self.addItem(BandItem(band, title_font))
        self.boxes: dict[str, BoxItem] = {}
        for box in layout.boxes:
            item = BoxItem(box, font, metrics)
            self.boxes[box.key] = item
            self.addItem(item)
        self.lines = LinesItem(layout.lines, QRectF(0, 0, layout.width, layout.height), font)
        self.addItem(self.lines)
        legend_font = QFont()
        legend_font.setPointSizeF(estate_style.LEGEND_FONT)
        self.legend = LegendItem(layout.width, legend_font)
        self.legend.setPos(0, layout.height + estate_style.LEGEND_GAP)
        self.addItem(self.legend)
        margin = estate_style.MARGIN
        self.setSceneRect(
            QRectF(
                -margin,
                -margin,
                max(layout.width, self.legend.boundingRect().width()) + 2 * margin,
                layout.height + estate_style.LEGEND_GAP + LEGEND_HEIGHT + 2 * margin,
            )
        )
        self.setBackgroundBrush(QColor(estate_style.BACKGROUND))

    def selected_element(self) -> MapElement | None:
        """The element whose box is selected, if one is."""
        for item in self.selectedItems():
            if isinstance(item, BoxItem):
                return item.element
        return None
