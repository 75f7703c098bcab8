"""How strong a passphrase must be: long, and not easy to guess (zxcvbn's estimate).

zxcvbn is imported at the first check, not here: its word lists take 13 MiB, and unlocking,
which needs no check, runs Argon2's 64 MiB on top of whatever is loaded by then. A page where
a passphrase is chosen starts loading it as it shows (records_libraries.load_checker_behind).
"""

from __future__ import annotations

MIN_LENGTH = 12
# zxcvbn scores 0-4; 3 is "safely unguessable: moderate protection from offline attack",
# the level that matters for a stolen laptop.
MIN_SCORE = 3


def passphrase_problem(passphrase: str, repeated: str, context: list[str]) -> str | None:
    """A sentence saying what is wrong with the passphrase, or None if it will do."""
    if passphrase != repeated:
        return "The two passphrases are not the same."
    return _strength_problem(passphrase, context)


def pdf_password_problem(password: str, repeated: str, context: list[str]) -> str | None:
    """The same rule for a PDF's password: a file sent by email meets offline guessing too."""
    if password != repeated:
        return "The two passwords are not the same."
    return _strength_problem(password, context)


def _strength_problem(passphrase: str, context: list[str]) -> str | None:
    if len(passphrase) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters: three or four unrelated words work well."
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:100], user_inputs=context)
    if result["score"] < MIN_SCORE:
        hint = result["feedback"].get("warning") or "It would be easy to guess."
        return f"{hint} Add another uncommon word or two."
    return None
