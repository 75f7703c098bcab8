"""Key slots: the data key is only ever stored wrapped under a passphrase."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pytest

from scr_reflect.storage import keyslots
from scr_reflect.storage.keyslots import HeaderError, KdfParams, WrongPassphrase

# Cheap Argon2 settings keep these unit tests quick; the store tests use the real defaults.
FAST = dict(time_cost=1, memory_cost_kib=8 * 1024, parallelism=1)
SECRET = "correct horse battery staple violet"


def fast_kdf() -> KdfParams:
    return KdfParams(salt=base64.b64encode(os.urandom(16)).decode("ascii"), **FAST)


def test_wrap_then_unwrap_gives_back_the_data_key() -> None:
    data_key = keyslots.new_data_key()
    slot = keyslots.wrap(data_key, SECRET, "dsl", fast_kdf())
    assert keyslots.unwrap(slot, SECRET) == data_key


def test_the_wrapped_key_does_not_contain_the_data_key() -> None:
    data_key = keyslots.new_data_key()
    slot = keyslots.wrap(data_key, SECRET, "dsl", fast_kdf())
    assert data_key not in base64.b64decode(slot.wrapped_key)
    assert len(data_key) == keyslots.DATA_KEY_BYTES


def test_each_wrap_uses_a_fresh_salt_and_nonce() -> None:
    data_key = keyslots.new_data_key()
    first = keyslots.wrap(data_key, SECRET, "dsl")
    second = keyslots.wrap(data_key, SECRET, "dsl")
    assert first.kdf.salt != second.kdf.salt
    assert first.nonce != second.nonce
    assert first.wrapped_key != second.wrapped_key


def test_unwrap_with_a_wrong_passphrase_raises_wrong_passphrase() -> None:
    slot = keyslots.wrap(keyslots.new_data_key(), SECRET, "dsl", fast_kdf())
    with pytest.raises(WrongPassphrase):
        keyslots.unwrap(slot, "correct horse battery staple violeT")


def test_a_slot_renamed_in_the_header_no_longer_opens() -> None:
    # The slot name is bound to the wrapped key as associated data.
    slot = keyslots.wrap(keyslots.new_data_key(), SECRET, "dsl", fast_kdf())
    renamed = keyslots.KeySlot("recovery", slot.kdf, slot.nonce, slot.wrapped_key)
    with pytest.raises(WrongPassphrase):
        keyslots.unwrap(renamed, SECRET)


def test_unlock_tries_every_slot() -> None:
    data_key = keyslots.new_data_key()
    slots = [
        keyslots.wrap(data_key, SECRET, "dsl", fast_kdf()),
        keyslots.wrap(data_key, "WXYZ-2345-ABCD-6789", "recovery", fast_kdf()),
    ]
    assert keyslots.unlock(slots, SECRET) == data_key
    assert keyslots.unlock(slots, "WXYZ-2345-ABCD-6789") == data_key
    with pytest.raises(WrongPassphrase):
        keyslots.unlock(slots, "not the passphrase at all")


def test_unlock_with_no_slots_is_a_wrong_passphrase() -> None:
    with pytest.raises(WrongPassphrase):
        keyslots.unlock([], SECRET)


def test_header_round_trip(tmp_path: Path) -> None:
    data_key = keyslots.new_data_key()
    slots = [keyslots.wrap(data_key, SECRET, "dsl", fast_kdf())]
    header = tmp_path / "keys.json"
    keyslots.save_header(header, slots)
    loaded = keyslots.load_header(header)
    assert loaded == slots
    assert keyslots.unlock(loaded, SECRET) == data_key


def test_header_holds_nothing_secret(tmp_path: Path) -> None:
    data_key = keyslots.new_data_key()
    header = tmp_path / "keys.json"
    keyslots.save_header(header, [keyslots.wrap(data_key, SECRET, "dsl", fast_kdf())])
    raw = header.read_bytes()
    assert SECRET.encode() not in raw
    assert data_key not in raw
    assert data_key.hex().encode() not in raw
    assert base64.b64encode(data_key) not in raw


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_header_file_is_owner_only(tmp_path: Path) -> None:
    header = tmp_path / "data" / "keys.json"
    keyslots.save_header(header, [keyslots.wrap(keyslots.new_data_key(), SECRET, "dsl")])
    assert stat.S_IMODE(header.stat().st_mode) == 0o600
    assert stat.S_IMODE(header.parent.stat().st_mode) == 0o700


def test_missing_header_says_it_is_missing(tmp_path: Path) -> None:
    with pytest.raises(HeaderError, match=r"keys\.json is missing"):
        keyslots.load_header(tmp_path / "keys.json")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe not json at all \x81",
        b"{ this is not json",
    ],
    ids=["empty", "binary", "broken-json"],
)
def test_unreadable_header_says_it_cannot_be_read(tmp_path: Path, content: bytes) -> None:
    header = tmp_path / "keys.json"
    header.write_bytes(content)
    with pytest.raises(HeaderError, match=r"keys\.json cannot be read"):
        keyslots.load_header(header)


@pytest.mark.parametrize(
    "body",
    [{"format": 99, "slots": []}, {"slots": []}, {"format": "1", "slots": []}],
    ids=["future", "no-format", "format-as-text"],
)
def test_unknown_header_format_is_refused(tmp_path: Path, body: object) -> None:
    header = tmp_path / "keys.json"
    header.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(HeaderError, match="format this version does not know"):
        keyslots.load_header(header)


@pytest.mark.parametrize(
    "body",
    [[1, 2, 3], "keys", 42, None],
    ids=["list", "string", "number", "null"],
)
def test_json_that_is_not_an_object_is_a_header_error(tmp_path: Path, body: object) -> None:
    header = tmp_path / "keys.json"
    header.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(HeaderError, match=r"keys\.json"):
        keyslots.load_header(header)


@pytest.mark.parametrize(
    "slots",
    [
        None,
        [{"name": "dsl"}],
        [{"name": "dsl", "kdf": {"salt": "AAAA", "surprise": 1}, "nonce": "", "wrapped_key": ""}],
        ["not a slot"],
    ],
    ids=["no-slots", "slot-without-fields", "unknown-kdf-field", "slot-not-object"],
)
def test_damaged_slots_are_a_header_error(tmp_path: Path, slots: object) -> None:
    header = tmp_path / "keys.json"
    body: dict[str, object] = {"format": keyslots.HEADER_FORMAT}
    if slots is not None:
        body["slots"] = slots
    header.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(HeaderError, match="damaged"):
        keyslots.load_header(header)


# People's slots and the recovery slot ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "person"),
    [("dsl", 1), ("person-1", 1), ("person-12", 12), ("recovery", None), ("person-x", None)],
)
def test_a_slot_names_its_person(name: str, person: int | None) -> None:
    slot = keyslots.KeySlot(name, fast_kdf(), "", "")
    assert keyslots.person_of(slot) == person


def test_unlock_person_says_whose_passphrase_it_was() -> None:
    data_key = keyslots.new_data_key()
    slots = [
        keyslots.wrap(data_key, SECRET, "person-1", fast_kdf()),
        keyslots.wrap(data_key, "deputy's own long passphrase", "person-3", fast_kdf()),
    ]
    assert keyslots.unlock_person(slots, SECRET) == (1, data_key)
    assert keyslots.unlock_person(slots, "deputy's own long passphrase") == (3, data_key)


def test_unlock_person_never_tries_the_recovery_slot() -> None:
    data_key = keyslots.new_data_key()
    slots = [
        keyslots.wrap(data_key, SECRET, "person-1", fast_kdf()),
        keyslots.wrap(data_key, "K7QH2M9XABCDEFGHJKMNPQRSTVWX", "recovery", fast_kdf()),
    ]
    with pytest.raises(WrongPassphrase):
        keyslots.unlock_person(slots, "K7QH2M9XABCDEFGHJKMNPQRSTVWX")
    assert keyslots.recovery_slot(slots) == slots[1]


def test_unlock_person_tries_the_dsl_first() -> None:
    # Were two people to share a passphrase, the DSL (person 1) is who it opens for.
    data_key = keyslots.new_data_key()
    slots = [
        keyslots.wrap(data_key, SECRET, "person-2", fast_kdf()),
        keyslots.wrap(data_key, SECRET, "dsl", fast_kdf()),
    ]
    assert keyslots.unlock_person(slots, SECRET) == (1, data_key)


def test_writing_the_slots_keeps_the_headers_other_keys(tmp_path: Path) -> None:
    header = tmp_path / "keys.json"
    data_key = keyslots.new_data_key()
    keyslots.save_header(header, [keyslots.wrap(data_key, SECRET, "person-1", fast_kdf())])
    body = json.loads(header.read_text(encoding="utf-8"))
    body["audit_head"] = {"seq": 41, "hash": "ab" * 32}
    header.write_text(json.dumps(body), encoding="utf-8")

    keyslots.save_header(header, [keyslots.wrap(data_key, SECRET, "person-2", fast_kdf())])

    body = json.loads(header.read_text(encoding="utf-8"))
    assert body["audit_head"] == {"seq": 41, "hash": "ab" * 32}
    assert body["format"] == keyslots.HEADER_FORMAT
    assert [slot["name"] for slot in body["slots"]] == ["person-2"]


def test_a_slot_whose_name_is_not_text_is_damage(tmp_path: Path) -> None:
    header = tmp_path / "keys.json"
    slot = {"name": 7, "kdf": {"salt": "AAAA"}, "nonce": "", "wrapped_key": ""}
    header.write_text(json.dumps({"format": 1, "slots": [slot]}), encoding="utf-8")
    with pytest.raises(HeaderError, match="damaged"):
        keyslots.load_header(header)
