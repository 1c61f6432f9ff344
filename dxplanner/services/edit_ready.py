"""Make ready, while the window idles, what a plan's first edit would otherwise do first."""

from __future__ import annotations

from dxplanner.services import outline
from dxplanner.services.files import is_shared
from dxplanner.services.open_plan import OpenPlan


def prepare_task_edits(plan: OpenPlan, plan_id: int, task_id: int) -> bool:
    """Do once what the first edit of a task's fields pays for and later ones do not, writing nothing.

    The change capture each write needs on its connection, and the first use of the statements an
    edit runs and of those the sheet reads the edited task back with (SQLAlchemy compiles each once).
    False when a connection was busy elsewhere meanwhile and may not be ready: try again later.
    Not on a server: its reads wait for other users' locks on a row with no time limit (only
    writes give up), and the window would hang until they commit; there the first edit pays itself.
    """
    if plan.read_only or is_shared(plan):
        return True
    # The table classes, loaded here if nothing loaded them since the first paint.
    from dxplanner.store.operations.tasks import read_as_an_edit

    ready = plan.prepare_writing()
    read_as_an_edit(plan, task_id)
    outline.places(plan, plan_id, [task_id], with_rows=[task_id])
    return ready
