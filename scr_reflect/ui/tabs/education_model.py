"""A child's absences from education, newest first."""

from __future__ import annotations

from datetime import datetime

from ...domain import display_dates as show
from ...domain.education import EducationAbsence
from ..shared.list_table_model import ListTableModel

COL_FROM, COL_TO, COL_KIND, COL_LA = range(4)


def until_text(absence: EducationAbsence) -> str:
    if absence.ended_at is None:
        return "Still going on"
    return show.moment(absence.ended_at, absence.end_time_known)


def said_text(absence: EducationAbsence) -> str:
    if not absence.said_to_be:
        return "Not known"
    return f"{absence.said_to_be} ({absence.checked.label.lower()})"


def told_la_text(absence: EducationAbsence) -> str:
    return show.day(absence.la_told_on) if absence.la_told_on else "Not told"


class EducationModel(ListTableModel[EducationAbsence]):
    HEADERS = ("From", "To", "Kind", "LA told")

    def newest_first_by(self, item: EducationAbsence) -> datetime:
        return item.started_at

    def tooltip(self, item: EducationAbsence, column: int) -> str:
        return item.kind.label if column == COL_KIND else self.cell(item, column)

    def cell(self, item: EducationAbsence, column: int) -> str:
        if column == COL_FROM:
            return show.moment(item.started_at, item.start_time_known)
        if column == COL_TO:
            return until_text(item)
        if column == COL_KIND:
            return item.kind.short_label
        return told_la_text(item)
