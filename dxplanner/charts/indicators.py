"""Indicators against their targets: small multiples per indicator, and everyone's attainment in one chart."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from dxplanner.charts.hover import say_over_row
from dxplanner.charts.margins import keep_margins
from dxplanner.charts.style import ATTAINMENT_COLOURS, DPI, new_figure, say_empty
from dxplanner.core.attainment import AttainmentStatus
from dxplanner.core.dashboard import IndicatorData
from dxplanner.i18n import N_, _
from dxplanner.numbers import decimal_text

STATUS_NAMES = {
    AttainmentStatus.MET: N_("Met"),
    AttainmentStatus.ON_TRACK: N_("On track"),
    AttainmentStatus.BEHIND: N_("Behind"),
    AttainmentStatus.NO_TARGET: N_("No target"),
    AttainmentStatus.NO_VALUE: N_("Not measured"),
    AttainmentStatus.IN_WORDS: N_("Target in words"),
}


# Beyond this many indicators, the small multiples share one set of axes: each chart of its
# own costs matplotlib tens of milliseconds to lay out and draw.
MOST_SEPARATE = 12
CELL_WIDTH, CELL_HEIGHT = 1.0, 1.0
# Five across: six left a heading and the estate's figure on top of each other at 1366 pixels.
GRID_COLUMNS = 5
# How much of an indicator's name a small chart says under its code, at 6 points in a cell of
# 1.5 inches (the dashboard's width at 1366 pixels, five across): two lines, enough to tell
# "… tại cấp huyện" from "… tại cấp xã".
CELL_NAME_LINE = 30


def _columns(count: int) -> int:
    """How many charts side by side for so many indicators, each in a chart of its own."""
    return max(1, min(4, math.ceil(math.sqrt(count))))


# Over each chart: a line of the name or the estate's figure (points), and the space between
# the lines and the plot.
SMALL_LINE, TITLE_PAD = 11.0, 4.0


def kpi_height(count: int, columns: int | None = None) -> float:
    """The indicators chart's height in inches for so many indicators."""
    if count > MOST_SEPARATE:
        return 1.05 * math.ceil(count / GRID_COLUMNS) + 0.5
    rows = max(1, math.ceil(count / (columns or _columns(count))))
    return 2.6 * rows + 0.4  # with two lines over each chart besides its heading


def attainment_height(count: int) -> float:
    """The attainment chart's height in inches for so many indicators."""
    return max(2.5, 0.18 * count + 1.2)


def kpi_figure(indicators: Sequence[IndicatorData], columns: int | None = None) -> Figure:
    """Each indicator's measured values per year (bars) against the strategy's and the SEDP's targets."""
    if len(indicators) > MOST_SEPARATE:
        return compact_kpi_figure(indicators)
    count = len(indicators)
    columns = columns or _columns(count)
    rows = max(1, math.ceil(count / columns))
    figure = new_figure(3.2 * columns, kpi_height(count, columns))
    if not indicators:
        axes = figure.add_subplot()
        say_empty(axes, _("No indicators for this choice"))
        return figure
    figure.suptitle(_("Indicators against their targets"), x=0.01, ha="left", fontsize=11)
    grid = figure.subplots(rows, columns, squeeze=False)
    # The name's characters that fit over a chart at 7 points, four across at 1366 pixels or fewer.
    name_room = 28 if columns >= 4 else 36
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
        # Over each chart: the code and standing, what the code stands for, and the estate's figure
        # (beside the standing it ran into it on a narrow chart; over the plot it would hide the
        # last target).
        estate = _estate_text(indicator, with_unit=True)
        axes.set_title(
            f"{indicator.code} · {_(STATUS_NAMES[indicator.status])}",
            fontsize=8.5,
            color=colour,
            loc="left",
            pad=TITLE_PAD + 2 * SMALL_LINE,
        )
        # The name right under the heading, the estate's figure (if any) under the name.
        for text, lines_up, tint, gid in (
            (cut_at_word(indicator.name, name_room), 1, "#455a64", f"name:{indicator.code}"),
            (estate, 0, "#263238", f"estate_figure:{indicator.code}"),
        ):
            if text:
                place = offset_copy(
                    axes.transAxes, figure, y=TITLE_PAD + lines_up * SMALL_LINE, units="points"
                )
                axes.text(0, 1, text, fontsize=7, color=tint, va="bottom", transform=place, gid=gid)
        axes.tick_params(labelsize=7)
        axes.set_xticks(years)
        if indicator.measure_unit:
            axes.set_ylabel(indicator.measure_unit, fontsize=7)
        said = _statements(indicator)
        if said:
            # Targets in words, or with a comparison or scope, are said as written, over the bars.
            backing = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.5}
            axes.text(0.02, 0.03, said, transform=axes.transAxes, fontsize=6.5, va="bottom", ha="left",
                      wrap=True, color="#263238", gid="target_text", bbox=backing)  # fmt: skip
        if not any(value is not None for value in (*indicator.measured, *indicator.targets)):
            axes.set_yticks([])  # words only: no scale to read
    return figure


