"""Which automatic backups to keep: the last few, one a day for a week, one a week for a month."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class BackupTiers:
    """How many backups each tier keeps."""

    latest: int = 5
    daily_days: int = 7
    weekly_days: int = 35


DEFAULT_TIERS = BackupTiers()


def backups_to_keep(
    taken: Iterable[datetime.datetime], now: datetime.datetime, tiers: BackupTiers | None = None
) -> set[datetime.datetime]:
    """The moments, among those backups were taken at, whose backups stay; the rest may go."""
    tiers = tiers or DEFAULT_TIERS
    newest_first = sorted(set(taken), reverse=True)
    keep = set(newest_first[: tiers.latest])
    days_seen: set[datetime.date] = set()
    weeks_seen: set[tuple[int, int]] = set()
    for moment in newest_first:
        age = now - moment
        # The newest backup of each day in the last week, of each week in the last month.
        if age <= datetime.timedelta(days=tiers.daily_days) and moment.date() not in days_seen:
            days_seen.add(moment.date())
            keep.add(moment)
        week = moment.isocalendar()[:2]
        if age <= datetime.timedelta(days=tiers.weekly_days) and week not in weeks_seen:
            weeks_seen.add(week)
            keep.add(moment)
    return keep
