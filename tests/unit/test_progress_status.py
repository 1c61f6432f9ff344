"""Progress and status agree after either is changed, so the sheet shows what is stored."""

from __future__ import annotations

import pytest

from dxplanner.core.enums import TaskStatus as S
from dxplanner.core.progress_status import progress_after_status, status_after_progress


@pytest.mark.parametrize(
    ("progress", "before", "after"),
    [
        (60, S.COMPLETED, S.IN_PROGRESS),
        (0, S.COMPLETED, S.NOT_STARTED),
        (100, S.IN_PROGRESS, S.COMPLETED),
        (100, S.NOT_STARTED, S.COMPLETED),
        (30, S.NOT_STARTED, S.IN_PROGRESS),
        (0, S.IN_PROGRESS, S.IN_PROGRESS),  # started, nothing to show yet
        (30, S.IN_PROGRESS, S.IN_PROGRESS),
        (100, S.SUSPENDED, S.SUSPENDED),
        (40, S.CANCELLED, S.CANCELLED),
    ],
)
def test_a_new_figure_brings_the_status_along(progress: float, before: S, after: S) -> None:
    assert status_after_progress(progress, before) is after


@pytest.mark.parametrize(
    ("status", "progress", "after"),
    [
        (S.COMPLETED, 75, 100),
        (S.NOT_STARTED, 75, 0),
        (S.IN_PROGRESS, 40, 40),
        (S.IN_PROGRESS, 0, 0),
        (S.IN_PROGRESS, 100, None),  # how much is left cannot be told
        (S.SUSPENDED, 40, 40),
        (S.CANCELLED, 100, 100),
    ],
)
def test_a_new_status_brings_the_figure_along(status: S, progress: float, after: float | None) -> None:
    assert progress_after_status(status, progress) == after
