"""What a progress or status cell edit writes so that the two agree, and what it tells the user."""

from __future__ import annotations

from typing import Any

from dxplanner.core.enums import TaskStatus
from dxplanner.core.progress_status import progress_after_status, status_after_progress
from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text
from dxplanner.services.outline import SheetRow

# The fields to write, and a sentence for the status bar when more than the typed value changes.
Agreed = tuple[dict[str, Any], str | None]


def agreeing_fields(row: SheetRow, progress_typed: bool, value: Any) -> Agreed | str:
    """The fields a progress (else status) edit writes so the two agree, and what to tell the user;
    or why it is refused. A value the rules refuse anyway goes on untouched, for their message."""
    if progress_typed:
        try:
            figure = float(value)
        except (TypeError, ValueError):
            return {"progress": value}, None
        status = status_after_progress(figure, row.status)
        if not 0 <= figure <= 100 or status is row.status:
            return {"progress": value}, None
        told = _("“{task}” is at {progress}% now, so its status is {status}.")
        return {"progress": value, "status": status}, told.format(
            task=row.name, progress=decimal_text(figure), status=label(status).lower()
        )
    try:
        status = TaskStatus(value)
    except ValueError:
        return {"status": value}, None
    progress = progress_after_status(status, row.progress)
    if progress is None:
        return _(
            "“{task}” is at 100%, which is done. To take it back to in progress, type the progress "
            "it has really made in its Progress cell: the status follows."
        ).format(task=row.name)
    if progress == row.progress:
        return {"status": status}, None
    told = _("“{task}” is {status} now, so its progress is {progress}%.")
    return {"status": status, "progress": progress}, told.format(
        task=row.name, status=label(status).lower(), progress=decimal_text(progress)
    )
