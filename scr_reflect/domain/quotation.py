"""Quotation marks around words that were said: ours, never doubled with the DSL's own."""

from __future__ import annotations

import re
from collections.abc import Iterable

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


# A note about what the child said, not the words themselves, begins with someone reporting
# them ("She said", "The child would not") or with how nothing came to be said.
_REPORTING = (
    r"(?:said|says|told|tells|stated|reported|explained|disclosed|did not|didn't|does not|"
    r"doesn't|would not|wouldn't|was not|wasn't|refused|declined|chose not|shrugged|nodded)\b"
)
_SUBJECTS = ("she", "he", "they", "the child", "child", "pupil", "student")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'll|I'd|me|my|mine|myself)\b")
# "She told me ...": the one told is the DSL, not the child.
_ADDRESSEE = re.compile(r"^\s*(?:to\s+)?(?:me|us)\b", re.IGNORECASE)
_PLACEHOLDERS = {"", "none", "n/a", "na", "nothing", "not known"}
_NOTHING_SAID = re.compile(
    r"(?:not asked|not said|not recorded|not seen|did not|didn't|would not|wouldn't|refused|"
    r"declined|unable to|no words|nothing said|said nothing|non-verbal)\b",
    re.IGNORECASE,
)


def reads_as_said(words: str, names: Iterable[str] = ()) -> bool:
    """Whether the text reads as the child's own words, to be printed in quotation marks.

    A field for the child's words sometimes holds a note about them instead ("She would not
    say", "Not asked: asleep in class"); quoting that would put words in the child's mouth.
    Words the DSL put in quotation marks always count as said. `names` are the child's own
    names, so "Ada told me that..." reads as a note too."""
    stripped = words.strip()
    if not stripped:
        return False
    if unwrapped(stripped) != stripped:
        return True
    subjects = [*_SUBJECTS, *(n.strip() for n in names if n.strip())]
    reporting = "|".join(re.escape(s) for s in subjects)
    reported = re.match(rf"(?:{reporting}) {_REPORTING}", stripped, re.IGNORECASE)
    # "They said I owe them now" is the child speaking of others: a note speaks of the child.
    if reported and not _FIRST_PERSON.search(_ADDRESSEE.sub("", stripped[reported.end() :])):
        return False
    if stripped.strip(".-").lower() in _PLACEHOLDERS:
        return False
    return _NOTHING_SAID.match(stripped) is None
