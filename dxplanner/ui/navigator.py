"""The navigator: strategies (plans, goals, indicators), socio-economic plans, units and the estate."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from dxplanner.i18n import _
from dxplanner.labels import label
from dxplanner.services.navigator import (
    EstateGroups,
    GoalNode,
    IndicatorNode,
    NavigatorTree,
    PlanNode,
    UnitNode,
    estate_groups,
    navigator_tree,
)
from dxplanner.services.open_plan import OpenPlan

KEY_ROLE = Qt.ItemDataRole.UserRole + 11
# Tables whose change redraws the navigator.
NAVIGATOR_TABLES = (
    "unit",
    "socio_economic_plan",
    "strategy",
    "goal",
    "indicator",
    "action_plan",
    # The estate's branches count their records and list the services' fields.
    "system",
    "data_link",
    "open_dataset",
    "public_service",
    "committee_member",
)


class NodeKind(enum.StrEnum):
    """What a row of the navigator stands for."""

    SECTION = "section"
    STRATEGY = "strategy"
    DASHBOARD = "dashboard"
    PLAN_DASHBOARD = "plan_dashboard"  # the dashboard of a plan that serves no strategy
    PLAN = "plan"
    GOALS = "goals"
    GOAL = "goal"
    INDICATOR = "indicator"
    SEDP = "sedp"
    UNIT = "unit"
    ESTATE_SYSTEMS = "estate_systems"  # group: a SystemKind's value, or None for every system
    ESTATE_LINKS = "estate_links"
    ESTATE_DATASETS = "estate_datasets"
    ESTATE_SERVICES = "estate_services"  # group: a field ("" for none), or None for every service
    ESTATE_COMMITTEE = "estate_committee"


# The kinds of rows that open a page of the estate's records.
ESTATE_KINDS = frozenset(
    {
        NodeKind.ESTATE_SYSTEMS,
        NodeKind.ESTATE_LINKS,
        NodeKind.ESTATE_DATASETS,
        NodeKind.ESTATE_SERVICES,
        NodeKind.ESTATE_COMMITTEE,
    }
)

# The page each estate table's records are shown in (the map opens a record in its page by it).
ESTATE_NODE_OF_TABLE = {
    "system": NodeKind.ESTATE_SYSTEMS,
    "data_link": NodeKind.ESTATE_LINKS,
    "open_dataset": NodeKind.ESTATE_DATASETS,
    "public_service": NodeKind.ESTATE_SERVICES,
    "committee_member": NodeKind.ESTATE_COMMITTEE,
}


@dataclass(frozen=True)
class NodeKey:
    """A navigator row's identity: what it is and which record."""

    kind: NodeKind
    id: int | None = None
    group: str | None = None  # a part of a list of records (the estate's systems of one kind)


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

    def rebuild(self, store: OpenPlan | None) -> None:
        """Read everything the navigator shows (a few hundred rows at most) and show it."""
        self.removeRows(0, self.rowCount())
        if store is None:
            return
        tree = navigator_tree(store)
        strategies = _item(_("Strategies and plans"), NodeKey(NodeKind.SECTION, 1), bold=True)
        sedps = _item(_("Socio-economic plans"), NodeKey(NodeKind.SECTION, 2), bold=True)
        units = _item(_("Units"), NodeKey(NodeKind.SECTION, 3), bold=True)
        self._strategies(tree, strategies)
        for sedp in tree.sedps:
            item = _item(sedp.name, NodeKey(NodeKind.SEDP, sedp.id))
            for indicator in sedp.indicators:
                item.appendRow(_indicator_item(indicator))
            sedps.appendRow(item)
        _add_units(units, tree.units)
        estate = _item(_("Digital estate"), NodeKey(NodeKind.SECTION, 5), bold=True)
        _add_estate(estate, estate_groups(store))
        # The estate before the units: the tree of units is long, and the estate is what plans change.
        for section in (strategies, sedps, estate, units):
            self.appendRow(section)

    def _strategies(self, tree: NavigatorTree, section: QStandardItem) -> None:
        for strategy in tree.strategies:
            strategy_item = _item(
                _dated(strategy.name, strategy.start_year, strategy.end_year),
                NodeKey(NodeKind.STRATEGY, strategy.id),
                bold=True,
            )
            strategy_item.appendRow(_item(_("Dashboard"), NodeKey(NodeKind.DASHBOARD, strategy.id)))
            for plan in strategy.plans:
                strategy_item.appendRow(_plan_item(plan))
            folder = _item(_("Goals and indicators"), NodeKey(NodeKind.GOALS, strategy.id))
            _add_goals(folder, strategy.goals)
            strategy_item.appendRow(folder)
            section.appendRow(strategy_item)
        if tree.loose_plans:
            folder = _item(_("Plans without a strategy"), NodeKey(NodeKind.SECTION, 4), bold=True)
            for plan in tree.loose_plans:
                item = _plan_item(plan)
                # Its own figures: a plan imported from a workbook has an S-curve before it has a strategy.
                item.appendRow(_item(_("Dashboard"), NodeKey(NodeKind.PLAN_DASHBOARD, plan.id)))
                folder.appendRow(item)
            section.appendRow(folder)


