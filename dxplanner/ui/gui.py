"""Starting the window: the application object, settings, translations and the error guard."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from dxplanner.core.errors import DomainError
from dxplanner.crash_log import log_unexpected
from dxplanner.i18n import _, current_language, set_language
from dxplanner.paths import AppPaths
from dxplanner.services.files import BackupShelf, PlanLocation, demo_copy, open_plan, start_plan
from dxplanner.services.files import create_plan as create_plan  # File > New's, and the tests'
from dxplanner.ui.app_settings import AppSettings
from dxplanner.ui.errors import show_problem
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.qt_words import QtWords, has_qt_words


class Windows:
    """Keeps the one main window, and builds it again in a newly chosen language on the same file."""

    def __init__(self, app: QApplication, settings: QSettings, paths: AppPaths) -> None:
        self._app = app
        self._settings = settings
        self._paths = paths
        self.current: MainWindow | None = None

    def show(self, plan_path: PlanLocation | None) -> MainWindow:
        """Show a new main window in the chosen language, on plan_path when given."""
        window = self._new_window()
        if plan_path is None:
            # No file named: the one used last, so the user finds their work where they left it;
            # else the welcome page (a first start), saying why when the last file would not open.
            last = self._settings.value("last_file")
            start = start_plan(last if isinstance(last, str) else None)
            if start.path is not None:
                window.open_file(start.path)
            if start.note:
                window.show_start_note(start.note)
        else:
            window.open_file(plan_path)
        self.current = window
        return window

    def _new_window(self) -> MainWindow:
        """A main window in the chosen language, shown, with no plan yet."""
        set_language(AppSettings(self._settings).language())
        _install_qt_translations(self._app)
        data_dir = self._paths.data_dir
        window = MainWindow(
            self._settings,
            open_plan,
            create_plan,
            backups=BackupShelf(self._paths.backup_dir),
            demo=lambda: demo_copy(data_dir),
        )
        window.settings_changed.connect(lambda: self._reopen(window))
        sys.excepthook = _error_guard(window, self._paths)
        window.show()
        return window

    def _reopen(self, old: MainWindow) -> None:
        # The whole window is rebuilt in the newly chosen language (every word of every page is
        # the language's), showing what the old one showed. The open plan is handed over, not
        # closed and opened again: its lock, its server link, its undo history and the reading
        # of the file are kept, and the switch is quick. The new window shows before the old one
        # closes, or closing the last window would end the program.
        from dxplanner.ui.view_state import apply, capture  # what is shown: read only for a switch

        old.finish_typing()
        state = capture(old)
        held = old.hand_over()
        window = self._new_window()
        self.current = window
        if held is not None:
            window.take_over(held)
        old.close()  # with no plan left in it, closing only remembers the layout
        old.deleteLater()  # later: the new sheet takes the old one's reading of the plan first
        apply(window, state)


def run_gui(plan: PlanLocation | None, paths: AppPaths, *, quit_after_first_paint: bool = False) -> int:
    """Show the main window on plan and run until it closes."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("dxplanner")
    app.setOrganizationName("dxplanner")
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    window = Windows(app, settings, paths).show(plan)
    if quit_after_first_paint:
        target: QObject = window
        if window.editor is not None:
            shown = window.editor.stack.currentWidget()
            target = (
                window.editor.sheet.view.viewport() if shown is window.editor.plan_page else shown or window
            )
        _quit_after_first_paint(target, app)
    return app.exec()


def _install_qt_translations(app: QApplication) -> None:
    """Qt's own words (OK, Cancel, Yes) in the chosen language."""
    language = current_language()
    QLocale.setDefault(QLocale(language))
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    elif has_qt_words(language):  # Qt has none in Vietnamese: its buttons said "Yes", "Cancel"
        app.installTranslator(QtWords(language, app))


def _error_guard(window: MainWindow, paths: AppPaths):  # type: ignore[no-untyped-def]
    """An excepthook that logs an unexpected error and tells the user in one sentence."""

    def guard(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if isinstance(error, DomainError):
            # Expected, and said in the user's words (a shared plan's server gone while reading).
            show_problem(window, "dxplanner", error.message)
            return
        message = log_unexpected(error.with_traceback(trace), paths.log_file)
        QMessageBox.critical(window, _("Unexpected error"), message)

    return guard


class _FirstPaint(QObject):
    """Prints when its target is first painted, then quits (for the start-up benchmark)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            # The clock, and the process's CPU time so far (steadier than the clock on a busy machine).
            print(f"first-paint {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def _quit_after_first_paint(target: QObject, app: QApplication) -> None:
    target.installEventFilter(_FirstPaint(app))
