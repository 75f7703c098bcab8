"""Reflective prompts drawn from SCR learning, and the facts that make each one apply.

The library itself is data (resources/prompts/*.toml, loaded by guidance/prompt_library.py);
this module holds its shape and the pure rule that chooses prompts for a concern.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .concern_facts import ConcernFacts, Flag
from .enums import Category
from .factors import Factor


class Step(StrEnum):
    """The walk-through's steps; a DSL may take them in any order."""

    WHAT_HAPPENED = "what_happened"
    LIVED_EXPERIENCE = "lived_experience"
    CUMULATIVE = "cumulative"
    THEMES = "themes"
    ACCOUNTS = "accounts"
    DECISION = "decision"
    NEXT_STEPS = "next_steps"

    @property
    def title(self) -> str:  # type: ignore[override]  # the heading, not str.title()
        return _STEP_TITLES[self]


_STEP_TITLES = {
    Step.WHAT_HAPPENED: "1. What happened",
    Step.LIVED_EXPERIENCE: "2. The child's lived experience and voice",
    Step.CUMULATIVE: "3. The cumulative picture",
    Step.THEMES: "4. Learning from reviews",
    Step.ACCOUNTS: "5. Accounts",
    Step.DECISION: "6. Decision and threshold",
    Step.NEXT_STEPS: "7. Next steps",
}


@dataclass(frozen=True, slots=True)
class Conditions:
    """All that is set must hold; what is left empty does not narrow the choice."""

    min_age: int | None = None
    max_age: int | None = None
    any_category: frozenset[Category] = frozenset()
    any_factor: frozenset[Factor] = frozenset()
    all_flags: frozenset[Flag] = frozenset()
    any_flag: frozenset[Flag] = frozenset()

    def hold_for(self, facts: ConcernFacts) -> bool:
        if self.min_age is not None and facts.age < self.min_age:
            return False
        if self.max_age is not None and facts.age > self.max_age:
            return False
        if self.any_category and not self.any_category & facts.categories:
            return False
        if self.any_factor and not self.any_factor & facts.factors:
            return False
        if not self.all_flags <= facts.flags:
            return False
        return not self.any_flag or bool(self.any_flag & facts.flags)


@dataclass(frozen=True, slots=True)
class Source:
    seed: str  # the seed document's file name
    finding: str  # the finding, in our own words
    figure: str = ""  # a figure quoted exactly as the seed gives it, if any


@dataclass(frozen=True, slots=True)
class Prompt:
    id: str
    theme: str
    step: Step
    question: str
    why: str
    source: Source
    when: Conditions = field(default_factory=Conditions)
    local: bool = False  # added by a school or partnership beside the shipped library


def choose_prompts(prompts: list[Prompt], facts: ConcernFacts) -> list[Prompt]:
    """The prompts whose conditions hold, in library order."""
    return [prompt for prompt in prompts if prompt.when.hold_for(facts)]


@dataclass(frozen=True, slots=True)
class PromptLibrary:
    """The shipped prompts and any local ones, with a version answers are stored under."""

    version: str
    prompts: tuple[Prompt, ...]

    def by_id(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)
