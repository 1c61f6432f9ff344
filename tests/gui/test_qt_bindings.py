"""The Qt bindings themselves: a release that loses references to None would abort a long session."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

pytestmark = pytest.mark.gui


def test_calls_that_return_nothing_keep_none_alive() -> None:
    # PySide6 6.12.0 on Python 3.11 drops one reference to None on every such call: the chart's
    # painting makes hundreds a frame, and the process aborts once None's count reaches zero.
    holder = QObject()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None)
    for _ in range(500):
        holder.setObjectName("x")
    painter = QPainter(image)
    for _ in range(500):
        painter.fillRect(QRectF(0, 0, 2, 2), QColor("red"))
        painter.save()
        painter.restore()
    painter.end()
    assert sys.getrefcount(None) >= before - 50
