"""The store's API: one session per call, domain records in and out, ORM rows never out."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Engine, case, func, select

from ..domain.chronology_filter import ChronologyFilter
from ..domain.enums import ConcernStatus, RecordType
from ..domain.headlines import ChronologyLine
from ..domain.record_kinds import PARENT_KEYS
from ..domain.records import (
    Child,
    ChildSummary,
    ChronologyEntry,
    Concern,
    Draft,
    EarlierVersion,
    FollowUpAction,
    OverdueAction,
    SchoolProfile,
)
from . import mapping
from .child_index import ChildIndex
from .models import ActionRow, ChildRow, ConcernRow, DraftRow, EntryRow, SettingRow, VersionRow
from .record_lines import rewrite_lines, write_lines
from .record_rows import row_kind
from .unit_of_work import (
    UnitOfWork,
    Watch,
    get_row,
    replace_keeping_history,
)

_ROW_FOR = {
    RecordType.CHILD: ChildRow,
    RecordType.CONCERN: ConcernRow,
    RecordType.ENTRY: EntryRow,
    RecordType.ACTION: ActionRow,
}


class Repository(UnitOfWork):
    def __init__(self, engine: Engine, watch: Watch | None = None) -> None:
        super().__init__(engine, watch)
        self._child_index = ChildIndex(engine)

    def forget(self) -> None:
        """Drop what is held in memory for search, as the store closes."""
        self._child_index.forget()

    # School profile -----------------------------------------------------------------------

    def profile(self) -> SchoolProfile:
        with self._unit() as s:
            values = dict(s.execute(select(SettingRow.key, SettingRow.value)).all())
        return SchoolProfile(values.get("school_name", ""), values.get("dsl_name", ""))

    def save_profile(self, profile: SchoolProfile) -> None:
        with self._unit() as s:
            s.merge(SettingRow(key="school_name", value=profile.school_name))
            s.merge(SettingRow(key="dsl_name", value=profile.dsl_name))

    # Children -----------------------------------------------------------------------------

    def add_child(self, child: Child, now: datetime) -> int:
        with self._unit() as s:
            row = ChildRow(**mapping.record_columns(child), version=1, created_at=now)
            s.add(row)
            s.flush()
            return row.id

    def child(self, child_id: int) -> Child:
        with self._unit() as s:
            return mapping.child_from_row(get_row(s, ChildRow, child_id))

    def search_child_ids(self, text: str) -> list[int]:
        """Children whose name, year or tutor group or UPN holds every word typed."""
        return self._child_index.search(text)

    def read_search_fields_ahead(self) -> None:
        self._child_index.read_ahead()

    def child_summaries(self, ids: Sequence[int]) -> list[ChildSummary]:
        open_count = (
            select(func.count(ConcernRow.id))
            .where(ConcernRow.child_id == ChildRow.id)
            .where(ConcernRow.status != ConcernStatus.CLOSED.value)
            .scalar_subquery()
        )
        # Plain rows of the listed columns: a page of the list is read on every keystroke.
        query = select(
            ChildRow.id,
            ChildRow.full_name,
            ChildRow.preferred_name,
            ChildRow.year_group,
            ChildRow.tutor_group,
            ChildRow.upn,
            open_count.label("open_concerns"),
        ).where(ChildRow.id.in_(ids))
        with self._unit() as s:
            found = {row.id: ChildSummary(**row._asdict()) for row in s.execute(query)}
        return [found[i] for i in ids if i in found]

    # Concerns -----------------------------------------------------------------------------

    def add_concern(self, concern: Concern, lines: Sequence[ChronologyLine]) -> int:
        """Store a new concern and its chronology lines in one transaction."""
        with self._unit() as s:
            get_row(s, ChildRow, concern.child_id)
            row = ConcernRow(
                **mapping.record_columns(concern), child_id=concern.child_id, version=1
            )
            s.add(row)
            s.flush()
            write_lines(s, concern.child_id, RecordType.CONCERN, row.id, lines)
            return row.id

    def concern(self, concern_id: int) -> Concern:
        with self._unit() as s:
            return mapping.concern_from_row(get_row(s, ConcernRow, concern_id))

    def concerns_for_child(self, child_id: int) -> list[Concern]:
        query = (
            select(ConcernRow)
            .where(ConcernRow.child_id == child_id)
            .order_by(ConcernRow.occurred_at)
        )
        with self._unit() as s:
            return [mapping.concern_from_row(r) for r in s.scalars(query)]

    # Chronology ---------------------------------------------------------------------------

    def add_entry(self, entry: ChronologyEntry) -> int:
        with self._unit() as s:
            get_row(s, ChildRow, entry.child_id)
            row = EntryRow(**mapping.record_columns(entry), child_id=entry.child_id, version=1)
            s.add(row)
            s.flush()
            return row.id

    def entry_ids(self, child_id: int, wanted: ChronologyFilter) -> list[int]:
        """Ids of a child's entries, newest first, within the filter."""
        query = select(EntryRow.id).where(
            EntryRow.child_id == child_id,
            EntryRow.kind.in_([k.value for k in wanted.kinds]),
        )
        if wanted.date_from:
            query = query.where(EntryRow.occurred_at >= _start_of(wanted.date_from))
        if wanted.date_to:
            query = query.where(EntryRow.occurred_at < _start_of(wanted.date_to, days_after=1))
        query = query.order_by(EntryRow.occurred_at.desc(), EntryRow.id.desc())
        with self._unit() as s:
            return list(s.scalars(query))

    def entries(self, ids: Sequence[int]) -> list[ChronologyEntry]:
        with self._unit() as s:
            rows = {r.id: r for r in s.scalars(select(EntryRow).where(EntryRow.id.in_(ids)))}
            return [mapping.entry_from_row(rows[i]) for i in ids if i in rows]

    def entry(self, entry_id: int) -> ChronologyEntry:
        with self._unit() as s:
            return mapping.entry_from_row(get_row(s, EntryRow, entry_id))

    # Follow-up actions --------------------------------------------------------------------

    def add_action(self, action: FollowUpAction) -> int:
        with self._unit() as s:
            get_row(s, ChildRow, action.child_id)
            row = ActionRow(**mapping.record_columns(action), child_id=action.child_id, version=1)
            s.add(row)
            s.flush()
            return row.id

    def action(self, action_id: int) -> FollowUpAction:
        with self._unit() as s:
            return mapping.action_from_row(get_row(s, ActionRow, action_id))

    def actions_for_child(self, child_id: int) -> list[FollowUpAction]:
        query = (
            select(ActionRow)
            .where(ActionRow.child_id == child_id)
            .order_by(case((ActionRow.done_on.is_(None), 0), else_=1), ActionRow.due_on)
        )
        with self._unit() as s:
            return [mapping.action_from_row(r) for r in s.scalars(query)]

    def overdue_actions(self, today: date, limit: int | None = None) -> list[OverdueAction]:
        """Actions not done and due before today, soonest due first; the first `limit` only."""
        return self.outstanding_actions(due_before=today, limit=limit)

    def count_overdue_actions(self, today: date) -> int:
        query = select(func.count(ActionRow.id)).where(
            ActionRow.done_on.is_(None), ActionRow.due_on < today
        )
        with self._unit() as s:
            return int(s.execute(query).scalar_one())

    def outstanding_actions(
        self, due_before: date | None = None, limit: int | None = None
    ) -> list[OverdueAction]:
        """Actions not yet done, soonest due first; only those due before a day if given."""
        query = (
            select(ActionRow, ChildRow.full_name)
            .join(ChildRow, ChildRow.id == ActionRow.child_id)
            .where(ActionRow.done_on.is_(None))
            .order_by(ActionRow.due_on, ActionRow.id)
            .limit(limit)
        )
        if due_before is not None:
            query = query.where(ActionRow.due_on < due_before)
        with self._unit() as s:
            return [
                OverdueAction(mapping.action_from_row(row), name) for row, name in s.execute(query)
            ]

    # Amendments ---------------------------------------------------------------------------

    def amend(
        self,
        record_type: RecordType,
        record: Child | Concern | ChronologyEntry | FollowUpAction,
        by: str,
        reason: str,
        now: datetime,
        lines: Sequence[ChronologyLine] | None = None,
    ) -> int:
        """Replace a record's fields, keeping what it said before. Returns the new version.

        A concern passes the chronology lines it now writes: they replace the ones it wrote
        before."""
        assert record.id is not None
        with self._unit() as s:
            row = get_row(s, _ROW_FOR[record_type], record.id)
            version = replace_keeping_history(
                s, record_type, row, record.version, mapping.record_columns(record), by, reason, now
            )
            if lines is not None:
                assert isinstance(row, ConcernRow)  # the one record here that writes its lines
                rewrite_lines(s, row.child_id, record_type, row.id, lines)
            return version

    def current_fields(self, record_type: RecordType, record_id: int) -> dict[str, str]:
        """A record's fields as text, in the same form its earlier versions are kept."""
        with self._unit() as s:
            model = _ROW_FOR.get(record_type) or row_kind(record_type).row
            row = get_row(s, model, record_id)
            hidden = mapping.STORE_OWNED | PARENT_KEYS
            names = [c.key for c in row.__table__.columns if c.key not in hidden]
            return {name: mapping.as_text(getattr(row, name)) for name in names}

    def earlier_versions(self, record_type: RecordType, record_id: int) -> list[EarlierVersion]:
        query = (
            select(VersionRow)
            .where(VersionRow.record_type == record_type.value, VersionRow.record_id == record_id)
            .order_by(VersionRow.version)
        )
        with self._unit() as s:
            return [
                EarlierVersion(
                    record_type=record_type,
                    record_id=record_id,
                    version=r.version,
                    fields=json.loads(r.fields_json),
                    replaced_at=r.replaced_at,
                    replaced_by=r.replaced_by,
                    reason=r.reason,
                )
                for r in s.scalars(query)
            ]

    # Drafts -------------------------------------------------------------------------------

    def save_draft(self, draft: Draft, now: datetime) -> None:
        with self._unit() as s:
            s.merge(
                DraftRow(
                    key=draft.key,
                    title=draft.title,
                    fields_json=json.dumps(draft.fields, ensure_ascii=False),
                    saved_at=now,
                )
            )

    def drafts(self) -> list[Draft]:
        with self._unit() as s:
            return [
                Draft(r.key, r.title, json.loads(r.fields_json), r.saved_at)
                for r in s.scalars(select(DraftRow).order_by(DraftRow.saved_at))
            ]

    def discard_draft(self, key: str) -> None:
        with self._unit() as s:
            row = s.get(DraftRow, key)
            if row is not None:
                s.delete(row)


def _start_of(day: date, days_after: int = 0) -> datetime:
    return datetime.combine(date.fromordinal(day.toordinal() + days_after), datetime.min.time())
