"""Store reflection answers, and keep the concern's one reflection line in the chronology."""

from __future__ import annotations

from sqlalchemy import select

from ..domain.enums import EntryKind, RecordType
from ..domain.reflection import Answer
from .models import ConcernRow, EntryRow
from .models_reflection import AnswerRow
from .unit_of_work import UnitOfWork, get_row


class ReflectionRepository(UnitOfWork):
    def answers(self, concern_id: int) -> list[Answer]:
        query = select(AnswerRow).where(AnswerRow.concern_id == concern_id).order_by(AnswerRow.id)
        with self._unit() as s:
            return [
                Answer(r.concern_id, r.key, r.question, r.text, r.library_version, r.updated_at)
                for r in s.scalars(query)
            ]

    def save(self, answer: Answer, headline: str) -> None:
        """Insert or replace one answer and bring the reflection's chronology line up to date."""
        assert answer.updated_at is not None
        with self._unit() as s:
            concern = get_row(s, ConcernRow, answer.concern_id)
            row = s.scalars(
                select(AnswerRow).where(
                    AnswerRow.concern_id == answer.concern_id, AnswerRow.key == answer.key
                )
            ).first()
            if row is None:
                row = AnswerRow(concern_id=answer.concern_id, key=answer.key)
                s.add(row)
            row.question, row.text = answer.question, answer.text
            row.library_version, row.updated_at = answer.library_version, answer.updated_at
            line = s.scalars(
                select(EntryRow).where(
                    EntryRow.record_type == RecordType.REFLECTION.value,
                    EntryRow.record_id == answer.concern_id,
                )
            ).first()
            if line is None:
                line = EntryRow(
                    child_id=concern.child_id,
                    kind=EntryKind.REFLECTION.value,
                    record_type=RecordType.REFLECTION.value,
                    record_id=answer.concern_id,
                    version=1,
                    body="",
                )
                s.add(line)
            line.occurred_at, line.title = answer.updated_at, headline
