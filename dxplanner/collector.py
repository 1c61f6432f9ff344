"""Pausing Python's cycle collector while a bulk job makes many objects and leaves no cycles."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cycle collector off (as it was again once the last pause ends).

    Reading a 10,000-row workbook makes a million short-lived objects; the collector walks them
    again and again for no cycle at all, a sixth of the time. Reference counting still frees them.
    Pauses may overlap (a reading thread and the window): the collector comes back after the last.
    """
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
