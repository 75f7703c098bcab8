"""A local escalation procedure: the stages a professional disagreement moves through.

Loaded from an editable file (guidance/escalation_procedure.py) so a safeguarding partnership
can set its own stages, timescales and contacts without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .referrals import next_working_day


@dataclass(frozen=True, slots=True)
class Stage:
    key: str
    title: str
    who: str  # the role to contact at this stage, e.g. "Team manager"
    respond_within_working_days: int
    guidance: str = ""


@dataclass(frozen=True, slots=True)
class LocalContact:
    role: str
    name: str
    telephone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class EscalationProcedure:
    name: str
    stages: tuple[Stage, ...]
    contacts: tuple[LocalContact, ...] = ()

    def stage(self, key: str) -> Stage:
        for stage in self.stages:
            if stage.key == key:
                return stage
        raise KeyError(key)

    def stage_title(self, key: str) -> str:
        """A stage's title; a step may name a stage since removed from the procedure file."""
        try:
            return self.stage(key).title
        except KeyError:
            return f"{key} (no longer in the local procedure)"

    @property
    def stage_keys(self) -> set[str]:
        return {stage.key for stage in self.stages}

    def next_stage(self, key: str) -> Stage | None:
        keys = [stage.key for stage in self.stages]
        position = keys.index(key) + 1
        return self.stages[position] if position < len(keys) else None


def deadline_after(contacted_on: date, working_days: int) -> date:
    day = contacted_on
    for _ in range(working_days):
        day = next_working_day(day)
    return day
