"""The editor's stateful test run long: random gestures on the real window until a number of steps.

Run from the repository's folder:  python -m tools.editor_soak --steps 20000 --seed 1

Each batch of examples runs in a child process (a crash of Qt ends the batch, not the run),
with its own seed: seed, seed + 1, ... It prints the steps run, and for every failure its
minimal reproduction as hypothesis shrank it (a crash prints the child's last words instead).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESULT = "SOAK-RESULT "


def run_batch(seed: int, examples: int, steps: int, shrink: bool, plans: int | None) -> dict[str, object]:
    """Run one batch of examples in this process; what it ran and how it failed."""
    import faulthandler

    from hypothesis import HealthCheck, Phase, settings
    from hypothesis import seed as seeded
    from hypothesis.stateful import run_state_machine_as_test
    from PySide6.QtWidgets import QApplication

    from tests.gui.editor_gestures import QTestBot
    from tests.gui.editor_machine import Counter, EditorMachine, machine_template

    faulthandler.enable()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="dxplanner-soak-"))
    EditorMachine.template = machine_template(folder, plans)
    EditorMachine.bot = QTestBot()
    phases = [Phase.explicit, Phase.generate] + ([Phase.shrink] if shrink else [])
    run = settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        database=None,
        phases=phases,
        suppress_health_check=list(HealthCheck),
    )
    failure = None
    try:
        run_state_machine_as_test(seeded(seed)(EditorMachine), settings=run)
    except Exception as error:
        # Reported, with hypothesis's minimal reproduction in its notes; the run goes on with the next batch.
        failure = "".join(traceback.format_exception(error))
    del app
    return {"seed": seed, "steps": Counter.steps, "failure": failure, "outcomes": dict(Counter.outcomes)}


def child_main(arguments: argparse.Namespace) -> None:
    result = run_batch(
        arguments.seed, arguments.examples, arguments.step_count, not arguments.no_shrink, arguments.plans
    )
    print(RESULT + json.dumps(result), flush=True)
    sys.stdout.flush()
    os._exit(0)  # Qt's objects are not torn down one by one at exit: the batch is over


def parent_main(arguments: argparse.Namespace) -> int:
    started = time.monotonic()
    steps = batches = crashes = 0
    failures: list[str] = []
    outcomes: collections.Counter[str] = collections.Counter()
    seed = arguments.seed
    while steps < arguments.steps:
        command = [
            sys.executable, "-m", "tools.editor_soak", "--child",
            "--seed", str(seed), "--examples", str(arguments.examples),
            "--step-count", str(arguments.step_count),
        ] + (["--no-shrink"] if arguments.no_shrink else []) + (
            ["--plans", str(arguments.plans)] if arguments.plans else []
        )  # fmt: skip
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        lines = [line for line in finished.stdout.splitlines() if line.startswith(RESULT)]
        batches += 1
        if finished.returncode != 0 or not lines:
            crashes += 1
            last = (finished.stdout + finished.stderr).strip().splitlines()[-40:]
            failures.append(
                f"seed {seed}: the batch crashed (exit {finished.returncode}):\n" + "\n".join(last)
            )
            print(failures[-1], flush=True)
        else:
            result = json.loads(lines[-1][len(RESULT) :])
            steps += int(result["steps"])
            outcomes.update(result["outcomes"])
            if result["failure"]:
                failures.append(f"seed {seed}:\n{result['failure']}")
                print(failures[-1], flush=True)
        minutes = (time.monotonic() - started) / 60
        print(
            f"batch {batches} (seed {seed}): {steps} steps, {len(failures)} failures, {crashes} crashes, "
            f"{minutes:.1f} min",
            flush=True,
        )
        seed += 1
    print("What the gestures came to:")
    for name, count in sorted(outcomes.items()):
        print(f"  {count:6d}  {name}")
    print(f"Done: {steps} steps in {batches} batches, {len(failures)} failures ({crashes} crashes).")
    return 1 if failures else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20_000, help="steps to run in all")
    parser.add_argument("--seed", type=int, default=0, help="the first batch's seed")
    parser.add_argument("--examples", type=int, default=10, help="examples per batch")
    parser.add_argument("--step-count", type=int, default=50, help="steps per example at most")
    parser.add_argument("--plans", type=int, default=None, help="keep only the demo's last PLANS plans")
    parser.add_argument("--no-shrink", action="store_true", help="report failures as found, unshrunk")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child_main(arguments)
    sys.exit(parent_main(arguments))


if __name__ == "__main__":
    main()
