"""Themes a case's records name in words, for supervision to talk about by name.

Some themes have no category or factor of their own: self-harm, an adult the family does not
know contacting the child online, a carer who says they are not coping. They are found in
what was written, by a short list of phrases kept here in plain sight, and always reported
with the concern that names them, so a reader can check it: a phrase is named, not judged
(a concern saying "no sign of self-harm" still names self-harm).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .enums import Category
from .records import Concern


class CaseTheme(StrEnum):
    SELF_HARM = "self_harm"
    ADULT_ONLINE = "adult_online"
    CARER_NOT_COPING = "carer_not_coping"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CaseTheme.SELF_HARM: "Self-harm",
    CaseTheme.ADULT_ONLINE: "An adult the family does not know, in contact online",
    CaseTheme.CARER_NOT_COPING: "A parent or carer not coping",
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


@dataclass(frozen=True, slots=True)
class ThemeFound:
    theme: CaseTheme
    concerns: tuple[Concern, ...]  # the concerns that name it, oldest first


def themes_named(concerns: Sequence[Concern]) -> tuple[ThemeFound, ...]:
    """Each theme named in the concerns' words, with the concerns that name it."""
    found = []
    for theme, patterns in _PHRASES.items():
        naming = tuple(
            sorted(
                (c for c in concerns if _names(c, patterns) or _category_names(c, theme)),
                key=lambda c: c.occurred_at,
            )
        )
        if naming:
            found.append(ThemeFound(theme, naming))
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
