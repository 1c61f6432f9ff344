"""Drawing a chart's words with each text's layout and each glyph's bitmap made once, not at every draw.

matplotlib 3.11's Agg renderer lays every text out and renders it glyph by glyph at every
draw: most of the time of redrawing the dashboard's charts after a change of filter, whose
tick labels, titles and legends are mostly the words and digits drawn before. The pixels
are those matplotlib draws: a glyph rendered at a position is the glyph rendered at the
same fraction of a pixel, moved by whole pixels.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.ft2font import RenderMode

# Drop what is remembered past this many entries (a few bytes to a few hundred each).
MOST_REMEMBERED = 50_000

# A text's glyphs: each one's font, index and place (pixels, y upwards) from the text's origin.
_layouts: dict[tuple[Any, ...], list[tuple[Any, int, float, float]]] = {}
# A glyph's bitmap rendered at a fraction of a pixel (1/64ths), with its left and top from there.
_bitmaps: dict[tuple[Any, ...], tuple[Any, int, int]] = {}
# False once matplotlib's font calls the cache leans on (private ones) have failed: from then on
# every text is drawn by matplotlib itself, as before the cache.
_working = True


class GlyphRenderer(RendererAgg):
    """matplotlib's Agg renderer, remembering texts' layouts and glyphs' bitmaps between draws."""

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: bool | str = False,
        mtext: Any = None,
    ) -> None:
        global _working
        if ismath or (
            mtext is not None and (mtext.get_fontfeatures() is not None or mtext.get_language() is not None)
        ):
            # Mathematical text, or text shaped with font features of its own: as matplotlib draws it.
            super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)  # type: ignore[no-untyped-call]
            return
        try:
            placed = _placed(self, gc, x, y, s, prop, angle)
        except Exception:  # a matplotlib release that moved its (private) font calls: draw as it does
            _working = False
            placed = None
        if placed is None:
            super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)  # type: ignore[no-untyped-call]
            return
        for buffer, left, top in placed:
            self._renderer.draw_text_image(buffer, left, top, 0, gc)


def _placed(
    renderer: RendererAgg, gc: Any, x: float, y: float, text: str, prop: Any, angle: float
) -> list[tuple[Any, int, int]] | None:
    """Each glyph's bitmap and its place on the canvas, all worked out before any is drawn (so a
    failure draws nothing twice); None once the font calls have failed."""
    if not _working:
        return None
    flags = get_hinting_flag()  # type: ignore[no-untyped-call]
    size = prop.get_size_in_points()
    glyphs = _layout(renderer, text, prop, size, flags)
    # As matplotlib places each glyph (RendererAgg._draw_text_glyphs_and_boxes, with no slant).
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
    height = int(renderer.height)
    placed = []
    for font, index, dx, dy in glyphs:
        across = round(0x40 * (x + dx * cos - dy * sin))
        up = round(0x40 * (renderer.height - y + dx * sin + dy * cos))
        buffer, left, top = _bitmap(font, size, renderer.dpi, angle, index, across % 64, up % 64, flags, mode)
        top += up // 64
        placed.append((buffer, left + across // 64, height - top + buffer.shape[0]))
    return placed


def _layout(
    renderer: RendererAgg, text: str, prop: Any, size: float, flags: Any
) -> list[tuple[Any, int, float, float]]:
    """The text's glyphs as matplotlib lays them out, made once per font, size and resolution."""
    key = (text, prop, size, renderer.dpi, flags)
    glyphs = _layouts.get(key)
    if glyphs is None:
        font = renderer._prepare_font(prop)  # type: ignore[no-untyped-call]
        items = font._layout(text, flags=flags)
        glyphs = [(item.ft_object, item.glyph_index, item.x, item.y) for item in items]
        if len(_layouts) >= MOST_REMEMBERED:
            _layouts.clear()
        _layouts[key] = glyphs
    return glyphs


def _bitmap(
    font: Any, size: float, dpi: float, angle: float, index: int, across: int, up: int, flags: Any, mode: Any
) -> tuple[Any, int, int]:
    """A glyph rendered at (across, up) 64ths of a pixel from a pixel's corner, with its left and top."""
    key = (font, size, dpi, angle, index, across, up, flags, mode)
    found = _bitmaps.get(key)
    if found is None:
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        font.set_size(size, dpi)
        font._set_transform((0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int), [across, up])
        bitmap = font._render_glyph(index, flags, mode)
        buffer = bitmap.buffer
        if mode is RenderMode.MONO:
            buffer *= 0xFF
        found = (buffer, bitmap.left, bitmap.top)
        if len(_bitmaps) >= MOST_REMEMBERED:
            _bitmaps.clear()
        _bitmaps[key] = found
    return found


class RememberedGlyphs:
    """A canvas mix-in: the figure is drawn by a GlyphRenderer (put before the Agg canvas class)."""

    def get_renderer(self) -> RendererAgg:
        """The renderer for the canvas' size, made anew when the size changes (as FigureCanvasAgg does)."""
        canvas: Any = self
        width, height = canvas.get_width_height(physical=True)
        key = width, height, canvas.figure.dpi
        if canvas._lastKey != key:
            canvas.renderer = GlyphRenderer(width, height, canvas.figure.dpi)  # type: ignore[no-untyped-call]
            canvas._lastKey = key
        return canvas.renderer  # type: ignore[no-any-return]


class GlyphCanvas(RememberedGlyphs, FigureCanvasAgg):
    """An Agg canvas drawn by a GlyphRenderer."""
