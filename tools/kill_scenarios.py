"""The writes the kill -9 test interrupts, their inputs, and the states each may leave its file in.

Each scenario is run to its end first, a few times: that measures how long it takes (so kills can
land throughout it) and gives the reference "after" state, which must be the same every time.
"""

from __future__ import annotations

import io
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dxplanner import cli
from dxplanner.store.demo import load_demo
from dxplanner.store.migrate import downgrade_to
from dxplanner.store.plan_file import create_plan_file, open_plan_file
from dxplanner.store.sqlite_engine import create_sqlite_engine
from tests.unit.excel_samples import write_large_plan
from tools.file_state import read_state
from tools.kill_checks import Expected
from tools.kill_edits import run_edits

ROOT = Path(__file__).resolve().parents[1]
TARGET = "plan.dxplan"
FAMILIES = ("import", "restore", "migration", "edits")
NAMES = ("import-new", "import-existing", "restore-new", "restore-empty", "migration", "edits")


class SetupError(Exception):
    """The scenarios could not be prepared (a reference run failed or gave different results)."""


@dataclass
class Scenario:
    """One kind of write: what the child runs on the target, and what the target may be afterwards."""

    name: str
    family: str
    start: Path | None  # the file each round's target starts as; None: the target does not exist yet
    command: Callable[[Path], list[str]]
    expected: Expected = field(default_factory=lambda: Expected({}, 1))
    durations: list[float] = field(default_factory=list)
    # Parses the child's output into how many edits it said were done (edit loops only).
    counts_edits: bool = False

    @property
    def duration(self) -> float:
        """The median time the child takes from start to exit, in seconds."""
        return statistics.median(self.durations)


def child_environment(work: Path) -> dict[str, str]:
    """A child's environment: English messages, its user folders inside work, and tools importable."""
    environment = dict(os.environ)
    paths = [str(ROOT), *filter(None, [environment.get("PYTHONPATH")])]
    environment.update(
        {
            "PYTHONPATH": os.pathsep.join(paths),
            "QT_QPA_PLATFORM": "offscreen",
            "DXPLANNER_LANG": "en",
            "XDG_DATA_HOME": str(work / "home" / "data"),
            "XDG_CONFIG_HOME": str(work / "home" / "config"),
            "XDG_STATE_HOME": str(work / "home" / "state"),
        }
    )
    return environment


def place_target(scenario: Scenario, folder: Path) -> Path:
    """A fresh folder holding the scenario's starting file (if any) under the target's name."""
    folder.mkdir(parents=True)
    target = folder / TARGET
    if scenario.start is not None:
        # A plain copy is safe here: the starting file is closed and nobody writes it.
        shutil.copyfile(scenario.start, target)
    return target


@dataclass(frozen=True)
class Sizes:
    """How large the inputs are: tasks in the imported table, edits in the loop, reference runs each."""

    tasks: int
    edits: int
    measure_runs: int


