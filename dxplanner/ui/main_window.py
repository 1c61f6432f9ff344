"""The main window: the navigator beside the editor of what it selects, with menus and undo."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dxplanner.core.errors import DomainError
from dxplanner.core.matching import UnitIndex
from dxplanner.i18n import _, current_language
from dxplanner.paths import AppPaths
from dxplanner.services.files import (
    PLAN_SUFFIX,
    Backup,
    BackupShelf,
    FileLockedError,
    PlanLocation,
    demo_copy,
    discard_plan_file,
    documents_folder,
    folder_for_files,
    free_plan_path,
    is_shared,
    plan_location,
    plan_name,
    restore_backup,
    save_copy,
    verify_lock,
)
from dxplanner.services.live import announces_changes, is_offline_error
from dxplanner.services.open_plan import OpenPlan
from dxplanner.ui.app_settings import AppSettings, SettingsDialog
from dxplanner.ui.errors import show_problem
from dxplanner.ui.file_guard import FileGuard, LockAnswer, ask_about_lock
from dxplanner.ui.live_link import Backoff, LiveLink
from dxplanner.ui.navigator import (
    ESTATE_KINDS,
    ESTATE_NODE_OF_TABLE,
    NAVIGATOR_TABLES,
    NavigatorModel,
    NodeKey,
    NodeKind,
)
from dxplanner.ui.recent_files import RecentFiles
from dxplanner.ui.session import DataChange, PlanSession, disconnect_all
from dxplanner.ui.sheet_columns import row_width
from dxplanner.ui.sheet_model import SheetColumn
from dxplanner.ui.welcome_page import WelcomePage
from dxplanner.ui.workbench_layout import DETAILS_FLOOR, DETAILS_WIDTH, first_layout

if TYPE_CHECKING:  # the forms load the first time one is shown, not when a plan opens
    from dxplanner.ui.dashboard.page import DashboardPage
    from dxplanner.ui.estate_forms.page import EstatePage
    from dxplanner.ui.estate_map.page import EstateMapPage
    from dxplanner.ui.forms.details import DetailsPanel
    from dxplanner.ui.forms.record_form import RecordForm
    from dxplanner.ui.help_window import ContextHelp, HelpWindow
    from dxplanner.ui.printing import PrintSetup
from dxplanner.ui.task_sheet import AskProgress, Confirm, TaskSheet

# services.files.open_plan's shape: (path, read_only=..., take_over=...) -> the open plan.
OpenFile = Callable[..., OpenPlan]
CreatePlan = Callable[[Path, bool], Path]
AskLocked = Callable[[FileLockedError], LockAnswer]
ChooseBackup = Callable[[list[Backup], str], Backup | None]
# When a shared plan's server goes away: try again after 0.5 s, then twice as long each time, up to 10 s.
DEFAULT_RECONNECT = Backoff(first=0.5, most=10.0)
# The tables the estate map is drawn from (a task's dates and progress make an element late).
ESTATE_TABLES = (
    "system",
    "data_link",
    "open_dataset",
    "public_service",
    "task_effect",
    "task",
    "action_plan",
    "unit",
)


@dataclass
class HeldPlan:
    """An open plan handed from a window to the one built in its place: nothing closes or reopens."""

    store: OpenPlan
    session: PlanSession
    live: LiveLink | None  # the link to a shared plan's server, still listening
    offline: str | None  # why the server cannot be reached, when it cannot


class PlanEditor(QWidget):
    """Everything that edits one open plan file: the pages the navigator switches between.

    Pages are built the first time they are needed, and the details beside the task
    sheet just after the sheet is first shown, so that a plan opens at once.
    """

    def __init__(
        self,
        session: PlanSession,
        preferences: AppSettings,
        today: Callable[[], datetime.date],
        confirm: Confirm | None,
        ask: AskProgress | None,
        select: Callable[[NodeKey], None],
    ) -> None:
        super().__init__()
        self.session = session
        self.dates = preferences.date_style()
        self._select = select
        self._today = today
        self._confirm = confirm
        self._dashboard: DashboardPage | None = None
        self._estate_map: EstateMapPage | None = None
        self.estate_pages: dict[NodeKind, EstatePage] = {}
        self._units: UnitIndex | None = None
        self.sheet = TaskSheet(session, self.dates, today, confirm, ask)
        self._details: DetailsPanel | None = None
        # False when building the details and chart after the first paint met the server gone.
        self._built_beside = True
        # Run once after the sheet first shows a plan, and after its first paint (the chart and
        # the details built then): what a window rebuilt in another language puts back.
        self.after_plan_shown: Callable[[int], object] | None = None
        # The old window's sheet, whose reading of its plan the first plan shown here takes.
        self.read_sheet: TaskSheet | None = None
        self.after_first_paint: Callable[[], object] | None = None
        # Whether the Gantt chart is shown beside the sheet, and how wide (the window's remembered choice).
        self.chart_wanted = True
        self.chart_layout: QByteArray | None = None
        self.plan_page = QSplitter(Qt.Orientation.Horizontal)
        self.plan_page.setObjectName("plan_splitter")
        self.plan_page.addWidget(self.sheet)
        self.plan_page.addWidget(QWidget())  # the details, once built
        self.plan_page.setStretchFactor(0, 1)
        self.plan_page.setSizes([1060, 340])
        # The details can be folded away (a narrow screen's default) and brought back.
        self.plan_page.setCollapsible(0, False)
        self.details_action = QAction(_("Details"), self)
        self.details_action.setCheckable(True)
        self.details_action.setChecked(True)
        self.details_action.setShortcut(QKeySequence("F7"))
        self.details_action.setToolTip(_("Show the details of the task beside the sheet (F7)"))
        self.details_action.toggled.connect(lambda shown: self.show_details(shown))
        self.sheet.toolbar.addAction(self.details_action)
        self.plan_page.splitterMoved.connect(self.sync_details_button)
        # Small windows: let the splitters squeeze the toolbar, the filters and the forms.
        self.sheet.setMinimumWidth(200)
        self.setMinimumWidth(330)
        self.forms: dict[NodeKind, RecordForm] = {}
        self.blank = QLabel(_("Choose a strategy, a plan, a goal, an indicator or a unit on the left."))
        self.blank.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.blank)
        self.stack.addWidget(self.plan_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.sheet.task_selected.connect(self._task_selected)
        session.changed.connect(self._on_change)

    def show_details(self, shown: bool, width: int = DETAILS_WIDTH, room: int | None = None) -> None:
        """Show the details beside the sheet (width wide), or fold them away; room is the page's
        width when it is not laid out yet."""
        total = room or sum(self.plan_page.sizes()) or self.width()
        wanted = min(width, total // 2, self._room_for_details(total)) if shown else 0
        self.plan_page.setSizes([total - wanted, wanted])
        self.details_action.blockSignals(True)
        self.details_action.setChecked(shown)
        self.details_action.blockSignals(False)

    def _room_for_details(self, total: int) -> int:
        """What the details may take of the page and leave the sheet's row whole beside the chart at
        its narrowest: F7 in a 1366-pixel window squeezed the names to two letters. Never less
        than DETAILS_FLOOR: a window narrower still shortens the names instead."""
        sheet = self.sheet
        if not sheet.chart_shown():
            return total  # the table alone, or not laid out yet: the details take their own width
        handles = self.plan_page.handleWidth() + sheet.split.handleWidth()
        needed = row_width(sheet.view) + sheet.gantt.minimumWidth() + handles
        return max(DETAILS_FLOOR, total - needed)

    def sync_details_button(self) -> None:
        """Press the Details button when the details show, release it when they are folded away."""
        self.details_action.blockSignals(True)
        self.details_action.setChecked(self.plan_page.sizes()[1] > 0)
        self.details_action.blockSignals(False)

    @property
    def details(self) -> DetailsPanel:
        """The task and plan details beside the sheet (built on first use)."""
        if self._details is None:
            from dxplanner.ui.forms.details import DetailsPanel

            sizes = self.plan_page.sizes()
            self._details = DetailsPanel(self.session, self.units, self.dates.qt, self.dates.python)
            self._details.setMinimumWidth(120)
            old = self.plan_page.replaceWidget(1, self._details)
            if old is not None:
                old.deleteLater()
            self.plan_page.setSizes(sizes)
            plan = self.sheet.plan_id
            if plan is not None:
                self._details.plan.show_record(plan)
                self._details.task.show_record(self.sheet.current_task())
        return self._details

    def _build_details_after_paint(self) -> None:
        """Build the details once the sheet has shown the plan (a plan should open at once)."""
        viewport = self.sheet.view.viewport()
        watcher = _AfterFirstPaint(viewport, self._build_after_paint)
        viewport.installEventFilter(watcher)
        self._watcher = watcher

    def _build_after_paint(self) -> None:
        """Build the details and the chart beside the sheet; if the server went away as they read
        the plan, the window goes offline and they are built when it is back (set_offline)."""
        from dxplanner.ui.deferred import load_deferred

        load_deferred()  # before the user's first edit can want it
        try:
            self._build_beside_the_sheet()
        except DomainError as error:
            if not is_offline_error(error):
                raise
            self._built_beside = False
            self.session.connection_lost.emit(error.message)

    def _build_beside_the_sheet(self) -> None:
        self._built_beside = True
        self.details  # noqa: B018  (built for its side effect: the panel appears)
        from dxplanner.ui.dashboard.warm_up import warm_up

        warm_up(self.session.store)  # the charting library, loaded meanwhile for a first dashboard
        self.sheet.show_chart(self.chart_wanted)
        if self.chart_wanted and self.chart_layout is not None:
            self.sheet.split.restoreState(self.chart_layout)
        if self.after_first_paint is not None:
            then, self.after_first_paint = self.after_first_paint, None
            then()

    def _task_selected(self, task_id: int | None) -> None:
        if self._details is None:
            return
        try:
            self._details.task.show_record(task_id)
        except DomainError as error:
            if not is_offline_error(error):
                raise
            # The server is away (the window says so): show no task rather than the wrong one.
            self._details.task.show_record(None)

    def form(self, kind: NodeKind) -> RecordForm | None:
        """The form of a kind of record (built on first use)."""
        if kind not in self.forms:
            from dxplanner.ui.forms import pages

            dates, units, session = self.dates, self.units, self.session
            builders: dict[NodeKind, Callable[[], RecordForm]] = {
                NodeKind.STRATEGY: lambda: pages.strategy_form(
                    session, units, dates.qt, dates.python, self._today
                ),
                NodeKind.SEDP: lambda: pages.sedp_form(session, units, dates.qt),
                NodeKind.GOAL: lambda: pages.goal_form(session, units, dates.qt),
                NodeKind.INDICATOR: lambda: pages.indicator_form(
                    session, units, dates.qt, dates.python, self._today
                ),
                NodeKind.UNIT: lambda: pages.unit_form(
                    session, units, dates.qt, lambda unit: self._select(NodeKey(NodeKind.UNIT, unit))
                ),
            }
            if kind not in builders:
                return None
            self.forms[kind] = builders[kind]()
            self.stack.addWidget(self.forms[kind])
        return self.forms[kind]

    @property
    def dashboard(self) -> DashboardPage:
        """The dashboard page (built, and matplotlib imported, the first time it is shown)."""
        if self._dashboard is None:
            from dxplanner.ui.dashboard.page import DashboardPage

            self._dashboard = DashboardPage(self.session, self._today, self.dates.qt)
            self._dashboard.open_task.connect(self._open_task)
            self.stack.addWidget(self._dashboard)
        return self._dashboard

    def built_pages(self) -> tuple[DetailsPanel | None, DashboardPage | None, EstateMapPage | None]:
        """The details, the dashboard and the estate map, those built so far (None: not built)."""
        return self._details, self._dashboard, self._estate_map

    @property
    def estate_map(self) -> EstateMapPage:
        """The estate map page (built the first time it is shown)."""
        if self._estate_map is None:
            from dxplanner.ui.estate_map.page import EstateMapPage
            from dxplanner.ui.estate_map.source import PlanSource

            self._estate_map = EstateMapPage(PlanSource(self.session.store), self._today, self.dates.qt)
            self._estate_map.open_record.connect(self._open_map_record)
            self.stack.addWidget(self._estate_map)
        return self._estate_map

    def _open_map_record(self, table: str, record_id: int) -> None:
        # A task opens in its plan's sheet, an element of the estate in its page's form.
        from dxplanner.services import records

        if table == "task" and (task := records.task(self.session.store, record_id)) is not None:
            # The navigator may have the plan selected already (then it does not switch pages).
            self.show_node(NodeKey(NodeKind.PLAN, task.plan_id))
            self._open_task(task.plan_id, record_id)
        else:
            self.open_estate_record(table, record_id)

    def toggle_estate_map(self, key: NodeKey | None) -> None:
        """Show the estate map, or, when it is shown, what the navigator has selected."""
        if self._estate_map is not None and self.stack.currentWidget() is self._estate_map:
            self.show_node(key)
        else:
            self.stack.setCurrentWidget(self.estate_map)
            self.estate_map.view.setFocus()

    def estate_page(self, kind: NodeKind) -> EstatePage:
        """The page of a kind of estate record (built on first use)."""
        if kind not in self.estate_pages:
            from dxplanner.ui.estate_forms.page import page_of

            self.estate_pages[kind] = page_of(kind, self.session, self.units, self.dates.qt, self._confirm)
            self.stack.addWidget(self.estate_pages[kind])
        return self.estate_pages[kind]

    def open_estate_record(self, table: str, record_id: int) -> bool:
        """Show an estate record in its page (False for a table that has none)."""
        kind = ESTATE_NODE_OF_TABLE.get(table)
        if kind is None:
            return False
        self._select(NodeKey(kind))
        page = self.estate_page(kind)
        page.show_group(None)  # the navigator may have had the page selected already
        self.stack.setCurrentWidget(page)
        page.choose(record_id)
        return True

    def _open_task(self, plan_id: int, task_id: int) -> None:
        self._select(NodeKey(NodeKind.PLAN, plan_id))
        self.sheet.select_task(task_id)
        self.sheet.view.setFocus()

    def units(self) -> UnitIndex:
        """Every unit, shared by the pickers of every page."""
        from dxplanner.services import records

        if self._units is None:
            self._units = UnitIndex(records.unit_names(self.session.store))
        return self._units

    def _on_change(self, change: DataChange) -> None:
        if change.touches("unit"):
            self._units = None
        if self._estate_map is not None and change.touches(*ESTATE_TABLES):
            if change.touches("unit", "action_plan"):
                self._estate_map.fill_choices()
            self._estate_map.data_changed()

    def set_offline(self, offline: bool) -> None:
        """While the server is away, the forms, details and dashboard only show: typing into them
        could not be saved. The sheet stays open to edits, which are refused in words and offered again.
        """
        pages: list[QWidget | None] = [
            self._details,
            self._dashboard,
            self._estate_map,
            *self.forms.values(),
            *self.estate_pages.values(),
        ]
        for page in pages:
            if page is not None:
                page.setEnabled(not offline)
        if not offline and not self._built_beside:
            # The first time, the server went away meanwhile. Built after the pages are enabled:
            # gone again, it takes the window offline once more, and the pages with it.
            self._build_after_paint()

    def show_node(self, key: NodeKey | None) -> None:
        """Open the editor of what the navigator selected."""
        if key is not None and key.kind is NodeKind.PLAN and key.id is not None:
            # The sheet follows every change while another page is shown: back on its plan, it
            # stays as the user left it (groups, cursor), and reading 10,000 tasks again is spared.
            if self.sheet.plan_id != key.id:
                read, self.read_sheet = self.read_sheet, None
                self.sheet.show_plan(key.id, read)
            if self.after_plan_shown is not None:
                then, self.after_plan_shown = self.after_plan_shown, None
                then(key.id)
            self.stack.setCurrentWidget(self.plan_page)
            if self._details is None:
                self._build_details_after_paint()
            else:
                self._details.plan.show_record(key.id)
                self._details.task.show_record(self.sheet.current_task())
            return
        if key is not None and key.kind is NodeKind.DASHBOARD and key.id is not None:
            self.dashboard.show_strategy(key.id)
            self.stack.setCurrentWidget(self.dashboard)
            return
        if key is not None and key.kind is NodeKind.PLAN_DASHBOARD and key.id is not None:
            self.dashboard.show_plan_alone(key.id)
            self.stack.setCurrentWidget(self.dashboard)
            return
        if key is not None and key.kind in ESTATE_KINDS:
            page = self.estate_page(key.kind)
            page.show_group(key.group)
            self.stack.setCurrentWidget(page)
            return
        form = self.form(key.kind) if key is not None else None
        if form is not None and key is not None:
            form.show_record(key.id)
            self.stack.setCurrentWidget(form)
        else:
            self.stack.setCurrentWidget(self.blank)


class _AfterFirstPaint(QObject):
    """Runs something once, just after its target is first painted."""

    def __init__(self, target: QObject, then: Callable[[], object]) -> None:
        super().__init__(target)
        self._then: Callable[[], object] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)
        return False


class MainWindow(QMainWindow):
    """The shell: menus, navigator, the editor of the open plan file, and the status bar."""

    settings_changed = Signal()

    def __init__(
        self,
        settings: QSettings,
        open_plan: OpenFile,
        create_plan: CreatePlan,
        today: Callable[[], datetime.date] = datetime.date.today,
        confirm: Confirm | None = None,
        ask_progress: AskProgress | None = None,
        parent: QWidget | None = None,
        *,
        backups: BackupShelf | None = None,
        ask_locked: AskLocked | None = None,
        choose_backup: ChooseBackup | None = None,
        reconnect: Backoff = DEFAULT_RECONNECT,
        demo: Callable[[], Path] | None = None,
        documents: Callable[[], Path] = documents_folder,
    ) -> None:
        super().__init__(parent)
        # The welcome page's: an unedited copy of the demo, and the folder a new plan for an import goes in.
        self._demo = demo or (lambda: demo_copy(AppPaths.for_user().data_dir))
        self._documents = documents
        self._plan_actions: list[QAction] = []  # disabled while no plan is open
        self._settings = settings
        self._ask_locked = ask_locked or (lambda error: ask_about_lock(self, error))
        self._choose_backup = choose_backup or self._choose_backup_in_dialog
        self.guard = FileGuard(backups, self)
        self.guard.changed_outside.connect(self._reload_read_only)
        self.guard.became_read_only.connect(self._taken_over)
        self.guard.backup_failed.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self.preferences = AppSettings(settings)
        self._open_plan = open_plan
        self._create_plan = create_plan
        self._today = today
        self._confirm = confirm
        self._ask = ask_progress
        self._recent = RecentFiles(settings)
        self.store: OpenPlan | None = None
        self.session: PlanSession | None = None
        self.editor: PlanEditor | None = None
        self._print_setup: PrintSetup | None = None
        # Others' changes to a plan on a server, and how long to wait between tries when it goes.
        self.live: LiveLink | None = None
        self._reconnect = reconnect
        self.offline: str | None = None  # why the server of the open plan cannot be reached
        self.help_window: HelpWindow | None = None  # the user guide, once opened

        self.navigator_model = NavigatorModel()
        self.navigator = QTreeView()
        self.navigator.setObjectName("navigator")
        self.navigator.setModel(self.navigator_model)
        self.navigator.setHeaderHidden(True)
        self.navigator.setUniformRowHeights(True)
        # Cut at the end: what tells rows apart (a plan's year, a unit's short name) comes first.
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigator.selectionModel().currentChanged.connect(self._navigated)
        self.placeholder = QLabel(_("Open or create a plan file (File menu)."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.placeholder)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 1150])
        # Above everything while the server of a shared plan cannot be reached.
        self.offline_banner = QLabel()
        self.offline_banner.setObjectName("offline_banner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.setStyleSheet(
            "QLabel#offline_banner { background: #fff3cd; color: #664d03; padding: 6px 10px;"
            " border-bottom: 1px solid #e0c97a; }"
        )
        self.offline_banner.hide()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.offline_banner)
        central_layout.addWidget(self.splitter, 1)
        # With no plan open: ways to start instead of an empty tree.
        self.welcome = WelcomePage()
        self.welcome.open_demo.connect(self._open_demo)
        self.welcome.new_plan.connect(lambda: self._new_file(False))
        self.welcome.import_plan.connect(lambda: self._import_into_new_file())
        self.welcome.choose_file.connect(self._choose_file)
        self.welcome.open_path.connect(self.open_file)
        central_layout.addWidget(self.welcome, 1)
        self.setCentralWidget(central)

        self._file_label = QLabel()
        self._counts_label = QLabel()
        self.role_label = QLabel()  # the user's role on a plan shared on a server
        self.role_label.setObjectName("role_label")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.statusBar().addWidget(self._file_label, 1)
        self.statusBar().addPermanentWidget(self.role_label)
        self.statusBar().addPermanentWidget(self._counts_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_menus()
        self.setAcceptDrops(True)  # an Excel plan dropped on the window is imported
        self._restore_layout()
        self._update_title()
        self._show_welcome(True)

    @property
    def print_setup(self) -> PrintSetup:
        """The paper the user chose, for every print of the session (printing loads at the first use)."""
        if self._print_setup is None:
            from dxplanner.ui.printing import PrintSetup

            self._print_setup = PrintSetup()
        return self._print_setup

    # Opening and creating plan files.

    def open_file(self, path: PlanLocation, read_only: bool = False) -> bool:
        """Open the plan file at path (or the plan at a postgresql:// URL) in this window; say why
        when it cannot be opened.

        A file another window or user has open for editing is opened read-only, or taken over, as
        the user answers.
        """
        try:
            try:
                store = self._open_plan(path, read_only=read_only)
            except FileLockedError as locked:
                answer = self._ask_locked(locked)
                if answer is LockAnswer.CANCEL:
                    return False
                store = self._open_plan(
                    path, read_only=answer is LockAnswer.READ_ONLY, take_over=answer is LockAnswer.ANYWAY
                )
        except DomainError as error:
            show_problem(self, _("Cannot open the plan file"), error.message)
            if not isinstance(error, FileLockedError) and isinstance(path, Path):
                self._recent.remove(path)
                self._refresh_recent_menu()
            return False
        self._close_store()
        session = PlanSession(store, self, self.preferences.date_style())
        self._show_plan(store, session)
        if isinstance(path, Path):  # the recent files and the next start are files'
            self._recent.add(path)
            self._settings.setValue("last_file", str(path.resolve()))
            self._refresh_recent_menu()
        self.navigator.expandToDepth(1)
        self._select_latest_plan()
        # A plan on a server has no file to watch, lock or back up: the server keeps it.
        self.guard.watch(None if is_shared(store) else store)
        self._listen(store, session)
        self._show_saved()
        if store.notice:
            self.statusBar().showMessage(store.notice)
            show_problem(self, _("Plan file"), store.notice)
        return True

    def finish_typing(self) -> None:
        """A cell or field being typed in takes what was typed, as leaving it does (before the
        window goes: the edit is saved, and the views handed on show it)."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()

    def hand_over(self) -> HeldPlan | None:
        """Let go of the open plan without closing it, for the window built again in another
        language; remember the layout. None when no plan is open."""
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        if self.store is None or self.session is None:
            return None
        self._save_sheet_layout()
        self.guard.watch(None)
        held = HeldPlan(self.store, self.session, self.live, self.offline)
        if self.live is not None:
            for signal in (self.live.changed, self.live.lost, self.live.back):
                disconnect_all(signal)  # this window's receivers: the new window connects its own
        self.store, self.session, self.live = None, None, None
        return held

    def take_over(self, held: HeldPlan) -> None:
        """Show a plan another window let go of, as it stands: same store, undo history, server link;
        read-only or offline as it was. What the old window showed is put back by ui.view_state."""
        held.session.serve(self, self.preferences.date_style())
        self._show_plan(held.store, held.session)
        store = held.store
        self.guard.watch(None if is_shared(store) else store, opened=False)
        self._listen(store, held.session, held.live)
        self._show_saved()
        if held.offline is not None:
            self._show_offline(held.offline)

    def _show_plan(self, store: OpenPlan, session: PlanSession) -> None:
        """Build the editor and the navigator of an open plan."""
        self.store = store
        self.session = session
        self.session.changed.connect(self._on_change)
        self.session.changed.connect(lambda _change: self._show_saved())
        self.session.permissions_changed.connect(self._show_role)
        self._show_role()
        self.editor = PlanEditor(
            self.session, self.preferences, self._today, self._confirm, self._ask, self.select
        )
        # The sheet says its counts once it shows a plan: till then, none (not the last file's).
        self._counts_label.clear()
        self.editor.sheet.counts_changed.connect(self._show_counts)
        self.editor.sheet.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        old = self.splitter.widget(1)
        self.splitter.replaceWidget(1, self.editor)
        if old is not None and old is not self.placeholder:
            old.deleteLater()
        self._show_welcome(False)
        self._connect_edit_menu()
        self._restore_sheet_layout()
        self.navigator_model.rebuild(store)
        self._update_title()

    def _close_store(self) -> None:
        self.guard.watch(None)
        if self.live is not None:
            self.live.stop()
            self.live = None
        self._show_online()
        if self.store is not None:
            self._save_sheet_layout()
            self.store.close()
        self.store = self.session = None

    def close_file(self) -> None:
        """File > Close: put the file away (its lock too) and show the empty window."""
        if self.store is None:
            return
        self._close_store()
        old = self.splitter.widget(1)
        if old is not self.placeholder:
            self.splitter.replaceWidget(1, self.placeholder)
            if old is not None:
                old.deleteLater()
        self.editor = None
        self.navigator_model.rebuild(None)
        self._connect_edit_menu()
        self._counts_label.clear()
        self.role_label.clear()
        self._show_saved()
        self._update_title()
        # Closed on purpose: the next start shows the welcome page, not this file again.
        self._settings.remove("last_file")
        self._show_welcome(True)

    def _show_welcome(self, shown: bool, note: str | None = None) -> None:
        """Show the welcome page (no plan open) or the navigator and the plan's editor."""
        self.welcome.show_note(note)
        if shown:
            self.welcome.show_recent(self._recent.paths())
            if self.splitter.isVisible():  # a file closed: its navigator's width is kept for the next
                self._settings.setValue("window/splitter", self.splitter.saveState())
        self.welcome.setVisible(shown)
        self.splitter.setVisible(not shown)
        for action in self._plan_actions:
            action.setEnabled(not shown)
        # Its every item adds to the open plan: greyed as a whole, as Edit and Chart are.
        self.insert_menu.setEnabled(not shown)
        if shown:
            self.welcome.first_button().setFocus()

    def show_start_note(self, note: str) -> None:
        """Say on the welcome page why the file used last is not open."""
        if self.store is None:
            self._show_welcome(True, note)

    def _open_demo(self) -> None:
        """The welcome page's demo: an unedited copy (made the first time), never the user's files."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = self._demo()
        except DomainError as error:
            show_problem(self, _("Cannot open the demo"), error.message)
            return
        except OSError as error:
            show_problem(
                self,
                _("Cannot open the demo"),
                _("Cannot make a copy of the demo plan: {reason}").format(reason=error.strerror or error),
            )
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.open_file(path)

    def _import_into_new_file(self, workbook: Path | None = None) -> None:
        """The welcome page's import (or a workbook dropped on it): the workbook becomes a new plan
        file, named after it, in the user's documents (where a new user looks), then the usual preview."""
        folder = self._documents()
        if workbook is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                _("Import an Excel plan"),
                str(folder),
                _("Excel workbooks (*.xlsx *.xlsm);;All files (*)"),
            )
            if not chosen:
                return
            workbook = Path(chosen)
        target = free_plan_path(folder, workbook.stem)
        try:
            self._create_plan(target, False)
        except DomainError as error:
            show_problem(self, _("Cannot create the plan file"), error.message)
            return
        if not self.open_file(target) or self.import_workbook(workbook):
            return
        # Nothing imported: an empty file made for it would only puzzle; the page is back as it was.
        self.close_file()
        discard_plan_file(target)
        self._recent.remove(target)
        self._refresh_recent_menu()
        self.statusBar().showMessage(_("Nothing was imported, and no plan file was made."), 10_000)

    def _show_role(self) -> None:
        """Say, for a plan on a server, what the user's role there is."""
        allowed = self.session.permissions if self.session is not None else None
        if allowed is None or not allowed.shared:
            self.role_label.clear()
            return
        self.role_label.setText(_("Your role: {role}").format(role=allowed.role_words))

    # Others' changes, and a server that goes away.

    def _listen(self, store: OpenPlan, session: PlanSession, link: LiveLink | None = None) -> None:
        """Hear other users' changes to a plan on a server (a plan file has no other writers);
        link: the one another window listened with (handed on, it keeps listening)."""
        if not is_shared(store):
            return
        handed = link is not None
        if link is None:
            link = LiveLink(store, self._reconnect, self)
        link.setParent(self)
        self.live = link

        # Queued from the listener's thread; a link put away already (the plan closed) is not heard.
        def changed(change: DataChange) -> None:
            if link is self.live:
                session.apply_remote(change)

        def lost(reason: str) -> None:
            if link is self.live:
                self._show_offline(reason)

        def back() -> None:
            if link is self.live:
                self._show_online(announce=True)

        link.changed.connect(changed)
        link.lost.connect(lost)
        link.back.connect(back)
        session.connection_lost.connect(link.connection_failed)
        if handed:
            return
        link.start()
        if not announces_changes(store):
            self.statusBar().showMessage(
                _(
                    "This server does not announce changes yet: others' changes show when the plan is "
                    "opened again. Its administrator turns them on with “dxplanner server init {where}”."
                ).format(where=plan_location(store)),
                20_000,
            )

    def _show_offline(self, reason: str) -> None:
        """Say the server is away; what is on screen stays, read-only, until it is back."""
        self.offline = reason
        where = plan_location(self.store) if self.store is not None else ""
        self.offline_banner.setText(
            _(
                "Offline: cannot reach the server {where}. What you see stays on screen, read-only: "
                "changes cannot be saved until the server is back. dxplanner reconnects by itself."
            ).format(where=where)
        )
        # The driver's own words are long and technical: there for whoever needs them.
        self.offline_banner.setToolTip(reason)
        self.offline_banner.show()
        # Another plan or page would have to be read from the server: stay on what is shown.
        self.navigator.setEnabled(False)
        if self.editor is not None:
            self.editor.set_offline(True)
        self.saved_label.setText(_("Offline: changes cannot be saved"))

    def _show_online(self, announce: bool = False) -> None:
        """The server answers (again): editing is allowed, and the views read everything afresh."""
        was_offline = self.offline is not None
        self.offline = None
        self.offline_banner.hide()
        self.offline_banner.clear()
        self.offline_banner.setToolTip("")
        self.navigator.setEnabled(True)
        if self.editor is not None:
            self.editor.set_offline(False)
        self._show_saved()
        if announce and was_offline and self.store is not None:
            self.statusBar().showMessage(
                _("Connected to {where} again: the plan shows every change made meanwhile.").format(
                    where=plan_name(self.store)
                ),
                10_000,
            )

    def _show_saved(self) -> None:
        """The word in the status bar that says the file keeps every change."""
        if self.store is None:
            self.saved_label.clear()
        elif self.offline is not None:
            self.saved_label.setText(_("Offline: changes cannot be saved"))
        elif self.store.read_only:
            self.saved_label.setText(_("Read-only: changes cannot be made"))
        else:
            self.saved_label.setText(
                _("All changes saved ({time})").format(time=datetime.datetime.now().strftime("%H:%M"))
            )

    def _say_saved(self) -> None:
        """Ctrl+S: there is nothing to save, and the user is told why."""
        if self.store is None:
            return
        if self.store.read_only:
            message = _("{name} is open read-only: nothing can be saved to it. Use File > Save a copy as….")
        else:
            message = _("Every change is saved to {name} as it is made: there is nothing left to save.")
        self.statusBar().showMessage(message.format(name=plan_name(self.store)), 8000)

    def _save_copy(self) -> None:
        if self.store is None:
            return
        if is_shared(self.store):
            self._save_copy_of_shared(self.store)
            return
        source = self.store.path
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save a copy as"),
            str(source.with_name(f"{source.stem} ({_('copy')}){PLAN_SUFFIX}")),
            _("Plan files (*{suffix})").format(suffix=PLAN_SUFFIX),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix != PLAN_SUFFIX:
            target = target.with_name(target.name + PLAN_SUFFIX)
        try:
            save_copy(source, target)
        except DomainError as error:
            show_problem(self, _("Cannot save the copy"), error.message)
            return
        self.statusBar().showMessage(
            _("Saved a copy as {path}; this window goes on with {name}.").format(
                path=target, name=source.name
            ),
            10_000,
        )

    def _save_copy_of_shared(self, store: OpenPlan) -> None:
        """A plan on a server is saved as a new plan file holding all of it."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save a copy as"),
            str(folder_for_files(store) / f"{store.path.name}{PLAN_SUFFIX}"),
            _("Plan files (*{suffix})").format(suffix=PLAN_SUFFIX),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix != PLAN_SUFFIX:
            target = target.with_name(target.name + PLAN_SUFFIX)
        from dxplanner.services.shared import copy_plan  # the server's tools: loaded when first used

        try:
            copy_plan(plan_location(store), target)
        except DomainError as error:
            show_problem(self, _("Cannot save the copy"), error.message)
            return
        self.statusBar().showMessage(
            _("Saved a copy as {path}; this window goes on with {name}.").format(
                path=target, name=plan_name(store)
            ),
            10_000,
        )

    def _restore_from_backup(self) -> None:
        shelf = self.guard.shelf
        if self.store is None or shelf is None:
            return
        if is_shared(self.store):
            show_problem(
                self,
                _("Cannot restore"),
                _(
                    "{name} is kept on a PostgreSQL server: its backups are the server's, made and "
                    "restored by its administrator."
                ).format(name=plan_name(self.store)),
            )
            return
        path = self.store.path
        if self.store.read_only:
            show_problem(
                self,
                _("Cannot restore"),
                _("{name} is open read-only here, so it cannot be restored.").format(name=path.name),
            )
            return
        chosen = self._choose_backup(shelf.backups_of(path), path.name)
        if chosen is None:
            return
        question = _(
            "Replace {name} with the backup taken {taken}? The file as it is now is kept as one more "
            "backup, and the undo history starts again."
        ).format(name=path.name, taken=chosen.taken.strftime("%d/%m/%Y %H:%M"))
        if not (self._confirm or self._confirm_with_a_box)(question):
            return
        try:
            verify_lock(self.store)
        except DomainError as error:
            show_problem(self, _("Cannot restore"), error.message)
            return
        # Every connection is closed first; the file is opened again on what was restored.
        self._close_store()
        try:
            kept = restore_backup(shelf, chosen, path)
        except DomainError as error:
            self.open_file(path)
            show_problem(self, _("Cannot restore"), error.message)
            return
        self.open_file(path)
        self.statusBar().showMessage(
            _(
                "Restored the backup taken {taken}; the file as it was is kept as the backup of {kept}."
            ).format(
                taken=chosen.taken.strftime("%d/%m/%Y %H:%M"), kept=kept.taken.strftime("%d/%m/%Y %H:%M")
            ),
            15_000,
        )

    def _confirm_with_a_box(self, question: str) -> bool:
        answer = QMessageBox.question(self, "dxplanner", question)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_backup_in_dialog(self, backups: list[Backup], file_name: str) -> Backup | None:
        from dxplanner.ui.backup_dialog import choose_backup

        return choose_backup(self, backups, file_name)

    def _reload_read_only(self) -> None:
        """The writer of a file open read-only here saved changes: show them."""
        if self.store is None or not self.store.read_only:
            return
        key = self.current_key()
        task = self.editor.sheet.current_task() if self.editor is not None else None
        if self.open_file(self.store.path, read_only=True):
            if key is not None and self.navigator_model.find(key).isValid():
                self.select(key)
            if (
                task is not None
                and self.editor is not None
                and self.editor.sheet.model.node(task) is not None
            ):
                self.editor.sheet.select_task(task)
            self.statusBar().showMessage(
                _("The file was changed in another window; showing its changes."), 5000
            )

    def _taken_over(self) -> None:
        """Another window opened this file anyway: this one shows it read-only from now on."""
        if self.session is not None:
            self.session.undo_stack.clear()
            self.session.undo_stack.setClean()
        self._update_title()
        self._show_saved()

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
            show_problem(self, _("Cannot create the plan file"), error.message)
            return
        self.open_file(path)

    def _choose_file(self) -> None:
        start = str(folder_for_files(self.store))
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open plan file"),
            start,
            _("Plan files (*{suffix});;All files (*)").format(suffix=PLAN_SUFFIX),
        )
        if chosen:
            self.open_file(Path(chosen))

    # Navigation.

    def select(self, key: NodeKey) -> None:
        """Select a navigator row (and open its editor)."""
        index = self.navigator_model.find(key)
        if index.isValid():
            self.navigator.setCurrentIndex(index)
            self.navigator.scrollTo(index)

    def current_key(self) -> NodeKey | None:
        """What the navigator has selected."""
        return self.navigator_model.key(self.navigator.currentIndex())

    def _select_latest_plan(self) -> None:
        plans = [key for key in self.all_keys() if key.kind is NodeKind.PLAN]
        if plans:
            self.select(plans[-1])

    def all_keys(self) -> list[NodeKey]:
        """Every row of the navigator, level by level."""
        keys = []
        pending = [self.navigator_model.index(row, 0) for row in range(self.navigator_model.rowCount())]
        while pending:
            index = pending.pop(0)
            key = self.navigator_model.key(index)
            if key is not None:
                keys.append(key)
            pending.extend(
                self.navigator_model.index(row, 0, index)
                for row in range(self.navigator_model.rowCount(index))
            )
        return keys

    def _navigated(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.editor is not None:
            self.editor.show_node(self.navigator_model.key(current))
            # The counts are the sheet's: they leave the status bar with it (the dashboard has its own).
            self._counts_label.setVisible(self.editor.stack.currentWidget() is self.editor.plan_page)

    def _on_change(self, change: DataChange) -> None:
        if change.touches(*NAVIGATOR_TABLES):
            current = self.current_key()
            expanded = {
                key for key in self.all_keys() if self.navigator.isExpanded(self.navigator_model.find(key))
            }
            self.navigator.selectionModel().blockSignals(True)
            self.navigator_model.rebuild(self.store)
            for key in expanded:
                self.navigator.expand(self.navigator_model.find(key))
            if (
                current is not None
                and current.group is not None
                and not self.navigator_model.find(current).isValid()
            ):
                # The last record of a part of the estate moved to another: the whole list keeps it in sight.
                current = NodeKey(current.kind)
                if self.editor is not None:
                    self.editor.show_node(current)
            if current is not None and self.navigator_model.find(current).isValid():
                self.navigator.setCurrentIndex(self.navigator_model.find(current))
            self.navigator.selectionModel().blockSignals(False)
            if (
                current is not None
                and not self.navigator_model.find(current).isValid()
                and self.editor is not None
            ):
                self.editor.show_node(None)

    def _show_counts(self, shown: int, late: int) -> None:
        self._counts_label.setText(_("{shown} tasks shown, {late} late").format(shown=shown, late=late))

    # Adding records from the Insert menu.

    def _insert(self, what: NodeKind) -> None:
        from dxplanner.services import new_records

        session = self.session
        if session is None:
            return
        key = self.current_key()
        strategy = self._strategy_of(key)
        today = self._today()
        changes = None
        if what is NodeKind.STRATEGY:
            unit = self._some_unit()
            changes = session.run(_("New strategy"), lambda plan: new_records.new_strategy(plan, unit, today))
        elif what is NodeKind.PLAN:
            unit = self._some_unit()
            changes = session.run(
                _("New action plan"), lambda plan: new_records.new_action_plan(plan, unit, strategy, today)
            )
        elif what is NodeKind.GOAL and strategy is not None:
            parent = key.id if key is not None and key.kind is NodeKind.GOAL else None
            changes = session.run(_("New goal"), lambda plan: new_records.new_goal(plan, strategy, parent))
        elif what is NodeKind.INDICATOR and key is not None and key.kind in (NodeKind.GOAL, NodeKind.SEDP):
            goal = key.id if key.kind is NodeKind.GOAL else None
            sedp = key.id if key.kind is NodeKind.SEDP else None
            changes = session.run(
                _("New indicator"), lambda plan: new_records.new_indicator(plan, goal_id=goal, sedp_id=sedp)
            )
        elif what is NodeKind.SEDP:
            unit = self._some_unit()
            changes = session.run(
                _("New socio-economic plan"), lambda plan: new_records.new_sedp(plan, unit, today)
            )
        elif what is NodeKind.UNIT:
            parent_unit = key.id if key is not None and key.kind is NodeKind.UNIT else None
            changes = session.run(_("Add unit"), lambda plan: new_records.new_unit(plan, parent_unit))
        else:
            show_problem(self, _("Nothing to add here"), _("Select a goal or a socio-economic plan first."))
        if changes is not None and changes.id is not None:
            self.select(NodeKey(what, changes.id))

    def _strategy_of(self, key: NodeKey | None) -> int | None:
        index = self.navigator.currentIndex()
        while index.isValid():
            found = self.navigator_model.key(index)
            if found is not None and found.kind is NodeKind.STRATEGY:
                return found.id
            index = index.parent()
        strategies = [each.id for each in self.all_keys() if each.kind is NodeKind.STRATEGY]
        return strategies[-1] if strategies else None

    def _some_unit(self) -> int | None:
        """A unit to start a new record with: the first one, or one made on the spot."""
        from dxplanner.services import new_records, records

        if self.store is None or self.session is None:
            return None
        names = records.unit_names(self.store)
        if names:
            return names[0].id
        changes = self.session.run(_("Add unit"), new_records.own_agency)
        return changes.id if changes else None

    # Menus, title and layout.

    def _build_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(_("&File"))
        self._add_action(file_menu, _("&New…"), QKeySequence.StandardKey.New, lambda: self._new_file(False))
        self._add_action(file_menu, _("New with the &demo plan…"), None, lambda: self._new_file(True))
        self._add_action(file_menu, _("&Open…"), QKeySequence.StandardKey.Open, self._choose_file)
        self.recent_menu = file_menu.addMenu(_("Open &Recent"))
        self._needs_plan(
            self._add_action(file_menu, _("&Save"), QKeySequence.StandardKey.Save, self._say_saved)
        )
        self._needs_plan(self._add_action(file_menu, _("Save a &copy as…"), None, self._save_copy))
        self._needs_plan(
            self._add_action(file_menu, _("Restore from &backup…"), None, self._restore_from_backup)
        )
        self._needs_plan(
            self._add_action(file_menu, _("&Close"), QKeySequence.StandardKey.Close, self.close_file)
        )
        file_menu.addSeparator()
        # Import: a plan table from Excel, an architecture document (the estate) from an ArchiMate tool.
        self.import_menu = import_menu = file_menu.addMenu(_("&Import"))
        self._needs_plan(self._add_action(import_menu, _("&Excel plan…"), None, self._import_excel))
        self.import_architecture_action = self._needs_plan(
            self._add_action(import_menu, _("&Architecture (ArchiMate)…"), None, self._import_architecture)
        )
        self._add_action(file_menu, _("New Excel plan from the &template…"), None, self._save_excel_template)
        self._needs_plan(self._add_action(file_menu, _("&Export data workbook…"), None, self._export_data))
        self._needs_plan(self._add_action(file_menu, _("Progress &report…"), None, self._make_report))
        self._needs_plan(
            self._add_action(file_menu, _("Send progress &forms…"), None, self._send_progress_forms)
        )
        self.collect_forms_action = self._needs_plan(
            self._add_action(file_menu, _("Co&llect progress forms…"), None, self._collect_progress_forms)
        )
        file_menu.addSeparator()
        self._needs_plan(
            self._add_action(
                file_menu, _("&Print the task sheet…"), QKeySequence.StandardKey.Print, self._print_sheet
            )
        )
        self._needs_plan(self._add_action(file_menu, _("Print the &Gantt chart…"), None, self._print_chart))
        self._add_action(file_menu, _("Page set&up…"), None, lambda: self.print_setup.page_setup(self))
        file_menu.addSeparator()
        self._add_action(file_menu, _("&Settings…"), None, self._edit_settings)
        file_menu.addSeparator()
        self._add_action(file_menu, _("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.chart_menu = self.menuBar().addMenu(_("&Chart"))
        self.view_menu = self.menuBar().addMenu(_("&View"))
        self.map_action = self._needs_plan(
            self._add_action(self.view_menu, _("Estate &map"), None, self._toggle_estate_map)
        )
        self.map_action.setShortcut(QKeySequence("F8"))
        self.map_action.setToolTip(
            _("Show the estate map: systems, platforms, data sharing and services (F8)")
        )
        self.insert_menu = insert_menu = self.menuBar().addMenu(_("&Insert"))
        for kind, text in (
            (NodeKind.STRATEGY, _("New &strategy")),
            (NodeKind.PLAN, _("New action &plan")),
            (NodeKind.GOAL, _("New &goal")),
            (NodeKind.INDICATOR, _("New &indicator")),
            (NodeKind.SEDP, _("New socio-&economic plan")),
            (NodeKind.UNIT, _("New &unit")),
        ):
            self._needs_plan(self._add_action(insert_menu, text, None, partial(self._insert, kind)))
        self.help_menu = help_menu = self.menuBar().addMenu(_("&Help"))
        self.guide_action = self._add_action(help_menu, _("&User guide"), None, self.show_guide)
        self.context_help_action = self._add_action(
            help_menu, _("&Help on this screen"), QKeySequence.StandardKey.HelpContents, self.help_on_screen
        )
        self._add_action(help_menu, _("&Keyboard shortcuts"), None, self._show_shortcuts)
        help_menu.addSeparator()
        self._add_action(help_menu, _("&About dxplanner"), None, self._show_about)
        # F1 in a dialog (the import preview, the report): the window's own F1 does not reach there.
        # Set up once the window has painted: the guide's module need not delay the first paint.
        self._context_help: ContextHelp | None = None
        self.installEventFilter(_AfterFirstPaint(self, self._watch_dialogs_for_help))
        self._refresh_recent_menu()
        self._connect_edit_menu()

    def _connect_edit_menu(self) -> None:
        menu = self.edit_menu
        menu.clear()
        self.chart_menu.clear()
        self.chart_menu.setEnabled(self.editor is not None)
        if self.editor is not None:
            for action in self.editor.sheet.chart_actions.values():
                self.chart_menu.addAction(action)
        if self.session is None or self.editor is None:
            menu.setEnabled(False)
            return
        menu.setEnabled(True)
        undo = self.session.undo_stack.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, _("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        menu.addAction(undo)
        menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        menu.addSeparator()
        # The sheet takes Ctrl+C and Ctrl+V itself (a cell being typed in keeps its own): the menu
        # only names the keys, so that a user who does not know them finds the rows' copy and paste.
        sheet = self.editor.sheet
        for text, keys, slot in (
            (_("&Copy rows"), "Ctrl+C", sheet.copy),
            (_("&Paste rows"), "Ctrl+V", sheet.paste),
        ):
            self._add_action(
                menu,
                f"{text}\t{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}",
                None,
                slot,
            )
        menu.addSeparator()
        for action in self.editor.sheet.actions_by_name.values():
            menu.addAction(action)
        menu.addSeparator()
        find = self._add_action(menu, _("&Find…"), QKeySequence.StandardKey.Find, self._focus_search)
        find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _watch_dialogs_for_help(self) -> None:
        from dxplanner.ui.help_window import ContextHelp

        if self._context_help is None:
            self._context_help = ContextHelp(self, self.show_help)

    def show_guide(self) -> None:
        """Open the user guide at its first page."""
        from dxplanner.ui.help_window import HOME

        self.show_help(HOME)

    def _show_shortcuts(self) -> None:
        from dxplanner.ui.help_window import SHORTCUTS

        self.show_help(SHORTCUTS)

    def _show_about(self) -> None:
        from dxplanner.ui.about import show_about

        show_about(self)

    def show_help(self, topic: str, over: QWidget | None = None) -> None:
        """Open the user guide, in the window's language, at a topic ("progress.md#sheet")."""
        from dxplanner.ui.help_window import HelpWindow  # loaded when the guide is first opened

        if over is not None and over.window() is not self:
            # A modal dialog blocks the other windows: its help is a window of its own, in front of it.
            dialog = over.window()
            guide = dialog.findChild(HelpWindow) or HelpWindow(self._settings, current_language(), dialog)
            guide.show_topic(topic)
            return
        if self.help_window is None:  # a change of language rebuilds the main window, and this with it
            self.help_window = HelpWindow(self._settings, current_language(), self)
        self.help_window.show_topic(topic)

    def help_on_screen(self) -> None:
        """F1: the guide at the part about the screen in use (the widget with focus, else the page shown)."""
        shown = self.editor.stack.currentWidget() if self.editor is not None else None
        if self.editor is not None and shown is self.editor.plan_page:
            shown = self.editor.sheet  # the focus in the navigator, a plan shown: its sheet
        from dxplanner.ui.help_window import HOME, topic_of

        key = self.current_key()
        unit_page = key is not None and key.kind is NodeKind.UNIT and shown is not None
        topic = topic_of(QApplication.focusWidget()) or topic_of(shown) or ("units.md" if unit_page else HOME)
        self.show_help(topic)

    def _toggle_estate_map(self) -> None:
        if self.editor is not None:
            self.editor.toggle_estate_map(self.current_key())

    def _focus_search(self) -> None:
        if self.editor is not None:
            self.editor.sheet.search.setFocus()
            self.editor.sheet.search.selectAll()

    # Excel.

    def _import_excel(self) -> None:
        from dxplanner.ui.excel_import.actions import choose_and_import  # loaded at the first import

        choose_and_import(
            self, self.session, self._today(), self.preferences.date_style().python, self._imported
        )

    def _import_architecture(self) -> None:
        from dxplanner.ui.estate_import_dialog import choose_and_import_architecture

        choose_and_import_architecture(self, self.session)

    def import_workbook(self, path: Path) -> bool:
        """Preview and import an Excel plan table into the open file."""
        from dxplanner.ui.excel_import.actions import import_workbook

        return import_workbook(
            self, self.session, path, self._today(), self.preferences.date_style().python, self._imported
        )

    def _save_excel_template(self) -> None:
        from dxplanner.ui.excel_import.actions import save_template

        save_template(self)

    def _imported(self, said: str, shown: NodeKey) -> None:
        """Say what an import wrote, and show it (a new plan may sit in a folded branch)."""
        self.select(shown)
        self.statusBar().showMessage(said, 20_000)

    def _export_data(self) -> None:
        from dxplanner.ui.data_exchange import export_data

        export_data(self, self.session)

    def _print_sheet(self) -> None:
        if self.editor is None:
            show_problem(self, _("Print"), _("Open or create a plan file first (File menu)."))
            return
        self.editor.sheet.print_sheet(self.print_setup)

    def _print_chart(self) -> None:
        if self.editor is None:
            show_problem(self, _("Print"), _("Open or create a plan file first (File menu)."))
            return
        self.editor.sheet.print_chart(self.print_setup)

    def _make_report(self) -> None:
        from dxplanner.ui.report_action import make_report

        make_report(self, self.session, self._today(), self.preferences.date_style())

    def _send_progress_forms(self) -> None:
        from dxplanner.ui.progress_forms_action import send_progress_forms

        send_progress_forms(self, self.session, self._today(), self.preferences.date_style())

    def _collect_progress_forms(self) -> None:
        from dxplanner.ui.collect_forms_dialog import collect_progress_forms

        collect_progress_forms(self, self.session, self._today())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_workbook(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_workbook(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            # After the drop returns: a modal dialog inside the drop would hold the drag source.
            # On the welcome page there is no plan to import into: it gets one, as its button does.
            QTimer.singleShot(
                0,
                lambda: (
                    self.import_workbook(path) if self.store is not None else self._import_into_new_file(path)
                ),
            )

    def _edit_settings(self) -> None:
        dialog = SettingsDialog(self.preferences, self)
        if dialog.exec():
            language, date_format = dialog.chosen()
            self.preferences.save(language, date_format)
            self.settings_changed.emit()

    def _add_action(
        self, menu: QMenu, text: str, shortcut: QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _needs_plan(self, action: QAction) -> QAction:
        """Mark an action that works on the open plan: disabled while the welcome page shows."""
        self._plan_actions.append(action)
        return action

    def _refresh_recent_menu(self) -> None:
        if self.store is None:
            self.welcome.show_recent(self._recent.paths())
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
            self._file_label.clear()
            return
        read_only = " " + _("[read-only]") if self.store.read_only else ""
        self.setWindowTitle(f"{plan_name(self.store)}{read_only} — dxplanner")
        where = plan_location(self.store)
        self.setWindowFilePath(str(where) if isinstance(where, Path) else "")
        self._file_label.setText(str(where))

    def _restore_layout(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            # Never taller or wider than the screen (1366 x 768 laptops are common): the status bar,
            # which says whether changes are saved, must stay in sight.
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            width = min(1920, screen.width()) if screen is not None else 1440
            height = min(1080, screen.height() - 40) if screen is not None else 860
            self.resize(width, height)
        splitter = self._settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _restore_sheet_layout(self) -> None:
        if self.editor is None:
            return
        # A first start: the navigator, the sheet with its chart, and the details as the width allows.
        navigator, details = first_layout(self.width())
        if not isinstance(self._settings.value("window/splitter"), QByteArray):
            self.splitter.setSizes([navigator, max(self.width() - navigator, 1)])
        if not isinstance(self._settings.value("window/plan_splitter"), QByteArray):
            # Before the page is laid out, its width is the window's less the navigator's.
            self.editor.show_details(bool(details), details, self.width() - navigator)
        columns = self._settings.value("window/sheet_columns")
        if isinstance(columns, QByteArray):
            self.editor.sheet.header_view().restoreState(columns)
        plan_splitter = self._settings.value("window/plan_splitter")
        if isinstance(plan_splitter, QByteArray):
            self.editor.plan_page.restoreState(plan_splitter)
            # restoreState moves no handle, so the button is told: else it shows pressed over folded details.
            self.editor.sync_details_button()
        self.editor.chart_wanted = bool(self._settings.value("window/chart", True, type=bool))
        without_chart = self._settings.value("window/hidden_without_chart")
        if self.editor.chart_wanted and isinstance(without_chart, str):
            # The header was remembered beside the chart: the table alone shows what it showed last.
            names = set(without_chart.split(","))
            self.editor.sheet.hide_without_chart([column for column in SheetColumn if column.name in names])
        chart_layout = self._settings.value("window/chart_splitter")
        if isinstance(chart_layout, QByteArray):
            self.editor.chart_layout = chart_layout

    def _save_sheet_layout(self) -> None:
        if self.editor is not None:
            self._settings.setValue("window/sheet_columns", self.editor.sheet.header_view().saveState())
            self._settings.setValue("window/plan_splitter", self.editor.plan_page.saveState())
            # Before the chart is built (a file closed at once), the choice is still the remembered one.
            built = self.editor.sheet.chart_built()
            shown = self.editor.sheet.chart_shown() if built else self.editor.chart_wanted
            self._settings.setValue("window/chart", shown)
            hidden = self.editor.sheet.hidden_without_chart()
            self._settings.setValue("window/hidden_without_chart", ",".join(column.name for column in hidden))
            if self.editor.sheet.chart_shown():
                self._settings.setValue("window/chart_splitter", self.editor.sheet.split.saveState())

    def put_away(self) -> None:
        """Remember the layout and close the plan file (before closing, or before a rebuilt window opens)."""
        self._settings.setValue("window/geometry", self.saveGeometry())
        if not self.splitter.isHidden():  # behind the welcome page it was never laid out: nothing to keep
            self._settings.setValue("window/splitter", self.splitter.saveState())
        self._close_store()
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.put_away()
        super().closeEvent(event)


def _dropped_workbook(data: QMimeData) -> Path | None:
    """The one Excel workbook being dragged onto the window, if that is what it is."""
    from dxplanner.ui.excel_import.actions import is_workbook

    paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
    return paths[0] if len(paths) == 1 and is_workbook(paths[0]) else None
