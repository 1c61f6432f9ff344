"""The progress report's every cell, look, merge, sheet and chart as it was written before its writing
was made faster: the demo plan (a day gone by, by unit; mid-year, in English) and a generated plan."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from tests.unit.report_fingerprint import CASES, FINGERPRINTS, digests, generated_plan, report_lines


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_the_report_is_written_as_before(
    case: tuple[str, int | None, datetime.date, bool, str], demo_path: Path, tmp_path: Path
) -> None:
    name, plan_id, as_of, by_unit, language = case
    plan_file = generated_plan(tmp_path / "generated.dxplan") if name == "generated" else demo_path
    lines = report_lines(plan_file, tmp_path / "report.xlsx", plan_id, as_of, by_unit, language)
    expected = json.loads(FINGERPRINTS.read_text(encoding="utf-8"))[name]
    assert list(lines) == list(expected)
    for part, digested in digests(lines).items():
        assert len(digested) == len(expected[part]), f"{part}: {len(digested)} lines, not as before"
        for number, (now, before) in enumerate(zip(digested, expected[part], strict=True)):
            assert now == before, f"{part}, line {number}, now: {lines[part][number]}"
