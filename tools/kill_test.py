"""The kill -9 proof: kill writers at random moments and check each file is intact and wholly before or after.

Each round copies a scenario's starting file into a fresh folder, starts the write in a child
process (an import of a large plan table, a restore of a data workbook, the upgrade of an older
file, or a loop of ordinary edits), sends SIGKILL after a random time within the write's measured
duration (every fourth round of a scenario, its first included, then waits for a write to be under
way: for the target's journal to appear, or in turn for its header to be written, so that the
kill lands inside a write transaction), and checks the file:
SQLite's integrity and foreign-key checks, dxplanner opens it, and its whole content equals the
state before or the state after (for the edit loop, the state after exactly k edits). A target
that did not exist must not exist or be complete. Files left beside the target are reported.
Failing rounds keep their folder; the summary says how to run one again.

Run: python -m tools.kill_test --kills 120 --seed N [--tasks 10000] [--edits 150]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tools.kill_rounds import Round, Trigger, play_round
from tools.kill_scenarios import FAMILIES, NAMES, Scenario, SetupError, Sizes, prepare

# A quarter of the kills aim at the last fifth of the write, up to a little past its usual end,
# where the commit and the clearing up happen.
END_SHARE, END_FROM, END_TO = 0.25, 0.8, 1.05


@dataclass(frozen=True)
class Options:
    """What to run: how many kills, the seed of every random choice, and the size of the inputs."""

    kills: int = 120
    seed: int = 1
    tasks: int = 10_000
    edits: int = 150
    measure_runs: int = 3  # the median of three shrugs off one run slowed by other work on the machine
    # Every n-th round of a scenario (its first included) waits, after its delay, for a write to be
    # under way and kills it then: mid-transaction for certain. They wait in turn for the journal
    # to appear and for its header to be written (when the write reaches the file).
    mid_write_every: int = 4
    only: tuple[str, ...] = ()
    delay: float | None = None
    trigger: Trigger | None = None  # every round's, to run one again
    work: Path | None = None


@dataclass
class Summary:
    """Every round of a run, and what the scenarios took to run to their end."""

    options: Options
    work: Path
    durations: dict[str, float]
    rounds: list[Round] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def kills(self) -> list[Round]:
        """The rounds whose SIGKILL reached a running child."""
        return [round_ for round_ in self.rounds if round_.killed]

    @property
    def failures(self) -> list[Round]:
        """Every round (killed or not) that left a damaged or half-written file."""
        return [round_ for round_ in self.rounds if round_.failed]

    def reproduce(self, round_: Round) -> str:
        """The command that runs a failing round again (the child's timing varies a little)."""
        options = self.options
        return (
            f"python -m tools.kill_test --only {round_.scenario} --delay {round_.waited:.3f} --kills 1 "
            f"--trigger {round_.trigger} "
            f"--seed {options.seed} --tasks {options.tasks} --edits {options.edits}"
        )

    def lines(self) -> Iterator[str]:
        """The summary as text: kills per scenario, intact and all-or-nothing counts, leftovers, times."""
        kills = self.kills
        yield (
            f"kill -9 test, seed {self.options.seed}: {len(kills)} kills in {len(self.rounds)} rounds "
            f"({len(self.rounds) - len(kills)} ended before the kill), {self.seconds:.0f} s"
        )
        yield (
            f"{'scenario':<16}{'kills':>6}{'mid-write':>10}{'intact':>9}{'all-or-nothing':>16}"
            f"{'ended first':>13}{'median run':>12}{'median kill':>13}"
        )
        for name, duration in self.durations.items():
            ran = [round_ for round_ in self.rounds if round_.scenario == name]
            hit = [round_ for round_ in ran if round_.killed]
            median_kill = statistics.median(round_.delay for round_ in hit) if hit else 0.0
            yield (
                f"{name:<16}{len(hit):>6}{sum(r.mid_write for r in hit):>10}"
                f"{sum(r.intact for r in hit):>6}/{len(hit):<3}{sum(r.whole for r in hit):>12}/{len(hit):<3}"
                f"{len(ran) - len(hit):>12}{duration:>10.2f} s{median_kill:>11.2f} s"
            )
        families = Counter(round_.family for round_ in kills)
        yield "kills by family: " + ", ".join(f"{family} {families[family]}" for family in FAMILIES)
        yield (
            f"files intact: {sum(r.intact for r in kills)}/{len(kills)}; "
            f"all-or-nothing: {sum(r.whole for r in kills)}/{len(kills)}"
        )
        leftovers = Counter(item for round_ in self.rounds for item in round_.leftovers)
        yield "leftovers seen: " + (
            ", ".join(f"{item} x{count}" for item, count in leftovers.most_common()) or "none"
        )
        for round_ in self.failures:
            when = f"killed at {round_.delay:.3f} s" if round_.killed else "not killed (it ended first)"
            when += f" (trigger: {round_.trigger})" if round_.mid_write and round_.killed else ""
            yield f"FAILED round {round_.number}, {round_.scenario}, {when}: {'; '.join(round_.problems)}"
            yield f"  kept in {round_.folder}; again: {self.reproduce(round_)}"


def _when(options: Options, played: int, chance: random.Random, duration: float) -> tuple[Trigger, float]:
    """The trigger and the delay of the next round of a scenario already played `played` times."""
    every = options.mid_write_every
    if options.trigger is not None:
        trigger = options.trigger
    elif every > 0 and played % every == 0:
        trigger = (Trigger.JOURNAL, Trigger.HOT)[played // every % 2]
    else:
        trigger = Trigger.TIME
    if options.delay is not None:
        return trigger, options.delay
    if played == 0 and trigger is not Trigger.TIME:
        return trigger, 0.0  # a scenario's first round kills its first write: every run has one
    if chance.random() < END_SHARE:
        return trigger, chance.uniform(END_FROM * duration, END_TO * duration)
    return trigger, chance.uniform(0.0, duration)


def _turns(scenarios: Sequence[Scenario], chance: random.Random) -> Iterator[Scenario]:
    """Scenarios in shuffled turns that give each family the same share of rounds."""
    by_family = {family: [s for s in scenarios if s.family == family] for family in FAMILIES}
    by_family = {family: found for family, found in by_family.items() if found}
    turn = 0
    while True:
        picked = [found[turn % len(found)] for found in by_family.values()]
        chance.shuffle(picked)
        yield from picked
        turn += 1


def run_kill_test(options: Options, say: Callable[[str], None] = print) -> Summary:
    """Prepare the inputs, then play rounds until options.kills kills have landed."""
    started = time.perf_counter()
    work = options.work or Path(tempfile.mkdtemp(prefix="kill-test-"))
    sizes = Sizes(options.tasks, options.edits, options.measure_runs)
    scenarios = prepare(work, sizes, options.seed, say, options.only)
    summary = play(scenarios, options, work, say)
    summary.seconds = time.perf_counter() - started
    if options.work is None and not summary.failures:
        shutil.rmtree(work)
    return summary


def play(scenarios: Sequence[Scenario], options: Options, work: Path, say: Callable[[str], None]) -> Summary:
    """Play rounds of the prepared scenarios (those options.only names) until options.kills have landed."""
    started = time.perf_counter()
    chance = random.Random(options.seed)
    playing = [s for s in scenarios if not options.only or s.name in options.only]
    summary = Summary(options, work, {s.name: s.duration for s in playing})
    turns = _turns(playing, chance)
    played_of: Counter[str] = Counter()
    # Rounds that end before their kill do not count; the cap stops a run whose kills all come late.
    while len(summary.kills) < options.kills and len(summary.rounds) < 3 * options.kills:
        scenario = next(turns)
        trigger, delay = _when(options, played_of[scenario.name], chance, scenario.duration)
        played_of[scenario.name] += 1
        played = play_round(len(summary.rounds) + 1, scenario, delay, trigger, work)
        summary.rounds.append(played)
        how = f"killed ({trigger}) at" if played.killed else "ended by itself at"
        say(
            f"round {played.number:3d} {played.scenario:<16} {how} {played.delay:6.2f} s: {played.state}"
            + ("" if not played.failed else "  FAILED: " + "; ".join(played.problems))
        )
        if not played.failed:
            shutil.rmtree(played.folder)
    summary.seconds = time.perf_counter() - started
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    """Run the kill -9 test and print its summary; exit status 1 if any file was damaged or half written."""
    parser = argparse.ArgumentParser(prog="python -m tools.kill_test", description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=Options.kills, help="kills to land (default 120)")
    parser.add_argument("--seed", type=int, default=Options.seed, help="seed of every random choice")
    parser.add_argument("--tasks", type=int, default=Options.tasks, help="tasks in the imported table")
    parser.add_argument("--edits", type=int, default=Options.edits, help="edits in the edit loop")
    parser.add_argument("--measure-runs", type=int, default=Options.measure_runs, help="runs to the end")
    parser.add_argument(
        "--mid-write-every",
        type=int,
        default=Options.mid_write_every,
        metavar="N",
        help="kill every N-th round of a scenario once a write is under way (1: all, 0: none)",
    )
    parser.add_argument(
        "--trigger",
        choices=[str(t) for t in Trigger],
        help="when each round's kill is sent, after its delay (to run one again)",
    )
    parser.add_argument("--only", action="append", default=[], choices=NAMES, help="play only these")
    parser.add_argument("--delay", type=float, help="kill every child after this many seconds")
    parser.add_argument("--work", type=Path, help="the folder to work in (kept); by default a temporary one")
    arguments = parser.parse_args(argv)
    if arguments.work is not None and arguments.work.exists() and any(arguments.work.iterdir()):
        parser.error(f"{arguments.work} is not empty: give a new or empty folder")
    options = Options(
        kills=arguments.kills,
        seed=arguments.seed,
        tasks=arguments.tasks,
        edits=arguments.edits,
        measure_runs=arguments.measure_runs,
        mid_write_every=arguments.mid_write_every,
        only=tuple(arguments.only),
        delay=arguments.delay,
        trigger=None if arguments.trigger is None else Trigger(arguments.trigger),
        work=arguments.work,
    )
    try:
        summary = run_kill_test(options)
    except SetupError as error:
        print(f"kill test: {error}", file=sys.stderr)
        return 1
    for line in summary.lines():
        print(line)
    if summary.failures:
        print(f"failing rounds are kept in {summary.work}")
    return 1 if summary.failures else 0


if __name__ == "__main__":
    sys.exit(main())
