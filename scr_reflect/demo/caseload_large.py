"""The large demo caseload: thousands of generated children written straight into the store.

Records go in as plain rows (storage/demo_bulk.py), one transaction per batch of children, so
two thousand children and 150,000 chronology lines load in seconds. Missing episodes and
referrals are written as records with the chronology lines their records write, as the
services would. The names and sentences are drawn with a seeded random.Random, so every run
produces the same caseload.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from ..domain import structured_lines
from ..domain.audit import AuditAction
from ..domain.enums import Category, ConcernStatus, EntryKind, RecordType
from ..domain.headlines import ChronologyLine, concern_lines
from ..domain.missing import MissingEpisode, with_interview_dates
from ..domain.records import Concern
from ..domain.referrals import Agency, Referral, ReferralOutcome
from ..services.progress import Progress
from ..services.workspace import Workspace
from ..storage.demo_bulk import DemoBulkRows
from ..storage.mapping import encode_categories
from ..storage.structured_rows import column_values
from . import caseload_text as text
from .stories.dates import fictional_upn, on_school_day, tutor_group, year_group

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
_TABLES = (
    "children",
    "concerns",
    "missing_episodes",
    "referrals",
    "chronology_entries",
    "actions",
)
_FOUND_WHERE = ("Home address", "A friend's house", "The town centre", "A railway station")
_FOUND_BY = ("Police", "A parent", "No one: came back on their own")
_REPORTED_BY = ("A parent", "A carer", "School")
_REASONS = {
    ReferralOutcome.ASSESSMENT: "Children's social care will assess {name}'s needs.",
    ReferralOutcome.STRATEGY_DISCUSSION: "Strategy discussion held about {name}.",
    ReferralOutcome.EARLY_HELP: "{name}'s family offered early help.",
    ReferralOutcome.THRESHOLD_NOT_MET: "Threshold for an assessment not met; advice given.",
    ReferralOutcome.NO_FURTHER_ACTION: "No further action by the agency.",
    ReferralOutcome.STEPPED_DOWN: "Stepped down to early help.",
    ReferralOutcome.OTHER: "Advice given to the school.",
}
_DECIDED = tuple(_REASONS)
_RECORD_TABLES = {RecordType.MISSING: "missing_episodes", RecordType.REFERRAL: "referrals"}


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

    def write(self, bulk: DemoBulkRows) -> None:
        # Parents before children: foreign keys are enforced.
        for table in _TABLES:
            if self.rows.get(table):
                bulk.insert(table, self.rows[table])
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
    bulk = ws.demo_bulk_rows()
    batch = _Batch({table: bulk.max_id(table) + 1 for table in _TABLES})
    writer = _Writer(batch, rng, ws.clock.now())
    for index, (n_concerns, n_entries, n_actions) in enumerate(per_child):
        writer.child(index, n_concerns, n_entries, n_actions)
        done = index + 1
        if done % _BATCH == 0 or done == children:
            batch.write(bulk)
            yield Progress(done, children)
    # Bulk rows bypass the per-record log (a hundred thousand entries would swamp the trail
    # of a demo): one entry says what was written.
    ws.audit.record(
        AuditAction.CREATE, detail=f"demo caseload: {children:,} generated children, in bulk"
    )


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
        lines_left = n_entries
        while lines_left:
            lines_left -= self._entry(child_id, name, lines_left)
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
        for line in concern_lines(concern):
            self._add_line(child_id, line, (RecordType.CONCERN, concern_id))
        return concern_id

    def _entry(self, child_id: int, name: str, room: int) -> int:
        """One free-text line, or one record with its lines (never more than `room`)."""
        kind = self._rng.choices(_OTHER_KINDS, _OTHER_WEIGHTS)[0]
        if kind is EntryKind.MISSING:
            episode = self._missing(child_id)
            return self._record(RecordType.MISSING, episode, structured_lines.missing_lines)
        if kind in (EntryKind.REFERRAL, EntryKind.OUTCOME):
            # A decided referral writes two lines: the referral and its outcome.
            referral = self._referral(child_id, name, decided=room >= 2)
            return self._record(RecordType.REFERRAL, referral, structured_lines.referral_lines)
        _, occurred = self._moment()
        title, body = self._rng.choice(text.ENTRY_TEXT[kind])
        line = ChronologyLine(kind, occurred, title, body.format(name=name))
        self._add_line(child_id, line)
        return 1

    def _missing(self, child_id: int) -> MissingEpisode:
        rng = self._rng
        _, started = self._moment(school_day=False)  # a child goes missing on any day
        ended = min(started + timedelta(hours=rng.randint(2, 48)), self._now)
        offered = ended.date() + timedelta(days=1)
        held = offered + timedelta(days=rng.randint(0, 4)) if rng.random() < 0.7 else None
        episode = MissingEpisode(
            child_id=child_id,
            started_at=started,
            ended_at=ended,
            found_where=rng.choice(_FOUND_WHERE),
            found_by=rng.choice(_FOUND_BY),
            reported_by=rng.choice(_REPORTED_BY),
        )
        return with_interview_dates(
            episode,
            offered if offered <= self._today else None,
            held if held and held <= self._today else None,
        )

    def _referral(self, child_id: int, name: str, decided: bool) -> Referral:
        rng = self._rng
        _, made = self._moment()
        title, body = rng.choice(text.ENTRY_TEXT[EntryKind.REFERRAL])
        outcome = rng.choice(_DECIDED) if decided else ReferralOutcome.AWAITING
        return Referral(
            child_id=child_id,
            made_at=made,
            agency=Agency.HEALTH if "CAMHS" in title else Agency.CHILDRENS_SOCIAL_CARE,
            asked_for=body.format(name=name),
            outcome=outcome,
            outcome_reasons=_REASONS.get(outcome, "").format(name=name),
            # Always heard back: thousands of overdue replies would bury the real ones.
            heard_back_at=min(made + timedelta(days=rng.randint(0, 10), hours=2), self._now),
        )

    def _record(
        self,
        record_type: RecordType,
        record: MissingEpisode | Referral,
        lines: Callable[[Any], list[ChronologyLine]],
    ) -> int:
        table = _RECORD_TABLES[record_type]
        record_id = self._batch.add(table, column_values(record, with_parents=True))
        written = lines(record)
        for line in written:
            self._add_line(record.child_id, line, (record_type, record_id))
        return len(written)

    def _add_line(
        self, child_id: int, line: ChronologyLine, record: tuple[RecordType, int] | None = None
    ) -> None:
        """A chronology line: a record's own (record names it) or one typed on its own."""
        self._batch.add(
            "chronology_entries",
            {
                "child_id": child_id,
                "kind": line.kind.value,
                "occurred_at": line.occurred_at,
                "title": line.title,
                "body": line.body,
                "record_type": record[0].value if record else None,
                "record_id": record[1] if record else None,
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
