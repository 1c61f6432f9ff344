"""The progress chart's gap label ("-7 points against the plan") sits in an empty place, legible."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from dxplanner.charts.progress import progress_figure
from dxplanner.core.dashboard import DashboardFilter, ProgressData
from dxplanner.store.dashboard_data import dashboard_data
from dxplanner.store.plan_file import open_plan_file

START = datetime.date(2026, 1, 1)
MONTHS = 12


def _curves(today_month: int, planned_now: float, actual_now: float) -> ProgressData:
    """A year's plan, planned straight up to 100%, reported as far as `today_month` then flat."""
    dates = tuple(datetime.date(2026, month, 1) for month in range(1, MONTHS + 1))
    planned = tuple(100.0 * step / (MONTHS - 1) for step in range(MONTHS))
    now = today_month - 1
    # Reported: rising steadily to today's value, the same after today (nothing reported ahead).
    actual = tuple(actual_now * min(step, now) / now if now else actual_now for step in range(MONTHS))
    planned = (*planned[:now], planned_now, *planned[now + 1 :])
    return ProgressData(dates, planned, actual, dates[now], planned_now, actual_now)


SHAPES = {
    "behind": _curves(7, 54.5, 40.0),
    "ahead": _curves(7, 54.5, 70.0),
    "at the start": _curves(1, 0.0, 0.0),
    "just after the start, behind": _curves(2, 9.1, 2.0),
    "at the end, behind": _curves(12, 100.0, 80.0),
    "at the end, done": _curves(12, 100.0, 100.0),
    "on plan": _curves(6, 45.5, 45.5),
}


def _label(figure: Figure) -> Text:
    (label,) = [text for text in figure.axes[0].texts if text.get_gid() == "gap"]
    assert isinstance(label, Text)
    return label


def _label_box(figure: Figure) -> Bbox:
    """Where the label shows, its backing with it."""
    label = _label(figure)
    patch = label.get_bbox_patch()
    return label.get_window_extent() if patch is None else patch.get_window_extent()


def _assert_clear(figure: Figure) -> None:
    FigureCanvasAgg(figure).draw()
    axes = figure.axes[0]
    box = _label_box(figure)
    crossed = [
        line.get_gid()
        for line in axes.get_lines()
        if line.get_gid() in ("planned", "actual", "today")
        and line.get_transform().transform_path(line.get_path()).intersects_bbox(box, filled=False)
    ]
    assert crossed == []
    # Inside the plot, clear of the legend: over neither the axis labels nor the curves' names.
    assert axes.bbox.contains(box.x0, box.y0) and axes.bbox.contains(box.x1, box.y1)
    legend = axes.get_legend()
    assert legend is not None and not legend.get_window_extent().overlaps(box)
    # On a white backing, so that the grid does not run through its words.
    patch = _label(figure).get_bbox_patch()
    assert patch is not None and patch.get_facecolor()[:3] == (1.0, 1.0, 1.0)


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("size", [(6.4, 4.0), (4.6, 4.0), (9.0, 4.0)])
def test_the_gap_label_crosses_no_line_whatever_the_curves(shape: str, size: tuple[float, float]) -> None:
    figure = progress_figure(SHAPES[shape])
    figure.set_size_inches(*size)
    _assert_clear(figure)


@pytest.mark.parametrize("plan_id", [None, 6])
def test_the_gap_label_crosses_no_line_on_the_demo(demo_path: Path, plan_id: int | None) -> None:
    store = open_plan_file(demo_path, read_only=True)
    try:
        with store.read() as session:
            data = dashboard_data(session, DashboardFilter(1, datetime.date(2026, 11, 20), plan_id=plan_id))
    finally:
        store.close()
    for width in (4.6, 6.4):  # the chart's width on a 1366 and a 1920 pixel screen
        figure = progress_figure(data.progress, data.title)
        figure.set_size_inches(width, 4.0)
        _assert_clear(figure)
