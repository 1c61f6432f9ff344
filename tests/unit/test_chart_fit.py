"""The dashboard's charts at the sizes a 1366 x 768 and a 1920 x 1080 screen give them: every word
shows whole, and no two words lie over each other."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from dxplanner.charts.figures import dashboard_figure
from dxplanner.charts.indicators import kpi_figure
from dxplanner.core.dashboard import DashboardData, DashboardFilter
from dxplanner.i18n import set_language
from dxplanner.store.dashboard_data import dashboard_data
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore

# Each chart's width in inches on the dashboard at each screen size: measured in the window (4.0
# and 8.0 at 1366 pixels, 6.3 and 12.7 at 1920), a little less at 1366 for a side pane dragged
# wider. The progress and units charts share a row; the others span the page.
WIDTHS = {
    "1366x768": {"progress": 3.7, "units": 3.7, "budget": 7.6, "attainment": 7.6, "kpi": 7.6, "few": 7.6},
    "1920x1080": {
        "progress": 6.3,
        "units": 6.3,
        "budget": 12.7,
        "attainment": 12.7,
        "kpi": 12.7,
        "few": 12.7,
    },
}


@pytest.fixture(scope="module")
def demo(demo_template: Path) -> Iterator[PlanStore]:
    store = open_plan_file(demo_template, read_only=True)
    yield store
    store.close()


def _data(store: PlanStore, language: str) -> DashboardData:
    set_language(language)
    with store.read() as session:
        return dashboard_data(session, DashboardFilter(1, datetime.date(2026, 11, 20)))


def _shown_texts(figure: Figure) -> list[tuple[Text, Bbox]]:
    """Every text drawn, with its box: tick labels only for the ticks inside the axis' range."""
    FigureCanvasAgg(figure).draw()
    ticks, drawn = set(), []
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            low, high = sorted(axis.get_view_interval())
            for place, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels(), strict=False):
                ticks.add(id(label))
                if axes.axison and low - 1e-9 <= place <= high + 1e-9:
                    drawn.append(label)
    others = [text for text in figure.findobj(Text) if isinstance(text, Text) and id(text) not in ticks]
    return [
        (text, text.get_window_extent())
        for text in [*others, *drawn]
        if text.get_visible() and text.get_text().strip()
    ]


def _problems(figure: Figure) -> list[str]:
    texts = _shown_texts(figure)
    whole = figure.bbox
    found = [
        f"cut at the edge: {text.get_text()!r}"
        for text, box in texts
        if box.x0 < whole.x0 - 1 or box.x1 > whole.x1 + 1 or box.y0 < whole.y0 - 1 or box.y1 > whole.y1 + 1
    ]
    for (one, box_one), (other, box_other) in combinations(texts, 2):
        # Slanted tick labels lie side by side in boxes that overlap, their letters apart.
        if one.get_rotation() and other.get_rotation():
            continue
        if box_one.overlaps(box_other) and _overlap(box_one, box_other) > 1.0:
            found.append(f"over each other: {one.get_text()!r} and {other.get_text()!r}")
    return found


def _overlap(one: Bbox, other: Bbox) -> float:
    """The overlap's area in pixels (boxes that touch at an edge do not count)."""
    width = min(one.x1, other.x1) - max(one.x0, other.x0)
    height = min(one.y1, other.y1) - max(one.y0, other.y0)
    return float(max(0.0, width) * max(0.0, height))


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("screen", list(WIDTHS))
@pytest.mark.parametrize("kind", ["progress", "units", "budget", "attainment", "kpi", "few"])
def test_every_word_of_a_chart_shows_whole_and_apart(
    demo: PlanStore, kind: str, screen: str, language: str
) -> None:
    data = _data(demo, language)
    # "few": a pillar's or an area's indicators, a chart each, two with the estate's figure.
    figure = kpi_figure(data.indicators[7:16]) if kind == "few" else dashboard_figure(kind, data)
    figure.set_size_inches(WIDTHS[screen][kind], figure.get_size_inches()[1])
    assert _problems(figure) == []
