"""A profile's top ten functions by their own time, each with its share of the whole."""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

TOP = 10


def _name(where: tuple[str, int, str]) -> str:
    path, line, function = where
    if path == "~":  # a built-in: "{built-in method marshal.loads}"
        return function
    parts = Path(path).parts
    if len(parts) < 2:  # "<frozen importlib._bootstrap>" and the like
        return f"{path}:{line}({function})"
    # From the package on: scr_reflect/ui/x.py, sqlalchemy/orm/y.py, or the stdlib module.
    start = max(
        (i for i, p in enumerate(parts) if p in ("scr_reflect", "site-packages")), default=-2
    )
    shown = "/".join(parts[start + 1 :] if parts[start] == "site-packages" else parts[start:])
    return f"{shown}:{line}({function})"


def top_ten(profile: cProfile.Profile | pstats.Stats) -> list[tuple[str, float]]:
    stats = profile if isinstance(profile, pstats.Stats) else pstats.Stats(profile)
    table = stats.stats  # type: ignore[attr-defined]
    total = sum(own for _calls, _prim, own, _cum, _callers in table.values()) or 1.0
    ranked = sorted(table.items(), key=lambda item: item[1][2], reverse=True)[:TOP]
    return [(_name(where), row[2] / total) for where, row in ranked]
