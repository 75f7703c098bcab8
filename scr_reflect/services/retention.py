"""The retention review: who is past their date, holds on records, and deleting a child.

Placing a hold, lifting one and deleting a child are each one method here, so the audit trail
can record each in one place: by whom, when, the child's id and RETENTION_RULE, never a name.
"""

from __future__ import annotations

from ..domain.audit import AuditAction, NewEntry
from ..domain.changes import ChangeSet
from ..domain.retention import (
    RETENTION_RULE,
    ChildRecords,
    RetentionHold,
    RetentionReview,
    confirms_deletion,
    deletion_refusal,
    hold_lifted_line,
    hold_placed_line,
    hold_problems,
    latest_birth_date_due,
    retention_review,
)
from ..domain.validation import require
from ..storage.retention_repository import RetentionRepository
from ..storage.store import StoreFiles
from ..storage.store_copies import copies_in, remove_leftover_partials
from .clock import Clock


class RetentionRefused(Exception):
    """A hold or a deletion the rules do not allow. The message names the child by id only."""


class RetentionService:
    def __init__(
        self,
        repository: RetentionRepository,
        clock: Clock,
        actor: str,
        files: StoreFiles | None = None,
    ) -> None:
        self._repo = repository
        self._clock = clock
        self._actor = actor
        self._files = files  # None for a store in memory, which has no other copies

    def review(self) -> RetentionReview:
        """Children past their review date today, and those whose records are on hold."""
        today = self._clock.today()
        return retention_review(self._repo.review_children(latest_birth_date_due(today)), today)

    def records_of(self, child_id: int) -> ChildRecords:
        """What deleting the child would remove, for the DSL to read before deciding."""
        return self._repo.records_of(child_id)

    def copies_left(self) -> list[str]:
        """Every place a copy of the records may remain after a deletion, one sentence each."""
        if self._files is None:
            return []
        found = copies_in(self._files.root, self._files.backups)
        lines = [
            f"{found.backups} backup{'' if found.backups == 1 else 's'} in "
            f"{self._files.backups}, until each is pruned (the oldest kept is about a year old)"
        ]
        lines += [f"a copy of the whole store set aside in {path}" for path in found.set_aside]
        lines.append("any backup copied to another folder or a USB stick, until deleted there")
        lines.append("any document about them saved as a PDF or printed, wherever it went")
        return lines

    def refusal(self, child_id: int) -> str | None:
        """Why the child's records may not be deleted today (by id, never name), or None."""
        return deletion_refusal(self._repo.review_child(child_id), self._clock.today())

    def place_hold(self, child_id: int, reason: str) -> ChangeSet:
        """Keep a child's records past their review date; the hold shows in their chronology."""
        require(hold_problems(reason))
        if self._repo.hold(child_id) is not None:
            raise RetentionRefused(
                f"Child {child_id}'s records are already on hold. Lift that hold first to "
                "give a new reason."
            )
        hold = RetentionHold(child_id, reason.strip(), self._clock.now(), self._actor)
        audit = NewEntry(AuditAction.HOLD_PLACED, child_id, detail=RETENTION_RULE)
        self._repo.place_hold(hold, hold_placed_line(hold), audit)
        return ChangeSet(chronology=True, child_id=child_id)

    def lift_hold(self, child_id: int) -> ChangeSet:
        """Lift a hold; the child's chronology keeps who lifted it, when, and what it was for."""
        hold = self._repo.hold(child_id)
        if hold is None:
            raise RetentionRefused(f"Child {child_id}'s records have no hold to lift.")
        line = hold_lifted_line(hold, self._actor, self._clock.now())
        audit = NewEntry(AuditAction.HOLD_LIFTED, child_id, detail=RETENTION_RULE)
        self._repo.lift_hold(child_id, line, audit)
        return ChangeSet(chronology=True, child_id=child_id)

    def delete_child(self, child_id: int, confirmation: str) -> ChangeSet:
        """Delete every record about a child past their review date and not on hold.

        `confirmation` is what the DSL typed: the child's full name or DELETE. Nothing is
        deleted unless every check passes."""
        child = self._repo.review_child(child_id)
        refusal = deletion_refusal(child, self._clock.today())
        if refusal is not None:
            raise RetentionRefused(refusal)
        if not confirms_deletion(confirmation, child.full_name):
            raise RetentionRefused(
                "To delete, type the child's full name or DELETE. Nothing was deleted."
            )
        self._repo.delete_child(
            child_id, NewEntry(AuditAction.DELETION, child_id, detail=RETENTION_RULE)
        )
        if self._files is not None:  # what a backup cut short left: a copy nobody will open
            remove_leftover_partials(self._files.backups)
        return ChangeSet(children=True, chronology=True, child_id=child_id)
