"""One-line titles for records as they appear in a chronology."""

from __future__ import annotations

from .records import Concern

HEADLINE_TEXT_LENGTH = 90


def concern_headline(concern: Concern) -> str:
    """Categories, then the start of what happened: enough to scan a chronology by."""
    labels = ", ".join(sorted(c.label for c in concern.categories))
    first_line = (
        concern.what_happened.strip().splitlines()[0] if concern.what_happened.strip() else ""
    )
    if len(first_line) > HEADLINE_TEXT_LENGTH:
        first_line = first_line[: HEADLINE_TEXT_LENGTH - 1].rstrip() + "…"
    return f"{labels}: {first_line}" if first_line else labels
