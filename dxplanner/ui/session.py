"""The open plan as the window sees it: the store, the undo stack, and news of every change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from dxplanner.core.errors import DomainError
from dxplanner.store.changes import Changes
from dxplanner.store.journal import Journal
from dxplanner.store.plan_store import PlanStore
from dxplanner.ui.errors import show_refusal


@dataclass(frozen=True)
class DataChange:
    """What changed in the file: the tables, the rows by table, and the tables where rows came or went."""

    tables: frozenset[str]
    rows: dict[str, set[int]] = field(default_factory=dict)
    reshaped: frozenset[str] = frozenset()

    @classmethod
    def of(cls, journal: Journal) -> DataChange:
        """The change a journal makes (either way it is replayed)."""
        return cls(journal.tables, journal.rows(), journal.reshaped())

    def touches(self, *tables: str) -> bool:
        """Whether any of the tables changed."""
        return not self.tables.isdisjoint(tables)


class JournalCommand(QUndoCommand):
    """One step on the undo stack: an operation already done, undone and redone from its journal."""

    def __init__(self, text: str, session: PlanSession, journal: Journal) -> None:
        super().__init__(text)
        self._session = session
        self._journal = journal
        self._undo = journal.undo
        self._redo = journal.redo
        self._done = True  # the operation ran before the command was pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._undo = self._session.replay(self._redo, self._journal) or self._undo

    def undo(self) -> None:
        # What undoing records is the exact redo (a bulk import keeps no redo of its own).
        self._redo = self._session.replay(self._undo, self._journal) or self._redo


class PlanSession(QObject):
    """Runs operations for the window, keeps them undoable, and says what changed."""

    changed = Signal(object)  # a DataChange

    def __init__(self, store: PlanStore, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._parent_widget = parent_widget

    def run(self, text: str, operation: Callable[[PlanStore], Changes]) -> Changes | None:
        """Do operation as one undoable step called text; a refusal is shown once and changes nothing."""
        try:
            changes = operation(self.store)
        except DomainError as error:
            show_refusal(self._parent_widget, error)
            return None
        journal = self.store.last_journal
        if journal:
            self.undo_stack.push(JournalCommand(text, self, journal))
            self.changed.emit(DataChange.of(journal))
        return changes

    def replay(self, statements: tuple[str, ...], journal: Journal) -> tuple[str, ...] | None:
        """Undo or redo a step and return what reverses it; a refusal (the file changed) is shown."""
        try:
            inverse = self.store.replay(statements)
        except DomainError as error:
            show_refusal(self._parent_widget, error)
            return None
        self.changed.emit(DataChange.of(journal))
        return inverse
