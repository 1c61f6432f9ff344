"""What the signed-in user may change in the open plan: all of a file; on a server, what their role allows.

The server enforces the roles (see store.server_roles); the front ends ask here only so as not to
offer what the server would refuse, and to say why in the same words.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from dxplanner.core.enums import PlanRole
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.services.open_plan import OpenPlan, on_server
from dxplanner.store import server_roles
from dxplanner.store.server_roles import Change

__all__ = ["Change", "Permissions", "of"]

# A task's fields a reporter moves on the tasks of their unit (its version follows by itself).
_REPORTED_FIELDS = frozenset(server_roles.REPORTED_TASK_COLUMNS) - {"version"}
# A task's fields that belong to the tasks' structure as a planner draws it.
_TASK_TABLES = {"cooperating_units": "task_unit", "goals": "task_goal"}


@dataclass(frozen=True)
class Permissions:
    """What the user may change; on a plan file (no login) everything."""

    role: PlanRole | None = PlanRole.ADMIN  # None: no role on the server's plan
    login: str | None = None  # None: a plan file
    unit_id: int | None = None  # the unit a reporter reports for

    @property
    def shared(self) -> bool:
        """Whether the plan is on a server, where a role applies."""
        return self.login is not None

    @property
    def role_words(self) -> str:
        """The role in words ("unit reporter"), or that there is none."""
        return label(self.role) if self.role is not None else _("no role")

    @property
    def may_edit_structure(self) -> bool:
        """Units, strategies, their goals, indicators and targets, and who reports for which unit."""
        return self.role is PlanRole.ADMIN

    @property
    def may_edit_plans(self) -> bool:
        """Action plans and everything in them."""
        return self.role in (PlanRole.ADMIN, PlanRole.PLANNER)

    def may_report_on(self, lead_unit_id: int | None, cooperating_ids: Collection[int]) -> bool:
        """Whether the user may report progress (and add risks) on a task with these units."""
        if self.may_edit_plans:
            return True
        return (
            self.role is PlanRole.REPORTER
            and self.unit_id is not None
            and (lead_unit_id == self.unit_id or self.unit_id in cooperating_ids)
        )

    def task_refusal(
        self, field: str, lead_unit_id: int | None, cooperating_ids: Collection[int]
    ) -> str | None:
        """Why the user may not change this field of a task (None: they may)."""
        if self.may_edit_plans:
            return None
        if self.role is None:
            return self._no_role()
        if field not in _REPORTED_FIELDS:
            table = _TASK_TABLES.get(field)
            what = server_roles.records_words(table) if table else server_roles.task_field_words(field)
            return server_roles.may_not(self.role, Change.CHANGE, what)
        return self.report_refusal([(lead_unit_id, cooperating_ids)])

    def report_refusal(self, tasks: Iterable[tuple[int | None, Collection[int]]]) -> str | None:
        """Why the user may not report on all of these tasks, given as (lead unit, cooperating units)."""
        if self.may_edit_plans:
            return None
        if self.role is None:
            return self._no_role()
        if self.unit_id is None and self.login is not None:
            return server_roles.no_unit(self.login)
        if all(self.may_report_on(lead, cooperating) for lead, cooperating in tasks):
            return None
        return server_roles.only_own_unit(self.role)

    def plans_refusal(self, change: Change, table: str) -> str | None:
        """Why the user may not add, change or delete records of a plan table (None: they may)."""
        if self.may_edit_plans:
            return None
        if self.role is None:
            return self._no_role()
        return server_roles.may_not(self.role, change, server_roles.records_words(table))

    def _no_role(self) -> str:
        return server_roles.no_role(self.login or "")


EVERYTHING = Permissions()


def of(plan: OpenPlan) -> Permissions:
    """What the user of the open plan may change, as the server says now (a file: everything)."""
    shared = on_server(plan)
    if shared is None:
        return EVERYTHING
    who = shared.who()
    return Permissions(who.role, who.login, who.unit_id)
