"""Importing tables of indicators ("Danh mục các chỉ tiêu") into a strategy's goals, indicators, targets."""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa
from sqlmodel import col, select

from dxplanner import cli
from dxplanner.core.attainment import AttainmentStatus
from dxplanner.core.dashboard import DashboardFilter
from dxplanner.core.enums import Comparison, Direction, Pillar
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import IndicatorTable, TableKind
from dxplanner.core.models import Goal, Indicator, IndicatorTarget, IndicatorValue, Strategy, Unit
from dxplanner.core.plan_table import PlanTable
from dxplanner.core.target_text import read_targets
from dxplanner.excel.tables import read_table
from dxplanner.store.dashboard_data import dashboard_data
from dxplanner.store.operations.import_indicators import (
    NewStrategy,
    import_indicators,
    match_indicator_units,
)
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot
from tests.unit import excel_indicator_samples as samples
from tests.unit.indicator_round_trip import round_trip

SAMPLES = {
    name: getattr(samples, name)
    for name in (
        "build_province_yearly_indicators",
        "build_national_targets_by_horizon",
        "build_years_under_one_heading",
        "build_targets_beside_results",
    )
}


def _run(arguments: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(arguments, out, err)
    return status, out.getvalue(), err.getvalue()


def _indicators(path: Path) -> IndicatorTable:
    table = read_table(path)
    assert isinstance(table, IndicatorTable), "read as a task table"
    return table


@pytest.mark.parametrize("build", SAMPLES.values(), ids=SAMPLES.keys())
def test_each_kind_of_indicator_table_is_read_row_by_row(
    build: Callable[[Path], samples.IndicatorSample], tmp_path: Path
) -> None:
    sample = build(tmp_path)
    table = _indicators(sample.path)
    assert (table.sheet, table.header_rows[1]) == (sample.sheet, sample.header_row)
    assert table.errors == []
    read = cast(dict[str, Any], table.as_json())
    by_row = {item["row"]: item for item in read["indicators"]}
    assert sorted(by_row) == [item["row"] for item in sample.indicators]
    for expected in sample.indicators:
        got = by_row[expected["row"]]
        assert {key: got[key] for key in expected} == expected, f"row {expected['row']}"
    groups = {group["row"]: group for group in read["groups"]}
    assert sorted(groups) == [group["row"] for group in sample.groups]
    for expected in sample.groups:
        assert {key: groups[expected["row"]][key] for key in expected} == expected


def test_a_target_is_read_as_written_with_its_comparison_and_scope() -> None:
    readings = read_targets("≤ 5 ASEAN; ≤ 60 thế giới", "Thứ hạng")
    assert [(r.value, r.comparison, r.scope) for r in readings] == [
        (5.0, Comparison.AT_MOST, "ASEAN"),
        (60.0, Comparison.AT_MOST, "thế giới"),
    ]
    assert [(r.value, r.comparison) for r in read_targets("từ 80% trở lên")] == [(80.0, Comparison.AT_LEAST)]
    assert [(r.value, r.comparison) for r in read_targets("Không quá 5 ngày", "ngày")] == [
        (5.0, Comparison.AT_MOST)
    ]
    assert [(r.value, r.comparison) for r in read_targets("≥ 1.000 doanh nghiệp", "Doanh nghiệp")] == [
        (1000.0, Comparison.AT_LEAST)
    ]
    # Words around a number that are no comparison and no scope: a statement, kept whole.
    # (A range, "40-50%", is two targets: see test_indicator_ranges.py.)
    for statement in ("Đạt mức khá của khu vực", "Thuộc nhóm 50 nước dẫn đầu", "Top 50"):
        assert [(r.text, r.value) for r in read_targets(statement)] == [(statement, None)]
    assert read_targets("-") == [] and read_targets(None) == []


def test_a_workbook_with_tasks_and_indicators_reads_the_tasks_unless_asked(tmp_path: Path) -> None:
    path = samples.build_tasks_and_indicators(tmp_path)
    tasks = read_table(path)
    assert isinstance(tasks, PlanTable) and tasks.sheet == "Nhiệm vụ"
    indicators = read_table(path, kind=TableKind.INDICATORS)
    assert isinstance(indicators, IndicatorTable) and indicators.sheet == "Chỉ tiêu"
    assert [item.name for item in indicators.indicators] == [
        "Tỷ lệ hồ sơ trực tuyến toàn trình",
        "Tỷ lệ dữ liệu mở",
    ]
    assert isinstance(read_table(path, kind=TableKind.TASKS, sheet="Nhiệm vụ"), PlanTable)


def test_a_table_of_only_indicators_is_not_refused_for_want_of_tasks(tmp_path: Path) -> None:
    sample = samples.build_national_targets_by_horizon(tmp_path)
    status, out, err = _run(["import", str(sample.path), "--into", str(tmp_path / "x.dxplan"), "--dry-run"])
    assert (status, err) == (0, "")
    assert "Would import 6 indicators with 8 targets in 2 groups" in out
    assert not (tmp_path / "x.dxplan").exists()


def test_the_dry_run_json_lists_indicators_with_their_targets(tmp_path: Path) -> None:
    sample = samples.build_national_targets_by_horizon(tmp_path)
    status, out, _err = _run(
        ["import", str(sample.path), "--into", str(tmp_path / "x.dxplan"), "--dry-run", "--json"]
    )
    assert status == 0
    printed = json.loads(out)
    assert set(printed) >= {"indicators", "errors", "warnings", "summary"}
    first = printed["indicators"][0]
    assert set(first) >= {"row", "code", "name", "group", "measure_unit", "lead_unit", "targets"}
    assert first["targets"] == [
        {"year": 2025, "text": "≤ 5 ASEAN", "value": 5.0, "comparison": "<=", "scope": "ASEAN"},
        {"year": 2025, "text": "≤ 60 thế giới", "value": 60.0, "comparison": "<=", "scope": "thế giới"},
    ]
    assert printed["summary"]["kind"] == "indicators" and printed["summary"]["targets_in_words"] == 2


def test_a_target_with_no_year_anywhere_is_an_error_that_stops_the_import(tmp_path: Path) -> None:
    path = samples.build_targets_without_a_year(tmp_path)
    table = _indicators(path)
    assert [(problem.row, problem.column) for problem in table.errors] == [(2, "D")]
    assert "year of this target is not known" in table.errors[0].message
    status, _out, err = _run(["import", str(path), "--into", str(tmp_path / "x.dxplan")])
    assert status == 1 and "year of this target is not known" in err
    assert not (tmp_path / "x.dxplan").exists()


def test_indicators_are_imported_into_a_new_strategy_with_goals_and_targets(
    tmp_path: Path, store: PlanStore
) -> None:
    sample = samples.build_national_targets_by_horizon(tmp_path)
    table = _indicators(sample.path)
    match_indicator_units(store, table)
    outcome = import_indicators(store, table, new_strategy=NewStrategy("Chương trình chuyển đổi số"))
    assert (outcome.goals, outcome.indicators, outcome.targets) == (2, 6, 8)
    with store.read() as session:
        strategy = session.get(Strategy, outcome.strategy_id)
        assert strategy is not None
        assert (strategy.name, strategy.start_year, strategy.end_year) == (
            "Chương trình chuyển đổi số",
            2025,
            2030,
        )
        goals = session.exec(select(Goal).order_by(col(Goal.position))).all()
        assert [goal.text for goal in goals] == ["Đến năm 2025", "Đến năm 2030"]
        egdi = session.exec(select(Indicator).where(Indicator.code == "2025.1")).one()
        assert egdi.direction is Direction.DECREASE and egdi.goal_id == goals[0].id
        lead = session.get(Unit, egdi.lead_unit_id)
        assert lead is not None and lead.name == "Bộ Khoa học và Công nghệ"
        targets = session.exec(
            select(IndicatorTarget)
            .where(IndicatorTarget.indicator_id == egdi.id)
            .order_by(col(IndicatorTarget.scope))
        ).all()
        assert [(t.year, t.scope, t.value, t.comparison, t.text) for t in targets] == [
            (2025, "ASEAN", 5.0, Comparison.AT_MOST, None),
            (2025, "thế giới", 60.0, Comparison.AT_MOST, None),
        ]
        words = session.exec(select(Indicator).where(Indicator.code == "2030.2")).one()
        target = session.exec(select(IndicatorTarget).where(IndicatorTarget.indicator_id == words.id)).one()
        assert (target.year, target.value, target.text) == (2030, None, "Đạt mức khá của khu vực")


def test_results_are_kept_as_measured_values_and_pillars_follow_the_sections(
    tmp_path: Path, store: PlanStore
) -> None:
    sample = samples.build_province_yearly_indicators(tmp_path)
    table = _indicators(sample.path)
    match_indicator_units(store, table)
    outcome = import_indicators(store, table)
    with store.read() as session:
        strategy = session.get(Strategy, outcome.strategy_id)
        assert strategy is not None and strategy.name == "DANH MỤC CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025"
        owner = session.get(Unit, strategy.unit_id)
        assert owner is not None and owner.name == "Ủy ban nhân dân tỉnh Quảng Trị"  # as lists write it
        pillars = {goal.code: goal.pillar for goal in session.exec(select(Goal)).all()}
        assert pillars == {
            "I": Pillar.DIGITAL_GOVERNMENT,
            "II": Pillar.DIGITAL_ECONOMY,
            "III": Pillar.DIGITAL_SOCIETY,
        }
        first = session.exec(select(Indicator).where(Indicator.code == "I.1")).one()
        measured = session.exec(select(IndicatorValue).where(IndicatorValue.indicator_id == first.id)).one()
        assert (measured.as_of, measured.value) == (datetime.date(2024, 12, 31), 38.5)


def test_an_import_into_a_strategy_that_has_the_codes_is_refused_and_changes_nothing(
    tmp_path: Path, store: PlanStore
) -> None:
    sample = samples.build_targets_beside_results(tmp_path)
    table = _indicators(sample.path)
    match_indicator_units(store, table)
    first = import_indicators(store, table)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match=r"already has indicators with the codes CĐS\.01, CĐS\.02"):
        import_indicators(store, table, strategy_id=first.strategy_id)
    assert snapshot(store) == before


