"""The window's first layout for its width: how wide the navigator is, and whether the details show."""

from __future__ import annotations

# Below this width the details fold away (F7 brings them back): the row and the chart come first.
DETAILS_FROM_WIDTH = 1600
DETAILS_WIDTH = 400  # the details' labels in Vietnamese ("Ngày kết thúc theo kế hoạch gốc") and a date
DETAILS_FLOOR = 340  # the narrowest the details open (their tables' titles and buttons fit)
NARROW_NAVIGATOR = 220
WIDE_NAVIGATOR = 240


def first_layout(window_width: int) -> tuple[int, int]:
    """The navigator's width and the details' width (0: folded away) for a window this wide."""
    if window_width < DETAILS_FROM_WIDTH:
        return NARROW_NAVIGATOR, 0
    return WIDE_NAVIGATOR, DETAILS_WIDTH
