"""Missing from education and part-day absence, as the referral and escalation summaries set
them out: under their own heading, apart from going missing from home or care."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from ..domain import display_dates as show
from ..domain.education import EducationAbsence
from .parts import para, plural, table, text

TITLE = "Missing education and part-day absences"


def summary(absences: Sequence[EducationAbsence]) -> str:
    missing = sum(1 for a in absences if a.kind.missing_education)
    counts = [
        plural(count, one, many)
        for count, one, many in (
            (missing, "time missing from education", "times missing from education"),
            (len(absences) - missing, "part-day absence", ""),
        )
        if count
    ]
    line = f"{' and '.join(counts)} recorded."
    if any(a.ended_at is None and a.kind.missing_education for a in absences):
        line += " <b>Missing from education now: no end is recorded.</b>"
    return line


def absences(records: Sequence[EducationAbsence]) -> list[Flowable]:
    rows = [_row(a) for a in sorted(records, key=lambda a: (a.started_at, a.id or 0))]
    header = ["From", "To", "Kind", "Said to be, by whom, checked", "Who was told", "Notes"]
    return [para(summary(records)), table(header, rows, [12, 12, 18, 22, 17, 19])]


def _row(a: EducationAbsence) -> list[str]:
    until = "<b>Still going on</b>"
    if a.ended_at is not None:
        until = show.moment(a.ended_at, a.end_time_known)
    said = "Not known"
    if a.said_to_be:
        said = text(a.said_to_be) + (f"<br/>Said by {text(a.said_by)}" if a.said_by else "")
        checked = a.checked.label + (f". {a.check_notes}" if a.check_notes else "")
        said += f"<br/>{text(checked)}"
    return [
        show.moment(a.started_at, a.start_time_known),
        until,
        text(a.kind.label),
        said,
        text(_sentence(a.told_text())),
        text(a.notes),
    ]


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:]
