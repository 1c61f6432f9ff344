"""The map drawn to a file without Qt says what the window's map says: the same words on each box."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxplanner.charts.estate_map import map_figure
from dxplanner.core.estate_layout import layout_map
from dxplanner.core.estate_words import layer_title
from dxplanner.services.estate_view import estate_map
from dxplanner.services.files import open_plan
from dxplanner.ui.estate_map.scene import MapScene

pytestmark = pytest.mark.gui


def test_the_files_boxes_say_the_names_as_the_windows_do(demo_template: Path, qtbot: QtBot) -> None:
    plan = open_plan(demo_template)
    try:
        estate = estate_map(plan, datetime.date(2026, 11, 20))
    finally:
        plan.close()
    layout = layout_map(estate, title=layer_title)
    scene = MapScene(layout)

    shown = [line for item in scene.boxes.values() for line in item.lines if line]
    figure = map_figure(layout, "map")
    drawn = {text.get_text() for text in figure.axes[0].texts}

    # Qt measures with hinting, matplotlib without: a name may break a word apart, never more.
    same = [line for line in shown if line in drawn]
    assert len(shown) > 500
    assert len(same) >= 0.97 * len(shown), sorted(set(shown) - drawn)[:10]
