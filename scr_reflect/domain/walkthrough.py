"""The fixed questions of the walk-through, step by step, in our own words.

Theme prompts from the library join these in step 4 (and in any step a prompt names).
"""

from __future__ import annotations

from dataclasses import dataclass

from .prompts import Step


@dataclass(frozen=True, slots=True)
class FixedQuestion:
    key: str
    step: Step
    question: str
    hint: str = ""


FIXED_QUESTIONS: tuple[FixedQuestion, ...] = (
    FixedQuestion(
        "what_happened.facts",
        Step.WHAT_HAPPENED,
        "What happened, as facts: what was seen or heard, where, when, and who was there?",
        "Keep what was observed apart from what was concluded.",
    ),
    FixedQuestion(
        "what_happened.who_saw",
        Step.WHAT_HAPPENED,
        "Who saw or heard what first hand, and what reached you second hand?",
    ),
    FixedQuestion(
        "voice.day",
        Step.LIVED_EXPERIENCE,
        "What is an ordinary day like for this child: waking, getting to school, after school, "
        "evenings, the night?",
        "Think about who is at home, who feeds them, where they sleep, who they go to.",
    ),
    FixedQuestion(
        "voice.seen_alone",
        Step.LIVED_EXPERIENCE,
        "Has the child been seen and spoken to on their own? When, by whom, and what did they say?",
    ),
    FixedQuestion(
        "voice.wishes",
        Step.LIVED_EXPERIENCE,
        "What does the child want to happen, and how have you let them know what happens next?",
    ),
    FixedQuestion(
        "cumulative.pattern",
        Step.CUMULATIVE,
        "Set against everything before it, what does this concern add? What pattern do you see?",
    ),
    FixedQuestion(
        "accounts.checked",
        Step.ACCOUNTS,
        "Which parts of what you have been told have been checked with someone independent, and "
        "which rest on one person's word?",
    ),
    FixedQuestion("decision.choice", Step.DECISION, "What have you decided?"),
    FixedQuestion(
        "decision.options", Step.DECISION, "Which other options did you consider, and why not?"
    ),
    FixedQuestion("decision.evidence_for", Step.DECISION, "What evidence supports the decision?"),
    FixedQuestion(
        "decision.evidence_against", Step.DECISION, "What evidence points the other way?"
    ),
    FixedQuestion(
        "decision.consulted", Step.DECISION, "Who did you consult, and what did they say?"
    ),
    FixedQuestion(
        "decision.reasons",
        Step.DECISION,
        "The reasons for the decision. A decision not to refer is recorded with its reasons too.",
    ),
    FixedQuestion(
        "decision.would_change",
        Step.DECISION,
        "What would change your decision? What will you watch for?",
    ),
    FixedQuestion(
        "decision.agree_with_outcome",
        Step.DECISION,
        "After a 'threshold not met' outcome: does the school agree? If not, what route will you "
        "take to escalate, and by when?",
    ),
    FixedQuestion(
        "next.review",
        Step.NEXT_STEPS,
        "When will you review this concern, and what will you look at then?",
    ),
)


def fixed_questions(step: Step) -> list[FixedQuestion]:
    return [q for q in FIXED_QUESTIONS if q.step is step]


def answer_in_words(key: str) -> str:
    """Where an answer sits, for people rather than code: the question and its step."""
    for fixed in FIXED_QUESTIONS:
        if fixed.key == key:
            return f"\u201c{fixed.question}\u201d ({fixed.step.title})"
    return f"a question from the learning from reviews ({Step.THEMES.title})"
