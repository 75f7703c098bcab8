"""Key slots: the data key is only ever stored wrapped under a passphrase."""

from __future__ import annotations

import base64
import json
import multiprocessing
import os
import stat
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from scr_reflect.storage import key_seal, keyslots
from scr_reflect.storage.key_file_lock import lock_path
from scr_reflect.storage.keyslots import HeaderError, KdfParams, WrongPassphrase

# Cheap Argon2 settings keep these unit tests quick; the store tests use the real defaults.
FAST = dict(time_cost=1, memory_cost_kib=8 * 1024, parallelism=1)
SECRET = "correct horse battery staple violet"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def fast_kdf() -> KdfParams:
    return KdfParams(salt=base64.b64encode(os.urandom(16)).decode("ascii"), **FAST)


def test_wrap_then_unwrap_gives_back_the_data_key() -> None:
    data_key = keyslots.new_data_key()
    slot = keyslots.wrap(data_key, SECRET, "dsl", fast_kdf())
    assert keyslots.open_slot(slot, SECRET) == [data_key]


def test_the_wrapped_key_does_not_contain_the_data_key() -> None:
    data_key = keyslots.new_data_key()
    slot = keyslots.wrap(data_key, SECRET, "dsl", fast_kdf())
    assert data_key not in base64.b64decode(slot.wrapped_key)
    assert data_key not in slot.sealed[0].sealed_key
    assert len(data_key) == keyslots.DATA_KEY_BYTES


def test_each_wrap_uses_a_fresh_salt_nonce_and_key_pair() -> None:
    data_key = keyslots.new_data_key()
    first = keyslots.wrap(data_key, SECRET, "dsl")
    second = keyslots.wrap(data_key, SECRET, "dsl")
    assert first.kdf.salt != second.kdf.salt
    assert first.nonce != second.nonce
    assert first.wrapped_key != second.wrapped_key
    assert first.public_key != second.public_key
    assert first.sealed[0].sealed_key != second.sealed[0].sealed_key


def test_unwrap_with_a_wrong_passphrase_raises_wrong_passphrase() -> None:
    slot = keyslots.wrap(keyslots.new_data_key(), SECRET, "dsl", fast_kdf())
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot(slot, "correct horse battery staple violeT")


def test_a_slot_renamed_in_the_header_no_longer_opens() -> None:
    # The slot name is bound to the wrapped key as associated data.
    slot = keyslots.wrap(keyslots.new_data_key(), SECRET, "dsl", fast_kdf())
    renamed = replace(slot, name="recovery")
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot(renamed, SECRET)


def test_a_sealed_key_moved_to_another_slot_does_not_open() -> None:
    # The slot name is bound to each sealed key too: one slot's sealed key cannot be
    # copied into another's (with the same public key) to open as someone else.
    data_key = keyslots.new_data_key()
    slot = keyslots.wrap(data_key, SECRET, "person-2", fast_kdf())
    other = keyslots.wrap(keyslots.new_data_key(), SECRET, "person-3", fast_kdf())
    moved = replace(other, sealed=slot.sealed)
    with pytest.raises(HeaderError, match="damaged"):
        keyslots.open_slot(moved, SECRET)


def test_the_data_key_can_be_sealed_to_a_slot_without_its_passphrase() -> None:
    # What a rekey does for everyone who stays: the new key, then the old one, newest first.
    old, new = keyslots.new_data_key(), keyslots.new_data_key()
    slot = keyslots.wrap(old, SECRET, "person-2", fast_kdf())
    resealed = keyslots.seal_to(slot, [new, old])
    assert keyslots.open_slot(resealed, SECRET) == [new, old]
    finished = keyslots.keeping_only(resealed, key_seal.key_id(new))
    assert keyslots.open_slot(finished, SECRET) == [new]


def format_1_slot(data_key: bytes, secret: str, name: str) -> dict[str, Any]:
    """A slot as format 1 wrote it: the data key itself wrapped under the secret."""
    kdf = fast_kdf()
    nonce = os.urandom(12)
    derived = keyslots._derive(secret, kdf)
    wrapped = AESGCM(derived).encrypt(nonce, data_key, name.encode("utf-8"))
    return {"name": name, "kdf": asdict(kdf), "nonce": b64(nonce), "wrapped_key": b64(wrapped)}


def test_a_format_1_slot_still_opens(tmp_path: Path) -> None:
    data_key = keyslots.new_data_key()
    raw = format_1_slot(data_key, SECRET, "dsl")
    header = tmp_path / "keys.json"
    header.write_text(json.dumps({"format": 1, "slots": [raw]}), encoding="utf-8")

    [slot] = keyslots.load_header(header)
    assert slot.is_legacy
    assert keyslots.unlock_person([slot], SECRET) == (slot, [data_key])


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
    assert keyslots.unlock_person(slots, SECRET) == (slots[0], [data_key])
    assert keyslots.unlock_person(slots, "deputy's own long passphrase") == (slots[1], [data_key])


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
    assert keyslots.unlock_person(slots, SECRET) == (slots[1], [data_key])


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


# One change at a time ----------------------------------------------------------------------


def add_one(name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def change(body: dict[str, Any]) -> dict[str, Any]:
        return body | {"names": [*body.get("names", []), name]}

    return change


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_no_other_handle_can_take_the_lock_while_a_change_is_made(tmp_path: Path) -> None:
    # So a second read-change-write (another thread's, with its own handle, or another
    # program's) waits, and reads what this one wrote rather than what was there before.
    import fcntl

    header = tmp_path / "keys.json"
    header.write_text(json.dumps({"format": keyslots.HEADER_FORMAT, "slots": []}), "utf-8")
    taken: list[bool] = []

    def change(body: dict[str, Any]) -> dict[str, Any]:
        fd = os.open(lock_path(header), os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            taken.append(True)
        except BlockingIOError:
            taken.append(False)
        finally:
            os.close(fd)
        return add_one("first")(body)

    keyslots.update_body(header, change)
    keyslots.update_body(header, add_one("second"))

    assert taken == [False]
    assert keyslots.read_body(header)["names"] == ["first", "second"]


def _add_many(header: str, who: str) -> None:
    for n in range(25):
        keyslots.update_body(Path(header), add_one(f"{who}-{n}"))


def test_two_processes_changing_the_key_file_lose_nothing(tmp_path: Path) -> None:
    header = tmp_path / "keys.json"
    header.write_text(json.dumps({"format": keyslots.HEADER_FORMAT, "slots": []}), "utf-8")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_add_many, args=(str(header), w)) for w in ("a", "b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0

    names = keyslots.read_body(header)["names"]
    assert sorted(names) == sorted(f"{w}-{n}" for w in ("a", "b") for n in range(25))
