"""kill -9 during imports, restores, upgrades and edits leaves each file intact and wholly before or after.

A short run of tools/kill_test.py (python -m tools.kill_test runs the long one). The seed changes
from run to run so that CI tries new moments; it is in the failure message, and KILL_TEST_SEED
chooses it again.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tools.kill_scenarios import FAMILIES
from tools.kill_test import Options, run_kill_test

pytestmark = pytest.mark.e2e

KILLS = 12


def test_killed_writes_leave_every_file_intact_and_wholly_before_or_after(tmp_path: Path) -> None:
    seed = int(os.environ.get("KILL_TEST_SEED") or random.randrange(1_000_000))
    options = Options(kills=KILLS, seed=seed, tasks=200, edits=20, measure_runs=1, work=tmp_path)
    summary = run_kill_test(options, say=lambda _line: None)
    report = "\n".join(summary.lines())
    killed = summary.kills
    assert len(killed) >= KILLS, report
    # Each scenario's first round waits for its first write and kills it in the middle.
    assert {r.scenario for r in killed if r.mid_write} == set(summary.durations), report
    assert {r.family for r in killed} == set(FAMILIES), report
    if summary.failures:
        pytest.fail(report, pytrace=False)
    assert all(r.intact and r.whole for r in killed), report
