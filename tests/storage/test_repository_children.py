"""Finding children and summarising them for the children list."""

from __future__ import annotations

from datetime import date

import pytest

from scr_reflect.domain.enums import ConcernStatus
from scr_reflect.storage.unit_of_work import RecordNotFound


@pytest.fixture
def pupils(seed) -> dict[str, int]:
    return {
        "ada": seed.child(
            "Ada Testperson", year_group="Year 7", tutor_group="7RB", upn="A123456789012"
        ),
        "bea": seed.child(
            "Beatrix Samplewood", preferred_name="Trixie", year_group="Year 8", tutor_group="8JD"
        ),
        "zoe": seed.child(
            "Zoë Łukasiewicz-Nguyễn", preferred_name="Zo", year_group="Year 7", tutor_group="7KM"
        ),
        "percent": seed.child("Percy 100% Fictional", year_group="Year 9"),
        "under": seed.child("Una Der_score", year_group="Year 9"),
    }


def test_empty_search_lists_every_child_by_name(repo, pupils) -> None:
    assert repo.search_child_ids("") == [
        pupils["ada"],
        pupils["bea"],
        pupils["percent"],
        pupils["under"],
        pupils["zoe"],
    ]
    assert repo.search_child_ids("   ") == repo.search_child_ids("")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Testperson", ["ada"]),
        ("trixie", ["bea"]),  # preferred name
        ("8JD", ["bea"]),  # tutor group
        ("year 7", ["ada", "zoe"]),  # year group: both words must match
        ("A123456789012", ["ada"]),  # UPN
        ("a1234", ["ada"]),  # part of a UPN, any case
        ("ADA TESTPERSON", ["ada"]),
        ("ada 7rb", ["ada"]),  # words AND across fields
        ("ada 8JD", []),
        ("Łukasiewicz", ["zoe"]),
        ("Nguyễn", ["zoe"]),
        ("nobody", []),
    ],
)
def test_search(repo, pupils, typed: str, expected: list[str]) -> None:
    assert repo.search_child_ids(typed) == [pupils[name] for name in expected]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("łukasiewicz", ["zoe"]),
        ("ZOË", ["zoe"]),
        ("NGUYỄN", ["zoe"]),
    ],
)
def test_search_ignores_case_beyond_ascii(repo, pupils, typed: str, expected: list[str]) -> None:
    assert repo.search_child_ids(typed) == [pupils[name] for name in expected]


def test_like_wildcards_are_taken_literally(repo, pupils) -> None:
    assert repo.search_child_ids("%") == [pupils["percent"]]
    assert repo.search_child_ids("100%") == [pupils["percent"]]
    assert repo.search_child_ids("_") == [pupils["under"]]
    assert repo.search_child_ids("Der_") == [pupils["under"]]
    assert repo.search_child_ids("D%r") == []
    assert repo.search_child_ids("A_a") == []
    assert repo.search_child_ids("\\") == []


def test_summaries_count_open_concerns_only(repo, seed, pupils) -> None:
    ada, bea = pupils["ada"], pupils["bea"]
    seed.concern(ada, status=ConcernStatus.OPEN)
    seed.concern(ada, status=ConcernStatus.MONITORING)
    seed.concern(ada, status=ConcernStatus.REFERRED)
    seed.concern(ada, status=ConcernStatus.CLOSED)
    seed.concern(bea, status=ConcernStatus.CLOSED)

    summaries = repo.child_summaries([bea, ada, pupils["zoe"]])

    assert [s.id for s in summaries] == [bea, ada, pupils["zoe"]]  # in the order asked
    assert [s.open_concerns for s in summaries] == [0, 3, 0]
    assert summaries[0].preferred_name == "Trixie"
    assert summaries[1].upn == "A123456789012"


def test_summaries_skip_ids_that_do_not_exist(repo, pupils) -> None:
    assert [s.id for s in repo.child_summaries([9999, pupils["ada"]])] == [pupils["ada"]]
    assert repo.child_summaries([]) == []


def test_child_round_trip(repo, seed) -> None:
    child_id = seed.child(
        "Ada Testperson",
        dob=date(2012, 2, 29),
        preferred_name="Addy",
        year_group="Year 8",
        tutor_group="8QX",
        upn="A123456789012",
        household="Lives with her aunt.",
    )
    child = repo.child(child_id)
    assert child.id == child_id
    assert child.version == 1
    assert child.date_of_birth == date(2012, 2, 29)
    assert (child.preferred_name, child.household) == ("Addy", "Lives with her aunt.")


def test_missing_records_raise_record_not_found(repo) -> None:
    with pytest.raises(RecordNotFound):
        repo.child(42)
    with pytest.raises(RecordNotFound):
        repo.concern(42)
    with pytest.raises(RecordNotFound):
        repo.entry(42)
    with pytest.raises(RecordNotFound):
        repo.action(42)
