"""The audit trail: appended to, never changed, each entry sealed with the hash of the last.

Creates and amendments are logged in the same transaction as the write itself, through
session events rather than a call in each repository method: a flush shows every row any
method wrote, so a record type or a write path added later is logged without anyone having
to remember to, and the entry commits or rolls back with the record (never one without the
other). Views, exports, backups and unlocks are appended on their own with append().

After each commit that appended, the newest (seq, hash) goes into the key file as well,
with its authentication code (audit_head.py); a store in memory has no key file and skips
that. Whether the head the key file already holds is still in the trail is read inside the
transaction, before the commit, since nothing can be read after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from ..domain.audit import GENESIS_HASH, AuditAction, AuditEntry, AuditFilter, AuditHead, NewEntry
from . import audit_head, audit_pending, audit_watch
from .models_trust import AuditKeyRow, AuditRow
from .storage_problems import StorageProblem
from .unit_of_work import UnitOfWork

_ROWS = "audit_noted_rows"  # session.info: new record rows seen at flush, logged at commit
_ENTRIES = "audit_entries"  # session.info: entries asked for with append()
_HEAD = "audit_new_head"  # session.info: the head to write into the key file after commit


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass
class Acting:
    """Who is working and the time they see: set by the workspace when the store unlocks."""

    actor: str = ""
    now: Callable[[], datetime] = field(default=_now)


class AuditLog(UnitOfWork):
    def __init__(
        self,
        engine: Engine,
        header: Path | None,
        pending: Path | None,
        read_only: StorageProblem | None = None,
    ) -> None:
        """read_only: why the store opened for reading only, if it did; then unlocks and views
        wait in the pending file, and anything else that would need an entry is refused."""
        self.acting = Acting()
        self._header, self._pending, self._read_only = header, pending, read_only
        self._queue_only = read_only is not None
        self._mac_key: bytes | None = None
        super().__init__(engine, self.watch)

    def forget(self) -> None:
        """At close: the audit key goes with the data key."""
        self._mac_key = None

    def act_as(self, actor: str, now: Callable[[], datetime]) -> None:
        """Whoever unlocked: every entry from now on names them, at the time they see."""
        self.acting = Acting(actor, now)

    def watch(self, sessions: sessionmaker[Session]) -> None:
        """Log the records each of these sessions writes, in the same transaction."""
        event.listen(sessions, "after_flush", _note_rows)
        event.listen(sessions, "before_commit", self._append_noted)
        event.listen(sessions, "after_commit", self._write_head)

    # Writing ------------------------------------------------------------------------------

    def append(self, *entries: NewEntry) -> None:
        if self._queue_only:
            self._queue(entries)
            return
        with self._unit() as s:
            note(s, *entries)

    def _queue(self, entries: Sequence[NewEntry]) -> None:
        """A store open for reading only: the entries join the trail at the next unlock that
        can write, if the pending file can take them (a full disk may refuse even that)."""
        refused = [e for e in entries if e.action not in audit_pending.NOTED_WHILE_READING]
        if refused and self._read_only is not None:
            # A document saved, a backup, a key change: none may happen unrecorded.
            raise self._read_only
        if self._pending is None:
            return
        for entry in entries:
            audit_pending.note_quietly(self._pending, entry.action, self.acting.now())

    def _append_noted(self, session: Session) -> None:
        session.flush()  # rows added since the last flush are noted now
        rows = session.info.pop(_ROWS, [])
        entries = session.info.pop(_ENTRIES, [])
        entries += [audit_watch.entry_for(session, row) for row in rows]
        if entries:
            head = append_in(session, entries, self.acting)
            if self._header is not None:
                session.info[_HEAD] = (head, self._key_in(session), self._held_in(session))

    def _write_head(self, session: Session) -> None:
        pending_write = session.info.pop(_HEAD, None)
        if pending_write is not None and self._header is not None:
            head, mac_key, held = pending_write
            audit_head.write_head_quietly(self._header, head, mac_key, held.get)

    def _key_in(self, session: Session) -> bytes | None:
        if self._mac_key is None:
            self._mac_key = mac_key_in(session)
        return self._mac_key

    def _held_in(self, session: Session) -> dict[int, str]:
        """The trail's hash at the seq the key file now records, if the trail has that entry."""
        assert self._header is not None
        held = audit_head.read_head(self._header)
        found = session.get(AuditRow, held.seq) if held else None
        return {found.seq: found.hash} if found else {}

    # What waits outside the database ------------------------------------------------------

    def take_pending(self) -> tuple[list[NewEntry], list[Path]]:
        """What waited outside the database (failed unlocks, a restore, unlocks and views while
        the records could only be read), and the files it came from, to clear once it is in
        the trail. Nothing while the store is open for reading only: it waits on."""
        if self._pending is None or self._queue_only:
            return [], []
        taken = audit_pending.claim(self._pending)
        with self._unit() as s:
            first = s.scalar(select(AuditRow.at).order_by(AuditRow.seq).limit(1))
        return audit_pending.waiting(taken, self.acting.now(), first), taken

    def clear_taken(self, taken: list[Path]) -> None:
        audit_pending.clear(taken)

    # Reading ------------------------------------------------------------------------------

    def seqs(self, wanted: AuditFilter) -> list[int]:
        """The seqs of the entries wanted, newest first."""
        query = select(AuditRow.seq).order_by(AuditRow.seq.desc())
        if wanted.child_id is not None:
            query = query.where(AuditRow.child_id == wanted.child_id)
        if wanted.actor is not None:
            query = query.where(AuditRow.actor == wanted.actor)
        if wanted.action is not None:
            query = query.where(AuditRow.action == wanted.action.value)
        if wanted.date_from is not None:
            query = query.where(AuditRow.at >= _start_of(wanted.date_from))
        if wanted.date_to is not None:
            query = query.where(AuditRow.at < _start_of(wanted.date_to + timedelta(days=1)))
        with self._unit() as s:
            return list(s.scalars(query))

    def entries(self, seqs: Sequence[int]) -> list[AuditEntry]:
        """The entries with these seqs, in the order given."""
        with self._unit() as s:
            rows = {r.seq: r for r in s.scalars(select(AuditRow).where(AuditRow.seq.in_(seqs)))}
            return [_entry(rows[seq]) for seq in seqs if seq in rows]

    def actors(self) -> list[str]:
        """Everyone the trail names, in alphabetical order."""
        with self._unit() as s:
            return sorted(s.scalars(select(AuditRow.actor).distinct()))

    def child_ids(self) -> list[int]:
        query = select(AuditRow.child_id).where(AuditRow.child_id.is_not(None)).distinct()
        with self._unit() as s:
            return sorted(s.scalars(query))

    def head(self) -> AuditHead | None:
        with self._unit() as s:
            return _last(s)


