"""The estate map as a matplotlib Figure: the window's picture of a MapLayout, drawn without Qt.

The same bands, boxes, glyphs, marks, lines, labels and legend as ui/estate_map/scene.py, from the
same description (core/estate_style, estate_words, estate_picture), with a title over the map.
One layout point is one point of the figure; the window draws its fonts at 96 pixels to the inch
on a layout whose points are its pixels, so font sizes are scaled by 96/72 to keep the proportions.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.path import Path as Curve
from matplotlib.transforms import Affine2D

from dxplanner.charts.map_text import BOX, HEADING, LEGEND, TITLE, Words, ascent_descent, text_width
from dxplanner.core import estate_style as look
from dxplanner.core.enums import EstateStatus
from dxplanner.core.estate_layout import MapLayout
from dxplanner.core.estate_map import ElementKind, MapLayer, RelationKind
from dxplanner.core.estate_picture import arrow_head, elide_by, legend_lines, line_labels, two_lines, wrapped
from dxplanner.core.estate_words import kind_name, status_name
from dxplanner.i18n import _

HEADING_ROOM = 26.0  # over the bands, for the title
TEXT_LEFT = look.GLYPH + 9  # a box's name starts after its glyph


def picture_box(layout: MapLayout) -> tuple[float, float, float, float]:
    """The picture's left, top, right and bottom in layout points: the map, the title, the legend."""
    right = max(layout.width, look.LEGEND_LEAST_WIDTH) + look.MARGIN
    bottom = layout.height + look.LEGEND_GAP + look.LEGEND_HEIGHT + look.MARGIN
    return (-look.MARGIN, -look.MARGIN - HEADING_ROOM, right, bottom)


def map_figure(layout: MapLayout, heading: str, *, text_as_outlines: bool = False) -> Figure:
    """The map's picture with the heading over it, one figure point to a layout point; its words as
    text, or as the letters' outlines (for a PNG, where no one searches them and they draw faster)."""
    left, top, right, bottom = picture_box(layout)
    figure = Figure(figsize=((right - left) / 72, (bottom - top) / 72), dpi=72, facecolor=look.BACKGROUND)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.set_xlim(left, right)
    axes.set_ylim(bottom, top)  # y down, as the layout's
    words = Words(axes, as_outlines=text_as_outlines)
    ascent, _descent = ascent_descent(HEADING)
    words.put(0, top + look.MARGIN + ascent, heading, HEADING, look.TEXT, 3)
    _draw_bands(axes, words, layout)
    _draw_lines(axes, words, layout)
    _draw_boxes(axes, words, layout)
    _draw_legend(axes, words, layout.height + look.LEGEND_GAP)
    words.finish()
    return figure


