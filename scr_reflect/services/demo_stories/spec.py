"""The shape of a fictional demo story, and how its relative dates become real ones.

Every date is counted from the clock's today, so the caseload stays current whenever it is
loaded: a concern "40 days ago" is always 40 days before the day the demo was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ...domain.enums import Category, ConcernStatus, EntryKind

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


Event = ConcernSpec | EntrySpec | ActionSpec


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


# Turning relative dates into real ones ------------------------------------------------------


def on_school_day(day: date) -> date:
    """Staff record things on school days: a weekend date moves back to the Friday."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def when(days_ago: int, at: time, today: date, *, school_day: bool = True) -> datetime:
    day = today - timedelta(days=days_ago)
    return datetime.combine(on_school_day(day) if school_day else day, at)


def date_of_birth(age: int, birthday_in_days: int, today: date) -> date:
    next_birthday = today + timedelta(days=birthday_in_days)
    try:
        return next_birthday.replace(year=next_birthday.year - age - 1)
    except ValueError:  # 29 February in a year without one
        return next_birthday.replace(year=next_birthday.year - age - 1, day=28)


def year_group(born: date, today: date) -> str:
    """England's year group: set by the child's age on 31 August before the school year."""
    start_year = today.year if today.month >= 9 else today.year - 1
    last_august = date(start_year, 8, 31)
    age = last_august.year - born.year - int((born.month, born.day) > (8, 31))
    number = age - 4
    if number < 0:
        return "Nursery"
    return "Reception" if number == 0 else f"Year {number}"


def tutor_group(year: str, letter: str) -> str:
    code = {"Nursery": "N", "Reception": "R"}.get(year, year.removeprefix("Year "))
    return f"{code}{letter}"


_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def fictional_upn(serial: int) -> str:
    """A UPN with a correct check letter but local authority number 999, which is not
    allocated to any authority, so it can never be a real pupil's number."""
    digits = f"999{9000 + serial // 1000 % 1000:04d}24{serial % 1000:03d}"
    weighted = sum(int(d) * weight for weight, d in enumerate(digits, start=2))
    return _CHECK_LETTERS[weighted % 23] + digits
