"""Opening a plan file for a command, and telling the user on stderr what the opening had to say."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from dxplanner.core.errors import ReadOnlyError
from dxplanner.i18n import _

if TYPE_CHECKING:
    from dxplanner.locations import PlanLocation
    from dxplanner.services.open_plan import OpenPlan

# The store (SQLAlchemy, SQLModel, the table classes) is loaded here, by the first command that
# opens a plan, not when the commands' modules are imported: `--help` must start at once.


def open_for_command(
    path: PlanLocation, err: TextIO, *, read_only: bool = False, to_write: bool = False
) -> OpenPlan:
    """Open path (a plan file, or a postgresql:// URL); a notice (an interrupted change undone, an
    upgrade, read-only) goes to err.

    to_write: the command writes into the file, so a file that opened read-only is refused with
    the reason (said once, as the refusal) before anything begins.
    """
    from dxplanner.services.files import open_plan

    store = open_plan(path, read_only=read_only)
    if to_write and store.read_only:
        store.close()
        raise ReadOnlyError(_("{notice} Nothing was imported.").format(notice=store.notice or ""))
    if store.notice:
        err.write(f"dxplanner: {store.notice}\n")
    return store


def refuse_if_damaged(plan: OpenPlan) -> None:
    """Refuse a plan whose file is damaged, with the reason (the services' check, loaded with the store)."""
    from dxplanner.services.files import refuse_if_damaged as refuse

    refuse(plan)
