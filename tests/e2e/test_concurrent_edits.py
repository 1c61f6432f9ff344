"""Several processes edit the same tasks on one PostgreSQL server at once, and no edit is lost.

A short run of tools/concurrency_test.py (python -m tools.concurrency_test runs the long one,
20 clients x 1,000 edits): four client processes, 2,000 read-modify-write edits of six tasks.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres_cluster import ScratchCluster
from tools.concurrency_test import run

pytestmark = pytest.mark.e2e

CLIENTS = 4
EDITS = 500  # per client


@pytest.fixture
def database(postgres_cluster: ScratchCluster) -> Iterator[str]:
    """A new, empty database on the scratch server (the run prepares it as `server init` does)."""
    name = postgres_cluster.new_database()
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


def test_concurrent_edits_of_the_same_tasks_lose_nothing_and_every_refusal_is_a_conflict(
    database: str,
) -> None:
    summary = run(database, clients=CLIENTS, edits=EDITS, tasks=6)
    report = "\n".join(summary.lines())
    assert summary.edits == CLIENTS * EDITS, report
    # The stored notes hold the line of every edit made, each once: nothing lost, nothing doubled.
    assert (summary.lost, summary.extra) == (0, 0), report
    assert summary.other_refusals == [], report
    # Four clients on six tasks do meet: the conflicts were there to detect.
    assert summary.conflicts > 0, report


def test_the_same_edits_without_versions_lose_updates(database: str) -> None:
    # What the checks prevent: each client writes over what another wrote after it read.
    summary = run(database, clients=4, edits=60, tasks=2, check=False)
    assert summary.conflicts == 0
    assert summary.lost > 0, "\n".join(summary.lines())
