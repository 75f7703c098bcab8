"""What a transfer pack says about the child, as JSON, and what receiving it adds.

The pack carries the child's details, every concern and chronology line, and each structured
record as text with its earlier versions. Receiving adds the concerns as concerns (their
author followed by the school they came from) and every other line marked "Received from
<school>", with its original date; a record's fields and earlier versions go in the body of
its first line. Nothing received is made to look written at the new school.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .enums import Category, ConcernStatus, EntryKind, RecordType
from .field_words import caption, words_for
from .legal_status import LegalStatus
from .record_kinds import kind_of
from .records import Child, ChronologyEntry, Concern, EarlierVersion

FORMAT = "SCR Reflect child protection file"
TITLE_LIMIT = 300  # the chronology's title column


class UnreadableContent(ValueError):
    """The pack opened and its signature held, but its content is not one this tool reads."""


@dataclass(frozen=True, slots=True)
class KeptRecord:
    """Any record as text, as its history shows it: current fields and earlier versions."""

    record_type: RecordType
    record_id: int
    version: int
    fields: dict[str, str]
    earlier: tuple[EarlierVersion, ...] = ()


@dataclass(frozen=True, slots=True)
class FileContent:
    school: str
    sent_by: str
    sent_at: datetime
    child: Child
    concerns: tuple[Concern, ...]
    lines: tuple[ChronologyEntry, ...]
    records: tuple[KeptRecord, ...]

    @property
    def count(self) -> int:
        """Records in the file: concerns, lines typed on their own, structured records."""
        typed = sum(1 for line in self.lines if line.record_type is None)
        own = (RecordType.CONCERN, RecordType.ENTRY)  # kept for their versions: counted above
        structured = sum(1 for r in self.records if r.record_type not in own)
        return len(self.concerns) + typed + structured


# To JSON ----------------------------------------------------------------------------------


def to_json(content: FileContent) -> dict[str, Any]:
    child = content.child
    return {
        "format": FORMAT,
        "school": content.school,
        "sent_by": content.sent_by,
        "sent_at": content.sent_at.isoformat(),
        "child": {
            "full_name": child.full_name,
            "preferred_name": child.preferred_name,
            "date_of_birth": child.date_of_birth.isoformat(),
            "year_group": child.year_group,
            "tutor_group": child.tutor_group,
            "upn": child.upn,
            "household": child.household,
            "legal_status": child.legal_status.value,
        },
        "concerns": [_concern_json(c) for c in content.concerns],
        "lines": [_line_json(line) for line in content.lines],
        "records": [_record_json(r) for r in content.records],
    }


def _concern_json(c: Concern) -> dict[str, Any]:
    return {
        "id": c.id,
        "occurred_at": c.occurred_at.isoformat(),
        "recorded_at": c.recorded_at.isoformat(),
        "raised_by": c.raised_by,
        "what_happened": c.what_happened,
        "categories": sorted(x.value for x in c.categories),
        "child_words": c.child_words,
        "action_taken": c.action_taken,
        "status": c.status.value,
        "outcome": c.outcome,
    }


def _line_json(e: ChronologyEntry) -> dict[str, Any]:
    return {
        "kind": e.kind.value,
        "occurred_at": e.occurred_at.isoformat(),
        "title": e.title,
        "body": e.body,
        "record_type": e.record_type.value if e.record_type else None,
        "record_id": e.record_id if e.record_type else e.id,
        "time_known": e.time_known,
    }


def _record_json(r: KeptRecord) -> dict[str, Any]:
    return {
        "record_type": r.record_type.value,
        "record_id": r.record_id,
        "version": r.version,
        "fields": r.fields,
        "earlier": [
            {
                "version": v.version,
                "fields": v.fields,
                "replaced_at": v.replaced_at.isoformat(),
                "replaced_by": v.replaced_by,
                "reason": v.reason,
            }
            for v in r.earlier
        ],
    }


# From JSON --------------------------------------------------------------------------------


def from_json(data: dict[str, Any]) -> FileContent:
    try:
        if data.get("format") != FORMAT:
            raise UnreadableContent("This is not a child protection file from SCR Reflect.")
        c = data["child"]
        child = Child(
            full_name=str(c["full_name"]),
            preferred_name=str(c["preferred_name"]),
            date_of_birth=date.fromisoformat(c["date_of_birth"]),
            year_group=str(c["year_group"]),
            tutor_group=str(c["tutor_group"]),
            upn=str(c["upn"]),
            household=str(c["household"]),
            legal_status=LegalStatus(c["legal_status"]),
        )
        return FileContent(
            school=str(data["school"]),
            sent_by=str(data["sent_by"]),
            sent_at=datetime.fromisoformat(data["sent_at"]),
            child=child,
            concerns=tuple(_concern(x) for x in data["concerns"]),
            lines=tuple(_line(x) for x in data["lines"]),
            records=tuple(_record(x) for x in data["records"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, UnreadableContent):
            raise
        raise UnreadableContent("The file's content could not be read.") from error


def _concern(x: dict[str, Any]) -> Concern:
    return Concern(
        child_id=0,
        id=int(x["id"]),
        occurred_at=datetime.fromisoformat(x["occurred_at"]),
        recorded_at=datetime.fromisoformat(x["recorded_at"]),
        raised_by=str(x["raised_by"]),
        what_happened=str(x["what_happened"]),
        categories=frozenset(Category(v) for v in x["categories"]),
        child_words=str(x["child_words"]),
        action_taken=str(x["action_taken"]),
        status=ConcernStatus(x["status"]),
        outcome=str(x["outcome"]),
    )


def _line(x: dict[str, Any]) -> ChronologyEntry:
    kind = RecordType(x["record_type"]) if x["record_type"] else None
    return ChronologyEntry(
        child_id=0,
        kind=EntryKind(x["kind"]),
        occurred_at=datetime.fromisoformat(x["occurred_at"]),
        title=str(x["title"]),
        body=str(x["body"]),
        record_type=kind,
        record_id=int(x["record_id"]) if x["record_id"] is not None else None,
        time_known=bool(x["time_known"]),
        id=None if kind else int(x["record_id"]),
    )


def _record(x: dict[str, Any]) -> KeptRecord:
    kind, record_id = RecordType(x["record_type"]), int(x["record_id"])
    return KeptRecord(
        record_type=kind,
        record_id=record_id,
        version=int(x["version"]),
        fields={str(k): str(v) for k, v in x["fields"].items()},
        earlier=tuple(
            EarlierVersion(
                kind,
                record_id,
                int(v["version"]),
                {str(k): str(val) for k, val in v["fields"].items()},
                datetime.fromisoformat(v["replaced_at"]),
                str(v["replaced_by"]),
                str(v["reason"]),
            )
            for v in x["earlier"]
        ),
    )


# Receiving --------------------------------------------------------------------------------


def received_concerns(content: FileContent) -> list[Concern]:
    """The concerns as the new school keeps them: the author named with their school."""
    return [
        Concern(
            child_id=0,
            occurred_at=c.occurred_at,
            recorded_at=c.recorded_at,
            raised_by=f"{c.raised_by} ({content.school})"[:200],
            what_happened=c.what_happened,
            categories=c.categories,
            child_words=c.child_words,
            action_taken=c.action_taken,
            status=c.status,
            outcome=c.outcome,
        )
        for c in content.concerns
    ]


def received_lines(content: FileContent) -> list[ChronologyEntry]:
    """Every line but the concerns' own (a received concern writes its line again), marked
    as received, with the records' fields and earlier versions in their first line's body."""
    records = {(r.record_type, r.record_id): r for r in content.records}
    told: set[tuple[RecordType, int]] = set()
    lines = []
    for line in content.lines:
        if line.record_type is RecordType.CONCERN:
            continue
        key: tuple[RecordType, int] = (
            line.record_type or RecordType.ENTRY,
            line.record_id or line.id or 0,
        )
        body = line.body
        record = records.get(key)
        if record is not None and key not in told:
            told.add(key)
            body = "\n\n".join(p for p in (body, history_text(record, content.school)) if p)
        lines.append(
            _received(content, line.kind, line.occurred_at, line.title, body, line.time_known)
        )
    for key, record in records.items():
        if key in told:
            continue
        title = f"{kind_name(record.record_type)} record"
        body = history_text(record, content.school)
        lines.append(_received(content, EntryKind.NOTE, content.sent_at, title, body))
    return lines


def kind_name(record_type: RecordType) -> str:
    """What a kept record is, as a heading names it: "Body map mark"."""
    own = {RecordType.CONCERN: "concern", RecordType.ENTRY: "chronology line"}
    name = own.get(record_type) or kind_of(record_type).words[0]
    return name[:1].upper() + name[1:]


def history_text(record: KeptRecord, school: str) -> str:
    """A record's fields as last kept, and each earlier version, as plain text."""
    kind = record.record_type
    parts = [f"As kept at {school} (version {record.version}):", *_fields(kind, record.fields)]
    for v in record.earlier:
        said = f"Version {v.version}, replaced {v.replaced_at:%d/%m/%Y %H:%M} by {v.replaced_by}"
        parts += ["", f"{said}: {v.reason}" if v.reason else said, *_fields(kind, v.fields)]
    return "\n".join(parts)


