"""Progress reported by long work, which runs as a generator (DESIGN habit 12)."""

from __future__ import annotations

from typing import NamedTuple


class Progress(NamedTuple):
    done: int
    total: int
