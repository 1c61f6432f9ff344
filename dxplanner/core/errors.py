"""Errors a user can understand: each carries one message in the user's language."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


class DomainError(Exception):
    """Something the user asked for cannot be done; nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInputError(DomainError):
    """A value is out of range, missing, or contradicts another value."""


class NotFoundError(DomainError):
    """A record the request names does not exist (any more)."""


class InUseError(DomainError):
    """The request would break a link other records depend on (a unit still leading tasks)."""


class PlanFileError(DomainError):
    """A file cannot be opened or created as a plan file."""


class ReadOnlyError(DomainError):
    """A change was asked of a plan file that is open read-only."""


class ChangedSinceError(DomainError):
    """A record the request relies on has been changed since (by another hand, on a shared store)."""


class NotPermittedError(DomainError):
    """The user's role on a shared plan does not allow the change; the server refused it."""


@dataclass(frozen=True)
class RecordConflict:
    """One record an edit found changed since the user saw it: the values they meant, the stored ones."""

    table: str  # the record's table ("task", "risk")
    record_id: int
    what: str  # the kind of record, in the user's language
    name: str  # the record as the user knows it (a task's name)
    seen_version: int
    stored_version: int
    # The fields the edit meant to write, and the values stored in those fields now.
    mine: Mapping[str, Any] = field(default_factory=dict)
    theirs: Mapping[str, Any] = field(default_factory=dict)
    # Who made the stored version and when: left empty until the history records it.
    changed_by: str | None = None
    changed_at: datetime.datetime | None = None


class ConflictError(DomainError):
    """Someone else changed a record since the user saw it: the edit was not made (for any record)."""

    def __init__(self, message: str, conflicts: Sequence[RecordConflict]) -> None:
        super().__init__(message)
        self.conflicts = tuple(conflicts)
