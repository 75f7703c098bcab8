"""Quotation marks around words that were said: ours, never doubled with the DSL's own."""

from __future__ import annotations

OPENING = "\"'\u201c\u2018\u00ab"
CLOSING = "\"'\u201d\u2019\u00bb"


def unwrapped(words: str) -> str:
    """The words without one pair of quotation marks the DSL typed around the whole of them.

    Only a plain pair goes: when the same marks appear inside too ("no" then "stop"), the
    first and last may not belong together, so nothing is taken away."""
    stripped = words.strip()
    if len(stripped) < 2 or stripped[0] not in OPENING or stripped[-1] not in CLOSING:
        return words
    inner = stripped[1:-1]
    if stripped[0] in inner or stripped[-1] in inner:
        return words
    return inner


def in_quotes(words: str) -> str:
    """The words, verbatim, inside curly quotation marks: once."""
    return f"\u201c{unwrapped(words)}\u201d"
