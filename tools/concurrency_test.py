"""Many processes edit the same few tasks on one PostgreSQL server at once: no edit may be lost.

Each client is a process of its own with its own connections, as each user's window is. An
edit reads a task (its notes and version), adds one line naming itself to the notes, and
writes it back with the version it read (a read-modify-write, as a user typing over what they
see); a refused edit is read again and retried. At the end every task's notes must hold
exactly the lines of the edits that were made: a line missing is a lost update. Every refusal
must have been a detected conflict.

Run: python -m tools.concurrency_test [--clients 20] [--edits 1000] [--tasks 10] [--url URL]
(without --url a scratch cluster is started, as the tests do). --no-check makes the same run
without versions, which loses updates: the measure of what the checks prevent.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# A client may wait as a user does between reading a task and typing over it.
THINK_SECONDS = 0.002


@dataclass
class ClientResult:
    """What one client did: the edits made (task, line), the refusals by kind, and how long writes took."""

    made: list[tuple[int, str]] = field(default_factory=list)
    conflicts: int = 0
    other_refusals: list[str] = field(default_factory=list)
    write_seconds: list[float] = field(default_factory=list)  # every write, made or refused
    edit_seconds: list[float] = field(default_factory=list)  # each edit made, its retries included


@dataclass(frozen=True)
class Summary:
    """The run's outcome: edits made, lost, refused, and how fast."""

    clients: int
    edits: int
    lost: int  # edits made whose line is not in the notes
    extra: int  # lines in the notes of no edit made (or twice)
    conflicts: int
    other_refusals: list[str]
    seconds: float
    write_p50: float
    write_p95: float
    edit_p50: float
    edit_p95: float

    @property
    def edits_per_second(self) -> float:
        return self.edits / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        return [
            f"clients: {self.clients}, edits made: {self.edits} in {self.seconds:.1f} s "
            f"({self.edits_per_second:.0f} edits/s)",
            f"lost updates: {self.lost}" + (f", lines of no edit made: {self.extra}" if self.extra else ""),
            f"conflicts detected (and retried): {self.conflicts}",
            f"other refusals: {len(self.other_refusals)}"
            + (f" (first: {self.other_refusals[0]})" if self.other_refusals else ""),
            f"write latency: p50 {self.write_p50 * 1000:.1f} ms, p95 {self.write_p95 * 1000:.1f} ms",
            f"edit latency, retries in: p50 {self.edit_p50 * 1000:.1f} ms, p95 {self.edit_p95 * 1000:.0f} ms",
        ]


def prepare(url: str, tasks: int) -> list[int]:
    """Prepare the database (as `server init` does) and add a plan with `tasks` tasks; their ids."""
    import datetime

    from dxplanner.services.shared import init_server
    from dxplanner.store.operations.plans import create_plan
    from dxplanner.store.operations.tasks import create_task
    from dxplanner.store.operations.units import create_unit
    from dxplanner.store.server_store import open_server

    init_server(url)
    store = open_server(url)
    try:
        stamp = f"{time.time_ns() % 10**9}"
        unit = create_unit(store, code=f"CT{stamp}", name=f"Đơn vị thử {stamp}", kind="department").id
        plan = create_plan(
            store,
            name="Kế hoạch thử sửa đồng thời",
            unit_id=unit,
            start=datetime.date(2026, 1, 1),
            end=datetime.date(2026, 12, 31),
        ).id
        assert plan is not None
        ids = [create_task(store, plan, name=f"Nhiệm vụ {number + 1}").id for number in range(tasks)]
    finally:
        store.close()
    return [task_id for task_id in ids if task_id is not None]


