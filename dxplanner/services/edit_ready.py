"""Make ready, while the window idles, what a plan's first edit would otherwise do first."""

from __future__ import annotations

from dxplanner.services import outline
from dxplanner.services.open_plan import OpenPlan
from dxplanner.store.operations.tasks import read_as_an_edit


def prepare_task_edits(plan: OpenPlan, plan_id: int, task_id: int) -> bool:
    """Do once what the first edit of a task's fields pays for and later ones do not, writing nothing.

    The change capture each write needs on its connection, and the first use of the statements an
    edit runs and of those the sheet reads the edited task back with (SQLAlchemy compiles each once).
    False when a connection was busy elsewhere meanwhile and may not be ready: try again later.
    """
    if plan.read_only:
        return True
    ready = plan.prepare_writing()
    read_as_an_edit(plan, task_id)
    outline.places(plan, plan_id, [task_id], with_rows=[task_id])
    return ready
