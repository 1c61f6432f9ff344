"""The dashboard's charts speak the user's language only: no English word on a Vietnamese chart."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from dxplanner.charts.budget import budget_figure
from dxplanner.charts.indicators import attainment_figure, kpi_figure
from dxplanner.charts.progress import progress_figure
from dxplanner.charts.units import units_figure
from dxplanner.core.dashboard import DashboardData, DashboardFilter
from dxplanner.i18n import set_language
from dxplanner.resources import bundled_dir
from dxplanner.store.dashboard_data import dashboard_data
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore

AS_OF = datetime.date(2026, 11, 20)

# Each chart as the dashboard page draws it: on the figure it showed before, when there is one.
Draw = Callable[[DashboardData, Figure | None], Figure]
CHARTS: dict[str, Draw] = {
    "progress": lambda data, shown: progress_figure(data.progress, data.title, reuse=shown),
    "units": lambda data, shown: units_figure(data.units, reuse=shown),
    "budget": lambda data, shown: budget_figure(data.budget, reuse=shown),
    "attainment": lambda data, _shown: attainment_figure(data.indicators),
    "kpi": lambda data, _shown: kpi_figure(data.indicators),
    "kpi_separate": lambda data, _shown: kpi_figure(data.indicators[:6]),
}


@pytest.fixture
def demo(demo_path: Path) -> Iterator[PlanStore]:
    store = open_plan_file(demo_path, read_only=True)
    yield store
    store.close()


def _data(store: PlanStore) -> DashboardData:
    with store.read() as session:
        return dashboard_data(session, DashboardFilter(1, AS_OF))


def _english_messages() -> list[tuple[str, re.Pattern[str]]]:
    """Each English message that Vietnamese says otherwise, as a pattern that finds it in a text
    (its {fields} match anything)."""
    path = bundled_dir("resources") / "translations" / "vi.json"
    catalog: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for english, vietnamese in catalog.items():
        parts = re.split(r"\{[^}]*\}", english)
        # Only what has English words of its own: "{month} {year}" says nothing in any language,
        # and an acronym ("ODA") is said as such in Vietnamese too.
        if english == vietnamese or not re.search(r"(?=[A-Za-z]*[a-z])[A-Za-z]{3,}", "".join(parts)):
            continue
        parts = [re.escape(part) for part in parts]
        found.append((english, re.compile(r"(?<!\w)" + ".+?".join(parts) + r"(?!\w)")))
    return found


def _texts(figure: Figure) -> list[str]:
    """Every text the figure shows once drawn: titles, labels, ticks, legends, notes."""
    FigureCanvasAgg(figure).draw()
    # Words broken over lines (the gap label on a narrow chart) read as one line.
    return [
        " ".join(text.get_text().split())
        for text in figure.findobj(Text)
        if isinstance(text, Text) and text.get_visible() and text.get_text().strip()
    ]


def _english_in(figure: Figure) -> list[tuple[str, str]]:
    english = _english_messages()
    return [
        (text, message) for text in _texts(figure) for message, pattern in english if pattern.search(text)
    ]


@pytest.mark.parametrize("kind", list(CHARTS))
def test_a_chart_drawn_in_vietnamese_says_no_english_word(demo: PlanStore, kind: str) -> None:
    set_language("vi")
    figure = CHARTS[kind](_data(demo), None)
    assert _english_in(figure) == []


@pytest.mark.parametrize("kind", list(CHARTS))
def test_a_chart_redrawn_after_a_switch_to_vietnamese_says_no_english_word(
    demo: PlanStore, kind: str
) -> None:
    # The dashboard hands each chart the figure it showed before, to draw the new numbers on:
    # after a change of language that figure holds the words of the old one.
    shown = CHARTS[kind](_data(demo), None)
    FigureCanvasAgg(shown).draw()
    set_language("vi")
    figure = CHARTS[kind](_data(demo), shown)
    assert _english_in(figure) == []


def test_the_check_finds_english_on_a_chart() -> None:
    # The check itself: an English chart is caught, by its words and by its filled-in messages.
    figure = Figure()
    axes = figure.add_subplot()
    axes.set_ylabel("billion đồng")
    axes.text(0, 0, "-7 points against the plan")
    found = {message for _text, message in _english_in(figure)}
    assert {"billion đồng", "{gap:+.0f} points against the plan"} <= found
