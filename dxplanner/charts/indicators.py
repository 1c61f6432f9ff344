"""Indicators against their targets: small multiples per indicator, and everyone's attainment in one chart."""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from dxplanner.charts.style import ATTAINMENT_COLOURS, new_figure, say_empty
from dxplanner.core.attainment import AttainmentStatus
from dxplanner.core.dashboard import IndicatorData
from dxplanner.i18n import N_, _

STATUS_NAMES = {
    AttainmentStatus.MET: N_("Met"),
    AttainmentStatus.ON_TRACK: N_("On track"),
    AttainmentStatus.BEHIND: N_("Behind"),
    AttainmentStatus.NO_TARGET: N_("No target"),
    AttainmentStatus.NO_VALUE: N_("Not measured"),
}


def kpi_figure(indicators: Sequence[IndicatorData], columns: int | None = None) -> Figure:
    """Each indicator's measured values per year (bars) against the strategy's and the SEDP's targets."""
    count = len(indicators)
    columns = columns or max(1, min(4, math.ceil(math.sqrt(count))))
    rows = max(1, math.ceil(count / columns))
    figure = new_figure(3.2 * columns, 2.3 * rows + 0.4)
    if not indicators:
        axes = figure.add_subplot()
        say_empty(axes, _("No indicators for this choice"))
        return figure
    figure.suptitle(_("Indicators against their targets"), x=0.01, ha="left", fontsize=11)
    grid = figure.subplots(rows, columns, squeeze=False)
    for number, axes in enumerate(grid.flat):
        if number >= count:
            axes.set_axis_off()
            continue
        indicator = indicators[number]
        years = list(indicator.years)
        measured = [value if value is not None else 0.0 for value in indicator.measured]
        colour = ATTAINMENT_COLOURS[indicator.status]
        axes.bar(years, measured, color=colour, alpha=0.75, width=0.6, gid="measured")
        targets = [
            (year, value) for year, value in zip(years, indicator.targets, strict=True) if value is not None
        ]
        if targets:
            axes.plot(
                *zip(*targets, strict=True),
                color="#263238",
                marker="o",
                markersize=3.5,
                linewidth=1,
                gid="target",
            )
        sedp = [
            (year, value)
            for year, value in zip(years, indicator.sedp_targets, strict=True)
            if value is not None
        ]
        if sedp:
            axes.plot(
                *zip(*sedp, strict=True),
                color="#8e24aa",
                marker="D",
                markersize=3.5,
                linestyle="",
                gid="sedp_target",
            )
        axes.set_title(
            f"{indicator.code} · {_(STATUS_NAMES[indicator.status])}", fontsize=8.5, color=colour, loc="left"
        )
        axes.tick_params(labelsize=7)
        axes.set_xticks(years)
        if indicator.measure_unit:
            axes.set_ylabel(indicator.measure_unit, fontsize=7)
    return figure


def attainment_figure(indicators: Sequence[IndicatorData]) -> Figure:
    """Every indicator as one bar: percent of the target reached in the latest year measured, by status."""
    figure = new_figure(6.4, max(2.5, 0.28 * len(indicators) + 1.2))
    axes = figure.add_subplot()
    axes.set_title(_("Attainment of the latest targets"), loc="left", fontsize=11)
    if not indicators:
        say_empty(axes, _("No indicators for this choice"))
        return figure
    # From the bottom: the unmeasured, then the furthest behind up to the best at the top.
    ordered = sorted(indicators, key=lambda item: (item.percent is not None, item.percent or 0.0))
    percents = [min(item.percent, 200.0) if item.percent is not None else 0.0 for item in ordered]
    colours = [ATTAINMENT_COLOURS[item.status] for item in ordered]
    axes.barh([item.code for item in ordered], percents, color=colours, gid="attainment")
    axes.axvline(100, color="#263238", linewidth=1, linestyle="--")
    axes.set_xlabel(_("% of the target"))
    axes.tick_params(axis="y", labelsize=8)
    shown = dict.fromkeys(item.status for item in ordered)
    axes.legend(
        handles=[Patch(color=ATTAINMENT_COLOURS[status], label=_(STATUS_NAMES[status])) for status in shown],
        fontsize=8,
        loc="lower right",
        frameon=False,
    )
    return figure
