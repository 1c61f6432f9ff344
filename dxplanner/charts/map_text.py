"""Words on the estate map's figure: their fonts, their widths as matplotlib lays them out, and the
words themselves as text (SVG, PDF: found by a search) or as the letters' outlines (PNG: quick)."""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import Kerning, LoadFlags
from matplotlib.path import Path as Curve

from dxplanner.core import estate_style as look

# DejaVu Sans comes with matplotlib and has every Vietnamese letter; it is also the font the window
# draws with where no other is set, so names wrap at the same words.
FAMILY = "DejaVu Sans"
_REFERENCE = 100.0  # letters are measured and outlined once at this size, then scaled


def _size(points: float) -> float:
    """A window font size in the figure's points (the window draws 96 pixels to the inch)."""
    return points * look.SCREEN_DPI / 72


BOX = FontProperties(family=FAMILY, size=_size(look.BOX_FONT))
TITLE = FontProperties(family=FAMILY, size=_size(look.TITLE_FONT), weight="bold")
LEGEND = FontProperties(family=FAMILY, size=_size(look.LEGEND_FONT))
HEADING = FontProperties(family=FAMILY, size=_size(look.HEADING_FONT), weight="bold")


@functools.cache
def ascent_descent(font: FontProperties) -> tuple[float, float]:
    """The font's ascent and descent in points, as Qt's font metrics give them."""
    face = get_font(findfont(font))
    scale = font.get_size_in_points() / face.units_per_EM
    return face.ascender * scale, -face.descender * scale


@functools.cache
def _per_point(file: str, char: str) -> float:
    """A letter's advance in a font one point high (unhinted, as matplotlib lays text out)."""
    face = get_font(file)
    face.set_size(_REFERENCE, 72)
    glyph = face.load_glyph(face.get_char_index(ord(char)), flags=LoadFlags.NO_HINTING)
    return float(glyph.linearHoriAdvance) / 65536 / _REFERENCE


@functools.cache
def _kerning(file: str, left: str, right: str) -> float:
    face = get_font(file)
    face.set_size(_REFERENCE, 72)
    pair = face.get_kerning(face.get_char_index(ord(left)), face.get_char_index(ord(right)), Kerning.UNFITTED)
    return float(pair) / 64 / _REFERENCE


@functools.cache
def _outline(file: str, char: str) -> tuple[np.ndarray, np.ndarray] | None:
    """A letter's outline in a font one point high, y up; None for a blank."""
    face = get_font(file)
    face.set_size(_REFERENCE, 72)
    face.load_glyph(face.get_char_index(ord(char)), flags=LoadFlags.NO_HINTING)  # a lacking one: a box
    vertices, codes = face.get_path()
    if len(codes) == 0:
        return None
    return np.asarray(vertices, dtype=float) / _REFERENCE, np.asarray(codes, dtype=np.uint8)


def text_width(text: str, font: FontProperties) -> float:
    """How wide a text is drawn in a font, in points: its letters' advances and kerning, cached by
    letter (the same widths as matplotlib's text_to_path, fifty times faster on a map's names)."""
    file = findfont(font)
    letters = sum(_per_point(file, char) for char in text)
    pairs = sum(_kerning(file, left, right) for left, right in itertools.pairwise(text))
    return float(font.get_size_in_points()) * (letters + pairs)


class Words:
    """Puts words on the axes: as matplotlib text, or (as_outlines) as the letters' outlines, filled
    in one collection per colour. matplotlib lays each text out afresh when it draws it, which took
    most of the time of a PNG; outlines of cached letters draw five times faster and look the same."""

    def __init__(self, axes: Axes, as_outlines: bool = False) -> None:
        self.axes = axes
        self.as_outlines = as_outlines
        self._outlines: dict[tuple[str, float], list[Curve]] = defaultdict(list)

    def put(
        self,
        x: float,
        baseline: float,
        text: str,
        font: FontProperties,
        colour: str,
        zorder: float,
        centred: bool = False,
    ) -> None:
        """A text from x (or centred on it) on the baseline, y down as the axes are."""
        if not self.as_outlines:
            # parse_math off: a name with two "$" in it is a name, not a formula.
            self.axes.text(
                x,
                baseline,
                text,
                fontproperties=font,
                color=colour,
                va="baseline",
                ha="center" if centred else "left",
                clip_on=False,
                zorder=zorder,
                parse_math=False,
            )
            return
        if centred:
            x -= text_width(text, font) / 2
        file, size = findfont(font), float(font.get_size_in_points())
        vertices, codes = [], []
        pen = 0.0
        for index, char in enumerate(text):
            outline = _outline(file, char)
            if outline is not None:
                points, kinds = outline
                vertices.append(
                    np.column_stack((x + (pen + points[:, 0]) * size, baseline - points[:, 1] * size))
                )
                codes.append(kinds)
            pen += _per_point(file, char)
            if index + 1 < len(text):
                pen += _kerning(file, char, text[index + 1])
        if vertices:
            self._outlines[(colour, zorder)].append(Curve(np.concatenate(vertices), np.concatenate(codes)))

    def finish(self) -> None:
        """Add the outlines gathered, a collection per colour and layer."""
        for (colour, zorder), curves in self._outlines.items():
            self.axes.add_collection(
                PathCollection(curves, facecolors=colour, edgecolors="none", linewidths=0, zorder=zorder)
            )
        self._outlines.clear()
