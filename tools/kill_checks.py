"""Judging a plan file after a kill: intact, wholly before or wholly after, and what was left beside it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from dxplanner.core.errors import PlanFileError
from dxplanner.store.file_header import read_header
from tools.file_state import COMPANIONS, opening_problem, read_state, settle, sqlite_problems


@dataclass(frozen=True)
class Expected:
    """The states a scenario may leave its file in, by digest, each at its place in the sequence of writes.

    Place 0 is the state before the child began and `last` the state when it finished; an edit loop
    has a place for each edit in between. A target that did not exist before may also not exist now.
    """

    places: dict[str, tuple[int, ...]]
    last: int
    absent_before: bool = False
    # Wrong states worth naming (e.g. the empty plan file an unfinished import into a new file leaves).
    known_wrong: dict[str, str] = field(default_factory=dict)
    # An upgrade keeps a copy of the old file: an upgraded file must have one beside it.
    needs_backup: bool = False

    def name(self, place: int) -> str:
        """A place in words: before, after, or after k of n edits."""
        if place == 0:
            return "before"
        if place == self.last:
            return "after"
        return f"after {place} of {self.last} edits"

    @property
    def before(self) -> str | None:
        """The digest of the state before the child began, if there was a file."""
        return next((digest for digest, places in self.places.items() if 0 in places), None)


@dataclass(frozen=True)
class Judgement:
    """What the checks found in one round."""

    state: str
    intact: bool
    whole: bool
    problems: tuple[str, ...]
    leftovers: tuple[str, ...]


def judge(target: Path, expected: Expected, reported: int | None = None) -> Judgement:
    """Check the file at target after its writer was killed.

    reported: for an edit loop, how many edits the child had said were done; the file must hold
    those (it was told they were committed) and at most the one after.
    """
    if not target.exists():
        left = _leftovers(target, expected, upgraded=False)
        if expected.absent_before:
            return Judgement("absent, as before", True, True, (), left)
        return Judgement("gone", False, False, ("the plan file is gone",), left)
    if target.stat().st_size == 0:
        problem = "an empty file (0 bytes) stands where the plan file should be"
        return Judgement("empty", False, False, (problem,), _leftovers(target, expected, False))
    try:
        read_header(target)
        journal = settle(target)
    except (PlanFileError, sqlite3.DatabaseError) as error:
        return Judgement("unreadable", False, False, (str(error),), _leftovers(target, expected, False))
    problems = sqlite_problems(target)
    opening = opening_problem(target)
    if opening is not None:
        problems.append(opening)
    intact = not problems
    state = read_state(target)
    places = expected.places.get(state.digest, ())
    whole = bool(places)
    if not places:
        named = expected.known_wrong.get(state.digest)
        described = named or f"neither before nor after ({state.describe()})"
        problems.append(described)
        state_name = named or "neither before nor after"
    else:
        if reported is not None:
            told = [place for place in places if reported <= place <= reported + 1]
            if not told:
                whole = False
                problems.append(
                    f"the file is {expected.name(places[0])} but the child had reported {reported} edits done"
                )
            places = tuple(told) or places
        if journal:
            # A journal beside the file means its last transaction never committed: rolled back, the
            # file must be as it was before that transaction began.
            before = 0 if reported is None else reported
            if before not in places:
                whole = False
                problems.append(f"a journal was left (no commit), yet the file is {expected.name(places[0])}")
            else:
                places = (before,)
        state_name = " or ".join(expected.name(place) for place in places)
    upgraded = expected.last in places
    leftovers = _leftovers(target, expected, upgraded)
    if expected.needs_backup and upgraded and "complete backup" not in _backups(target, expected):
        problems.append("the file was upgraded, but no complete before-upgrade backup is beside it")
        whole = False
    if journal == "hot":
        leftovers = ("hot journal of the plan file (rolled back on open)", *leftovers)
    elif journal == "cold":
        leftovers = ("cold journal of the plan file (the write had not reached it; ignored)", *leftovers)
    return Judgement(state_name, intact, whole, tuple(problems), leftovers)


def _split(name: str) -> tuple[str, str]:
    """A file name without SQLite's companion ending, and that ending."""
    for ending in COMPANIONS:
        if name.endswith(ending):
            return name[: -len(ending)], ending
    return name, ""


def _backups(target: Path, expected: Expected) -> list[str]:
    return [
        _backup_kind(path, expected.before)
        for path in sorted(target.parent.iterdir())
        if ".before-upgrade-" in path.name and not _split(path.name)[1]
    ]


def _backup_kind(path: Path, before: str | None) -> str:
    """Whether a before-upgrade backup is empty, incomplete, damaged, or a complete copy of the old file."""
    try:
        if path.stat().st_size:
            settle(path)  # a backup killed half way has its own journal
        if path.stat().st_size == 0:
            return "empty backup"
        if sqlite_problems(path):
            return "damaged backup"
        return "complete backup" if read_state(path).digest == before else "incomplete backup"
    except sqlite3.DatabaseError:
        return "damaged backup"


def _leftovers(target: Path, expected: Expected, upgraded: bool) -> tuple[str, ...]:
    """The files beside the target that the writer made and did not clear away (its journal aside)."""
    found: list[str] = []
    for path in sorted(target.parent.iterdir()):
        base, companion = _split(path.name)
        if base == target.name:
            if companion and companion != "-journal":
                found.append(f"{companion[1:]} file of the plan file")
            continue
        if companion:
            continue  # named with the file it belongs to
        if path.name.endswith(".creating"):
            found.append("unfinished new file (.creating)")
        elif ".before-upgrade-" in path.name:
            kind = _backup_kind(path, expected.before)
            # The backup of a finished upgrade is what the user is promised; of an unfinished one, a leftover.
            if kind != "complete backup" or not upgraded:
                found.append(kind if kind != "complete backup" else "backup of an unfinished upgrade")
        else:
            found.append(f"other file {path.name}")
    return tuple(found)
