"""Which units have replied to a round of progress forms, which are late, and the reminder list."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass

from dxplanner.core.progress_form import FormRole, reporting_period
from dxplanner.core.text import fold
from dxplanner.i18n import _
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.form_rounds import forms_state, round_units


class ReplyState(enum.StrEnum):
    """Where a unit's form of a round stands."""

    RECEIVED = "received"  # by the deadline
    LATE = "late"  # received after the deadline
    WAITING = "waiting"  # not received, still in time
    OVERDUE = "overdue"  # not received, the deadline passed


@dataclass(frozen=True)
class RoundItem:
    """A round as a list names it."""

    id: int
    text: str


@dataclass(frozen=True)
class UnitReply:
    """A unit sent the round's form, and whether (and when) it replied."""

    unit_id: int
    unit_name: str  # with "(cooperating)" after it for a cooperating unit's form
    state: ReplyState
    received_at: datetime.datetime | None = None
    reporter: str | None = None
    role: FormRole = FormRole.LEAD

    @property
    def replied(self) -> bool:
        """Whether the unit's form has been collected."""
        return self.received_at is not None


@dataclass(frozen=True)
class RoundReplies:
    """A round and each unit's reply, in the order of the units' names."""

    round_id: int
    plan_name: str
    as_of: datetime.date
    deadline: datetime.date
    units: tuple[UnitReply, ...]


def rounds(plan: OpenPlan) -> list[RoundItem]:
    """The rounds sent from the plan file, newest first, each named by its plan and reporting day."""
    state = forms_state(plan)
    return [
        RoundItem(
            found.id,
            _("{plan}, as of {day}").format(
                plan=state.plan_names.get(found.plan_id, ""), day=found.as_of.strftime("%d/%m/%Y")
            ),
        )
        for found in reversed(state.rounds)
    ]


def replies(plan: OpenPlan, round_id: int, today: datetime.date) -> RoundReplies | None:
    """Each unit the round went to, with its reply; None when the round is gone."""
    found = round_units(plan, round_id)
    if found is None:
        return None
    sent, plan_name, units = found
    received = {
        (receipt.unit_id, receipt.role): receipt
        for receipt in forms_state(plan).receipts
        if receipt.round_id == round_id
    }
    listed = []
    # A unit's lead form, then its cooperating one.
    ordered = sorted(units.items(), key=lambda item: (fold(item[1]), item[0][0], item[0][1] != FormRole.LEAD))
    for (unit_id, role), name in ordered:
        shown = name if role is FormRole.LEAD else _("{unit} (cooperating)").format(unit=name)
        receipt = received.get((unit_id, role))
        if receipt is not None:
            late = receipt.received_at.date() > sent.deadline
            state = ReplyState.LATE if late else ReplyState.RECEIVED
            listed.append(UnitReply(unit_id, shown, state, receipt.received_at, receipt.reporter, role))
        else:
            state = ReplyState.OVERDUE if today > sent.deadline else ReplyState.WAITING
            listed.append(UnitReply(unit_id, shown, state, role=role))
    return RoundReplies(round_id, plan_name, sent.as_of, sent.deadline, tuple(listed))


def state_text(reply: UnitReply) -> str:
    """A unit's reply in words, with its day."""
    day = reply.received_at.strftime("%d/%m/%Y") if reply.received_at else ""
    return {
        ReplyState.RECEIVED: _("Received on {day}"),
        ReplyState.LATE: _("Received late, on {day}"),
        ReplyState.WAITING: _("Not yet sent"),
        ReplyState.OVERDUE: _("Not yet sent, overdue"),
    }[reply.state].format(day=day)


def reminder(found: RoundReplies) -> str:
    """The reminder list: the units that have not replied, with the deadline, ready to paste."""
    waiting = [reply.unit_name for reply in found.units if not reply.replied]
    if not waiting:
        return _("Every unit has sent its progress form for {period} of “{plan}”.").format(
            period=reporting_period(found.as_of), plan=found.plan_name
        )
    lines = [
        _(
            "Reminder: the units below have not yet sent their progress form for {period} of “{plan}” "
            "(data as of {day}); it was due on {deadline}."
        ).format(
            period=reporting_period(found.as_of),
            plan=found.plan_name,
            day=found.as_of.strftime("%d/%m/%Y"),
            deadline=found.deadline.strftime("%d/%m/%Y"),
        )
    ]
    lines.extend(f"{number}. {name}" for number, name in enumerate(waiting, 1))
    return "\n".join(lines)
