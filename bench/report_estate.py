"""What the estate appendices add to the progress report of a large plan: with no estate, and with one.

The plan file is the synthetic plan (50,000 tasks by default). Each run times, in one process and
alternating, our whole report (reading, the engine, every sheet) on that file as it is, and on a
copy holding a large province's estate (300 systems, 3,000 public services, 600 data links,
effects of 2,000 tasks), whose three appendix sheets are written too; and, on the file with no
estate, the estate's reading alone (two queries on empty tables: all the appendices cost there).
Prints the medians: the estate's reading with no estate against the whole report (budget: 1%,
not measurably slower), and the report with the large estate against the one without (1.15).
Run: python -m bench.report_estate [--runs N] [--tasks N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.large_plan_file import write_large_plan_file
from bench.report_export import AS_OF, our_report
from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.report_estate import read_estate_report

BUDGET_NO_ESTATE = 0.01
BUDGET_ESTATE = 1.15
SYSTEMS, SERVICES, LINKS, CHANGING_TASKS = 300, 3_000, 600, 2_000
KINDS = ("application", "portal", "platform", "database", "infrastructure", "security")
LEVELS = ("information", "partial_online", "full_process_online")


def add_estate(path: Path) -> None:
    """Fill the plan file with a large province's estate, its effects on the plan's leaf tasks."""
    chance = random.Random(18)
    with sqlite3.connect(path) as connection:
        units = [row[0] for row in connection.execute("SELECT id FROM unit")]
        leaves = [
            row[0]
            for row in connection.execute(
                "SELECT id FROM task WHERE id NOT IN (SELECT parent_id FROM task WHERE parent_id IS NOT NULL)"
            )
        ]
        connection.executemany(
            "INSERT INTO system (id, name, kind, owner_unit_id, level, hosting, security_level,"
            " security_plan_approved, status, version) VALUES (?, ?, ?, ?, 'department', ?, ?, ?, ?, 1)",
            [
                (
                    number,
                    f"Hệ thống thông tin số {number} của tỉnh",
                    chance.choice(KINDS),
                    chance.choice(units),
                    chance.choice(("own_server_room", "provincial_data_centre", "government_cloud")),
                    chance.randint(1, 5),
                    chance.random() < 0.7,
                    chance.choice(("running", "running", "building", "planned")),
                )
                for number in range(1, SYSTEMS + 1)
            ],
        )
        connection.executemany(
            "INSERT INTO public_service (id, name, field, unit_id, level, on_national_portal,"
            " online_payment, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            [
                (
                    number,
                    f"Thủ tục hành chính số {number} về cấp, đổi giấy phép",
                    f"Lĩnh vực {number % 40}",
                    chance.choice(units),
                    chance.choice(LEVELS),
                    chance.random() < 0.8,
                    chance.random() < 0.3,
                )
                for number in range(1, SERVICES + 1)
            ],
        )
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < LINKS:
            giver, taker = chance.randint(1, SYSTEMS), chance.randint(1, SYSTEMS)
            if giver != taker:
                pairs.add((giver, taker))
        connection.executemany(
            "INSERT INTO data_link (from_system_id, to_system_id, via, data, status, version)"
            " VALUES (?, ?, ?, 'Dữ liệu dùng chung giữa các sở', 'running', 1)",
            [(giver, taker, chance.choice(("lgsp", "ndxp", "direct"))) for giver, taker in sorted(pairs)],
        )
        effects: list[tuple[int, str, int | None, int | None, str | None]] = []
        for task_id in chance.sample(leaves, min(CHANGING_TASKS, len(leaves))):
            if chance.random() < 0.8:
                level = chance.choice(LEVELS[1:])
                effects.append((task_id, "raises_level", None, chance.randint(1, SERVICES), level))
            else:
                effects.append(
                    (task_id, chance.choice(("builds", "changes")), chance.randint(1, SYSTEMS), None, None)
                )
        connection.executemany(
            "INSERT INTO task_effect (task_id, effect, system_id, service_id, service_level, version)"
            " VALUES (?, ?, ?, ?, ?, 1)",
            effects,
        )


def estate_reading(path: Path) -> float:
    """How long reading the estate's appendices takes, alone."""
    store = open_plan_file(path, read_only=True)
    try:
        with store.read() as session:
            started = time.perf_counter()
            read_estate_report(session, AS_OF, AS_OF, {})
            return time.perf_counter() - started
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tasks", type=int, default=50_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "plan.dxplan"
        counts = write_large_plan_file(bare, arguments.tasks)
        print(f"plan file: {counts}")
        with_estate = Path(folder) / "estate.dxplan"
        shutil.copyfile(bare, with_estate)  # not live: nothing has it open yet
        add_estate(with_estate)
        our_report(bare, Path(folder) / "warm.xlsx")
        times: dict[str, list[float]] = {"none": [], "estate": [], "reading": []}
        for run in range(arguments.runs):
            times["none"].append(our_report(bare, Path(folder) / f"none{run}.xlsx")[0][0])  # the clock's
            times["reading"].append(estate_reading(bare))
            (seconds, _cpu), data = our_report(with_estate, Path(folder) / f"estate{run}.xlsx")
            times["estate"].append(seconds)
            assert data.estate is not None and len(data.estate.services) > 0
        none, estate = statistics.median(times["none"]), statistics.median(times["estate"])
        reading = statistics.median(times["reading"])
        print(f"median of {arguments.runs} runs, {arguments.tasks:,} tasks:")
        print(f"  report, no estate                      {none * 1000:8.0f} ms")
        print(f"  of which the estate's reading          {reading * 1000:8.1f} ms")
        print(f"  share                                  {reading / none:8.4f}    budget {BUDGET_NO_ESTATE}")
        print(f"  report with the estate's appendices    {estate * 1000:8.0f} ms")
        print(f"  ratio                                  {estate / none:8.2f}    budget {BUDGET_ESTATE}")


if __name__ == "__main__":
    main()