def prepare(
    work: Path, sizes: Sizes, seed: int, say: Callable[[str], None], only: Sequence[str] = ()
) -> list[Scenario]:
    """Make the inputs in work/inputs and measure each scenario (or those only names) to its end."""
    inputs = work / "inputs"
    inputs.mkdir(parents=True)
    python = sys.executable
    workbook = inputs / "plan.xlsx"
    write_large_plan(workbook, sizes.tasks)
    demo = create_plan_file(inputs / "demo.dxplan", fill=load_demo)
    empty = create_plan_file(inputs / "empty.dxplan")
    data = inputs / "demo-data.xlsx"
    _command("export", str(demo), "--out", str(data))
    # The old file: the demo with the large plan imported into it, taken back to schema 1.
    older = shutil.copyfile(demo, inputs / "old.dxplan")
    _command("import", str(workbook), "--into", str(older))
    _downgrade(older)
    empty_state = read_state(empty).digest
    unfinished = {empty_state: "an empty plan file: the new file appeared before its content was written"}

    def importing(source: Path) -> Callable[[Path], list[str]]:
        return lambda target: [python, "-m", "dxplanner", "import", str(source), "--into", str(target)]

    def child(*words: str) -> Callable[[Path], list[str]]:
        return lambda target: [python, "-m", "tools.kill_child", words[0], str(target), *words[1:]]

    scenarios = [
        Scenario("import-new", "import", None, importing(workbook)),
        Scenario("import-existing", "import", demo, importing(workbook)),
        Scenario("restore-new", "restore", None, importing(data)),
        Scenario("restore-empty", "restore", empty, importing(data)),
        Scenario("migration", "migration", older, child("upgrade")),
        Scenario("edits", "edits", demo, child("edits", str(seed), str(sizes.edits)), counts_edits=True),
    ]
    assert tuple(scenario.name for scenario in scenarios) == NAMES
    scenarios = [scenario for scenario in scenarios if not only or scenario.name in only]
    for scenario in scenarios:
        if scenario.family == "edits":
            scenario.expected = _replayed(work, demo, seed, sizes.edits)
        after = _measure(work, scenario, sizes.measure_runs)
        if scenario.family == "edits":
            if scenario.expected.last not in scenario.expected.places.get(after, ()):
                raise SetupError("the edit loop ends in another state in a child than when replayed")
        else:
            places: dict[str, tuple[int, ...]] = {after: (scenario.expected.last,)}
            if scenario.start is not None:
                places[read_state(scenario.start).digest] = (0,)
            scenario.expected = Expected(
                places,
                1,
                absent_before=scenario.start is None,
                known_wrong=unfinished if scenario.start is None else {},
                needs_backup=scenario.family == "migration",
            )
        say(f"measured {scenario.name}: {scenario.duration:.2f} s to the end")
    return scenarios


def _command(*words: str) -> None:
    """Run a dxplanner command in this process (its inputs are made, not timed)."""
    out, err = io.StringIO(), io.StringIO()
    if cli.run(words, out, err) != cli.EXIT_OK:
        raise SetupError(f"dxplanner {words[0]} failed while preparing: {err.getvalue().strip()}")


def _downgrade(older: Path) -> None:
    engine = create_sqlite_engine(older)
    try:
        downgrade_to(engine, "0001")
    finally:
        engine.dispose()


def _replayed(work: Path, demo: Path, seed: int, count: int) -> Expected:
    """Make the seeded edits on a copy of the demo in this process, noting the state after each."""
    copy = work / "replay" / TARGET
    copy.parent.mkdir()
    shutil.copyfile(demo, copy)
    digests = [read_state(copy).digest]
    store = open_plan_file(copy)
    try:
        run_edits(store, seed, count, lambda _step: digests.append(read_state(copy).digest))
    finally:
        store.close()
    shutil.rmtree(copy.parent)
    places: dict[str, tuple[int, ...]] = {}
    for place, digest in enumerate(digests):
        places[digest] = (*places.get(digest, ()), place)
    changed = sum(before != after for before, after in itertools.pairwise(digests))
    if changed < count // 2:
        raise SetupError(f"only {changed} of {count} edits changed the file: the edit loop proves little")
    return Expected(places, count)


def _measure(work: Path, scenario: Scenario, runs: int) -> str:
    """Run the scenario to its end `runs` times; return the digest every run must agree on."""
    digests = set()
    for run in range(1, runs + 1):
        target = place_target(scenario, work / f"measure-{scenario.name}-{run}")
        started = time.perf_counter()
        finished = subprocess.run(
            scenario.command(target),
            cwd=target.parent,
            env=child_environment(work),
            capture_output=True,
            text=True,
            check=False,
        )
        scenario.durations.append(time.perf_counter() - started)
        if finished.returncode != 0:
            raise SetupError(f"{scenario.name} failed when run to its end: {finished.stderr.strip()}")
        digests.add(read_state(target).digest)
        shutil.rmtree(target.parent)
    if len(digests) != 1:
        raise SetupError(f"{scenario.name} does not end in the same state every time")
    return digests.pop()
