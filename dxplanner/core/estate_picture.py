"""What both drawings of the estate map work out alike: names on two lines, arrow heads, the links'
labels and the legend's entries. Qt-free: the caller measures text in its own fonts."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from dxplanner.core.enums import DataLinkVia, EstateStatus
from dxplanner.core.estate_layout import Line
from dxplanner.core.estate_map import MapRelation, RelationKind
from dxplanner.core.estate_style import LINE_LABEL_HEIGHT
from dxplanner.core.estate_words import relation_name, via_name
from dxplanner.i18n import _

Advance = Callable[[str], float]  # the width of a text in the caller's font
Elide = Callable[[str, float], str]  # a text cut at the end with "…" to fit a width
Rectangle = tuple[float, float, float, float]  # x, y, w, h

ELLIPSIS = "…"
LABEL_CELL = 48.0
ARROW_SIZE = 7.0


def elide_by(advance: Advance) -> Elide:
    """An elide that cuts a text at its end with "…" so that it fits, as Qt's elidedText does."""

    def elide(text: str, width: float) -> str:
        if advance(text) <= width:
            return text
        low, high = 0, len(text)  # the longest prefix that fits with the ellipsis: binary search
        while low < high:
            middle = (low + high + 1) // 2
            if advance(text[:middle] + ELLIPSIS) <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low] + ELLIPSIS

    return elide


def two_lines(name: str, advance: Advance, elide: Elide, width: float) -> tuple[str, str]:
    """The name on two lines of the box, cut at the end of the second with "…" when longer."""
    words = name.split()
    first = ""
    while words and advance(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one very long word
        return elide(name, width), ""
    rest = " ".join(words)
    return first, elide(rest, width) if rest else ""


def wrapped(text: str, advance: Advance, width: float) -> list[str]:
    """A text broken into lines at spaces, each as wide as fits (a word longer stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and advance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def arrow_head(line: Line) -> tuple[tuple[float, float], ...]:
    """A small head at the taker's end of a data link: its tip and two corners."""
    (x0, y0), (x1, y1) = line.points[-2], line.points[-1]
    angle = math.atan2(y1 - y0, x1 - x0)
    left = (x1 - ARROW_SIZE * math.cos(angle - 0.4), y1 - ARROW_SIZE * math.sin(angle - 0.4))
    right = (x1 - ARROW_SIZE * math.cos(angle + 0.4), y1 - ARROW_SIZE * math.sin(angle + 0.4))
    return ((x1, y1), left, right)


def middle(line: Line) -> tuple[float, float]:
    """Where a line's label goes: its middle, or for a same-row line the middle of its run over the row."""
    (x0, y0), (x1, y1) = (line.points[0], line.points[1]) if len(line.points) == 2 else line.points[1:3]
    return ((x0 + x1) / 2, (y0 + y1) / 2)


def line_labels(lines: tuple[Line, ...], advance: Advance) -> list[tuple[Rectangle, str]]:
    """The platforms' names on the data links, where there is room for them: where links run
    together, one label says it for the bunch (a grid of cells keeps the search short)."""
    labels: list[tuple[Rectangle, str]] = []
    taken: dict[tuple[int, int], list[Rectangle]] = defaultdict(list)
    for line in lines:
        if line.relation.kind is not RelationKind.SHARES_DATA or line.relation.via is None:
            continue
        text = via_name(line.relation.via)
        x, y = middle(line)
        w = advance(text) + 6
        label = (x - w / 2, y - LINE_LABEL_HEIGHT / 2, w, LINE_LABEL_HEIGHT)
        cells = [
            (cx, cy)
            for cx in range(int(label[0] // LABEL_CELL), int((label[0] + label[2]) // LABEL_CELL) + 1)
            for cy in range(int(label[1] // LABEL_CELL), int((label[1] + label[3]) // LABEL_CELL) + 1)
        ]
        if any(_meet(label, other) for cell in cells for other in taken[cell]):
            continue
        for cell in cells:
            taken[cell].append(label)
        labels.append((label, text))
    return labels


def _meet(a: Rectangle, b: Rectangle) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def legend_lines() -> list[tuple[MapRelation, str]]:
    """The legend's second row: a sample of each kind of line and what it means."""
    samples = (
        MapRelation("", RelationKind.SHARES_DATA, "", "", via=DataLinkVia.LGSP),
        MapRelation("", RelationKind.SHARES_DATA, "", "", via=DataLinkVia.NDXP),
        MapRelation("", RelationKind.SHARES_DATA, "", "", via=DataLinkVia.DIRECT),
        MapRelation("", RelationKind.SERVES, "", ""),
        MapRelation("", RelationKind.HOSTED_ON, "", ""),
        MapRelation("", RelationKind.PUBLISHES, "", ""),
        MapRelation("", RelationKind.SHARES_DATA, "", "", status=EstateStatus.PLANNED, via=DataLinkVia.LGSP),
    )
    entries = []
    for relation in samples:
        words = relation_name(relation.kind)
        if relation.via is not None:
            words = f"{words} ({via_name(relation.via)})"
        if relation.status is EstateStatus.PLANNED:
            words = _("planned link")
        entries.append((relation, words))
    return entries
