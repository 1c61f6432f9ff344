"""The user guide in a window of its own: its Markdown pages with their pictures, links, Back and Forward."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QIcon,
    QImage,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QWidget,
)

from dxplanner.i18n import _
from dxplanner.resources import guide_dir

HOME = "index.md"
SHORTCUTS = "shortcuts.md"
# The pages in the order a secretariat meets them; a page not named here comes after, by file name.
PAGE_ORDER = (
    HOME,
    "units.md",
    "import.md",
    "progress.md",
    "report.md",
    "dashboard.md",
    "estate.md",
    SHORTCUTS,
)
# The screen a widget belongs to (by its class or a base class), and the part of the guide about it.
# A widget may name its own with the dynamic property "helpTopic".
TOPICS = {
    "TaskSheet": "progress.md#sheet",
    "DetailsPanel": "progress.md#details",
    "DashboardPage": "dashboard.md#dashboard",
    "EstateMapPage": "estate.md#map",
    "EstatePage": "estate.md#estate",
    "ImportDialog": "import.md#preview",
    "ReportDialog": "report.md#report",
    "FormsDialog": "progress.md#forms-out",
    "CollectFormsDialog": "progress.md#forms-in",
}
# A heading that carries its own anchor, the same in every language: ## <a id="sheet"></a>The sheet
_ANCHORED_HEADING = re.compile(r'^#{1,6}\s*<a (?:id|name)="([^"]+)"></a>\s*(.+?)\s*$', re.MULTILINE)
_ANCHOR_TAG = re.compile(r'<a (?:id|name)="[^"]+"></a>\s*')
# The guide's pictures are screenshots of a 1366-pixel window: shown no wider than this.
_PICTURE_WIDTH = 720


def guide_language(language: str, root: Path | None = None) -> str:
    """The language of the guide to show: the UI's, or English when the guide is not written in it."""
    folder = root or guide_dir()
    return language if (folder / language / HOME).is_file() else "en"


def topic_of(widget: QWidget | None) -> str | None:
    """The part of the guide about the screen a widget is on (its own, else its parents'), if any."""
    while widget is not None:
        named = widget.property("helpTopic")
        if isinstance(named, str) and named:
            return named
        for kind in type(widget).__mro__:
            if kind.__name__ in TOPICS:
                return TOPICS[kind.__name__]
        widget = widget.parentWidget()
    return None


def anchored_headings(markdown: str) -> dict[str, str]:
    """The headings of a page that carry an anchor: their text, and the anchor."""
    return {text: anchor for anchor, text in _ANCHORED_HEADING.findall(markdown)}


class ContextHelp(QObject):
    """F1 in the window's dialogs: the main window's own F1 does not reach a modal dialog."""

    def __init__(self, window: QWidget, show: Callable[[str, QWidget], None]) -> None:
        super().__init__(window)
        self._window = window
        self._show = show
        # Focus moves seldom: a dialog gets its F1 the first time something in it takes the focus.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None:
            return
        dialog = now.window()
        if dialog is self._window or not isinstance(dialog, QDialog) or dialog.property("helpKey"):
            return
        if topic_of(now) is None:
            return
        dialog.setProperty("helpKey", True)
        key = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), dialog)
        key.activated.connect(
            lambda: self._show(topic_of(QApplication.focusWidget()) or topic_of(dialog) or HOME, dialog)
        )


