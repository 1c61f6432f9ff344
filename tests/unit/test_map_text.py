"""Words on the estate map's figure: widths as matplotlib lays text out, outlines where its text goes."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.textpath import text_to_path

from dxplanner.charts.map_text import BOX, TITLE, Words, text_width

NAMES = ["Cấp giấy chứng nhận huấn luyện", "Đăng ký tạm trú", "Hệ thống thông tin", "LGSP", "AVA To", "Ở ỹ ự"]


@pytest.mark.parametrize("name", NAMES)
def test_a_width_is_the_one_matplotlib_lays_the_text_out_with(name: str) -> None:
    for font in (BOX, TITLE):
        expected, _height, _descent = text_to_path.get_text_width_height_descent(name, font, ismath=False)
        assert text_width(name, font) == pytest.approx(expected, abs=0.01)


def _drawn(as_outlines: bool, centred: bool) -> tuple[float, float]:
    """Where a name drawn at x=50 on baseline 40 spans across, in points."""
    figure = Figure(figsize=(4, 1), dpi=72)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 288)
    axes.set_ylim(72, 0)
    words = Words(axes, as_outlines=as_outlines)
    words.put(50, 40, "Đăng ký khai sinh", BOX, "#1c2329", 2, centred=centred)
    words.finish()
    if as_outlines:
        (collection,) = [child for child in axes.get_children() if isinstance(child, PathCollection)]
        xs = [float(vertex[0]) for path in collection.get_paths() for vertex in np.asarray(path.vertices)]
        return min(xs), max(xs)
    (text,) = [child for child in axes.get_children() if isinstance(child, Text) and child.get_text()]
    extent = text.get_window_extent(FigureCanvasAgg(figure).get_renderer())
    return extent.x0, extent.x1  # one point to a pixel at 72 dots per inch, x from the left edge


@pytest.mark.parametrize("centred", [False, True])
def test_outlines_stand_where_matplotlib_draws_the_text(centred: bool) -> None:
    as_text = _drawn(as_outlines=False, centred=centred)
    as_outlines = _drawn(as_outlines=True, centred=centred)

    # The text's extent runs from its pen to its advance; the outlines' from the first ink to the last.
    assert as_outlines == pytest.approx(as_text, abs=1.5)
    assert as_outlines[1] - as_outlines[0] > 60
