"""Unexpected errors: the full story goes to the log file, one plain line to the user."""

from __future__ import annotations

import datetime
import traceback
from pathlib import Path

from dxplanner.i18n import _


def log_unexpected(error: BaseException, log_file: Path) -> str:
    """Append error's traceback to log_file and return the message to show the user."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(error)))
        where = _("Details were written to {path}.").format(path=log_file)
    except OSError:
        where = ""
    return " ".join(
        part
        for part in (_("Something went wrong inside dxplanner: {error}.").format(error=error), where)
        if part
    )
