"""How far an indicator has come against its target for a year (and the socio-economic plan's)."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from dxplanner.core.enums import Comparison, Direction
from dxplanner.core.target_text import number_text, written

# Within this share of the target (in percent), an indicator not yet there is still "on track".
ON_TRACK_SHARE = 90.0


class AttainmentStatus(enum.StrEnum):
    """Where an indicator stands against its target."""

    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_TARGET = "no_target"
    NO_VALUE = "no_value"
    IN_WORDS = "in_words"  # the year's target is a statement ("Đạt mức khá của khu vực"), judged by people


@dataclass(frozen=True)
class IndicatorFacts:
    """What attainment needs of an indicator."""

    direction: Direction
    targets: Mapping[int, float]  # the number each year is measured against (see main_targets)
    values: Sequence[tuple[datetime.date, float]]
    baseline_value: float | None = None
    baseline_year: int | None = None
    comparisons: Mapping[int, Comparison | None] = field(default_factory=dict)
    # Each year's targets as written, where they are more than one plain number: words, scopes.
    statements: Mapping[int, str] = field(default_factory=dict)
    # The high figure of a year whose target is a range ("40 – 50"); targets holds its low one.
    uppers: Mapping[int, float] = field(default_factory=dict)


# A target as stored: (year, scope, value, comparison, words, upper figure of a range).
TargetRow = tuple[int, str, float | None, Comparison | None, str | None, float | None]


@dataclass(frozen=True)
class YearTargets:
    """An indicator's targets read for attainment: the number of each year, and what is written."""

    numbers: dict[int, float]
    comparisons: dict[int, Comparison | None]
    statements: dict[int, str]
    uppers: dict[int, float] = field(default_factory=dict)


def main_targets(rows: Iterable[TargetRow], number: Callable[[float], str] = number_text) -> YearTargets:
    """The number each year is measured against: the target with no scope, else the first scope's.

    A year whose targets are words, a number with a comparison ("≥ 40"), a range ("40 – 50"),
    a number with a note, or several numbers in their scopes ("≤ 5 ASEAN; ≤ 60 thế giới") also
    gets its targets as written, to be shown so.
    """
    by_year: dict[int, list[TargetRow]] = {}
    for row in rows:
        by_year.setdefault(row[0], []).append(row)
    found = YearTargets({}, {}, {})
    for year, targets in by_year.items():
        targets.sort(key=lambda row: (row[1] != "", row[1].casefold()))
        numeric = [row for row in targets if row[2] is not None]
        if numeric:
            found.numbers[year] = float(numeric[0][2])  # type: ignore[arg-type]
            found.comparisons[year] = numeric[0][3]
            if numeric[0][5] is not None:
                found.uppers[year] = float(numeric[0][5])
        _year, scope, value, comparison, text, upper = targets[0]
        if len(targets) > 1 or scope or value is None or comparison is not None or text or upper is not None:
            found.statements[year] = "; ".join(
                written(value, comparison, scope, text, number, upper=upper)
                for _year, scope, value, comparison, text, upper in targets
            )
    return found


@dataclass(frozen=True)
class Attainment:
    """An indicator's measured value for a year against the target for that year."""

    year: int
    value: float | None
    measured_on: datetime.date | None
    target: float | None
    # True when no target was set for the year and it was read between the targets around it.
    target_interpolated: bool
    # The value as a percentage of the target (for "lower is better", target over value);
    # None when either is zero or negative, where the status still says met or behind.
    percent_of_target: float | None
    status: AttainmentStatus
    # The year's targets as written when they are more than one number (words, scopes), else None.
    target_text: str | None = None


def target_for(facts: IndicatorFacts, year: int) -> tuple[float | None, bool]:
    """The target for year, else one read on the line between the nearest targets (or baseline) around it."""
    if year in facts.targets:
        return facts.targets[year], False
    if year in facts.statements:
        return None, False  # a year with a target in words is judged by people, not read between numbers
    points = dict(facts.targets)
    if facts.baseline_value is not None and facts.baseline_year is not None:
        points.setdefault(facts.baseline_year, facts.baseline_value)
    before = [known for known in points if known < year]
    after = [known for known in points if known > year]
    if not before or not after or not facts.targets:
        return None, False
    low, high = max(before), min(after)
    share = (year - low) / (high - low)
    return points[low] + share * (points[high] - points[low]), True


def attainment(
    facts: IndicatorFacts,
    year: int,
    as_of: datetime.date | None = None,
    on_track_share: float = ON_TRACK_SHARE,
    targets_from: IndicatorFacts | None = None,
) -> Attainment:
    """The newest value measured in year (up to as_of) against the year's target.

    With targets_from (the linked socio-economic plan indicator), the strategy's
    measured value is held against that plan's target for the year instead.
    """
    measured = sorted(
        (when, value)
        for when, value in facts.values
        if when.year == year and (as_of is None or when <= as_of)
    )
    measured_on, value = measured[-1] if measured else (None, None)
    source = targets_from or facts
    target, interpolated = target_for(source, year)
    upper = None if interpolated else source.uppers.get(year)
    percent = _percent(facts.direction, value, target) if upper is None else _near_range(value, target, upper)
    statement = source.statements.get(year)
    if target is None:
        status = AttainmentStatus.IN_WORDS if statement else AttainmentStatus.NO_TARGET
    elif value is None:
        status = AttainmentStatus.NO_VALUE
    elif upper is not None and target <= value <= upper:
        status = AttainmentStatus.MET  # a range is met inside it; outside, by how near the value came
    elif upper is None and _met(facts.direction, source.comparisons.get(year), value, target):
        status = AttainmentStatus.MET
    elif percent is not None and percent >= on_track_share:
        status = AttainmentStatus.ON_TRACK
    else:
        status = AttainmentStatus.BEHIND
    return Attainment(year, value, measured_on, target, interpolated, percent, status, statement)


def _met(direction: Direction, comparison: Comparison | None, value: float, target: float) -> bool:
    """Whether the value reaches the target: as its comparison says ("≥", "<"), else as the direction."""
    if comparison is Comparison.AT_LEAST:
        return value >= target
    if comparison is Comparison.ABOVE:
        return value > target
    if comparison is Comparison.AT_MOST:
        return value <= target
    if comparison is Comparison.BELOW:
        return value < target
    return value >= target if direction is Direction.INCREASE else value <= target


def _near_range(value: float | None, low: float | None, high: float) -> float | None:
    """How near a range a value is, in percent: 100 inside it, else the share of the bound it missed."""
    if value is None or low is None:
        return None
    if value < low:
        return 100.0 * value / low if low > 0 and value >= 0 else None
    if value > high:
        return 100.0 * high / value if value > 0 and high >= 0 else None
    return 100.0


def _percent(direction: Direction, value: float | None, target: float | None) -> float | None:
    """The value as a share of the target; None where a share means nothing (zero or negative)."""
    if value is None or target is None:
        return None
    if direction is Direction.INCREASE:
        return 100.0 * value / target if target > 0 and value >= 0 else None
    # Lower is better (a rank, a cost): reaching the target or going under it is 100% or more.
    return 100.0 * target / value if value > 0 and target >= 0 else None
