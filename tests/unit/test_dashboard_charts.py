"""The dashboard's numbers on the demo plan, and the figures drawn from them (their artists, not pixels)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Text

from dxplanner import cli
from dxplanner.charts.budget import budget_figure
from dxplanner.charts.figures import KINDS, dashboard_figure
from dxplanner.charts.indicators import attainment_figure, kpi_figure
from dxplanner.charts.progress import progress_figure
from dxplanner.charts.units import STACK, units_figure
from dxplanner.core.attainment import AttainmentStatus
from dxplanner.core.budget import Money, grand_total
from dxplanner.core.dashboard import (
    BudgetData,
    DashboardData,
    DashboardFilter,
    IndicatorData,
    ProgressData,
    UnitLoad,
)
from dxplanner.core.enums import Area, Pillar
from dxplanner.core.rollup import work_items
from dxplanner.core.status import Health
from dxplanner.store import queries
from dxplanner.store.dashboard_data import dashboard_data
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore

AS_OF = datetime.date(2026, 11, 20)


@pytest.fixture
def demo(demo_path: Path) -> Iterator[PlanStore]:
    store = open_plan_file(demo_path, read_only=True)
    yield store
    store.close()


def _data(store: PlanStore, **choice: object) -> DashboardData:
    with store.read() as session:
        return dashboard_data(session, DashboardFilter(1, AS_OF, **choice))  # type: ignore[arg-type]


def _line(figure: Figure, gid: str) -> list[float]:
    lines = [line for axes in figure.axes for line in axes.get_lines() if line.get_gid() == gid]
    assert len(lines) == 1, gid
    return [float(value) for value in lines[0].get_ydata()]  # type: ignore[union-attr, arg-type]


def _bars(figure: Figure, gid: str) -> list[BarContainer]:
    return [
        container
        for axes in figure.axes
        for container in axes.containers
        # bar(gid=...) marks each bar of the container
        if isinstance(container, BarContainer) and container.patches and container.patches[0].get_gid() == gid
    ]


# The numbers.


def test_the_strategy_dashboard_counts_every_task_once(demo: PlanStore) -> None:
    data = _data(demo)
    with demo.read() as session:
        plan_ids = [plan.id for plan in queries.plans(session, 1)]
        nodes = queries.outline_nodes(session, plan_ids)
        facts = queries.budget_facts(session, plan_ids)
    # Every leaf, and every task that holds work of its own beside its sub-tasks' (issue 15).
    assert sum(load.total for load in data.units) == len(work_items(nodes))
    assert len(data.indicators) == 21 and data.indicators[0].years == (2021, 2022, 2023, 2024, 2025)
    total = grand_total(facts)
    assert sum(money.planned for _source, money in data.budget.by_source) == total.planned
    assert sum(money.disbursed for _year, money in data.budget.by_year) == total.disbursed
    # The attention list: late tasks first, the latest first; only late and at-risk tasks.
    healths = [item.health for item in data.attention]
    assert set(healths) <= {Health.LATE, Health.AT_RISK} and healths == sorted(
        healths, key=lambda h: h != Health.LATE
    )
    late = [item.days_late for item in data.attention if item.health is Health.LATE]
    assert late == sorted(late, reverse=True) and late[0] > 0
    # Progress: the curves end at today's values, and nothing is above 100%.
    progress = data.progress
    now = progress.dates.index(AS_OF)
    assert (progress.planned[now], progress.actual[now]) == (progress.planned_now, progress.actual_now)
    assert 0 < progress.actual_now < progress.planned_now <= 100


def test_filters_narrow_the_dashboard(demo: PlanStore) -> None:
    everything = _data(demo)
    plan = _data(demo, plan_id=6)
    # 61 leaves, and two tasks with sub-tasks that report progress of their own (364, 376).
    assert plan.title.endswith("2026") and sum(load.total for load in plan.units) == 63
    unit = _data(demo, unit_id=_unit_id(demo, "BCA"))
    assert {load.unit for load in unit.units} <= {"BCA", "C06"} and unit.units
    society = _data(demo, pillar=Pillar.DIGITAL_SOCIETY)
    assert 0 < len(society.indicators) < len(everything.indicators)
    assert sum(load.total for load in society.units) < sum(load.total for load in everything.units)
    data = _data(demo, area=Area.DATA)
    assert 0 < sum(load.total for load in data.units) < sum(load.total for load in everything.units)


def _unit_id(store: PlanStore, short_name: str) -> int:
    with store.read() as session:
        return next(unit.id for unit in queries.unit_names(session) if unit.short_name == short_name)


# The figures.


def test_the_progress_figure_draws_both_curves_today_and_the_gap(demo: PlanStore) -> None:
    data = _data(demo, plan_id=6)
    figure = progress_figure(data.progress, data.title)
    assert _line(figure, "planned") == pytest.approx(list(data.progress.planned))
    assert _line(figure, "actual") == pytest.approx(list(data.progress.actual))
    assert _line(figure, "today") == [0.0, 1.0]  # a vertical line over the whole height
    texts = [text.get_text() for text in figure.axes[0].texts if text.get_gid() == "gap"]
    assert texts == [f"{-data.progress.gap:+.0f} points against the plan"]
    assert figure.get_suptitle() == data.title  # "Kế hoạch ... năm 2026" is short enough


def test_the_indicator_figures_show_each_indicator_against_its_targets(demo: PlanStore) -> None:
    indicators = _data(demo).indicators
    few = indicators[:6]  # a chart each
    kpi = kpi_figure(few)
    measured = _bars(kpi, "measured")
    assert len(measured) == len(few) and len(kpi.axes) >= len(few)
    first = few[0]
    assert [bar.get_height() for bar in measured[0]] == [value or 0.0 for value in first.measured]
    targets = [line for line in kpi.axes[0].get_lines() if line.get_gid() == "target"]
    assert list(targets[0].get_ydata()) == [value for value in first.targets if value is not None]  # type: ignore[arg-type]
    # All 21 at once: a compact grid on one set of axes, one bar per measured value.
    compact = kpi_figure(indicators)
    assert len(compact.axes) == 1
    (bars,) = _bars(compact, "measured")
    assert len(bars) == sum(value is not None for item in indicators for value in item.measured)
    headings = [
        text.get_text().split()[0]
        for text in compact.axes[0].texts
        # the estate's figure, beside a heading, and the name, under it
        if not str(text.get_gid()).startswith(("estate_figure:", "name:"))
    ]
    assert headings == [item.code for item in indicators]

    attainment = attainment_figure(indicators)
    (bars,) = _bars(attainment, "attainment")
    widths = [bar.get_width() for bar in bars]
    assert len(widths) == len(indicators) and widths[-1] == max(widths)
    labels = [tick.get_text() for tick in attainment.axes[0].get_yticklabels()]
    expected = sorted(indicators, key=lambda item: (item.percent is not None, item.percent or 0.0))
    assert [text.split()[0] for text in labels] == [item.code for item in expected]


def test_each_small_chart_names_its_indicator_under_its_code(demo: PlanStore) -> None:
    indicators = _data(demo).indicators
    compact = kpi_figure(indicators)
    names = {
        str(text.get_gid()).removeprefix("name:"): " ".join(text.get_text().split())  # in two lines
        for text in compact.axes[0].texts
        if str(text.get_gid()).startswith("name:")
    }
    assert list(names) == [item.code for item in indicators]
    for item in indicators:
        said = names[item.code]
        assert said == item.name or (
            said.endswith("…") and item.name.startswith(said[:-1]) and len(said) > 40
        )
    assert names["CT15"] == "Tỷ trọng kinh tế số trong GDP"
    # A few indicators, a chart each: the name under each chart's heading.
    few = kpi_figure(indicators[7:16])
    names = {
        str(text.get_gid()).removeprefix("name:"): text.get_text()
        for text in few.findobj(Text)
        if str(text.get_gid()).startswith("name:")
    }
    assert list(names) == [item.code for item in indicators[7:16]]
    assert names["CT19"] == "Số hệ thống kết nối LGSP/NDXP"
    assert all(item.name.startswith(names[item.code].removesuffix("…")) for item in indicators[7:16])


@pytest.mark.parametrize("width", [7.9, 12.5])  # inches: the dashboard's width at 1366 and 1920 pixels
def test_the_attainment_chart_names_each_indicator_beside_its_code(demo: PlanStore, width: float) -> None:
    indicators = {item.code: item for item in _data(demo).indicators}
    figure = attainment_figure(list(indicators.values()))
    figure.set_size_inches(width, figure.get_size_inches()[1])
    FigureCanvasAgg(figure).draw()
    ticks = figure.axes[0].get_yticklabels()
    for tick in ticks:
        code, _space, name = tick.get_text().partition(" ")
        whole = indicators[code].name
        # The name as written, or its start cut at a word's end with "…" where it is long.
        assert name == whole or (name.endswith("…") and whole.startswith(name[:-1]) and len(name) > 25)
        # ...and all of it shows: nothing is cut at the figure's left edge.
        assert tick.get_window_extent().x0 >= 0
    assert any(tick.get_text() == "CT19 Số hệ thống kết nối LGSP/NDXP" for tick in ticks)
    # Names that start alike stay apart where they differ.
    same_start = [tick.get_text() for tick in ticks if tick.get_text().startswith(("CT11", "CT12", "CT13"))]
    assert len({text.split(" ", 1)[1] for text in same_start}) == 3


def test_the_units_figure_stacks_each_standing_and_puts_the_latest_first(demo: PlanStore) -> None:
    units = _data(demo, plan_id=6).units
    figure = units_figure(units)
    stacks = {health: _bars(figure, health.value)[0] for health in STACK}
    names = [tick.get_text() for tick in figure.axes[0].get_yticklabels()]
    assert names[-1] == units[0].unit  # the top bar is the unit with the most late tasks
    late = [bar.get_width() for bar in stacks[Health.LATE]]
    assert late[-1] == max(late) == units[0].late


def test_the_budget_figure_speaks_in_billions_of_dong(demo: PlanStore) -> None:
    budget = _data(demo).budget
    figure = budget_figure(budget)
    assert len(figure.axes) == 3
    (planned,) = [
        container for container in _bars(figure, "Planned") if container in figure.axes[0].containers
    ]
    assert [bar.get_height() for bar in planned] == pytest.approx(
        [money.planned / 1e9 for _s, money in budget.by_source]
    )
    assert figure.axes[0].get_ylabel() == "billion đồng"


@pytest.mark.parametrize("full", [False, True], ids=["demo", "every-bar-full"])
def test_the_budget_legend_hides_no_bar_and_no_title(demo: PlanStore, full: bool) -> None:
    budget = _data(demo).budget
    if full:  # every panel's bars as tall as its tallest: no corner of any panel is free
        high = Money(9 * 10**9, 9 * 10**9, 9 * 10**9)
        budget = BudgetData(
            tuple((name, high) for name, _m in budget.by_source),
            tuple((year, high) for year, _m in budget.by_year),
            tuple((name, high) for name, _m in budget.by_unit),
        )
    figure = budget_figure(budget)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    legends = [*figure.legends, *(legend for axes in figure.axes if (legend := axes.get_legend()))]
    assert len(legends) == 1
    box = legends[0].get_window_extent(renderer)
    assert {text.get_text() for text in legends[0].get_texts()} == {"Planned", "Allocated", "Disbursed"}
    (title,) = [text for text in figure.findobj(Text) if text.get_text() == "Budget"]
    covered = [
        artist
        for axes in figure.axes
        for artist in [*axes.patches, axes.title, axes.yaxis.label, title]
        if artist.get_visible() and box.overlaps(artist.get_window_extent(renderer))
    ]
    assert covered == []
    assert figure.bbox.contains(box.x0, box.y0) and figure.bbox.contains(box.x1, box.y1)


def test_an_attainment_figure_let_go_is_freed_with_its_row_words(demo: PlanStore) -> None:
    import gc
    import weakref

    from dxplanner.charts.hover import words_at

    indicators = _data(demo).indicators
    kept = attainment_figure(indicators)
    gone = [weakref.ref(attainment_figure(indicators)) for _ in range(3)]
    gc.collect()
    assert [figure() for figure in gone] == [None, None, None]
    FigureCanvasAgg(kept).draw()
    bar = kept.axes[0].containers[0][0]
    middle = bar.get_window_extent()
    assert words_at(kept, middle.x0 + 1, (middle.y0 + middle.y1) / 2) is not None


def test_every_chart_copes_with_empty_plans_no_reports_and_no_targets() -> None:
    empty = ProgressData((), (), (), AS_OF)
    days = (datetime.date(2026, 1, 1), AS_OF)
    no_reports = ProgressData(days, (0.0, 80.0), (0.0, 0.0), AS_OF, 80.0, 0.0)
    no_targets = IndicatorData("X1", "Chỉ tiêu", "%", (2025, 2026), (None, 4.0), (None, None), (None, None),
                               AttainmentStatus.NO_TARGET, None)  # fmt: skip
    figures = [
        progress_figure(empty),
        progress_figure(no_reports),
        kpi_figure([]),
        kpi_figure([no_targets]),
        attainment_figure([]),
        attainment_figure([no_targets]),
        units_figure([]),
        units_figure([UnitLoad("A", {})]),
        budget_figure(BudgetData()),
    ]
    for figure in figures:
        figure.canvas.draw()  # laying out and drawing raises nothing
    assert _line(figures[1], "actual") == [0.0, 0.0]
    assert any(text.get_text() == "No dated tasks for this choice" for text in figures[0].axes[0].texts)


def test_chart_command_writes_each_dashboard_chart(tmp_path: Path, demo_path: Path) -> None:
    for kind in KINDS:
        out, err = io.StringIO(), io.StringIO()
        target = tmp_path / f"{kind}.svg"
        status = cli.run(
            ["chart", str(demo_path), "--kind", kind, "--out", str(target), "--as-of", "2026-11-20"], out, err
        )
        assert (status, err.getvalue()) == (0, "")
        assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert dashboard_figure("units", _data_from(demo_path)).axes
    err = io.StringIO()
    bad = cli.run(
        ["chart", str(demo_path), "--kind", "budget", "--strategy", "9", "--out", "x.png"], io.StringIO(), err
    )
    assert (bad, err.getvalue()) == (1, "dxplanner: There is no strategy with id 9.\n")
    for wrong, message in (
        (["--strategy", "1", "--plan", "999"], "has no action plan with id 999."),
        (["--unit", "9999"], "There is no unit with id 9999."),
    ):
        err = io.StringIO()
        target = tmp_path / "wrong.png"
        status = cli.run(
            ["chart", str(demo_path), "--kind", "units", *wrong, "--out", str(target)], io.StringIO(), err
        )
        assert status == 1 and err.getvalue().rstrip().endswith(message) and not target.exists()


def _data_from(path: Path) -> DashboardData:
    store = open_plan_file(path, read_only=True)
    try:
        return _data(store)
    finally:
        store.close()


def _pixels(figure: Figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure.set_size_inches(8, 5)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return bytes(canvas.buffer_rgba())


@pytest.mark.parametrize("kind", ["progress", "units", "budget"])
def test_a_chart_redrawn_with_a_filters_numbers_looks_as_one_drawn_anew(demo: PlanStore, kind: str) -> None:
    whole, narrow = _data(demo), _data(demo, plan_id=6, pillar=Pillar.DIGITAL_GOVERNMENT)
    draw = {
        "progress": lambda data, shown: progress_figure(data.progress, data.title, reuse=shown),
        "units": lambda data, shown: units_figure(data.units, reuse=shown),
        "budget": lambda data, shown: budget_figure(data.budget, reuse=shown),
    }[kind]
    before = draw(whole, None)
    after = draw(narrow, before)
    assert after is before  # the chart took the new numbers...
    assert _pixels(after) == _pixels(draw(narrow, None))  # ...and shows what a new chart of them shows


@pytest.mark.parametrize("kind", ["progress", "units", "budget", "kpi", "attainment"])
def test_a_chart_drawn_with_remembered_glyphs_looks_as_matplotlib_draws_it(
    demo: PlanStore, kind: str
) -> None:
    from dxplanner.charts.glyphs import GlyphCanvas, GlyphRenderer

    whole, narrow = _data(demo), _data(demo, plan_id=6, pillar=Pillar.DIGITAL_GOVERNMENT)
    for data in (whole, narrow, whole):  # the second and third draws take glyphs the first remembered
        figure = dashboard_figure(kind, data)
        figure.set_size_inches(8, 5)
        remembered = GlyphCanvas(figure)
        remembered.draw()
        assert isinstance(remembered.get_renderer(), GlyphRenderer)
        assert bytes(remembered.buffer_rgba()) == _pixels(dashboard_figure(kind, data))


def test_a_chart_is_drawn_as_matplotlib_draws_it_when_its_font_calls_are_not_there(
    demo: PlanStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The remembered glyphs lean on matplotlib's own font calls: a release that renames them
    # must leave the dashboard drawing its words as matplotlib does, not failing at every paint.
    from dxplanner.charts import glyphs

    def renamed(*_arguments: object) -> None:
        raise AttributeError("'FT2Font' object has no attribute '_layout'")

    monkeypatch.setattr(glyphs, "_layout", renamed)
    monkeypatch.setattr(glyphs, "_working", True)
    data = _data(demo)
    figure = dashboard_figure("units", data)
    figure.set_size_inches(8, 5)
    remembered = glyphs.GlyphCanvas(figure)
    remembered.draw()
    assert bytes(remembered.buffer_rgba()) == _pixels(dashboard_figure("units", data))