def _estate_text(indicator: IndicatorData, *, with_unit: bool) -> str | None:
    """The figure measured from the estate on the dashboard's day (it may fall after the strategy's
    last year, where no bar shows it); a unit other than % only where there is room for it."""
    if indicator.estate_figure is None:
        return None
    unit = indicator.measure_unit or ""
    value = decimal_text(indicator.estate_figure)
    if unit == "%":
        value += unit
    elif unit and with_unit:
        value += f" {unit}"
    return _("Estate now: {value}").format(value=value)


def _statements(indicator: IndicatorData) -> str:
    """The targets written in words (or with a comparison or scope), year by year, one line each."""
    return "\n".join(
        f"{year}: {said}" for year, said in zip(indicator.years, indicator.target_texts, strict=False) if said
    )


# How much of an indicator's name the attainment chart says beside its code: enough to tell
# "… tại cấp huyện" from "… tại cấp xã", short enough to leave the bars most of the width.
ATTAINMENT_NAME = 48
LABEL_INCHES_PER_CHARACTER = 0.058  # at the tick labels' 7 points (measured 0.054)


def attainment_label(indicator: IndicatorData) -> str:
    """The indicator's code and, beside it, its name (its start, where it is long)."""
    name = cut_at_word(indicator.name, ATTAINMENT_NAME)
    return f"{indicator.code} {name}" if name else indicator.code


def attainment_figure(indicators: Sequence[IndicatorData]) -> Figure:
    """Every indicator as one bar: percent of the target reached in the latest year measured, by status."""
    figure = new_figure(6.4, attainment_height(len(indicators)), fixed=True)
    # From the bottom: the unmeasured, then the furthest behind up to the best at the top.
    ordered = sorted(indicators, key=lambda item: (_bar_length(item) is not None, _bar_length(item) or 0.0))
    labels = [attainment_label(item) for item in ordered]
    longest = max((len(text) for text in labels), default=4)
    # Room for the codes and names and the axis, whatever size the dashboard gives the figure.
    keep_margins(figure, left=0.25 + LABEL_INCHES_PER_CHARACTER * longest, right=0.2, top=0.45, bottom=0.6)
    axes = figure.add_subplot()
    # Over the whole figure, from its left edge as the other charts' titles: over the plot it began
    # past the indicators' names. Placed, not fitted (fitting a title measures every tick label).
    figure.suptitle(_("Attainment of the latest targets"), x=0.01, ha="left", fontsize=11)
    if not indicators:
        say_empty(axes, _("No indicators for this choice"))
        return figure
    percents = [_bar_length(item) or 0.0 for item in ordered]
    colours = [ATTAINMENT_COLOURS[item.status] for item in ordered]
    # Rows by number, named by their ticks: two indicators may share a name's start.
    rows = list(range(len(ordered)))
    bars = axes.barh(rows, percents, color=colours, gid="attainment")
    for bar, item in zip(bars, ordered, strict=True):
        # The label beside the bar may be cut short: the whole name is there when the mouse rests on it.
        say_over_row(figure, bar, attainment_words(item))
    axes.set_yticks(rows, labels)
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.axvline(100, color="#263238", linewidth=1, linestyle="--")
    axes.set_xlabel(_("% of the target"))
    axes.tick_params(axis="y", labelsize=7)
    shown = dict.fromkeys(item.status for item in ordered)
    axes.legend(
        handles=[Patch(color=ATTAINMENT_COLOURS[status], label=_(STATUS_NAMES[status])) for status in shown],
        fontsize=8,
        loc="lower right",
        frameon=False,
    )
    return figure


TIP_WIDTH = 72  # characters to a line of a row's tooltip


def attainment_words(indicator: IndicatorData) -> str:
    """The indicator's code and whole name, then where it stands: what its row of the chart says in full."""
    standing = _(STATUS_NAMES[indicator.status])
    if indicator.percent is not None:
        standing = _("{percent} of the target · {standing}").format(
            percent=decimal_text(round(indicator.percent, 1)) + "%", standing=standing
        )
    # In lines of a readable length: a tooltip is one line as long as its text otherwise.
    return textwrap.fill(f"{indicator.code} {indicator.name}", TIP_WIDTH) + f"\n{standing}"


