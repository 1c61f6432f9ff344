"""Tasks by responsible unit: how many are done, on track, at risk, late or not started, unit by unit."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from dxplanner.charts.limits import bars_measured_together
from dxplanner.charts.margins import keep_margins
from dxplanner.charts.style import HEALTH_COLOURS, clear_plot, mark_reusable, new_figure, reusable, say_empty
from dxplanner.core.dashboard import UnitLoad
from dxplanner.core.status import Health
from dxplanner.i18n import _
from dxplanner.labels import label

STACK = (Health.DONE, Health.ON_TRACK, Health.AT_RISK, Health.LATE, Health.NOT_STARTED)
MOST_UNITS = 15


def units_height(units: int) -> float:
    """The chart's height in inches for so many units: a bar each, up to MOST_UNITS."""
    return max(2.5, 0.3 * min(units, MOST_UNITS) + 1.5)


def units_figure(units: Sequence[UnitLoad], by_lateness: bool = True, reuse: Figure | None = None) -> Figure:
    """Stacked bars per lead unit, the latest first (or by name); beyond 15 units the rest are summed.

    Given the units chart drawn before (`reuse`), it draws the new numbers on it.
    """
    shown = sorted(units, key=lambda load: (-load.late, -load.total, load.unit) if by_lateness else load.unit)
    if len(shown) > MOST_UNITS:
        rest: dict[Health, int] = {}
        for load in shown[MOST_UNITS - 1 :]:
            for health, count in load.counts.items():
                rest[health] = rest.get(health, 0) + count
        shown = [*shown[: MOST_UNITS - 1], UnitLoad(_("Other units"), rest)]
    longest = max((len(load.unit) for load in shown), default=4)
    # Room for the unit names, the axis and the legend below, whatever size the figure is given.
    margins = {"left": 0.3 + 0.075 * longest, "right": 0.2, "top": 0.4, "bottom": 1.2}
    figure = reusable(reuse, "units") if shown else None
    if figure is not None:
        axes = figure.axes[0]
        clear_plot(axes)
        keep_margins(figure, **margins)
    else:
        figure = new_figure(6.4, units_height(len(units)), fixed=True)
        keep_margins(figure, **margins)
        axes = figure.add_subplot()
        figure.suptitle(_("Tasks by lead unit"), x=0.02, ha="left", fontsize=11)
        if not shown:
            say_empty(axes)
            return figure
        axes.set_xlabel(_("tasks"))
        axes.tick_params(axis="y", labelsize=8)
    mark_reusable(figure, "units")
    # Rows by number, named by their ticks: categories would keep the names of a chart drawn before.
    rows = list(range(len(shown)))
    left = [0] * len(shown)
    # The limits of the numbers drawn before go with their bars.
    with bars_measured_together(axes):
        for health in STACK:
            counts = [load.counts.get(health, 0) for load in reversed(shown)]
            colour = HEALTH_COLOURS[health]
            axes.barh(rows, counts, left=left, color=colour, label=label(health), gid=health.value)
            left = [start + count for start, count in zip(left, counts, strict=True)]
    axes.set_yticks(rows, [load.unit for load in reversed(shown)])
    axes.autoscale_view()
    if not figure.legends:
        # Below the chart, so that it never hides a bar; the same standings whatever the numbers.
        # Two to a row: three of the Vietnamese names ran past the edge of a half-width chart.
        figure.legend(loc="lower center", ncols=2, fontsize=8, frameon=False)
    return figure
