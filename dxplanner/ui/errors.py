"""The one place the window tells a user that something they asked for was refused, and why."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _


def show_refusal(parent: QWidget | None, error: DomainError) -> None:
    """Show the message of a refused change (nothing was changed)."""
    QMessageBox.warning(parent, _("The change was not made"), error.message)


def show_problem(parent: QWidget | None, title: str, message: str) -> None:
    """Show a message about something that could not be done (a file, a choice)."""
    QMessageBox.warning(parent, title, message)
