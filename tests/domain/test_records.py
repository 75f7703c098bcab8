"""Records' own rules: ages, display names, overdue actions, headlines, change sets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from scr_reflect.domain.changes import ChangeSet
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.draft_key import DraftKey, FormKind
from scr_reflect.domain.enums import Category, ConcernStatus, EntryKind
from scr_reflect.domain.headlines import HEADLINE_TEXT_LENGTH, concern_headline
from scr_reflect.domain.records import ChildSummary
from tests.core_fixtures import make_action, make_child, make_concern

# Ages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "age"),
    [
        (date(2025, 6, 14), 11),  # the day before the birthday
        (date(2025, 6, 15), 12),  # the birthday
        (date(2025, 6, 16), 12),
        (date(2025, 1, 1), 11),
        (date(2025, 12, 31), 12),
        (date(2013, 6, 15), 0),
    ],
)
def test_age_on(day: date, age: int) -> None:
    assert make_child(date_of_birth=date(2013, 6, 15)).age_on(day) == age


@pytest.mark.parametrize(
    ("day", "age"),
    [
        (date(2025, 2, 28), 12),  # no 29 February in 2025: still 12 on the 28th
        (date(2025, 3, 1), 13),  # and 13 on 1 March, as the law in England counts it
        (date(2024, 2, 28), 11),
        (date(2024, 2, 29), 12),
    ],
)
def test_age_of_a_leap_day_child(day: date, age: int) -> None:
    assert make_child(date_of_birth=date(2012, 2, 29)).age_on(day) == age


# Display names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full_name", "preferred", "shown"),
    [
        ("Ada Testperson", "", "Ada Testperson"),
        ("Beatrix Samplewood", "Trixie", "Beatrix Samplewood (Trixie)"),
        ("Zoë Łukasiewicz-Nguyễn", "Zoë", "Zoë Łukasiewicz-Nguyễn"),
        ("Mary Ann Testperson", "Mary Ann", "Mary Ann Testperson"),
        ("Ada Testperson", "ada", "Ada Testperson"),
        # A preferred name inside a longer name is still a different name to the DSL.
        ("Joanna Samplewood", "Ann", "Joanna Samplewood (Ann)"),
        ("Elizabeth Testperson", "Eli", "Elizabeth Testperson (Eli)"),
    ],
)
def test_display_name(full_name: str, preferred: str, shown: str) -> None:
    assert make_child(full_name, preferred_name=preferred).display_name == shown
    summary = ChildSummary(1, full_name, preferred, "Year 7", "7RB", "", 0)
    assert summary.display_name == shown


# Follow-up actions -------------------------------------------------------------------------


def test_is_overdue() -> None:
    today = date(2025, 3, 10)
    assert make_action(due_on=today - timedelta(days=1)).is_overdue(today)
    assert not make_action(due_on=today).is_overdue(today)
    assert not make_action(due_on=today + timedelta(days=1)).is_overdue(today)
    done_late = make_action(due_on=date(2025, 1, 1), done_on=date(2025, 2, 1))
    assert not done_late.is_overdue(today)


# Headlines ---------------------------------------------------------------------------------


def test_headline_lists_category_labels_in_order_then_what_happened() -> None:
    concern = make_concern(
        categories=frozenset({Category.NEGLECT, Category.DOMESTIC_ABUSE, Category.FGM}),
        what_happened="  Said there was shouting at home last night.\nSecond line.",
    )
    assert concern_headline(concern) == (
        "Domestic abuse, FGM, Neglect: Said there was shouting at home last night."
    )


def test_a_long_first_line_is_shortened_to_fit() -> None:
    concern = make_concern(what_happened="word " * 60)
    headline = concern_headline(concern)
    text = headline.removeprefix("Neglect: ")
    assert len(text) <= HEADLINE_TEXT_LENGTH
    assert text.endswith("…")
    assert text.startswith("word word")


def test_a_first_line_that_fits_is_kept_whole() -> None:
    line = "x" * HEADLINE_TEXT_LENGTH
    assert concern_headline(make_concern(what_happened=line)) == f"Neglect: {line}"


def test_headline_without_text_is_the_categories() -> None:
    assert concern_headline(make_concern(what_happened="  \n ")) == "Neglect"


# Chronology filter -------------------------------------------------------------------------


def test_filter_defaults_to_every_kind_and_all_time() -> None:
    wanted = ChronologyFilter()
    assert wanted.kinds == frozenset(EntryKind)
    assert (wanted.date_from, wanted.date_to) == (None, None)


def test_filter_refuses_from_after_to() -> None:
    with pytest.raises(ValueError, match="after"):
        ChronologyFilter(date_from=date(2025, 3, 2), date_to=date(2025, 3, 1))


def test_filter_accepts_one_day_and_open_ends() -> None:
    ChronologyFilter(date_from=date(2025, 3, 1), date_to=date(2025, 3, 1))
    ChronologyFilter(date_from=date(2025, 3, 1))
    ChronologyFilter(date_to=date(2025, 3, 1))


# Change sets -------------------------------------------------------------------------------


def test_change_set_union_joins_the_flags() -> None:
    joined = ChangeSet(children=True) | ChangeSet(chronology=True) | ChangeSet(drafts=True)
    assert joined == ChangeSet(children=True, chronology=True, drafts=True)
    assert ChangeSet() | ChangeSet() == ChangeSet()
    assert not ChangeSet().actions


def test_change_set_union_keeps_the_first_ids_given() -> None:
    first = ChangeSet(actions=True, child_id=3, record_id=None)
    second = ChangeSet(chronology=True, child_id=4, record_id=9)
    joined = first | second
    assert (joined.child_id, joined.record_id) == (3, 9)
    assert joined.actions and joined.chronology
    assert (ChangeSet() | second).child_id == 4


# Vocabularies and draft keys ----------------------------------------------------------------


def test_every_vocabulary_value_has_a_label() -> None:
    for member in [*Category, *EntryKind, *ConcernStatus]:
        assert member.label.strip()


@pytest.mark.parametrize(
    "key",
    [
        DraftKey(FormKind.CONCERN, child_id=4),
        DraftKey(FormKind.ENTRY, child_id=4, record_id=17),
        DraftKey(FormKind.CHILD),
        DraftKey(FormKind.CHILD, record_id=5),
    ],
)
def test_draft_key_round_trips_through_text(key: DraftKey) -> None:
    assert DraftKey.parse(key.text()) == key


def test_draft_key_text() -> None:
    assert DraftKey(FormKind.ACTION, child_id=4).text() == "action:new:4"
    assert DraftKey(FormKind.CHILD).text() == "child:new:"
