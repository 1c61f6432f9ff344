"""The task sheet's model: a thin tree over task ids, with the text of rows fetched in blocks."""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from dxplanner.core.enums import TaskKind
from dxplanner.core.errors import DomainError
from dxplanner.core.projection import Codes, PlanProjection, ProjectedTask, project_plan
from dxplanner.core.rollup import TaskNode, money_rolled
from dxplanner.core.status import Health, slippage_days
from dxplanner.core.workdays import WorkCalendar
from dxplanner.i18n import N_, _
from dxplanner.labels import label
from dxplanner.numbers import decimal_text, whole_text
from dxplanner.services import outline
from dxplanner.services.live import is_offline_error
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.outline import SheetRow
from dxplanner.ui.session import DataChange

Index = QModelIndex | QPersistentModelIndex

BLOCK_SIZE = 200
LATE_COLOUR = QColor("#b3261e")
AT_RISK_COLOUR = QColor("#9a6700")
# Tables whose change can alter what the sheet shows.
SHOWN_TABLES = ("task", "task_unit", "budget_line", "unit", "action_plan", "plan_day_off", "progress_report")


class SheetColumn(enum.IntEnum):
    """The columns of the task sheet, in order."""

    CODE = 0
    NAME = 1
    KIND = 2
    LEAD = 3
    COOPERATING = 4
    TIMELINE = 5
    START = 6
    END = 7
    PROGRESS = 8
    STATUS = 9
    PRODUCT = 10
    BUDGET = 11
    NOTES = 12
    SLIPPAGE = 13
    PERSON = 14  # hidden until asked for: most plans name units only


COLUMN_TITLES = {
    SheetColumn.CODE: N_("No."),
    SheetColumn.NAME: N_("Task"),
    SheetColumn.KIND: N_("Kind"),
    SheetColumn.LEAD: N_("Lead unit"),
    SheetColumn.COOPERATING: N_("Cooperating units"),
    SheetColumn.TIMELINE: N_("Timeline"),
    SheetColumn.START: N_("Start"),
    SheetColumn.END: N_("End"),
    SheetColumn.PROGRESS: N_("Progress"),
    SheetColumn.STATUS: N_("Status"),
    SheetColumn.PRODUCT: N_("Product"),
    SheetColumn.BUDGET: N_("Budget (million đồng)"),
    SheetColumn.NOTES: N_("Notes"),
    SheetColumn.SLIPPAGE: N_("Slippage (days)"),
    SheetColumn.PERSON: N_("Responsible person"),
}


def column_titles() -> dict[SheetColumn, str]:
    """The column headings in the current language."""
    return {column: _(title) for column, title in COLUMN_TITLES.items()}


# Columns a group takes from the tasks below it, and so does not edit itself.
_ROLLED_UP = {SheetColumn.START, SheetColumn.END, SheetColumn.PROGRESS, SheetColumn.STATUS}
_READ_ONLY = {SheetColumn.BUDGET, SheetColumn.SLIPPAGE}
_RIGHT = {SheetColumn.START, SheetColumn.END, SheetColumn.PROGRESS, SheetColumn.BUDGET, SheetColumn.SLIPPAGE}

_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SHOWN | Qt.ItemFlag.ItemIsEditable

# Called with (task id, column, new value); True when the change was made.
EditTask = Callable[[int, SheetColumn, Any], bool]
# Called with (task id, column); whether the user's role lets them change that cell.
MayEdit = Callable[[int, SheetColumn], bool]


