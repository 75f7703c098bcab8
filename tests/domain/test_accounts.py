"""Accounts and their claims: which claims need attention, and in what order."""

from __future__ import annotations

from datetime import datetime

from scr_reflect.domain.accounts import (
    Account,
    AccountSource,
    AccountWithClaims,
    Claim,
    ClaimStatus,
    EvidenceKind,
    claims_needing_attention,
)
from scr_reflect.domain.structured_validation import claim_problems

EARLIER, LATER = datetime(2025, 3, 3, 9, 0), datetime(2025, 3, 5, 15, 0)


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
    assert claim_problems(Claim(1, "She fell on Sunday")) == []
    fields = [p.field for p in claim_problems(Claim(1, "She fell", ClaimStatus.CONTRADICTED))]
    assert fields == ["evidence"]
    assert [p.field for p in claim_problems(Claim(1, "  "))] == ["text"]


def test_the_source_label_names_who_gave_the_account_and_in_what_role():
    named = Account(1, AccountSource.NEIGHBOUR, "Mr Hale", EARLIER, "Heard shouting")
    unnamed = Account(1, AccountSource.PROFESSIONAL, "", EARLIER, "Saw the bruise")

    assert named.source_label == "Mr Hale (neighbour or member of the public)"
    assert unnamed.source_label == "Professional"
