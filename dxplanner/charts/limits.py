"""The data limits of a bar chart that takes new numbers on the axes it has: set by the new bars alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import Bbox


@contextmanager
def bars_measured_together(axes: Axes) -> Iterator[None]:
    """Add the bars of the block, then set the axes' data limits from them alone at its end.

    The limits are those that `relim` finds after the bars (the numbers drawn before count no
    more), worked out from the bars' corners at once: matplotlib measures each bar as it is
    added by walking its outline, two thirds of a bar chart's redraw. Only for axes whose
    every shape with data is a bar added in the block, in data coordinates.
    """
    before = {id(patch) for patch in axes.patches}
    axes.dataLim.ignore(True)
    axes.dataLim.set_points(Bbox.null().get_points())
    axes.ignore_existing_data_limits = True
    # Shadows the method on this axes alone, for the block.
    axes._update_patch_limits = _not_measured  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del axes._update_patch_limits  # type: ignore[attr-defined]
    corners = []
    for patch in axes.patches:
        # As matplotlib does: a bar of no width and no height sets no limit (one of either does).
        if id(patch) in before or not isinstance(patch, Rectangle):
            continue
        if patch.get_width() or patch.get_height():
            x, y = patch.get_x(), patch.get_y()
            corners += [(x, y), (x + patch.get_width(), y + patch.get_height())]
    if corners:
        axes.update_datalim(corners)


def _not_measured(_patch: Patch) -> None:
    """Measured with the others at the end of the block."""
