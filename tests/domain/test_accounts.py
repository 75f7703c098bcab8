"""Accounts and their claims: which need attention, in what order, and how a check reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from scr_reflect.domain.accounts import (
    Account,
    AccountSource,
    AccountWithClaims,
    Claim,
    ClaimStatus,
    EvidenceKind,
    check_summary,
    claims_needing_attention,
)
from scr_reflect.domain.structured_lines import claim_lines
from scr_reflect.domain.structured_validation import claim_problems

EARLIER, LATER = datetime(2025, 3, 3, 9, 0), datetime(2025, 3, 5, 15, 0)
TODAY, TOMORROW = date(2025, 3, 7), date(2025, 3, 8)


def account(account_id: int, given_at: datetime, *claims: Claim) -> AccountWithClaims:
    given = Account(1, AccountSource.PARENT, "Mother", given_at, "What she said", id=account_id)
    return AccountWithClaims(given, claims)


def test_contradicted_claims_come_first_then_unchecked_oldest_first_and_settled_ones_not_at_all():
    unchecked_late = Claim(2, "He was at school all day")
    corroborated = Claim(1, "She went to the GP", ClaimStatus.CORROBORATED, EvidenceKind.RECORD)
    unchecked_early = Claim(1, "The bruise came from a fall")
    contradicted = Claim(2, "Nobody else was there", ClaimStatus.CONTRADICTED)
    accounts = [
        account(1, EARLIER, corroborated, unchecked_early),
        account(2, LATER, unchecked_late, contradicted),
    ]

    ordered = [claim.text for _account, claim in claims_needing_attention(accounts)]

    assert ordered == [contradicted.text, unchecked_early.text, unchecked_late.text]


def test_a_checked_claim_must_say_what_shows_it_but_an_unchecked_one_need_not():
    assert claim_problems(Claim(1, "She fell on Sunday"), TODAY) == []
    contradicted = Claim(1, "She fell", ClaimStatus.CONTRADICTED)
    assert [p.field for p in claim_problems(contradicted, TODAY)] == ["evidence"]
    assert [p.field for p in claim_problems(Claim(1, "  "), TODAY)] == ["text"]


def test_a_check_says_against_what_by_whom_and_not_in_the_future():
    check = Claim(1, "She fell", ClaimStatus.CORROBORATED, checked_on=date(2025, 3, 7))
    fields = [p.field for p in claim_problems(check, TODAY)]
    assert fields == ["checked_against", "checked_by"]
    later = replace(check, checked_against="GP letter", checked_by="Sam", checked_on=TOMORROW)
    assert [p.field for p in claim_problems(later, TODAY)] == ["checked_on"]


def test_a_check_names_its_source_and_what_it_found():
    check = Claim(
        1,
        "Nobody else lives at home",
        ClaimStatus.CONTRADICTED,
        EvidenceKind.RECORD,
        checked_against="Police log (PC Example)",
        checked_on=TODAY,
        checked_by="Sam",
    )
    assert check.finding == "Contradicted by: Police log (PC Example)"
    assert check_summary(check) == "Claim checked: contradicted by Police log (PC Example)"
    [line] = claim_lines(check)
    assert line.title == (
        "Claim checked: “Nobody else lives at home”, contradicted by Police log (PC Example)"
    )
    assert (line.occurred_at.date(), line.time_known) == (TODAY, False)

    tried = replace(check, status=ClaimStatus.UNVERIFIED, checked_against="GP surgery")
    assert tried.could_not_check
    assert tried.finding == "Could not check against: GP surgery"
    assert claim_lines(Claim(1, "Unchecked")) == []
    # Checked before checks named their source: the kind of source is all there is to say.
    older = Claim(1, "She fell", ClaimStatus.CORROBORATED, EvidenceKind.OBSERVATION, "Seen")
    assert older.finding == "Corroborated by: an observation"


def test_the_source_label_names_who_gave_the_account_and_in_what_role():
    named = Account(1, AccountSource.NEIGHBOUR, "Mr Hale", EARLIER, "Heard shouting")
    unnamed = Account(1, AccountSource.PROFESSIONAL, "", EARLIER, "Saw the bruise")

    assert named.source_label == "Mr Hale (neighbour or member of the public)"
    assert unnamed.source_label == "Professional"
