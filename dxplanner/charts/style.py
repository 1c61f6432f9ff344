"""What the dashboard's charts share: colours by standing, money in readable units, the empty notice."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from dxplanner.core.attainment import AttainmentStatus
from dxplanner.core.status import Health
from dxplanner.i18n import _, current_language

# The same colours as the Gantt chart, so a late task is the same red everywhere.
HEALTH_COLOURS = {
    Health.DONE: "#2e7d32",
    Health.ON_TRACK: "#2563c9",
    Health.AT_RISK: "#d18f00",
    Health.LATE: "#c62828",
    Health.NOT_STARTED: "#8a8f98",
    Health.PAUSED: "#7b5e57",
    Health.CANCELLED: "#b8b8b8",
}
ATTAINMENT_COLOURS = {
    AttainmentStatus.MET: "#2e7d32",
    AttainmentStatus.ON_TRACK: "#2563c9",
    AttainmentStatus.BEHIND: "#c62828",
    AttainmentStatus.NO_TARGET: "#b8b8b8",
    AttainmentStatus.NO_VALUE: "#b8b8b8",
    AttainmentStatus.IN_WORDS: "#6d4c41",
}
PLANNED_COLOUR = "#607d8b"
# Dots per inch of every chart: a chart's height in inches times this is its height on screen.
DPI = 100
TODAY_COLOUR = "#e53935"


def new_figure(width: float = 6.4, height: float = 4.0, fixed: bool = False) -> Figure:
    """A figure that fits a dashboard cell, laid out so labels are not cut.

    Fixed figures keep set margins instead: matplotlib's layout engine costs a third of the
    drawing time of a chart with many labels, and the dashboard redraws on every change.
    """
    return Figure(figsize=(width, height), dpi=DPI, layout=None if fixed else "constrained")


def clear_plot(axes: Axes) -> None:
    """Take the plotted shapes, lines, texts and legend off the axes, keeping the axes and their ticks.

    A chart redrawn with new numbers reuses its axes: making them anew, with their ticks, is
    most of the cost of building a chart, and a filter changes only the numbers.
    """
    for artist in [*axes.patches, *axes.lines, *axes.texts, *axes.collections]:
        artist.remove()
    axes.containers.clear()
    legend = axes.get_legend()
    if legend is not None:
        legend.remove()


def reusable(figure: Figure | None, kind: str) -> Figure | None:
    """The figure, if it is a chart of this kind with data that can take new numbers, drawn in the
    language spoken now (else None): its titles and legend stay as they were drawn."""
    return figure if figure is not None and figure.get_label() == _reuse_label(kind) else None


def mark_reusable(figure: Figure, kind: str) -> None:
    """Mark the figure as a chart of this kind, in this language, that can take new numbers."""
    figure.set_label(_reuse_label(kind))


def _reuse_label(kind: str) -> str:
    # The language is part of the mark: a figure drawn before a change of language would keep
    # its words in the old one.
    return f"{kind}:{current_language()}"


def say_empty(axes: Axes, message: str | None = None) -> None:
    """An empty chart says so, rather than showing bare axes."""
    axes.set_axis_off()
    axes.text(0.5, 0.5, message or _("No data for this choice"), ha="center", va="center", color="#6b7078")


def money_scale(largest: float) -> tuple[float, str]:
    """The divisor and unit that make amounts in đồng readable: tỷ đồng, triệu đồng or đồng."""
    if largest >= 1e9:
        return 1e9, _("billion đồng")
    if largest >= 1e6:
        return 1e6, _("million đồng")
    return 1.0, _("đồng")
