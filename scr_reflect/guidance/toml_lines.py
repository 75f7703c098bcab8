"""Where a key stands in a TOML file, so a problem can name its line (tomllib gives none)."""

from __future__ import annotations

import re


def find_line(lines: list[str], span: tuple[int, int], key: str, value: str | None = None) -> int:
    """The line of `key = ...` or a [table] ending in key within span, else its first line;
    given a value, the first line from there that holds it quoted (a list can run on)."""
    assignment = re.compile(rf"^\s*(?:[\w\"'-]+\s*\.\s*)*{re.escape(key)}\s*=")
    table = re.compile(rf"^\s*\[{{1,2}}[\w.\s]*\b{re.escape(key)}\s*\]")
    first, last = span[0], min(span[1], len(lines))
    found = next(
        (
            n
            for n in range(first, last + 1)
            if assignment.match(lines[n - 1]) or table.match(lines[n - 1])
        ),
        None,
    )
    if found is None:
        return first
    if value is not None:
        quoted = re.compile(rf"[\"']{re.escape(value)}[\"']")
        return next((n for n in range(found, last + 1) if quoted.search(lines[n - 1])), found)
    return found
