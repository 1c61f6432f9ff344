"""Errors a user can understand: each carries one message in the user's language."""

from __future__ import annotations


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


class ConflictError(DomainError):
    """The request would break a link other records depend on."""


class PlanFileError(DomainError):
    """A file cannot be opened or created as a plan file."""


class ReadOnlyError(DomainError):
    """A change was asked of a plan file that is open read-only."""


class ChangedSinceError(DomainError):
    """A record the request relies on has been changed since (by another hand, on a shared store)."""


class NotPermittedError(DomainError):
    """The user's role on a shared plan does not allow the change; the server refused it."""
