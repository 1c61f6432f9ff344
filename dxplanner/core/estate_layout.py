"""Where the estate map's bands, boxes and lines go: the guide's layered picture, as plain numbers.

Pure geometry in points, no Qt: the window's map view draws it, and other exporters can draw the
same picture. One horizontal band per layer, top to bottom; a band's elements in columns, a unit's
elements side by side, ordered so that related elements line up across bands (barycentre sweeps,
keeping the order whose lines are shortest); wide bands wrap into more rows so that the picture
stays about 1.6 times as wide as it is tall, like a screen.

Lines are straight from edge to edge (a same-row line bends over the row, in the gap above it).
Straight lines stay easy to follow with the eye; an orthogonal router would draw many lines over
one another in the same channels, where no one can tell them apart, and costs far more time.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dxplanner.core.estate_map import EstateMap, MapElement, MapLayer, MapRelation

Point = tuple[float, float]

# Sizes in points (1/72 inch): a box holds a name of about 24 characters at 8 points.
BOX_WIDTH = 136.0
BOX_HEIGHT = 34.0
GAP_X = 12.0  # between columns
GAP_Y = 12.0  # between rows: same-row lines run here
TITLE_WIDTH = 112.0  # the band's title, on its left
BAND_PADDING = 12.0
BAND_GAP = 6.0
EMPTY_BAND_HEIGHT = 40.0
ASPECT = 1.6  # width / height of a screen
SWEEPS = 4  # barycentre passes (down and up each); the gain after four is small


@dataclass(frozen=True, slots=True)
class Box:
    """An element's rectangle (x, y its top-left corner)."""

    element: MapElement
    x: float
    y: float
    w: float
    h: float
    row: int
    column: int

    @property
    def key(self) -> str:
        return self.element.key

    @property
    def centre(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)


@dataclass(frozen=True, slots=True)
class Band:
    """A layer's band across the picture, with its title."""

    layer: MapLayer
    title: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Line:
    """A relation drawn as a polyline from its source's edge to its target's."""

    relation: MapRelation
    points: tuple[Point, ...]


@dataclass(frozen=True)
class MapLayout:
    """The whole picture: its size, the bands, the boxes and the lines."""

    width: float
    height: float
    bands: tuple[Band, ...]
    boxes: tuple[Box, ...]
    lines: tuple[Line, ...]

    def box_of(self) -> dict[str, Box]:
        """The boxes by element key."""
        return {box.key: box for box in self.boxes}


def layout_map(
    estate: EstateMap,
    *,
    title: Callable[[MapLayer], str] = str,
    aspect: float = ASPECT,
    sweeps: int = SWEEPS,
) -> MapLayout:
    """Lay the map out; title names a layer (the caller's language), sweeps=0 keeps the name order."""
    by_layer: dict[MapLayer, list[MapElement]] = {layer: [] for layer in MapLayer}
    for element in estate.elements:
        by_layer[element.layer].append(element)
    present = {element.key for element in estate.elements}
    relations = [r for r in estate.relations if r.source in present and r.target in present]
    neighbours: dict[str, list[str]] = defaultdict(list)
    for relation in relations:
        if relation.source != relation.target:
            neighbours[relation.source].append(relation.target)
            neighbours[relation.target].append(relation.source)
    columns = _columns_for(by_layer, aspect)
    # The first order: by unit, then by name (what a reader would look for without any relation).
    orders = {
        layer: sorted(elements, key=lambda e: (e.unit_name or "\uffff", e.unit_id or 0, e.name, e.key))
        for layer, elements in by_layer.items()
    }
    places = {layer: _place(order, columns, None) for layer, order in orders.items()}
    centre_x = _centres(places)
    best, best_cost = dict(places), _cost(relations, centre_x)
    sequence = list(MapLayer)
    for sweep in range(sweeps):
        for layer in sequence if sweep % 2 == 0 else reversed(sequence):
            order = _by_barycentre(orders[layer], neighbours, centre_x)
            orders[layer] = order
            places[layer] = _place(order, columns, centre_x)
            for key, column in places[layer].items():
                centre_x[key] = _column_x(column[1])
        cost = _cost(relations, centre_x)
        if cost < best_cost:
            best, best_cost = dict(places), cost
    return _build(by_layer, best, relations, columns, title)


def total_line_length(layout: MapLayout) -> float:
    """The sum of the horizontal spans of the lines (what the ordering shortens)."""
    return sum(abs(line.points[0][0] - line.points[-1][0]) for line in layout.lines)


def _columns_for(by_layer: dict[MapLayer, list[MapElement]], aspect: float) -> int:
    """The number of columns whose picture is closest to the aspect (width over height)."""
    counts = [len(elements) for elements in by_layer.values()]
    widest = max(counts, default=0)
    best, best_miss = 1, math.inf
    for columns in range(1, max(widest, 1) + 1):
        width, height = _size(counts, columns)
        miss = abs(math.log(width / height / aspect))
        if miss < best_miss:
            best, best_miss = columns, miss
    return best


def _size(counts: Sequence[int], columns: int) -> tuple[float, float]:
    used = min(columns, max(counts, default=1)) or 1
    width = TITLE_WIDTH + used * (BOX_WIDTH + GAP_X) + BAND_PADDING
    height = sum(_band_height(math.ceil(count / columns)) for count in counts) + BAND_GAP * (len(counts) - 1)
    return width, height


def _band_height(rows: int) -> float:
    if rows == 0:
        return EMPTY_BAND_HEIGHT
    return 2 * BAND_PADDING + rows * BOX_HEIGHT + (rows - 1) * GAP_Y


