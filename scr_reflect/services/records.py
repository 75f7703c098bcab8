"""Record and amend what a DSL writes: children, concerns, chronology entries, actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from ..domain.changes import ChangeSet
from ..domain.chronology_filter import ChronologyFilter
from ..domain.enums import FREE_TEXT_KINDS, EntryKind, RecordType
from ..domain.headlines import concern_lines
from ..domain.records import (
    Child,
    ChildSummary,
    ChronologyEntry,
    Concern,
    Draft,
    FollowUpAction,
    OverdueAction,
    RecordHistory,
)
from ..domain.supervision import SupervisionRecord, supervision_line, supervision_problems
from ..domain.validation import (
    Problem,
    action_problems,
    child_problems,
    concern_problems,
    require,
)
from ..storage.repository import Repository
from .clock import Clock

_AMEND_REASON = Problem("reason", "Say why the record is being amended.")


class RecordService:
    def __init__(self, repository: Repository, clock: Clock, actor: str) -> None:
        self._repo = repository
        self._clock = clock
        self._actor = actor

    def now(self) -> datetime:
        """The time forms start from, so a fixed clock in tests reaches them too."""
        return self._clock.now()

    # Children -----------------------------------------------------------------------------

    def add_child(self, child: Child) -> ChangeSet:
        child = _tidy_child(child)
        require(child_problems(child, self._clock.today()))
        child_id = self._repo.add_child(child, self._clock.now())
        return ChangeSet(children=True, child_id=child_id, record_id=child_id)

    def amend_child(self, child: Child, reason: str) -> ChangeSet:
        child = _tidy_child(child)
        require(child_problems(child, self._clock.today()) + _reason_problems(reason))
        assert child.id is not None
        self._repo.amend(RecordType.CHILD, child, self._actor, reason.strip(), self._clock.now())
        return ChangeSet(children=True, child_id=child.id, record_id=child.id)

    def child(self, child_id: int) -> Child:
        return self._repo.child(child_id)

    def search_children(self, text: str) -> list[int]:
        return self._repo.search_child_ids(text)

    def read_search_fields_ahead(self) -> None:
        """What search as you type answers from, read before the first word is typed."""
        self._repo.read_search_fields_ahead()

    def child_summaries(self, ids: Sequence[int]) -> list[ChildSummary]:
        return self._repo.child_summaries(ids)

    # Concerns -----------------------------------------------------------------------------

    def record_concern(self, concern: Concern) -> ChangeSet:
        require(concern_problems(concern, self._clock.now()))
        concern_id = self._repo.add_concern(concern, concern_lines(concern))
        return ChangeSet(
            children=True, chronology=True, child_id=concern.child_id, record_id=concern_id
        )

    def amend_concern(self, concern: Concern, reason: str) -> ChangeSet:
        require(concern_problems(concern, self._clock.now()) + _reason_problems(reason))
        assert concern.id is not None
        self._repo.amend(
            RecordType.CONCERN,
            concern,
            self._actor,
            reason.strip(),
            self._clock.now(),
            lines=concern_lines(concern),
        )
        return ChangeSet(
            children=True, chronology=True, child_id=concern.child_id, record_id=concern.id
        )

    def concern(self, concern_id: int) -> Concern:
        return self._repo.concern(concern_id)

    def concerns_for_child(self, child_id: int) -> list[Concern]:
        return self._repo.concerns_for_child(child_id)

    # Chronology ---------------------------------------------------------------------------

    def add_entry(self, entry: ChronologyEntry) -> ChangeSet:
        require(_entry_problems(entry))
        entry_id = self._repo.add_entry(entry)
        return ChangeSet(chronology=True, child_id=entry.child_id, record_id=entry_id)

    def record_document(self, child_id: int, title: str, body: str) -> ChangeSet:
        """A document produced or printed about the child: its own kind of line, so nothing
        typed by a person is ever mistaken for one."""
        line = ChronologyEntry(child_id, EntryKind.DOCUMENT, self._clock.now(), title, body)
        entry_id = self._repo.add_entry(line)
        return ChangeSet(chronology=True, child_id=child_id, record_id=entry_id)

    def amend_entry(self, entry: ChronologyEntry, reason: str) -> ChangeSet:
        assert entry.id is not None
        stored = self._repo.entry(entry.id)
        require(_entry_problems(entry, stored) + _reason_problems(reason))
        self._repo.amend(RecordType.ENTRY, entry, self._actor, reason.strip(), self._clock.now())
        return ChangeSet(chronology=True, child_id=entry.child_id, record_id=entry.id)

    def entry_ids(self, child_id: int, wanted: ChronologyFilter) -> list[int]:
        return self._repo.entry_ids(child_id, wanted)

    def entries(self, ids: Sequence[int]) -> list[ChronologyEntry]:
        return self._repo.entries(ids)

    def entry(self, entry_id: int) -> ChronologyEntry:
        return self._repo.entry(entry_id)

    def history(self, record_type: RecordType, record_id: int) -> RecordHistory:
        return RecordHistory(
            current=self._repo.current_fields(record_type, record_id),
            earlier=self._repo.earlier_versions(record_type, record_id),
        )

    def record_supervision(self, record: SupervisionRecord) -> ChangeSet:
        """One supervision session, written into the chronology of each child discussed."""
        require(supervision_problems(record, self._clock.now()))
        line = supervision_line(record)
        for child_id in record.child_ids:
            self._repo.add_entry(
                ChronologyEntry(child_id, line.kind, line.occurred_at, line.title, line.body)
            )
        return ChangeSet(chronology=True)

    # Follow-up actions --------------------------------------------------------------------

    def add_action(self, action: FollowUpAction) -> ChangeSet:
        require(action_problems(action))
        action_id = self._repo.add_action(action)
        return ChangeSet(actions=True, child_id=action.child_id, record_id=action_id)

    def complete_action(self, action_id: int) -> ChangeSet:
        action = self._repo.action(action_id)
        done = replace(action, done_on=self._clock.today())
        self._repo.amend(RecordType.ACTION, done, self._actor, "Marked done", self._clock.now())
        return ChangeSet(actions=True, child_id=action.child_id, record_id=action_id)

    def actions_for_child(self, child_id: int) -> list[FollowUpAction]:
        return self._repo.actions_for_child(child_id)

    def overdue_actions(self, limit: int | None = None) -> list[OverdueAction]:
        """Soonest due first: the first `limit` only, if given."""
        return self._repo.overdue_actions(self._clock.today(), limit)

    def overdue_action_count(self) -> int:
        return self._repo.count_overdue_actions(self._clock.today())

    def outstanding_actions(self) -> list[OverdueAction]:
        return self._repo.outstanding_actions()

    # Drafts -------------------------------------------------------------------------------

    def save_draft(self, draft: Draft) -> None:
        self._repo.save_draft(draft, self._clock.now())

    def drafts(self) -> list[Draft]:
        return self._repo.drafts()

    def discard_draft(self, key: str) -> ChangeSet:
        self._repo.discard_draft(key)
        return ChangeSet(drafts=True)


def _tidy_child(child: Child) -> Child:
    return replace(
        child,
        full_name=child.full_name.strip(),
        preferred_name=child.preferred_name.strip(),
        upn=child.upn.strip().upper(),
    )


def _reason_problems(reason: str) -> list[Problem]:
    return [] if reason.strip() else [_AMEND_REASON]


def _entry_problems(entry: ChronologyEntry, stored: ChronologyEntry | None = None) -> list[Problem]:
    problems = []
    if stored is not None and stored.record_type is not None:
        problems.append(
            Problem("kind", f"This line comes from a {stored.kind.label.lower()}: amend that.")
        )
    # A line typed before its kind had its own form may keep that kind when amended.
    kept = stored is not None and stored.kind is entry.kind
    if entry.kind not in FREE_TEXT_KINDS and not kept:
        problems.append(
            Problem("kind", f"A {entry.kind.label.lower()} is recorded on its own form.")
        )
    if not entry.title.strip():
        problems.append(Problem("title", "Give the entry a short title."))
    return problems
