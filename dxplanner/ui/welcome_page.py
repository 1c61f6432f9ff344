"""The welcome page: what the window shows with no plan open (demo, new plan, import, recent files)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dxplanner.i18n import _

# Wide enough for a sentence beside each button, narrow enough to read at a glance on a 1366 px screen.
_COLUMN_WIDTH = 980


class WelcomePage(QScrollArea):
    """Four ways to start, and the recent files; the window does what each asks."""

    open_demo = Signal()
    new_plan = Signal()
    import_plan = Signal()
    choose_file = Signal()
    open_path = Signal(object)  # a Path from the recent files

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")
        self.setProperty("helpTopic", "index.md#start")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        outer = QHBoxLayout(body)
        column = QWidget()
        column.setMaximumWidth(_COLUMN_WIDTH)
        outer.addStretch(1)
        outer.addWidget(column, 10)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        title = QLabel("dxplanner")
        title.setObjectName("welcome_title")
        title.setStyleSheet("QLabel#welcome_title { font-size: 22pt; font-weight: 600; }")
        purpose = QLabel(
            _("Digital-transformation plans of state agencies: tasks, progress, targets and reports.")
        )
        purpose.setWordWrap(True)
        purpose.setStyleSheet("font-size: 12pt;")
        # Why the file used last did not open, instead of opening another one in silence.
        self.note = QLabel()
        self.note.setObjectName("welcome_note")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setStyleSheet(
            "QLabel#welcome_note { background: #fff3cd; color: #664d03; padding: 8px 10px;"
            " border: 1px solid #e0c97a; border-radius: 4px; }"
        )
        self.note.hide()
        layout.addSpacing(24)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addWidget(self.note)
        layout.addSpacing(12)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        starts = QVBoxLayout()
        starts.setSpacing(6)
        self.demo_button = _big_button(
            _("Open the &demo"),
            _("Sample digital-government plans to look around in; your own files stay apart."),
        )
        self.new_button = _big_button(_("&New plan"), _("An empty plan file: type or paste your tasks in."))
        self.import_button = _big_button(
            _("Import an E&xcel plan"),
            _("Choose a workbook: it becomes a new plan file in your documents, named after it."),
        )
        self.open_button = _big_button(_("&Open a file…"), _("A plan file (.dxplan) kept anywhere."))
        for button, signal in (
            (self.demo_button, self.open_demo),
            (self.new_button, self.new_plan),
            (self.import_button, self.import_plan),
            (self.open_button, self.choose_file),
        ):
            button.clicked.connect(signal.emit)
            starts.addWidget(button)
        starts.addStretch(1)
        recent = QVBoxLayout()
        recent.setSpacing(2)
        self.recent_title = QLabel(_("Open &recent"))
        self.recent_title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        recent.addWidget(self.recent_title)
        self._recent_box = QVBoxLayout()
        self._recent_box.setSpacing(0)
        recent.addLayout(self._recent_box)
        recent.addStretch(1)
        self.recent_buttons: list[QPushButton] = []
        self.no_recent = QLabel(_("No plan file opened yet: the files you open are listed here."))
        self.no_recent.setWordWrap(True)
        self.no_recent.setEnabled(False)
        columns.addLayout(starts, 3)
        columns.addLayout(recent, 2)
        layout.addLayout(columns)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_recent([])

    def show_note(self, note: str | None) -> None:
        """Say why no plan is open (the file used last could not be), or nothing."""
        self.note.setText(note or "")
        self.note.setVisible(bool(note))

    def show_recent(self, paths: list[Path]) -> None:
        """List the recent files, each a button; those no longer there are greyed and cannot be chosen."""
        for button in self.recent_buttons:
            self._recent_box.removeWidget(button)
            button.hide()  # deleted only once the event loop turns: till then it must not show
            button.deleteLater()
        self.recent_buttons = []
        self._recent_box.removeWidget(self.no_recent)
        for path in paths:
            button = QPushButton(path.name)
            button.setObjectName("recent_file")
            button.setFlat(True)
            button.setAutoDefault(True)  # Enter opens it, as Space does
            button.setStyleSheet("QPushButton#recent_file { text-align: left; padding: 4px 8px; }")
            if path.exists():
                button.setToolTip(str(path.parent))
                button.clicked.connect(lambda _checked=False, chosen=path: self.open_path.emit(chosen))
            else:
                button.setEnabled(False)
                button.setToolTip(_("{folder}: the file is no longer there").format(folder=path.parent))
            self._recent_box.addWidget(button)
            self.recent_buttons.append(button)
        self.no_recent.setVisible(not paths)
        if not paths:
            self._recent_box.addWidget(self.no_recent)
        # Alt+R goes to the first file that can be opened, or says there is none.
        first = next((button for button in self.recent_buttons if button.isEnabled()), None)
        self.recent_title.setBuddy(first or self.no_recent)

    def first_button(self) -> QPushButton:
        """Where the focus goes when the page shows: the first way to start."""
        return self.demo_button


def _big_button(text: str, description: str) -> QCommandLinkButton:
    """A large button with one line that says what it does; Enter presses it as Space does."""
    button = QCommandLinkButton(text, description)
    button.setAutoDefault(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button