def _mpl(colour: str, opacity: int = 255) -> tuple[float, float, float, float]:
    """A "#rrggbb" colour and a 0-255 opacity as matplotlib's RGBA."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return (red, green, blue, opacity / 255)


def _dashes(pen: look.Pen) -> str | tuple[float, tuple[float, float]]:
    # matplotlib scales a pattern by the line's width, as Qt does.
    if pen.dash is look.Dash.DASH:
        return (0.0, (4.0, 2.0))
    if pen.dash is look.Dash.DOT:
        return (0.0, (1.0, 2.0))
    return "solid"


def _rectangle(x: float, y: float, w: float, h: float, radius: float = 0.0) -> Curve:
    """A rectangle's outline, its corners rounded with quarter ellipses as Qt's drawRoundedRect."""
    if radius <= 0:
        return Curve([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)], closed=True)
    r = min(radius, w / 2, h / 2)
    k = r * 0.5523  # a quarter circle as a cubic Bézier
    vertices = [
        (x + r, y), (x + w - r, y),
        (x + w - r + k, y), (x + w, y + r - k), (x + w, y + r),
        (x + w, y + h - r),
        (x + w, y + h - r + k), (x + w - r + k, y + h), (x + w - r, y + h),
        (x + r, y + h),
        (x + r - k, y + h), (x, y + h - r + k), (x, y + h - r),
        (x, y + r),
        (x, y + r - k), (x + r - k, y), (x + r, y),
        (x + r, y),
    ]  # fmt: skip
    line, curve = Curve.LINETO, Curve.CURVE4
    codes = [Curve.MOVETO, line, curve, curve, curve, line, curve, curve, curve, line]
    codes += [curve, curve, curve, line, curve, curve, curve, Curve.CLOSEPOLY]
    return Curve(vertices, codes)


def _draw_bands(axes: Axes, words: Words, layout: MapLayout) -> None:
    paths = [_rectangle(band.x, band.y, band.w, band.h) for band in layout.bands]
    axes.add_collection(
        PathCollection(
            paths,
            facecolors=[look.BAND_FILL[band.layer] for band in layout.bands],
            edgecolors=[look.BAND_EDGE[band.layer] for band in layout.bands],
            linewidths=1.0,
            zorder=0,
        )
    )
    left, top, width = look.TITLE_BOX
    ascent, descent = ascent_descent(TITLE)
    for band in layout.bands:
        for row, said in enumerate(wrapped(band.title, functools.partial(text_width, font=TITLE), width)):
            baseline = band.y + top + ascent + row * (ascent + descent)
            words.put(band.x + left, baseline, said, TITLE, look.BAND_TITLE, 0.5)


def _draw_lines(axes: Axes, words: Words, layout: MapLayout) -> None:
    """A collection per pen, as the window draws a path per pen; the data links' heads and labels."""
    by_pen: dict[look.Pen, list[list[tuple[float, float]]]] = defaultdict(list)
    heads: dict[look.Pen, list[tuple[tuple[float, float], ...]]] = defaultdict(list)
    for line in layout.lines:
        pen = look.relation_pen(line.relation)
        by_pen[pen].append(list(line.points))
        if line.relation.kind is RelationKind.SHARES_DATA:
            heads[pen].append(arrow_head(line))
    for pen, segments in by_pen.items():
        axes.add_collection(
            LineCollection(
                segments,
                colors=[_mpl(pen.colour, pen.opacity)],
                linewidths=pen.width,
                linestyles=_dashes(pen),
                capstyle="projecting",
                joinstyle="bevel",
                zorder=1,
            )
        )
    for pen, polygons in heads.items():
        axes.add_collection(
            PolyCollection(
                [list(polygon) for polygon in polygons],
                facecolors=[_mpl(pen.colour, pen.opacity)],
                edgecolors="none",
                zorder=1,
            )
        )
    labels = line_labels(layout.lines, functools.partial(text_width, font=BOX))
    if not labels:
        return
    axes.add_collection(
        PathCollection(
            [_rectangle(*rect, radius=3) for rect, _words in labels],
            facecolors=[_mpl(*look.LINE_LABEL_FILL)],
            edgecolors="none",
            zorder=1.1,
        )
    )
    ascent, descent = ascent_descent(BOX)
    for (x, y, w, h), said in labels:
        baseline = y + (h - ascent - descent) / 2 + ascent
        words.put(x + w / 2, baseline, said, BOX, look.LINE_LABEL_TEXT, 1.2, centred=True)


def _draw_boxes(axes: Axes, words: Words, layout: MapLayout) -> None:
    boxes = layout.boxes
    pens = [look.box_pen(box.element.status) for box in boxes]
    axes.add_collection(
        PathCollection(
            [_rectangle(b.x, b.y, b.w, b.h, look.box_rounding(b.element.kind)) for b in boxes],
            facecolors=[look.box_fill(b.element.layer, b.element.status) for b in boxes],
            edgecolors=[pen.colour for pen in pens],
            linewidths=[pen.width for pen in pens],
            linestyles=[_dashes(pen) for pen in pens],
            capstyle="projecting",
            joinstyle="bevel",
            zorder=2,
        )
    )
    _draw_late_marks(axes, [(b.x, b.y, b.w) for b in boxes if b.element.late], zorder=2.1)
    _draw_glyphs(axes, [(b.element.kind, b.x + 5, b.y + (b.h - look.GLYPH) / 2, look.GLYPH) for b in boxes])
    advance = functools.partial(text_width, font=BOX)
    elide = elide_by(advance)
    ascent, descent = ascent_descent(BOX)
    for box in boxes:
        name = unicodedata.normalize("NFC", box.element.name)
        first, second = two_lines(name, advance, elide, box.w - look.GLYPH - 12)
        colour = look.box_text(box.element.status)
        x = box.x + TEXT_LEFT
        if second:
            # As the window: the first line on the box's middle, the second under it.
            words.put(x, box.y + box.h / 2 + 1 - descent, first, BOX, colour, 2.3)
            words.put(x, box.y + box.h / 2 + ascent, second, BOX, colour, 2.3)
        else:
            words.put(x, box.y + (box.h - ascent - descent) / 2 + ascent, first, BOX, colour, 2.3)


