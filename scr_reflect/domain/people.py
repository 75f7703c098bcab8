"""The people who may open the store: the DSL and their deputies, each with their own slot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    DSL = "dsl"
    DEPUTY = "deputy"

    @property
    def label(self) -> str:
        return "Designated Safeguarding Lead" if self is Role.DSL else "Deputy DSL"


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    role: Role
    added_at: datetime
    removed_at: datetime | None = None

    @property
    def is_current(self) -> bool:
        return self.removed_at is None
