"""Every value a user can pick or see in a list of choices has a name on screen, in both languages."""

from __future__ import annotations

import pytest

from dxplanner.core.enums import RiskCategory
from dxplanner.i18n import set_language
from dxplanner.labels import label


@pytest.mark.parametrize("category", list(RiskCategory))
def test_every_risk_category_has_a_name_in_english_and_vietnamese(category: RiskCategory) -> None:
    english = label(category)
    set_language("vi")
    try:
        vietnamese = label(category)
    finally:
        set_language("en")
    assert english and vietnamese and english != vietnamese
