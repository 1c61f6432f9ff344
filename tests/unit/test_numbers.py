"""Numbers shown in each language read back as the same numbers; typed ones read as people mean them."""

from __future__ import annotations

import pytest

from dxplanner.core.cells import number_cell
from dxplanner.i18n import set_language
from dxplanner.numbers import decimal_text, whole_text


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("value", [0, 12, 12.5, 0.25, 19.8, 1_250.75, 1_500_000, 2_030])
def test_what_a_cell_shows_reads_back_as_the_same_number(language: str, value: float) -> None:
    set_language(language)
    assert number_cell(decimal_text(value), "x") == value
    if float(value).is_integer():
        assert number_cell(whole_text(value), "x") == value


def test_each_language_writes_its_own_marks() -> None:
    set_language("vi")
    assert (whole_text(1_500_000), decimal_text(12.5)) == ("1.500.000", "12,5")
    set_language("en")
    assert (whole_text(1_500_000), decimal_text(12.5)) == ("1,500,000", "12.5")


@pytest.mark.parametrize(
    ("language", "typed", "meant"),
    [
        ("vi", "1.250,5", 1250.5),
        ("vi", "12,5", 12.5),
        ("vi", "1,250", 1.25),
        ("en", "1,250", 1250),
        ("en", "1,250.5", 1250.5),
        ("en", "12,5", 12.5),
        ("en", "45%", 45),
    ],
)
def test_typed_numbers_read_as_a_reader_of_the_language_means_them(
    language: str, typed: str, meant: float
) -> None:
    set_language(language)
    assert number_cell(typed, "x") == meant
