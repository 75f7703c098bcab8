"""One-line titles for records as they appear in a chronology."""

from __future__ import annotations

from .records import Concern


def concern_headline(concern: Concern) -> str:
    labels = ", ".join(sorted(c.label for c in concern.categories))
    return f"{labels}: raised by {concern.raised_by.strip()}"
