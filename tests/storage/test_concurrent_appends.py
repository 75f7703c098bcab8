"""Two programs appending to one store's audit trail at once: the chain never forks.

An append reads the newest seq and adds the next. If that read ran outside the write
transaction, a second program could append between the read and the insert, and the first
would then fail on a taken seq (an IntegrityError where a DSL only listed the children).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from scr_reflect.domain.audit import AuditAction, NewEntry
from scr_reflect.storage import sqlcipher
from scr_reflect.storage.storage_problems import StoreBusy
from scr_reflect.storage.store import OpenStore, StoreFiles, open_store
from tests.core_fixtures import NOW, PASSPHRASE


def test_no_one_appends_between_reading_the_newest_entry_and_adding_the_next(
    file_store: OpenStore, store_files: StoreFiles, monkeypatch: Any
) -> None:
    # The same store opened again, as another program would, waiting for no lock.
    monkeypatch.setattr(sqlcipher, "BUSY_TIMEOUT_SECONDS", 0.0)
    other = open_store(store_files, PASSPHRASE, NOW)
    other.audit.act_as("Second Program", lambda: NOW)
    file_store.audit.act_as("First Program", lambda: NOW)
    tried: list[str] = []

    def between(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        # Right after the first program read the newest seq, the second tries to append.
        if "FROM audit_log ORDER BY audit_log.seq DESC" in statement and not tried:
            try:
                other.audit.append(NewEntry(AuditAction.VIEW, detail="second"))
                tried.append("appended")
            except StoreBusy:
                tried.append("waited its turn")

    engine = file_store.audit._sessions.kw["bind"]
    event.listen(engine, "after_cursor_execute", between)
    try:
        file_store.audit.append(NewEntry(AuditAction.VIEW, detail="first"))
    finally:
        event.remove(engine, "after_cursor_execute", between)
    other.audit.append(NewEntry(AuditAction.VIEW, detail="second, in turn"))
    other.close()

    assert tried == ["waited its turn"]
    assert [f.problems for f in file_store.verify() if f.problems] == []
