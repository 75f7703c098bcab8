"""The kinds of document the tool produces, and a built one: light enough for the window to
import at start-up, leaving reportlab to load only when a document is built."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Document(StrEnum):
    REFERRAL = "referral"
    ESCALATION = "escalation"
    CHRONOLOGY = "chronology"
    SUPERVISION = "supervision"

    @property
    def title(self) -> str:  # type: ignore[override]  # the heading, not str.title()
        return {
            "referral": "Referral summary",
            "escalation": "Escalation summary",
            "chronology": "Chronology",
            "supervision": "Supervision pack",
        }[self.value]


class NothingToReport(ValueError):
    """The child has no record the document starts from (a concern, an escalation)."""


@dataclass(frozen=True, slots=True)
class Report:
    document: Document
    child_id: int | None
    pdf: bytes
    pages: int
