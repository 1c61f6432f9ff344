"""Progress over time: the share of work planned to be done by each date against the share reported done."""

from __future__ import annotations

import datetime

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

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
    # The gap's label goes on the side of today with more room, never over the axis labels.
    room_on_left = today - days[0] > days[-1] - today
    axes.annotate(
        _("{gap:+.0f} points against the plan").format(gap=-data.gap),
        xy=(today, data.actual_now),
        xytext=(-8 if room_on_left else 8, -22),
        textcoords="offset points",
        ha="right" if room_on_left else "left",
        fontsize=9,
        color="#c62828" if data.gap > 0 else "#2e7d32",
        gid="gap",
    )
    axes.relim()
    axes.autoscale_view()
    axes.set_ylim(0, 105)
    axes.set_ylabel(_("% of the work"))
    axes.xaxis.set_major_locator(MaxNLocator(5))  # month/year labels stay apart in a narrow cell
    axes.xaxis.set_major_formatter(FuncFormatter(_month_label))
    axes.grid(True, alpha=0.3)
    axes.legend(loc="upper left", fontsize=9, frameon=False)
    return figure


def _month_label(value: float, _position: int | None = None) -> str:
    """An axis tick (a day's ordinal) as month/year."""
    day = datetime.date.fromordinal(min(max(1, round(value)), datetime.date.max.toordinal()))
    return f"{day.month:02d}/{day.year}"
