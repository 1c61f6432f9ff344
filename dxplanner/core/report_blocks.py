"""The official report as blocks any renderer can draw: paragraphs, short rules, side-by-side columns, tables.

What the document says and how it is laid out on the page (Decree 30/2020's A4, margins, face
and sizes) is decided once, here and in `report_sections`; the Word writer and the PDF printer
only turn these blocks into their own calls, so the two files cannot say different things.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

# Decree 30/2020, appendix I: Times New Roman, the body in 13 or 14 points; tables a little smaller.
FONT = "Times New Roman"
BODY_SIZE = 14
TABLE_SIZE = 12


@dataclass(frozen=True)
class Page:
    """The sheet and its margins, in centimetres."""

    width: float = 21.0
    height: float = 29.7
    top: float = 2.0
    bottom: float = 2.0
    left: float = 3.0
    right: float = 1.5

    @property
    def text_width(self) -> float:
        """The width the text runs in (16.5 cm on A4 within Decree 30's margins)."""
        return round(self.width - self.left - self.right, 4)


# Decree 30: A4; top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm. Page numbers at the top
# centre, from the second page on.
A4 = Page()


class Align(enum.StrEnum):
    """How a paragraph's lines sit between its margins."""

    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: its runs, their size in points, its alignment and spacing (points; the indent in cm)."""

    runs: tuple[Run, ...]
    size: float = BODY_SIZE
    align: Align = Align.LEFT
    indent: float = 0.0  # the first line's, in centimetres
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False  # a section's heading is not left alone at a page's foot

    @property
    def text(self) -> str:
        """The paragraph's text, its runs joined."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Rule:
    """The short line Decree 30 draws under the agency's name, the motto and the title.

    It is as wide as its column less `inset` cm on each side, on a line `size` points high.
    """

    inset: float
    size: float


Line = Paragraph | Rule


@dataclass(frozen=True)
class Columns:
    """Things set side by side without lines (the heading, the signature); widths are relative."""

    widths: tuple[float, ...]
    cells: tuple[tuple[Line, ...], ...]


@dataclass(frozen=True)
class Cell:
    """One cell of a table of figures."""

    text: str
    bold: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Table:
    """A table of figures with lines, its heading row repeated on each page; widths are relative."""

    widths: tuple[float, ...]
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]


Block = Paragraph | Columns | Table | Rule


@dataclass(frozen=True)
class ReportBlocks:
    """The whole document: its page and its blocks in order."""

    blocks: tuple[Block, ...]
    page: Page = A4


def scaled(widths: tuple[float, ...], total: float) -> list[float]:
    """Relative widths as lengths that add up to total (rounded, so that equal inputs give equal lengths)."""
    whole = sum(widths)
    return [round(total * width / whole, 4) for width in widths]
