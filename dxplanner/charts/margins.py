"""Chart margins set in inches, kept whatever size the dashboard gives the figure."""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine

# However narrow the chart, the plot keeps at least this share of the width.
MOST_LEFT_SHARE = 0.45


class InchMargins(LayoutEngine):
    """Sets the subplot margins from inches at every draw: labels keep their room when the chart is
    resized, without the cost of measuring every label as matplotlib's constrained layout does."""

    _adjust_compatible = True
    _colorbar_gridspec = True

    def __init__(self, left: float, right: float, top: float, bottom: float, wspace: float = 0.2) -> None:
        super().__init__()
        self._params = {"left": left, "right": right, "top": top, "bottom": bottom, "wspace": wspace}

    def set(self, **kwargs: Any) -> None:
        """Change some of the margins (inches)."""
        self._params.update(kwargs)

    def execute(self, fig: Any) -> None:
        """Place the subplots for the figure's size now."""
        width, height = fig.get_size_inches()
        margins = self._params
        left = min(MOST_LEFT_SHARE, margins["left"] / width)
        bottom = min(0.45, margins["bottom"] / height)
        fig.subplots_adjust(
            left=left,
            right=max(left + 0.1, 1 - margins["right"] / width),
            bottom=bottom,
            top=max(bottom + 0.1, 1 - margins["top"] / height),
            wspace=margins["wspace"],
        )


def keep_margins(
    figure: Figure, left: float, right: float, top: float, bottom: float, wspace: float = 0.2
) -> None:
    """Give the figure margins in inches, and apply them now so the figure reads right before drawing."""
    engine = InchMargins(left, right, top, bottom, wspace)
    figure.set_layout_engine(engine)
    engine.execute(figure)
