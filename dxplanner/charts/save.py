"""Saving a chart to a PNG, SVG or PDF file, written under a temporary name and moved into place."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from dxplanner.core.errors import InvalidInputError
from dxplanner.file_access import write_failure
from dxplanner.i18n import _
from dxplanner.temporary_files import temporary_beside

FORMATS = ("png", "svg", "pdf")


def save_figure(figure: Figure, path: Path) -> None:
    """Write the figure in the format its suffix names; a failed write leaves no broken file behind."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise InvalidInputError(
            _("A chart can be saved as PNG, SVG or PDF, not as “{suffix}”.").format(
                suffix=path.suffix or path.name
            )
        )
    FigureCanvasAgg(figure)  # draws without a screen, whatever canvas the figure had
    temporary = temporary_beside(path, ".part")
    try:
        figure.savefig(temporary, format=kind, dpi=150)
        temporary.replace(path)
    except OSError as error:
        raise InvalidInputError(
            _("The chart could not be written to {path}: {reason}").format(
                path=path, reason=write_failure(error, path)
            )
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
