"""The in-memory search answers exactly as the LIKE query it replaced, key by key as typed,
and keeps up with writes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event, or_, select

from scr_reflect.domain.audit import AuditAction, NewEntry
from scr_reflect.domain.enums import RecordType
from scr_reflect.storage.models import ChildRow
from scr_reflect.storage.store import OpenStore
from tests.core_fixtures import NOW, Seed

# Fictional children: accents, case beyond ASCII, LIKE's wildcards, a shared surname.
NAMES = [
    ("Zoë Łukasiewicz-Nguyễn", "Zo", "Year 7", "7KM", ""),
    ("zoe lukasiewicz", "", "Year 7", "7km", ""),
    ("Émile Ångström", "Em", "Year 10", "10É", "É12345678901A"),
    ("emile angstrom", "", "Year 10", "10e", ""),
    ("Percy 100% Fictional", "", "Year 9", "9P_", ""),
    ("Una Der_score", "", "Year 9", "9U", "U123456789012"),
    ("Ada Testperson", "Addie", "Year 7", "7RB", "A123456789012"),
    ("ADA TESTPERSON", "", "Reception", "R", ""),
    ("Øyvind Ærø", "", "Year 11", "11Ø", ""),
    ("İlkay Şahin", "", "Year 8", "8İ", ""),
    ("Back\\Slash Example", "", "Year 8", "8B", ""),
    ("Ada Testperson", "", "Year 7", "7RB", ""),  # the same name twice: ordered by id
    ("ΟΔΥΣΣΕΑΣ ΠΑΠΑΣ", "ΣΑΣ", "Year 9", "9Σ", ""),  # a final sigma at each field's end
]
TYPED = [
    "",
    "  ",
    "zoe",
    "ZOË",
    "łukasiewicz",
    "ŁUKASIEWICZ nguyễn",
    "NGUYỄN",
    "émile",
    "ÉMILE ångström",
    "angstrom",
    "10é",
    "É1234",
    "%",
    "100%",
    "_",
    "Der_",
    "D%r",
    "A_a",
    "\\",
    "back\\slash",
    "ada 7rb",
    "ada 8JD",
    "year 7",
    "year 1",
    "ø",
    "ØYVIND",
    "ilkay",
    "i̇lkay",
    "şahin",
    "8İ",
    "addie",
    "a",
    "nobody",
    "οδυσσεας",
    "οδυσσεασ",
    "ας",
    "ασ",  # noqa: RUF001 (Greek, as typed)
    "σας",
    "9σ",  # noqa: RUF001 (Greek, as typed)
]
# Typed one key at a time, so each answer may be narrowed from the one before.
KEYSTROKES = [
    "year 9 ab",
    "ada 7rb",
    "ada tes",
    "zoe łuk",
    "ł%",
    "percy 100%",
    "οδυσσεασ",
]


def like_search(store: OpenStore, text: str) -> list[int]:
    """The search as it was: a LIKE scan of the children table on each keystroke."""
    query = select(ChildRow.id).order_by(ChildRow.full_name, ChildRow.id)
    fields = (
        ChildRow.full_name,
        ChildRow.preferred_name,
        ChildRow.year_group,
        ChildRow.tutor_group,
        ChildRow.upn,
    )
    for word in text.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(or_(*(f.ilike(f"%{escaped}%", escape="\\") for f in fields)))
    with store.repository._unit() as s:
        return list(s.scalars(query))


def add_children(seed: Seed) -> list[int]:
    return [
        seed.child(name, preferred_name=preferred, year_group=year, tutor_group=group, upn=upn)
        for name, preferred, year, group, upn in NAMES
    ]


@pytest.fixture
def children(seed: Seed) -> list[int]:
    return add_children(seed)


@pytest.mark.parametrize("typed", TYPED)
def test_search_answers_as_the_like_query_did(memory_store, children, typed: str) -> None:
    assert memory_store.repository.search_child_ids(typed) == like_search(memory_store, typed)


def test_a_file_store_answers_alike(file_store) -> None:
    add_children(Seed(file_store.repository))
    for typed in TYPED:
        assert file_store.repository.search_child_ids(typed) == like_search(file_store, typed)


def test_a_child_added_is_found_at_once(memory_store, children, seed) -> None:
    repo = memory_store.repository
    assert repo.search_child_ids("Quillon") == []
    added = seed.child("Quentin Quillon", year_group="Year 9")
    assert repo.search_child_ids("quillon") == [added]
    assert repo.search_child_ids("") == like_search(memory_store, "")


def test_an_amended_name_is_found_by_its_new_words_only(memory_store, children) -> None:
    repo = memory_store.repository
    ada = children[6]
    renamed = dataclasses.replace(repo.child(ada), full_name="Adaline Renamedperson")
    repo.amend(RecordType.CHILD, renamed, "Ms Fictional", "Name changed by deed poll", NOW)
    assert repo.search_child_ids("renamedperson") == [ada]
    assert ada not in repo.search_child_ids("testperson")
    assert repo.search_child_ids("") == like_search(memory_store, "")


def test_a_deleted_child_is_no_longer_found(memory_store, children) -> None:
    repo = memory_store.repository
    una = children[5]
    assert repo.search_child_ids("der_score") == [una]
    memory_store.retention.delete_child(una, NewEntry(AuditAction.DELETION, una))
    assert repo.search_child_ids("der_score") == []
    assert repo.search_child_ids("") == like_search(memory_store, "")


def test_closing_the_store_drops_the_names_held(file_store) -> None:
    add_children(Seed(file_store.repository))
    index = file_store.repository._child_index
    assert file_store.repository.search_child_ids("ada")
    assert index._all is not None and index._last is not None
    file_store.close()
    assert index._all is None and index._last is None


def keys(typed: str) -> list[str]:
    return [typed[:n] for n in range(1, len(typed) + 1)]


@pytest.mark.parametrize("typed", KEYSTROKES)
def test_each_key_typed_answers_as_the_like_query_did(memory_store, children, typed) -> None:
    for text in keys(typed):
        assert memory_store.repository.search_child_ids(text) == like_search(memory_store, text)


def test_deleting_or_changing_what_is_typed_widens_the_answer_again(memory_store, children):
    repo = memory_store.repository
    typed = [
        *keys("ada testperson"),
        *reversed(keys("ada testperso")),  # deleted a key at a time
        "ada",
        "ada x",
        "ada",  # a word taken away
        "7rb ada",  # the same words in another order
        "year 7 zo",
        "year 7 z",
        "year 10",  # a word changed, not typed on
        "ear 10",
        "ear 1",
        "",
        "a",
    ]
    for text in typed:
        assert repo.search_child_ids(text) == like_search(memory_store, text), text


def test_a_child_changed_between_keys_is_found_by_the_next_key(memory_store, children, seed):
    repo = memory_store.repository
    assert repo.search_child_ids("qu") == []
    assert repo.search_child_ids("qui") == []
    added = seed.child("Quentin Quillon", year_group="Year 9")
    assert repo.search_child_ids("quil") == [added]
    ada = children[6]
    renamed = dataclasses.replace(repo.child(ada), full_name="Adaline Quillward")
    repo.amend(RecordType.CHILD, renamed, "Ms Fictional", "Name changed by deed poll", NOW)
    assert repo.search_child_ids("quill") == like_search(memory_store, "quill")
    assert set(repo.search_child_ids("quill")) == {added, ada}
    assert repo.search_child_ids("quillw") == [ada]


def test_an_answer_handed_out_is_the_callers_own(memory_store, children) -> None:
    repo = memory_store.repository
    first = repo.search_child_ids("ada")
    first.clear()
    assert repo.search_child_ids("ada t") == like_search(memory_store, "ada t")


@contextmanager
def children_read() -> Iterator[list[str]]:
    """The statements run meanwhile that read the children table."""
    read: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if "FROM children" in statement:
            read.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield read
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def test_fields_read_ahead_answer_the_first_word_without_reading_again(
    memory_store, children
) -> None:
    repo = memory_store.repository
    repo.read_search_fields_ahead()
    with children_read() as read:
        found = repo.search_child_ids("ada")
    assert read == []
    assert found == like_search(memory_store, "ada")


def test_fields_read_ahead_are_read_again_after_a_change(memory_store, children, seed) -> None:
    repo = memory_store.repository
    repo.read_search_fields_ahead()
    added = seed.child("Quentin Fictionalson", year_group="Year 8", tutor_group="8Q")
    assert repo.search_child_ids("quentin") == [added]
