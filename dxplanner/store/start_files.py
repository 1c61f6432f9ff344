"""Which plan file the window starts on: the last one used, the default plan, or an unedited demo copy."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.errors import DomainError
from dxplanner.i18n import _
from dxplanner.store.file_header import read_header, written_state
from dxplanner.store.plan_file import create_plan_file

# Beside the demo copies: the state each was made in, to tell an untouched copy from an edited one.
_MADE = "demo-copies.json"


@dataclass(frozen=True)
class StartPlan:
    """The file to open, and what to tell the user about the choice (None when nothing)."""

    path: Path
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


def start_plan(last_file: str | None, default_plan: Path) -> StartPlan:
    """The last file used when it is still a plan file, else the default plan (made from the demo)."""
    if last_file:
        last = Path(last_file)
        try:
            read_header(last)
            return StartPlan(last)
        except DomainError as error:
            note = _("The plan file used last could not be opened ({reason}); the default plan is open.")
            fallback = _default(default_plan)
            return StartPlan(fallback, note.format(reason=error.message))
    return StartPlan(_default(default_plan))


def _default(default_plan: Path) -> Path:
    if not default_plan.exists():
        from dxplanner.store.demo import load_demo

        default_plan.parent.mkdir(parents=True, exist_ok=True)
        create_plan_file(default_plan, fill=load_demo)
    return default_plan


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