def test_the_command_line_imports_indicators_into_a_strategy_it_names(tmp_path: Path) -> None:
    target = tmp_path / "plan.dxplan"
    sample = samples.build_national_targets_by_horizon(tmp_path)
    status, out, err = _run(["import", str(sample.path), "--into", str(target)])
    assert (status, err) == (0, ""), err
    assert "Imported 6 indicators with 8 targets in 2 goals into strategy 1" in out
    other = samples.build_targets_beside_results(tmp_path)
    status, out, err = _run(["import", str(other.path), "--into", str(target), "--strategy", "1"])
    assert (status, err) == (0, ""), err
    status, _out, err = _run(["import", str(other.path), "--into", str(target), "--plan", "1"])
    assert status == 1 and "they go into a strategy" in err
    status, _out, err = _run(["import", str(other.path), "--into", str(target), "--strategy", "9"])
    assert status == 1 and "Strategy #9 does not exist" in err
    store = open_plan_file(target)
    try:
        with store.read() as session:
            count = (
                session.connection().execute(sa.select(sa.func.count()).select_from(Indicator)).scalar_one()
            )
            assert count == 9
    finally:
        store.close()


def test_targets_in_words_are_shown_as_such_on_the_dashboard(tmp_path: Path, store: PlanStore) -> None:
    sample = samples.build_national_targets_by_horizon(tmp_path)
    table = _indicators(sample.path)
    match_indicator_units(store, table)
    outcome = import_indicators(store, table)
    with store.read() as session:
        data = dashboard_data(session, DashboardFilter(outcome.strategy_id, datetime.date(2030, 6, 30)))
    by_code = {item.code: item for item in data.indicators}
    words = by_code["2030.2"]
    assert words.status is AttainmentStatus.IN_WORDS
    assert words.in_year(2030).target_text == "Đạt mức khá của khu vực"
    ranks = by_code["2025.1"]
    assert ranks.in_year(2025).target == 5.0  # measured against the first scope's number
    assert ranks.target_texts[ranks.years.index(2025)] == "≤ 5 (ASEAN); ≤ 60 (thế giới)"


