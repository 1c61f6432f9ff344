"""Who reports for which unit on a plan shared on a PostgreSQL server."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
from sqlmodel import Field

from dxplanner.core.models.base import Table

# What a table's info says when its rows belong to the server's logins, not to the plan: a copy or
# an export of the plan leaves them out (the logins they name exist on one server only).
NOT_IN_PLAN = "not_in_plan"


class LoginUnit(Table, table=True):
    """The unit a PostgreSQL login reports for; the database's policies read it (unused in a plan file)."""

    __tablename__ = "login_unit"
    __table_args__ = ({"info": {NOT_IN_PLAN: True}},)

    # The login's name as PostgreSQL knows it (current_user), exactly.
    login: str = Field(primary_key=True)
    # A unit that goes takes its reporters' right to report with it.
    unit_id: int = Field(foreign_key="unit.id", ondelete="CASCADE", index=True)