def client(url: str, name: str, task_ids: Sequence[int], edits: int, seed: int, check: bool) -> ClientResult:
    """Make `edits` read-modify-write edits of random tasks, retrying each refused one; what happened."""
    from dxplanner.core.errors import ConflictError, DomainError
    from dxplanner.services import edits as edit_service
    from dxplanner.services import records
    from dxplanner.store.server_store import open_server

    chance = random.Random(seed)
    store = open_server(url)
    result = ClientResult()
    try:
        for number in range(edits):
            task_id = chance.choice(list(task_ids))
            line = f"{name}.{number}"
            started = time.perf_counter()
            while True:
                task = records.task(store, task_id)
                assert task is not None
                time.sleep(chance.uniform(0, THINK_SECONDS))
                notes = f"{task.notes}\n{line}" if task.notes else line
                writing = time.perf_counter()
                try:
                    edit_service.update_task(
                        store, task_id, seen=task.version if check else None, notes=notes
                    )
                except ConflictError:
                    result.write_seconds.append(time.perf_counter() - writing)
                    result.conflicts += 1
                    continue
                except DomainError as error:
                    result.write_seconds.append(time.perf_counter() - writing)
                    result.other_refusals.append(error.message)
                    continue
                done = time.perf_counter()
                result.write_seconds.append(done - writing)
                result.edit_seconds.append(done - started)
                result.made.append((task_id, line))
                break
    finally:
        store.close()
    return result


def _client_job(arguments: tuple[str, str, Sequence[int], int, int, bool]) -> ClientResult:
    return client(*arguments)


def warm_up(_number: int) -> None:
    """Import in a new client process what its edits use, before the clock starts."""
    import dxplanner.services.edits
    import dxplanner.services.records
    import dxplanner.store.server_store  # noqa: F401


def run(url: str, clients: int, edits: int, tasks: int = 10, seed: int = 1, check: bool = True) -> Summary:
    """Run the clients at once on a new plan in the database at url; count what was lost."""
    from dxplanner.services import records
    from dxplanner.store.server_store import open_server

    task_ids = prepare(url, tasks)
    jobs = [(url, f"c{number}", task_ids, edits, seed * 1000 + number, check) for number in range(clients)]
    # Each client a process of its own (spawned: nothing of this process's connections is shared).
    context = multiprocessing.get_context("spawn")
    with context.Pool(clients) as pool:
        pool.map(warm_up, range(clients), chunksize=1)
        started = time.perf_counter()
        results = pool.map(_client_job, jobs)
        seconds = time.perf_counter() - started
    store = open_server(url)
    try:
        stored = {task_id: records.task(store, task_id) for task_id in task_ids}
    finally:
        store.close()
    kept = Counter(
        (task_id, line)
        for task_id, task in stored.items()
        if task and task.notes
        for line in task.notes.split("\n")
    )
    made = [edit for result in results for edit in result.made]
    wanted = Counter(made)
    writes = [seconds for result in results for seconds in result.write_seconds]
    whole = [seconds for result in results for seconds in result.edit_seconds]
    return Summary(
        clients=clients,
        edits=len(made),
        lost=sum((wanted - kept).values()),
        extra=sum((kept - wanted).values()),
        conflicts=sum(result.conflicts for result in results),
        other_refusals=[message for result in results for message in result.other_refusals],
        seconds=seconds,
        write_p50=_percentile(writes, 50),
        write_p95=_percentile(writes, 95),
        edit_p50=_percentile(whole, 50),
        edit_p95=_percentile(whole, 95),
    )


def _percentile(values: Sequence[float], percent: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def with_scratch_server(work: Callable[[str], Summary]) -> Summary:
    """Run work on a new database of a scratch cluster started for it (and stopped after)."""
    from tests.postgres_cluster import ScratchCluster

    cluster = ScratchCluster.start()
    try:
        return work(cluster.url(cluster.new_database()))
    finally:
        cluster.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--edits", type=int, default=1000, help="edits per client")
    parser.add_argument("--tasks", type=int, default=10, help="the tasks they all edit")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--url", help="a PostgreSQL database (by default a scratch cluster's)")
    parser.add_argument("--no-check", action="store_true", help="edit without versions (loses updates)")
    options = parser.parse_args(argv)

    def work(url: str) -> Summary:
        return run(url, options.clients, options.edits, options.tasks, options.seed, not options.no_check)

    summary = work(options.url) if options.url else with_scratch_server(work)
    for line in summary.lines():
        print(line)
    return 0 if summary.lost == summary.extra == 0 and not summary.other_refusals else 1


if __name__ == "__main__":
    sys.exit(main())
