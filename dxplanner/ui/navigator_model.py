"""The navigator tree: strategies, their action plans, and the plans' task groups and tasks."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from dxplanner.core.enums import TaskKind
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.plan_store import PlanStore

Index = QModelIndex | QPersistentModelIndex


class NodeKind(enum.Enum):
    """What a row of the navigator stands for."""

    STRATEGY = "strategy"
    LOOSE_PLANS = "loose_plans"
    PLAN = "plan"
    TASK = "task"


@dataclass(eq=False)
class NavigatorNode:
    """One row of the tree; its children are loaded the first time it is expanded."""

    kind: NodeKind
    id: int | None
    label: str
    parent: NavigatorNode | None
    plan_id: int | None = None
    is_group: bool = False
    has_children: bool = True
    children: list[NavigatorNode] | None = None
    row: int = 0
    tooltip: str = field(default="")


class NavigatorModel(QAbstractItemModel):
    """A thin, lazily filled tree over the plan file's strategies, plans and tasks."""

    def __init__(self, store: PlanStore | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._root = NavigatorNode(NodeKind.STRATEGY, None, "", None)
        self._root.children = self._load_top()

    def set_store(self, store: PlanStore | None) -> None:
        """Show another plan file (or none)."""
        self.beginResetModel()
        self._store = store
        self._root.children = self._load_top()
        self.endResetModel()

    def node(self, index: Index) -> NavigatorNode | None:
        """The node behind an index (None for the invisible root)."""
        if not index.isValid():
            return None
        node: NavigatorNode = index.internalPointer()
        return node

    # Qt's model interface.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_node = self.node(parent) or self._root
        children = parent_node.children or []
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self.node(parent) or self._root
        return len(node.children or [])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        node = self.node(parent) or self._root
        if node.children is not None:
            return bool(node.children)
        return node.has_children

    def canFetchMore(self, parent: Index) -> bool:
        node = self.node(parent)
        return node is not None and node.children is None and node.has_children

    def fetchMore(self, parent: Index) -> None:
        node = self.node(parent)
        if node is None or node.children is not None:
            return
        children = self._load_children(node)
        if not children:
            node.children = []
            node.has_children = False
            return
        self.beginInsertRows(parent, 0, len(children) - 1)
        node.children = children
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or node.label
        heading = node.kind in (NodeKind.STRATEGY, NodeKind.LOOSE_PLANS) or node.is_group
        if role == Qt.ItemDataRole.FontRole and heading:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return _("Strategies and plans")
        return None

    # Loading.

    def _load_top(self) -> list[NavigatorNode]:
        if self._store is None:
            return []
        with self._store.read() as session:
            items = queries.strategies(session)
            loose = queries.plans(session, None)
        nodes = [
            NavigatorNode(
                NodeKind.STRATEGY,
                item.id,
                item.name,
                self._root,
                tooltip=f"{item.name} ({item.start_year}-{item.end_year})",
            )
            for item in items
        ]
        if loose:
            nodes.append(NavigatorNode(NodeKind.LOOSE_PLANS, None, _("Plans without a strategy"), self._root))
        return _numbered(nodes)

    def _load_children(self, node: NavigatorNode) -> list[NavigatorNode]:
        if self._store is None:
            return []
        with self._store.read() as session:
            if node.kind in (NodeKind.STRATEGY, NodeKind.LOOSE_PLANS):
                children = [
                    NavigatorNode(
                        NodeKind.PLAN,
                        plan.id,
                        plan.name,
                        node,
                        plan_id=plan.id,
                        tooltip=f"{plan.name} ({plan.start:%d/%m/%Y} - {plan.end:%d/%m/%Y})",
                    )
                    for plan in queries.plans(session, node.id)
                ]
            else:
                assert node.plan_id is not None
                parent_task = node.id if node.kind is NodeKind.TASK else None
                children = [
                    NavigatorNode(
                        NodeKind.TASK,
                        task.id,
                        f"{task.code}. {task.name}" if task.code else task.name,
                        node,
                        plan_id=node.plan_id,
                        is_group=task.kind is TaskKind.GROUP,
                        has_children=task.child_count > 0,
                    )
                    for task in queries.task_children(session, node.plan_id, parent_task)
                ]
        return _numbered(children)


def _numbered(nodes: list[NavigatorNode]) -> list[NavigatorNode]:
    for row, node in enumerate(nodes):
        node.row = row
    return nodes