def _column_x(column: int) -> float:
    return TITLE_WIDTH + column * (BOX_WIDTH + GAP_X) + BOX_WIDTH / 2


def _place(
    order: list[MapElement], columns: int, centre_x: dict[str, float] | None
) -> dict[str, tuple[int, int]]:
    """Rows and columns of a band's elements in order: filled column by column (so that the order
    runs left to right across every row), the columns spread towards where they want to be."""
    if not order:
        return {}
    rows = math.ceil(len(order) / columns)
    used = math.ceil(len(order) / rows)
    chunks = [order[i * rows : (i + 1) * rows] for i in range(used)]
    at = list(range(used))
    if centre_x is not None and used < columns:
        # Each column as near as it can be to the mean place of its elements' relations, in order.
        wanted = []
        for chunk in chunks:
            xs = [centre_x[e.key] for e in chunk if e.key in centre_x]
            mean = sum(xs) / len(xs) if xs else _column_x(0)
            wanted.append(round((mean - _column_x(0)) / (BOX_WIDTH + GAP_X)))
        for i, want in enumerate(wanted):
            at[i] = max(want, at[i - 1] + 1 if i else 0)
        for i in reversed(range(used)):
            at[i] = min(at[i], columns - used + i, at[i + 1] - 1 if i + 1 < used else columns - 1)
    return {element.key: (row, at[i]) for i, chunk in enumerate(chunks) for row, element in enumerate(chunk)}


def _centres(places: dict[MapLayer, dict[str, tuple[int, int]]]) -> dict[str, float]:
    return {key: _column_x(column) for place in places.values() for key, (_row, column) in place.items()}


def _by_barycentre(
    order: list[MapElement], neighbours: dict[str, list[str]], centre_x: dict[str, float]
) -> list[MapElement]:
    """The band's elements by the mean place of what they relate to, a unit's elements together."""
    wish: dict[str, float] = {}
    for element in order:
        xs = [centre_x[other] for other in neighbours.get(element.key, ()) if other in centre_x]
        wish[element.key] = sum(xs) / len(xs) if xs else centre_x[element.key]
    groups: dict[int | None, list[MapElement]] = defaultdict(list)
    for element in order:
        groups[element.unit_id].append(element)
    ranked = sorted(groups.values(), key=lambda group: sum(wish[e.key] for e in group) / len(group))
    return [element for group in ranked for element in sorted(group, key=lambda e: wish[e.key])]


def _cost(relations: list[MapRelation], centre_x: dict[str, float]) -> float:
    return sum(abs(centre_x[r.source] - centre_x[r.target]) for r in relations)


def _build(
    by_layer: dict[MapLayer, list[MapElement]],
    places: dict[MapLayer, dict[str, tuple[int, int]]],
    relations: list[MapRelation],
    columns: int,
    title: Callable[[MapLayer], str],
) -> MapLayout:
    counts = [len(elements) for elements in by_layer.values()]
    width, _height = _size(counts, columns)
    bands: list[Band] = []
    boxes: list[Box] = []
    y = 0.0
    for layer, elements in by_layer.items():
        place = places[layer]
        rows = max((row for row, _column in place.values()), default=-1) + 1
        height = _band_height(rows)
        bands.append(Band(layer, title(layer), 0.0, y, width, height))
        for element in elements:
            row, column = place[element.key]
            boxes.append(
                Box(
                    element,
                    TITLE_WIDTH + column * (BOX_WIDTH + GAP_X),
                    y + BAND_PADDING + row * (BOX_HEIGHT + GAP_Y),
                    BOX_WIDTH,
                    BOX_HEIGHT,
                    row,
                    column,
                )
            )
        y += height + BAND_GAP
    height = y - BAND_GAP
    box_of = {box.key: box for box in boxes}
    return MapLayout(width, height, tuple(bands), tuple(boxes), _lines(relations, box_of))


def _lines(relations: list[MapRelation], box_of: dict[str, Box]) -> tuple[Line, ...]:
    """Each relation from an edge of its source to an edge of its target; the lines that leave one
    edge are spread along it in the order of their other ends, so that they do not cross there."""
    # (box key, edge) -> [(the other end's x, relation index, which end)]
    edges: dict[tuple[str, str], list[tuple[float, int, int]]] = defaultdict(list)
    sides: list[tuple[str, str]] = []
    for index, relation in enumerate(relations):
        a, b = box_of[relation.source], box_of[relation.target]
        if a.y == b.y:  # the same row: over the top of the row
            side_a = side_b = "top"
        elif a.y < b.y:
            side_a, side_b = "bottom", "top"
        else:
            side_a, side_b = "top", "bottom"
        sides.append((side_a, side_b))
        edges[(a.key, side_a)].append((b.centre[0], index, 0))
        edges[(b.key, side_b)].append((a.centre[0], index, 1))
    ends: dict[tuple[int, int], Point] = {}
    for (key, side), leaving in edges.items():
        box = box_of[key]
        leaving.sort()
        step = box.w / (len(leaving) + 1)
        y = box.y if side == "top" else box.y + box.h
        for k, (_x, index, which) in enumerate(leaving):
            ends[(index, which)] = (box.x + step * (k + 1), y)
    lines = []
    for index, relation in enumerate(relations):
        start, end = ends[(index, 0)], ends[(index, 1)]
        if sides[index] == ("top", "top"):
            over = start[1] - GAP_Y / 2
            lines.append(Line(relation, (start, (start[0], over), (end[0], over), end)))
        else:
            lines.append(Line(relation, (start, end)))
    return tuple(lines)
