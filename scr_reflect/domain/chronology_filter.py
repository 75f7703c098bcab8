"""What the DSL asks of a chronology: which kinds, between which dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import EntryKind


@dataclass(frozen=True, slots=True)
class ChronologyFilter:
    kinds: frozenset[EntryKind] = frozenset(EntryKind)
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("The 'from' date is after the 'to' date.")
