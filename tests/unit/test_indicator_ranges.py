"""Targets written as a range ("40 - 50") or as a figure with words after it ("≥ 3% và tăng dần …")."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any, cast

import pytest
from sqlmodel import col, select

from dxplanner import cli
from dxplanner.core.attainment import AttainmentStatus, IndicatorFacts, attainment, main_targets
from dxplanner.core.dashboard import DashboardFilter
from dxplanner.core.enums import Comparison, Direction
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import IndicatorTable
from dxplanner.core.models import Indicator, IndicatorTarget
from dxplanner.core.target_text import read_targets
from dxplanner.excel.tables import read_table
from dxplanner.store.dashboard_data import dashboard_data
from dxplanner.store.operations.import_indicators import import_indicators, match_indicator_units
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit import excel_indicator_samples as samples
from tests.unit.indicator_round_trip import round_trip

GROWING = "≥ 3% và tăng dần theo yêu cầu phát triển"


def _run(arguments: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(arguments, out, err)
    return status, out.getvalue(), err.getvalue()


def _table(path: Path) -> IndicatorTable:
    table = read_table(path)
    assert isinstance(table, IndicatorTable), "read as a task table"
    return table


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        ("40 - 50", "Tổ chức", 40.0, 50.0),
        ("16 - 18", "%/năm", 16.0, 18.0),
        ("8 - 10", "%", 8.0, 10.0),
        ("20% - 50%", "%", 20.0, 50.0),
        ("20% - 50%", "% tổng chi NSNN", 20.0, 50.0),
        ("40-50%", "", 40.0, 50.0),
        ("1.000 – 1.500", "Doanh nghiệp", 1000.0, 1500.0),
        ("từ 40 đến 50", "Tổ chức", 40.0, 50.0),
        ("2,5 - 3,5", "%", 2.5, 3.5),
    ],
)
def test_a_range_is_read_as_at_least_its_low_figure_and_at_most_its_high_one(
    text: str, unit: str, low: float, high: float
) -> None:
    readings = read_targets(text, unit)
    assert [(r.value, r.upper, r.comparison, r.scope, r.note) for r in readings] == [
        (low, high, None, None, None)
    ]
    assert readings[0].text == text and not readings[0].in_words


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("20% - 50%", "Doanh nghiệp"),  # percentages of a count: the unit does not match
        ("2025 - 2030", ""),  # years, not figures
        ("40 - 50 nước dẫn đầu thế giới về đổi mới sáng tạo", "Thứ hạng"),  # a sentence after it
    ],
)
def test_what_is_no_range_of_the_indicators_unit_is_kept_as_written(text: str, unit: str) -> None:
    assert [(r.text, r.value, r.upper) for r in read_targets(text, unit)] == [(text, None, None)]


def test_a_comparison_and_a_figure_followed_by_words_keep_the_words_as_its_note() -> None:
    [growing] = read_targets(GROWING, "% tổng chi NSNN")
    assert (growing.value, growing.comparison, growing.scope, growing.note) == (
        3.0,
        Comparison.AT_LEAST,
        None,
        "và tăng dần theo yêu cầu phát triển",
    )
    assert growing.text == GROWING  # nothing typed is lost
    # A few words after the figure that begin with "và" say more of it: a note, not a scope.
    [short] = read_targets("≥ 3% và tăng dần", "%")
    assert (short.value, short.scope, short.note) == (3.0, None, "và tăng dần")
    # A scope stays a scope, and a figure with no comparison before a sentence stays words.
    [asean] = read_targets("≤ 5 ASEAN", "Thứ hạng")
    assert (asean.value, asean.scope, asean.note) == (5.0, "ASEAN", None)
    words = "50 nước dẫn đầu về chỉ số đổi mới sáng tạo toàn cầu"
    assert [(r.value, r.text) for r in read_targets(words, "Thứ hạng")] == [(None, words)]


def test_the_table_reads_ranges_and_notes_and_says_so_on_each_row(tmp_path: Path) -> None:
    sample = samples.build_ranges_and_notes(tmp_path)
    table = _table(sample.path)
    assert table.errors == []
    read = cast(dict[str, Any], table.as_json())
    by_row = {item["row"]: item for item in read["indicators"]}
    for expected in sample.indicators:
        got = by_row[expected["row"]]
        assert {key: got[key] for key in expected} == expected, f"row {expected['row']}"
    guesses = {item.code: item.guesses for item in table.indicators}
    assert "range read as at least 40 and at most 50" in guesses["1"]
    assert "range read as at least 20 and at most 50" in guesses["3"]
    assert "words after the figure kept as its note: “và tăng dần theo yêu cầu phát triển”" in (guesses["2"])
    assert "target kept in words: “20% - 50%”" in guesses["4"]
    assert read["summary"]["targets"] == 4 and read["summary"]["targets_in_words"] == 1


def test_a_range_is_one_target_of_the_year_shown_as_a_range(tmp_path: Path, store: PlanStore) -> None:
    sample = samples.build_ranges_and_notes(tmp_path)
    table = _table(sample.path)
    match_indicator_units(store, table)
    outcome = import_indicators(store, table)
    assert outcome.targets == 4
    with store.read() as session:
        rows = session.exec(
            select(Indicator.code, IndicatorTarget)
            .join(IndicatorTarget, col(IndicatorTarget.indicator_id) == Indicator.id)
            .order_by(col(Indicator.code))
        ).all()
        stored = [(code, t.year, t.scope, t.value, t.upper, t.comparison, t.text) for code, t in rows]
        data = dashboard_data(session, DashboardFilter(outcome.strategy_id, datetime.date(2030, 6, 30)))
    assert stored == [
        ("1", 2030, "", 40.0, 50.0, None, None),
        ("2", 2030, "", 3.0, None, Comparison.AT_LEAST, "và tăng dần theo yêu cầu phát triển"),
        ("3", 2030, "", 20.0, 50.0, None, None),
        ("4", 2030, "", None, None, None, "20% - 50%"),
    ]
    shown = {item.code: item.in_year(2030) for item in data.indicators}
    assert shown["1"].target_text == "40 – 50" and shown["1"].target == 40.0
    assert shown["2"].target_text == "≥ 3 và tăng dần theo yêu cầu phát triển"
    assert shown["3"].target_text == "20 – 50"


@pytest.mark.parametrize(
    ("measured", "status", "percent"),
    [(45.0, AttainmentStatus.MET, 100.0), (40.0, AttainmentStatus.MET, 100.0),
     (50.0, AttainmentStatus.MET, 100.0),
     # Outside the range, how near it is: 55 is 50/55 of the way back to the high figure.
     (55.0, AttainmentStatus.ON_TRACK, 100 * 50 / 55), (70.0, AttainmentStatus.BEHIND, 100 * 50 / 70),
     (30.0, AttainmentStatus.BEHIND, 75.0)],
)  # fmt: skip
def test_a_range_is_met_within_its_bounds_only(
    measured: float, status: AttainmentStatus, percent: float
) -> None:
    found = main_targets([(2030, "", 40.0, None, None, 50.0)])
    assert found.numbers == {2030: 40.0} and found.statements == {2030: "40 – 50"}
    facts = IndicatorFacts(
        Direction.INCREASE,
        found.numbers,
        [(datetime.date(2030, 12, 31), measured)],
        comparisons=found.comparisons,
        statements=found.statements,
        uppers=found.uppers,
    )
    reading = attainment(facts, 2030)
    assert reading.status is status and reading.percent_of_target == pytest.approx(percent)


def test_a_range_and_a_note_go_out_and_back_in_the_data_workbook(tmp_path: Path) -> None:
    first, again = round_trip(samples.build_ranges_and_notes(tmp_path).path, tmp_path)
    assert again == first
    assert {(row[3], row[4]) for row in again} >= {(40.0, 50.0), (20.0, 50.0)}


def test_the_report_shows_a_range_and_a_note_as_written(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    import openpyxl

    from dxplanner.store.operations.indicators import set_indicator_target

    with demo_store.read() as session:
        ids = {
            code: int(found)
            for code, found in session.exec(select(Indicator.code, Indicator.id)).all()
            if found
        }
    set_indicator_target(demo_store, ids["CT02"], 2024, 4, upper=6)
    set_indicator_target(demo_store, ids["CT03"], 2024, 3, comparison=Comparison.AT_LEAST, text="và tăng dần")
    demo_store.close()
    path = tmp_path / "bao-cao.xlsx"
    status, _out, err = _run(
        ["report", str(demo_path), "--out", str(path), "--plan", "4", "--as-of", "2024-06-30"]
    )
    assert (status, err) == (0, "")
    summary = openpyxl.load_workbook(path)["Tổng hợp"]
    rows = {
        str(row[0]).split(" – ")[0]: row
        for row in summary.iter_rows(values_only=True)
        if row and isinstance(row[0], str) and row[0].startswith("CT0")
    }
    assert rows["CT02"][2] == "4 – 6"
    assert rows["CT03"][2] == "≥ 3 và tăng dần"


def test_a_range_is_typed_as_a_target_with_its_upper_bound_and_bad_ones_are_refused(store: PlanStore) -> None:
    from dxplanner.store.operations.goals import create_goal
    from dxplanner.store.operations.indicators import (
        create_indicator,
        set_indicator_target,
        update_indicator_target,
    )
    from tests.unit.builders import basics, new_id

    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Khoa học, công nghệ").id)
    ranked = new_id(create_indicator(store, goal_id=goal, code="19", name="Tổ chức được xếp hạng").id)
    set_indicator_target(store, ranked, 2030, 40, upper=50)
    update_indicator_target(store, ranked, 2030, "", upper=55)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="upper bound 30 is below the target 40"):
        update_indicator_target(store, ranked, 2030, "", upper=30)
    with pytest.raises(InvalidInputError, match="clear the comparison or the upper bound"):
        update_indicator_target(store, ranked, 2030, "", comparison=">=")
    with pytest.raises(InvalidInputError, match="needs both figures"):
        update_indicator_target(store, ranked, 2030, "", value=None, text="Nhóm dẫn đầu")
    with pytest.raises(InvalidInputError, match="needs both figures"):
        set_indicator_target(store, ranked, 2031, None, text="Nhóm dẫn đầu", upper=60)
    assert snapshot(store) == before
    update_indicator_target(store, ranked, 2030, "", upper=None)  # no longer a range: "40"
    with store.read() as session:
        target = session.exec(select(IndicatorTarget)).one()
    assert (target.value, target.upper, target.comparison) == (40.0, None, None)
