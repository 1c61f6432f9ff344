"""The navigator: strategies (with their plans, goals and indicators), socio-economic plans and units."""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from sqlmodel import Session

from dxplanner.core.models import ActionPlan, Goal, Indicator, SocioEconomicPlan, Strategy, Unit
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.plan_store import PlanStore

KEY_ROLE = Qt.ItemDataRole.UserRole + 11
# Tables whose change redraws the navigator.
NAVIGATOR_TABLES = ("unit", "socio_economic_plan", "strategy", "goal", "indicator", "action_plan")


class NodeKind(enum.StrEnum):
    """What a row of the navigator stands for."""

    SECTION = "section"
    STRATEGY = "strategy"
    DASHBOARD = "dashboard"
    PLAN = "plan"
    GOALS = "goals"
    GOAL = "goal"
    INDICATOR = "indicator"
    SEDP = "sedp"
    UNIT = "unit"


@dataclass(frozen=True)
class NodeKey:
    """A navigator row's identity: what it is and which record."""

    kind: NodeKind
    id: int | None = None


class NavigatorModel(QStandardItemModel):
    """Rows built from the file; each carries its NodeKey."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels([_("Plan file")])

    def key(self, index: QModelIndex) -> NodeKey | None:
        """The key of the row at index."""
        value = index.data(KEY_ROLE) if index.isValid() else None
        return value if isinstance(value, NodeKey) else None

    def find(self, key: NodeKey) -> QModelIndex:
        """Where the row of key is (invalid when absent)."""
        pending = [self.index(row, 0) for row in range(self.rowCount())]
        while pending:
            index = pending.pop()
            if self.key(index) == key:
                return index
            pending.extend(self.index(row, 0, index) for row in range(self.rowCount(index)))
        return QModelIndex()

    def rebuild(self, store: PlanStore | None) -> None:
        """Read everything the navigator shows (a few hundred rows at most) and show it."""
        self.removeRows(0, self.rowCount())
        if store is None:
            return
        with store.read() as session:
            strategies = _item(_("Strategies and plans"), NodeKey(NodeKind.SECTION, 1), bold=True)
            sedps = _item(_("Socio-economic plans"), NodeKey(NodeKind.SECTION, 2), bold=True)
            units = _item(_("Units"), NodeKey(NodeKind.SECTION, 3), bold=True)
            self._strategies(session, strategies)
            self._sedps(session, sedps)
            self._units(session, units)
        for section in (strategies, sedps, units):
            self.appendRow(section)

    def _strategies(self, session: Session, section: QStandardItem) -> None:
        goals = queries.records(session, Goal, order=("strategy_id", "position", "id"))
        indicators = queries.records(session, Indicator, order=("code", "id"))
        goal_children: dict[object, list[dict[str, Any]]] = defaultdict(list)
        for goal in goals:
            goal_children[(goal["strategy_id"], goal["parent_id"])].append(goal)
        indicators_of: dict[object, list[dict[str, Any]]] = defaultdict(list)
        for indicator in indicators:
            indicators_of[indicator["goal_id"]].append(indicator)
        for strategy in queries.records(session, Strategy, order=("start_year", "id")):
            strategy_item = _item(
                f"{strategy['name']} ({strategy['start_year']}-{strategy['end_year']})",
                NodeKey(NodeKind.STRATEGY, int(strategy["id"])),
                bold=True,
            )
            strategy_item.appendRow(_item(_("Dashboard"), NodeKey(NodeKind.DASHBOARD, int(strategy["id"]))))
            plans = queries.records(
                session,
                ActionPlan,
                queries.column(ActionPlan, "strategy_id") == strategy["id"],
                order=("start", "id"),
            )
            for plan in plans:
                strategy_item.appendRow(_item(str(plan["name"]), NodeKey(NodeKind.PLAN, int(plan["id"]))))
            folder = _item(_("Goals and indicators"), NodeKey(NodeKind.GOALS, int(strategy["id"])))
            self._goals(folder, strategy["id"], None, goal_children, indicators_of)
            strategy_item.appendRow(folder)
            section.appendRow(strategy_item)
        loose = queries.records(
            session, ActionPlan, queries.column(ActionPlan, "strategy_id").is_(None), order=("start", "id")
        )
        if loose:
            folder = _item(_("Plans without a strategy"), NodeKey(NodeKind.SECTION, 4), bold=True)
            for plan in loose:
                folder.appendRow(_item(str(plan["name"]), NodeKey(NodeKind.PLAN, int(plan["id"]))))
            section.appendRow(folder)

    def _goals(
        self,
        parent: QStandardItem,
        strategy_id: object,
        parent_goal: object,
        goal_children: dict[object, list[dict[str, Any]]],
        indicators_of: dict[object, list[dict[str, Any]]],
    ) -> None:
        for goal in goal_children.get((strategy_id, parent_goal), []):
            item = _item(f"{goal['code']}. {goal['text']}", NodeKey(NodeKind.GOAL, int(goal["id"])))
            self._goals(item, strategy_id, goal["id"], goal_children, indicators_of)
            for indicator in indicators_of.get(goal["id"], []):
                item.appendRow(_indicator_item(indicator))
            parent.appendRow(item)

    def _sedps(self, session: Session, section: QStandardItem) -> None:
        for sedp in queries.records(session, SocioEconomicPlan, order=("start_year", "id")):
            item = _item(str(sedp["name"]), NodeKey(NodeKind.SEDP, int(sedp["id"])))
            for indicator in queries.records(
                session, Indicator, queries.column(Indicator, "sedp_id") == sedp["id"], order=("code",)
            ):
                item.appendRow(_indicator_item(indicator))
            section.appendRow(item)

    def _units(self, session: Session, section: QStandardItem) -> None:
        rows = queries.records(session, Unit, order=("name",))
        children: dict[object, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            children[row["parent_id"]].append(row)

        def add(parent: QStandardItem, parent_id: object) -> None:
            for unit in children.get(parent_id, []):
                text = f"{unit['short_name']} — {unit['name']}" if unit["short_name"] else str(unit["name"])
                item = _item(text, NodeKey(NodeKind.UNIT, int(unit["id"])))
                add(item, unit["id"])
                parent.appendRow(item)

        add(section, None)


def _item(text: str, key: NodeKey, bold: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(key, KEY_ROLE)
    item.setEditable(False)
    item.setToolTip(text)
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


def _indicator_item(indicator: dict[str, Any]) -> QStandardItem:
    unit = f" ({indicator['measure_unit']})" if indicator["measure_unit"] else ""
    return _item(
        f"◆ {indicator['code']} {indicator['name']}{unit}", NodeKey(NodeKind.INDICATOR, int(indicator["id"]))
    )
