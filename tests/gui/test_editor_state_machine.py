"""The editor's stateful test, short: a few hundred random gestures on the real window, each checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test
from pytestqt.qtbot import QtBot

from tests.gui.editor_machine import Counter, EditorMachine, machine_template

pytestmark = pytest.mark.gui

# About 300 steps in all; tools/editor_soak.py runs the same machine for tens of thousands.
SHORT_RUN = settings(
    max_examples=15,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with its 2025 and 2026 plans only: enough to switch plans, cheaper to compare whole."""
    return machine_template(tmp_path_factory.mktemp("machine"), plans=2)


def test_random_gestures_keep_the_sheet_the_chart_and_the_file_in_agreement(
    qtbot: QtBot, two_plans: Path
) -> None:
    EditorMachine.bot = qtbot
    EditorMachine.template = two_plans
    before = Counter.steps
    run_state_machine_as_test(EditorMachine, settings=SHORT_RUN)
    # Each step was checked; the run must have made enough of them to mean something.
    assert Counter.steps - before >= 150
