"""How the estate map looks, as plain values: colours by layer, outlines by status, pens by relation,
a glyph by kind, the late mark and the sizes of its words.

Qt-free, so that the window's map (ui/estate_map) and the map drawn to a file (charts/estate_map)
draw the same picture from one description. Sizes are in the layout's points, which the window
draws as pixels at scale 1; font sizes are in the window's points, at 96 pixels to the inch.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from dxplanner.core.enums import DataLinkVia, EstateStatus
from dxplanner.core.estate_map import ElementKind, MapLayer, MapRelation, RelationKind

# The layers' colours as architects know them from ArchiMate: services yellow, applications blue,
# technology green; data and security told apart from them.
LAYER_FILL = {
    MapLayer.SERVICES: "#fff4c4",
    MapLayer.APPLICATIONS: "#d4eafc",
    MapLayer.DATA: "#e6def7",
    MapLayer.PLATFORMS: "#cdeedd",
    MapLayer.INFRASTRUCTURE: "#dcedc8",
    MapLayer.SECURITY: "#fbdcd6",
}
# The bands a shade lighter than their boxes, edged a shade darker (Qt's lighter(112) and
# darker(125) of LAYER_FILL, written out so that a drawing without Qt has the same).
BAND_FILL = {
    MapLayer.SERVICES: "#fffae3",
    MapLayer.APPLICATIONS: "#f2f9ff",
    MapLayer.DATA: "#fcfbff",
    MapLayer.PLATFORMS: "#e7fff3",
    MapLayer.INFRASTRUCTURE: "#f2ffe2",
    MapLayer.SECURITY: "#fff5f4",
}
BAND_EDGE = {
    MapLayer.SERVICES: "#ccc39d",
    MapLayer.APPLICATIONS: "#aabbca",
    MapLayer.DATA: "#b8b2c6",
    MapLayer.PLATFORMS: "#a4beb1",
    MapLayer.INFRASTRUCTURE: "#b0bea0",
    MapLayer.SECURITY: "#c9b0ab",
}
BAND_TITLE = "#37474f"
TEXT = "#1c2329"
RETIRED_TEXT = "#8a8f94"
LATE = "#c62828"
SELECTED = "#1565c0"
BACKGROUND = "#ffffff"
GLYPH_EDGE = "#37474f"
GLYPH_FILL = "#ffffff"
LINE_LABEL_TEXT = "#37474f"
LINE_LABEL_FILL = ("#ffffff", 225)  # colour, opacity 0-255: the lines show faintly through

# Words, in the window's points.
BOX_FONT = 7.5
TITLE_FONT = 9.0  # a band's title, bold
LEGEND_FONT = 8.0
HEADING_FONT = 12.0  # a file's title over the map, bold
SCREEN_DPI = 96.0  # the window draws a point as 96/72 of the layout's points

# Sizes in the layout's points.
GLYPH = 13.0
LEGEND_HEIGHT = 64.0
LEGEND_GAP = 10.0  # between the bands and the legend
LEGEND_LEAST_WIDTH = 900.0
MARGIN = 16.0  # around the whole picture
TITLE_BOX = (6.0, 6.0, 100.0)  # a band's title: left, top, width
LINE_LABEL_HEIGHT = 12.0
LATE_RADIUS = 6.5
LATE_BAR = (-3.5, 0.8)  # the "!": its bar from and to, and its dot, below the disc's centre
LATE_DOT = 3.2

# A picture file as sharp as a screen at 1.5 times, but no larger than this many pixels: a
# 1,000-element map at 1.5 times took 4 s to write, most of it compressing 20 million pixels.
PNG_SCALE = 1.5
PNG_MOST_PIXELS = 12_000_000


class Dash(enum.StrEnum):
    """A pen's pattern, as Qt draws it: a dash 4 widths long and a gap of 2; a dot 1 and 2."""

    SOLID = "solid"
    DASH = "dash"
    DOT = "dot"


@dataclass(frozen=True, slots=True)
class Pen:
    """How an outline or a line is stroked."""

    colour: str
    width: float
    dash: Dash = Dash.SOLID
    opacity: int = 255  # 0-255


def box_pen(status: EstateStatus) -> Pen:
    """Running: a plain outline; planned: dashed (not there yet); being built: heavy orange;
    retired: grey dots."""
    if status is EstateStatus.PLANNED:
        return Pen("#3949ab", 1.4, Dash.DASH)
    if status is EstateStatus.BUILDING:
        return Pen("#e65100", 2.4)
    if status is EstateStatus.RETIRED:
        return Pen("#9e9e9e", 1.2, Dash.DOT)
    return Pen("#546e7a", 1.0)


