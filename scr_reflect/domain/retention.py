"""How long a child's records are kept, who is due for review, and what a hold changes.

The IRMS Information Management Toolkit for Schools keeps child protection records until the
child's date of birth + 25 years; then the DSL reviews them. A hold (an inquiry, a legal claim)
keeps them past that date until it is lifted. Deleting is the DSL's decision after review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from . import display_dates as show
from .enums import EntryKind
from .headlines import ChronologyLine
from .kept import Kept
from .record_kinds import RECORD_KINDS
from .records import display_name
from .validation import Problem

RETENTION_YEARS = 25
# What a deletion was done under: words for the audit trail, which never names the child.
RETENTION_RULE = "retention: date of birth + 25 years"
CONFIRM_WORD = "DELETE"


def review_date(date_of_birth: date) -> date:
    """The child's 25th birthday.

    A 29 February birthday falls on 1 March in a year without one: the later of the two
    candidates, so no record comes up for review before the child has turned 25."""
    year = date_of_birth.year + RETENTION_YEARS
    try:
        return date_of_birth.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def is_past_review(date_of_birth: date, today: date) -> bool:
    """True from the review date itself: the records are kept until then, not beyond."""
    return review_date(date_of_birth) <= today


def latest_birth_date_due(today: date) -> date:
    """The latest date of birth whose records are due by today, so the store can filter.

    Any child born on or before it is due, and none born after: review_date never decreases."""
    year = today.year - RETENTION_YEARS
    try:
        return today.replace(year=year)
    except ValueError:  # today is 29 February: someone born on it 25 years back is due 1 March
        return date(year, 2, 28)


def time_past(review: date, today: date) -> str:
    """How long ago the review date was, in the largest units that read naturally."""
    if review >= today:
        return "due today" if review == today else "not yet due"
    months = (today.year - review.year) * 12 + today.month - review.month
    if today.day < review.day:
        months -= 1
    if months < 1:
        days = (today - review).days
        return _count(days, "day")
    years, months = divmod(months, 12)
    parts = [_count(years, "year")] if years else []
    if months:
        parts.append(_count(months, "month"))
    return " ".join(parts)


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


@dataclass(frozen=True, slots=True)
class RetentionHold:
    child_id: int
    reason: str
    placed_at: datetime
    placed_by: str


@dataclass(frozen=True, slots=True)
class ReviewChild:
    """A child as the review shows them: who, born when, and any hold on their records."""

    child_id: int
    full_name: str
    preferred_name: str
    date_of_birth: date
    hold: RetentionHold | None = None

    @property
    def display_name(self) -> str:
        return display_name(self.full_name, self.preferred_name)

    @property
    def review_date(self) -> date:
        return review_date(self.date_of_birth)


@dataclass(frozen=True, slots=True)
class RetentionReview:
    today: date
    due: tuple[ReviewChild, ...]  # past their date with no hold: the DSL decides on these
    on_hold: tuple[ReviewChild, ...]  # kept by a hold, whether past their date or not


def retention_review(children: Iterable[ReviewChild], today: date) -> RetentionReview:
    """Who is past their review date, oldest date first, and who is kept by a hold."""
    ordered = sorted(children, key=lambda c: (c.review_date, c.full_name, c.child_id))
    return RetentionReview(
        today=today,
        due=tuple(c for c in ordered if c.hold is None and is_past_review(c.date_of_birth, today)),
        on_hold=tuple(c for c in ordered if c.hold is not None),
    )


def deletion_refusal(child: ReviewChild, today: date) -> str | None:
    """Why this child's records may not be deleted today, or None if they may.

    Names the child by id only: the words can reach a log or a terminal."""
    if child.hold is not None:
        return (
            f"Child {child.child_id}'s records are on hold, so they are kept. Lift the hold "
            "first if it no longer applies. Nothing was deleted."
        )
    if not is_past_review(child.date_of_birth, today):
        return (
            f"Child {child.child_id}'s records are kept until their review date (date of "
            f"birth + {RETENTION_YEARS} years), which has not come. Nothing was deleted."
        )
    return None


def confirms_deletion(typed: str, full_name: str) -> bool:
    """The DSL typed DELETE or the child's full name (case and spacing aside)."""
    said = " ".join(typed.split())
    return said == CONFIRM_WORD or said.casefold() == " ".join(full_name.split()).casefold()


def hold_problems(reason: str) -> list[Problem]:
    if reason.strip():
        return []
    return [Problem("reason", "Say why the records must be kept: an inquiry, a legal claim.")]


def hold_placed_line(hold: RetentionHold) -> ChronologyLine:
    return ChronologyLine(
        EntryKind.NOTE,
        hold.placed_at,
        "Records kept past their review date: hold placed",
        f"Placed by {hold.placed_by}. Reason: {hold.reason}",
    )


def hold_lifted_line(hold: RetentionHold, by: str, at: datetime) -> ChronologyLine:
    return ChronologyLine(
        EntryKind.NOTE,
        at,
        "Hold on the records lifted",
        f"Lifted by {by}. The hold placed on {show.day(hold.placed_at)} by {hold.placed_by} "
        f"was for: {hold.reason}",
    )


# How a deletion's summary counts each kind: the structured records say their own words.
_WORDS: dict[Kept, tuple[str, str]] = {
    Kept.CONCERN: ("concern", "concerns"),
    Kept.ENTRY: ("chronology entry", "chronology entries"),
    Kept.ACTION: ("follow-up action", "follow-up actions"),
    **{kind.kept: kind.words for kind in RECORD_KINDS},
    Kept.ANSWER: ("reflection answer", "reflection answers"),
    Kept.VERSION: ("earlier version of an amended record", "earlier versions of amended records"),
    Kept.DRAFT: ("unsaved draft", "unsaved drafts"),
    Kept.HOLD: ("retention hold", "retention holds"),
}


def amount(kind: Kept, number: int) -> str:
    """Such as "1 concern" or "3 concerns"."""
    singular, plural = _WORDS[kind]
    return f"{number} {singular if number == 1 else plural}"


@dataclass(frozen=True, slots=True)
class ChildRecords:
    """What is kept about one child besides their details: what deleting them removes."""

    counts: dict[Kept, int]

    def lines(self) -> list[str]:
        """One line per kind they have, in a fixed order, such as "3 concerns"."""
        return [amount(kind, self.counts[kind]) for kind in Kept if self.counts.get(kind)]
