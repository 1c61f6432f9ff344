"""Qt's own words (Yes, No, Cancel, a text field's menu) in Vietnamese, which Qt has no translation of."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

# Qt ships no qtbase_vi: its standard buttons and menus stayed English in the Vietnamese window
# ("Yes"/"No" under a Vietnamese question). Keyed by Qt's context and its English text; the
# accelerator (&) keeps a letter of the Vietnamese word.
_VIETNAMESE: dict[tuple[str, str], str] = {
    ("QPlatformTheme", "OK"): "Đồng ý",
    ("QPlatformTheme", "Save"): "Lưu",
    ("QPlatformTheme", "Save All"): "Lưu tất cả",
    ("QPlatformTheme", "Open"): "Mở",
    ("QPlatformTheme", "&Yes"): "&Có",
    ("QPlatformTheme", "Yes to &All"): "Có với &tất cả",
    ("QPlatformTheme", "&No"): "&Không",
    ("QPlatformTheme", "N&o to All"): "K&hông với tất cả",
    ("QPlatformTheme", "Abort"): "Dừng",
    ("QPlatformTheme", "Retry"): "Thử lại",
    ("QPlatformTheme", "Ignore"): "Bỏ qua",
    ("QPlatformTheme", "Close"): "Đóng",
    ("QPlatformTheme", "Cancel"): "Hủy",
    ("QPlatformTheme", "Discard"): "Không lưu",
    ("QPlatformTheme", "Help"): "Trợ giúp",
    ("QPlatformTheme", "Apply"): "Áp dụng",
    ("QPlatformTheme", "Reset"): "Đặt lại",
    ("QPlatformTheme", "Restore Defaults"): "Khôi phục mặc định",
    ("QMessageBox", "Show Details..."): "Xem chi tiết...",
    ("QMessageBox", "Hide Details..."): "Ẩn chi tiết...",
    ("QAbstractSpinBox", "&Step up"): "&Tăng",
    ("QAbstractSpinBox", "Step &down"): "&Giảm",
}
# A text field's menu (a line, and a text box) says the same in both.
for _context in ("QLineEdit", "QWidgetTextControl"):
    _VIETNAMESE.update(
        {
            (_context, "&Undo"): "&Hoàn tác",
            (_context, "&Redo"): "&Làm lại",
            (_context, "Cu&t"): "Cắ&t",
            (_context, "&Copy"): "&Sao chép",
            (_context, "Copy &Link Location"): "Sao chép địa chỉ &liên kết",
            (_context, "&Paste"): "&Dán",
            (_context, "Delete"): "Xóa",
            (_context, "Select All"): "Chọn tất cả",
        }
    )

_WORDS = {"vi": _VIETNAMESE}


def has_qt_words(language: str) -> bool:
    """Whether Qt's own words are given here in language (Qt has its own for the others it knows)."""
    return language in _WORDS


class QtWords(QTranslator):
    """Translates Qt's own words into one language; any other text is left to Qt."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = _WORDS.get(language, {})

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": an empty text would stand for every word this table does not know.
        return self._words.get((str(context), source_text))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._words