def received_note(content: FileContent, fingerprint: str, now: datetime) -> ChronologyEntry:
    """The line that says the file came in: from where, signed by which key, with what."""
    title = f"Received: child protection file from {content.school}"
    body = (
        f"Sent on {content.sent_at:%d/%m/%Y} by {content.sent_by}, received on "
        f"{now:%d/%m/%Y}: {plural(content.count, 'record')} in all, "
        f"{plural(len(content.concerns), 'concern')} among them. "
        f"The sending school's key: {fingerprint}."
    )
    return ChronologyEntry(0, EntryKind.DOCUMENT, now, title[:TITLE_LIMIT], body)


def _received(
    content: FileContent,
    kind: EntryKind,
    at: datetime,
    title: str,
    body: str,
    time_known: bool = True,
) -> ChronologyEntry:
    marked = f"Received from {content.school} on {content.sent_at:%d/%m/%Y}: {title}"
    return ChronologyEntry(0, kind, at, marked[:TITLE_LIMIT], body, time_known=time_known)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _fields(record_type: RecordType, fields: dict[str, str]) -> Sequence[str]:
    """Each field filled in, as its history reads it (a pack from an earlier version of the
    tool carries stored codes, read here in words)."""
    words = words_for(record_type)
    return [f"{caption(name)}: {words(name, value)}" for name, value in fields.items() if value]