def box_fill(layer: MapLayer, status: EstateStatus) -> str:
    """A planned element is still white, a retired one grey; the others take their layer's colour."""
    if status is EstateStatus.PLANNED:
        return "#ffffff"
    if status is EstateStatus.RETIRED:
        return "#eeeeee"
    return LAYER_FILL[layer]


def box_text(status: EstateStatus) -> str:
    """A retired element's name is greyed."""
    return RETIRED_TEXT if status is EstateStatus.RETIRED else TEXT


def box_rounding(kind: ElementKind) -> float:
    """A public service's box is rounded like ArchiMate's service; the others nearly square."""
    return 8.0 if kind is ElementKind.PUBLIC_SERVICE else 2.0


VIA_COLOUR = {DataLinkVia.LGSP: "#1e88e5", DataLinkVia.NDXP: "#8e24aa", DataLinkVia.DIRECT: "#455a64"}


def relation_pen(relation: MapRelation) -> Pen:
    """Data links coloured by the platform they go through; the other relations quiet greys."""
    if relation.kind is RelationKind.SHARES_DATA:
        colour = VIA_COLOUR[relation.via] if relation.via is not None else VIA_COLOUR[DataLinkVia.DIRECT]
        pen = Pen(colour, 1.4)
    elif relation.kind is RelationKind.HOSTED_ON:
        pen = Pen("#7cb342", 1.0, Dash.DOT)
    elif relation.kind is RelationKind.PUBLISHES:
        pen = Pen("#00897b", 1.0, Dash.DASH)
    else:
        # A portal serves hundreds of services: their lines stay faint behind the boxes.
        pen = Pen("#968246", 0.8, opacity=90)
    if relation.status in (EstateStatus.PLANNED, EstateStatus.BUILDING):
        pen = Pen(pen.colour, pen.width, Dash.DASH, pen.opacity)
    elif relation.status is EstateStatus.RETIRED:
        pen = Pen("#c8c8c8", pen.width, pen.dash)
    return pen


def style_key(relation: MapRelation) -> tuple[str, str, str]:
    """Lines with the same key are drawn with the same pen, in one path."""
    return (relation.kind.value, relation.via.value if relation.via else "", relation.status.value)


# A glyph's shapes, in fractions of its square (0 to 1, y down), drawn in order with the glyph's
# pen and fill: the shape says what kind of element a box is, not only the colour.


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    radius: float = 0.0  # rounded corners, in fractions of the square


@dataclass(frozen=True, slots=True)
class Ellipse:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True)
class Outline:
    """A closed outline: straight steps (x, y) and quadratic curves (cx, cy, x, y) from start."""

    start: tuple[float, float]
    steps: tuple[tuple[float, float] | tuple[float, float, float, float], ...]


Shape = Rect | Ellipse | Segment | Outline

GLYPHS: dict[ElementKind, tuple[Shape, ...]] = {
    # a cylinder
    ElementKind.DATABASE: (Rect(0, 0.15, 1, 0.7), Ellipse(0, 0.7, 1, 0.3), Ellipse(0, 0, 1, 0.3)),
    # a globe
    ElementKind.PORTAL: (Ellipse(0, 0, 1, 1), Ellipse(0.3, 0, 0.4, 1), Segment(0, 0.5, 1, 0.5)),
    # a hexagon: many things plug into it
    ElementKind.PLATFORM: (Outline((0.25, 0), ((0.75, 0), (1, 0.5), (0.75, 1), (0.25, 1), (0, 0.5))),),
    # a server: stacked units
    ElementKind.INFRASTRUCTURE: tuple(Rect(0, i / 3, 1, 1 / 3) for i in range(3)),
    # a shield
    ElementKind.SECURITY: (Outline((0.5, 0), ((1, 0.2), (1, 0.8, 0.5, 1), (0, 0.8, 0, 0.2))),),
    # the ArchiMate service: a rounded pill
    ElementKind.PUBLIC_SERVICE: (Rect(0, 0.2, 1, 0.6, radius=0.3),),
    # a page with a folded corner
    ElementKind.OPEN_DATASET: (Outline((0.15, 0), ((0.65, 0), (0.85, 0.25), (0.85, 1), (0.15, 1))),),
    # an application: a window with its title bar
    ElementKind.APPLICATION: (Rect(0, 0, 1, 1), Segment(0, 0.3, 1, 0.3)),
}


def glyph(kind: ElementKind) -> tuple[Shape, ...]:
    """The shapes of a kind's glyph."""
    return GLYPHS.get(kind, GLYPHS[ElementKind.APPLICATION])


def late_mark_centre(x: float, y: float, w: float) -> tuple[float, float]:
    """Where the late mark (a red disc with "!") sits: over the top right corner of a box at x, y, w."""
    return (x + w - 2, y + 2)
