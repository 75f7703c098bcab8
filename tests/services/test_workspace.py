"""First-run setup and unlocking, as the window and the command line use them."""

from __future__ import annotations

import os
from datetime import date

import pytest

from scr_reflect.domain.records import Child, SchoolProfile
from scr_reflect.guidance.prompt_library import LOCAL_FOLDER
from scr_reflect.services import workspace
from scr_reflect.services.errors import (
    NotInitialised,
    StoreExists,
    WeakPassphrase,
    WrongPassphrase,
)
from tests.core_fixtures import PASSPHRASE, PROFILE
from tests.store_access import store_of


@pytest.mark.parametrize(
    ("passphrase", "repeated", "says"),
    [
        ("password1234", "password1234", "common password"),
        ("short words", "short words", "at least 12 characters"),
        ("aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", "Add another uncommon word"),
        (PASSPHRASE, PASSPHRASE.upper(), "not the same"),
        # The school's own name is the first thing anyone would try.
        ("Larkspur Vale Primary", "Larkspur Vale Primary", "Add another uncommon word"),
    ],
    ids=["common", "short", "repeated-letter", "mismatch", "school-name"],
)
def test_set_up_refuses_a_weak_or_mismatched_passphrase(
    data_root, clock, passphrase: str, repeated: str, says: str
) -> None:
    with pytest.raises(WeakPassphrase, match=says):
        workspace.set_up(data_root, passphrase, repeated, PROFILE, clock)
    assert not workspace.data_folder_is_set_up(data_root)
    assert not data_root.exists()


@pytest.mark.parametrize(
    "profile",
    [SchoolProfile("", "Ada Testperson"), SchoolProfile("Larkspur Vale Primary", "   ")],
    ids=["no-school", "no-dsl"],
)
def test_set_up_needs_the_school_and_the_dsl(data_root, clock, profile) -> None:
    with pytest.raises(ValueError, match="school's name and the DSL's name") as raised:
        workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, profile, clock)
    assert not isinstance(raised.value, WeakPassphrase)
    assert not data_root.exists()


def test_set_up_then_unlock(data_root, clock) -> None:
    assert not workspace.data_folder_is_set_up(data_root)
    first = workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock)
    try:
        assert first.profile == PROFILE
        first.records.add_child(Child("Ada Testperson", date(2013, 6, 1)))
    finally:
        first.close()
    assert workspace.data_folder_is_set_up(data_root)

    second = workspace.unlock(data_root, PASSPHRASE, clock)
    try:
        assert second.profile == PROFILE
        [child_id] = second.records.search_children("testperson")
        assert second.records.child(child_id).full_name == "Ada Testperson"
    finally:
        second.close()


def test_unlock_with_a_wrong_passphrase(data_root, clock) -> None:
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock).close()
    with pytest.raises(WrongPassphrase):
        workspace.unlock(data_root, "correct horse battery staple indigo", clock)


def test_unlock_before_set_up(data_root, clock) -> None:
    with pytest.raises(NotInitialised):
        workspace.unlock(data_root, PASSPHRASE, clock)


def test_set_up_twice_is_refused(data_root, clock) -> None:
    workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, PROFILE, clock).close()
    other = SchoolProfile("Another School", "Someone Else")
    with pytest.raises(StoreExists):
        workspace.set_up(data_root, PASSPHRASE, PASSPHRASE, other, clock)
    unlocked = workspace.unlock(data_root, PASSPHRASE, clock)
    try:
        assert unlocked.profile == PROFILE
    finally:
        unlocked.close()


def test_in_memory_workspace_keeps_the_profile(clock) -> None:
    space = workspace.in_memory(PROFILE, clock)
    try:
        assert space.profile == PROFILE
        assert store_of(space).repository.profile() == PROFILE
        assert store_of(space).files is None
    finally:
        space.close()


def test_a_hostile_local_prompt_file_leaves_the_shipped_prompts_and_a_warning(tmp_path) -> None:
    shipped = workspace.load_guidance(None).library
    folder = tmp_path / LOCAL_FOLDER
    folder.mkdir()
    (folder / "deep.toml").write_text("x = " + "[" * 5000, encoding="utf-8")
    if os.name == "posix":
        os.mkfifo(folder / "x.toml")
    guidance = workspace.load_guidance(tmp_path)
    assert guidance.library == shipped
    [warning] = guidance.warnings
    assert warning.startswith("Your local prompts were not loaded")
    assert f"{folder / 'deep.toml'}:1: set aside" in warning
