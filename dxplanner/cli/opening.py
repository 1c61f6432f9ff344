"""Opening a plan file for a command, and telling the user on stderr what the opening had to say."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from dxplanner.store.plan_file import open_plan_file
from dxplanner.store.plan_store import PlanStore


def open_for_command(path: Path, err: TextIO, *, read_only: bool = False) -> PlanStore:
    """Open path; a notice (an interrupted change undone, an upgrade, read-only) goes to err."""
    store = open_plan_file(path, read_only=read_only)
    if store.notice:
        err.write(f"dxplanner: {store.notice}\n")
    return store
