"""Missing from education and part-day absence: kept apart from going missing from home or care.

Reviews found children missing education, or slipping out for part of the school day, with
nobody joining it up with the other risks around them. Each record says what kind of absence
it was, when, where the child was said to be, whether anyone checked, and who was told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from . import display_dates as show


class AbsenceKind(StrEnum):
    NOT_ON_ROLL = "not_on_roll"
    WHEREABOUTS_UNKNOWN = "whereabouts_unknown"
    LEFT_SITE = "left_site"
    MISSED_LESSONS = "missed_lessons"
    LATE_ARRIVALS = "late_arrivals"
    REDUCED_TIMETABLE = "reduced_timetable"

    @property
    def missing_education(self) -> bool:
        """Missing from education altogether, rather than absent for part of the day."""
        return self in (AbsenceKind.NOT_ON_ROLL, AbsenceKind.WHEREABOUTS_UNKNOWN)

    @property
    def group(self) -> str:
        return "Missing from education" if self.missing_education else "Part-day absence"

    @property
    def label(self) -> str:
        return f"{self.group}: {_KIND_LABELS[self]}"

    @property
    def short_label(self) -> str:
        """For a narrow column: the group shortened (CME: children missing education)."""
        group = "CME" if self.missing_education else "Part-day"
        return f"{group}: {_SHORT_LABELS[self]}"


_KIND_LABELS = {
    AbsenceKind.NOT_ON_ROLL: "left, not known to be on roll elsewhere",
    AbsenceKind.WHEREABOUTS_UNKNOWN: "not attending, whereabouts unknown",
    AbsenceKind.LEFT_SITE: "left the school site",
    AbsenceKind.MISSED_LESSONS: "missed lessons (truanting)",
    AbsenceKind.LATE_ARRIVALS: "a pattern of late arrival",
    AbsenceKind.REDUCED_TIMETABLE: "on a reduced timetable",
}


_SHORT_LABELS = {
    AbsenceKind.NOT_ON_ROLL: "not on roll elsewhere",
    AbsenceKind.WHEREABOUTS_UNKNOWN: "whereabouts unknown",
    AbsenceKind.LEFT_SITE: "left site",
    AbsenceKind.MISSED_LESSONS: "missed lessons",
    AbsenceKind.LATE_ARRIVALS: "late arrivals",
    AbsenceKind.REDUCED_TIMETABLE: "reduced timetable",
}


class WhereaboutsCheck(StrEnum):
    """Whether what the school was told about where the child was has been checked."""

    NOT_CHECKED = "not_checked"
    CONFIRMED = "confirmed"
    NOT_CONFIRMED = "not_confirmed"

    @property
    def label(self) -> str:
        return {
            "not_checked": "Not checked",
            "confirmed": "Checked: it was so",
            "not_confirmed": "Checked: it was not so, or could not be confirmed",
        }[self.value]


@dataclass(frozen=True, slots=True)
class EducationAbsence:
    child_id: int
    kind: AbsenceKind
    started_at: datetime
    start_time_known: bool = True
    ended_at: datetime | None = None  # None: not yet back, or still going on
    end_time_known: bool = True
    said_to_be: str = ""  # where the child was said to be
    said_by: str = ""
    checked: WhereaboutsCheck = WhereaboutsCheck.NOT_CHECKED
    check_notes: str = ""  # how it was checked, and by whom
    la_told_on: date | None = None  # the local authority's children missing education officer
    parent_told: bool = False
    others_told: str = ""
    notes: str = ""
    id: int | None = None
    version: int = 1

    @property
    def ongoing(self) -> bool:
        return self.ended_at is None

    def ended_before_start(self) -> bool:
        """Compared by the day where either time is not known, so a day alone never clashes."""
        if self.ended_at is None:
            return False
        if self.start_time_known and self.end_time_known:
            return self.ended_at < self.started_at
        return self.ended_at.date() < self.started_at.date()

    def told_text(self) -> str:
        """Who was told, in a line: the local authority, a parent or carer, anyone else."""
        told = []
        if self.la_told_on is not None:
            on = show.day(self.la_told_on)
            told.append(f"local authority (children missing education officer) on {on}")
        if self.parent_told:
            told.append("parent or carer")
        if self.others_told.strip():
            told.append(self.others_told.strip())
        return "; ".join(told) if told else "nobody recorded"
