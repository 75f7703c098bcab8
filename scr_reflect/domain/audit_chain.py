"""Check an audit trail end to end and name exactly what is wrong with it.

Editing an entry without resealing it shows as a hash mismatch at that entry; resealing it
shows as a broken link at the entry after; deleting one leaves a gap in the numbering;
trimming the end leaves the trail shorter than the newest entry the key file recorded.
"""

from __future__ import annotations

from collections.abc import Iterable

from .audit import GENESIS_HASH, AuditEntry, AuditHead


def chain_problems(
    entries: Iterable[AuditEntry], head: AuditHead | None, *, head_expected: bool
) -> list[str]:
    """entries in seq order; head is the key file's copy of the newest entry, if it has one.

    head_expected: the trail has a key file beside it (a store in memory has none)."""
    problems: list[str] = []
    previous: AuditEntry | None = None
    head_hash_found: str | None = None
    count = 0
    for entry in entries:
        count += 1
        expected_seq = previous.seq + 1 if previous else 1
        if entry.seq > expected_seq:
            problems.append(_gap(expected_seq, entry.seq))
        if entry.hash != entry.expected_hash():
            problems.append(
                f"Entry {entry.seq} was altered: what it says no longer matches its hash."
            )
        if entry.seq == 1 and entry.previous_hash != GENESIS_HASH:
            problems.append("Entry 1 does not start the chain: it names an entry before it.")
        elif previous and previous.seq == entry.seq - 1 and entry.previous_hash != previous.hash:
            problems.append(
                f"Entry {entry.seq} does not follow entry {previous.seq}: the link between "
                "them is broken, so an entry was rewritten or put in."
            )
        if head and entry.seq == head.seq:
            head_hash_found = entry.hash
        previous = entry
    last = previous.seq if previous else 0
    if head is not None:
        if last < head.seq:
            problems.append(
                f"The trail ends at entry {last}, but the key file records entry {head.seq}: "
                "entries at the end were removed."
            )
        elif head_hash_found is not None and head_hash_found != head.hash:
            problems.append(
                f"Entry {head.seq} is not the one the key file records: the trail was rewritten."
            )
    elif head_expected and count:
        problems.append(
            f"The key file does not record the newest entry, though the trail holds {count}: "
            "it was taken out of the key file, or the key file was replaced."
        )
    return problems


def _gap(expected: int, found: int) -> str:
    if found == expected + 1:
        return (
            f"Entry {expected} is missing (the trail jumps from {expected - 1} to {found}): "
            "it was deleted."
        )
    return (
        f"Entries {expected} to {found - 1} are missing (the trail jumps from {expected - 1} "
        f"to {found}): they were deleted."
    )
