"""After a kill: open the store as the app would and say what, if anything, is wrong."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from scr_reflect.domain.records import Draft
from scr_reflect.services import workspace
from scr_reflect.storage.models import ConcernRow, EntryRow
from scr_reflect.storage.models_trust import AuditRow
from scr_reflect.storage.store import StoreFiles
from tests.core_fixtures import unlocked_engine
from tests.crash.records import DRAFT_KEY, body_for, run_and_number
from tests.fictional import PASSPHRASE
from tests.store_access import store_of

Key = tuple[str, int]  # ("concern" | "entry", id)


@dataclass
class Acknowledged:
    """Every write the writers on one data folder said had returned."""

    records: dict[Key, tuple[int, int]] = field(default_factory=dict)  # -> (run, n)
    numbers: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    last_draft: float | None = None

    def take(self, line: str) -> None:
        kind, run, *rest = line.split()
        if kind == "draft":
            self.last_draft = float(rest[0])
        elif kind in ("concern", "entry"):
            n, record_id = int(rest[0]), int(rest[1])
            self.records[(kind, record_id)] = (int(run), n)
            self.numbers[int(run)].add(n)


@dataclass(frozen=True)
class StoreCheck:
    problems: list[str]
    draft_typed_at: float | None  # when the stored draft's text was typed (time.time())


def check_store(root: Path, acknowledged: Acknowledged) -> StoreCheck:
    ws = workspace.unlock(root, PASSPHRASE)
    try:
        # Integrity, and the audit trail's chain against the newest entry in the key file.
        problems = [problem for finding in store_of(ws).verify() for problem in finding.problems]
        drafts = [d for d in ws.records.drafts() if d.key == DRAFT_KEY]
    finally:
        ws.close()
    stored, half_written, unlogged = _stored_records(StoreFiles(root))
    problems += [f"concern {i} is stored without its chronology line" for i in half_written]
    problems += [f"{kind} {i} and its audit entry are not both stored" for kind, i in unlogged]
    problems += _lost_or_changed(stored, acknowledged)
    problems += _never_written(stored, acknowledged)
    problems += _draft_problems(drafts, acknowledged)
    return StoreCheck(problems, float(drafts[0].fields["typed_at"]) if drafts else None)


def _stored_records(files: StoreFiles) -> tuple[dict[Key, str], list[int], list[Key]]:
    """Every record the writers made, with its body; concerns torn from their line; and
    records without their audit entry, or entries without their record.

    Read with plain queries: thousands of records through the services' mapping would take
    most of the test's time, after each of hundreds of kills."""
    engine = unlocked_engine(files.database, files.header)
    try:
        with engine.connect() as conn:
            concerns = conn.execute(select(ConcernRow.id, ConcernRow.what_happened)).all()
            entries = conn.execute(
                select(EntryRow.id, EntryRow.body, EntryRow.record_type, EntryRow.record_id)
            ).all()
            created = conn.execute(
                select(AuditRow.record_type, AuditRow.record_id).where(AuditRow.action == "create")
            ).all()
    finally:
        engine.dispose()
    stored: dict[Key, str] = {("concern", i): body for i, body in concerns}
    stored.update({("entry", i): body for i, body, kind, _r in entries if kind is None})
    # A concern and its chronology line are one transaction: never one without the other.
    lines = {record: body for _i, body, kind, record in entries if kind == "concern"}
    half_written = [i for i, body in concerns if lines.get(i) != body]
    half_written += sorted(lines.keys() - {i for i, _ in concerns})
    # Each record and its "create" entry are one transaction too.
    logged = {(kind, i) for kind, i in created if kind in ("concern", "entry")}
    return stored, half_written, sorted(logged ^ stored.keys())


def _lost_or_changed(stored: dict[Key, str], acked: Acknowledged) -> list[str]:
    problems = []
    for (kind, i), (run, n) in acked.records.items():
        if (kind, i) not in stored:
            problems.append(f"acknowledged {kind} {i} (run {run}) is missing")
        elif stored[(kind, i)] != body_for(run, n):
            problems.append(f"acknowledged {kind} {i} (run {run}) reads differently")
    return problems


def _never_written(stored: dict[Key, str], acked: Acknowledged) -> list[str]:
    """Beyond what was acknowledged, a run may have committed only the write in flight."""
    problems = []
    for (kind, i), body in stored.items():
        if (kind, i) in acked.records:
            continue
        run, n = run_and_number(body)
        in_flight = max(acked.numbers[run], default=0) + 1
        if n != in_flight or body != body_for(run, n):
            problems.append(f"{kind} {i} (run {run}, record {n}) was never acknowledged")
    return problems


def _draft_problems(drafts: list[Draft], acked: Acknowledged) -> list[str]:
    if acked.last_draft is None:
        return []
    if not drafts:
        return ["the acknowledged draft is missing"]
    typed_at = drafts[0].fields["typed_at"]
    if drafts[0].fields["what_happened"] != f"Typed until {typed_at}":
        return ["the draft reads differently from what was typed"]
    if float(typed_at) < acked.last_draft:
        return [f"the draft is {acked.last_draft - float(typed_at):.2f} s older than acknowledged"]
    return []