def _dated(name: str, start_year: int, end_year: int) -> str:
    """A name after its years: the names of a strategy's yearly plans differ mostly in their year, at
    their end, which a narrow navigator would cut off."""
    years = str(start_year) if start_year == end_year else f"{start_year}–{end_year}"
    return f"{years} · {name}"


def _plan_item(plan: PlanNode) -> QStandardItem:
    return _item(_dated(plan.name, plan.start_year, plan.end_year), NodeKey(NodeKind.PLAN, plan.id))


def _add_goals(parent: QStandardItem, goals: tuple[GoalNode, ...]) -> None:
    for goal in goals:
        item = _item(f"{goal.code}. {goal.text}", NodeKey(NodeKind.GOAL, goal.id))
        _add_goals(item, goal.goals)
        for indicator in goal.indicators:
            item.appendRow(_indicator_item(indicator))
        parent.appendRow(item)


def _add_units(parent: QStandardItem, units: tuple[UnitNode, ...]) -> None:
    for unit in units:
        text = f"{unit.short_name} — {unit.name}" if unit.short_name else unit.name
        item = _item(text, NodeKey(NodeKind.UNIT, unit.id))
        _add_units(item, unit.units)
        parent.appendRow(item)


def _add_estate(parent: QStandardItem, groups: EstateGroups) -> None:
    systems = _item(
        _counted(_("Information systems and platforms"), sum(groups.systems_by_kind.values())),
        NodeKey(NodeKind.ESTATE_SYSTEMS),
    )
    for kind, count in groups.systems_by_kind.items():
        systems.appendRow(
            _item(_counted(label(kind), count), NodeKey(NodeKind.ESTATE_SYSTEMS, group=kind.value))
        )
    parent.appendRow(systems)
    parent.appendRow(_item(_counted(_("Data sharing"), groups.links), NodeKey(NodeKind.ESTATE_LINKS)))
    parent.appendRow(_item(_counted(_("Open data"), groups.datasets), NodeKey(NodeKind.ESTATE_DATASETS)))
    services = _item(
        _counted(_("Public services"), sum(groups.services_by_field.values())),
        NodeKey(NodeKind.ESTATE_SERVICES),
    )
    for field, count in groups.services_by_field.items():
        name = field or _("(no field)")
        services.appendRow(_item(_counted(name, count), NodeKey(NodeKind.ESTATE_SERVICES, group=field)))
    parent.appendRow(services)
    parent.appendRow(
        _item(_counted(_("Steering committee"), groups.members), NodeKey(NodeKind.ESTATE_COMMITTEE))
    )


def _counted(text: str, count: int) -> str:
    return f"{text} ({count})"


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


def _indicator_item(indicator: IndicatorNode) -> QStandardItem:
    unit = f" ({indicator.measure_unit})" if indicator.measure_unit else ""
    return _item(f"◆ {indicator.code} {indicator.name}{unit}", NodeKey(NodeKind.INDICATOR, indicator.id))