def note(session: Session, *entries: NewEntry) -> None:
    """Have entries join the trail when this watched session commits, in its transaction."""
    session.info.setdefault(_ENTRIES, []).extend(entries)


def append_in(session: Session, entries: Sequence[NewEntry], acting: Acting) -> AuditHead:
    """Seal and add entries after the newest one, inside the session's transaction.

    seq is the primary key: two writers that read the same newest entry cannot both add the
    next one, so the chain never forks. The write lock is taken before the newest entry is
    read, so another program (a command beside the window) waits its turn rather than fail."""
    _hold_write_lock(session)
    head = _last(session) or AuditHead(0, GENESIS_HASH)
    seq, previous = head.seq, head.hash
    for new in entries:
        seq += 1
        entry = new.sealed(seq, acting.now(), acting.actor, previous)
        session.add(_row(entry))
        previous = entry.hash
    session.flush()
    return AuditHead(seq, previous)


def mac_key_in(session: Session) -> bytes | None:
    """The store's audit key; None in a database from before it had one."""
    row = session.get(AuditKeyRow, 1)
    return bytes.fromhex(row.key) if row else None


def read_mac_key(engine: Engine) -> bytes | None:
    if not inspect(engine).has_table(AuditKeyRow.__tablename__):
        return None
    with Session(engine) as s:
        return mac_key_in(s)


def _hold_write_lock(session: Session) -> None:
    """The driver begins a transaction only at the first INSERT, so a read before it sees the
    database outside the transaction. A session that has written already holds the lock; one
    that has not takes it now, waiting out another writer up to the busy timeout."""
    connection = session.connection()
    raw = connection.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def read_chain(engine: Engine) -> Iterator[AuditEntry] | None:
    """Every entry in seq order, for verify; None for a database from before the trail."""
    if not inspect(engine).has_table(AuditRow.__tablename__):
        return None
    return _all_entries(engine)


def _all_entries(engine: Engine) -> Iterator[AuditEntry]:
    # A backup from before entries carried a content hash has no such column to select.
    present = {c["name"] for c in inspect(engine).get_columns(AuditRow.__tablename__)}
    columns = [c for c in AuditRow.__table__.columns if c.key in present]
    with Session(engine) as s:
        query = select(*columns).order_by(AuditRow.seq).execution_options(yield_per=500)
        for row in s.execute(query):
            yield _entry(row)


def _note_rows(session: Session, _context: Any) -> None:
    noted = [row for row in session.new if audit_watch.is_noted(row)]
    if noted:
        session.info.setdefault(_ROWS, []).extend(noted)


def _last(session: Session) -> AuditHead | None:
    last = session.execute(
        select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)
    ).first()
    return AuditHead(last.seq, last.hash) if last else None


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        seq=entry.seq,
        at=entry.at,
        actor=entry.actor,
        action=entry.action.value,
        child_id=entry.child_id,
        record_type=entry.record_type,
        record_id=entry.record_id,
        detail=entry.detail,
        previous_hash=entry.previous_hash,
        hash=entry.hash,
        content_hash=entry.content_hash,
    )


def _entry(row: Any) -> AuditEntry:
    """From an AuditRow, or a row of its columns."""
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        actor=row.actor,
        action=_action(row.action),
        child_id=row.child_id,
        record_type=row.record_type,
        record_id=row.record_id,
        detail=row.detail,
        previous_hash=row.previous_hash,
        hash=row.hash,
        content_hash=getattr(row, "content_hash", None),
    )


def _action(value: str) -> AuditAction:
    """A value this version does not know is kept as it is stored, so verify hashes what is
    there and reports the entry as altered, rather than failing to read it."""
    try:
        return AuditAction(value)
    except ValueError:
        return value  # type: ignore[return-value]


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time())
