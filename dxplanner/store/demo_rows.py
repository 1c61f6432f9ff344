"""The demo's rows, shared by the plan's loader and the estate's: ids given in order, units, risks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlmodel import SQLModel

from dxplanner.core import rules
from dxplanner.core.enums import RiskCategory, RiskStatus, UnitKind
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import Risk, Unit
from dxplanner.i18n import _

Record = dict[str, Any]
Rows = dict[type[SQLModel], list[Record]]
K = TypeVar("K")


def add_row(rows: Rows, model: type[SQLModel], record: Record) -> int:
    """Add a row to its table's list with the next id; return the id."""
    record_id = len(rows[model]) + 1
    rows[model].append({"id": record_id, **record})
    return record_id


def lookup(known: Mapping[str, K], key: object, what: str) -> K:
    """What a key of the demo names, refused in words when the demo never defined it."""
    if not isinstance(key, str) or key not in known:
        raise InvalidInputError(
            _("The demo plan refers to the {what} '{key}', which it does not define.").format(
                what=what, key=key
            )
        )
    return known[key]


def add_unit(rows: Rows, units: dict[str, int], unit: Mapping[str, Any]) -> None:
    """Add a unit of the demo, known from then on by its code in units."""
    code = rules.required_text(unit.get("code"), _("Unit code"))
    if code in units:
        raise InvalidInputError(_("The demo plan lists the unit {code} twice.").format(code=code))
    parent = unit.get("parent")
    units[code] = add_row(
        rows,
        Unit,
        {
            "code": code,
            "name": rules.required_text(unit.get("name"), _("Unit name")),
            "short_name": unit.get("short_name"),
            "kind": rules.member(UnitKind, unit.get("kind", "other"), _("Unit kind")),
            "parent_id": None if parent is None else lookup(units, parent, _("unit")),
        },
    )


def add_risk(
    rows: Rows,
    units: Mapping[str, int],
    risk: Mapping[str, Any],
    *,
    strategy_id: int | None = None,
    plan_id: int | None = None,
    task_id: int | None = None,
) -> int:
    """Add a risk of the demo to its one owner (a strategy, a plan or a task); return its id."""
    owner = risk.get("owner")
    return add_row(
        rows,
        Risk,
        {
            "strategy_id": strategy_id,
            "plan_id": plan_id,
            "task_id": task_id,
            "text": rules.required_text(risk.get("text"), _("Risk")),
            "category": rules.member(RiskCategory, risk.get("category", "other"), _("Category")),
            "likelihood": rules.scale(risk.get("likelihood"), _("Likelihood")),
            "impact": rules.scale(risk.get("impact"), _("Impact")),
            "mitigation": risk.get("mitigation"),
            "owner_unit_id": None if owner is None else lookup(units, owner, _("unit")),
            "status": rules.member(RiskStatus, risk.get("status", "open"), _("Status")),
        },
    )
