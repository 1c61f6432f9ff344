"""The words users see for each enumeration value, in the current language (and in all of them)."""

from __future__ import annotations

import enum

from dxplanner.core.enums import (
    Area,
    CommitteeRole,
    Comparison,
    DataLinkVia,
    DependencyType,
    Direction,
    EffectKind,
    EstateMeasure,
    EstateStatus,
    FundingSource,
    GovernmentLevel,
    Hosting,
    Pillar,
    PlanRole,
    PlanStatus,
    Priority,
    ProgressWeight,
    RiskCategory,
    RiskStatus,
    ServiceLevel,
    StrategyStatus,
    SystemKind,
    TableKind,
    TaskKind,
    TaskStatus,
    UnitKind,
    UpdateFrequency,
)
from dxplanner.i18n import N_, _, every_language

# Enumeration -> value -> English name (translated when shown). Kept as data so that pasted
# or imported text can be read in either language.
_NAMES: dict[str, dict[str, str]] = {
    # What an imported table lists (the import preview's choice).
    TableKind.__name__: {
        TableKind.TASKS: N_("Tasks of an action plan"),
        TableKind.INDICATORS: N_("Indicators of a strategy"),
        TableKind.PROCEDURES: N_("Catalogue of administrative procedures"),
        TableKind.SYSTEMS: N_("Catalogue of information systems"),
    },
    TaskStatus.__name__: {
        TaskStatus.NOT_STARTED: N_("Not started"),
        TaskStatus.IN_PROGRESS: N_("In progress"),
        TaskStatus.COMPLETED: N_("Completed"),
        TaskStatus.SUSPENDED: N_("Suspended"),
        TaskStatus.CANCELLED: N_("Cancelled"),
    },
    TaskKind.__name__: {
        TaskKind.GROUP: N_("Group"),
        TaskKind.TASK: N_("Task"),
        TaskKind.PROJECT: N_("Project"),
        TaskKind.MILESTONE: N_("Milestone"),
    },
    PlanRole.__name__: {
        PlanRole.ADMIN: N_("administrator"),
        PlanRole.PLANNER: N_("planner"),
        PlanRole.REPORTER: N_("unit reporter"),
    },
    Priority.__name__: {Priority.LOW: N_("Low"), Priority.NORMAL: N_("Normal"), Priority.HIGH: N_("High")},
    UnitKind.__name__: {
        UnitKind.GOVERNMENT: N_("Government"),
        UnitKind.MINISTRY: N_("Ministry"),
        UnitKind.AGENCY: N_("Government agency"),
        UnitKind.PROVINCE: N_("Province"),
        UnitKind.DEPARTMENT: N_("Department"),
        UnitKind.DIVISION: N_("Division"),
        UnitKind.DISTRICT: N_("District"),
        UnitKind.COMMUNE: N_("Commune"),
        UnitKind.ENTERPRISE: N_("Enterprise"),
        UnitKind.OTHER: N_("Other"),
    },
    Pillar.__name__: {
        Pillar.DIGITAL_GOVERNMENT: N_("Digital government"),
        Pillar.DIGITAL_ECONOMY: N_("Digital economy"),
        Pillar.DIGITAL_SOCIETY: N_("Digital society"),
    },
    Area.__name__: {
        Area.ARCHITECTURE: N_("Architecture"),
        Area.INFRASTRUCTURE: N_("Infrastructure and cloud"),
        Area.PLATFORMS: N_("Platforms"),
        Area.DATA: N_("Data"),
        Area.ONLINE_SERVICES: N_("Online public services"),
        Area.APPLICATIONS: N_("Applications"),
        Area.ORGANISATION: N_("Organisation"),
        Area.HUMAN_RESOURCES: N_("Human resources"),
        Area.SECURITY: N_("Security"),
        Area.OTHER: N_("Other"),
    },
    Direction.__name__: {
        Direction.INCREASE: N_("Higher is better"),
        Direction.DECREASE: N_("Lower is better"),
    },
    StrategyStatus.__name__: {
        StrategyStatus.DRAFT: N_("Draft"),
        StrategyStatus.APPROVED: N_("Approved"),
        StrategyStatus.IN_PROGRESS: N_("In progress"),
        StrategyStatus.COMPLETED: N_("Completed"),
        StrategyStatus.SUPERSEDED: N_("Superseded"),
    },
    PlanStatus.__name__: {
        PlanStatus.DRAFT: N_("Draft"),
        PlanStatus.APPROVED: N_("Approved"),
        PlanStatus.IN_PROGRESS: N_("In progress"),
        PlanStatus.COMPLETED: N_("Completed"),
        PlanStatus.CANCELLED: N_("Cancelled"),
    },
    FundingSource.__name__: {
        FundingSource.CENTRAL_BUDGET: N_("Central budget"),
        FundingSource.LOCAL_BUDGET: N_("Local budget"),
        FundingSource.ODA: N_("ODA"),
        FundingSource.ENTERPRISE: N_("Enterprise"),
        FundingSource.OTHER: N_("Other"),
    },
    RiskCategory.__name__: {
        RiskCategory.TECHNICAL: N_("Technical"),
        RiskCategory.FINANCIAL: N_("Financial"),
        RiskCategory.ORGANISATIONAL: N_("Organisational"),
        RiskCategory.LEGAL: N_("Legal"),
        RiskCategory.SECURITY: N_("Security"),
        RiskCategory.SCHEDULE: N_("Schedule"),
        RiskCategory.TECHNOLOGY_DEPENDENCE: N_("Technology dependence"),
        RiskCategory.DATA_LOCATION: N_("Data location"),
        RiskCategory.PEOPLE: N_("People"),
        RiskCategory.OTHER: N_("Other"),
    },
    RiskStatus.__name__: {
        RiskStatus.OPEN: N_("Open"),
        RiskStatus.MITIGATING: N_("Mitigating"),
        RiskStatus.CLOSED: N_("Closed"),
    },
    DependencyType.__name__: {
        DependencyType.FS: N_("Finish to start"),
        DependencyType.SS: N_("Start to start"),
        DependencyType.FF: N_("Finish to finish"),
        DependencyType.SF: N_("Start to finish"),
    },
    # The signs say it in every language; typed as ">=", "<=" they are read too (the stored values).
    Comparison.__name__: {
        Comparison.AT_LEAST: N_("≥"),
        Comparison.AT_MOST: N_("≤"),
        Comparison.ABOVE: N_(">"),
        Comparison.BELOW: N_("<"),
        Comparison.EQUAL: N_("="),
    },
    ProgressWeight.__name__: {
        ProgressWeight.DURATION: N_("By working days"),
        ProgressWeight.BUDGET: N_("By budget"),
    },
    # The estate.
    SystemKind.__name__: {
        SystemKind.APPLICATION: N_("Information system"),
        SystemKind.PORTAL: N_("Portal"),
        SystemKind.PLATFORM: N_("Platform"),
        SystemKind.DATABASE: N_("Database"),
        SystemKind.INFRASTRUCTURE: N_("Infrastructure"),
        SystemKind.SECURITY: N_("Security service"),
    },
    GovernmentLevel.__name__: {
        GovernmentLevel.NATIONAL: N_("National"),
        GovernmentLevel.MINISTRY_PROVINCE: N_("Ministry or province"),
        GovernmentLevel.DEPARTMENT: N_("Department or district"),
    },
    Hosting.__name__: {
        Hosting.OWN_SERVER_ROOM: N_("Own server room"),
        Hosting.PROVINCIAL_DATA_CENTRE: N_("Provincial data centre"),
        Hosting.GOVERNMENT_CLOUD: N_("Government cloud"),
        Hosting.COMMERCIAL_CLOUD: N_("Commercial cloud"),
    },
    EstateStatus.__name__: {
        EstateStatus.PLANNED: N_("Planned"),
        EstateStatus.BUILDING: N_("Being built"),
        EstateStatus.RUNNING: N_("Running"),
        EstateStatus.RETIRED: N_("Retired"),
    },
    DataLinkVia.__name__: {
        DataLinkVia.LGSP: N_("LGSP"),
        DataLinkVia.NDXP: N_("NDXP"),
        DataLinkVia.DIRECT: N_("Direct"),
    },
    ServiceLevel.__name__: {
        ServiceLevel.INFORMATION: N_("Information only"),
        ServiceLevel.PARTIAL_ONLINE: N_("Partial online"),
        ServiceLevel.FULL_PROCESS_ONLINE: N_("Full-process online"),
    },
    UpdateFrequency.__name__: {
        UpdateFrequency.DAILY: N_("Daily"),
        UpdateFrequency.WEEKLY: N_("Weekly"),
        UpdateFrequency.MONTHLY: N_("Monthly"),
        UpdateFrequency.QUARTERLY: N_("Quarterly"),
        UpdateFrequency.YEARLY: N_("Yearly"),
        UpdateFrequency.IRREGULAR: N_("Irregularly"),
    },
    EffectKind.__name__: {
        EffectKind.BUILDS: N_("Builds"),
        EffectKind.CHANGES: N_("Changes"),
        EffectKind.CONNECTS: N_("Connects"),
        EffectKind.RETIRES: N_("Retires"),
        EffectKind.RAISES_LEVEL: N_("Raises the level"),
    },
    CommitteeRole.__name__: {
        CommitteeRole.HEAD: N_("Head"),
        CommitteeRole.DEPUTY_HEAD: N_("Deputy head"),
        CommitteeRole.STANDING_MEMBER: N_("Standing member"),
        CommitteeRole.MEMBER: N_("Member"),
        CommitteeRole.SECRETARY: N_("Secretariat"),
        CommitteeRole.IT_UNIT: N_("Unit in charge of IT"),
    },
    EstateMeasure.__name__: {
        EstateMeasure.FULL_PROCESS_SERVICE_SHARE: N_("Share of public services full-process online"),
        EstateMeasure.NATIONAL_PORTAL_SERVICE_SHARE: N_(
            "Share of public services on the national public-service portal"
        ),
        EstateMeasure.SHARED_HOSTING_SHARE: N_("Share of systems in a shared data centre or a cloud"),
        EstateMeasure.SECURITY_PLAN_SHARE: N_("Share of systems with an approved security plan"),
        EstateMeasure.PLATFORM_CONNECTED_COUNT: N_("Systems sharing data through LGSP or NDXP"),
    },
    "TimelineKind": {
        "day": N_("day"),
        "month": N_("month"),
        "quarter": N_("quarter"),
        "half_year": N_("half year"),
        "year": N_("year"),
        "years": N_("years"),
        "range": N_("span"),
        "until": N_("deadline"),
        "from": N_("start only"),
        "recurring": N_("recurring"),
        "continuous": N_("continuous"),
        "relative": N_("counted from the plan's date"),
        "after_act": N_("counted from another body's act"),
        "orientation": N_("orientation, no dates"),
        "unknown": N_("not understood"),
    },
    "TableField": {
        "number": N_("Number (STT)"),
        "sub_number": N_("Second number (Chi tiết)"),
        "code": N_("Task code"),
        "name": N_("Task"),
        "lead_unit": N_("Lead unit"),
        "cooperating_units": N_("Cooperating units"),
        "timeline": N_("Timeline"),
        "start": N_("Start"),
        "end": N_("End"),
        "product": N_("Product"),
        "budget": N_("Budget"),
        "central_budget": N_("Budget: central"),
        "local_budget": N_("Budget: local"),
        "oda": N_("Budget: ODA"),
        "enterprise": N_("Budget: enterprise"),
        "other_funds": N_("Budget: other sources"),
        "source": N_("Funding source"),
        "progress": N_("Progress"),
        "notes": N_("Notes"),
    },
    "MatchKind": {
        "exact": N_("same name"),
        "abbreviation": N_("abbreviation"),
        "fuzzy": N_("similar name"),
        "new": N_("new unit"),
    },
    "Health": {
        "not_started": N_("Not started"),
        "on_track": N_("On track"),
        "at_risk": N_("At risk"),
        "late": N_("Late"),
        "done": N_("Done"),
        "paused": N_("Paused"),
        "cancelled": N_("Cancelled"),
    },
    "AttainmentStatus": {
        "met": N_("Met"),
        "on_track": N_("On track"),
        "behind": N_("Behind"),
        "no_target": N_("No target"),
        "no_value": N_("Not measured"),
        "in_words": N_("Target in words"),
    },
}


def label(member: enum.StrEnum) -> str:
    """What a value of an enumeration is called on screen, in the current language."""
    return _(_NAMES[type(member).__name__][member.value])


def names_in_every_language(member: enum.StrEnum) -> list[str]:
    """Every name the value goes by, so that text typed in any language can be read."""
    return every_language(_NAMES[type(member).__name__][member.value])


# The names the rest of the code already uses.
task_status_label = label
task_kind_label = label
timeline_kind_label = label
