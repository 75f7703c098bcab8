"""The large demo caseload: thousands of generated children written straight into the store.

Records go in through Repository.bulk_insert, one transaction per batch of children, so
two thousand children and 150,000 chronology lines load in seconds. The names and sentences
are drawn with a seeded random.Random, so every run produces the same caseload.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from ..domain.enums import Category, ConcernStatus, EntryKind
from ..domain.headlines import concern_headline
from ..domain.records import Concern
from ..storage.mapping import encode_categories
from ..storage.repository import Repository
from . import demo_caseload_text as text
from .demo_stories.spec import fictional_upn, on_school_day, tutor_group, year_group
from .progress import Progress
from .workspace import Workspace

# The benchmark opens this child: always exactly BENCHMARK_ENTRIES chronology lines.
BENCHMARK_CHILD_NAME = "Benchmark Child Fivehundred"
BENCHMARK_ENTRIES = 500
_BENCHMARK_CONCERNS = 40

_BATCH = 100  # children per transaction: progress often enough, few commits
_HISTORY_DAYS = 3 * 365
_OTHER_KINDS = (
    EntryKind.NOTE,
    EntryKind.CONTACT,
    EntryKind.MEETING,
    EntryKind.REFERRAL,
    EntryKind.OUTCOME,
    EntryKind.MISSING,
)
_OTHER_WEIGHTS = (40, 30, 12, 6, 6, 6)
_CATEGORIES = tuple(Category)
_NOT_CLOSED = (ConcernStatus.OPEN, ConcernStatus.MONITORING, ConcernStatus.REFERRED)
_TABLES = ("children", "concerns", "chronology_entries", "actions")


@dataclass
class _Batch:
    """Rows waiting to be written, and the next free id in each table."""

    next_id: dict[str, int]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> int:
        row_id = self.next_id[table]
        self.next_id[table] = row_id + 1
        self.rows.setdefault(table, []).append({"id": row_id, "version": 1, **row})
        return row_id

    def write(self, repo: Repository) -> None:
        # Parents before children: foreign keys are enforced.
        for table in _TABLES:
            if self.rows.get(table):
                repo.bulk_insert(table, self.rows[table])
        self.rows = {}


def generate_large_caseload(
    ws: Workspace,
    *,
    children: int = 2_000,
    concerns: int = 20_000,
    entries: int = 150_000,
    actions: int = 3_000,
    seed: int = 2014,
) -> Iterator[Progress]:
    """Add generated children; `entries` counts every chronology line, concerns' included.

    Yields Progress in children. The first child is BENCHMARK_CHILD_NAME."""
    other_entries = entries - concerns
    if children < 1 or concerns < _BENCHMARK_CONCERNS or other_entries < BENCHMARK_ENTRIES:
        raise ValueError("Too few concerns or entries for the benchmark child.")
    rng = random.Random(seed)
    per_child = list(
        zip(
            [_BENCHMARK_CONCERNS, *_spread(concerns - _BENCHMARK_CONCERNS, children - 1, rng)],
            [
                BENCHMARK_ENTRIES - _BENCHMARK_CONCERNS,
                *_spread(
                    other_entries - BENCHMARK_ENTRIES + _BENCHMARK_CONCERNS, children - 1, rng
                ),
            ],
            _spread(actions, children, rng),
            strict=True,
        )
    )
    repo = ws.store.repository
    batch = _Batch({table: repo.max_id(table) + 1 for table in _TABLES})
    writer = _Writer(batch, rng, ws.clock.now())
    for index, (n_concerns, n_entries, n_actions) in enumerate(per_child):
        writer.child(index, n_concerns, n_entries, n_actions)
        done = index + 1
        if done % _BATCH == 0 or done == children:
            batch.write(repo)
            yield Progress(done, children)


def _spread(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split total into parts that sum to it exactly, unevenly as real caseloads are."""
    if parts == 0:
        return []
    cumulative = list(accumulate(rng.lognormvariate(0, 0.8) for _ in range(parts)))
    bounds = [round(c * total / cumulative[-1]) for c in cumulative]
    bounds[-1] = total  # rounding must not lose or gain a record
    return [high - low for low, high in zip([0, *bounds], bounds, strict=False)]


