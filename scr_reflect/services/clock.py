"""The time the services see: real by default, fixed in tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def now_to_the_second(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    def now(self) -> datetime:
        # Minutes are the finest grain a chronology needs; seconds only add noise.
        return datetime.now().replace(second=0, microsecond=0)

    def now_to_the_second(self) -> datetime:
        """For the audit trail, where the order of events within a minute matters."""
        return datetime.now().replace(microsecond=0)

    def today(self) -> date:
        return date.today()


@dataclass
class FixedClock:
    moment: datetime

    def now(self) -> datetime:
        return self.moment

    def now_to_the_second(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()
