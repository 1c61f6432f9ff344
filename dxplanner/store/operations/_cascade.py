"""What a delete takes with it, so that the changes it reports name every record that went."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select

from dxplanner.core.models import (
    BudgetLine,
    Dependency,
    Goal,
    Indicator,
    ProgressReport,
    Risk,
    RiskTreatment,
    StaffLine,
    Strategy,
    Task,
    TaskEffect,
)
from dxplanner.store.changes import Changes, Entity


def _ids(session: Session, model: type[SQLModel], *conditions: sa.ColumnElement[bool]) -> list[int]:
    identifier = col(model.id)  # type: ignore[attr-defined]
    return [int(value) for value in session.exec(select(identifier).where(*conditions)).all()]


def _descendants(session: Session, model: type[SQLModel], root_ids: Sequence[int]) -> list[int]:
    """root_ids and every record below them, parents first."""
    found = list(root_ids)
    level = list(root_ids)
    while level:
        level = _ids(session, model, col(model.parent_id).in_(level))  # type: ignore[attr-defined]
        found.extend(level)
    return found


def subtree_ids(session: Session, task_id: int) -> list[int]:
    """The task and every task below it, parents before children."""
    return _descendants(session, Task, [task_id])


def note_tasks_going(session: Session, task_ids: Sequence[int], changes: Changes) -> None:
    """Note the tasks and everything that hangs on them as deleted."""
    for task_id in task_ids:
        changes.delete(Entity.TASK, task_id)
    for link in _ids(
        session,
        Dependency,
        sa.or_(col(Dependency.predecessor_id).in_(task_ids), col(Dependency.successor_id).in_(task_ids)),
    ):
        changes.delete(Entity.DEPENDENCY, link)
    for model, entity in (
        (BudgetLine, Entity.BUDGET_LINE),
        (StaffLine, Entity.STAFF_LINE),
        (ProgressReport, Entity.PROGRESS_REPORT),
        (Risk, Entity.RISK),
        (TaskEffect, Entity.TASK_EFFECT),
    ):
        for record_id in _ids(session, model, col(model.task_id).in_(task_ids)):
            changes.delete(entity, record_id)
    going_risks = _ids(session, Risk, col(Risk.task_id).in_(task_ids))
    note_treatments_going(
        session,
        sa.or_(col(RiskTreatment.task_id).in_(task_ids), col(RiskTreatment.risk_id).in_(going_risks)),
        changes,
    )


def note_treatments_going(session: Session, condition: sa.ColumnElement[bool], changes: Changes) -> None:
    """Note the risk treatments meeting condition as deleted (each by its risk, having no id of its own)."""
    risks = session.exec(select(RiskTreatment.risk_id).where(condition)).all()
    for risk_id in dict.fromkeys(risks):
        changes.delete(Entity.RISK_TREATMENT, risk_id)


def note_plan_going(session: Session, plan_id: int, changes: Changes) -> None:
    """Note a plan, its tasks and its risks as deleted."""
    changes.delete(Entity.PLAN, plan_id)
    changes.delete(Entity.PLAN_DAY_OFF, plan_id)
    note_tasks_going(session, _ids(session, Task, col(Task.plan_id) == plan_id), changes)
    risks = _ids(session, Risk, col(Risk.plan_id) == plan_id)
    for risk in risks:
        changes.delete(Entity.RISK, risk)
    note_treatments_going(session, col(RiskTreatment.risk_id).in_(risks), changes)


def note_indicators_going(session: Session, indicator_ids: Sequence[int], changes: Changes) -> None:
    """Note indicators (with their targets and values) as deleted, and the links to them as cleared."""
    for indicator in indicator_ids:
        changes.delete(Entity.INDICATOR, indicator)
        changes.delete(Entity.INDICATOR_TARGET, indicator)
        changes.delete(Entity.INDICATOR_VALUE, indicator)
    for linked in _ids(session, Indicator, col(Indicator.sedp_indicator_id).in_(indicator_ids)):
        if linked not in indicator_ids:
            changes.update(Entity.INDICATOR, linked)


def note_goals_going(session: Session, root_goal_ids: Sequence[int], changes: Changes) -> None:
    """Note goals with the goals and indicators below them as deleted."""
    goal_ids = _descendants(session, Goal, root_goal_ids)
    for goal in goal_ids:
        changes.delete(Entity.GOAL, goal)
    note_indicators_going(session, _ids(session, Indicator, col(Indicator.goal_id).in_(goal_ids)), changes)


def note_strategy_going(session: Session, strategy_id: int, changes: Changes) -> None:
    """Note a strategy with its goals, indicators and risks as deleted."""
    changes.delete(Entity.STRATEGY, strategy_id)
    top_goals = _ids(session, Goal, col(Goal.strategy_id) == strategy_id, col(Goal.parent_id).is_(None))
    note_goals_going(session, top_goals, changes)
    risks = _ids(session, Risk, col(Risk.strategy_id) == strategy_id)
    for risk in risks:
        changes.delete(Entity.RISK, risk)
    note_treatments_going(session, col(RiskTreatment.risk_id).in_(risks), changes)


def note_sedp_going(session: Session, sedp_id: int, changes: Changes) -> None:
    """Note a socio-economic plan with its indicators as deleted, and the strategies it served as changed."""
    changes.delete(Entity.SEDP, sedp_id)
    note_indicators_going(session, _ids(session, Indicator, col(Indicator.sedp_id) == sedp_id), changes)
    for strategy in _ids(session, Strategy, col(Strategy.sedp_id) == sedp_id):
        changes.update(Entity.STRATEGY, strategy)
