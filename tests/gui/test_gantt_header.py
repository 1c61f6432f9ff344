"""The chart's time header labels every cell that has room for one, week 10 to 53 too."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtGui import QFont, QImage, QPainter
from pytestqt.qtbot import QtBot

from dxplanner.core.gantt_scale import MIN_CELL_PX, TimeScale, TimeUnit, bands
from dxplanner.ui.gantt.painter import GanttPainter

pytestmark = pytest.mark.gui


class _Recording(QPainter):
    """A painter that notes the texts it draws."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *arguments: object) -> None:  # type: ignore[override]  # noqa: N802 (Qt's name)
        self.texts.append(str(arguments[-1]))
        super().drawText(*arguments)  # type: ignore[call-overload]


def test_weeks_past_the_ninth_are_labelled_where_the_short_label_does_not_fit(qtbot: QtBot) -> None:
    """At the narrowest zoom that shows weeks, "W10" did not fit a week and weeks 10 on went blank."""
    px_per_day = MIN_CELL_PX / 7
    assert bands(px_per_day)[1] is TimeUnit.WEEK
    scale = TimeScale(datetime.date(2027, 1, 4), px_per_day)  # a Monday: week 1
    width = 20 * 7 * px_per_day
    image = QImage(int(width) + 1, 40, QImage.Format.Format_ARGB32)
    recording = _Recording(image)
    try:
        GanttPainter(22.0, QFont("DejaVu Sans", 9)).header(recording, width, 40.0, scale, 0.0)
    finally:
        recording.end()
    weeks = [text for text in recording.texts if text.lstrip("W").isdigit()]
    assert [int(text.lstrip("W")) for text in weeks] == list(range(1, 21))
