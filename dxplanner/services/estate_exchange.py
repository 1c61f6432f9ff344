"""The estate map out to a file and an architecture document in: the ArchiMate exchange file's door."""

from __future__ import annotations

from pathlib import Path

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_map import EstateMap
from dxplanner.core.imported_estate import ImportedEstate
from dxplanner.i18n import _

# What `save_map` writes, by the file's suffix. Pictures (SVG, PDF, PNG) are drawn by the window's
# map view; the command line has no drawing of them yet.
MAP_FORMATS = ("xml",)
_PICTURES = ("svg", "pdf", "png")


def check_map_format(path: Path) -> None:
    """Refuse, before any work, a file the map cannot be saved as (by its suffix)."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in _PICTURES:
        raise InvalidInputError(
            _(
                "The map cannot be saved as {format} from here yet: save it from the map view in the"
                " window, or as an ArchiMate exchange file (.xml)."
            ).format(format=suffix.upper())
        )
    if suffix not in MAP_FORMATS:
        raise InvalidInputError(
            _("A map can be saved as .xml (ArchiMate exchange file), not as “{suffix}”.").format(
                suffix=path.suffix or path.name
            )
        )


def save_map(estate: EstateMap, path: Path) -> None:
    """Write the map in the format the path's suffix names; InvalidInputError for one it cannot."""
    check_map_format(path)
    from dxplanner.archimate.writer import write_exchange

    write_exchange(estate, path)


def read_estate_file(path: Path) -> ImportedEstate:
    """The estate an ArchiMate exchange file holds; InvalidInputError (one message) for another file."""
    from dxplanner.archimate.reader import read_exchange

    return read_exchange(path)
