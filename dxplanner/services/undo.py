"""Undo and redo of the last write, and what it changed, without the front ends seeing how it is kept."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from dxplanner.core.errors import ChangedSinceError
from dxplanner.i18n import _
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.journal import Journal


@dataclass(frozen=True)
class DataChange:
    """What changed in the plan: the tables, the rows by table, and the tables where rows came or went.

    Rows are named by key: ids (task ids for the task table), or key tuples for the tables that
    link two records (a task and a unit, an indicator and a year).
    """

    tables: frozenset[str]
    rows: dict[str, set[Any]] = field(default_factory=dict)
    reshaped: frozenset[str] = frozenset()

    @classmethod
    def of(cls, journal: Journal) -> DataChange:
        """The change a journal makes (either way it is replayed)."""
        return cls(journal.tables, journal.rows(), journal.reshaped())

    def touches(self, *tables: str) -> bool:
        """Whether any of the tables changed."""
        return not self.tables.isdisjoint(tables)


@dataclass(frozen=True)
class UndoStep:
    """One write that can be undone and redone; the front ends keep it and hand it back, unopened."""

    change: DataChange
    # How the write is undone and made again: the store's own record, for the store alone to read.
    _undo: Journal = field(repr=False)
    _redo: Journal = field(repr=False)


def last_step(plan: OpenPlan) -> UndoStep | None:
    """The last write made on plan, as a step to undo (None when it changed nothing)."""
    journal = plan.last_journal
    if not journal:
        return None
    return UndoStep(DataChange.of(journal), journal.undo, journal.redo)


def undo(plan: OpenPlan, step: UndoStep) -> UndoStep:
    """Undo step in one write; the step returned redoes exactly what was undone.

    A refusal (a record the step changed has been changed since, or the plan is read-only) raises
    DomainError and changes nothing.
    """
    try:
        redo = plan.replay(step._undo)
    except ChangedSinceError as error:
        raise ChangedSinceError(
            _("A record this step changed has been changed since; nothing was undone.")
        ) from error
    # Undoing records the exact redo: a bulk import keeps no redo of its own until it is undone.
    return replace(step, _redo=redo or step._redo)


def redo(plan: OpenPlan, step: UndoStep) -> UndoStep:
    """Make step again in one write; the step returned undoes exactly what was redone."""
    try:
        again = plan.replay(step._redo)
    except ChangedSinceError as error:
        raise ChangedSinceError(
            _("A record this step changes has been changed since it was undone; nothing was redone.")
        ) from error
    return replace(step, _undo=again or step._undo)