def test_the_report_shows_a_target_in_words_and_a_comparison_as_written(
    demo_store: PlanStore, demo_path: Path, tmp_path: Path
) -> None:
    import openpyxl

    from dxplanner.store.operations.indicators import delete_indicator_target, set_indicator_target

    with demo_store.read() as session:
        ids = {
            code: int(found)
            for code, found in session.exec(select(Indicator.code, Indicator.id)).all()
            if found
        }
    set_indicator_target(demo_store, ids["CT03"], 2024, None, text="Duy trì mức đã đạt")
    delete_indicator_target(demo_store, ids["CT02"], 2024)
    set_indicator_target(demo_store, ids["CT02"], 2024, 4, comparison=Comparison.AT_MOST)
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
    assert rows["CT03"][2:6:3] == ("Duy trì mức đã đạt", "Chỉ tiêu định tính")
    assert rows["CT02"][2] == "≤ 4"
    assert isinstance(rows["CT01"][2], int | float)  # a plain number stays a number


def test_a_target_is_edited_with_its_scope_comparison_and_words(store: PlanStore) -> None:
    from dxplanner.core.attainment import IndicatorFacts, attainment, main_targets
    from dxplanner.store.operations.goals import create_goal
    from dxplanner.store.operations.indicators import (
        create_indicator,
        set_indicator_target,
        update_indicator_target,
    )
    from tests.unit.builders import basics, new_id

    ids = basics(store)
    goal = new_id(create_goal(store, ids.strategy, code="1", text="Xếp hạng").id)
    rank = new_id(create_indicator(store, goal_id=goal, code="EGDI", name="Xếp hạng EGDI").id)
    set_indicator_target(store, rank, 2025, 5, scope="ASEAN", comparison=Comparison.AT_MOST)
    set_indicator_target(store, rank, 2025, 60, scope="thế giới", comparison=Comparison.AT_MOST)
    update_indicator_target(store, rank, 2025, "thế giới", scope="Thế giới")
    update_indicator_target(store, rank, 2025, "ASEAN", comparison=">")  # typed as the sign
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match=r"already has a target for 2025 \(Thế giới\)"):
        update_indicator_target(store, rank, 2025, "ASEAN", scope="Thế giới")
    with pytest.raises(InvalidInputError, match="needs a number or words"):
        update_indicator_target(store, rank, 2025, "ASEAN", value=None)
    with pytest.raises(InvalidInputError, match="Comparison cannot be 'about'"):
        update_indicator_target(store, rank, 2025, "ASEAN", comparison="about")
    assert snapshot(store) == before
    # A number can give way to words, and the words are what the year is judged by.
    update_indicator_target(store, rank, 2025, "ASEAN", text="Nhóm dẫn đầu", value=None, comparison=None)
    with store.read() as session:
        rows = [
            (t.year, t.scope, t.value, t.comparison, t.text)
            for t in session.exec(select(IndicatorTarget).order_by(col(IndicatorTarget.scope))).all()
        ]
    assert rows == [
        (2025, "ASEAN", None, None, "Nhóm dẫn đầu"),
        (2025, "Thế giới", 60.0, Comparison.AT_MOST, None),
    ]
    found = main_targets(
        [(year, scope, value, comparison, text, None) for year, scope, value, comparison, text in rows]
    )
    assert found.numbers == {2025: 60.0} and found.statements == {
        2025: "Nhóm dẫn đầu (ASEAN); ≤ 60 (Thế giới)"
    }
    facts = IndicatorFacts(
        Direction.DECREASE,
        found.numbers,
        [(datetime.date(2025, 12, 31), 71.0)],
        None,
        None,
        found.comparisons,
    )
    assert attainment(facts, 2025).status is AttainmentStatus.BEHIND


