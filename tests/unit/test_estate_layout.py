"""The estate map's layout: bands in the guide's order, boxes that never overlap, a unit's elements
together, related elements brought in line, and lines that start and end on their boxes' edges."""

from __future__ import annotations

import datetime
from itertools import combinations, groupby

import pytest

from bench.estate_sample import sample_map
from dxplanner.core.enums import EstateStatus
from dxplanner.core.estate_layout import MapLayout, layout_map, total_line_length
from dxplanner.core.estate_map import ElementKind, EstateMap, MapElement, MapLayer, MapRelation, RelationKind


def element(key: str, kind: ElementKind, unit: int | None = None) -> MapElement:
    return MapElement(key, "system", int(key.split(":")[1]), kind, key, None, unit, f"unit {unit}", None,
                      EstateStatus.RUNNING)  # fmt: skip


@pytest.fixture(scope="module")
def layout() -> MapLayout:
    return layout_map(sample_map(320))


def test_every_layer_has_its_band_top_to_bottom_in_the_guides_order(layout: MapLayout) -> None:
    assert [band.layer for band in layout.bands] == list(MapLayer)
    for upper, lower in zip(layout.bands, layout.bands[1:], strict=False):
        assert upper.y + upper.h <= lower.y


def test_boxes_sit_in_their_own_band_and_never_overlap(layout: MapLayout) -> None:
    band_of = {band.layer: band for band in layout.bands}
    assert len(layout.boxes) == 320
    for box in layout.boxes:
        band = band_of[box.element.layer]
        assert band.x <= box.x and box.x + box.w <= band.x + band.w
        assert band.y <= box.y and box.y + box.h <= band.y + band.h
    for a, b in combinations(layout.boxes, 2):
        apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
        assert apart, (a.key, b.key)


def test_the_picture_is_about_as_wide_as_a_screen(layout: MapLayout) -> None:
    assert 1.2 < layout.width / layout.height < 2.1


def test_a_units_elements_sit_together_in_each_band(layout: MapLayout) -> None:
    for layer in MapLayer:
        boxes = sorted((box for box in layout.boxes if box.element.layer is layer), key=lambda b: (b.x, b.y))
        units = [unit for unit, _ in groupby(box.element.unit_id for box in boxes)]
        assert len(units) == len(set(units)), layer


def test_ordering_by_relations_shortens_the_lines() -> None:
    estate = sample_map(320)
    by_name = total_line_length(layout_map(estate, sweeps=0))
    assert total_line_length(layout_map(estate)) < 0.9 * by_name


def test_a_related_pair_lines_up_across_bands() -> None:
    # Two applications and two databases; each application uses the database named after the other.
    elements = (
        element("system:1", ElementKind.APPLICATION, 1),
        element("system:2", ElementKind.APPLICATION, 2),
        element("system:3", ElementKind.DATABASE, 2),
        element("system:4", ElementKind.DATABASE, 1),
    )
    relations = (
        MapRelation("r:1", RelationKind.SHARES_DATA, "system:1", "system:3"),
        MapRelation("r:2", RelationKind.SHARES_DATA, "system:2", "system:4"),
    )
    boxes = layout_map(EstateMap(datetime.date(2026, 1, 1), elements, relations)).box_of()
    assert boxes["system:1"].x == boxes["system:3"].x
    assert boxes["system:2"].x == boxes["system:4"].x


def test_lines_run_from_edge_to_edge_of_their_boxes(layout: MapLayout) -> None:
    boxes = layout.box_of()
    assert layout.lines
    for line in layout.lines:
        for key, (x, y) in ((line.relation.source, line.points[0]), (line.relation.target, line.points[-1])):
            box = boxes[key]
            assert box.x < x < box.x + box.w
            assert y in (box.y, box.y + box.h)


def test_lines_to_elements_not_on_the_map_are_left_out_and_an_empty_map_lays_out() -> None:
    elements = (element("system:1", ElementKind.APPLICATION, 1),)
    relations = (MapRelation("r:1", RelationKind.HOSTED_ON, "system:1", "system:9"),)
    layout = layout_map(EstateMap(datetime.date(2026, 1, 1), elements, relations))
    assert layout.lines == ()
    empty = layout_map(EstateMap(datetime.date(2026, 1, 1), (), ()))
    assert empty.boxes == () and len(empty.bands) == len(MapLayer) and empty.height > 0


def test_bands_carry_the_callers_titles() -> None:
    layout = layout_map(EstateMap(datetime.date(2026, 1, 1), (), ()), title=lambda layer: layer.upper())
    assert layout.bands[0].title == "SERVICES"
