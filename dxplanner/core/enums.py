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
    # Depending on a foreign vendor's core technology (the guide's "công nghệ lõi").
    TECHNOLOGY_DEPENDENCE = "technology_dependence"
    # Vietnamese users' data kept outside Vietnam.
    DATA_LOCATION = "data_location"
    PEOPLE = "people"
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


class SystemKind(enum.StrEnum):
    """What an element of the estate is; it decides the map's layer it is drawn in."""

    APPLICATION = "application"  # an information system or application
    PORTAL = "portal"
    PLATFORM = "platform"  # LGSP, NDXP, a shared platform
    DATABASE = "database"
    INFRASTRUCTURE = "infrastructure"  # a server room, a data centre, a cloud, a network
    SECURITY = "security"  # a security operations centre, monitoring


class GovernmentLevel(enum.StrEnum):
    """Whose an element of the estate is: the nation's, a ministry's or province's, a department's."""

    NATIONAL = "national"
    MINISTRY_PROVINCE = "ministry_province"
    DEPARTMENT = "department"


class Hosting(enum.StrEnum):
    """Where a system runs."""

    OWN_SERVER_ROOM = "own_server_room"
    PROVINCIAL_DATA_CENTRE = "provincial_data_centre"
    GOVERNMENT_CLOUD = "government_cloud"
    COMMERCIAL_CLOUD = "commercial_cloud"


class EstateStatus(enum.StrEnum):
    """Where an element of the estate is in its life."""

    PLANNED = "planned"
    BUILDING = "building"
    RUNNING = "running"
    RETIRED = "retired"


class DataLinkVia(enum.StrEnum):
    """What a data-sharing link goes through."""

    LGSP = "lgsp"  # the ministry's or province's integration and sharing platform
    NDXP = "ndxp"  # the national data exchange platform
    DIRECT = "direct"


class ServiceLevel(enum.StrEnum):
    """How far a public service is online, on the scale of Decree 42/2022."""

    INFORMATION = "information"
    PARTIAL_ONLINE = "partial_online"
    FULL_PROCESS_ONLINE = "full_process_online"


class UpdateFrequency(enum.StrEnum):
    """How often an open dataset is brought up to date."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    IRREGULAR = "irregular"


class EffectKind(enum.StrEnum):
    """What a task does to an element of the estate when it is done."""

    BUILDS = "builds"
    CHANGES = "changes"
    CONNECTS = "connects"  # makes a data-sharing link work
    RETIRES = "retires"
    RAISES_LEVEL = "raises_level"  # brings a public service to a level


class CommitteeRole(enum.StrEnum):
    """A person's part in the digital-transformation steering committee."""

    HEAD = "head"
    DEPUTY_HEAD = "deputy_head"
    STANDING_MEMBER = "standing_member"
    MEMBER = "member"
    SECRETARY = "secretary"  # of the committee's secretariat (tổ giúp việc)
    IT_UNIT = "it_unit"  # the unit in charge of IT (đơn vị chuyên trách CNTT), a unit more than a person


class EstateMeasure(enum.StrEnum):
    """A figure measured from the estate on a day, which an indicator of the strategy may follow."""

    FULL_PROCESS_SERVICE_SHARE = "full_process_service_share"  # % of public services full-process online
    NATIONAL_PORTAL_SERVICE_SHARE = "national_portal_service_share"  # % on the national public-service portal
    SHARED_HOSTING_SHARE = "shared_hosting_share"  # % of systems in a shared data centre or a cloud
    SECURITY_PLAN_SHARE = "security_plan_share"  # % of systems whose security plan is approved
    PLATFORM_CONNECTED_COUNT = "platform_connected_count"  # systems sharing data through LGSP or NDXP


class TableKind(enum.StrEnum):
    """What a table in a workbook lists: the tasks of an action plan, a strategy's indicators, or a
    catalogue of the estate (administrative procedures, information systems)."""

    TASKS = "tasks"
    INDICATORS = "indicators"
    PROCEDURES = "procedures"  # danh mục thủ tục hành chính / dịch vụ công trực tuyến
    SYSTEMS = "systems"  # danh mục hệ thống thông tin
