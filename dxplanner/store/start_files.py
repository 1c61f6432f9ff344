"""Which plan file the window starts on: the last one used, or none (the welcome page); the demo copies."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.store.file_header import read_header, written_state
from dxplanner.store.plan_file import PLAN_SUFFIX, create_plan_file

# Beside the demo copies: the state each was made in, to tell an untouched copy from an edited one.
_MADE = "demo-copies.json"


@dataclass(frozen=True)
class StartPlan:
    """The file to open (None: the welcome page), and what to tell the user about the choice."""

    path: Path | None
    note: str | None = None


def demo_copy(data_dir: Path) -> Path:
    """A demo plan nobody has edited: the first such copy, else a new numbered one.

    `dxplanner --demo` never replaces a copy the user changed: that is their work.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    made = _read_made(data_dir)
    number = 1
    while True:
        candidate = data_dir / ("demo.dxplan" if number == 1 else f"demo-{number}.dxplan")
        if not candidate.exists():
            break
        if made.get(candidate.name) == _state(candidate):
            return candidate
        number += 1
    from dxplanner.store.demo import load_demo

    create_plan_file(candidate, fill=load_demo)
    made[candidate.name] = _state(candidate)
    _write_made(data_dir, made)
    return candidate


def start_plan(last_file: str | None) -> StartPlan:
    """The last file used when it is still a plan file; else no file, with the reason when there was one.

    Nothing is made in the user's stead any more: the welcome page offers the demo, a new plan and an
    import. A default plan made by older versions is still the last file, so it opens as before.
    """
    if not last_file:
        return StartPlan(None)
    last = Path(last_file)
    try:
        read_header(last)
    except DomainError as error:
        note = _("The plan file used last, {name}, could not be opened: {reason}")
        return StartPlan(None, note.format(name=last.name, reason=error.message))
    return StartPlan(last)


def free_plan_path(folder: Path, stem: str) -> Path:
    """A plan file named stem in folder that does not exist yet: "stem.dxplan", else "stem (2).dxplan"…"""
    number = 1
    while True:
        name = f"{stem}{PLAN_SUFFIX}" if number == 1 else f"{stem} ({number}){PLAN_SUFFIX}"
        if not (folder / name).exists():
            return folder / name
        number += 1


def discard_plan_file(path: Path) -> None:
    """Delete a plan file made a moment ago for an import that did not happen (it holds nothing)."""
    # Gone already, or not ours to delete (a folder's rights): a useless empty file is the worst left.
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def _state(path: Path) -> list[int] | None:
    # The change counter and the size, not the time: a copy, or a look, leaves both as they were.
    state = written_state(path)
    return None if state is None else list(state[:2])


def _read_made(data_dir: Path) -> dict[str, list[int] | None]:
    try:
        value = json.loads((data_dir / _MADE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_made(data_dir: Path, made: dict[str, list[int] | None]) -> None:
    # Without the record the next --demo makes a new copy: safe, only wasteful.
    with contextlib.suppress(OSError):
        (data_dir / _MADE).write_text(json.dumps(made), encoding="utf-8")
