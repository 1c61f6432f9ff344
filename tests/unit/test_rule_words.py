"""Every value a user can choose has a name in both languages, and every rule of the schema has words
for `check` and for a refused restore, so that no user meets a constraint's bare name."""

from __future__ import annotations

import enum

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

import dxplanner.core.models  # noqa: F401  (registers the tables)
from dxplanner import labels
from dxplanner.core import enums
from dxplanner.i18n import set_language
from dxplanner.store import soundness
from dxplanner.store.operations import whole_file
from dxplanner.store.plan_store import PlanStore
from tests.unit.estate_builders import fill_estate

# Values no user chooses or sees: a cooperating unit is the only role a task's other units have.
UNSHOWN = {enums.UnitRole}

CHOSEN = sorted(
    (
        kind
        for kind in vars(enums).values()
        if isinstance(kind, type) and issubclass(kind, enum.StrEnum) and kind is not enum.StrEnum
        if kind not in UNSHOWN
    ),
    key=lambda kind: kind.__name__,
)


@pytest.mark.parametrize("kind", CHOSEN, ids=[kind.__name__ for kind in CHOSEN])
def test_every_value_has_a_name_in_english_and_in_vietnamese(kind: type[enum.StrEnum]) -> None:
    for member in kind:
        english = labels.label(member)
        set_language("vi")
        vietnamese = labels.label(member)
        set_language("en")
        # Each name is a message, so the translations' test holds it to a Vietnamese one.
        assert english and vietnamese, member


def _checks() -> list[tuple[sa.Table, sa.CheckConstraint]]:
    """The rules on values of the schema (an enumeration's list of values is said for all alike)."""
    return [
        (table, constraint)
        for table in SQLModel.metadata.sorted_tables
        for constraint in table.constraints
        if isinstance(constraint, sa.CheckConstraint)
        and not isinstance(constraint.sqltext, sa.sql.elements.BinaryExpression)
    ]


def test_check_has_words_for_every_rule_of_the_schema() -> None:
    unsaid = [
        f"{table.name}.{constraint.name}"
        for table, constraint in _checks()
        if str(constraint.name) not in soundness.RULES
        and str(constraint.name).removeprefix(f"ck_{table.name}_") not in soundness.RULES
    ]
    assert unsaid == []


def test_a_refused_restore_has_words_for_every_rule_of_the_schema() -> None:
    endings = whole_file._rules_in_words()
    unsaid = [
        f"{table.name}.{constraint.name}"
        for table, constraint in _checks()
        if not any(str(constraint.name).endswith(ending) for ending in endings)
    ]
    assert unsaid == []


def test_check_names_every_kind_of_record() -> None:
    unnamed = [table.name for table in SQLModel.metadata.sorted_tables if table.name not in soundness.KINDS]
    assert unnamed == []


def test_check_says_in_words_which_system_breaks_the_security_level_rule(store: PlanStore) -> None:
    fill_estate(store)
    with store.write() as session:
        # As a file edited by hand would hold it: SQLite is told not to check while it is written.
        session.connection().exec_driver_sql("PRAGMA ignore_check_constraints = ON")
        session.connection().exec_driver_sql("UPDATE system SET security_level = 9 WHERE code = 'LGSP'")
    with store.read() as session:
        problems = soundness.file_problems(session.connection(), thorough=False)
    assert problems == [
        "system #3 “Nền tảng tích hợp, chia sẻ dữ liệu cấp t…”: "
        "the security level is not between 1 and 5 (security_level = 9)"
    ]