def cut_at_word(text: str, most: int) -> str:
    """The text, or where it is longer than `most` characters its start up to a word's end, with "…"."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    start = text[: most - 1]
    space = start.rfind(" ")
    if space > most // 2:  # a long word is cut inside rather than leaving half the room empty
        start = start[:space]
    return start.rstrip(" ,;:-–(") + "…"


def in_two_lines(text: str, width: int) -> str:
    """The text in at most two lines of about `width` characters, the second cut with "…" if need be."""
    lines = textwrap.wrap(" ".join(text.split()), width)
    if len(lines) <= 2:
        return "\n".join(lines)
    return lines[0] + "\n" + cut_at_word(" ".join(lines[1:]), width)


def _shortened(text: str, most: int = 30) -> str:
    """A statement cut to what a small cell holds."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _bar_length(indicator: IndicatorData) -> float | None:
    """The percent drawn: capped so one runaway does not squash the rest; a target met with no
    percent to give (a "lower is better" target of zero, say) is drawn as reached."""
    if indicator.percent is not None:
        return min(indicator.percent, 200.0)
    return 100.0 if indicator.status is AttainmentStatus.MET else None


def compact_kpi_figure(indicators: Sequence[IndicatorData], columns: int = GRID_COLUMNS) -> Figure:
    """Many indicators as small charts on one set of axes, each scaled to its own largest value.

    Bars are the measured values per year, dots the strategy's targets, diamonds the SEDP's;
    each cell's heading is coloured by where the indicator stands.
    """
    rows = math.ceil(len(indicators) / columns)
    figure = Figure(figsize=(1.6 * columns, 1.05 * rows + 0.5), dpi=DPI)
    figure.subplots_adjust(left=0.01, right=0.99, top=1 - 0.45 / (1.05 * rows + 0.5), bottom=0.01)
    figure.suptitle(_("Indicators against their targets"), x=0.01, ha="left", fontsize=11)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_xlim(0, columns * CELL_WIDTH)
    axes.set_ylim(rows * CELL_HEIGHT, 0)
    bar_x, bar_height, bar_bottom, bar_colours = [], [], [], []
    target_x, target_y, sedp_x, sedp_y = [], [], [], []
    for number, indicator in enumerate(indicators):
        left, top = (number % columns) * CELL_WIDTH, (number // columns) * CELL_HEIGHT
        years = len(indicator.years) or 1
        known = [
            value
            for value in (*indicator.measured, *indicator.targets, *indicator.sedp_targets)
            if value is not None
        ]
        largest = max(known, default=0.0) or 1.0
        # The cell: a heading line and the name, then the chart in the lower part, scaled to the
        # largest value.
        base, height = top + 0.94 * CELL_HEIGHT, 0.42 * CELL_HEIGHT
        step = 0.9 * CELL_WIDTH / years
        colour = ATTAINMENT_COLOURS[indicator.status]
        for slot, value in enumerate(indicator.measured):
            if value is not None:
                bar_x.append(left + 0.05 + (slot + 0.5) * step)
                bar_height.append(-height * max(0.0, value) / largest)
                bar_bottom.append(base)
                bar_colours.append(colour)
        for slot, value in enumerate(indicator.targets):
            if value is not None:
                target_x.append(left + 0.05 + (slot + 0.5) * step)
                target_y.append(base - height * value / largest)
        for slot, value in enumerate(indicator.sedp_targets):
            if value is not None:
                sedp_x.append(left + 0.05 + (slot + 0.5) * step)
                sedp_y.append(base - height * value / largest)
        percent = f" {indicator.percent:.0f}%" if indicator.percent is not None else ""
        axes.text(
            left + 0.05, top + 0.14, f"{indicator.code}{percent}", fontsize=7.5, color=colour, va="center"
        )
        # What the code stands for, so that a manager need not know what CT13 is.
        axes.text(left + 0.05, top + 0.22, in_two_lines(indicator.name, CELL_NAME_LINE), fontsize=6,
                  color="#455a64", va="top", linespacing=1.1, gid=f"name:{indicator.code}")  # fmt: skip
        estate = _estate_text(indicator, with_unit=False)
        if estate:
            axes.text(left + 0.95 * CELL_WIDTH, top + 0.14, estate, fontsize=6, color="#263238", va="center",
                      ha="right", gid=f"estate_figure:{indicator.code}")  # fmt: skip
        written = [
            (year, said) for year, said in zip(indicator.years, indicator.target_texts, strict=False) if said
        ]
        if written and indicator.status in (AttainmentStatus.IN_WORDS, AttainmentStatus.NO_TARGET):
            # No percent to give: the last target as written says what is aimed at instead.
            year, said = written[-1]
            axes.text(left + 0.05, top + 0.58, _shortened(f"{year}: {said}"), fontsize=6, color=colour,
                      va="center", gid="target_text")  # fmt: skip
    axes.bar(bar_x, bar_height, bottom=bar_bottom, width=0.6 * 0.9 * CELL_WIDTH / 5, color=bar_colours,
             alpha=0.75, gid="measured")  # fmt: skip
    axes.plot(target_x, target_y, linestyle="", marker="o", markersize=2.5, color="#263238", gid="target")
    if sedp_x:
        axes.plot(
            sedp_x, sedp_y, linestyle="", marker="D", markersize=2.5, color="#8e24aa", gid="sedp_target"
        )
    return figure
