"""Themes named in a concern's words, each reported with the concerns that name it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.domain.case_themes import CaseTheme, themes_named
from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.records import Concern


def concern(words: str, *categories: Category, child_words: str = "") -> Concern:
    at = datetime(2026, 11, 2, 9, 0)
    return Concern(1, at, at, "Ms Obi", words, frozenset(categories), child_words=child_words)


@pytest.mark.parametrize(
    ("words", "categories", "theme"),
    [
        ("She has been self-harming since the summer.", (), CaseTheme.SELF_HARM),
        ("", (), CaseTheme.SELF_HARM),  # the child's own words below
        ("A man she met online sends her messages at night.", (), CaseTheme.ADULT_ONLINE),
        (
            "An adult he does not know keeps adding him.",
            (Category.ONLINE_HARM,),
            CaseTheme.ADULT_ONLINE,
        ),
        ("Dad says he is not coping since the baby came.", (), CaseTheme.CARER_NOT_COPING),
        ("Mum asked us for help with mornings.", (), CaseTheme.CARER_NOT_COPING),
    ],
)
def test_a_theme_is_found_in_the_words(words, categories, theme) -> None:
    child_words = "I hurt myself when it gets loud" if not words else ""
    [found] = themes_named([concern(words, *categories, child_words=child_words)])
    assert found.theme is theme


def test_online_alone_or_an_adult_alone_is_not_an_unknown_adult_online() -> None:
    assert themes_named([concern("Upset about a group chat online.")]) == ()
    assert themes_named([concern("An adult from the club collected her.")]) == ()


def factor(kind: Factor, known: date, still_applies: bool = True) -> CumulativeFactor:
    return CumulativeFactor(1, kind, known, "Told by the social worker", still_applies)


def test_a_factor_that_still_applies_names_its_theme_without_any_words() -> None:
    online = factor(Factor.CHILD_ONLINE_UNKNOWN_ADULT, date(2026, 9, 1))
    harmed = factor(Factor.CHILD_HAS_HARMED, date(2026, 10, 5))
    strain = factor(Factor.CARER_UNDER_STRAIN, date(2026, 3, 1), still_applies=False)
    found = themes_named([concern("Upset in class.")], [online, harmed, strain])
    assert [(f.theme, f.concerns, f.factors) for f in found] == [
        (CaseTheme.ADULT_ONLINE, (), (online,)),
        (CaseTheme.HARMED_ANOTHER, (), (harmed,)),
    ]


def test_words_and_a_factor_name_the_same_theme_once_with_both() -> None:
    words = concern("Nan says she is at the end of her tether.")
    strain = factor(Factor.CARER_UNDER_STRAIN, date(2026, 10, 1))
    [found] = themes_named([words], [strain])
    assert (found.theme, found.concerns, found.factors) == (
        CaseTheme.CARER_NOT_COPING,
        (words,),
        (strain,),
    )


def test_harm_done_to_another_is_never_read_from_the_words() -> None:
    """Words about a fight are too easily misread; only the DSL's factor names it."""
    assert themes_named([concern("He hit another child at lunch and hurt him.")]) == ()
