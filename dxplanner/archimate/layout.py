"""Where the exchange file's diagram puts each element: one band per layer, boxes in rows.

Not the window's map layout: only enough that Archi shows a readable picture when it opens the
file (its users rearrange it there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dxplanner.core.estate_map import MapElement, MapLayer

BOX_WIDTH, BOX_HEIGHT = 140, 55
GAP = 20
COLUMNS = 10  # boxes in a row: 10 fit a wide screen at Archi's 100 %
MARGIN = 20
BAND_TITLE = 30  # room at the top of a band for its label
BAND_WIDTH = 2 * GAP + COLUMNS * BOX_WIDTH + (COLUMNS - 1) * GAP


@dataclass(frozen=True)
class Box:
    """A rectangle on the diagram, in Archi's pixels, from the diagram's top left corner."""

    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class Band:
    """One layer of the map: its rectangle and the boxes of its elements (by element key)."""

    layer: MapLayer
    box: Box
    elements: tuple[tuple[str, Box], ...]


def layered_rows(elements: Sequence[MapElement]) -> list[Band]:
    """The bands of the layers that have elements, top to bottom in the map's order."""
    by_layer: dict[MapLayer, list[MapElement]] = {layer: [] for layer in MapLayer}
    for element in elements:
        by_layer[element.layer].append(element)
    bands: list[Band] = []
    top = MARGIN
    for layer, members in by_layer.items():
        if not members:
            continue
        # A unit's elements side by side, by name, so that a reader finds one as in a list.
        members.sort(
            key=lambda element: ((element.unit_name or "").casefold(), element.name.casefold(), element.key)
        )
        boxes = []
        for position, element in enumerate(members):
            row, column = divmod(position, COLUMNS)
            x = MARGIN + GAP + column * (BOX_WIDTH + GAP)
            y = top + BAND_TITLE + row * (BOX_HEIGHT + GAP)
            boxes.append((element.key, Box(x, y, BOX_WIDTH, BOX_HEIGHT)))
        rows = -(-len(members) // COLUMNS)
        height = BAND_TITLE + rows * (BOX_HEIGHT + GAP)
        bands.append(Band(layer, Box(MARGIN, top, BAND_WIDTH, height), tuple(boxes)))
        top += height + GAP
    return bands
