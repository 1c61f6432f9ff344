"""One round of the kill -9 test: start a write in a child process, SIGKILL it, and judge its file."""

from __future__ import annotations

import contextlib
import enum
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tools.kill_checks import judge
from tools.kill_scenarios import Scenario, child_environment, place_target

# How often the journal is polled while waiting for a write to be under way.
POLL_SECONDS = 0.0005


class Trigger(enum.StrEnum):
    """When the kill is sent, once its random delay has passed."""

    TIME = "time"  # at once
    JOURNAL = "journal"  # once the target's journal appears: a write transaction has begun
    HOT = "hot"  # once the journal's header is written: changed pages are about to reach the file


@dataclass(frozen=True)
class Round:
    """One child started, killed (or finished first), and its file judged."""

    number: int
    scenario: str
    family: str
    waited: float  # the random wait before the kill (mid-write: before watching for a write)
    delay: float  # when the kill was sent, from the child's start
    trigger: Trigger
    killed: bool
    intact: bool
    whole: bool
    state: str
    problems: tuple[str, ...]
    leftovers: tuple[str, ...]
    folder: Path

    @property
    def mid_write(self) -> bool:
        """Whether the kill waited for a write transaction to be under way."""
        return self.trigger is not Trigger.TIME

    @property
    def failed(self) -> bool:
        """Whether the file was damaged or neither before nor after."""
        return not (self.intact and self.whole)


def _reported_edits(output: Path) -> int:
    """The last edit number a child printed whole (a line cut by the kill does not count)."""
    lines = output.read_text(encoding="utf-8").split("\n")[:-1]
    return int(lines[-1]) if lines else 0


def _hot(journal: Path) -> bool:
    """Whether the journal's header is written (SQLite zeroes it until the pages are safe in it)."""
    try:
        with journal.open("rb") as handle:
            return bool(handle.read(8).strip(b"\0"))
    except FileNotFoundError:
        return False


def _journals(target: Path) -> list[Path]:
    """The journals of a write to target: its own, or that of the temporary file a new target is
    built under (moved onto the target's name only once complete)."""
    own = target.with_name(target.name + "-journal")
    building = target.parent.glob(f".{target.name}.dxtmp-*-journal") if target.parent.exists() else []
    return [journal for journal in (own, *building) if journal.exists()]


def _stop(child: subprocess.Popen[bytes], delay: float, ready: Callable[[], bool], limit: float) -> float:
    """Wait delay seconds, then until ready(), and SIGKILL the child; return when the kill was sent."""
    started = time.perf_counter()
    # Waiting on the child rather than sleeping: a child that ends first does not hold the round up.
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=delay)
    while child.poll() is None and not ready() and time.perf_counter() - started < limit:
        time.sleep(POLL_SECONDS)
    stopped = time.perf_counter() - started
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait()
    return stopped


def play_round(number: int, scenario: Scenario, delay: float, trigger: Trigger, work: Path) -> Round:
    """Start the scenario's child, kill it after delay seconds at the trigger's moment, judge its file."""
    folder = work / f"round-{number:03d}"
    target = place_target(scenario, folder / "files")
    output, errors = folder / "child.out", folder / "child.err"
    ready = {
        Trigger.TIME: lambda: True,
        Trigger.JOURNAL: lambda: bool(_journals(target)),
        Trigger.HOT: lambda: any(_hot(journal) for journal in _journals(target)),
    }[trigger]
    sent = delay
    with output.open("wb") as out, errors.open("wb") as err:
        child = subprocess.Popen(
            scenario.command(target), cwd=target.parent, env=child_environment(work), stdout=out, stderr=err
        )
        try:
            sent = _stop(child, delay, ready, limit=10 * scenario.duration + 60)
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
        trigger,
        killed,
        intact,
        judgement.whole,
        judgement.state,
        problems,
        judgement.leftovers,
        folder,
    )