class TaskSheetModel(QAbstractItemModel):
    """The tasks of one plan as a tree; groups show the span and progress rolled up from below."""

    def __init__(
        self,
        edit_task: EditTask | None = None,
        today: Callable[[], datetime.date] = datetime.date.today,
        date_format: str = "%d/%m/%Y",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._edit_task = edit_task
        # None: the role allows every cell (a plan file); the sheet sets it for a shared plan.
        self.may_edit: MayEdit | None = None
        self._today = today
        self.date_format = date_format
        self._titles = column_titles()
        self.store: OpenPlan | None = None
        self.plan_id: int | None = None
        # Every task's place, number, roll-up and standing today, as every other view shows it.
        self._projection: PlanProjection | None = None
        self._children: dict[int | None, list[int]] = {None: []}  # as the filter leaves them
        self._parent: dict[int, int | None] = {}
        self._row: dict[int, int] = {}
        self._order: list[int] = []
        self._order_index: dict[int, int] = {}
        self._cache: dict[int, SheetRow] = {}
        self._shown: set[int] | None = None  # None: no filter
        self._counts: tuple[int, int] | None = None
        self._money: dict[int, int] = {}  # each task's own budget and all of it below, in đồng
        # Each task's version as read with the projection: what an edit of a task shown carries, so
        # that an edit made from values someone has changed since is refused, not written over theirs.
        self._versions: dict[int, int] = {}

    # Loading.

    def load(self, store: OpenPlan | None, plan_id: int | None) -> None:
        """Show the tasks of plan_id (nothing when None)."""
        self.beginResetModel()
        self.store, self.plan_id = store, plan_id
        self._cache.clear()
        self._shown = None
        self._read_structure()
        self.endResetModel()

    def take_reading(self, other: TaskSheetModel) -> None:
        """Show what another model read of the same plan (the window rebuilt in another language):
        the tasks' places, roll-up and versions are not read and worked out again. The rows' words
        are not taken: they are the other language's."""
        self.beginResetModel()
        self.store, self.plan_id = other.store, other.plan_id
        self._cache.clear()
        self._shown = None
        self._projection, self._money, self._versions = other._projection, other._money, other._versions
        self._counts = None
        self._index_structure()
        self.endResetModel()

    def _read_structure(self) -> None:
        self._projection, self._money, self._versions = None, {}, {}
        if self.store is not None and self.plan_id is not None:
            found = outline.outline(self.store, self.plan_id)
            self._project(found.nodes, found.calendar, found.codes, found.money)
            self._versions = dict(found.versions)
        self._index_structure()

    def _project(
        self, nodes: Sequence[TaskNode], calendar: WorkCalendar, codes: Codes | None, money: outline.Money
    ) -> None:
        """Roll the plan up as of today, weighed as it chooses (maybe by money); total each task's budget."""
        self._projection = project_plan(nodes, calendar, self._today(), money.weight, codes)
        self._money = money_rolled(nodes, money.planned)
        self._counts = None

    def _index_structure(self) -> None:
        """Children lists as the filter leaves them, parents, rows and reading order."""
        projection = self._projection
        below = projection.children if projection is not None else {None: ()}
        self._order = projection.order() if projection is not None else []
        self._order_index = {task_id: number for number, task_id in enumerate(self._order)}
        self._parent = {task_id: parent for parent, ids in below.items() for task_id in ids}
        self._children = {}
        self._row = {}
        self._counts = None
        for parent, ids in below.items():
            shown = [task_id for task_id in ids if self._shown is None or task_id in self._shown]
            self._children[parent] = shown
            for row, task_id in enumerate(shown):
                self._row[task_id] = row

    # What the rest of the window asks.

    def task_id(self, index: Index) -> int | None:
        """The task shown at index."""
        return int(index.internalId()) if index.isValid() else None

    def index_of(self, task_id: int, column: int = 0) -> QModelIndex:
        """Where a task is shown (invalid when it is filtered out or unknown)."""
        if task_id not in self._row or (self._shown is not None and task_id not in self._shown):
            return QModelIndex()
        return self.createIndex(self._row[task_id], column, task_id)

    def _task(self, task_id: int | None) -> ProjectedTask | None:
        """A task as the plan projects it (None when the plan has no such task)."""
        return self._projection.get(task_id) if self._projection is not None and task_id is not None else None

    def number(self, task_id: int) -> str | None:
        """The number (STT) a task shows: the one it was given, else the one its place gives it."""
        return task.number if (task := self._task(task_id)) else None

    def has_children(self, task_id: int) -> bool:
        """Whether any task lies below this one (in the whole plan, not only what the filter shows)."""
        return bool((task := self._task(task_id)) and task.has_children)

    def node(self, task_id: int) -> TaskNode | None:
        """The structure of a task: parent, position, own dates."""
        return task.node if (task := self._task(task_id)) else None

    def parent_of(self, task_id: int) -> int | None:
        """The group a task lies in."""
        return self._parent.get(task_id)

    def version(self, task_id: int) -> int | None:
        """The version of a task as the sheet shows it (None for a task it does not know)."""
        return self._versions.get(task_id)

    def sheet_row(self, task_id: int) -> SheetRow | None:
        """Everything the sheet shows of a task (fetched with its neighbours)."""
        return self._cached(task_id)

    def reading_order(self) -> list[int]:
        """Every task of the plan, parents before children."""
        return list(self._order)

    def children_shown(self, task_id: int | None) -> list[int]:
        """The rows right below a task (the top rows for None), as the filter leaves them."""
        return self._children.get(task_id, [])

    def nodes(self) -> list[TaskNode]:
        """The structure of every task of the plan."""
        return self._projection.nodes() if self._projection is not None else []

    def rolled(self, task_id: int) -> ProjectedTask | None:
        """A task as the plan projects it: its span, progress (a group's rolled up from below), standing."""
        return self._task(task_id)

    def calendar(self) -> WorkCalendar | None:
        """The working days of the plan shown."""
        return self._projection.calendar if self._projection is not None else None

    def health(self, task_id: int) -> Health | None:
        """A task's standing today."""
        return task.health if (task := self._task(task_id)) else None

    def counts_as_task(self, task_id: int) -> bool:
        """Whether the task holds work: a leaf, or a group with work of its own (see rollup.has_own_work)."""
        return bool((task := self._task(task_id)) and task.counts_as_task)

    def groups(self) -> set[int]:
        """The tasks that have tasks below them."""
        return {task.id for task in self._projection or () if task.has_children}

    def counts(self) -> tuple[int, int]:
        """How many tasks are shown (leaves, and groups with work of their own), and how many are late."""
        if self._counts is None:
            tasks = [task for task in self._projection or () if self._counted(task)]
            self._counts = (len(tasks), sum(task.health is Health.LATE for task in tasks))
        return self._counts

    def _counted(self, task: ProjectedTask) -> bool:
        return task.counts_as_task and (self._shown is None or task.id in self._shown)

    def _recount(self, before: PlanProjection, after: PlanProjection, task_ids: Iterable[int]) -> None:
        """Bring the counts up to date once the tasks task_ids (and only they) may stand otherwise."""
        if self._counts is None:
            return
        shown, late = self._counts
        for task_id in task_ids:
            old, new = before.get(task_id), after.get(task_id)
            if old is new:
                continue
            for each, sign in ((old, -1), (new, 1)):
                if each is not None and self._counted(each):
                    shown += sign
                    late += sign * (each.health is Health.LATE)
        self._counts = (shown, late)

    def set_filter(self, shown: set[int] | None) -> None:
        """Show only these tasks and the groups above them (None: show everything)."""
        self.beginResetModel()
        if shown is None:
            self._shown = None
        else:
            kept = set(shown)
            for task_id in shown:
                parent = self._parent.get(task_id)
                while parent is not None and parent not in kept:
                    kept.add(parent)
                    parent = self._parent.get(parent)
            self._shown = kept
        self._index_structure()
        self.endResetModel()

    def with_everything_below(self, task_ids: Iterable[int]) -> set[int]:
        """The tasks and every task below them, in the whole plan (not only what the filter shows)."""
        found: set[int] = set()
        waiting = list(task_ids)
        while waiting:
            task_id = waiting.pop()
            if task_id not in found:
                found.add(task_id)
                if self._projection is not None:
                    waiting.extend(self._projection.children.get(task_id, ()))
        return found

    def numbers_at_depths(self) -> set[tuple[int, str]]:
        """Each number the sheet shows, with the depth of the row it shows on (0: the top rows)."""
        if self._projection is None:
            return set()
        return {(task.depth, task.number) for task in self._projection if task.number}

    def all_rows(self) -> dict[int, SheetRow]:
        """The sheet's values of every task of the plan (for searching and filtering)."""
        missing = [task_id for task_id in self._order if task_id not in self._cache]
        if missing and self.store is not None:
            self._fetch(missing)
        return {task_id: self._cache[task_id] for task_id in self._order if task_id in self._cache}

    # Keeping up with changes.

    def reshapes(self, change: DataChange) -> bool:
        """Whether a change adds, removes or moves rows (or changes the calendar), so the sheet reloads."""
        return bool(change.reshaped & {"task", "action_plan", "plan_day_off"}) or change.touches(
            "action_plan", "plan_day_off"
        )

    def refresh(self, change: DataChange) -> None:
        """Bring the sheet up to date after a change, as cheaply as the change allows."""
        if self.store is None or self.plan_id is None or not change.touches(*SHOWN_TABLES):
            return
        if self.reshapes(change):
            self._reload()
            return
        assert self._projection is not None
        before = self._projection
        changed_tasks = {task_id for task_id in change.rows.get("task", set()) if task_id in before}
        if changed_tasks:
            # The rows to show again (the tasks and the groups above them) come in the same read.
            touched = self._with_groups_above(changed_tasks)
            now = outline.places(self.store, self.plan_id, changed_tasks, with_rows=touched)
            if any(
                (node.parent_id, node.position)
                != (before[node.id].node.parent_id, before[node.id].node.position)
                for node in now.nodes
            ):
                self._reload()
                return
            # Only the branches holding the changed tasks are rolled up again.
            self._projection = before.updated(now.nodes, now.codes)
            self._versions.update(now.versions)
            renumbered: set[int] = set()
            codes = before.codes or {}
            if any(codes.get(task_id) != code for task_id, code in now.codes.items()):
                # A number typed, or cleared, renumbers the siblings that follow it.
                renumbered = {task.id for task in self._projection if task.number != before[task.id].number}
            # A task's standing follows from its own values and those below it: only the changed
            # tasks and the groups above them may stand otherwise, and only they are counted again
            # (counting all 10,000 took 15 ms of every edit).
            self._recount(before, self._projection, touched)
            self._refresh_tasks(touched | renumbered, now.rows)
        if change.touches("budget_line"):
            # Totals change, and so do roll-ups when the plan weighs its tasks by their money.
            latest = self._projection
            money = outline.money(self.store, self.plan_id, latest.calendar)
            self._project(latest.nodes(), latest.calendar, latest.codes, money)
        if change.touches("task_unit", "budget_line", "unit", "progress_report"):
            # Those rows do not say which task they belong to once gone: refresh every row's text.
            self._cache.clear()
            self._announce(self._order)

    def _reload(self) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.task_id(index) for index in old]
        self._cache.clear()
        self._read_structure()
        self.changePersistentIndexList(
            old,
            [
                self.index_of(task_id, index.column()) if task_id is not None else QModelIndex()
                for task_id, index in zip(ids, old, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _with_groups_above(self, task_ids: Iterable[int]) -> set[int]:
        """The tasks and every group above them."""
        touched: set[int] = set()
        for task_id in task_ids:
            current: int | None = task_id
            while current is not None and current not in touched:
                touched.add(current)
                current = self._parent.get(current)
        return touched

    def _refresh_tasks(self, task_ids: set[int], fresh: Mapping[int, SheetRow] | None = None) -> None:
        """Repaint changed tasks' rows and those of the groups above them (their roll-ups changed too);
        fresh holds some of those rows read anew (the others are read when shown)."""
        touched = self._with_groups_above(task_ids)
        for task_id in touched:
            self._cache.pop(task_id, None)
        self._cache.update(fresh or {})
        self._announce(sorted(touched, key=self._order_index.__getitem__))

    def _announce(self, task_ids: Iterable[int]) -> None:
        last = len(SheetColumn) - 1
        for task_id in task_ids:
            index = self.index_of(task_id)
            if index.isValid():
                self.dataChanged.emit(index, self.index(index.row(), last, index.parent()))

    # Qt's model interface.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        below = self._children.get(self.task_id(parent), [])
        if not 0 <= row < len(below) or not 0 <= column < len(SheetColumn):
            return QModelIndex()
        return self.createIndex(row, column, below[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        task_id = self.task_id(index)
        parent = None if task_id is None else self._parent.get(task_id)
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._row.get(parent, 0), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.task_id(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(SheetColumn)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return False
        return bool(self._children.get(self.task_id(parent)))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles.get(SheetColumn(section)) if 0 <= section < len(SheetColumn) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every cell of every row when the tree is laid out (10,000 tasks: 90,000 times),
        # so the flags are made once and the column stays a plain number until a role is asked.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        task_id = int(index.internalId())
        column = index.column()
        if column in _READ_ONLY or self._edit_task is None:
            return _SHOWN
        if column in _ROLLED_UP and self._children.get(task_id):
            return _SHOWN
        if self.may_edit is not None and not self.may_edit(task_id, SheetColumn(column)):
            return _SHOWN
        return _EDITABLE

    def editable_by_nature(self, index: Index) -> bool:
        """Whether a cell could be edited by someone whose role allows it (not a roll-up or a total)."""
        task_id = self.task_id(index)
        if task_id is None or self._edit_task is None:
            return False
        column = SheetColumn(index.column())
        group = bool(self._children.get(task_id))
        return not (column in _READ_ONLY or (group and column in _ROLLED_UP))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        task_id = self.task_id(index)
        if task_id is None:
            return None
        column = SheetColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(task_id, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._value(task_id, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(task_id, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            state = self.health(task_id)
            if state is Health.LATE:
                return QBrush(LATE_COLOUR)
            if state is Health.AT_RISK:
                return QBrush(AT_RISK_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task_id, column)
        return None

    def _font(self, task_id: int, column: SheetColumn) -> QFont | None:
        group = bool(self._children.get(task_id))
        # A number the task takes from its place, not one it was given, is set in italics.
        codes = self._projection.codes if self._projection is not None else None
        derived = column is SheetColumn.CODE and not ((codes or {}).get(task_id) or "").strip()
        if not group and not derived:
            return None
        font = QFont()
        font.setBold(group)
        font.setItalic(derived)
        return font

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        task_id = self.task_id(index)
        if task_id is None or role != Qt.ItemDataRole.EditRole or self._edit_task is None:
            return False
        column = SheetColumn(index.column())
        if value == self._value(task_id, column):
            return False
        return self._edit_task(task_id, column, value)

    # Values.

    def _cached(self, task_id: int) -> SheetRow | None:
        row = self._cache.get(task_id)
        if row is None and self.store is not None and task_id in self._order_index:
            # The neighbours in reading order are the rows a scrolling view asks for next.
            first = max(0, self._order_index[task_id] - BLOCK_SIZE // 4)
            ids = [each for each in self._order[first : first + BLOCK_SIZE] if each not in self._cache]
            self._fetch(ids)
            row = self._cache.get(task_id)
        return row

    def _fetch(self, task_ids: list[int]) -> None:
        """Read rows into the cache; while a plan's server is away they stay blank until it is back."""
        assert self.store is not None
        try:
            self._cache.update(outline.sheet_rows(self.store, task_ids))
        except DomainError as error:
            if not is_offline_error(error):
                raise
            # Asked for while painting: a message box per repaint would help no one. The window
            # says the server is away, and reads everything again when it is back.
            return

    def _date(self, value: datetime.date | None) -> str:
        return "" if value is None else value.strftime(self.date_format)

    def shown_text(self, task_id: int, column: SheetColumn) -> str:
        """The text a cell shows, of any task of the plan (one the filter hides too)."""
        return self._text(task_id, column) or ""

    def own_text(self, task_id: int, column: SheetColumn) -> str:
        """The text of a task's own value, as the sheet writes it: its own number, dates, figure and
        status, where the sheet shows a group's rolled up ones, or the number its place gives."""
        row = self._cached(task_id)
        if row is None:
            return ""
        own = {
            SheetColumn.CODE: row.code or "",
            SheetColumn.START: self._date(row.planned_start),
            SheetColumn.END: self._date(row.planned_end),
            SheetColumn.PROGRESS: _exact_percent(row.progress),
            SheetColumn.STATUS: label(row.status),
        }
        return own[column] if column in own else self.shown_text(task_id, column)

    def _text(self, task_id: int, column: SheetColumn) -> str | None:
        rolled = self._task(task_id)
        if column is SheetColumn.START:
            return self._date(rolled.start if rolled else None)
        if column is SheetColumn.END:
            return self._date(rolled.end if rolled else None)
        if column is SheetColumn.PROGRESS:
            return _percent(rolled) if rolled else ""
        row = self._cached(task_id)
        if row is None:
            return None
        if column is SheetColumn.STATUS:
            state = self.health(task_id)
            return label(state) if state is not None else label(row.status)
        if column is SheetColumn.KIND:
            return label(row.kind)
        if column is SheetColumn.BUDGET:
            # A group's own budget lines count with all of those below it (a project keeps its own).
            total = self._money.get(task_id, 0)
            return whole_text(total / 1_000_000) if total else ""
        if column is SheetColumn.SLIPPAGE:
            slip = slippage_days(row.baseline_end, row.planned_end, row.actual_end)
            return "" if slip is None else f"{slip:+d}"
        return {
            SheetColumn.CODE: rolled.number if rolled is not None else row.code,
            SheetColumn.NAME: row.name,
            SheetColumn.LEAD: row.lead_unit,
            SheetColumn.COOPERATING: row.cooperating,
            SheetColumn.TIMELINE: row.timeline_text,
            SheetColumn.PRODUCT: row.product,
            SheetColumn.NOTES: row.notes,
            SheetColumn.PERSON: row.responsible_person,
        }.get(column)

    def _value(self, task_id: int, column: SheetColumn) -> Any:
        """The value an editor starts from (dates as dates, units as ids, kinds as members)."""
        row = self._cached(task_id)
        if row is None:
            return None
        return {
            SheetColumn.CODE: row.code or "",
            SheetColumn.NAME: row.name,
            SheetColumn.KIND: row.kind,
            SheetColumn.LEAD: row.lead_unit_id,
            SheetColumn.COOPERATING: row.cooperating_ids,
            SheetColumn.TIMELINE: row.timeline_text or "",
            SheetColumn.START: row.planned_start,
            SheetColumn.END: row.planned_end,
            SheetColumn.PROGRESS: row.progress,
            SheetColumn.STATUS: row.status,
            SheetColumn.PRODUCT: row.product or "",
            SheetColumn.NOTES: row.notes or "",
            SheetColumn.PERSON: row.responsible_person or "",
        }.get(column)

    def _tooltip(self, task_id: int, column: SheetColumn) -> str | None:
        row = self._cached(task_id)
        if row is None:
            return None
        if column is SheetColumn.NAME:
            state = self.health(task_id)
            return f"{row.name}\n{label(state)}" if state else row.name
        if column is SheetColumn.CODE and not (row.code or "").strip():
            return _("Numbered by its place in the plan; type a number to give it one of its own.")
        task = self._task(task_id)
        if column is SheetColumn.PROGRESS and task is not None and task.own_work:
            # Say what the figure is made of: the group's own reported share is in it.
            return _("{rolled}: its own {own}% and its sub-tasks' work together").format(
                rolled=self._text(task_id, column), own=whole_text(task.node.progress)
            )
        text = self._text(task_id, column)
        return text or None

    def is_group(self, task_id: int) -> bool:
        """Whether the task has tasks below it."""
        row = self._cached(task_id)
        return bool(self._children.get(task_id)) or (row is not None and row.kind is TaskKind.GROUP)


def _exact_percent(progress: float) -> str:
    """A task's own figure as it is stored, for pasting back: not rounded (99.96 rounded would be 100,
    done), and "33.333" written "33.3330", which a paste would read as thirty-three thousand."""
    text = decimal_text(progress)
    if re.fullmatch(r"\d{1,3}\.\d{3}", text):
        text += "0"
    return f"{text}%"


def _percent(task: ProjectedTask) -> str:
    """A task's progress as the sheet shows it: a group's rounded, a task's own to a tenth (2,5%)
    as it was typed or imported, so that the cell shows what is stored."""
    if task.has_children:
        return f"{task.progress:.0f}%"
    return f"{decimal_text(round(task.progress, 1))}%"
