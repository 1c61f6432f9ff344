"""The main window: a navigator of strategies and plans beside the table of the chosen level's tasks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTreeView,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.plan_file import PLAN_SUFFIX
from dxplanner.store.plan_store import PlanStore
from dxplanner.ui.about import show_about
from dxplanner.ui.navigator_model import NavigatorModel, NodeKind
from dxplanner.ui.recent_files import RecentFiles
from dxplanner.ui.task_table_model import Column, TaskTableModel

OpenPlan = Callable[[Path], PlanStore]
CreatePlan = Callable[[Path, bool], Path]


class MainWindow(QMainWindow):
    """The shell that later features fill: navigator, task table, menus."""

    def __init__(
        self,
        settings: QSettings,
        open_plan: OpenPlan,
        create_plan: CreatePlan,
        task_model: TaskTableModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._open_plan = open_plan
        self._create_plan = create_plan
        self._recent = RecentFiles(settings)
        self.store: PlanStore | None = None

        self.navigator_model = NavigatorModel()
        self.navigator = QTreeView()
        self.navigator.setObjectName("navigator")
        self.navigator.setModel(self.navigator_model)
        self.navigator.setUniformRowHeights(True)
        self.navigator.setHeaderHidden(True)
        self.navigator.selectionModel().selectionChanged.connect(self._on_navigator_selection)

        self.task_model = task_model or TaskTableModel()
        self.task_table = QTableView()
        self.task_table.setObjectName("task_table")
        self.task_table.setModel(self.task_model)
        self.task_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.task_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.task_table.setAlternatingRowColors(True)
        self.task_table.setWordWrap(False)
        self.task_table.verticalHeader().setDefaultSectionSize(24)
        self.task_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.task_table.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.CODE, 56),
            (Column.LEAD_UNIT, 150),
            (Column.START, 96),
            (Column.END, 96),
        ):
            header.resizeSection(column, width)
        header.resizeSection(Column.PROGRESS, 80)
        header.resizeSection(Column.STATUS, 110)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.task_table)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([430, 930])
        self.setCentralWidget(self.splitter)

        self._scope_label = QLabel()
        self.statusBar().addWidget(self._scope_label, 1)
        self._build_menus()
        self._restore_layout()
        self._update_title()

    # Opening and creating plan files.

    def open_file(self, path: Path) -> bool:
        """Open the plan file at path in this window; say why when it cannot be opened."""
        try:
            store = self._open_plan(path)
        except DomainError as error:
            QMessageBox.warning(self, _("Cannot open the plan file"), error.message)
            self._recent.remove(path)
            self._refresh_recent_menu()
            return False
        if self.store is not None:
            self.store.close()
        self.store = store
        self._recent.add(path)
        self._settings.setValue("last_file", str(path.resolve()))
        self._refresh_recent_menu()
        self.navigator_model.set_store(store)
        self.task_model.show_tasks(None, [])
        self._update_title()
        self._select_latest_plan()
        if store.notice:
            self.statusBar().showMessage(store.notice)
            QMessageBox.information(self, _("Plan file"), store.notice)
        return True

    def _new_file(self, with_demo: bool) -> None:
        title = _("New plan file with the demo plan") if with_demo else _("New plan file")
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            title,
            str(Path.home() / f"plan{PLAN_SUFFIX}"),
            _("Plan files (*{suffix})").format(suffix=PLAN_SUFFIX),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix != PLAN_SUFFIX:
            path = path.with_name(path.name + PLAN_SUFFIX)
        try:
            self._create_plan(path, with_demo)
        except DomainError as error:
            QMessageBox.warning(self, _("Cannot create the plan file"), error.message)
            return
        self.open_file(path)

    def _choose_file(self) -> None:
        start = str(self.store.path.parent) if self.store else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open plan file"),
            start,
            _("Plan files (*{suffix});;All files (*)").format(suffix=PLAN_SUFFIX),
        )
        if chosen:
            self.open_file(Path(chosen))

    # Navigation.

    def _select_latest_plan(self) -> None:
        model = self.navigator_model
        if model.rowCount() == 0:
            return
        first = model.index(0, 0)
        if model.canFetchMore(first):
            model.fetchMore(first)
        self.navigator.expand(first)
        plans = model.rowCount(first)
        target = model.index(plans - 1, 0, first) if plans else first
        self.navigator.setCurrentIndex(target)

    def _on_navigator_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        node = self.navigator_model.node(indexes[0]) if indexes else None
        if node is None or self.store is None:
            self.task_model.show_tasks(None, [])
            self._scope_label.clear()
            return
        if node.kind is NodeKind.STRATEGY or node.kind is NodeKind.LOOSE_PLANS:
            with self.store.read() as session:
                plan_ids = [plan.id for plan in queries.plans(session, node.id)]
            self.task_model.show_tasks(self.store, plan_ids)
        elif node.kind is NodeKind.PLAN:
            assert node.id is not None
            self.task_model.show_tasks(self.store, [node.id])
        else:
            assert node.plan_id is not None
            self.task_model.show_tasks(self.store, [node.plan_id], root_task_id=node.id)
        self._scope_label.setText(
            _("{name}: {count} rows").format(name=node.label, count=self.task_model.rowCount())
        )

    # Menus, title and layout.

    def _build_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(_("&File"))
        self._add_action(file_menu, _("&New…"), QKeySequence.StandardKey.New, lambda: self._new_file(False))
        self._add_action(file_menu, _("New with the &demo plan…"), None, lambda: self._new_file(True))
        self._add_action(file_menu, _("&Open…"), QKeySequence.StandardKey.Open, self._choose_file)
        self.recent_menu = file_menu.addMenu(_("Open &Recent"))
        file_menu.addSeparator()
        self._add_action(file_menu, _("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.help_menu = help_menu = self.menuBar().addMenu(_("&Help"))
        self._add_action(help_menu, _("&About dxplanner"), None, lambda: show_about(self))
        self._refresh_recent_menu()

    def _add_action(
        self, menu: QMenu, text: str, shortcut: QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self._recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, chosen=path: self.open_file(chosen))
        self.recent_menu.setEnabled(bool(paths))

    def _update_title(self) -> None:
        if self.store is None:
            self.setWindowTitle("dxplanner")
            return
        read_only = " " + _("[read-only]") if self.store.read_only else ""
        self.setWindowTitle(f"{self.store.path.name}{read_only} — dxplanner")
        self.setWindowFilePath(str(self.store.path))

    def _restore_layout(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        splitter = self._settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        columns = self._settings.value("window/task_columns")
        if isinstance(columns, QByteArray):
            self.task_table.horizontalHeader().restoreState(columns)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.setValue("window/task_columns", self.task_table.horizontalHeader().saveState())
        self._settings.sync()
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)
