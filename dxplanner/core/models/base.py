"""Shared pieces of the table definitions: constraint names and enum columns."""

from __future__ import annotations

import enum
import re
from typing import Any

import sqlalchemy as sa
from pydantic import ConfigDict
from sqlmodel import Field, SQLModel

# Named constraints let Alembic's batch mode rebuild SQLite tables reliably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def enum_type(enum_class: type[enum.StrEnum]) -> sa.Enum:
    """A portable column type that stores an enumeration by value, checked by the schema."""
    return sa.Enum(
        enum_class,
        name=_snake(enum_class.__name__),
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        values_callable=lambda members: [member.value for member in members],
    )


def version_field() -> Any:
    """A record's version: bumped by every change, compared by every edit so that none is lost.

    Existing rows start at 1 (the server default), as new ones do.
    """
    return Field(default=1, sa_column_kwargs={"server_default": "1"})


class Table(SQLModel):
    """The base of every table: no pydantic validator is built, since rows are checked by the rules."""

    # Building validators for 17 tables costs start-up time; operations check values themselves.
    # SQLModel types this as its own config dict, a superset of pydantic's.
    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]
