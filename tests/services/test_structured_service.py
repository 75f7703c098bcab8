"""StructuredService for every record type: add, problems named, amend keeps the earlier
version and rewrites the chronology lines, the child's picture, and what is waiting on others.

The clock is Monday 10/03/2025 09:30 (tests/core_fixtures.NOW). Every name is fictional.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from scr_reflect.domain.accounts import Account, AccountSource, Claim, ClaimStatus, EvidenceKind
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import RecordType
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import Child
from scr_reflect.domain.referrals import (
    Agency,
    Escalation,
    EscalationStep,
    Referral,
    ReferralOutcome,
)
from scr_reflect.domain.sharing import LawfulBasis, SharingDecision
from scr_reflect.services.errors import InvalidRecord
from scr_reflect.services.records import RecordService
from scr_reflect.services.structured import StructuredService
from scr_reflect.services.workspace import Workspace


@pytest.fixture
def structured(memory_workspace: Workspace) -> StructuredService:
    return memory_workspace.structured


@pytest.fixture
def child_id(records: RecordService) -> int:
    changes = records.add_child(Child("Noor Fenwick-Ashby", date(2012, 5, 4)))
    assert changes.child_id is not None
    return changes.child_id


def titles(records: RecordService, child_id: int) -> list[str]:
    entries = records.entries(records.entry_ids(child_id, ChronologyFilter()))
    return sorted(entry.title for entry in entries)


def added(structured: StructuredService, record) -> object:  # type: ignore[no-untyped-def]
    changes = structured.add(record)
    assert changes.structured and changes.chronology and changes.record_id is not None
    return replace(record, id=changes.record_id)


def threshold_not_met(child_id: int, made_at: datetime = datetime(2025, 3, 3, 11, 0)) -> Referral:
    return Referral(
        child_id,
        made_at,
        Agency.CHILDRENS_SOCIAL_CARE,
        "Assessment: repeated hunger and a bruise explained differently by mother and child",
        ReferralOutcome.THRESHOLD_NOT_MET,
        "Universal services to continue; no role for social care",
        heard_back_at=datetime(2025, 3, 4, 16, 0),
    )


# One valid record of each type, and a change that must fail -----------------------------


def each_record(structured: StructuredService, child_id: int) -> dict[RecordType, object]:
    account = added(
        structured,
        Account(
            child_id,
            AccountSource.PARENT,
            "Mother",
            datetime(2025, 3, 3, 15, 0),
            "Fell on the stairs",
        ),
    )
    referral = added(structured, threshold_not_met(child_id))
    escalation = added(
        structured,
        Escalation(
            child_id,
            referral.id,
            date(2025, 3, 5),
            "Bruising not considered",
            "Strategy discussion",
        ),
    )
    return {
        RecordType.FACTOR: added(
            structured,
            CumulativeFactor(
                child_id, Factor.DOMESTIC_ABUSE, date(2024, 9, 1), "Police notification"
            ),
        ),
        RecordType.MISSING: added(
            structured,
            MissingEpisode(
                child_id, datetime(2025, 3, 1, 19, 0), datetime(2025, 3, 2, 8, 0), "A friend's flat"
            ),
        ),
        RecordType.ACCOUNT: account,
        RecordType.CLAIM: added(structured, Claim(account.id, "She fell on the stairs at home")),
        RecordType.REFERRAL: referral,
        RecordType.ESCALATION: escalation,
        RecordType.ESCALATION_STEP: added(
            structured,
            EscalationStep(
                escalation.id,
                "practitioner",
                "Duty social worker",
                date(2025, 3, 5),
                next_deadline=date(2025, 3, 7),
            ),
        ),
        RecordType.SHARING: added(
            structured,
            SharingDecision(
                child_id,
                datetime(2025, 3, 3, 12, 0),
                True,
                "School nurse",
                "Bruise seen",
                "Health view",
                LawfulBasis.PUBLIC_TASK,
                True,
            ),
        ),
    }


INVALID = {
    RecordType.FACTOR: ({"source": " "}, "source"),
    RecordType.MISSING: ({"ended_at": datetime(2025, 2, 1, 8, 0)}, "ended_at"),
    RecordType.ACCOUNT: ({"summary": ""}, "summary"),
    RecordType.CLAIM: ({"status": ClaimStatus.CONTRADICTED}, "evidence"),
    RecordType.REFERRAL: ({"outcome_reasons": ""}, "outcome_reasons"),
    RecordType.ESCALATION: ({"why_we_disagree": ""}, "why_we_disagree"),
    RecordType.ESCALATION_STEP: ({"stage": "ombudsman"}, "stage"),
    RecordType.SHARING: ({"why": ""}, "why"),
}

AMENDMENTS = {
    RecordType.FACTOR: {"still_applies": False, "ended_on": date(2025, 3, 1)},
    RecordType.MISSING: {"found_where": "Bus station"},
    RecordType.ACCOUNT: {"given_by": "Mother (Ms Ashby)"},
    RecordType.CLAIM: {
        "status": ClaimStatus.CONTRADICTED,
        "evidence_kind": EvidenceKind.ACCOUNT,
        "evidence": "The child said her brother pushed her",
    },
    RecordType.REFERRAL: {"agency": Agency.EARLY_HELP},
    RecordType.ESCALATION: {"resolved_on": date(2025, 3, 7), "resolution": "Assessment agreed"},
    RecordType.ESCALATION_STEP: {"contacted": "Ms Pell, duty social worker"},
    RecordType.SHARING: {"with_whom": "School nurse and GP"},
}


@pytest.mark.parametrize("record_type", list(INVALID))
def test_each_record_names_what_is_wrong_and_stores_nothing(
    structured: StructuredService, records: RecordService, child_id: int, record_type: RecordType
) -> None:
    record = each_record(structured, child_id)[record_type]
    before = titles(records, child_id)
    change, field = INVALID[record_type]
    with pytest.raises(InvalidRecord) as caught:
        structured.add(replace(record, id=None, **change))  # type: ignore[type-var]
    assert [p.field for p in caught.value.problems] == [field]
    assert titles(records, child_id) == before


@pytest.mark.parametrize("record_type", list(AMENDMENTS))
def test_amending_keeps_the_earlier_version_and_rewrites_the_chronology(
    structured: StructuredService, records: RecordService, child_id: int, record_type: RecordType
) -> None:
    record = each_record(structured, child_id)[record_type]
    lines_before = titles(records, child_id)
    amended = replace(record, **AMENDMENTS[record_type])  # type: ignore[type-var]

    with pytest.raises(InvalidRecord, match="Say why"):
        structured.amend(amended, " ")
    changes = structured.amend(amended, "Corrected after speaking to the class teacher")

    assert changes.child_id == child_id and changes.structured
    stored = structured.get(record_type, record.id)  # type: ignore[attr-defined]
    assert stored == replace(amended, version=2)
    history = records.history(record_type, record.id)  # type: ignore[attr-defined]
    assert [v.reason for v in history.earlier] == ["Corrected after speaking to the class teacher"]
    field = next(iter(AMENDMENTS[record_type]))
    assert history.earlier[0].fields[field] != history.current[field]
    lines_after = titles(records, child_id)
    if record_type is RecordType.CLAIM:
        assert lines_after == lines_before  # a claim is read with its account
    else:
        # Replaced, not added to; resolving an escalation adds its "resolved" line.
        assert lines_after != lines_before
        resolved_line = 1 if record_type is RecordType.ESCALATION else 0
        assert len(lines_after) == len(lines_before) + resolved_line


def test_the_chronology_says_what_each_record_is(
    structured: StructuredService, records: RecordService, child_id: int
) -> None:
    each_record(structured, child_id)
    assert titles(records, child_id) == sorted(
        [
            "Family factor: Domestic abuse (still applies)",
            "Missing episode: returned 02/03/2025 08:00; found at A friend's flat;"
            " return home interview: not known whether offered",
            "Account from Mother (parent)",
            "Referral to children's social care",
            "Outcome from children's social care: Threshold not met",
            "Escalation started: the school disagrees with the decision",
            "Escalation, Stage 1: practitioner to practitioner: contacted Duty social worker",
            "Shared information with School nurse",
        ]
    )


def test_the_picture_gathers_every_record_of_the_child_only(
    structured: StructuredService, records: RecordService, child_id: int
) -> None:
    mine = each_record(structured, child_id)
    other = records.add_child(Child("Ezra Quill", date(2013, 1, 9))).child_id
    assert other is not None
    structured.add(threshold_not_met(other))

    picture = structured.picture(child_id)

    assert [f.id for f in picture.factors] == [mine[RecordType.FACTOR].id]  # type: ignore[attr-defined]
    assert len(picture.missing) == 1 and picture.missing_pattern.in_last_90_days == 1
    assert picture.accounts[0].claims == (mine[RecordType.CLAIM],)
    (case,) = picture.referrals
    assert case.referral == mine[RecordType.REFERRAL]
    (escalation_case,) = case.escalations
    assert escalation_case.escalation == mine[RecordType.ESCALATION]
    assert escalation_case.steps == (mine[RecordType.ESCALATION_STEP],)
    assert picture.sharing == (mine[RecordType.SHARING],)


def test_waiting_lists_overdue_steps_and_referrals_with_no_reply_in_time(
    structured: StructuredService, child_id: int
) -> None:
    # Made Thursday 06/03 at 10:00: a reply was due Friday 07/03 10:00; it is now Monday.
    late = added(
        structured,
        Referral(child_id, datetime(2025, 3, 6, 10, 0), Agency.POLICE, "Welfare check"),
    )
    # Made Monday 10/03 at 09:00: due tomorrow, not late yet.
    added(structured, Referral(child_id, datetime(2025, 3, 10, 9, 0), Agency.HEALTH, "Review"))
    referral = added(structured, threshold_not_met(child_id))
    escalation = added(
        structured,
        Escalation(
            child_id,
            referral.id,
            date(2025, 3, 5),
            "Bruising not considered",
            "Strategy discussion",
        ),
    )
    overdue = added(
        structured,
        EscalationStep(
            escalation.id,
            "practitioner",
            "Duty social worker",
            date(2025, 3, 5),
            next_deadline=date(2025, 3, 7),
        ),
    )
    added(  # answered, so not waiting
        structured,
        EscalationStep(
            escalation.id,
            "practitioner",
            "Duty SW",
            date(2025, 3, 5),
            "Will review",
            date(2025, 3, 7),
        ),
    )
    added(  # due today: not overdue until tomorrow
        structured,
        EscalationStep(
            escalation.id,
            "manager",
            "Team manager",
            date(2025, 3, 6),
            next_deadline=date(2025, 3, 10),
        ),
    )

    waiting = structured.waiting()

    assert waiting.feedback_overdue == (late,)
    assert [(step, esc.id, name) for step, esc, name in waiting.steps_overdue] == [
        (overdue, escalation.id, "Noor Fenwick-Ashby")
    ]
    structured.amend(
        replace(escalation, resolved_on=date(2025, 3, 10), resolution="Agreed"), "Resolved"
    )
    assert structured.waiting().steps_overdue == ()


def test_a_resolved_escalation_needs_how_it_was_resolved(
    structured: StructuredService, child_id: int
) -> None:
    referral = added(structured, threshold_not_met(child_id))
    escalation = added(
        structured,
        Escalation(
            child_id,
            referral.id,
            date(2025, 3, 5),
            "Bruising not considered",
            "Strategy discussion",
        ),
    )
    with pytest.raises(InvalidRecord) as caught:
        structured.amend(replace(escalation, resolved_on=date(2025, 3, 4)), "Resolved")
    assert {p.field for p in caught.value.problems} == {"resolution", "resolved_on"}


def test_an_escalation_challenges_only_its_childs_decisions_and_each_once(
    structured: StructuredService, records: RecordService, child_id: int
) -> None:
    first = added(structured, threshold_not_met(child_id))
    second = added(structured, threshold_not_met(child_id, datetime(2025, 3, 4, 9, 0)))
    other_child = records.add_child(Child("Ivo Marchbank", date(2013, 1, 9))).child_id
    assert other_child is not None
    theirs = added(structured, threshold_not_met(other_child))
    why, asking = "Missing again since", "Strategy discussion"
    for named, field in (((theirs.id,), "also_challenges"), ((first.id,), "also_challenges")):
        with pytest.raises(InvalidRecord) as caught:
            structured.add(
                Escalation(child_id, first.id, date(2025, 3, 8), why, asking, also_challenges=named)
            )
        assert [p.field for p in caught.value.problems] == [field]
    both = added(
        structured,
        Escalation(child_id, first.id, date(2025, 3, 8), why, asking, also_challenges=(second.id,)),
    )
    cases = structured.picture(child_id).referrals
    assert [[e.escalation.id for e in c.escalations] for c in cases] == [[both.id], [both.id]]
    assert cases[0].escalations[0].challenged == (first, second)


def test_not_sharing_needs_reasons_and_why_the_family_were_not_told(
    structured: StructuredService, child_id: int
) -> None:
    decision = SharingDecision(
        child_id,
        datetime(2025, 3, 3, 12, 0),
        False,
        "Housing officer",
        "Address history",
        "",
        LawfulBasis.PUBLIC_TASK,
        False,
    )
    with pytest.raises(InvalidRecord) as caught:
        structured.add(decision)
    assert {p.field for p in caught.value.problems} == {"why", "why_not_told"}


def test_every_factor_is_stored_as_its_value_and_read_back(
    structured: StructuredService, child_id: int
) -> None:
    """The factor column holds the value as text, with no list of allowed values in the
    store, so a new factor needs no migration; each must fit its 40 characters."""
    for kind in Factor:
        assert len(kind.value) <= 40, kind
        structured.add(CumulativeFactor(child_id, kind, date(2025, 1, 6), "Form tutor"))
    read = [f.factor for f in structured.picture(child_id).factors]
    assert sorted(read) == sorted(Factor)


def test_a_check_needs_its_date_asks_no_reason_and_each_check_rewrites_the_claims_line(
    structured: StructuredService, records: RecordService, child_id: int
) -> None:
    claim = each_record(structured, child_id)[RecordType.CLAIM]
    check = replace(
        claim,  # type: ignore[type-var]
        status=ClaimStatus.CORROBORATED,
        evidence_kind=EvidenceKind.RECORD,
        checked_against="GP letter, 3/3",
        checked_by="Ms Fictional",
    )
    with pytest.raises(InvalidRecord, match="when the claim was checked"):
        structured.check(check)

    structured.check(replace(check, checked_on=date(2025, 3, 4)))
    again = replace(
        check,
        status=ClaimStatus.CONTRADICTED,
        checked_against="Police log, 7/3",
        checked_on=date(2025, 3, 7),
        version=2,
    )
    structured.check(again)

    history = records.history(RecordType.CLAIM, claim.id)  # type: ignore[attr-defined]
    assert [v.reason for v in history.earlier] == [
        "Claim checked: corroborated by GP letter, 3/3",
        "Claim checked: contradicted by Police log, 7/3",
    ]
    checked = [t for t in titles(records, child_id) if t.startswith("Claim checked")]
    assert checked == [
        "Claim checked: “She fell on the stairs at home”, contradicted by Police log, 7/3"
    ]
