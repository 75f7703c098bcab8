"""Words that name a new adult in a child's household bring an offer, never a record."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.household_words import new_adult_offer, new_adult_phrase
from scr_reflect.domain.records import Concern


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Lives with mum and mum's new boyfriend, Dan.", "new boyfriend"),
        ("Mother has a new partner who she says does not live there.", "new partner"),
        (
            "Lives with dad. A man called Steve is staying at the flat.",
            "A man called Steve is staying",
        ),
        ("Her boyfriend has moved in since Easter.", "boyfriend has moved in"),
        ("Says a man stays over most weekends.", "a man stays"),
        (
            "An adult friend of mum's has been living with them.",
            "An adult friend of mum's has been living with them",
        ),
        ("Nan's new fella picks him up.", "new fella"),
        ("Mentions an unknown man at home.", "unknown man"),
        ("Talks about a man the school doesn't know.", "man the school doesn't know"),
        ("Mum\u2019s new man is there at night.", "new man"),
        ("Her stepdad, who moved in last month, collects her.", "stepdad, who moved in"),
    ],
)
def test_a_new_adult_is_named_in_these_words(text, phrase):
    assert new_adult_phrase(text) == phrase


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Lives with mum, dad and two older sisters.",
        "Lives with mother and her partner of ten years, known to school.",
        "Mum says there is no new partner.",
        "Has not got a new boyfriend, mum says.",
        "Started at a new school in September; new baby brother.",
        "A man from the council came about the boiler.",
        "Her partner lives elsewhere and sees the children on Sundays.",
        "A woman who works at the club drove her home.",
        "Dad's partner is lovely, he says.",
    ],
)
def test_these_words_name_no_new_adult(text):
    assert new_adult_phrase(text) is None


def concern(day: int, words: str) -> Concern:
    at = datetime(2026, 11, day, 9, 0)
    return Concern(1, at, at, "Ms Obi", words, frozenset({Category.NEGLECT}))


def test_the_offer_says_where_the_words_are_household_note_first():
    older, latest = concern(2, "Mum's new boyfriend shouted."), concern(9, "Came in hungry.")
    from_note = new_adult_offer("A lodger is staying in the box room.", [older, latest], [])
    assert from_note is not None
    assert (from_note.phrase, from_note.where) == ("lodger is staying", "the household note")
    assert from_note.first_known(date(2026, 11, 20)) == date(2026, 11, 20)
    from_concern = new_adult_offer("Lives with mum.", [latest, older], [])
    assert from_concern is not None
    assert (from_concern.where, from_concern.concern) == ("the concern of 02/11/2026", older)
    assert from_concern.first_known(date(2026, 11, 20)) == date(2026, 11, 2)


def test_no_offer_once_the_factor_is_recorded_even_if_it_no_longer_applies():
    ended = CumulativeFactor(
        1, Factor.NEW_ADULT_IN_HOUSEHOLD, date(2026, 1, 5), "Mum told us", False, date(2026, 6, 1)
    )
    assert new_adult_offer("Mum's new boyfriend stays over.", [], [ended]) is None
    other = CumulativeFactor(1, Factor.MULTIPLE_PARTNERS, date(2026, 1, 5), "Mum told us")
    assert new_adult_offer("Mum's new boyfriend stays over.", [], [other]) is not None
    assert new_adult_offer("Lives with mum.", [concern(3, "Tired.")], []) is None
