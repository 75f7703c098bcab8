"""The DSL's analysis as documents show it: the answers from the reflection that carry the
decision, under short labels of our own, in the order a reader needs them."""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.reflection import Answer, Decision
from .report_data import Answered

DECISION_KEY = "decision.choice"
ANALYSIS_LABELS = {
    DECISION_KEY: "Decision",
    "decision.reasons": "Reasons",
    "decision.evidence_for": "Evidence for the decision",
    "decision.evidence_against": "Evidence pointing the other way",
    "cumulative.pattern": "What this concern adds to the pattern",
    "accounts.checked": "What has been checked with someone independent",
    "decision.consulted": "Who was consulted",
    "decision.would_change": "What would change the decision",
}


def decision_label(text: str) -> str:
    """The stored decision (a Decision value) in words; anything else as typed."""
    try:
        return Decision(text.strip()).label
    except ValueError:
        return text.strip()


def analysis_lines(answers: Iterable[Answer]) -> tuple[Answered, ...]:
    by_key = {a.key: a.text for a in answers if a.text.strip()}
    if DECISION_KEY in by_key:
        by_key[DECISION_KEY] = decision_label(by_key[DECISION_KEY])
    return tuple(
        Answered(label, by_key[key]) for key, label in ANALYSIS_LABELS.items() if key in by_key
    )


def answer_text(answers: Iterable[Answer], key: str) -> str:
    for answer in answers:
        if answer.key == key:
            return decision_label(answer.text) if key == DECISION_KEY else answer.text.strip()
    return ""
