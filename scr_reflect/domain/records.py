"""Frozen records that cross every layer. Ids are None until the store gives one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .enums import Category, ConcernStatus, EntryKind, RecordType
from .legal_status import LegalStatus


def display_name(full_name: str, preferred_name: str) -> str:
    """The name a DSL knows the child by, with the legal name kept visible.

    The preferred name is left out only when it is already whole words of the full name:
    "Ann" is still shown for "Joanna Smith"."""
    words, preferred = full_name.casefold().split(), preferred_name.casefold().split()
    n = len(preferred)
    if n and all(words[i : i + n] != preferred for i in range(len(words) - n + 1)):
        return f"{full_name} ({preferred_name})"
    return full_name


@dataclass(frozen=True, slots=True)
class Child:
    full_name: str
    date_of_birth: date
    preferred_name: str = ""
    year_group: str = ""
    tutor_group: str = ""
    upn: str = ""
    household: str = ""
    sex: str = ""  # as the MIS or the DSL gives it: "Female", "Male" or other words
    legal_status: LegalStatus = LegalStatus.NONE
    id: int | None = None
    version: int = 1

    @property
    def display_name(self) -> str:
        return display_name(self.full_name, self.preferred_name)

    def age_on(self, day: date) -> int:
        before_birthday = (day.month, day.day) < (self.date_of_birth.month, self.date_of_birth.day)
        return day.year - self.date_of_birth.year - int(before_birthday)


@dataclass(frozen=True, slots=True)
class ChildSummary:
    """One row of the children list: enough to find a child, nothing more."""

    id: int
    full_name: str
    preferred_name: str
    year_group: str
    tutor_group: str
    upn: str
    open_concerns: int

    @property
    def display_name(self) -> str:
        return display_name(self.full_name, self.preferred_name)


@dataclass(frozen=True, slots=True)
class Concern:
    child_id: int
    occurred_at: datetime
    recorded_at: datetime
    raised_by: str
    what_happened: str
    categories: frozenset[Category]
    child_words: str = ""
    action_taken: str = ""
    status: ConcernStatus = ConcernStatus.OPEN
    outcome: str = ""
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class ChronologyEntry:
    """A line in a child's chronology. A record's line points back to it by record_type and
    record_id."""

    child_id: int
    kind: EntryKind
    occurred_at: datetime
    title: str
    body: str = ""
    # The record this line stands for, if any (set by the store, never typed).
    record_type: RecordType | None = None
    record_id: int | None = None
    # False for a line kept by the day: show its date alone, never an invented time.
    time_known: bool = True
    id: int | None = None
    version: int = 1

    @property
    def concern_id(self) -> int | None:
        """The concern this is the line of, if it is one."""
        return self.record_id if self.record_type is RecordType.CONCERN else None


@dataclass(frozen=True, slots=True)
class FollowUpAction:
    child_id: int
    description: str
    owner: str
    due_on: date
    concern_id: int | None = None
    done_on: date | None = None
    id: int | None = None
    version: int = 1

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today


@dataclass(frozen=True, slots=True)
class OverdueAction:
    """An action not yet done with the child it is about: the overdue list shown on opening,
    the outstanding actions in the supervision pack."""

    action: FollowUpAction
    child_name: str


@dataclass(frozen=True, slots=True)
class EarlierVersion:
    """A record as it stood before an amendment, kept for the record's history."""

    record_type: RecordType
    record_id: int
    version: int
    fields: dict[str, str]
    replaced_at: datetime
    replaced_by: str
    reason: str


@dataclass(frozen=True, slots=True)
class RecordHistory:
    """A record as it reads now, and every version it replaced, oldest first."""

    current: dict[str, str]
    earlier: list[EarlierVersion]


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved form text, kept encrypted so a crash or a close loses nothing."""

    key: str
    title: str
    fields: dict[str, str] = field(default_factory=dict)
    saved_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SchoolProfile:
    school_name: str
    dsl_name: str
