"""A fixed, seeded run of ordinary edits (store operations, one transaction each) for the kill -9 test.

The same seed on the same starting file makes the same edits, so the parent can replay them to
know every state the file may be left in: after exactly k edits, for some k.
"""

from __future__ import annotations

import contextlib
import datetime
import random
from collections.abc import Callable, Sequence

from dxplanner.core.enums import FundingSource, RiskCategory
from dxplanner.core.errors import DomainError
from dxplanner.store.operations.dependencies import add_dependency
from dxplanner.store.operations.paste import PasteField, paste_tasks
from dxplanner.store.operations.plans import set_baseline
from dxplanner.store.operations.progress import add_progress_report
from dxplanner.store.operations.resources import add_budget_line
from dxplanner.store.operations.risks import add_risk
from dxplanner.store.operations.tasks import create_task, delete_task, move_task, update_task
from dxplanner.store.plan_store import PlanStore

FIRST_DAY = datetime.date(2025, 1, 6)
# Called after each edit with how many edits are done (refused ones included).
Done = Callable[[int], None]


def _ids(store: PlanStore, sql: str, *parameters: object) -> list[int]:
    with store.read() as session:
        return [int(row[0]) for row in session.connection().exec_driver_sql(sql, tuple(parameters))]


def _plan_and_task(store: PlanStore, chance: random.Random) -> tuple[int, int | None]:
    plan = chance.choice(_ids(store, "SELECT id FROM action_plan ORDER BY id"))
    tasks = _ids(store, "SELECT id FROM task WHERE plan_id = ? ORDER BY id", plan)
    return plan, chance.choice(tasks) if tasks else None


def _groups(store: PlanStore, plan: int) -> list[int]:
    return _ids(store, "SELECT id FROM task WHERE plan_id = ? AND kind = 'group' ORDER BY id", plan)


def _create(store: PlanStore, chance: random.Random, step: int) -> None:
    plan, _task = _plan_and_task(store, chance)
    start = FIRST_DAY + datetime.timedelta(days=chance.randint(0, 300))
    create_task(
        store,
        plan,
        parent_id=chance.choice([None, *_groups(store, plan)]),
        name=f"Nhiệm vụ thử số {step}: số hóa hồ sơ",
        planned_start=start,
        planned_end=start + datetime.timedelta(days=chance.randint(5, 90)),
    )


def _update(store: PlanStore, chance: random.Random, step: int) -> None:
    _plan, task = _plan_and_task(store, chance)
    if task is not None:
        update_task(store, task, name=f"Nhiệm vụ sửa lần {step}", notes=f"Ghi chú {chance.random():.6f}")


def _report(store: PlanStore, chance: random.Random, step: int) -> None:
    _plan, task = _plan_and_task(store, chance)
    if task is not None:
        day = FIRST_DAY + datetime.timedelta(days=step)
        progress = chance.choice([10, 35, 60, 100])
        add_progress_report(store, task, as_of=day, progress=progress, remark="Báo cáo tháng")


def _move(store: PlanStore, chance: random.Random, _step: int) -> None:
    plan, task = _plan_and_task(store, chance)
    if task is not None:
        move_task(store, task, parent_id=chance.choice([None, *_groups(store, plan)]), position=0)


def _delete(store: PlanStore, chance: random.Random, _step: int) -> None:
    plan = chance.choice(_ids(store, "SELECT id FROM action_plan ORDER BY id"))
    leaves = _ids(
        store,
        "SELECT id FROM task WHERE plan_id = ? AND id NOT IN "
        "(SELECT parent_id FROM task WHERE parent_id IS NOT NULL) ORDER BY id",
        plan,
    )
    if leaves:
        delete_task(store, chance.choice(leaves))


def _budget(store: PlanStore, chance: random.Random, _step: int) -> None:
    _plan, task = _plan_and_task(store, chance)
    if task is not None:
        add_budget_line(
            store,
            task,
            source=chance.choice(list(FundingSource)),
            year=chance.randint(2021, 2026),
            planned=chance.randrange(1, 900) * 1_000_000,
        )


def _paste(store: PlanStore, chance: random.Random, step: int) -> None:
    plan, _task = _plan_and_task(store, chance)
    rows = [
        [f"Dán {step}.{number}: kết nối LGSP", "Quý III/2025", str(chance.choice([0, 20, 50]))]
        for number in range(chance.randint(2, 12))
    ]
    paste_tasks(store, plan, [PasteField.NAME, PasteField.TIMELINE, PasteField.PROGRESS], rows)


def _baseline(store: PlanStore, chance: random.Random, _step: int) -> None:
    plan, _task = _plan_and_task(store, chance)
    set_baseline(store, plan)


def _risk(store: PlanStore, chance: random.Random, step: int) -> None:
    plan, _task = _plan_and_task(store, chance)
    add_risk(
        store,
        plan_id=plan,
        text=f"Rủi ro {step}: chậm giải ngân",
        category=chance.choice(list(RiskCategory)),
        likelihood=chance.randint(1, 5),
        impact=chance.randint(1, 5),
    )


def _link(store: PlanStore, chance: random.Random, _step: int) -> None:
    plan, _task = _plan_and_task(store, chance)
    tasks = _ids(store, "SELECT id FROM task WHERE plan_id = ? AND kind != 'group' ORDER BY id", plan)
    if len(tasks) >= 2:
        first, second = sorted(chance.sample(tasks, 2))
        add_dependency(store, first, second, lag_days=chance.randint(0, 5))


Edit = Callable[[PlanStore, random.Random, int], None]
# Small edits often, large ones (a paste, a baseline of a whole plan) now and then, as a user makes them.
EDITS: Sequence[tuple[Edit, int]] = (
    (_create, 4),
    (_update, 5),
    (_report, 4),
    (_move, 2),
    (_delete, 2),
    (_budget, 2),
    (_paste, 1),
    (_baseline, 1),
    (_risk, 1),
    (_link, 2),
)


def run_edits(store: PlanStore, seed: int, count: int, done: Done) -> None:
    """Make count edits chosen by seed, calling done after each; an edit the rules refuse changes nothing."""
    chance = random.Random(seed)
    edits, weights = zip(*EDITS, strict=True)
    for step in range(1, count + 1):
        edit = chance.choices(edits, weights)[0]
        # An edit a rule refuses leaves the file as it was, which the replay sees too.
        with contextlib.suppress(DomainError):
            edit(store, chance, step)
        done(step)
