"""A link between two tasks in words: which must wait for which, and why the dates refuse it."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dxplanner.core.enums import DependencyType
from dxplanner.core.models import Task
from dxplanner.core.schedule import Link
from dxplanner.i18n import _


def describe_link(link: Link, session: Session) -> str:
    """The link as a rule: “B” can only start after “A” ends (with its lag, if any)."""
    wanted = [link.predecessor, link.successor]
    names = dict(session.exec(select(Task.id, Task.name).where(col(Task.id).in_(wanted))).all())
    rules = {
        DependencyType.FS: _("“{successor}” can only start after “{predecessor}” ends"),
        DependencyType.SS: _("“{successor}” can only start after “{predecessor}” starts"),
        DependencyType.FF: _("“{successor}” can only end after “{predecessor}” ends"),
        DependencyType.SF: _("“{successor}” can only end after “{predecessor}” starts"),
    }
    rule = rules[link.type].format(successor=names[link.successor], predecessor=names[link.predecessor])
    if link.lag:
        rule += " " + _("(with a lag of {lag} working days)").format(lag=link.lag)
    return rule


def link_refusal(link: Link, session: Session) -> str:
    """Why a new or changed link is refused: the tasks' planned dates break it at once."""
    # The successor's start is what FS and SS bound, its end what FF and SF bound.
    if link.type in (DependencyType.FS, DependencyType.SS):
        clash = _("but it is planned to start before that")
    else:
        clash = _("but it is planned to end before that")
    return _("This link is refused: {rule}, {clash}. Move one of the two tasks first.").format(
        rule=describe_link(link, session), clash=clash
    )
