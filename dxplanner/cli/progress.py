"""How far a long read or write has come, on one line of a terminal; nothing when not on a terminal."""

from __future__ import annotations

from types import TracebackType
from typing import TextIO

from dxplanner.i18n import _


class TerminalProgress:
    """A progress callback (done, total) -> go on, drawn on stderr when it is a terminal.

    Only a terminal shows it: a script, a pipe or a log file gets the command's output alone. The
    line is drawn again only when the percentage changes, and wiped when the work ends, so that
    what the command says next starts on a clean line.
    """

    def __init__(self, stream: TextIO, doing: str) -> None:
        self._stream = stream
        self._doing = doing
        self._shown = _is_terminal(stream)
        self._percent = -1
        self._width = 0

    def __enter__(self) -> TerminalProgress:
        self._draw(f"{self._doing}…")
        return self

    def __call__(self, done: int, total: int) -> bool:
        percent = min(100, done * 100 // max(total, 1))
        if percent != self._percent:
            self._percent = percent
            self._draw(_("{doing}: {percent}%").format(doing=self._doing, percent=percent))
        return True

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._shown and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()

    def _draw(self, text: str) -> None:
        if not self._shown:
            return
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = max(self._width, len(text))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False
