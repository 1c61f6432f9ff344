"""The open plan as the window sees it: the store, the undo stack, and news of every change."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from dxplanner.core.errors import DomainError
from dxplanner.services import conflicts
from dxplanner.services import undo as undo_service
from dxplanner.services.conflicts import ConflictError, Edit, RecordDifferences
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.undo import DataChange, UndoStep
from dxplanner.ui.conflict_dialog import Kept, ask_what_to_keep
from dxplanner.ui.dates import DEFAULT_DATES, DateStyle
from dxplanner.ui.errors import show_refusal

__all__ = ["DataChange", "Edit", "PlanSession", "StepCommand"]

# Asked what to keep of an edit someone else's change came before (the conflict dialog by default).
AskWhatToKeep = Callable[[QWidget | None, ConflictError, Sequence[RecordDifferences]], Kept]


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

    def __init__(
        self,
        store: OpenPlan,
        parent_widget: QWidget | None = None,
        dates: DateStyle = DEFAULT_DATES,
        ask_what_to_keep: AskWhatToKeep = ask_what_to_keep,
    ) -> None:
        super().__init__()
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.dates = dates
        self._parent_widget = parent_widget
        self._ask_what_to_keep = ask_what_to_keep
        # Whether the last edit met someone else's change (and the user chose what to keep).
        self.met_a_conflict = False

    def run(self, text: str, operation: Callable[[OpenPlan], Changes]) -> Changes | None:
        """Do operation as one undoable step called text; a refusal is shown once and changes nothing."""
        try:
            changes = operation(self.store)
        except DomainError as error:
            show_refusal(self._parent_widget, error)
            return None
        step = undo_service.last_step(self.store)
        if step is not None:
            self.undo_stack.push(StepCommand(text, self, step))
            self.changed.emit(step.change)
        return changes

    def run_edit(self, text: str, edit: Edit) -> Changes | None:
        """Make an edit of records the user saw as one undoable step called text.

        When someone changed a record since the user saw it, the conflict dialog shows both
        versions; the edit is then made again as the user chose (over the stored versions), or
        dropped. Either way the views show the stored values after. None when nothing was made.
        """
        self.met_a_conflict = False
        current: Edit | None = edit
        while current is not None:
            try:
                changes = current.run(self.store)
            except ConflictError as conflict:
                self.met_a_conflict = True
                current = self._settle(current, conflict)
                continue
            except DomainError as error:
                show_refusal(self._parent_widget, error)
                return None
            self._done(text, current)
            return changes
        return None

    def _settle(self, edit: Edit, conflict: ConflictError) -> Edit | None:
        """Ask the user what to keep of an edit refused by a conflict; the edit to make after (None: none)."""
        try:
            shown = conflicts.differences(self.store, conflict, self.dates.write)
        except DomainError as error:
            show_refusal(self._parent_widget, error)
            return None
        kept = self._ask_what_to_keep(self._parent_widget, conflict, shown)
        # The views show the stored version now, whatever was chosen.
        tables, rows = conflicts.refresh_of(conflict)
        self.changed.emit(DataChange(tables, rows))
        return conflicts.again(edit, conflict, kept)

    def _done(self, text: str, edit: Edit) -> None:
        """Keep a made edit undoable and say what it changed."""
        step = undo_service.last_step(self.store)
        if step is not None:
            self.undo_stack.push(StepCommand(text, self, step))
            self.changed.emit(step.change)
            return
        # A store that keeps no undo record (a server, for now): the views still read the records again.
        ids = {record_id for record_id in edit.fields if isinstance(record_id, int)}
        self.changed.emit(DataChange(frozenset({edit.table}), {edit.table: ids}))

    def replay(self, how: Callable[[OpenPlan, UndoStep], UndoStep], step: UndoStep) -> UndoStep:
        """Undo or redo a step (how) and return the step as it now stands; a refusal (the file changed)
        is shown and leaves the step as it was."""
        try:
            done = how(self.store, step)
        except DomainError as error:
            show_refusal(self._parent_widget, error)
            return step
        self.changed.emit(step.change)
        return done
