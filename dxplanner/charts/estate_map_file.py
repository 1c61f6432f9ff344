"""The estate map's picture to an SVG, PDF or PNG file, written under a temporary name and moved."""

from __future__ import annotations

import math
import warnings
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg

from dxplanner.charts.estate_map import map_figure, picture_box
from dxplanner.core import estate_style as look
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_layout import MapLayout
from dxplanner.core.estate_words import element_tip
from dxplanner.file_access import write_failure
from dxplanner.i18n import _
from dxplanner.temporary_files import temporary_beside

PICTURES = ("svg", "pdf", "png")


def png_dpi(layout: MapLayout) -> float:
    """The PNG's dots per inch: 1.5 pixels to the layout's point (a screen at 150 %), fewer for a
    map so large that it would pass look.PNG_MOST_PIXELS."""
    left, top, right, bottom = picture_box(layout)
    scale = min(look.PNG_SCALE, math.sqrt(look.PNG_MOST_PIXELS / max((right - left) * (bottom - top), 1.0)))
    return 72 * scale


def save_map_picture(layout: MapLayout, path: Path, heading: str) -> None:
    """Draw the map to path as its suffix says (svg, pdf or png); InvalidInputError when the file
    cannot be written, and then no file, whole or broken, is left behind."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in PICTURES:
        raise ValueError(f"not a picture: {path.name}")  # the service refuses those first
    temporary = temporary_beside(path, ".part")
    try:
        # Whatever the user's matplotlibrc says: text stays text (an SVG's names are <text> that a
        # browser finds; a PDF embeds the font as TrueType, which keeps every Vietnamese letter, and
        # its words search), dashes scale with their lines as Qt's, an SVG's ids are the same each time.
        with (
            warnings.catch_warnings(),
            matplotlib.rc_context(
                {
                    "svg.fonttype": "none",
                    "pdf.fonttype": 42,
                    "lines.scale_dashes": True,
                    "svg.hashsalt": "dxplanner",
                }
            ),
        ):
            # A letter DejaVu Sans lacks (Chinese, an emoji) is drawn as a box, as a browser does,
            # rather than warned about on the command line once for every letter.
            warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
            figure = map_figure(layout, heading, text_as_outlines=kind == "png")
            FigureCanvasAgg(figure)
            if kind == "png":
                figure.savefig(temporary, format="png", dpi=png_dpi(layout), metadata={"Title": heading})
            elif kind == "pdf":
                figure.savefig(temporary, format="pdf", metadata={"Title": heading, "Creator": "dxplanner"})
            else:
                figure.savefig(temporary, format="svg", metadata={"Title": heading, "Date": None})
                _add_tips(temporary, layout)
        temporary.replace(path)
    except OSError as error:
        raise InvalidInputError(
            _("The map could not be written to {path}: {reason}").format(
                path=path, reason=write_failure(error, path)
            )
        ) from error
    finally:
        temporary.unlink(missing_ok=True)


def _add_tips(svg: Path, layout: MapLayout) -> None:
    """Give each box the window's tooltip (its whole name first) as an SVG title over it: a browser
    shows it under the pointer, and a search finds the names that the boxes cut short."""
    left, top, _right, _bottom = picture_box(layout)
    tips = [
        f'<rect x="{box.x - left:g}" y="{box.y - top:g}" width="{box.w:g}" height="{box.h:g}">'
        f"<title>{escape(element_tip(box.element))}</title></rect>"
        for box in layout.boxes
    ]
    text = svg.read_text("utf-8")
    end = text.rindex("</svg>")
    group = (
        f'<g id={quoteattr("tooltips")} fill="none" pointer-events="all">\n' + "\n".join(tips) + "\n</g>\n"
    )
    svg.write_text(text[:end] + group + text[end:], "utf-8")
