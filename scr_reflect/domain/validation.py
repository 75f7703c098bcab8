"""Checks on what a DSL types, each problem named in words a DSL would use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .records import Child, Concern, FollowUpAction

# A UPN is a check letter followed by 12 digits (DfE common basic data set); the last
# character may be a letter for a temporary UPN.
_UPN = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    message: str


class InvalidRecord(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def child_problems(child: Child, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if not child.full_name.strip():
        problems.append(Problem("full_name", "Enter the child's full name."))
    if child.date_of_birth > today:
        problems.append(Problem("date_of_birth", "The date of birth is in the future."))
    elif child.age_on(today) > 25:
        problems.append(Problem("date_of_birth", "The date of birth makes the child over 25."))
    if child.upn and not _UPN.match(child.upn.strip().upper()):
        problems.append(
            Problem("upn", "A UPN is 13 characters: a letter, 11 digits, then a digit or letter.")
        )
    return problems


def concern_problems(concern: Concern, now: datetime) -> list[Problem]:
    problems: list[Problem] = []
    if not concern.what_happened.strip():
        problems.append(Problem("what_happened", "Describe what was seen or heard."))
    if not concern.raised_by.strip():
        problems.append(Problem("raised_by", "Say who raised the concern."))
    if not concern.categories:
        problems.append(Problem("categories", "Choose at least one category."))
    if concern.occurred_at > now:
        problems.append(Problem("occurred_at", "The concern cannot have happened in the future."))
    if concern.recorded_at > now:
        problems.append(Problem("recorded_at", "The recorded time is in the future."))
    if concern.recorded_at < concern.occurred_at:
        problems.append(Problem("recorded_at", "It was recorded before it happened."))
    return problems


def action_problems(action: FollowUpAction) -> list[Problem]:
    problems: list[Problem] = []
    if not action.description.strip():
        problems.append(Problem("description", "Describe the action."))
    if not action.owner.strip():
        problems.append(Problem("owner", "Say who will do it."))
    return problems


def require(problems: list[Problem]) -> None:
    if problems:
        raise InvalidRecord(problems)
