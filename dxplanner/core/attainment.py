"""How far an indicator has come against its target for a year (and the socio-economic plan's)."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dxplanner.core.enums import Direction

# Within this share of the target (in percent), an indicator not yet there is still "on track".
ON_TRACK_SHARE = 90.0


class AttainmentStatus(enum.StrEnum):
    """Where an indicator stands against its target."""

    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_TARGET = "no_target"
    NO_VALUE = "no_value"


@dataclass(frozen=True)
class IndicatorFacts:
    """What attainment needs of an indicator."""

    direction: Direction
    targets: Mapping[int, float]
    values: Sequence[tuple[datetime.date, float]]
    baseline_value: float | None = None
    baseline_year: int | None = None


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


def target_for(facts: IndicatorFacts, year: int) -> tuple[float | None, bool]:
    """The target for year, else one read on the line between the nearest targets (or baseline) around it."""
    if year in facts.targets:
        return facts.targets[year], False
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
    target, interpolated = target_for(targets_from or facts, year)
    percent = _percent(facts.direction, value, target)
    if target is None:
        status = AttainmentStatus.NO_TARGET
    elif value is None:
        status = AttainmentStatus.NO_VALUE
    elif (value >= target) if facts.direction is Direction.INCREASE else (value <= target):
        status = AttainmentStatus.MET
    elif percent is not None and percent >= on_track_share:
        status = AttainmentStatus.ON_TRACK
    else:
        status = AttainmentStatus.BEHIND
    return Attainment(year, value, measured_on, target, interpolated, percent, status)


def _percent(direction: Direction, value: float | None, target: float | None) -> float | None:
    """The value as a share of the target; None where a share means nothing (zero or negative)."""
    if value is None or target is None:
        return None
    if direction is Direction.INCREASE:
        return 100.0 * value / target if target > 0 and value >= 0 else None
    # Lower is better (a rank, a cost): reaching the target or going under it is 100% or more.
    return 100.0 * target / value if value > 0 and target >= 0 else None
