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
    min_factors: int | None = None  # at least this many circumstances recorded together

    def strength(self, facts: ConcernFacts) -> int | None:
        """How many of the records' facts call for the prompt; None if the conditions fail.

        Used only to put the questions the facts call for most strongly first. Age narrows
        the choice but does not add to it, so a prompt set only by age counts as 0."""
        if self.min_age is not None and facts.age < self.min_age:
            return None
        if self.max_age is not None and facts.age > self.max_age:
            return None
        categories = self.any_category & facts.categories
        factors = self.any_factor & facts.factors
        flags = self.any_flag & facts.flags
        if self.any_category and not categories:
            return None
        if self.any_factor and not factors:
            return None
        if not self.all_flags <= facts.flags or (self.any_flag and not flags):
            return None
        if self.min_factors is not None and len(facts.factors) < self.min_factors:
            return None
        together = 1 if self.min_factors is not None else 0
        return len(categories) + len(factors) + len(self.all_flags) + len(flags) + together


class SourceKind(StrEnum):
    """Where a question comes from, as the DSL is told beside it."""

    SEED_FINDING = "seed_finding"  # a finding of the serious case reviews, from a seed
    STATUTORY_GUIDANCE = "statutory_guidance"
    LOCAL_FINDING = "local_finding"  # a school's or partnership's own review, for local prompts
    PRACTICE_QUESTION = "practice_question"  # the tool's own, from safeguarding practice

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    SourceKind.SEED_FINDING: "Finding from the reviews",
    SourceKind.STATUTORY_GUIDANCE: "Statutory guidance",
    SourceKind.LOCAL_FINDING: "Local learning",
    SourceKind.PRACTICE_QUESTION: "Practice question",
}


@dataclass(frozen=True, slots=True)
class Source:
    """A seed finding names its seed (whose title, publisher and year the guidance layer
    holds); statutory guidance and local learning name their own; a practice question none."""

    seed: str = ""  # the seed document's file name, for a seed finding
    finding: str = ""  # the finding or what the guidance sets out, in our own words
    figure: str = ""  # a figure quoted exactly as the seed gives it, if any
    kind: SourceKind = SourceKind.SEED_FINDING
    title: str = ""  # statutory guidance or local learning: its title, publisher and year
    publisher: str = ""
    year: str = ""


PRACTICE = Source(kind=SourceKind.PRACTICE_QUESTION)


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
    or_when: tuple[Conditions, ...] = ()  # other sets of facts that call for it as well

    def strength(self, facts: ConcernFacts) -> int | None:
        """The strongest call among its sets of conditions; None if none holds."""
        held = [s for c in (self.when, *self.or_when) if (s := c.strength(facts)) is not None]
        return max(held, default=None)


def choose_prompts(prompts: list[Prompt], facts: ConcernFacts) -> list[Prompt]:
    """The prompts whose conditions hold, in library order."""
    return [prompt for prompt in prompts if prompt.strength(facts) is not None]


@dataclass(frozen=True, slots=True)
class PromptLibrary:
    """The shipped prompts and any local ones, with a version answers are stored under."""

    version: str
    prompts: tuple[Prompt, ...]

    def by_id(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)
