"""What a mutation changed, so views refresh only that (as Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChangeSet:
    children: bool = False
    chronology: bool = False
    actions: bool = False
    drafts: bool = False
    structured: bool = False  # factors, missing episodes, accounts, referrals, sharing
    child_id: int | None = None
    record_id: int | None = None

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            children=self.children or other.children,
            chronology=self.chronology or other.chronology,
            actions=self.actions or other.actions,
            drafts=self.drafts or other.drafts,
            structured=self.structured or other.structured,
            child_id=self.child_id if self.child_id is not None else other.child_id,
            record_id=self.record_id if self.record_id is not None else other.record_id,
        )
