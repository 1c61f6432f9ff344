"""What a chart says when the mouse rests on one of its rows: the whole of what it drew cut short."""

from __future__ import annotations

from weakref import WeakKeyDictionary, ref

from matplotlib.artist import Artist
from matplotlib.figure import Figure

# By figure, the parts that have words to say and the words: kept beside the figure, not on it,
# and gone with it. The parts weakly too: they hold their figure, which would then never go.
_ROWS: WeakKeyDictionary[Figure, list[tuple[ref[Artist], str]]] = WeakKeyDictionary()


def say_over_row(figure: Figure, part: Artist, words: str) -> None:
    """Say the words when the mouse is on the part's row: the part itself, or its label to its left."""
    _ROWS.setdefault(figure, []).append((ref(part), words))


def words_at(figure: Figure, x: float, y: float) -> str | None:
    """The words of the row under the point (in the figure's pixels, from its bottom left), if any.

    The figure must have been drawn: rows are found where they were drawn.
    """
    for held, words in _ROWS.get(figure, ()):
        part = held()
        axes = part.axes if part is not None else None
        if part is None or axes is None:  # taken off its chart since
            continue
        drawn = part.get_window_extent()
        if drawn.y0 <= y <= drawn.y1 and 0 <= x <= axes.bbox.x1:
            return words
    return None
