"""The children list as `scr-reflect children` prints it: each child with the counts a DSL
scans for first (open concerns, factors that still apply, missing episodes lately)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields

from ..domain.enums import RecordType
from ..domain.missing import RECENT_WINDOW
from .clock import Clock
from .records import RecordService
from .structured import StructuredService


@dataclass(frozen=True, slots=True)
class ChildOverview:
    # Scripts read the first three fields; later ones are only ever added at the end.
    id: int
    full_name: str
    year_group: str
    open_concerns: int
    factors_that_apply: int
    missing_last_90_days: int  # RECENT_WINDOW


CHILDREN_FIELDS = tuple(f.name for f in fields(ChildOverview))


class ChildrenOverview:
    def __init__(self, records: RecordService, structured: StructuredService, clock: Clock):
        self._records, self._structured, self._clock = records, structured, clock

    def rows(self) -> list[ChildOverview]:
        """Every child, in the children list's order."""
        ids = self._records.search_children("")
        # One query per kind for every child at once: quick on a large caseload too.
        factors = Counter(
            f.child_id
            for f in self._structured.for_parent(RecordType.FACTOR, "child_id", ids)
            if f.still_applies
        )
        since = self._clock.now() - RECENT_WINDOW
        missing = Counter(
            e.child_id
            for e in self._structured.for_parent(RecordType.MISSING, "child_id", ids)
            if e.started_at >= since
        )
        return [
            ChildOverview(
                c.id, c.full_name, c.year_group, c.open_concerns, factors[c.id], missing[c.id]
            )
            for c in self._records.child_summaries(ids)
        ]
