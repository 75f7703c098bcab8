"""Which backups to keep, as restic and borg prune: the newest of each of the last N days,
weeks and months that have a backup at all.

Each rule counts on its own, as restic's do: the newest backup of a day can also be the one
kept for its week and its month. The newest backup of all is always kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Retention:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


KEEP = Retention()


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _week(moment: datetime) -> Hashable:
    year, week, _weekday = moment.isocalendar()
    return (year, week)  # ISO weeks: the week of 31 December can belong to the next year


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def to_keep(made: Iterable[datetime], retention: Retention = KEEP) -> set[datetime]:
    """The moments, among those given, whose backups are kept."""
    newest_first = sorted(set(made), reverse=True)
    kept: set[datetime] = set(newest_first[:1])
    rules: tuple[tuple[Callable[[datetime], Hashable], int], ...] = (
        (_day, retention.daily),
        (_week, retention.weekly),
        (_month, retention.monthly),
    )
    for bucket_of, count in rules:
        seen: set[Hashable] = set()
        for moment in newest_first:
            if len(seen) == count:
                break
            bucket = bucket_of(moment)
            if bucket not in seen:
                seen.add(bucket)
                kept.add(moment)
    return kept
