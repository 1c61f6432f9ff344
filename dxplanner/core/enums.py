"""The closed vocabularies of the domain, as StrEnums stored by value."""

from __future__ import annotations

import enum


class UnitKind(enum.StrEnum):
    """What kind of organisation a unit is."""

    GOVERNMENT = "government"
    MINISTRY = "ministry"
    AGENCY = "agency"
    PROVINCE = "province"
    DEPARTMENT = "department"
    DIVISION = "division"
    DISTRICT = "district"
    COMMUNE = "commune"
    ENTERPRISE = "enterprise"
    OTHER = "other"


class Pillar(enum.StrEnum):
    """The three pillars of a digital-transformation strategy."""

    DIGITAL_GOVERNMENT = "digital_government"
    DIGITAL_ECONOMY = "digital_economy"
    DIGITAL_SOCIETY = "digital_society"


class Area(enum.StrEnum):
    """The seed areas a goal belongs to."""

    ARCHITECTURE = "architecture"
    INFRASTRUCTURE = "infrastructure"
    PLATFORMS = "platforms"
    DATA = "data"
    ONLINE_SERVICES = "online_services"
    APPLICATIONS = "applications"
    ORGANISATION = "organisation"
    HUMAN_RESOURCES = "human_resources"
    SECURITY = "security"
    OTHER = "other"


class Direction(enum.StrEnum):
    """Whether an indicator is better when it rises or when it falls."""

    INCREASE = "increase"
    DECREASE = "decrease"


class Comparison(enum.StrEnum):
    """How a measured value must stand against a target ("≥ 40", "≤ 5"); stored as the sign typed in ASCII."""

    AT_LEAST = ">="
    AT_MOST = "<="
    ABOVE = ">"
    BELOW = "<"
    EQUAL = "="


class StrategyStatus(enum.StrEnum):
    """Where a strategy is in its life."""

    DRAFT = "draft"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    SUPERSEDED = "superseded"


class PlanStatus(enum.StrEnum):
    """Where an action plan is in its life."""

    DRAFT = "draft"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ProgressWeight(enum.StrEnum):
    """What makes one task count more than another when a group's progress is rolled up."""

    DURATION = "duration"  # its working days
    BUDGET = "budget"  # the money planned for it


class TaskKind(enum.StrEnum):
    """What a row of an action plan is."""

    GROUP = "group"
    TASK = "task"
    PROJECT = "project"
    MILESTONE = "milestone"


class TaskStatus(enum.StrEnum):
    """The status a person reports for a task (lateness is computed, not stored)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


class Priority(enum.StrEnum):
    """How much a task matters against the others."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class DependencyType(enum.StrEnum):
    """How the dates of two linked tasks relate."""

    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


class FundingSource(enum.StrEnum):
    """Where the money for a task comes from."""

    CENTRAL_BUDGET = "central_budget"
    LOCAL_BUDGET = "local_budget"
    ODA = "oda"
    ENTERPRISE = "enterprise"
    OTHER = "other"


class UnitRole(enum.StrEnum):
    """The part a unit other than the lead plays in a task."""

    COOPERATING = "cooperating"


class RiskCategory(enum.StrEnum):
    """What a risk is about."""

    TECHNICAL = "technical"
    FINANCIAL = "financial"
    ORGANISATIONAL = "organisational"
    LEGAL = "legal"
    SECURITY = "security"
    SCHEDULE = "schedule"
    OTHER = "other"


class RiskStatus(enum.StrEnum):
    """Whether a risk still needs watching."""

    OPEN = "open"
    MITIGATING = "mitigating"
    CLOSED = "closed"


class PlanRole(enum.StrEnum):
    """What a user may change in a plan shared on a server (a plan file allows its user everything)."""

    ADMIN = "admin"  # units, strategies and their goals and indicators, who reports for which unit
    PLANNER = "planner"  # the action plans, their tasks, links, money, staff, reports and risks
    REPORTER = "reporter"  # progress reports and risks on the tasks of one unit; reads the rest
