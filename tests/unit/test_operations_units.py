"""Operations on units: the tree, unique codes, and refusing to delete a unit still in use."""

from __future__ import annotations

import datetime

import pytest
from sqlmodel import select

from dxplanner.core.enums import CommitteeRole, UnitKind
from dxplanner.core.errors import DomainError, InUseError, InvalidInputError, NotFoundError
from dxplanner.core.models import CommitteeMember, OpenDataset, PublicService, Risk, System, Unit
from dxplanner.store.changes import Entity
from dxplanner.store.operations.plans import create_plan
from dxplanner.store.operations.risks import add_risk
from dxplanner.store.operations.tasks import create_task, set_task_units
from dxplanner.store.operations.units import create_unit, delete_unit, merge_units, update_unit
from dxplanner.store.plan_store import PlanStore
from tests.conftest import snapshot


@pytest.fixture
def store(plan_store: PlanStore) -> PlanStore:
    """These tests run on a plan file and on a plan on the PostgreSQL server."""
    return plan_store


def _unit(store: PlanStore, code: str, parent_id: int | None = None) -> int:
    changes = create_unit(store, code=code, name=f"Đơn vị {code}", parent_id=parent_id)
    assert changes.id is not None
    return changes.id


def test_create_update_and_delete_a_unit(store: PlanStore) -> None:
    changes = create_unit(
        store, code=" BTTTT ", name="Bộ Thông tin và Truyền thông", short_name="Bộ TT&TT", kind="ministry"
    )
    assert changes.created[Entity.UNIT] == [changes.id]
    with store.read() as session:
        unit = session.get(Unit, changes.id)
        assert unit is not None
        assert (unit.code, unit.short_name, unit.kind) == ("BTTTT", "Bộ TT&TT", UnitKind.MINISTRY)

    assert changes.id is not None
    renamed = update_unit(store, changes.id, name="Bộ Khoa học và Công nghệ")
    assert renamed.previous == {"name": "Bộ Thông tin và Truyền thông"}
    with store.read() as session:
        assert session.exec(select(Unit.name)).one() == "Bộ Khoa học và Công nghệ"

    assert delete_unit(store, changes.id).deleted[Entity.UNIT] == [changes.id]
    with store.read() as session:
        assert session.exec(select(Unit)).all() == []


def test_moving_a_unit_in_the_tree(store: PlanStore) -> None:
    ministry = _unit(store, "BTTTT")
    department = _unit(store, "CDS")
    update_unit(store, department, parent_id=ministry)
    with store.read() as session:
        moved = session.get(Unit, department)
        assert moved is not None and moved.parent_id == ministry


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"code": "", "name": "Sở TT&TT"}, "Unit code must not be empty"),
        ({"code": "STTTT", "name": "   "}, "Unit name must not be empty"),
        ({"code": "STTTT", "name": "Sở TT&TT", "kind": "bureau"}, "Unit kind cannot be 'bureau'"),
        ({"code": "STTTT", "name": "Sở TT&TT", "parent_id": 999}, "Parent unit #999 does not exist"),
        ({"code": "STTTT", "name": "Sở TT&TT", "colour": "red"}, "The field 'colour' cannot be set here"),
    ],
)
def test_invalid_units_are_refused_and_nothing_is_written(
    store: PlanStore, fields: dict[str, object], message: str
) -> None:
    before = snapshot(store)
    with pytest.raises(DomainError, match=message):
        create_unit(store, **fields)
    assert snapshot(store) == before


def test_a_duplicate_code_is_refused(store: PlanStore) -> None:
    _unit(store, "VPCP")
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="Another unit already has the code VPCP"):
        create_unit(store, code="VPCP", name="Văn phòng Chính phủ")
    assert snapshot(store) == before


def test_a_unit_cannot_move_under_its_own_sub_unit(store: PlanStore) -> None:
    ministry = _unit(store, "BTTTT")
    department = _unit(store, "CDS", parent_id=ministry)
    division = _unit(store, "CDS-P1", parent_id=department)
    before = snapshot(store)
    with pytest.raises(InvalidInputError, match="under itself or one of its own sub-units"):
        update_unit(store, ministry, parent_id=division)
    with pytest.raises(InvalidInputError, match="under itself"):
        update_unit(store, ministry, parent_id=ministry)
    assert snapshot(store) == before


