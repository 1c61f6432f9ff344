"""How far a task has come, when a table says it in words ("Hoàn thành", "Đang triển khai", "50%")."""

from __future__ import annotations

import re

from dxplanner.core.text import fold

_DONE = frozenset({"hoan thanh", "da hoan thanh", "xong", "da xong", "completed", "complete", "done"})
_NOT_STARTED = frozenset({"chua thuc hien", "chua trien khai", "chua bat dau", "not started"})
_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%?")


def progress_of(text: str) -> float | None:
    """The share done a text states (0-100), or None when it states a status that gives no figure."""
    key = fold(text).strip(" .;")
    if key in _DONE:
        return 100.0
    if key in _NOT_STARTED:
        return 0.0
    found = _PERCENT.fullmatch(key)
    if found is not None:
        return float(found[1].replace(",", "."))
    return None
