"""What a progress or status edit writes so that the two agree, for any front end (no window needed)."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from dxplanner.core.enums import TaskKind, TaskStatus
from dxplanner.i18n import set_language
from dxplanner.services.outline import SheetRow
from dxplanner.services.progress_edits import agreeing_fields

S = TaskStatus
ROW = SheetRow(
    id=1, code="1", name="Nền tảng dữ liệu", kind=TaskKind.TASK, lead_unit_id=None, lead_unit=None,
    cooperating_ids=(), cooperating="", timeline_text=None, planned_start=datetime.date(2026, 1, 1),
    planned_end=datetime.date(2026, 6, 30), progress=75.0, status=S.IN_PROGRESS, product=None, notes=None,
    budget=0, baseline_end=None, actual_end=None,
)  # fmt: skip


def _row(progress: float, status: TaskStatus) -> SheetRow:
    return dataclasses.replace(ROW, progress=progress, status=status)


def test_a_figure_that_changes_the_status_writes_both_and_says_so() -> None:
    assert agreeing_fields(_row(100, S.COMPLETED), True, 60) == (
        {"progress": 60, "status": S.IN_PROGRESS},
        "“Nền tảng dữ liệu” is at 60% now, so its status is in progress.",
    )
    assert agreeing_fields(_row(75, S.IN_PROGRESS), True, "100") == (
        {"progress": "100", "status": S.COMPLETED},
        "“Nền tảng dữ liệu” is at 100% now, so its status is completed.",
    )


def test_a_figure_that_agrees_with_the_status_writes_itself_alone() -> None:
    assert agreeing_fields(_row(75, S.IN_PROGRESS), True, 80) == ({"progress": 80}, None)
    # Paused work keeps its status whatever its figure.
    assert agreeing_fields(_row(30, S.SUSPENDED), True, 100) == ({"progress": 100}, None)


@pytest.mark.parametrize("typed", ["abc", None, 120, -5])
def test_a_figure_the_rules_refuse_goes_on_untouched_for_their_message(typed: object) -> None:
    assert agreeing_fields(_row(75, S.IN_PROGRESS), True, typed) == ({"progress": typed}, None)


def test_a_status_that_names_a_figure_writes_both_and_says_so() -> None:
    assert agreeing_fields(_row(75, S.IN_PROGRESS), False, "completed") == (
        {"status": S.COMPLETED, "progress": 100.0},
        "“Nền tảng dữ liệu” is completed now, so its progress is 100%.",
    )
    assert agreeing_fields(_row(75, S.IN_PROGRESS), False, S.NOT_STARTED) == (
        {"status": S.NOT_STARTED, "progress": 0.0},
        "“Nền tảng dữ liệu” is not started now, so its progress is 0%.",
    )
    assert agreeing_fields(_row(75, S.IN_PROGRESS), False, S.SUSPENDED) == ({"status": S.SUSPENDED}, None)
    assert agreeing_fields(_row(75, S.IN_PROGRESS), False, "paused?") == ({"status": "paused?"}, None)


def test_in_progress_at_100_is_refused_with_what_to_do_instead() -> None:
    refused = agreeing_fields(_row(100, S.COMPLETED), False, S.IN_PROGRESS)
    assert refused == (
        "“Nền tảng dữ liệu” is at 100%, which is done. To take it back to in progress, type the progress "
        "it has really made in its Progress cell: the status follows."
    )


def test_what_it_says_is_in_the_users_language() -> None:
    set_language("vi")
    agreed = agreeing_fields(_row(100, S.COMPLETED), True, 60)
    assert isinstance(agreed, tuple)
    assert agreed[1] == "“Nền tảng dữ liệu” nay ở mức 60%, nên tình trạng chuyển thành đang thực hiện."