def _glyph_paths(kind: ElementKind, x: float, y: float, size: float) -> Iterable[Curve]:
    place = Affine2D().scale(size).translate(x, y)
    for shape in look.glyph(kind):
        if isinstance(shape, look.Rect):
            yield place.transform_path(_rectangle(shape.x, shape.y, shape.w, shape.h, shape.radius))
        elif isinstance(shape, look.Ellipse):
            oval = (
                Affine2D()
                .scale(shape.w / 2, shape.h / 2)
                .translate(shape.x + shape.w / 2, shape.y + shape.h / 2)
            )
            yield (oval + place).transform_path(Curve.unit_circle())
        elif isinstance(shape, look.Segment):
            yield place.transform_path(Curve([(shape.x1, shape.y1), (shape.x2, shape.y2)]))
        else:
            vertices, codes = [shape.start], [Curve.MOVETO]
            for step in shape.steps:
                if len(step) == 2:
                    vertices.append((step[0], step[1]))
                    codes.append(Curve.LINETO)
                else:
                    vertices += [(step[0], step[1]), (step[2], step[3])]
                    codes += [Curve.CURVE3, Curve.CURVE3]
            vertices.append(shape.start)
            codes.append(Curve.CLOSEPOLY)
            yield place.transform_path(Curve(vertices, codes))


def _draw_glyphs(axes: Axes, glyphs: list[tuple[ElementKind, float, float, float]]) -> None:
    paths = [path for kind, x, y, size in glyphs for path in _glyph_paths(kind, x, y, size)]
    if paths:
        axes.add_collection(
            PathCollection(
                paths, facecolors=look.GLYPH_FILL, edgecolors=look.GLYPH_EDGE, linewidths=1.0, zorder=2.2
            )
        )


def _draw_late_marks(axes: Axes, corners: list[tuple[float, float, float]], zorder: float) -> None:
    """A red disc with "!" on each box's top right corner (core/estate_style's late mark)."""
    if not corners:
        return
    centres = [look.late_mark_centre(x, y, w) for x, y, w in corners]
    radius = look.LATE_RADIUS
    discs = [
        Affine2D().scale(radius).translate(cx, cy).transform_path(Curve.unit_circle()) for cx, cy in centres
    ]
    axes.add_collection(
        PathCollection(discs, facecolors=look.LATE, edgecolors="#ffffff", linewidths=1.2, zorder=zorder)
    )
    top, bottom = look.LATE_BAR
    bars = [[(cx, cy + top), (cx, cy + bottom)] for cx, cy in centres]
    dots = [[(cx, cy + look.LATE_DOT), (cx, cy + look.LATE_DOT + 0.01)] for cx, cy in centres]
    axes.add_collection(
        LineCollection(
            bars + dots, colors="#ffffff", linewidths=2.0, capstyle="projecting", zorder=zorder + 0.01
        )
    )


def _draw_legend(axes: Axes, words: Words, y: float) -> None:
    """What the outlines, the marks, the shapes and the lines mean, under the bands (as the window's)."""
    ascent, _descent = ascent_descent(LEGEND)
    x = 8.0

    def word(x: float, top: float, text: str) -> float:
        words.put(x, y + top + ascent, text, LEGEND, look.TEXT, 2.3)
        return x + text_width(text, LEGEND) + 16

    for status in EstateStatus:
        pen = look.box_pen(status)
        axes.add_collection(
            PathCollection(
                [_rectangle(x, y + 8, 22, 14)],
                facecolors=look.box_fill(MapLayer.APPLICATIONS, status),
                edgecolors=pen.colour,
                linewidths=pen.width,
                linestyles=_dashes(pen),
                capstyle="projecting",
                zorder=2,
            )
        )
        x = word(x + 28, 8, status_name(status))
    _draw_late_marks(axes, [(x - 4, y + 10, 8)], zorder=2.1)
    x = word(x + 12, 8, _("late"))
    for kind in ElementKind:
        _draw_glyphs(axes, [(kind, x, y + 9, 12)])
        x = word(x + 17, 8, kind_name(kind))
    x = 8.0
    for relation, said in legend_lines():
        pen = look.relation_pen(relation)
        axes.add_collection(
            LineCollection(
                [[(x, y + 46), (x + 30, y + 46)]],
                colors=[_mpl(pen.colour, pen.opacity)],
                linewidths=pen.width,
                linestyles=_dashes(pen),
                capstyle="projecting",
                zorder=2,
            )
        )
        x = word(x + 36, 39, said)
