"""The recovery code: shown once at setup, printed on the recovery sheet, typed when a
passphrase is forgotten.

28 characters from Crockford's base32 alphabet (no I, L, O or U, so nothing on paper looks
like something else), 140 random bits, shown in 7 groups of 4. Typing is forgiving: case,
spaces and dashes do not matter, and O, I and L are read as the 0 and 1 they resemble.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUP_SIZE = 4
GROUPS = 7
LENGTH = GROUP_SIZE * GROUPS  # 28 characters of 5 bits each: 140 bits
BITS = LENGTH * 5
# Separators people type or paste between groups: spaces, dashes of every width, dots.
_IGNORED = frozenset(" \t\r\n-_.\u00a0\u2010\u2011\u2012\u2013\u2014\u2212")
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
HOW_IT_LOOKS = f"{GROUPS} groups of {GROUP_SIZE} letters and digits"


def new_code() -> str:
    """A fresh random code, grouped for reading: 'K7QH-2M9X-...'."""
    return grouped("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def grouped(code: str) -> str:
    return "-".join(code[i : i + GROUP_SIZE] for i in range(0, len(code), GROUP_SIZE))


def normalised(typed: str) -> str | None:
    """The code as stored (28 characters, no dashes), or None if it cannot be a code."""
    kept = "".join(ch for ch in typed if ch not in _IGNORED).upper().translate(_LOOKALIKES)
    if len(kept) != LENGTH or any(ch not in ALPHABET for ch in kept):
        return None
    return kept


def stored_form(code: str) -> str:
    """A code as its key slot takes it; a code new_code() made always has one."""
    stored = normalised(code)
    if stored is None:
        raise ValueError("That is not a recovery code.")
    return stored
