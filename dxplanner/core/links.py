"""Rules for links between tasks: no task depends on itself, its own group, or in a cycle."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from dxplanner.core.errors import InvalidInputError
from dxplanner.core.rules import reaches
from dxplanner.i18n import _

LAG_LIMIT_DAYS = 3650


def ancestors(task_id: int, parent_of: Mapping[int, int | None]) -> list[int]:
    """The groups a task lies in, nearest first."""
    found: list[int] = []
    current = parent_of.get(task_id)
    while current is not None and current not in found:
        found.append(current)
        current = parent_of.get(current)
    return found


def check_link(
    predecessor_id: int,
    successor_id: int,
    parent_of: Mapping[int, int | None],
    successors: Mapping[int, Iterable[int]],
    name_of: Callable[[int], str],
) -> None:
    """Refuse a link from a task to itself, to its own group or a task inside it, or round a cycle."""
    if predecessor_id == successor_id:
        raise InvalidInputError(_("A task cannot depend on itself."))
    if predecessor_id in ancestors(successor_id, parent_of) or successor_id in ancestors(
        predecessor_id, parent_of
    ):
        raise InvalidInputError(_("A task cannot depend on its own group or on a task inside it."))
    if successor_id in successors.get(predecessor_id, ()):
        raise InvalidInputError(
            _("{successor} already depends on {predecessor}.").format(
                successor=name_of(successor_id), predecessor=name_of(predecessor_id)
            )
        )
    if reaches(successors, successor_id, predecessor_id):
        raise InvalidInputError(
            _(
                "This link would make a cycle: {predecessor} already depends, directly or through other "
                "tasks, on {successor}."
            ).format(predecessor=name_of(predecessor_id), successor=name_of(successor_id))
        )
