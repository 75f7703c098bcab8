"""Add a note, a contact or a meeting to the chronology; other kinds have their own forms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.changes import ChangeSet
from ...domain.enums import FREE_TEXT_KINDS, EntryKind
from ...domain.records import ChronologyEntry, Draft
from ...services.records import RecordService
from ..shared.task_runner import Runner
from ..shared.widgets import as_iso, choice_box, datetime_edit, text_box
from .record_form import REASON, RecordForm


class EntryForm(RecordForm):
    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        records: RecordService,
        draft: Draft,
        child_id: int,
        entry: ChronologyEntry | None = None,
    ) -> None:
        super().__init__(parent, runner, records, draft, amending=entry is not None)
        self._child_id, self._entry = child_id, entry
        self.setWindowTitle("Amend chronology entry" if entry else "Add to the chronology")
        # A line typed before its kind had its own form keeps that kind when amended.
        kinds = list(FREE_TEXT_KINDS)
        if entry is not None and entry.kind not in kinds:
            kinds.append(entry.kind)
        self.add_field("kind", "Type", choice_box(self, [(k.label, k.value) for k in kinds]))
        self.add_field(
            "occurred_at", "When", datetime_edit(self, records.now(), time_optional=True)
        )
        self.add_field(
            "title", "Title", QLineEdit(self, placeholderText="One line a reader can scan")
        )
        self.add_field(
            "body", "Details", text_box(self, "Who, what was said or decided, next steps.", 6)
        )
        self.finish_building()

    @staticmethod
    def fields_of(entry: ChronologyEntry) -> dict[str, str]:
        return {
            "kind": entry.kind.value,
            "occurred_at": as_iso(
                entry.occurred_at if entry.time_known else entry.occurred_at.date()
            ),
            "title": entry.title,
            "body": entry.body,
        }

    def make_save(self) -> Callable[[], ChangeSet]:
        occurred_at, time_known = self.moment_value("occurred_at")
        entry = ChronologyEntry(
            child_id=self._child_id,
            kind=EntryKind(self.value("kind")),
            occurred_at=occurred_at,
            title=self.value("title").strip(),
            body=self.value("body"),
            time_known=time_known,
        )
        records = self._records
        if self._entry is None:
            return lambda: records.add_entry(entry)
        amended = replace(entry, id=self._entry.id, version=self._entry.version)
        reason = self.value(REASON)
        return lambda: records.amend_entry(amended, reason)
