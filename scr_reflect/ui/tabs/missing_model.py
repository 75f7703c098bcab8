"""Missing episodes as a table, newest first, and the words that describe them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from ...domain import display_dates as show
from ...domain.missing import (
    InterviewOutcome,
    MissingEpisode,
    MissingPattern,
    Trend,
    interview_in_words,
)
from ..shared.table_columns import ID_ROLE, ColumnsModel, Index

# How long and the interview come first, so they stay in view in a narrow pane.
COL_STARTED, COL_DURATION, COL_INTERVIEW, COL_RETURNED, COL_FOUND, COL_REPORTED_BY, COL_POLICE = (
    range(7)
)
HEADERS = (
    "Went missing",
    "How long",
    "Return home interview",
    "Returned",
    "Found where / by",
    "Reported by",
    "Police ref.",
)
INTERVIEW_MISSED_ROLE = Qt.ItemDataRole.UserRole + 2


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def duration_text(length: timedelta) -> str:
    hours, minutes = divmod(int(length.total_seconds()) // 60, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{_days(days)} {hours} h"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def interview_text(episode: MissingEpisode, now: datetime) -> str:
    """What is recorded of the return home interview, against the 72-hour window."""
    if episode.ended_at is None:
        return "after the child returns"
    words = interview_in_words(episode)
    missed = episode.interview_missed(now)
    outcome = episode.interview_outcome
    if outcome is InterviewOutcome.HELD and episode.interview_held_on:
        days = (episode.interview_held_on - episode.ended_at.date()).days
        words += " (on the day of return)" if days == 0 else f" ({_days(days)} after return)"
        return f"{words}: after the 72-hour window" if missed else words
    if outcome is InterviewOutcome.DECLINED:
        return f"{words}: offered after the 72-hour window" if missed else words
    if missed:
        return f"{words}: 72-hour window passed"
    due = episode.interview_due_by()
    assert due is not None
    return f"{words}; due by {show.day_and_time(due)}"


_FREQUENCY = {
    Trend.RISING: "More often than in the 90 days before.",
    Trend.FALLING: "Less often than in the 90 days before.",
    Trend.STEADY: "As often as in the 90 days before.",
    Trend.TOO_FEW: "Too few episodes to say whether it is happening more often.",
}
_DURATION = {
    Trend.RISING: "The latest episode lasted longer than the ones before it.",
    Trend.FALLING: "The latest episode was shorter than the ones before it.",
    Trend.STEADY: "The latest episode lasted about as long as the ones before it.",
    Trend.TOO_FEW: "Too few returns to say whether episodes are getting longer.",
}


def pattern_lines(pattern: MissingPattern, episodes: list[MissingEpisode]) -> list[str]:
    """The pattern in words: how many lately, whether more often, whether for longer."""
    if not episodes:
        return ["No missing episodes recorded."]
    counts = (
        f"Missing episodes: {pattern.in_last_90_days} in the last 90 days, "
        f"{pattern.in_previous_90_days} in the 90 days before."
    )
    quiet = pattern.in_last_90_days == pattern.in_previous_90_days == 0
    frequency = "None in the last 180 days." if quiet else _FREQUENCY[pattern.frequency]
    return [counts, frequency, _DURATION[pattern.duration]]


class MissingModel(ColumnsModel):
    HEADERS = HEADERS
    # What a view is answered: any other role is None at once (asked at every paint).
    ROLES = frozenset(
        {ID_ROLE, INTERVIEW_MISSED_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole}
    )

    def __init__(self) -> None:
        super().__init__()
        self._episodes: list[MissingEpisode] = []
        self._now = datetime.min
        self._texts: dict[int, tuple[str, ...]] = {}  # by row, worked out when first shown

    def set_episodes(self, episodes: list[MissingEpisode], now: datetime) -> None:
        self.beginResetModel()
        self._episodes = sorted(episodes, key=lambda e: (e.started_at, e.id or 0), reverse=True)
        self._now = now
        self._texts.clear()
        self.endResetModel()

    def episode_at(self, row: int) -> MissingEpisode | None:
        return self._episodes[row] if 0 <= row < len(self._episodes) else None

    def row_of(self, episode_id: int) -> int | None:
        ids = [e.id for e in self._episodes]
        return ids.index(episode_id) if episode_id in ids else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._episodes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self.ROLES:
            return None
        episode = self.episode_at(index.row()) if index.isValid() else None
        if episode is None:
            return None
        if role == ID_ROLE:
            return episode.id
        if role == INTERVIEW_MISSED_ROLE:
            return episode.interview_missed(self._now)
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(index.row())
            if texts is None:
                texts = tuple(self._text(episode, c) for c in range(len(self.HEADERS)))
                self._texts[index.row()] = texts
            return texts[index.column()]
        missed = index.column() == COL_INTERVIEW and episode.interview_missed(self._now)
        if role == Qt.ItemDataRole.FontRole and missed:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, episode: MissingEpisode, column: int) -> str:
        if column == COL_STARTED:
            return show.day_and_time(episode.started_at)
        if column == COL_RETURNED:
            return show.day_and_time(episode.ended_at) if episode.ended_at else "not yet"
        if column == COL_DURATION:
            length = episode.duration or self._now - episode.started_at
            return duration_text(length) + ("" if episode.duration else " so far")
        if column == COL_FOUND:
            return " / ".join(p for p in (episode.found_where, episode.found_by) if p)
        if column == COL_REPORTED_BY:
            return episode.reported_by
        if column == COL_POLICE:
            return episode.police_reference
        return interview_text(episode, self._now)
