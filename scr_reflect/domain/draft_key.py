"""Which form a draft belongs to, and for which record: stored as "form:record:child"."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FormKind(StrEnum):
    CHILD = "child"
    CONCERN = "concern"
    ENTRY = "entry"
    ACTION = "action"
    FACTOR = "factor"
    MISSING = "missing"
    EDUCATION = "education_absence"
    ACCOUNT = "account"
    CLAIM = "claim"
    REFERRAL = "referral"
    ESCALATION = "escalation"
    ESCALATION_STEP = "escalation_step"
    SHARING = "sharing"
    BODY_MARK = "body_mark"
    SUPERVISION = "supervision"


@dataclass(frozen=True, slots=True)
class DraftKey:
    form: FormKind
    child_id: int | None = None
    record_id: int | None = None  # None while the record is new

    def text(self) -> str:
        record = "new" if self.record_id is None else str(self.record_id)
        child = "" if self.child_id is None else str(self.child_id)
        return f"{self.form.value}:{record}:{child}"

    @classmethod
    def parse(cls, text: str) -> DraftKey:
        form, record, child = [*text.split(":"), "", ""][:3]
        return cls(
            form=FormKind(form),
            child_id=int(child) if child.isdigit() else None,
            record_id=int(record) if record.isdigit() else None,
        )
