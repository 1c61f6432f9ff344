"""Numbers written the way the reader's language writes them (Vietnamese: 1.500.000 and 12,5)."""

from __future__ import annotations

from dxplanner.i18n import current_language

# The thousands separator and the decimal mark of each language.
_MARKS = {"vi": (".", ","), "en": (",", ".")}


def _marks() -> tuple[str, str]:
    return _MARKS.get(current_language(), _MARKS["en"])


def whole_text(value: float) -> str:
    """A whole number (an amount in đồng, a count) with thousands grouped: 1.500.000 or 1,500,000."""
    thousands, _decimal = _marks()
    return f"{round(value):,}".replace(",", thousands)


def decimal_text(value: float) -> str:
    """A measured number as short as it is exact (12 or 12,5), with the language's decimal mark."""
    _thousands, decimal = _marks()
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}".replace(".", decimal)
