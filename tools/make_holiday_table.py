"""Write resources/calendar/vn_public_holidays.json from the `holidays` package.

The table lets dxplanner know Vietnam's days off without importing `holidays`
(about 0.1 s) when a window opens. tests/unit/test_workdays.py fails when the
package and the table disagree; run this script then: python tools/make_holiday_table.py
"""

from __future__ import annotations

import json
from pathlib import Path

import holidays

FIRST_YEAR, LAST_YEAR = 2000, 2050
TABLE = Path(__file__).resolve().parents[1] / "resources" / "calendar" / "vn_public_holidays.json"


def table() -> dict[str, object]:
    """The days off and the swapped working days of every year in range, as ISO dates."""
    years: dict[str, dict[str, list[str]]] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        calendar = holidays.country_holidays("VN", years=year)
        years[str(year)] = {
            "days_off": sorted(day.isoformat() for day in calendar),
            "working_weekend_days": sorted(
                day.isoformat() for day in calendar.weekend_workdays if day.year == year
            ),
        }
    return {
        "about": "Vietnam's public holidays (Tết and Hùng Kings included) and weekend days declared "
        "working days, from the holidays package; regenerate with tools/make_holiday_table.py.",
        "holidays_version": holidays.__version__,
        "years": years,
    }


if __name__ == "__main__":
    TABLE.write_text(json.dumps(table(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TABLE}")