def test_a_comparison_decides_whether_a_target_is_met() -> None:
    from dxplanner.core.attainment import IndicatorFacts, attainment

    measured = [(datetime.date(2025, 12, 31), 50.0)]
    above = IndicatorFacts(Direction.INCREASE, {2025: 50.0}, measured, comparisons={2025: Comparison.ABOVE})
    at_least = IndicatorFacts(
        Direction.INCREASE, {2025: 50.0}, measured, comparisons={2025: Comparison.AT_LEAST}
    )
    assert attainment(above, 2025).status is not AttainmentStatus.MET  # "trên 50%" is not met by 50
    assert attainment(at_least, 2025).status is AttainmentStatus.MET


def test_the_demo_loader_reads_targets_written_in_words_or_with_a_comparison(
    tmp_path: Path, store: PlanStore
) -> None:
    from dxplanner.store.demo import demo_plan_path, load_demo

    document = json.loads(demo_plan_path().read_text(encoding="utf-8"))
    strategy = document["strategies"][0]
    indicator = next(
        found for goal in strategy["goals"] for found in goal.get("indicators", []) if found["code"] == "CT02"
    )
    indicator["targets"]["2030"] = "≤ 3 ASEAN; ≤ 50 thế giới"
    indicator["targets"]["2026"] = "Đạt mức khá của khu vực"
    source = tmp_path / "demo.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    load_demo(store, source)
    with store.read() as session:
        ct02 = session.exec(select(Indicator).where(Indicator.code == "CT02")).one()
        rows = session.exec(
            select(IndicatorTarget)
            .where(IndicatorTarget.indicator_id == ct02.id, col(IndicatorTarget.year) >= 2026)
            .order_by(col(IndicatorTarget.year), col(IndicatorTarget.scope))
        ).all()
    assert [(t.year, t.scope, t.value, t.comparison, t.text) for t in rows] == [
        (2026, "", None, None, "Đạt mức khá của khu vực"),
        (2030, "ASEAN", 3.0, Comparison.AT_MOST, None),
        (2030, "thế giới", 50.0, Comparison.AT_MOST, None),
    ]