def test_updating_a_missing_unit_says_so(store: PlanStore) -> None:
    with pytest.raises(NotFoundError, match="Unit #42 does not exist"):
        update_unit(store, 42, name="X")


def test_a_unit_that_leads_tasks_cannot_be_deleted(store: PlanStore) -> None:
    lead = _unit(store, "BCA")
    plan = create_plan(
        store,
        name="Kế hoạch 2025",
        unit_id=lead,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
    ).id
    assert plan is not None
    create_task(store, plan, name="Kết nối CSDL dân cư", lead_unit_id=lead)
    before = snapshot(store)
    with pytest.raises(InUseError, match=r"still has 1 tasks it leads, 1 action plans"):
        delete_unit(store, lead)
    assert snapshot(store) == before


def test_a_unit_with_sub_units_or_cooperation_cannot_be_deleted(store: PlanStore) -> None:
    ministry = _unit(store, "BTTTT")
    _unit(store, "CDS", parent_id=ministry)
    helper = _unit(store, "VNPT")
    plan = create_plan(
        store,
        name="Kế hoạch",
        unit_id=ministry,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
    ).id
    assert plan is not None
    task = create_task(store, plan, name="Nâng cấp LGSP").id
    assert task is not None
    set_task_units(store, task, [helper])
    before = snapshot(store)
    with pytest.raises(InUseError, match="1 sub-units"):
        delete_unit(store, ministry)
    with pytest.raises(InUseError, match="1 tasks it cooperates on"):
        delete_unit(store, helper)
    assert snapshot(store) == before


def test_deleting_a_unit_that_owns_risks_clears_the_owner(store: PlanStore) -> None:
    lead = _unit(store, "BTTTT")
    owner = _unit(store, "ATTT")
    plan = create_plan(
        store, name="Kế hoạch", unit_id=lead, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31)
    ).id
    risk = add_risk(
        store, plan_id=plan, text="Thiếu nhân lực ATTT", likelihood=3, impact=4, owner_unit_id=owner
    ).id
    changes = delete_unit(store, owner)
    assert changes.updated[Entity.RISK] == [risk]
    with store.read() as session:
        stored = session.get(Risk, risk)
        assert stored is not None and stored.owner_unit_id is None


def _estate_of(store: PlanStore, unit_id: int) -> None:
    """A system, a service, an open dataset and a committee seat of the unit (the estate's own
    operations are another part of issue 18: the records are written directly)."""
    with store.write() as session:
        system = System(name="Hệ thống quản lý văn bản và điều hành", owner_unit_id=unit_id)
        session.add(system)
        session.flush()
        session.add(PublicService(name="Đăng ký khai sinh", unit_id=unit_id, system_id=system.id))
        session.add(OpenDataset(name="Danh sách trường học", publisher_unit_id=unit_id))
        session.add(CommitteeMember(position="Giám đốc Sở", unit_id=unit_id, role=CommitteeRole.MEMBER))


def _estate_units(store: PlanStore) -> list[int | None]:
    with store.read() as session:
        return [
            *session.exec(select(System.owner_unit_id)).all(),
            *session.exec(select(PublicService.unit_id)).all(),
            *session.exec(select(OpenDataset.publisher_unit_id)).all(),
            *session.exec(select(CommitteeMember.unit_id)).all(),
        ]


def test_merging_a_unit_hands_its_estate_to_the_kept_unit(store: PlanStore) -> None:
    kept, merged = _unit(store, "STTTT"), _unit(store, "SKHCN")
    _estate_of(store, merged)
    merge_units(store, kept, merged)
    assert _estate_units(store) == [kept, kept, kept, kept]


def test_a_unit_with_an_estate_is_not_deleted_and_the_message_says_what_it_still_has(
    store: PlanStore,
) -> None:
    unit = _unit(store, "SYT")
    _estate_of(store, unit)
    before = snapshot(store)
    uses = "1 systems, 1 open datasets, 1 public services, 1 committee members"
    with pytest.raises(InUseError, match=uses):
        delete_unit(store, unit)
    assert snapshot(store) == before
