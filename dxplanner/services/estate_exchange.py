"""The estate map out to a file and an architecture document in: pictures and the ArchiMate exchange file."""

from __future__ import annotations

from pathlib import Path

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_map import EstateMap
from dxplanner.core.imported_estate import ImportedEstate
from dxplanner.i18n import _

# What `save_map` writes, by the file's suffix: the window's picture of the map (drawn by
# charts/estate_map without Qt) or the ArchiMate Open Exchange file.
PICTURES = ("svg", "pdf", "png")
MAP_FORMATS = (*PICTURES, "xml")


def check_map_format(path: Path) -> None:
    """Refuse, before any work, a file the map cannot be saved as (by its suffix)."""
    if path.suffix.lower().lstrip(".") not in MAP_FORMATS:
        raise InvalidInputError(
            _(
                "A map can be saved as .svg, .pdf or .png (a picture) or as .xml (an ArchiMate exchange"
                " file), not as “{suffix}”."
            ).format(suffix=path.suffix or path.name)
        )


def save_map(estate: EstateMap, path: Path) -> None:
    """Write the map in the format the path's suffix names; InvalidInputError for one it cannot, or
    when the file cannot be written (and then nothing is left behind)."""
    check_map_format(path)
    if path.suffix.lower().lstrip(".") in PICTURES:
        from dxplanner.charts.estate_map_file import save_map_picture
        from dxplanner.core.estate_layout import layout_map
        from dxplanner.core.estate_words import layer_title

        heading = _("Estate map on {day}").format(day=estate.as_of.strftime("%d/%m/%Y"))
        save_map_picture(layout_map(estate, title=layer_title), path, heading)
        return
    from dxplanner.archimate.writer import write_exchange

    write_exchange(estate, path)


def read_estate_file(path: Path) -> ImportedEstate:
    """The estate an ArchiMate exchange file holds; InvalidInputError (one message) for another file."""
    from dxplanner.archimate.reader import read_exchange

    return read_exchange(path)
