"""The fictional text the crash writer types, made from (run, n) so a check can recompute it.

Bodies vary from a line to a page and a half of the database, so some commits write several
pages, and a kill can land between them.
"""

from __future__ import annotations

import re

DRAFT_KEY = "concern:crash-test"
_MARK = re.compile(r"^Run (\d+), record (\d+):")
_FILLER = "Zoë said the kitchen was empty again; مرحبا was written on her hand. "


def title_for(run: int, n: int) -> str:
    return f"Crash run {run}, note {n}"


def body_for(run: int, n: int) -> str:
    mixed = run * 7919 + n * 104_729
    size = mixed % 6000 if mixed % 16 == 0 else mixed % 200
    head = f"Run {run}, record {n}: "
    return head + (_FILLER * (size // len(_FILLER) + 1))[:size]


def run_and_number(body: str) -> tuple[int, int]:
    """Which writer wrote a body, read back from its first words."""
    found = _MARK.match(body)
    if found is None:
        raise ValueError("a body the crash writer did not write")
    return int(found[1]), int(found[2])
