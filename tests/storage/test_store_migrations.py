"""Upgrading a committed old store, and refusing one made by a newer version.

tests/data/v0001_store was made at schema revision 0001 by tests/data/make_v0001_store.py
(passphrase "correct horse battery staple violet"); the values below are the ones it wrote.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from scr_reflect.domain.audit import AuditAction, NewEntry
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.education import AbsenceKind, EducationAbsence
from scr_reflect.domain.enums import Category, ConcernStatus, EntryKind, RecordType
from scr_reflect.domain.records import Draft, SchoolProfile
from scr_reflect.domain.structured_lines import education_lines
from scr_reflect.storage import audit_head, keyslots, schema, sqlcipher
from scr_reflect.storage.schema import NewerDatabase
from scr_reflect.storage.store import StoreFiles, open_store
from scr_reflect.storage.store_checks import check_store_files
from tests.core_fixtures import CHILD_AS_BEFORE

V0001 = Path(__file__).parents[1] / "data" / "v0001_store"
OPENED_AT = datetime(2025, 4, 2, 16, 45, 7)


@pytest.fixture
def old_store(tmp_path: Path) -> StoreFiles:
    root = tmp_path / "data"
    shutil.copytree(V0001, root)
    return StoreFiles(root)


def test_the_committed_store_is_at_0001(old_store, open_raw) -> None:
    engine = open_raw(old_store.database, old_store.header)
    try:
        assert schema.current_revision(engine) == "0001"
        assert schema.head_revision() != "0001"
    finally:
        engine.dispose()


def test_opening_an_old_store_migrates_it_and_keeps_every_record(
    old_store, passphrase, open_raw
) -> None:
    store = open_store(old_store, passphrase, OPENED_AT)
    try:
        repo = store.repository
        assert repo.profile() == SchoolProfile("Larkspur Vale Primary", "Ada Testperson")
        assert repo.search_child_ids("") == [2, 1]  # ordered by full name

        zoe = repo.child(1)
        assert zoe.full_name == "Zoë Łukasiewicz-Nguyễn"
        assert zoe.preferred_name == "Zoë"
        assert zoe.date_of_birth == date(2014, 5, 17)
        assert (zoe.year_group, zoe.tutor_group, zoe.upn) == ("Year 6", "6K", "A123456789012")
        assert zoe.version == 2
        assert repo.child(2).full_name == "Bartholomew Quillfeather"

        [neglect] = repo.concerns_for_child(1)
        assert neglect.categories == frozenset({Category.NEGLECT})
        assert neglect.occurred_at == datetime(2024, 10, 7, 10, 15)
        assert neglect.child_words == "It is cold at home."
        [online] = repo.concerns_for_child(2)
        assert online.status is ConcernStatus.CLOSED
        assert online.categories == frozenset({Category.EMOTIONAL, Category.ONLINE_HARM})

        summaries = {s.id: s.open_concerns for s in repo.child_summaries([1, 2])}
        assert summaries == {1: 1, 2: 0}

        entries = repo.entries(repo.entry_ids(1, ChronologyFilter()))
        assert [(e.kind, e.title) for e in entries] == [
            (EntryKind.CONTACT, "Phoned the Early Help team"),
            (EntryKind.CONCERN, "Neglect: raised by Mr Testington"),
        ]
        assert entries[1].concern_id == neglect.id

        [open_action] = repo.actions_for_child(1)
        assert open_action.done_on is None
        assert [o.child_name for o in repo.overdue_actions(date(2025, 1, 1))] == [
            "Zoë Łukasiewicz-Nguyễn"
        ]
        [done_action] = repo.actions_for_child(2)
        assert done_action.done_on == date(2024, 11, 14)

        [earlier] = repo.earlier_versions(RecordType.CHILD, 1)
        assert earlier.fields["tutor_group"] == "6J"
        assert earlier.reason == "Moved to a different tutor group"

        # The table the newer schema added works.
        repo.save_draft(Draft("note:1", "Note about Zoë", {"title": "Draft"}), OPENED_AT)
        assert [d.key for d in repo.drafts()] == ["note:1"]
        assert store.integrity_problems() == []
    finally:
        store.close()

    engine = open_raw(old_store.database, old_store.header)
    try:
        assert schema.current_revision(engine) == schema.head_revision()
    finally:
        engine.dispose()


def test_a_migrated_store_keeps_absences_from_education_with_their_lines(
    old_store, passphrase
) -> None:
    store = open_store(old_store, passphrase, OPENED_AT)
    try:
        absence = EducationAbsence(
            1,
            AbsenceKind.REDUCED_TIMETABLE,
            datetime(2025, 3, 3, 9, 0),
            start_time_known=False,
            said_to_be="At home in the afternoons, with her grandmother",
            la_told_on=date(2025, 3, 4),
        )
        record_id = store.structured.add(absence, 1, education_lines(absence))
        stored = store.structured.get(RecordType.EDUCATION, record_id)
        assert stored == replace(absence, id=record_id)
        lines = store.repository.entries(store.repository.entry_ids(1, ChronologyFilter()))
        assert [(e.kind, e.time_known) for e in lines if e.kind is EntryKind.EDUCATION] == [
            (EntryKind.EDUCATION, False)
        ]
        assert store.integrity_problems() == []
    finally:
        store.close()


def test_a_backup_is_taken_before_migrating(old_store, passphrase, open_raw) -> None:
    original = old_store.database.read_bytes()
    open_store(old_store, passphrase, OPENED_AT).close()

    backups = sorted(p.name for p in old_store.backups.iterdir())
    stem = "before-migration-from-0001-20250402-164507"
    assert f"{stem}.db" in backups
    assert f"{stem}.keys.json" in backups
    assert [b for b in backups if b.endswith(".db")] == [f"{stem}.db"]
    assert old_store.database.read_bytes() != original

    backup_db = old_store.backups / f"{stem}.db"
    engine = open_raw(backup_db, old_store.backups / f"{stem}.keys.json", passphrase)
    try:
        assert schema.current_revision(engine) == "0001"
        with engine.connect() as conn:
            names = conn.execute(text("SELECT full_name FROM children ORDER BY id")).scalars()
            assert list(names) == ["Zoë Łukasiewicz-Nguyễn", "Bartholomew Quillfeather"]
            assert conn.execute(text("SELECT count(*) FROM concerns")).scalar_one() == 2
    finally:
        engine.dispose()

    if os.name == "posix":
        assert stat.S_IMODE(old_store.backups.stat().st_mode) == 0o700
        for path in old_store.backups.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_opening_a_store_at_head_takes_no_backup(file_store, store_files, passphrase) -> None:
    file_store.close()
    open_store(store_files, passphrase, OPENED_AT).close()
    assert not store_files.backups.exists()


def test_a_database_from_a_newer_version_is_refused(
    file_store, store_files, passphrase, open_raw, snapshot
) -> None:
    file_store.close()
    engine = open_raw(store_files.database, store_files.header)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    finally:
        engine.dispose()
    database_before = store_files.database.read_bytes()

    with pytest.raises(NewerDatabase) as refused:
        open_store(store_files, passphrase, OPENED_AT)

    message = str(refused.value)
    assert "newer version of SCR Reflect" in message
    assert "0999" in message
    assert store_files.database.read_bytes() == database_before
    assert not store_files.backups.exists()


def test_documents_the_tool_recorded_as_notes_become_document_lines(
    old_store, passphrase, open_raw
) -> None:
    tool_wrote = ("Produced: Referral summary (PDF)", "Referral summary, 3 pages. Produced by A.")
    typed = ("Printed: Chronology", "Dad brought in the printed chronology from the hospital.")
    engine = open_raw(old_store.database, old_store.header)
    try:
        with engine.begin() as conn:
            for title, body in (tool_wrote, typed):
                conn.execute(
                    text(
                        "INSERT INTO chronology_entries (child_id, kind, occurred_at, title, body,"
                        " version) VALUES (1, 'note', '2025-01-06 09:00:00', :title, :body, 1)"
                    ),
                    {"title": title, "body": body},
                )
    finally:
        engine.dispose()
    store = open_store(old_store, passphrase, OPENED_AT)
    try:
        repo = store.repository
        kinds = {e.body: e.kind for e in repo.entries(repo.entry_ids(1, ChronologyFilter()))}
        assert kinds[tool_wrote[1]] is EntryKind.DOCUMENT
        assert kinds[typed[1]] is EntryKind.NOTE
    finally:
        store.close()


def test_a_migrated_store_seals_its_head_and_counts_the_records_it_cannot_check(
    old_store, passphrase
) -> None:
    store = open_store(old_store, passphrase, OPENED_AT)
    try:
        store.audit.append(NewEntry(AuditAction.UNLOCK))
    finally:
        store.close()
    signed = audit_head.read_signed(old_store.header)
    assert signed is not None and signed.mac is not None
    found = {
        f.check: f for f in check_store_files(old_store.database, old_store.header, passphrase)
    }
    assert [check for check, finding in found.items() if not finding.ok] == []
    [note] = found["Records: each matches the audit entry that made or amended it"].notes
    assert "have no content hash in the trail" in note  # made before entries carried one


def test_lines_of_records_kept_by_the_day_lose_their_invented_time() -> None:
    engine = sqlcipher.memory_engine(keyslots.new_data_key())
    schema.upgrade(engine, before_migrating=lambda _rev: None, target="0007")
    lines = [("factor", "factor"), ("escalation", "escalation_step"), ("note", None)]
    with engine.begin() as conn:
        conn.execute(text(CHILD_AS_BEFORE))
        for kind, record_type in lines:
            conn.execute(
                text(
                    "INSERT INTO chronology_entries (child_id, kind, record_type, occurred_at,"
                    " title, body, version) VALUES (1, :kind, :record_type,"
                    " '2025-01-06 09:00:00', :kind, '', 1)"
                ),
                {"kind": kind, "record_type": record_type},
            )
    schema.upgrade(engine, before_migrating=lambda _rev: None)
    with engine.connect() as conn:
        known = dict(conn.execute(text("SELECT title, time_known FROM chronology_entries")).all())
    engine.dispose()
    assert known == {"factor": False, "escalation": False, "note": True}


def test_claims_checked_before_keep_what_they_said_and_have_no_check_date() -> None:
    engine = sqlcipher.memory_engine(keyslots.new_data_key())
    schema.upgrade(engine, before_migrating=lambda _rev: None, target="0010")
    with engine.begin() as conn:
        conn.execute(text(CHILD_AS_BEFORE))
        conn.execute(
            text(
                "INSERT INTO accounts (id, child_id, source, given_by, given_at, summary, version)"
                " VALUES (1, 1, 'parent', 'Mother', '2025-01-06 09:00:00', 'Said', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO claims (id, account_id, text, status, evidence_kind, evidence,"
                " version) VALUES (1, 1, 'Nobody else lives there', 'contradicted', 'record',"
                " 'Police log', 1)"
            )
        )
    schema.upgrade(engine, before_migrating=lambda _rev: None)
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT evidence, checked_against, checked_on, checked_by FROM claims")
        ).one()
    engine.dispose()
    assert tuple(row) == ("Police log", "", None, "")
