"""Budget: planned, allocated and disbursed money by funding source, by year and by lead unit."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from dxplanner.charts.limits import bars_measured_together
from dxplanner.charts.margins import keep_margins
from dxplanner.charts.style import clear_plot, mark_reusable, money_scale, new_figure, reusable, say_empty
from dxplanner.core.budget import Money
from dxplanner.core.dashboard import BudgetData
from dxplanner.i18n import _

COLOURS = ("#90a4ae", "#2563c9", "#2e7d32")  # planned, allocated, disbursed
MOST_UNITS = 8
BUDGET_HEIGHT = 3.6  # inches


def budget_figure(data: BudgetData, reuse: Figure | None = None) -> Figure:
    """Three panels of grouped bars, amounts in tỷ or triệu đồng as their size calls for.

    Given the budget chart drawn before (`reuse`), it draws the new numbers on it.
    """
    panels = [
        (_("By funding source"), [(name, money) for name, money in data.by_source]),
        (_("By year"), [(str(year), money) for year, money in data.by_year]),
        (
            _("By lead unit"),
            [(name or _("(no lead unit)"), money) for name, money in data.by_unit[:MOST_UNITS]],
        ),
    ]
    filled = all(rows for _title, rows in panels)
    figure = reusable(reuse, "budget") if filled else None
    if figure is None:
        figure = new_figure(9.6, BUDGET_HEIGHT, fixed=True)
        keep_margins(figure, left=0.95, right=0.1, top=0.58, bottom=1.15, wspace=0.32)
        figure.suptitle(_("Budget"), x=0.01, ha="left", fontsize=11)
    # Money may be allocated or spent beyond what was planned (or with nothing planned).
    largest = max(
        (
            max(money.planned, money.allocated, money.disbursed)
            for _title, rows in panels
            for _name, money in rows
        ),
        default=0,
    )
    divisor, unit = money_scale(float(largest))
    reused = len(figure.axes) == len(panels)
    for number, (title, rows) in enumerate(panels):
        if reused:
            axes = figure.axes[number]
            clear_plot(axes)
        else:
            axes = figure.add_subplot(1, 3, number + 1)
            # Placed, not fitted: nothing lies above the panel, and fitting a title measures every tick label.
            axes.set_title(title, fontsize=9, loc="left", y=1.0)
        if not rows:
            say_empty(axes)
            continue
        with bars_measured_together(axes):  # the limits of the numbers drawn before go with their bars
            _grouped(axes, rows, divisor)
        axes.autoscale_view()
        axes.set_ylabel(unit, fontsize=8)
    if not figure.legends and any(axes.containers for axes in figure.axes):
        # On the title's line at the right, where no bar reaches: inside a panel it hid the bars
        # of whichever corner it took once every bar was tall.
        handles, labels = next(axes for axes in figure.axes if axes.containers).get_legend_handles_labels()
        figure.legend(
            handles, labels, loc="upper right", bbox_to_anchor=(1, 1), ncols=3, fontsize=7, frameon=False
        )
    if filled:
        mark_reusable(figure, "budget")
    return figure


def _grouped(axes: Axes, rows: Sequence[tuple[str, Money]], divisor: float) -> None:
    positions = range(len(rows))
    width = 0.27
    for shift, (name, colour, field) in enumerate(
        (
            (_("Planned"), COLOURS[0], "planned"),
            (_("Allocated"), COLOURS[1], "allocated"),
            (_("Disbursed"), COLOURS[2], "disbursed"),
        )
    ):
        axes.bar(
            [position + (shift - 1) * width for position in positions],
            [getattr(money, field) / divisor for _label, money in rows],
            width=width,
            color=colour,
            label=name,
            gid=name,
        )
    axes.set_xticks(list(positions))
    axes.set_xticklabels([label for label, _money in rows], rotation=30, ha="right", fontsize=7)
    axes.tick_params(axis="y", labelsize=7)
