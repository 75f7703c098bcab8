"""Migration 0011: a missing episode's return home interview becomes a state, each old episode
keeping its meaning, and the hashes recorded before the new columns still verify."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import text

from scr_reflect.domain.enums import RecordType
from scr_reflect.domain.missing import InterviewOffer, MissingEpisode, with_interview_dates
from scr_reflect.storage import keyslots, schema, sqlcipher
from tests.core_fixtures import NOW, Seed
from tests.storage.test_audit_seals import CONTENT, findings
from tests.storage.test_audit_verify import tamper

NEW_COLUMNS = ("interview_offer", "interview_outcome", "interview_declined_on")


def test_old_episodes_keep_their_meaning_and_none_becomes_not_offered() -> None:
    engine = sqlcipher.memory_engine(keyslots.new_data_key())
    schema.upgrade(engine, before_migrating=lambda _rev: None, target="0010")
    dates = {1: (None, None), 2: ("2025-01-07", None), 3: ("2025-01-07", "2025-01-08")}
    dates[4] = (None, "2025-01-08")  # held, so it was offered
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO children (id, full_name, preferred_name, date_of_birth, year_group,"
                " tutor_group, upn, household, version, created_at) VALUES (1, 'Ada Example',"
                " '', '2012-02-01', '', '', '', '', 1, '2025-01-01 08:00:00')"
            )
        )
        for episode_id, (offered, held) in dates.items():
            conn.execute(
                text(
                    "INSERT INTO missing_episodes (id, child_id, started_at, ended_at,"
                    " found_where, found_by, reported_by, police_reference,"
                    " interview_offered_on, interview_held_on, child_said, push_factors,"
                    " pull_factors, version) VALUES (:id, 1, '2025-01-05 20:00:00',"
                    " '2025-01-06 08:00:00', '', '', '', '', :offered, :held, '', '', '', 1)"
                ),
                {"id": episode_id, "offered": offered, "held": held},
            )
    schema.upgrade(engine, before_migrating=lambda _rev: None)
    with engine.connect() as conn:
        states = conn.execute(
            text(
                "SELECT id, interview_offer, interview_outcome, interview_declined_on"
                " FROM missing_episodes ORDER BY id"
            )
        ).all()
    engine.dispose()
    assert [tuple(row) for row in states] == [
        (1, "not_known", "not_yet", None),
        (2, "offered", "not_yet", None),
        (3, "offered", "held", None),
        (4, "offered", "held", None),
    ]


def test_hashes_recorded_before_the_interview_states_still_verify(
    file_store, store_files, open_raw
) -> None:
    """An episode hashed before 0011 was hashed without the new columns, and kept versions of it
    hold none of them; as migrated, each verifies, and a later change to a state is named."""
    file_store.audit.act_as("Ada Testperson", lambda: NOW)
    child_id = Seed(file_store.repository).child("Fictional Pupil")
    returned = MissingEpisode(child_id, datetime(2025, 1, 5, 20), datetime(2025, 1, 6, 8))
    structured = file_store.structured
    first = structured.add(returned, child_id, [])
    structured.add(with_interview_dates(returned, date(2025, 1, 7), date(2025, 1, 8)), child_id, [])
    unknown = structured.get(RecordType.MISSING, first)
    assert unknown.interview_offer is InterviewOffer.NOT_KNOWN
    offered = with_interview_dates(unknown, date(2025, 1, 7), None)
    structured.amend(offered, child_id, [], "Ada Testperson", "The RHI service rang", NOW)
    file_store.close()
    # As a version kept before 0011 was kept: without the columns 0011 added.
    engine = open_raw(store_files.database, store_files.header)
    with engine.begin() as conn:
        kept = conn.execute(text("SELECT id, fields_json FROM record_versions")).all()
        assert len(kept) == 1
        fields = {k: v for k, v in json.loads(kept[0][1]).items() if k not in NEW_COLUMNS}
        conn.execute(
            text("UPDATE record_versions SET fields_json = :f WHERE id = :id"),
            {"f": json.dumps(fields), "id": kept[0][0]},
        )
    engine.dispose()
    assert findings(store_files) == {}

    tamper(
        store_files,
        open_raw,
        f"UPDATE missing_episodes SET interview_offer = 'not_offered' WHERE id = {first}",
    )
    [named] = findings(store_files)[CONTENT]
    assert "changed outside the app" in named


def test_a_state_the_dates_do_not_give_is_hashed(file_store, store_files, open_raw) -> None:
    file_store.audit.act_as("Ada Testperson", lambda: NOW)
    child_id = Seed(file_store.repository).child("Fictional Pupil")
    returned = MissingEpisode(child_id, datetime(2025, 1, 5, 20), datetime(2025, 1, 6, 8))
    file_store.structured.add(
        replace(returned, interview_offer=InterviewOffer.NOT_OFFERED), child_id, []
    )
    file_store.close()
    assert findings(store_files) == {}
    tamper(store_files, open_raw, "UPDATE missing_episodes SET interview_offer = 'not_known'")
    assert CONTENT in findings(store_files)
