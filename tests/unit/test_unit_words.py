"""A unit named by what a person typed or pasted, and why a text names none: no such unit, or several."""

from __future__ import annotations

import pytest

from dxplanner.core.matching import UnitIndex, UnitName
from dxplanner.i18n import set_language

UNITS = UnitIndex(
    [
        UnitName(27, "HN-STTTT", "Sở Thông tin và Truyền thông thành phố Hà Nội", "Sở TT&TT"),
        UnitName(29, "HCM-STTTT", "Sở Thông tin và Truyền thông Thành phố Hồ Chí Minh", "Sở TT&TT"),
        UnitName(7, "BCA", "Bộ Công an", None),
    ]
)


def test_a_code_or_a_full_name_names_one_of_units_sharing_a_short_name() -> None:
    assert UNITS.find("Sở TT&TT") is None
    found = [UNITS.find(words) for words in ("HN-STTTT", "hcm-stttt", "Bộ Công an")]
    assert [unit.id if unit else None for unit in found] == [27, 29, 7]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "Sở TT&TT",
            "Lead unit: several units are called 'Sở TT&TT'; type the unit's code or its full name.",
        ),
        (
            "Sở Thông tin",
            "Lead unit: several units are called 'Sở Thông tin'; type the unit's code or its full name.",
        ),
        ("Sở ABC", "Lead unit: no unit is called 'Sở ABC' in this plan file; add it under Units first."),
    ],
)
def test_a_text_naming_no_single_unit_says_whether_none_or_several_are_called_so(
    typed: str, said: str
) -> None:
    set_language("en")
    assert UNITS.find(typed) is None
    assert UNITS.not_one(typed, "Lead unit") == said


def test_the_reason_is_said_in_vietnamese() -> None:
    set_language("vi")
    try:
        assert UNITS.not_one("BTC", "Đơn vị chủ trì") == (
            "Đơn vị chủ trì: tệp kế hoạch này không có đơn vị nào tên 'BTC'; "
            "hãy thêm đơn vị đó vào mục Đơn vị trước."
        )
    finally:
        set_language("en")
