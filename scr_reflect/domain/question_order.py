"""The questions of one step, the ones the facts call for most strongly first.

The order is for relevance only: how many of the concern's recorded facts call for each
question. It is never shown as a number, and says nothing about how likely harm is. The
strongest few are shown; the rest wait a click away.
"""

from __future__ import annotations

from dataclasses import dataclass

from .concern_facts import ConcernFacts
from .prompts import Prompt, Source, Step
from .walkthrough import DECISION_KEY, FixedQuestion, fixed_questions

SHOWN_FIRST = 5  # questions shown on opening a step, the pinned ones among them


@dataclass(frozen=True, slots=True)
class StepQuestion:
    key: str  # the answer's key: a fixed question's key or a prompt's id
    question: str
    source: Source
    why: str = ""
    hint: str = ""
    theme: str = ""  # a library prompt's theme
    local: bool = False  # a prompt added by the school or partnership
    pinned: bool = False


@dataclass(frozen=True, slots=True)
class StepQuestions:
    shown: tuple[StepQuestion, ...]
    more: tuple[StepQuestion, ...]  # a click away, in the same order

    @property
    def all(self) -> tuple[StepQuestion, ...]:
        return self.shown + self.more


def _fixed(question: FixedQuestion) -> StepQuestion:
    return StepQuestion(
        question.key,
        question.question,
        question.source,
        why=question.why,
        hint=question.hint,
        pinned=question.pinned,
    )


def _prompt(prompt: Prompt) -> StepQuestion:
    return StepQuestion(
        prompt.id,
        prompt.question,
        prompt.source,
        prompt.why,
        theme=prompt.theme,
        local=prompt.local,
    )


def questions_for_step(
    step: Step, prompts: list[Prompt], facts: ConcernFacts, shown_first: int = SHOWN_FIRST
) -> StepQuestions:
    """The step's fixed questions that apply and its chosen prompts, strongest first; at equal
    strength a fixed question comes before a prompt, and each keeps its own order."""
    ranked: list[tuple[int, int, int, StepQuestion]] = []
    for order, fixed in enumerate(fixed_questions(step)):
        strength = fixed.when.strength(facts)
        if fixed.key != DECISION_KEY and strength is not None:
            ranked.append((-strength, 0, order, _fixed(fixed)))
    for order, prompt in enumerate(prompts):
        strength = prompt.strength(facts)
        if prompt.step is step and strength is not None:
            ranked.append((-strength, 1, order, _prompt(prompt)))
    ordered = [question for *_key, question in sorted(ranked, key=lambda r: r[:3])]
    pinned = [q for q in ordered if q.pinned]
    others = [q for q in ordered if not q.pinned][: max(0, shown_first - len(pinned))]
    first = {q.key for q in pinned + others}
    return StepQuestions(
        shown=tuple(q for q in ordered if q.key in first),
        more=tuple(q for q in ordered if q.key not in first),
    )
