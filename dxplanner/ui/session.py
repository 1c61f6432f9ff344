"""The open plan as the window sees it: the store, the undo stack, and news of every change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from dxplanner.core.errors import DomainError, NotPermittedError
from dxplanner.services import permissions as permissions_service
from dxplanner.services import undo as undo_service
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.permissions import Permissions
from dxplanner.services.undo import DataChange, UndoStep
from dxplanner.ui.errors import show_refusal

__all__ = ["DataChange", "PlanSession", "StepCommand"]


class StepCommand(QUndoCommand):
    """One step on the undo stack: an operation already done, undone and redone by the services."""

    def __init__(self, text: str, session: PlanSession, step: UndoStep) -> None:
        super().__init__(text)
        self._session = session
        self._step = step
        self._done = True  # the operation ran before the command was pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._step = self._session.replay(undo_service.redo, self._step)

    def undo(self) -> None:
        self._step = self._session.replay(undo_service.undo, self._step)


class PlanSession(QObject):
    """Runs operations for the window, keeps them undoable, and says what changed."""

    changed = Signal(object)  # a DataChange
    permissions_changed = Signal()  # the server said the user's role is not what the window thought

    def __init__(self, store: OpenPlan, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._parent_widget = parent_widget
        # What the user may change: the window offers only that (the server enforces it anyway).
        self.permissions: Permissions = Permissions()
        self.refresh_permissions()
        self.last_refusal: DomainError | None = None  # why the last operation was refused

    def run(self, text: str, operation: Callable[[OpenPlan], Changes]) -> Changes | None:
        """Do operation as one undoable step called text; a refusal is shown once and changes nothing."""
        self.last_refusal = None
        try:
            changes = operation(self.store)
        except DomainError as error:
            self.last_refusal = error
            show_refusal(self._parent_widget, error)
            if isinstance(error, NotPermittedError):
                self.refresh_permissions()
            return None
        step = undo_service.last_step(self.store)
        if step is not None:
            self.undo_stack.push(StepCommand(text, self, step))
            self.changed.emit(step.change)
        return changes

    def replay(self, how: Callable[[OpenPlan, UndoStep], UndoStep], step: UndoStep) -> UndoStep:
        """Undo or redo a step (how) and return the step as it now stands; a refusal (the file changed)
        is shown and leaves the step as it was."""
        try:
            done = how(self.store, step)
        except DomainError as error:
            show_refusal(self._parent_widget, error)
            if isinstance(error, NotPermittedError):
                self.refresh_permissions()
            return step
        self.changed.emit(step.change)
        return done

    def refresh_permissions(self) -> None:
        """Ask the server again what the user may change (their role may have changed meanwhile)."""
        try:
            now = permissions_service.of(self.store)
        except DomainError:
            return  # the server cannot say now: the window keeps what it knew (the server still decides)
        if now != self.permissions:
            self.permissions = now
            self.permissions_changed.emit()
