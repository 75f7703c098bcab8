"""The Unique Pupil Number (UPN) every English state school gives a pupil, and its check letter.

A UPN is 13 characters: a check letter, a 3-digit local authority number, a 4-digit
establishment number, 2 digits of the year it was issued and a 3-digit serial. A temporary
UPN ends in a letter instead of its last digit. The check letter is the DfE's: each of
characters 2 to 13 is multiplied by its position (2 to 13), a final letter counting as its
place in the 23 letters below; the sum modulo 23 is the check letter's place.
"""

from __future__ import annotations

import re

# I, O and S are never used: they are too like 1, 0 and 5.
CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
_SHAPE = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")


def check_letter(body: str) -> str:
    """The check letter for the 12 characters after it (11 digits and a digit or a letter)."""
    if len(body) != 12 or not body[:11].isdigit():
        raise ValueError("A UPN's body is 11 digits and a digit or letter.")
    last = body[-1]
    values = [int(d) for d in body[:11]]
    values.append(int(last) if last.isdigit() else CHECK_LETTERS.index(last))
    weighted = sum(value * weight for weight, value in enumerate(values, start=2))
    return CHECK_LETTERS[weighted % 23]


def tidy_upn(text: str) -> str:
    """As typed or exported, without spaces and in capitals."""
    return "".join(text.split()).upper()


def upn_problem(upn: str) -> str | None:
    """What is wrong with a UPN (already tidied), in words a DSL can act on; None if nothing."""
    if not upn:
        return "The UPN is missing."
    if not _SHAPE.match(upn) or (upn[-1].isalpha() and upn[-1] not in CHECK_LETTERS):
        return "A UPN is 13 characters: a letter, 11 digits, then a digit or letter."
    expected = check_letter(upn[1:])
    if upn[0] != expected:
        return f"The UPN's check letter is wrong: for these digits it would be {expected}."
    return None
