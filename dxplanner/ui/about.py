"""The About box: what dxplanner is, its version, and what it runs on."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from dxplanner import __version__
from dxplanner.i18n import _


def about_text() -> str:
    """The rich text of the About box."""
    purpose = _(
        "Digital-transformation strategies and action plans for state agencies: "
        "goals and indicators, tasks with lead and cooperating units, timelines, funding and progress."
    )
    versions = _("Python {python}, Qt {qt}, PySide6 {pyside}").format(
        python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
    )
    return f"<h3>dxplanner {__version__}</h3><p>{purpose}</p><p>{versions}</p><p>{_('License: MIT')}</p>"


def show_about(parent: QWidget) -> None:
    """Show the About box over parent."""
    QMessageBox.about(parent, _("About dxplanner"), about_text())
