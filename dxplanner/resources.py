"""Where the bundled data and resources live, in a source checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The folder `data` or `resources`, wherever this installation keeps it."""
    # A wheel carries them inside the package; a source checkout beside it.
    for candidate in (_PACKAGE_DIR / "_bundled" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"dxplanner is installed without its {name!r} folder")


def guide_dir() -> Path:
    """The folder of the user guide (one subfolder of Markdown pages per language, and images/)."""
    # A wheel carries it inside the package; a source checkout keeps it with the documentation.
    for candidate in (_PACKAGE_DIR / "_bundled" / "guide", _PACKAGE_DIR.parent / "docs" / "guide"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("dxplanner is installed without its user guide")
