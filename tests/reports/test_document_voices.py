"""Whose words a document prints, and under what heading: the member of staff who raised the
concern, the child's own words in quotation marks only when they are the child's, and
evidence from the police or professionals under "Accounts and evidence"."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.accounts import Account, AccountSource
from scr_reflect.domain.enums import Category
from scr_reflect.domain.records import Child, Concern, SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.reports import ReportService
from tests.reports.pdf_checks import all_text

NOW = datetime(2026, 11, 20, 10, 0)
NOTE = "She would not say who gave her the phone."


@pytest.fixture
def ws():
    opened = workspace.in_memory(SchoolProfile("Larkspur Vale", "Sam Okafor"), FixedClock(NOW))
    yield opened
    opened.close()


def referral_text(ws, child_words: str, source: AccountSource) -> str:
    child = ws.records.add_child(Child("Kai Testperson", date(2011, 6, 1))).child_id
    when = NOW - timedelta(days=1)
    ws.records.record_concern(
        Concern(
            child,
            when,
            when,
            "Mr Lewin, PE teacher",
            "Kai had a new phone and cash he could not explain.",
            frozenset({Category.CRIMINAL_EXPLOITATION}),
            child_words=child_words,
        )
    )
    ws.structured.add(
        Account(child, source, "PC Hale", when, "Stopped with two older youths in a car.")
    )
    return all_text(ReportService(ws, invariant=True).referral(child).pdf)


def test_a_note_about_the_childs_words_is_not_printed_as_a_quotation(ws) -> None:
    text = referral_text(ws, NOTE, AccountSource.PROFESSIONAL)
    assert "As raised by Mr Lewin, PE teacher Kai had a new phone" in text
    assert f"About the child's words, as recorded {NOTE}" in text
    assert "\u201c" + NOTE not in text and "In the child's own words" not in text
    assert "Accounts and evidence" in text and "Parents' and carers' accounts" not in text


def test_the_childs_own_words_are_quoted_and_a_parents_account_keeps_its_heading(ws) -> None:
    text = referral_text(ws, "I just hold stuff for them, it's nothing", AccountSource.PARENT)
    assert "In the child's own words \u201cI just hold stuff for them, it's nothing\u201d" in text
    assert "Parents' and carers' accounts" in text and "Accounts and evidence" not in text


@pytest.mark.parametrize(
    ("source", "named"),
    [
        (AccountSource.POLICE, "PC Hale (police or a police log)"),
        (AccountSource.HEALTH, "PC Hale (health)"),
        (AccountSource.SOCIAL_CARE, "PC Hale (children's social care)"),
        (AccountSource.OTHER_SCHOOL, "PC Hale (another school)"),
    ],
)
def test_an_account_from_an_agency_is_evidence_named_by_its_source(ws, source, named) -> None:
    text = referral_text(ws, "I just hold stuff for them, it's nothing", source)
    assert "Accounts and evidence" in text and "Parents' and carers' accounts" not in text
    assert named in text
