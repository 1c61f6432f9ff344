"""A spin box of percent that reads either decimal mark (2,5 or 2.5) and keeps the figure to a tenth."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from dxplanner.core.cells import number_cell
from dxplanner.core.errors import InvalidInputError
from dxplanner.numbers import decimal_text


class PercentBox(QDoubleSpinBox):
    """A percent to a tenth, typed with a comma or a point whatever the language.

    A spin box of whole numbers let "2,5" through as 25 (it drops a mark it does not take), and
    Qt's own decimal box reads a point as a thousands mark in Vietnamese (7.5 as 75).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(1)
        self.setSuffix("%")

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        return decimal_text(round(value, 1))

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt's name)
        figure = self._figure(text)
        return self.value() if figure is None else figure

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        special = self.specialValueText()
        if special and text == special:
            return QValidator.State.Acceptable, text, position
        body = self._body(text)
        if not body or body in {"-", ",", "."} or body[-1] in ",.":
            return QValidator.State.Intermediate, text, position  # still being typed
        figure = self._figure(text)
        if figure is None:
            return QValidator.State.Invalid, text, position
        if not self.minimum() <= figure <= self.maximum():
            return QValidator.State.Intermediate, text, position
        return QValidator.State.Acceptable, text, position

    def _body(self, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()

    def _figure(self, text: str) -> float | None:
        try:
            figure = number_cell(self._body(text), "")
        except InvalidInputError:
            return None
        return None if figure is None else round(figure, 1)