def test_a_task_table_with_years_and_a_content_column_stays_a_task_table(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện", "Năm 2025", "Năm 2026"])
    sheet.append([1, "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "2025-2026", "x", "x"])
    sheet.append([2, "Mục tiêu: 100% hồ sơ trực tuyến", "Sở Tư pháp", "Năm 2025", "x", None])
    path = tmp_path / "tasks.xlsx"
    book.save(path)
    table = read_table(path)
    assert isinstance(table, PlanTable) and [task.name for task in table.tasks] == [
        "Số hóa hồ sơ lưu trữ",
        "Mục tiêu: 100% hồ sơ trực tuyến",
    ]


def test_the_indicator_charts_write_targets_in_words_where_there_is_no_point_to_draw(
    tmp_path: Path, store: PlanStore
) -> None:
    from dxplanner.charts.indicators import compact_kpi_figure, kpi_figure

    sample = samples.build_national_targets_by_horizon(tmp_path)
    table = _indicators(sample.path)
    match_indicator_units(store, table)
    outcome = import_indicators(store, table)
    with store.read() as session:
        data = dashboard_data(session, DashboardFilter(outcome.strategy_id, datetime.date(2030, 6, 30)))
    figure = kpi_figure(data.indicators)
    said = [text.get_text() for axes in figure.axes for text in axes.texts if text.get_gid() == "target_text"]
    assert "2030: Đạt mức khá của khu vực" in said
    assert "2025: ≤ 5 (ASEAN); ≤ 60 (thế giới)" in said
    compact = compact_kpi_figure(data.indicators)
    words = {text.get_text() for text in compact.axes[0].texts if text.get_gid() == "target_text"}
    assert {"2025: Nhóm 40 nước dẫn đầu", "2030: Đạt mức khá của khu vực"} <= words


def test_targets_in_scopes_and_words_go_out_and_back_in_the_data_workbook(tmp_path: Path) -> None:
    first, again = round_trip(samples.build_national_targets_by_horizon(tmp_path).path, tmp_path)
    assert again == first
    assert "Đạt mức khá của khu vực" in {row[6] for row in again}
    for path in (tmp_path / "plan.dxplan", tmp_path / "again.dxplan"):
        store = open_plan_file(path)
        try:
            with store.read() as session:
                leads = set(session.exec(select(Indicator.lead_unit_id)).all())
        finally:
            store.close()
        assert None not in leads  # every indicator of the sample names the unit that follows it
