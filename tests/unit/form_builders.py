"""A round of progress forms sent and one reply collected, written straight through the operations."""

from __future__ import annotations

import datetime

from sqlmodel import col, select

from dxplanner.core.enums import TaskStatus
from dxplanner.core.form_collect import ReceiptToWrite, ReportToWrite
from dxplanner.core.models import ActionPlan, Task
from dxplanner.core.progress_form import FormRole
from dxplanner.store.operations.collect_forms import collect_forms, record_form_round
from dxplanner.store.plan_store import PlanStore

ISSUED = datetime.datetime(2026, 10, 1, 9, 30, 15)


def fill_forms(store: PlanStore) -> int:
    """A round of the first plan, with one unit's reply on its first task; the round's id."""
    with store.read() as session:
        plan = session.exec(select(ActionPlan).order_by(col(ActionPlan.id))).first()
        assert plan is not None and plan.id is not None
        task = session.exec(
            select(Task).where(Task.plan_id == plan.id, Task.lead_unit_id != None)  # noqa: E711
        ).first()
        assert task is not None and task.id is not None and task.lead_unit_id is not None
    sent = record_form_round(
        store,
        plan.id,
        datetime.date(2026, 9, 30),
        datetime.date(2026, 10, 7),
        ISSUED,
        "5e" * 32,
        [(task.lead_unit_id, FormRole.LEAD)],
    ).id
    assert sent is not None
    report = ReportToWrite(
        task.id,
        datetime.date(2026, 9, 30),
        55.0,
        TaskStatus.IN_PROGRESS,
        remark="Đã hoàn thành khảo sát",
        difficulty="Thiếu kinh phí",
        proposal="Bổ sung kinh phí năm 2027",
        author="Nguyễn Văn A",
    )
    receipt = ReceiptToWrite(
        sent, task.lead_unit_id, ISSUED + datetime.timedelta(days=3), "Nguyễn Văn A", "phieu.xlsx", (report,)
    )
    collect_forms(store, [receipt])
    return sent
