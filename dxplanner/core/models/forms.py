"""The progress-form rounds a plan sent out, and the replies collected from the units."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import datetime

import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.models.base import Table, version_field


class FormRound(Table, table=True):
    """One round of progress forms sent for a plan: as of which day, due when, issued when."""

    __tablename__ = "form_round"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="action_plan.id", ondelete="CASCADE", index=True)
    as_of: datetime.date
    deadline: datetime.date
    # To the second, as the forms' hidden identifiers write it: a returned form names its round so.
    issued_at: datetime.datetime = Field(sa_type=sa.DateTime())
    version: int = version_field()


class FormReceipt(Table, table=True):
    """A unit's form of a round, collected into the plan: when, from whom, from which file."""

    __tablename__ = "form_receipt"
    __table_args__ = (sa.UniqueConstraint("round_id", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="form_round.id", ondelete="CASCADE", index=True)
    # A unit deleted takes its replies with it: a receipt of no unit says nothing.
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE", index=True)
    # Local time without a zone, as the forms write theirs.
    received_at: datetime.datetime = Field(sa_type=sa.DateTime())
    reporter: str | None = None
    file_name: str | None = None
    version: int = version_field()