class GuideBrowser(QTextBrowser):
    """Shows a page of the guide; names its headings so that links to page.md#anchor find them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._anchors: dict[str, str] = {}  # the shown page's headings that carry an anchor

    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: N802  (Qt's name)
        name = QUrl(name)
        url = name if not name.isRelative() else self.source().resolved(name)
        if not url.isLocalFile():
            return super().loadResource(type, name)
        path = Path(url.toLocalFile())
        if path.suffix == ".md":
            # Qt's Markdown reader would show "<a id=...>" headings as plain text: they go in without it.
            text = path.read_text(encoding="utf-8")
            self._anchors = anchored_headings(text)
            return _ANCHOR_TAG.sub("", text)
        if type == QTextDocument.ResourceType.ImageResource:
            picture = QImage(str(path))
            if picture.width() > _PICTURE_WIDTH:  # a screenshot of the whole window: shown smaller
                return picture.scaledToWidth(_PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            return picture
        return super().loadResource(type, name)

    def doSetSource(  # noqa: N802  (Qt's name)
        self, name: QUrl | str, type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource
    ) -> None:
        url = QUrl(name)
        super().doSetSource(url, type)
        if url.toLocalFile().endswith(".md"):
            self._name_headings()
            if url.hasFragment():
                # Qt looked for the anchor before the headings had their names: look again.
                self.scroll_to(url.fragment())

    def scroll_to(self, anchor: str) -> None:
        """Show a heading at the top, with the space above it (Qt would cut its top off)."""
        self.scrollToAnchor(anchor)
        bar = self.verticalScrollBar()
        if 0 < bar.value() < bar.maximum():
            bar.setValue(bar.value() - self.fontMetrics().height())

    def _name_headings(self) -> None:
        block = self.document().begin()
        while block.isValid():
            anchor = self._anchors.get(block.text().strip()) if block.blockFormat().headingLevel() else None
            if anchor is not None:
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                named = QTextCharFormat()
                named.setAnchor(True)
                named.setAnchorNames([anchor])
                cursor.mergeCharFormat(named)
            block = block.next()


class HelpWindow(QMainWindow):
    """The guide of one language: the list of its pages beside the page shown, with Back and Forward."""

    def __init__(self, settings: QSettings, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self._settings = settings
        self.language = guide_language(language)
        self.folder = guide_dir() / self.language
        self.setWindowTitle(_("dxplanner user guide"))
        self.browser = GuideBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(True)
        self.browser.sourceChanged.connect(self._show_page_chosen)
        self.browser.sourceChanged.connect(lambda _url: self.setWindowTitle(self._title_now()))
        self.pages = QListWidget()
        self.pages.setObjectName("help_pages")
        for page in self.page_files():
            item = QListWidgetItem(page_title(page))
            item.setData(Qt.ItemDataRole.UserRole, page.name)
            self.pages.addItem(item)
        self.pages.itemActivated.connect(self._page_clicked)
        self.pages.itemClicked.connect(self._page_clicked)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pages)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 760])
        self.setCentralWidget(split)
        toolbar = self.addToolBar(_("Guide"))
        toolbar.setObjectName("help_toolbar")
        toolbar.setMovable(False)
        self.back_action = toolbar.addAction(QIcon.fromTheme("go-previous"), _("Back"), self.browser.backward)
        self.back_action.setShortcut(QKeySequence.StandardKey.Back)
        self.forward_action = toolbar.addAction(
            QIcon.fromTheme("go-next"), _("Forward"), self.browser.forward
        )
        self.forward_action.setShortcut(QKeySequence.StandardKey.Forward)
        toolbar.addAction(QIcon.fromTheme("go-home"), _("Contents"), lambda: self.show_topic(HOME))
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        self.browser.backwardAvailable.connect(self.back_action.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_action.setEnabled)
        geometry = settings.value("help/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1000, 700)

    def page_files(self) -> list[Path]:
        """The pages of the guide, in reading order."""
        found = {page.name: page for page in self.folder.glob("*.md")}
        order = [name for name in PAGE_ORDER if name in found]
        return [found[name] for name in order + sorted(set(found) - set(order))]

    def show_topic(self, topic: str) -> None:
        """Show a page of the guide ("progress.md#sheet"): the window comes up if hidden or behind."""
        page, _sep, anchor = topic.partition("#")
        url = QUrl.fromLocalFile(str(self.folder / (page or HOME)))
        if anchor:
            url.setFragment(anchor)
        # Shown first: the page is laid out at the window's width before it is scrolled to the anchor.
        self.show()
        self.raise_()
        self.activateWindow()
        self.browser.setSource(url)
        if anchor:
            self.browser.scroll_to(anchor)

    def current_page(self) -> str:
        """The page shown and its anchor, as a topic ("progress.md#sheet")."""
        url = self.browser.source()
        name = Path(url.toLocalFile()).name
        return f"{name}#{url.fragment()}" if url.hasFragment() else name

    def _title_now(self) -> str:
        title = self.browser.documentTitle() or self.browser.document().begin().text()
        return f"{title} — {_('dxplanner user guide')}" if title else _("dxplanner user guide")

    def _page_clicked(self, item: QListWidgetItem) -> None:
        self.show_topic(str(item.data(Qt.ItemDataRole.UserRole)))

    def _show_page_chosen(self, url: QUrl) -> None:
        name = Path(url.toLocalFile()).name
        for row in range(self.pages.count()):
            if self.pages.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.pages.blockSignals(True)
                self.pages.setCurrentRow(row)
                self.pages.blockSignals(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing hides the window (it is kept for the next F1); its size is remembered for the next time.
        self._settings.setValue("help/geometry", self.saveGeometry())
        super().closeEvent(event)


def page_title(page: Path) -> str:
    """The first heading of a page of the guide (its file name when it has none)."""
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return re.sub(r"<a [^>]*></a>", "", line[2:]).strip()
    return page.stem
