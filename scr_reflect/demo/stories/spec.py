"""The shape of a fictional demo story: a child, then what happened, in time order.

Dates are days before the clock's today (dates.py turns them into real ones). Concerns,
free-text entries and actions are here; structured records are in records_spec.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from ...domain.enums import Category, ConcernStatus, EntryKind
from ...domain.legal_status import LegalStatus
from .records_spec import MarkSpec, RecordSpec

# Raised-by names and owners. All fictional; roles are what a DSL would write beside them.
DSL = "Designated Safeguarding Lead"
DEPUTY = "Mr Carver (deputy DSL)"
NURSE = "Ms Rahimi (school nurse)"
ATTENDANCE = "Mrs Fenwick (attendance officer)"
PASTORAL = "Ms Lindgren (pastoral manager)"
MENTOR = "Mrs Osei-Blake (learning mentor)"
SENCO = "Mrs Quayle (SENCO)"
LUNCHTIME = "Mrs Dunstable (lunchtime supervisor)"
PE_TEACHER = "Mr Tolland (PE teacher)"
OFFICE = "Mrs Kowalczyk (school office)"
HEAD_OF_YEAR = "Ms Achterberg (head of year)"
TUTOR = "Mr Okoro-Blythe (form tutor)"
Y1_TEACHER = "Miss Harcourt (class teacher)"
Y3_TEACHER = "Mrs Achebe-Ross (class teacher)"
Y4_TEACHER = "Mr Penhaligon (class teacher)"


@dataclass(frozen=True, slots=True)
class ConcernSpec:
    days_ago: int
    raised_by: str
    categories: frozenset[Category]
    what_happened: str
    child_words: str
    action_taken: str
    status: ConcernStatus
    outcome: str
    at: time


@dataclass(frozen=True, slots=True)
class EntrySpec:
    kind: EntryKind
    days_ago: int
    title: str
    body: str
    at: time


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """A follow-up action on the concern recorded just before it in the story."""

    due_in_days: int  # negative: the due date has passed
    description: str
    owner: str
    done_days_ago: int | None


Event = ConcernSpec | EntrySpec | ActionSpec | MarkSpec | RecordSpec


@dataclass(frozen=True, slots=True)
class ChildSpec:
    full_name: str
    age: int
    # Days until the next birthday: with age, fixes the date of birth relative to today.
    birthday_in_days: int
    tutor_letter: str
    household: str
    events: tuple[Event, ...]
    preferred_name: str = ""
    upn_serial: int | None = None
    legal_status: LegalStatus = LegalStatus.NONE
    former_pupil: bool = False  # left the school: no year or tutor group now
    hold_reason: str = ""  # set: the DSL has put a retention hold on the records


def concern(
    days_ago: int,
    raised_by: str,
    categories: tuple[Category, ...],
    what_happened: str,
    *,
    words: str = "",
    action: str = "",
    status: ConcernStatus = ConcernStatus.MONITORING,
    outcome: str = "",
    at: str = "10:40",
) -> ConcernSpec:
    return ConcernSpec(
        days_ago,
        raised_by,
        frozenset(categories),
        what_happened,
        words,
        action,
        status,
        outcome,
        time.fromisoformat(at),
    )


def entry(
    kind: EntryKind, days_ago: int, title: str, body: str = "", at: str = "13:15"
) -> EntrySpec:
    return EntrySpec(kind, days_ago, title, body, time.fromisoformat(at))


def action(
    due_in_days: int, description: str, owner: str, *, done_days_ago: int | None = None
) -> ActionSpec:
    return ActionSpec(due_in_days, description, owner, done_days_ago)
