"""Undo and redo of the last write, and what it changed, without the front ends seeing how it is kept."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.journal import Journal


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


@dataclass(frozen=True)
class UndoStep:
    """One write that can be undone and redone; the front ends keep it and hand it back, unopened."""

    change: DataChange
    # How the write is undone and made again: the store's own record, for the store alone to read.
    _undo: tuple[str, ...] = field(repr=False)
    _redo: tuple[str, ...] = field(repr=False)


def last_step(plan: OpenPlan) -> UndoStep | None:
    """The last write made on plan, as a step to undo (None when it changed nothing)."""
    journal = plan.last_journal
    if not journal:
        return None
    return UndoStep(DataChange.of(journal), journal.undo, journal.redo)


def undo(plan: OpenPlan, step: UndoStep) -> UndoStep:
    """Undo step in one write; the step returned redoes exactly what was undone.

    A refusal (the file changed meanwhile, or it is read-only) raises DomainError and changes nothing.
    """
    # Undoing records the exact redo: a bulk import keeps no redo of its own until it is undone.
    return replace(step, _redo=plan.replay(step._undo) or step._redo)


def redo(plan: OpenPlan, step: UndoStep) -> UndoStep:
    """Make step again in one write; the step returned undoes exactly what was redone."""
    return replace(step, _undo=plan.replay(step._redo) or step._undo)
