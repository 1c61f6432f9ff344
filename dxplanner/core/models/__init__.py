"""The tables of a plan file, as SQLModel classes."""

from dxplanner.core.models.base import NAMING_CONVENTION
from dxplanner.core.models.estate import (
    CommitteeMember,
    DataLink,
    OpenDataset,
    PublicService,
    RiskTreatment,
    System,
    TaskEffect,
)
from dxplanner.core.models.forms import FormReceipt, FormRound, FormRoundUnit
from dxplanner.core.models.indicators import Indicator, IndicatorTarget, IndicatorValue
from dxplanner.core.models.members import NOT_IN_PLAN, LoginUnit
from dxplanner.core.models.plans import ActionPlan, PlanDayOff
from dxplanner.core.models.resources import BudgetLine, StaffLine
from dxplanner.core.models.strategy import Goal, SocioEconomicPlan, Strategy
from dxplanner.core.models.tasks import Dependency, Task, TaskGoal, TaskUnit
from dxplanner.core.models.tracking import ProgressReport, Risk
from dxplanner.core.models.units import Unit

__all__ = [
    "NAMING_CONVENTION",
    "NOT_IN_PLAN",
    "ActionPlan",
    "BudgetLine",
    "CommitteeMember",
    "DataLink",
    "Dependency",
    "FormReceipt",
    "FormRound",
    "FormRoundUnit",
    "Goal",
    "Indicator",
    "IndicatorTarget",
    "IndicatorValue",
    "LoginUnit",
    "OpenDataset",
    "PlanDayOff",
    "ProgressReport",
    "PublicService",
    "Risk",
    "RiskTreatment",
    "SocioEconomicPlan",
    "StaffLine",
    "Strategy",
    "System",
    "Task",
    "TaskEffect",
    "TaskGoal",
    "TaskUnit",
    "Unit",
]
