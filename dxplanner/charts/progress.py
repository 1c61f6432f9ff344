"""Progress over time: the share of work planned to be done by each date against the share reported done."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import cast

from matplotlib.axis import Axis
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import Bbox

from dxplanner.charts.margins import keep_margins
from dxplanner.charts.style import (
    PLANNED_COLOUR,
    TODAY_COLOUR,
    clear_plot,
    mark_reusable,
    new_figure,
    reusable,
    say_empty,
)
from dxplanner.core.dashboard import ProgressData
from dxplanner.i18n import _

PROGRESS_HEIGHT = 4.0  # inches


def progress_figure(data: ProgressData, title: str = "", reuse: Figure | None = None) -> Figure:
    """Planned and actual curves in percent, today marked and the gap between them labelled.

    Given the progress chart drawn before (`reuse`), it draws the new numbers on it.
    """
    heading = _("Progress over time")
    if title:
        # A strategy's full name runs to a hundred characters: keep the start.
        heading = title if len(title) <= 44 else title[:43].rstrip() + "…"
    figure = reusable(reuse, "progress") if data.dates else None
    if figure is not None:
        axes = figure.axes[0]
        clear_plot(axes)
    else:
        figure = new_figure(height=PROGRESS_HEIGHT, fixed=True)
        keep_margins(figure, left=0.8, right=0.2, top=0.4, bottom=0.5)
        axes = figure.add_subplot()
    # Over the whole figure, not the plot: the axis labels take room on the left of a narrow chart.
    figure.suptitle(heading, x=0.02, ha="left", fontsize=11)
    if not data.dates:
        say_empty(axes, _("No dated tasks for this choice"))
        return figure
    mark_reusable(figure, "progress")
    # Days as their ordinals: plain numbers, labelled as months by the formatter below.
    days = [float(day.toordinal()) for day in data.dates]
    today = float(data.as_of.toordinal())
    axes.plot(days, data.planned, color=PLANNED_COLOUR, linestyle="--", label=_("Planned"), gid="planned")
    axes.plot(days, data.actual, color="#2563c9", linewidth=2, label=_("Reported"), gid="actual")
    axes.axvline(today, color=TODAY_COLOUR, linestyle=":", linewidth=1.2, gid="today")
    axes.add_artist(
        GapLabel(
            _("{gap:+.0f} points against the plan").format(gap=-data.gap),
            today,
            (data.planned_now, data.actual_now),
            color="#c62828" if data.gap > 0 else "#2e7d32",
        )
    )
    axes.relim()
    axes.autoscale_view()
    axes.set_ylim(0, 105)
    axes.set_ylabel(_("% of the work"))
    axes.xaxis.set_major_locator(MonthTicks())  # month/year labels stay apart in a narrow cell
    axes.xaxis.set_major_formatter(FuncFormatter(_month_label))
    axes.grid(True, alpha=0.3)
    axes.legend(loc="upper left", fontsize=9, frameon=False)
    return figure


class MonthTicks(MaxNLocator):
    """Up to five month/year ticks, fewer where the axis is too short for them to stand apart: the
    dashboard gives the chart the width the window has, known only when it is drawn."""

    # A "09/2022" label at the axis' font size, and the space beside it, in points.
    LABEL_POINTS = 62.0

    def __call__(self) -> Sequence[float]:
        axis = self.axis
        figure = axis.get_figure(root=True) if isinstance(axis, Axis) else None
        if isinstance(axis, Axis) and figure is not None:
            length = axis.axes.bbox.width * 72.0 / figure.dpi
            self.set_params(nbins=max(1, min(5, int(length / self.LABEL_POINTS) - 1)))
        return super().__call__()


def _month_label(value: float, _position: int | None = None) -> str:
    """An axis tick (a day's ordinal) as month/year."""
    day = datetime.date.fromordinal(min(max(1, round(value)), datetime.date.max.toordinal()))
    return f"{day.month:02d}/{day.year}"


# The label's distance from today's points and from the plot's edges, in points.
GAP_SPACE = 6.0
GAP_PAD = 2.0  # the white backing's margin around the words, in points
GRID_STEPS = 12  # places tried across and down the plot when neither side of today is free


class GapLabel(Text):
    """How far the reported progress is from the plan, in a free place near today.

    The place is chosen at every draw, at the size the chart is drawn at: first above both curves
    left of today (they only rise, so nothing lies there) when behind the plan, below both right
    of today when ahead; else the free place nearest today. Free: off the curves, today's line
    and the legend, inside the plot.
    """

    def __init__(self, text: str, today: float, now: tuple[float, float], color: str) -> None:
        backing = {"facecolor": "white", "edgecolor": "none", "alpha": 0.9, "pad": GAP_PAD}
        super().__init__(0, 0, text, ha="left", va="bottom", fontsize=9, color=color, gid="gap", bbox=backing)
        self._today = today
        self._low, self._high = min(now), max(now)
        self._behind = now[0] > now[1]
        self._words = text

    def draw(self, renderer: RendererBase) -> None:
        if self.axes is not None and self.get_visible():
            self._place(renderer)
        super().draw(renderer)

    def _place(self, renderer: RendererBase) -> None:
        # On one line if it fits somewhere free, else on two (a narrow chart); failing both, on
        # one line where the curves cross it least.
        words = self._words
        for text in (words, _in_two_lines(words)):
            self.set_text(text)
            found = self._free_place(renderer)
            if found is not None:
                break
        else:
            self.set_text(words)
            found = self._free_place(renderer, strict=False)
        assert found is not None
        self.set_position(found)

    def _free_place(self, renderer: RendererBase, strict: bool = True) -> tuple[float, float] | None:
        """Where the words (in data coordinates) would cross nothing, or None; not strict, where
        they cross the fewest curves inside the plot."""
        axes = self.axes
        assert axes is not None
        pad = cast(float, renderer.points_to_pixels(GAP_PAD))
        space = cast(float, renderer.points_to_pixels(GAP_SPACE))
        words = super().get_window_extent(renderer)
        width, height = words.width + 2 * pad, words.height + 2 * pad
        plot = axes.bbox
        x, high = axes.transData.transform((self._today, self._high))
        low = axes.transData.transform((self._today, self._low))[1]
        above_left = (x - space - width, high + space)
        below_right = (x + space, low - space - height)
        preferred = [above_left, below_right] if self._behind else [below_right, above_left]
        # Then every place on a grid over the plot, the nearest to today's points first.
        room_x, room_y = plot.width - width - 2 * space, plot.height - height - 2 * space
        across = [plot.x0 + space + step * room_x / GRID_STEPS for step in range(GRID_STEPS + 1)]
        down = [plot.y0 + space + step * room_y / GRID_STEPS for step in range(GRID_STEPS + 1)]
        middle = (high + low) / 2
        grid = sorted(
            ((left, bottom) for left in across for bottom in down),
            key=lambda place: abs(place[0] + width / 2 - x) + abs(place[1] + height / 2 - middle),
        )
        lines = [
            line.get_transform().transform_path(line.get_path())
            for line in axes.get_lines()
            if line.get_gid() in ("planned", "actual", "today")
        ]
        legend = axes.get_legend()
        taken = [legend.get_window_extent(renderer)] if legend is not None else []
        best: tuple[int, tuple[float, float]] | None = None
        for left, bottom in [*preferred, *grid]:
            box = Bbox.from_bounds(left, bottom, width, height)
            if not _inside(box, plot) or any(other.overlaps(box) for other in taken):
                continue
            crossed = sum(line.intersects_bbox(box, filled=False) for line in lines)
            if crossed == 0:
                best = (0, (left, bottom))
                break
            if not strict and (best is None or crossed < best[0]):
                best = (crossed, (left, bottom))
        if best is None:
            if strict:
                return None
            best = (0, preferred[0])
        left, bottom = best[1]
        place = axes.transData.inverted().transform((left + pad, bottom + pad))
        return float(place[0]), float(place[1])


def _in_two_lines(text: str) -> str:
    """The text broken at the space nearest its middle."""
    spaces = [at for at, letter in enumerate(text) if letter == " "]
    if not spaces:
        return text
    at = min(spaces, key=lambda space: abs(space - len(text) / 2))
    return text[:at] + "\n" + text[at + 1 :]


def _inside(box: Bbox, plot: Bbox) -> bool:
    return bool(plot.x0 <= box.x0 and box.x1 <= plot.x1 and plot.y0 <= box.y0 and box.y1 <= plot.y1)
