"""The digital-government estate: systems, data sharing, open data, public services, the committee,
and what tasks do to them."""

# No `from __future__ import annotations` here: SQLModel takes these types as they are, where
# annotations kept as text cost it a parse each (a tenth of the tables' building at start-up).
import sqlalchemy as sa
from sqlmodel import Field

from dxplanner.core.enums import (
    CommitteeRole,
    DataLinkVia,
    EffectKind,
    EstateStatus,
    GovernmentLevel,
    Hosting,
    ServiceLevel,
    SystemKind,
    UpdateFrequency,
)
from dxplanner.core.models.base import Table, enum_type, version_field


class System(Table, table=True):
    """An information system, portal, platform, database, piece of infrastructure or security service."""

    __tablename__ = "system"
    __table_args__ = (
        sa.CheckConstraint(
            "security_level IS NULL OR security_level BETWEEN 1 AND 5", name="security_level_range"
        ),
        sa.CheckConstraint("hosted_on_id IS NULL OR hosted_on_id <> id", name="not_own_host"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str | None = Field(default=None, unique=True)
    name: str
    short_name: str | None = None
    kind: SystemKind = Field(default=SystemKind.APPLICATION, sa_type=enum_type(SystemKind))
    owner_unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="RESTRICT", index=True)
    level: GovernmentLevel = Field(
        default=GovernmentLevel.MINISTRY_PROVINCE, sa_type=enum_type(GovernmentLevel)
    )
    hosting: Hosting | None = Field(default=None, sa_type=enum_type(Hosting))
    # The infrastructure element it runs on (a data centre, a cloud), drawn as a line on the map.
    hosted_on_id: int | None = Field(default=None, foreign_key="system.id", ondelete="SET NULL", index=True)
    # The information-security level approved for it (Decree 85/2016: 1 to 5).
    security_level: int | None = None
    security_plan_approved: bool = False
    status: EstateStatus = Field(default=EstateStatus.RUNNING, sa_type=enum_type(EstateStatus))
    description: str | None = None
    version: int = version_field()


class DataLink(Table, table=True):
    """Data one system shares with another, directly or through a platform."""

    __tablename__ = "data_link"
    __table_args__ = (sa.CheckConstraint("from_system_id <> to_system_id", name="two_systems"),)

    id: int | None = Field(default=None, primary_key=True)
    from_system_id: int = Field(foreign_key="system.id", ondelete="CASCADE", index=True)
    to_system_id: int = Field(foreign_key="system.id", ondelete="CASCADE", index=True)
    via: DataLinkVia = Field(default=DataLinkVia.LGSP, sa_type=enum_type(DataLinkVia))
    data: str | None = None  # what is shared ("thông tin hộ tịch")
    status: EstateStatus = Field(default=EstateStatus.RUNNING, sa_type=enum_type(EstateStatus))
    version: int = version_field()


class OpenDataset(Table, table=True):
    """A dataset a unit publishes as open data."""

    __tablename__ = "open_dataset"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    publisher_unit_id: int | None = Field(
        default=None, foreign_key="unit.id", ondelete="RESTRICT", index=True
    )
    # The system the data comes from.
    system_id: int | None = Field(default=None, foreign_key="system.id", ondelete="SET NULL", index=True)
    published_at: str | None = None  # where: the national data portal, the province's portal, an address
    data_format: str | None = None  # CSV, JSON, an API
    update_frequency: UpdateFrequency | None = Field(default=None, sa_type=enum_type(UpdateFrequency))
    status: EstateStatus = Field(default=EstateStatus.RUNNING, sa_type=enum_type(EstateStatus))
    version: int = version_field()


class PublicService(Table, table=True):
    """An administrative procedure offered online, and how far online it is."""

    __tablename__ = "public_service"
    __table_args__ = (
        sa.CheckConstraint("level_old IS NULL OR level_old BETWEEN 1 AND 4", name="level_old_range"),
        sa.CheckConstraint(
            "online_share IS NULL OR (online_share >= 0 AND online_share <= 100)", name="online_share_range"
        ),
        sa.UniqueConstraint("code", "unit_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str | None = None  # the procedure's code in the national database of procedures ("1.001234")
    name: str
    field: str | None = None  # its field ("Hộ tịch", "Đất đai")
    unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="RESTRICT", index=True)
    # The system it is served through (the province's information system for administrative procedures).
    system_id: int | None = Field(default=None, foreign_key="system.id", ondelete="SET NULL", index=True)
    level_old: int | None = None  # levels 1 to 4 of older plans
    level: ServiceLevel | None = Field(default=None, sa_type=enum_type(ServiceLevel))
    on_national_portal: bool = False
    online_payment: bool = False
    online_share: float | None = None  # the share of dossiers filed online, in per cent
    version: int = version_field()


class CommitteeMember(Table, table=True):
    """A member of the steering committee, or the unit in charge of IT."""

    __tablename__ = "committee_member"

    id: int | None = Field(default=None, primary_key=True)
    person: str | None = None
    position: str | None = None  # the title ("Phó Chủ tịch UBND tỉnh")
    unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="RESTRICT", index=True)
    role: CommitteeRole = Field(default=CommitteeRole.MEMBER, sa_type=enum_type(CommitteeRole))
    position_in_list: int = 0  # the order of the committee's decision
    version: int = version_field()


class TaskEffect(Table, table=True):
    """What a task does to one element of the estate once it is done."""

    __tablename__ = "task_effect"
    __table_args__ = (
        sa.CheckConstraint(
            # Written so that SQLite and PostgreSQL read it alike (PostgreSQL does not add truth values).
            "(CASE WHEN system_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN data_link_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN service_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
        sa.CheckConstraint(
            "(effect = 'raises_level') = (service_level IS NOT NULL)", name="level_with_raise"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", index=True)
    effect: EffectKind = Field(sa_type=enum_type(EffectKind))
    system_id: int | None = Field(default=None, foreign_key="system.id", ondelete="CASCADE", index=True)
    data_link_id: int | None = Field(default=None, foreign_key="data_link.id", ondelete="CASCADE", index=True)
    service_id: int | None = Field(
        default=None, foreign_key="public_service.id", ondelete="CASCADE", index=True
    )
    service_level: ServiceLevel | None = Field(default=None, sa_type=enum_type(ServiceLevel))
    version: int = version_field()


class RiskTreatment(Table, table=True):
    """A task that treats a risk."""

    __tablename__ = "risk_treatment"

    risk_id: int = Field(foreign_key="risk.id", ondelete="CASCADE", primary_key=True)
    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", primary_key=True, index=True)