class _Writer:
    def __init__(self, batch: _Batch, rng: random.Random, now: datetime) -> None:
        self._batch = batch
        self._rng = rng
        self._now = now
        self._today = now.date()

    def child(self, index: int, n_concerns: int, n_entries: int, n_actions: int) -> None:
        rng = self._rng
        first, surname = rng.choice(text.FIRST_NAMES), rng.choice(text.SURNAMES)
        preferred = text.SHORT_NAMES.get(first, "") if rng.random() < 0.5 else ""
        full_name = f"{first} {surname}"
        if index == 0:
            first, preferred, full_name = "Benchmark", "", BENCHMARK_CHILD_NAME
        born = self._today - timedelta(days=rng.randint(5 * 365 + 10, 17 * 365 - 10))
        year = year_group(born, self._today)
        child_id = self._batch.add(
            "children",
            {
                "full_name": full_name,
                "preferred_name": preferred,
                "date_of_birth": born,
                "year_group": year,
                "tutor_group": tutor_group(year, rng.choice("ABCDEFGH")),
                "upn": fictional_upn(10_000 + index) if rng.random() < 0.7 else "",
                "household": rng.choice(text.HOUSEHOLDS),
                "created_at": self._now,
            },
        )
        name = preferred or first
        concern_ids = [self._concern(child_id, name) for _ in range(n_concerns)]
        for _ in range(n_entries):
            self._entry(child_id, name)
        for _ in range(n_actions):
            self._action(child_id, name, concern_ids)

    def _moment(self, school_day: bool = True) -> tuple[int, datetime]:
        days_ago = self._rng.randint(1, _HISTORY_DAYS)
        day = self._today - timedelta(days=days_ago)
        if school_day:
            day = on_school_day(day)
        at = time(self._rng.randint(8, 16), self._rng.randrange(0, 60, 5))
        return days_ago, datetime.combine(day, at)

    def _concern(self, child_id: int, name: str) -> int:
        rng = self._rng
        days_ago, occurred = self._moment()
        categories = frozenset(rng.sample(_CATEGORIES, rng.choice((1, 1, 1, 2))))
        closed = days_ago > 120 and rng.random() < 0.85
        status = ConcernStatus.CLOSED if closed else rng.choice(_NOT_CLOSED)
        concern = Concern(
            child_id=child_id,
            occurred_at=occurred,
            recorded_at=min(occurred + timedelta(minutes=rng.randint(10, 180)), self._now),
            raised_by=rng.choice(text.RAISED_BY),
            what_happened=rng.choice(text.CONCERN_TEXT[min(categories)]).format(name=name),
            categories=categories,
            child_words=rng.choice(text.CHILD_WORDS) if rng.random() < 0.3 else "",
            action_taken=rng.choice(text.ACTIONS_TAKEN),
            status=status,
            outcome=rng.choice(text.OUTCOMES) if closed else "",
        )
        concern_id = self._batch.add(
            "concerns",
            {
                "child_id": child_id,
                "occurred_at": concern.occurred_at,
                "recorded_at": concern.recorded_at,
                "raised_by": concern.raised_by,
                "what_happened": concern.what_happened,
                "child_words": concern.child_words,
                "categories": encode_categories(categories),
                "action_taken": concern.action_taken,
                "status": status.value,
                "outcome": concern.outcome,
            },
        )
        # What RecordService.record_concern writes: the concern's own chronology line.
        self._add_entry(
            child_id,
            EntryKind.CONCERN,
            occurred,
            concern_headline(concern),
            concern.what_happened,
            concern_id,
        )
        return concern_id

    def _entry(self, child_id: int, name: str) -> None:
        kind = self._rng.choices(_OTHER_KINDS, _OTHER_WEIGHTS)[0]
        _, occurred = self._moment(school_day=kind is not EntryKind.MISSING)
        title, body = self._rng.choice(text.ENTRY_TEXT[kind])
        self._add_entry(child_id, kind, occurred, title, body.format(name=name), None)

    def _add_entry(
        self,
        child_id: int,
        kind: EntryKind,
        occurred: datetime,
        title: str,
        body: str,
        concern_id: int | None,
    ) -> None:
        self._batch.add(
            "chronology_entries",
            {
                "child_id": child_id,
                "kind": kind.value,
                "occurred_at": occurred,
                "title": title,
                "body": body,
                "concern_id": concern_id,
            },
        )

    def _action(self, child_id: int, name: str, concern_ids: list[int]) -> None:
        rng = self._rng
        due = self._today + timedelta(days=rng.randint(-45, 60))
        done: date | None = None
        if due < self._today and rng.random() < 0.8:
            done = due - timedelta(days=rng.randint(0, 5))
        self._batch.add(
            "actions",
            {
                "child_id": child_id,
                "concern_id": rng.choice(concern_ids) if concern_ids else None,
                "description": rng.choice(text.ACTION_TEXT).format(name=name),
                "owner": rng.choice(text.ACTION_OWNERS),
                "due_on": due,
                "done_on": done,
            },
        )
