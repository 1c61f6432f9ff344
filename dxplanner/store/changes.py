"""What an operation changed, so that each view refreshes only what it shows."""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any


class Entity(enum.StrEnum):
    """The kinds of records an operation can change."""

    UNIT = "unit"
    SEDP = "sedp"
    STRATEGY = "strategy"
    GOAL = "goal"
    INDICATOR = "indicator"
    INDICATOR_TARGET = "indicator_target"
    INDICATOR_VALUE = "indicator_value"
    PLAN = "plan"
    PLAN_DAY_OFF = "plan_day_off"
    TASK = "task"
    TASK_UNIT = "task_unit"
    TASK_GOAL = "task_goal"
    DEPENDENCY = "dependency"
    BUDGET_LINE = "budget_line"
    STAFF_LINE = "staff_line"
    PROGRESS_REPORT = "progress_report"
    RISK = "risk"
    # The estate (named as their tables, so that a restore finds them).
    SYSTEM = "system"
    DATA_LINK = "data_link"
    OPEN_DATASET = "open_dataset"
    PUBLIC_SERVICE = "public_service"
    COMMITTEE_MEMBER = "committee_member"
    TASK_EFFECT = "task_effect"
    RISK_TREATMENT = "risk_treatment"  # noted by the risk's id: a treatment has none of its own
    FORM_ROUND = "form_round"
    FORM_ROUND_UNIT = "form_round_unit"  # noted by the round's id: written and removed with it
    FORM_RECEIPT = "form_receipt"


@dataclass
class Changes:
    """The records an operation created, updated and deleted, by kind."""

    # The record the operation made or acted on (the new id of a created record).
    id: int | None = None
    created: dict[Entity, list[int]] = field(default_factory=lambda: defaultdict(list))
    updated: dict[Entity, list[int]] = field(default_factory=lambda: defaultdict(list))
    deleted: dict[Entity, list[int]] = field(default_factory=lambda: defaultdict(list))
    # Field values before an update, so that an undo can put them back.
    previous: dict[str, Any] = field(default_factory=dict)

    def create(self, entity: Entity, record_id: int) -> Changes:
        """Note a created record; the first one noted becomes `id`."""
        self.created[entity].append(record_id)
        if self.id is None:
            self.id = record_id
        return self

    def update(self, entity: Entity, record_id: int) -> Changes:
        """Note an updated record."""
        if record_id not in self.updated[entity]:
            self.updated[entity].append(record_id)
        if self.id is None:
            self.id = record_id
        return self

    def delete(self, entity: Entity, record_id: int) -> Changes:
        """Note a deleted record."""
        self.deleted[entity].append(record_id)
        if self.id is None:
            self.id = record_id
        return self

    @property
    def entities(self) -> set[Entity]:
        """Every kind of record that changed."""
        return {
            entity
            for by_kind in (self.created, self.updated, self.deleted)
            for entity, ids in by_kind.items()
            if ids
        }
