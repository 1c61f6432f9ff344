"""The user's preferences, kept in QSettings: the language of the window and how dates are written."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from dxplanner.i18n import LANGUAGES, _, system_language
from dxplanner.ui.dates import DateStyle

# Qt's date format -> Python's.
DATE_FORMATS = {"dd/MM/yyyy": "%d/%m/%Y", "dd.MM.yyyy": "%d.%m.%Y", "yyyy-MM-dd": "%Y-%m-%d"}
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def date_style_of(qt_date_format: str) -> DateStyle:
    """The date style of a Qt date format (day first, as in Vietnam, for one not offered)."""
    return DateStyle(DATE_FORMATS.get(qt_date_format, "%d/%m/%Y"), qt_date_format)


class AppSettings:
    """Typed access to the preferences stored in settings."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def language(self) -> str:
        """The chosen language, else the system's."""
        stored = self.settings.value("language")
        return stored if stored in LANGUAGES else system_language()

    def date_style(self) -> DateStyle:
        """How dates are written in the window."""
        stored = self.settings.value("date_format")
        qt = stored if isinstance(stored, str) and stored in DATE_FORMATS else "dd/MM/yyyy"
        return date_style_of(qt)

    def save(self, language: str, qt_date_format: str) -> None:
        """Remember new preferences."""
        self.settings.setValue("language", language)
        self.settings.setValue("date_format", qt_date_format)
        self.settings.sync()


class SettingsDialog(QDialog):
    """Choose the language and the date format."""

    def __init__(self, preferences: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(preferences.language()))
        self.date_format = QComboBox()
        for qt_format in DATE_FORMATS:
            self.date_format.addItem(
                qt_format.replace("dd", "31").replace("MM", "12").replace("yyyy", "2025"), qt_format
            )
        self.date_format.setCurrentIndex(self.date_format.findData(preferences.date_style().qt))
        form = QFormLayout(self)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Date format"), self.date_format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[str, str]:
        """The language and Qt date format chosen."""
        return str(self.language.currentData()), str(self.date_format.currentData())
