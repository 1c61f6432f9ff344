"""Trees of records (goals, tasks): valid parents, and sibling positions kept dense (0, 1, 2...)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, SQLModel, col, select

from dxplanner.core import rules
from dxplanner.core.errors import InvalidInputError
from dxplanner.store.operations._records import fetch


def open_gap(
    session: Session,
    model: type[SQLModel],
    siblings: list[Any],
    position: object,
    exclude_id: int | None = None,
    *,
    room: int = 1,
) -> int:
    """Make room for `room` records at position among the siblings (the end when None); return the position.

    Several records going in side by side (pasted rows) take their room at once: room made for
    each in turn moved every sibling after them once per record.
    """
    wanted = rules.position(position)
    model_id = col(model.id)  # type: ignore[attr-defined]
    model_position = col(model.position)  # type: ignore[attr-defined]
    others = [*siblings] if exclude_id is None else [*siblings, model_id != exclude_id]
    count = int(session.exec(select(func.count()).select_from(model).where(*others)).one())
    target = count if wanted is None else min(wanted, count)
    session.execute(
        update(model).where(*others, model_position >= target).values(position=model_position + room)
    )
    return target


def close_gap(
    session: Session, model: type[SQLModel], siblings: list[Any], position: int, leaving_id: int
) -> None:
    """Close the gap a record leaves at position among its siblings."""
    model_id = col(model.id)  # type: ignore[attr-defined]
    model_position = col(model.position)  # type: ignore[attr-defined]
    session.execute(
        update(model)
        .where(*siblings, model_id != leaving_id, model_position > position)
        .values(position=model_position - 1)
    )


def close_gaps(session: Session, model: type[SQLModel], siblings: list[Any], left: Iterable[int]) -> None:
    """Close the gaps the records leaving from positions `left` leave among the siblings: each moves once.

    One statement per gap, each sibling between two gaps moving down by the gaps before it: a
    statement per sibling made deleting one task of a 10,000-task level 15 times slower.
    """
    model_position = col(model.position)  # type: ignore[attr-defined]
    # Not a set: a position left twice (an older file's duplicates) moves those after it twice, as before.
    gone = sorted(left)
    for shift, (low, high) in enumerate(pairwise([*gone, None]), start=1):
        between = [model_position > low] if high is None else [model_position > low, model_position < high]
        session.execute(update(model).where(*siblings, *between).values(position=model_position - shift))


def sibling_conditions(
    model: type[SQLModel], owner_column: str, owner_id: int, parent_id: int | None
) -> list[Any]:
    """The conditions that select the children of parent_id (the top level when None) of one owner."""
    parent = col(model.parent_id)  # type: ignore[attr-defined]
    return [
        col(getattr(model, owner_column)) == owner_id,
        parent.is_(None) if parent_id is None else parent == parent_id,
    ]


def check_parent(
    session: Session,
    model: type[SQLModel],
    owner_column: str,
    owner_id: int,
    parent_id: object,
    moving_id: int | None,
    messages: TreeMessages,
) -> int | None:
    """Check that parent_id can hold the record moving_id (None: a new record); return it as an id."""
    checked = rules.optional_whole_number(parent_id, messages.parent)
    current = checked
    while current is not None:
        parent = fetch(session, model, current, messages.parent)
        if getattr(parent, owner_column) != owner_id:
            raise InvalidInputError(messages.other_owner)
        if current == moving_id:
            raise InvalidInputError(messages.into_itself)
        current = parent.parent_id  # type: ignore[attr-defined]
    return checked


@dataclass(frozen=True)
class TreeMessages:
    """What to tell the user when a parent is missing, elsewhere, or inside the record itself."""

    parent: str
    other_owner: str
    into_itself: str
