"""Revision 0015: an escalation names further decisions it challenges, kept with its row.

An escalation made before keeps its audit hash; one challenging two decisions is stored,
read, amended (the earlier version kept), verified and deleted with the child.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import Engine, MetaData, Table, select, text
from sqlalchemy.orm import Session

from scr_reflect.domain.audit import AuditAction, NewEntry
from scr_reflect.domain.audit_seal import content_hash
from scr_reflect.domain.enums import RecordType
from scr_reflect.domain.kept import Kept
from scr_reflect.domain.referrals import Agency, Escalation, Referral, ReferralOutcome
from scr_reflect.storage import keyslots, schema, sqlcipher
from scr_reflect.storage.audit_watch import row_hash
from scr_reflect.storage.mapping import as_text
from scr_reflect.storage.models_structured import EscalationRow
from scr_reflect.storage.store import OpenStore
from scr_reflect.storage.structured_rows import record_from_row
from tests.core_fixtures import CHILD_AS_BEFORE, NOW, Seed

REFERRAL = (
    "INSERT INTO referrals (id, child_id, made_at, agency, asked_for, outcome, outcome_reasons,"
    " version) VALUES (1, 1, '2025-03-03 10:00:00.000000', 'childrens_social_care',"
    " 'An assessment', 'threshold_not_met', 'Parents engaging', 1)"
)
ESCALATION = (
    "INSERT INTO escalations (id, child_id, referral_id, started_on, why_we_disagree,"
    " asking_for, resolution, version) VALUES (1, 1, 1, '2025-03-05', 'Three missing episodes',"
    " 'A strategy discussion', '', 1)"
)


@pytest.fixture
def at_0010() -> Iterator[Engine]:
    engine = sqlcipher.memory_engine(keyslots.new_data_key())
    schema.upgrade(engine, before_migrating=lambda _rev: None, target="0010")
    with engine.begin() as conn:
        # By hand: this version's rows have columns 0010 lacks.
        conn.execute(text(CHILD_AS_BEFORE))
        conn.execute(text(REFERRAL))
        conn.execute(text(ESCALATION))
    yield engine
    engine.dispose()


def test_an_escalation_made_before_challenges_its_one_decision_and_hashes_as_before(
    at_0010: Engine,
) -> None:
    escalations = Table("escalations", MetaData(), autoload_with=at_0010)
    with at_0010.connect() as conn:
        row = conn.execute(select(escalations)).mappings().one()
    columns = {name: as_text(value) for name, value in row.items() if name not in {"id", "version"}}
    assert "also_challenges" not in columns
    recorded = content_hash("escalation", 1, 1, columns)

    schema.upgrade(at_0010, before_migrating=lambda _rev: None)

    with Session(at_0010) as s:
        migrated = s.get(EscalationRow, 1)
        assert row_hash(RecordType.ESCALATION, migrated) == recorded
        escalation = record_from_row(RecordType.ESCALATION, migrated)
    assert escalation.also_challenges == ()
    assert escalation.challenges == (1,)


def closed(child_id: int, day: int, outcome: ReferralOutcome) -> Referral:
    made = datetime(2025, 3, day, 10, 0)
    return Referral(
        child_id, made, Agency.CHILDRENS_SOCIAL_CARE, "An assessment", outcome, "No concerns",
        made.replace(hour=16),
    )  # fmt: skip


def test_two_decisions_are_kept_amended_verified_and_deleted_with_the_child(
    memory_store: OpenStore, seed: Seed
) -> None:
    child = seed.child()
    repo = memory_store.structured
    first = repo.add(closed(child, 3, ReferralOutcome.THRESHOLD_NOT_MET), child, [])
    second = repo.add(closed(child, 17, ReferralOutcome.NO_FURTHER_ACTION), child, [])
    third = repo.add(closed(child, 24, ReferralOutcome.STEPPED_DOWN), child, [])
    escalation = Escalation(
        child, first, date(2025, 3, 25), "Missing again", "A strategy discussion",
        also_challenges=(second,),
    )  # fmt: skip
    escalation_id = repo.add(escalation, child, [])

    stored = repo.get(RecordType.ESCALATION, escalation_id)
    assert stored.challenges == (first, second)
    widened = Escalation(
        child, first, date(2025, 3, 25), "Missing again", "A strategy discussion",
        also_challenges=(second, third), id=escalation_id,
    )  # fmt: skip
    repo.amend(widened, child, [], "Ada Testperson", "The stepping down too", NOW)
    assert repo.get(RecordType.ESCALATION, escalation_id).challenges == (first, second, third)
    [earlier] = memory_store.repository.earlier_versions(RecordType.ESCALATION, escalation_id)
    assert earlier.fields["also_challenges"] == str(second)
    assert [f.problems for f in memory_store.verify() if f.problems] == []

    removed = memory_store.retention.delete_child(child, NewEntry(AuditAction.DELETION))
    assert (removed.counts[Kept.REFERRAL], removed.counts[Kept.ESCALATION]) == (3, 1)
    assert memory_store.integrity_problems() == []
