"""What a machine driving the window must notice: escaped exceptions, Qt's critical messages, and boxes."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dxplanner.i18n import _

Box = tuple[str, str, str]  # the kind of box (warning, question...), its title, its text


class Watch:
    """Records, instead of showing or losing, everything the window says or lets escape.

    Message boxes are captured (a box would block the run), an exception that reaches
    sys.excepthook is recorded, Qt's critical and fatal messages are recorded, and any
    other modal window that opens is closed and recorded: each is a failure of the step.
    """

    def __init__(self) -> None:
        self.boxes: list[Box] = []
        self.failures: list[str] = []
        self.warnings: list[str] = []  # Qt's warnings, reported but not failures
        self._saved: dict[str, Any] = {}
        self._previous_handler: Any = None
        self._timer: QTimer | None = None

    def install(self) -> None:
        """Start watching (patches QMessageBox's static boxes and sys.excepthook until uninstall)."""
        self._saved = {
            name: QMessageBox.__dict__[name] for name in ("warning", "information", "critical", "question")
        }
        replacements = {
            "warning": self._box("warning"),
            "information": self._box("information"),
            "critical": self._box("critical"),
            "question": self._unexpected_question,
        }
        for name, replacement in replacements.items():
            setattr(QMessageBox, name, staticmethod(replacement))
        self._saved_hook = sys.excepthook
        sys.excepthook = self._excepthook
        self._previous_handler = qInstallMessageHandler(self._qt_message)
        # A modal window runs its own event loop, in which this timer still fires.
        self._timer = QTimer()
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._close_modal)
        self._timer.start()

    def uninstall(self) -> None:
        """Stop watching and put back what install replaced."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        qInstallMessageHandler(self._previous_handler)
        sys.excepthook = self._saved_hook
        for name, original in self._saved.items():
            setattr(QMessageBox, name, original)

    def refusals(self, since: int = 0) -> list[str]:
        """The refusals shown since the box numbered since ("The change was not made")."""
        title = _("The change was not made")
        return [text for kind, shown, text in self.boxes[since:] if kind == "warning" and shown == title]

    def _box(self, kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(
            _parent: QWidget | None, title: str, text: str, *_args: object
        ) -> QMessageBox.StandardButton:
            self.boxes.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    def _unexpected_question(self, _parent: QWidget | None, title: str, text: str, *_args: object) -> Any:
        # The window asks through the confirm callable it was given; a box asking directly would block a user.
        self.failures.append(f"an unexpected question box: {title}: {text}")
        return QMessageBox.StandardButton.No

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        self.failures.append("".join(traceback.format_exception(kind, error, trace)))

    def _qt_message(self, kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.failures.append(f"Qt {kind.name}: {text}")
        elif kind == QtMsgType.QtWarningMsg and "This plugin does not support" not in text:
            self.warnings.append(text)

    def _close_modal(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.failures.append(f"a modal window opened and would have waited for the user: {modal!r}")
            modal.close()
