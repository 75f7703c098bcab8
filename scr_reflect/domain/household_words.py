"""Words that say a new adult has come into a child's household.

A new partner, or an adult the school does not know, staying or living with the child is a
factor the reviews return to. When the household note or a concern's words name one and no
such factor is recorded, the Factors tab offers to record it; the DSL decides, and nothing
is recorded from the words alone. The phrases are kept here in plain sight. A phrase just
after "no", "not" or "never" ("no new partner") is not taken as naming one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .display_dates import day
from .factors import CumulativeFactor, Factor
from .records import Concern

_PARTNER = (
    r"(?:partner|boyfriend|girlfriend|husband|wife|fianc[eé]e?|fella|bloke|"
    r"step-?(?:dad|father|mum|mother)|lodger)"
)
_ADULT = r"(?:a|an|another|some|one of (?:mum|dad)'s) (?:man|woman|adult|male|friend|bloke)"
_AT_HOME = r"(?:them|her|him|us|mum|mummy|dad|daddy|the family|there|at home|at the house)"
_STAYING = (
    r"(?:(?:is|has been|has|had|keeps|started|now) )?(?:staying|stays|stayed|"
    r"moved in|moving in|sleeping over|sleeps over|stopping over|lodging|"
    rf"(?:living|lives|lived) (?:with )?{_AT_HOME})"
)

_NEW_ADULT = re.compile(
    "|".join(
        (
            rf"\bnew (?:{_PARTNER}|man|woman)\b",  # "a new partner", "mum's new boyfriend"
            rf"\b{_PARTNER},? (?:who )?{_STAYING}",  # "her boyfriend is staying"
            rf"\b{_ADULT}\b(?: [\w'\u2019]+){{0,3}}? {_STAYING}",  # "a man called Dan staying"
            r"\bunknown (?:man|male|adult|woman)\b",
            r"\b(?:man|adult|woman) (?:the school|school|we) (?:does ?n[o']t|do ?n[o']t) know\b",
        )
    ),
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(?:no|not|never|without)\b(?: \w+){0,2}\s*$", re.IGNORECASE)


def new_adult_phrase(text: str) -> str | None:
    """The first phrase in `text` that names a new adult in the household, if any."""
    for found in _NEW_ADULT.finditer(text):
        if not _DENIED.search(text[max(0, found.start() - 20) : found.start()]):
            return found.group(0)
    return None


@dataclass(frozen=True, slots=True)
class NewAdultOffer:
    """Where a new adult is named, offered to the DSL as a factor to record."""

    phrase: str
    where: str  # "the household note" or "the concern of 02/11/2026"
    concern: Concern | None = None  # the concern that names it, if it was one

    def first_known(self, today: date) -> date:
        return self.concern.occurred_at.date() if self.concern else today


def new_adult_offer(
    household: str, concerns: Sequence[Concern], factors: Sequence[CumulativeFactor]
) -> NewAdultOffer | None:
    """An offer to record the factor, unless one is already recorded (still applying or not).

    The household note is read first, then the concerns, latest first."""
    if any(f.factor is Factor.NEW_ADULT_IN_HOUSEHOLD for f in factors):
        return None
    phrase = new_adult_phrase(household)
    if phrase:
        return NewAdultOffer(phrase, "the household note")
    for concern in sorted(concerns, key=lambda c: c.occurred_at, reverse=True):
        phrase = new_adult_phrase(f"{concern.what_happened}\n{concern.child_words}")
        if phrase:
            when = day(concern.occurred_at.date())
            return NewAdultOffer(phrase, f"the concern of {when}", concern)
    return None
