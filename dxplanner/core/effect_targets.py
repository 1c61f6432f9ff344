"""Which effects a task may have on which kind of estate element, and why the others make no sense."""

from __future__ import annotations

import enum

from dxplanner.core.enums import EffectKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.i18n import _


class EffectTarget(enum.StrEnum):
    """The kind of record a task's effect acts on (the column of task_effect that names it)."""

    SYSTEM = "system_id"
    DATA_LINK = "data_link_id"
    SERVICE = "service_id"


# What a task can do to each kind of element. A system is built, changed, retired; a data link is
# connected (made to work), changed (what it shares) or retired (cut); a public service is raised to
# a level (that is how it is brought online), changed (its procedure re-engineered) or retired (the
# procedure abolished). Building a link or a service, connecting a system or a service, and raising
# anything but a service mean nothing, so they are refused with a hint of the effect that does.
ALLOWED: dict[EffectTarget, frozenset[EffectKind]] = {
    EffectTarget.SYSTEM: frozenset({EffectKind.BUILDS, EffectKind.CHANGES, EffectKind.RETIRES}),
    EffectTarget.DATA_LINK: frozenset({EffectKind.CONNECTS, EffectKind.CHANGES, EffectKind.RETIRES}),
    EffectTarget.SERVICE: frozenset({EffectKind.RAISES_LEVEL, EffectKind.CHANGES, EffectKind.RETIRES}),
}


def refuse_senseless(effect: EffectKind, target: EffectTarget) -> None:
    """InvalidInputError saying why effect cannot act on that kind of element (nothing when it can)."""
    if effect in ALLOWED[target]:
        return
    if effect is EffectKind.RAISES_LEVEL:
        message = _("Only a public service is raised to a level; choose a public service.")
    elif effect is EffectKind.CONNECTS:
        message = _(
            "Only a data link is connected: add the data link between the two systems, "
            "then let the task connect it."
        )
    elif target is EffectTarget.DATA_LINK:
        message = _("A data link is not built: a task connects it.")
    else:
        message = _("A public service is not built: a task raises it to a level of online service.")
    raise InvalidInputError(message)
