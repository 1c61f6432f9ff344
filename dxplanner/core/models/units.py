"""Units: the organisations that lead and cooperate on work, as a tree."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.enums import UnitKind
from dxplanner.core.models.base import Table, enum_type, version_field


class Unit(Table, table=True):
    """A ministry, province, department, division or enterprise."""

    __tablename__ = "unit"
    __table_args__ = (sa.CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name: str
    short_name: str | None = None
    kind: UnitKind = Field(default=UnitKind.OTHER, sa_type=enum_type(UnitKind))
    parent_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="RESTRICT", index=True)
    version: int = version_field()
