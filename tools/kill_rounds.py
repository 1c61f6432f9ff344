"""One round of the kill -9 test: start a write in a child process, SIGKILL it, and judge its file."""

from __future__ import annotations

import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tools.kill_checks import judge
from tools.kill_scenarios import Scenario, child_environment, place_target

# How often the journal is polled while waiting for a write to be under way.
POLL_SECONDS = 0.0005


@dataclass(frozen=True)
class Round:
    """One child started, killed (or finished first), and its file judged."""

    number: int
    scenario: str
    family: str
    waited: float  # the random wait before the kill (mid-write: before watching for a write)
    delay: float  # when the kill was sent, from the child's start
    mid_write: bool
    killed: bool
    intact: bool
    whole: bool
    state: str
    problems: tuple[str, ...]
    leftovers: tuple[str, ...]
    folder: Path

    @property
    def failed(self) -> bool:
        """Whether the file was damaged or neither before nor after."""
        return not (self.intact and self.whole)


def _reported_edits(output: Path) -> int:
    """The last edit number a child printed whole (a line cut by the kill does not count)."""
    lines = output.read_text(encoding="utf-8").split("\n")[:-1]
    return int(lines[-1]) if lines else 0


def _stop(child: subprocess.Popen[bytes], delay: float, journal: Path | None, limit: float) -> float:
    """Wait delay seconds (then, given a journal, until it appears), SIGKILL the child; return when."""
    started = time.perf_counter()
    time.sleep(delay)
    if journal is not None:
        while child.poll() is None and not journal.exists() and time.perf_counter() - started < limit:
            time.sleep(POLL_SECONDS)
    stopped = time.perf_counter() - started
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait()
    return stopped


def play_round(number: int, scenario: Scenario, delay: float, mid_write: bool, work: Path) -> Round:
    """Start the scenario's child, kill it after delay seconds (mid-write: then once a write is under way)."""
    folder = work / f"round-{number:03d}"
    target = place_target(scenario, folder / "files")
    output, errors = folder / "child.out", folder / "child.err"
    journal = target.with_name(target.name + "-journal") if mid_write else None
    sent = delay
    with output.open("wb") as out, errors.open("wb") as err:
        child = subprocess.Popen(
            scenario.command(target), cwd=target.parent, env=child_environment(work), stdout=out, stderr=err
        )
        try:
            sent = _stop(child, delay, journal, limit=10 * scenario.duration + 60)
        finally:
            if child.poll() is None:  # only if the waiting was interrupted
                child.kill()
                child.wait()
    killed = child.returncode == -signal.SIGKILL
    reported = _reported_edits(output) if scenario.counts_edits else None
    judgement = judge(target, scenario.expected, reported)
    problems = judgement.problems
    if not killed and child.returncode != 0:
        problems = (f"the child failed: {errors.read_text(encoding='utf-8').strip()}", *problems)
    intact = judgement.intact and (killed or child.returncode == 0)
    return Round(
        number,
        scenario.name,
        scenario.family,
        delay,
        sent,
        mid_write,
        killed,
        intact,
        judgement.whole,
        judgement.state,
        problems,
        judgement.leftovers,
        folder,
    )
