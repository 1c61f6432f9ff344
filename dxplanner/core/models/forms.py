"""The progress-form rounds a plan sent out, and the replies collected from the units."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import datetime

import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.models.base import Table, enum_type, version_field
from dxplanner.core.progress_form import FormRole


class FormRound(Table, table=True):
    """One round of progress forms sent for a plan: as of which day, due when, issued when."""

    __tablename__ = "form_round"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="action_plan.id", ondelete="CASCADE", index=True)
    as_of: datetime.date
    deadline: datetime.date
    # To the second, as the forms' hidden identifiers write it: a returned form names its round so.
    issued_at: datetime.datetime = Field(sa_type=sa.DateTime())
    # The key of the forms' checksums (hex), so that only this file can make a form it accepts.
    # None for rounds sent before revision 0009: their forms carry a checksum without a key.
    secret: str | None = None
    version: int = version_field()


class FormRoundUnit(Table, table=True):
    """A unit a round's form went to, and in which role: a unit leading tasks and cooperating on
    others gets two forms."""

    __tablename__ = "form_round_unit"

    round_id: int = Field(foreign_key="form_round.id", ondelete="CASCADE", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE", primary_key=True, index=True)
    role: FormRole = Field(primary_key=True, sa_type=enum_type(FormRole))


class FormReceipt(Table, table=True):
    """A unit's form of a round, collected into the plan: when, from whom, from which file."""

    __tablename__ = "form_receipt"
    __table_args__ = (sa.UniqueConstraint("round_id", "unit_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="form_round.id", ondelete="CASCADE", index=True)
    # A unit deleted takes its replies with it: a receipt of no unit says nothing.
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE", index=True)
    role: FormRole = Field(
        default=FormRole.LEAD, sa_type=enum_type(FormRole), sa_column_kwargs={"server_default": "lead"}
    )
    # Local time without a zone, as the forms write theirs.
    received_at: datetime.datetime = Field(sa_type=sa.DateTime())
    reporter: str | None = None
    file_name: str | None = None
    version: int = version_field()
