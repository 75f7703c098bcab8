"""A DSL's reflection on a concern: answers kept with the question as it was asked.

Each answer stores the prompt's id, its question and the library version, so an old
reflection still reads the same after the library changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Decision(StrEnum):
    MONITOR = "monitor"
    EARLY_HELP = "early_help"
    REFERRAL = "referral"
    POLICE = "police"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "monitor": "Monitor in school",
            "early_help": "Early help",
            "referral": "Referral to children's social care",
            "police": "Police",
            "other": "Other",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Answer:
    concern_id: int
    key: str  # a prompt id, or a fixed field of the walk-through such as "decision.choice"
    question: str
    text: str
    library_version: str
    updated_at: datetime | None = None


def reflection_headline(answers: list[Answer], decision_label: str) -> str:
    answered = sum(1 for a in answers if a.text.strip())
    decided = f"; decision: {decision_label}" if decision_label else "; no decision recorded yet"
    return f"Reflection on this concern: {answered} answered{decided}"
