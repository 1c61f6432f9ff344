"""The open plan as the window sees it: the store, the undo stack, and news of every change (others' too)."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from dxplanner.core.errors import (
    ChangedSinceError,
    ConflictError,
    DomainError,
    NotPermittedError,
    PlanFileError,
)
from dxplanner.i18n import _
from dxplanner.services import permissions as permissions_service
from dxplanner.services import undo as undo_service
from dxplanner.services.live import RemoteChange, is_offline_error, merged
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.permissions import Permissions
from dxplanner.services.undo import DataChange, UndoStep
from dxplanner.ui.dates import DEFAULT_DATES, DateStyle
from dxplanner.ui.errors import show_refusal

if TYPE_CHECKING:  # the editing services and the conflict dialog load on first use, after the first paint
    from dxplanner.services.conflicts import Edit, RecordDifferences
    from dxplanner.services.edits import Changes
    from dxplanner.ui.conflict_dialog import Kept

    # Asked what to keep of an edit someone else's change came before (the conflict dialog by default).
    AskWhatToKeep = Callable[[QWidget | None, ConflictError, Sequence[RecordDifferences]], Kept]

__all__ = ["DataChange", "PlanSession", "RemoteChange", "StepCommand", "disconnect_all"]


# The steps a plan's undo history keeps: the oldest give way beyond them. Each step holds what
# its undo restores (a deletion of 50 groups of a 10,000-task plan: 4,417 rows, 4.8 MB), so
# a day's editing with no bound kept every deleted row in memory until the plan closed.
UNDO_LIMIT = 500


class StepCommand(QUndoCommand):
    """One step on the undo stack: an operation already done, undone and redone by the services.

    A refusal changes nothing, on the stack too: a step refused for good (a record changed since,
    a role that may not) leaves the stack, so that Ctrl+Z goes on to the steps before it; one
    refused for now (the server away, the file busy in another program) stays where it was, to be
    tried again.
    """

    def __init__(self, text: str, session: PlanSession, step: UndoStep) -> None:
        super().__init__(text)
        self._session = session
        self._step = step
        self._applied = True  # whether the step stands in the plan: it ran before being pushed

    def redo(self) -> None:
        if not self._applied:
            self._replay(undo_service.redo)

    def undo(self) -> None:
        if self._applied:
            self._replay(undo_service.undo)

    def _replay(self, how: Callable[[OpenPlan, UndoStep], UndoStep]) -> None:
        stack = self._session.undo_stack
        # Where the stack goes once this returns, whatever came of it.
        moved_to = stack.index() + (-1 if self._applied else 1)
        step = self._session.replay(how, self._step)
        if step is not None:
            self._step, self._applied = step, not self._applied
        elif self._session.refused_for_now:
            # Move the stack back (this command's redo or undo then finds the step as it stands
            # and does nothing), unless a key pressed meanwhile moved it already.
            put_back = stack.redo if self._applied else stack.undo
            # The stack as the timer's context: a plan closed meanwhile takes the timer with it.
            QTimer.singleShot(0, stack, lambda: put_back() if stack.index() == moved_to else None)
        else:
            self.setObsolete(True)


class PlanSession(QObject):
    """Runs operations for the window, keeps them undoable, and says what changed, here or elsewhere."""

    changed = Signal(object)  # a DataChange (a RemoteChange when another user made it)
    permissions_changed = Signal()  # the server said the user's role is not what the window thought
    connection_lost = Signal(str)  # an operation found the server gone: why

    def __init__(
        self,
        store: OpenPlan,
        parent_widget: QWidget | None = None,
        dates: DateStyle = DEFAULT_DATES,
        ask_what_to_keep: AskWhatToKeep | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)  # only while the stack is empty, as it is here
        self.dates = dates
        self._parent_widget = parent_widget
        self._ask_what_to_keep = ask_what_to_keep
        # Whether the last edit met someone else's change (and the user chose what to keep).
        self.met_a_conflict = False
        # What the user may change: the window offers only that (the server enforces it anyway).
        self.permissions: Permissions = Permissions()
        self.refresh_permissions()
        self.last_refusal: DomainError | None = None  # why the last operation was refused
        # Whether the last undo or redo was refused for a passing reason (the server away, the file
        # busy), rather than for good (a record changed since, a role that may not).
        self.refused_for_now = False
        # Whether a view is in the middle of an edit that others' changes must not disturb.
        self._busy: list[Callable[[], bool]] = []
        self._held: list[DataChange] = []

    def serve(self, parent_widget: QWidget, dates: DateStyle) -> None:
        """Serve a new window from now on (the window rebuilt in another language): the old one's
        views hear nothing more, and the undo history, the held changes and the store stay."""
        for signal in (self.changed, self.permissions_changed, self.connection_lost):
            disconnect_all(signal)
        self._busy = []  # the new views say again when they are in the middle of an edit
        self._parent_widget = parent_widget
        self.dates = dates

    def run(
        self, text: str, operation: Callable[[OpenPlan], Changes], *, typed: str | None = None
    ) -> Changes | None:
        """Do operation as one undoable step called text; a refusal is shown once and changes nothing.

        typed is what the user entered, named in the message when the server is away and the change
        could not be saved (a view that offers the value again itself need not give it).
        """
        self.last_refusal = None
        try:
            changes = operation(self.store)
        except DomainError as error:
            self.last_refusal = error
            self._refused(error, typed)
            return None
        step = undo_service.last_step(self.store)
        if step is not None:
            self.undo_stack.push(StepCommand(text, self, step))
            self.changed.emit(step.change)
        return changes

    def run_edit(self, text: str, edit: Edit, *, typed: str | None = None) -> Changes | None:
        """Make an edit of records the user saw as one undoable step called text (typed: as for run).

        When someone changed a record since the user saw it, but none of the fields the edit sets,
        the edit is made over their change without asking. When they changed one of those fields
        too, the conflict dialog shows both versions; the edit is then made again as the user chose
        (over the stored versions), or dropped. Either way the views show the stored values after.
        None when nothing was made.
        """
        self.met_a_conflict = False
        self.last_refusal = None
        current: Edit | None = edit
        while current is not None:
            try:
                changes = current.run(self.store)
            except ConflictError as conflict:
                current = self._settle(current, conflict)
                continue
            except DomainError as error:
                self.last_refusal = error
                self._refused(error, typed)
                return None
            self._done(text, current)
            return changes
        return None

    def _settle(self, edit: Edit, conflict: ConflictError) -> Edit | None:
        """Ask the user what to keep of an edit refused by a conflict; the edit to make after (None: none)."""
        from dxplanner.services import conflicts
        from dxplanner.ui.conflict_dialog import ask_what_to_keep

        if conflicts.settles_itself(edit, conflict):
            kept: Kept = {}  # their change was elsewhere in the records: both stand
        else:
            self.met_a_conflict = True
            try:
                shown = conflicts.differences(self.store, conflict, self.dates.write, edit)
            except DomainError as error:
                self.last_refusal = error
                self._refused(error, None)
                return None
            ask = self._ask_what_to_keep or ask_what_to_keep
            kept = ask(self._parent_widget, conflict, shown)
        # The views show the stored version now, whatever was chosen: the other user's change
        # comes as theirs do (after the cell being edited closes).
        tables, rows = conflicts.refresh_of(conflict)
        self.apply_remote(DataChange(tables, rows))
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

    def replay(self, how: Callable[[OpenPlan, UndoStep], UndoStep], step: UndoStep) -> UndoStep | None:
        """Undo or redo a step (how) and return the step as it now stands; a refusal (the file changed,
        the role may not, the server is away) is shown, and gives None (refused_for_now says which)."""
        self.refused_for_now = False
        try:
            done = how(self.store, step)
        except DomainError as error:
            self.refused_for_now = not isinstance(error, ChangedSinceError | NotPermittedError)
            self._refused(error, None)
            if not is_offline_error(error):
                # The views show the records as they are stored now: another's change that
                # stopped the step, say, rather than what this window last wrote.
                self.apply_remote(step.change)
            return None
        self.changed.emit(step.change)
        return done

    def _refused(self, error: DomainError, typed: str | None) -> None:
        if not is_offline_error(error):
            show_refusal(self._parent_widget, error)
            if isinstance(error, NotPermittedError):
                self.refresh_permissions()
            return
        self.connection_lost.emit(error.message)
        if typed:
            unsaved = _("What you entered, “{typed}”, was not saved.").format(typed=typed)
        else:
            unsaved = _("The change was not saved.")
        again = _("dxplanner reconnects by itself: try again once the window says the server is back.")
        show_refusal(self._parent_widget, PlanFileError(f"{error.message}\n\n{unsaved} {again}"))

    def refresh_permissions(self) -> None:
        """Ask the server again what the user may change (their role may have changed meanwhile)."""
        try:
            now = permissions_service.of(self.store)
        except DomainError:
            return  # the server cannot say now: the window keeps what it knew (the server still decides)
        if now != self.permissions:
            self.permissions = now
            self.permissions_changed.emit()

    # Other users' changes.

    def hold_while(self, busy: Callable[[], bool]) -> None:
        """Keep others' changes waiting while busy() says a view is in the middle of an edit."""
        self._busy.append(busy)

    def apply_remote(self, change: DataChange) -> None:
        """Show a change another user made (or everything, after a reconnect) in every view.

        While the user is typing in a cell it waits, and comes with release_held when the edit ends.
        """
        self._held.append(change)
        self.release_held()

    def release_held(self) -> None:
        """Show the changes that waited for an edit to end (nothing while an edit is still open)."""
        if not self._held or any(_still_busy(busy) for busy in self._busy):
            return
        held, self._held = self._held, []
        self.changed.emit(held[0] if len(held) == 1 else merged(held))

    @property
    def holding(self) -> bool:
        """Whether others' changes are waiting for an edit to end."""
        return bool(self._held)


def disconnect_all(signal: object) -> None:
    """Take every receiver off a signal (one with none is left as it is)."""
    with warnings.catch_warnings():
        # PySide warns (and then fails) when the signal has no receiver: nothing to take off then.
        warnings.simplefilter("ignore")
        with contextlib.suppress(RuntimeError, SystemError, TypeError):
            signal.disconnect()  # type: ignore[attr-defined]


def _still_busy(busy: Callable[[], bool]) -> bool:
    try:
        return busy()
    except RuntimeError:  # the view was deleted (its page rebuilt): it edits nothing any more
        return False
