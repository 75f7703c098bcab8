"""Themes a case's records name, for supervision to talk about by name.

Some themes have no category of their own: self-harm, an adult the family does not know
contacting the child online, a carer who says they are not coping. They are found in what was
written, by a short list of phrases kept here in plain sight, and always reported with the
concern that names them, so a reader can check it: a phrase is named, not judged (a concern
saying "no sign of self-harm" still names self-harm). A factor recorded for the theme names it
too, and harm the child has done to another child is named by its factor alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .enums import Category
from .factors import CumulativeFactor, Factor
from .records import Concern


class CaseTheme(StrEnum):
    SELF_HARM = "self_harm"
    ADULT_ONLINE = "adult_online"
    CARER_NOT_COPING = "carer_not_coping"
    HARMED_ANOTHER = "harmed_another"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CaseTheme.SELF_HARM: "Self-harm",
    CaseTheme.ADULT_ONLINE: "An adult the family does not know, in contact online",
    CaseTheme.CARER_NOT_COPING: "A parent or carer not coping",
    CaseTheme.HARMED_ANOTHER: "Harm the child has done to another child",
}

_ONLINE = (
    r"\bonline\b|\binternet\b|snapchat|instagram|tiktok|whatsapp|discord|social media|"
    r"\bgame chat|\bgaming\b|\bDMs?\b|\bmessag(?:e|es|ed|ing)\b"
)
_UNKNOWN_ADULT = (
    r"\badult\b|\bolder (?:man|men|woman|women|boy|lad)\b|\bgrown[- ]up\b|\bstranger\b|"
    r"\bunknown (?:adult|man|male|woman|person)\b|\b(?:man|woman|someone|somebody) "
    r"(?:she|he|they) (?:met|has never met|have never met|does ?n[o']t know|doesn't know)"
)
# Every pattern of a theme must be found in the same concern's words.
_PHRASES: dict[CaseTheme, tuple[re.Pattern[str], ...]] = {
    CaseTheme.SELF_HARM: (
        re.compile(
            r"\bself[- ]?harm|\b(?:cut|cutting|hurt|hurting|harmed|harming) "
            r"(?:her|him|them|my|your)sel(?:f|ves)\b|\boverdos|\bsuicid",
            re.IGNORECASE,
        ),
    ),
    CaseTheme.ADULT_ONLINE: (
        re.compile(_ONLINE, re.IGNORECASE),
        re.compile(_UNKNOWN_ADULT, re.IGNORECASE),
    ),
    CaseTheme.CARER_NOT_COPING: (
        re.compile(
            r"\bnot coping\b|\b(?:can'?t|cannot|could ?n[o']t|unable to|struggling to) cope\b|"
            r"\bend of (?:her|his|their|my) tether\b|\boverwhelmed\b|"
            r"\b(?:asked|asking|begged|begging) (?:us |the school |school )?for help\b",
            re.IGNORECASE,
        ),
    ),
}
# A category that names the theme on its own, without the words.
_CATEGORY_NEEDED = {CaseTheme.ADULT_ONLINE: Category.ONLINE_HARM}
# The factor that names a theme when it still applies.
_FACTOR_NAMES = {
    CaseTheme.ADULT_ONLINE: Factor.CHILD_ONLINE_UNKNOWN_ADULT,
    CaseTheme.CARER_NOT_COPING: Factor.CARER_UNDER_STRAIN,
    CaseTheme.HARMED_ANOTHER: Factor.CHILD_HAS_HARMED,
}


@dataclass(frozen=True, slots=True)
class ThemeFound:
    theme: CaseTheme
    concerns: tuple[Concern, ...]  # the concerns that name it, oldest first
    factors: tuple[CumulativeFactor, ...] = ()  # the factors recorded for it that still apply


def themes_named(
    concerns: Sequence[Concern], factors: Sequence[CumulativeFactor] = ()
) -> tuple[ThemeFound, ...]:
    """Each theme named in the concerns' words or by a factor, with what names it."""
    found = []
    for theme in CaseTheme:
        patterns = _PHRASES.get(theme)
        naming = tuple(
            sorted(
                (
                    c
                    for c in concerns
                    if (patterns and _names(c, patterns)) or _category_names(c, theme)
                ),
                key=lambda c: c.occurred_at,
            )
        )
        recorded = tuple(
            sorted(
                (f for f in factors if f.still_applies and f.factor is _FACTOR_NAMES.get(theme)),
                key=lambda f: f.first_known,
            )
        )
        if naming or recorded:
            found.append(ThemeFound(theme, naming, recorded))
    return tuple(found)


def _names(concern: Concern, patterns: tuple[re.Pattern[str], ...]) -> bool:
    words = f"{concern.what_happened}\n{concern.child_words}"
    return all(p.search(words) for p in patterns)


def _category_names(concern: Concern, theme: CaseTheme) -> bool:
    """An online-harm concern that speaks of an unknown adult names the theme even where the
    word "online" is left to its category."""
    category = _CATEGORY_NEEDED.get(theme)
    if category is None or category not in concern.categories:
        return False
    words = f"{concern.what_happened}\n{concern.child_words}"
    return bool(re.search(_UNKNOWN_ADULT, words, re.IGNORECASE))
