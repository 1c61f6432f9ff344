"""Keeping the positions of siblings dense (0, 1, 2...) as records come, go and move."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, SQLModel, col, select


def open_gap(
    session: Session,
    model: type[SQLModel],
    siblings: list[Any],
    position: int | None,
    exclude_id: int | None = None,
) -> int:
    """Make room at position among the siblings (the end when None) and return the position."""
    model_id = col(model.id)  # type: ignore[attr-defined]
    model_position = col(model.position)  # type: ignore[attr-defined]
    others = [*siblings] if exclude_id is None else [*siblings, model_id != exclude_id]
    size = int(session.exec(select(func.count()).select_from(model).where(*others)).one())
    target = size if position is None else max(0, min(position, size))
    session.execute(
        update(model).where(*others, model_position >= target).values(position=model_position + 1)
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
