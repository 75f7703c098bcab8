"""Record what is done with the records, and read the trail back for the window and `audit`.

Entries name the person working (Workspace.person), ids and record types; a detail is a few
words of our own, never a child's name or anything a DSL typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.audit import AuditAction, AuditEntry, AuditFilter, NewEntry
from ..domain.audit_seal import Checkpoint
from ..domain.records import Child
from ..domain.walkthrough import answer_in_words
from ..storage.audit_log import AuditLog
from ..storage.repository import Repository

FIRST_ANSWER = "first answer to "  # as the trail stores a reflection's first answer


@dataclass(frozen=True, slots=True)
class AuditLine:
    """An entry as the window shows it: with the child's name, looked up as it is now."""

    entry: AuditEntry
    child_name: str  # "" for an entry about no child, or a child no longer in the records

    @property
    def detail(self) -> str:
        """The entry's detail in words: a reflection's field codes become its question."""
        code = self.entry.detail
        if code.startswith(FIRST_ANSWER):
            return f"first answer to {answer_in_words(code.removeprefix(FIRST_ANSWER))}"
        return code


class AuditService:
    def __init__(self, log: AuditLog, records: Repository) -> None:
        self._log, self._records = log, records

    def record(
        self,
        action: AuditAction,
        *,
        child_id: int | None = None,
        record_type: str | None = None,
        record_id: int | None = None,
        detail: str = "",
    ) -> None:
        """Append one entry, by the person working, now. detail: never a name or typed text."""
        self._log.append(NewEntry(action, child_id, record_type, record_id, detail))

    def open_child(self, child_id: int, where: str) -> Child:
        """A child's record opened to read (in the window, by `show`): the child, and the view
        logged. where: a few words of ours saying how. Raises RecordNotFound, logging nothing."""
        child = self._records.child(child_id)
        self.record(
            AuditAction.VIEW,
            child_id=child_id,
            record_type="child",
            record_id=child_id,
            detail=where,
        )
        return child

    def unlocked(self) -> None:
        """The unlock, after whatever waited outside the database (failed unlocks, a restore)."""
        waited, taken = self._log.take_pending()
        self._log.append(*waited, NewEntry(AuditAction.UNLOCK))
        # Cleared only once they are in the trail: a crash before this logs them twice, not never.
        self._log.clear_taken(taken)

    def checkpoint(self) -> Checkpoint | None:
        """The newest entry, to print: a later verify can check the trail still holds it."""
        head = self._log.head()
        return Checkpoint.of(head) if head else None

    # Reading ------------------------------------------------------------------------------

    def seqs(self, wanted: AuditFilter) -> list[int]:
        """Seqs of the entries wanted, newest first: the ids a lazy table pages through."""
        return self._log.seqs(wanted)

    def entries(self, seqs: Sequence[int]) -> list[AuditEntry]:
        return self._log.entries(seqs)

    def lines(self, seqs: Sequence[int]) -> list[AuditLine]:
        entries = self._log.entries(seqs)
        ids = sorted({e.child_id for e in entries if e.child_id is not None})
        names = {c.id: c.display_name for c in self._records.child_summaries(ids)}
        return [
            AuditLine(e, names.get(e.child_id, "") if e.child_id is not None else "")
            for e in entries
        ]

    def people(self) -> list[str]:
        """Everyone the trail names."""
        return self._log.actors()

    def children(self) -> list[tuple[int, str]]:
        """Each child the trail names, with their name now, in name order."""
        ids = self._log.child_ids()
        names = {c.id: c.display_name for c in self._records.child_summaries(ids)}
        labelled = [(i, names.get(i) or f"Child {i} (no longer in the records)") for i in ids]
        return sorted(labelled, key=lambda pair: (pair[0] not in names, pair[1].casefold()))
