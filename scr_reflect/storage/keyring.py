"""The key slots of an unlocked store: a person's passphrase set or taken away, a new recovery
code, and a rekey.

A passphrase set or changed is one slot rewritten; the database is not re-encrypted. Removing
someone or making a new recovery code rekeys: a new random data key, sealed to every slot that
stays (their public keys: no passphrase needed), then the database re-encrypted under it, so
an old copy of the key file (a backup's, a USB stick's) no longer opens the store.

A rekey is crash safe in three steps, each whole or not at all:
1. the key file gets every remaining slot holding the new key and the old, newest first;
2. PRAGMA rekey re-encrypts the database (one transaction: it is under one key or the other);
3. the key file drops the old key.
Unlocking tries a slot's keys newest first, so a store stopped after 1 or 2 still opens; the
unlock then finishes the rekey (settle). Backups taken before keep the old key: they carry
their own key file, and the access it gave.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from . import keyslots
from .folder_lock import upkeep_allowed
from .key_seal import key_id
from .keyslots import KeySlot, WrongPassphrase
from .storage_problems import StorageProblem

log = logging.getLogger(__name__)

SlotChange = Callable[[list[KeySlot]], list[KeySlot]]


class KeyRing:
    def __init__(
        self,
        header: Path | None,
        data_key: bytes,
        reencrypt: Callable[[bytes], None],
        held: list[bytes] | None = None,
        read_only: StorageProblem | None = None,
    ) -> None:
        self._header = header
        # Why the store opened for reading only, if it did: then no slot changes and no rekey,
        # since the database could not follow the key file (a full disk, a read-only folder).
        self._read_only = read_only
        self._reencrypt = reencrypt
        self._current: bytes | None = data_key  # the key the database is under now
        # Every data key the key file's slots hold, newest first: two while a rekey is under way.
        self._held = held or [data_key]
        # A store in memory has no header file: its slots live here instead.
        self._in_memory: list[KeySlot] = []

    def slots(self) -> list[KeySlot]:
        return keyslots.load_header(self._header) if self._header else list(self._in_memory)

    def _change(self, change: SlotChange) -> None:
        """Read, change and write the slots under the key file's lock: a change made by
        another program meanwhile is kept, not overwritten."""
        if self._read_only is not None:
            raise self._read_only
        if self._header is None:
            self._in_memory = change(list(self._in_memory))
            return
        header = self._header
        keyslots.update_body(
            header,
            lambda body: body | keyslots.slots_body(change(keyslots.slots_in(body, header))),
        )

    @property
    def data_key(self) -> bytes:
        assert self._current is not None, "the store is closed"
        return self._current

    def forget(self) -> None:
        self._current, self._held = None, []

    def has_slot(self, person_id: int) -> bool:
        return any(keyslots.person_of(slot) == person_id for slot in self.slots())

    def opens(self, person_id: int, passphrase: str) -> bool:
        """Whether this is the person's own passphrase (their slot only, not anyone else's)."""
        own = [slot for slot in self.slots() if keyslots.person_of(slot) == person_id]
        try:
            keyslots.unlock_person(own, passphrase)
        except WrongPassphrase:
            return False
        return True

    def whose(self, passphrase: str) -> int | None:
        """The person this passphrase already opens the store for, if anyone's."""
        try:
            return keyslots.person_of(keyslots.unlock_person(self.slots(), passphrase)[0])
        except WrongPassphrase:
            return None

    def set_passphrase(self, person_id: int, passphrase: str) -> None:
        """Give the person a new slot under this passphrase, replacing any slot they had."""
        assert self._current is not None, "the store is closed"
        slot = keyslots.wrap(self._held, passphrase, keyslots.person_slot_name(person_id))
        self._change(
            lambda slots: [s for s in slots if keyslots.person_of(s) != person_id] + [slot]
        )

    def remove(self, person_id: int) -> list[int]:
        """Take the person's slot away and rekey: an old key file opens nothing now. Returns
        anyone else left without a slot (see rekey)."""
        return self.rekey(lambda slot: keyslots.person_of(slot) == person_id)

    @property
    def has_recovery_code(self) -> bool:
        return keyslots.recovery_slot(self.slots()) is not None

    def set_recovery_code(self, code: str) -> list[int]:
        """A new recovery slot (the code normalised) and a rekey: the old code, even with an
        old key file, opens nothing now."""
        return self.rekey(
            lambda slot: slot.name == keyslots.RECOVERY_SLOT, (code, keyslots.RECOVERY_SLOT)
        )

    def rekey(
        self, leaving: Callable[[KeySlot], bool], joining: tuple[str, str] | None = None
    ) -> list[int]:
        """A new data key for every slot but those leaving, plus a new slot (secret, name).

        A format 1 slot (from before slots held key pairs) cannot take a key without its
        passphrase: it is dropped, and the ids of the people it belonged to are returned."""
        assert self._current is not None, "the store is closed"
        if self._read_only is not None:
            raise self._read_only
        held = [keyslots.new_data_key(), self._current]
        joined = keyslots.wrap(held, joining[0], joining[1]) if joining else None
        replaced = joined.name if joined else None
        dropped: list[int] = []

        def begin(slots: list[KeySlot]) -> list[KeySlot]:
            staying = [s for s in slots if not leaving(s) and s.name != replaced]
            dropped[:] = [p for s in staying if s.is_legacy and (p := keyslots.person_of(s))]
            moved = [keyslots.seal_to(s, held) for s in staying if not s.is_legacy]
            return moved + ([joined] if joined else [])

        self._change(begin)  # a failure here changes nothing, and is raised
        self._held = held
        try:
            self.finish_rekey()
        except (StorageProblem, OSError) as error:
            # The new slots are in place (a new recovery code already works), and the next
            # unlock finishes; till then the old key still opens the database.
            log.warning(
                "the rekey was left to finish at the next unlock (%s)", type(error).__name__
            )
        return dropped

    @property
    def rekey_under_way(self) -> bool:
        return len(self._held) > 1

    def finish_rekey(self) -> None:
        """Steps 2 and 3: re-encrypt under the newest key, if not yet, then drop the rest."""
        newest = self._held[0]
        if self._current != newest:
            self._reencrypt(newest)
            self._current = newest
        kept = key_id(newest)
        self._change(
            lambda slots: [keyslots.keeping_only(s, kept) for s in slots if not s.is_legacy]
        )
        self._held = [newest]

    def settle(self, opened: KeySlot, secret: str) -> None:
        """After an unlock: a format 1 slot becomes format 2 under the same secret, and a rekey
        a crash interrupted is finished. Neither is needed to work on: a full disk here is
        logged, and the next unlock tries again."""
        try:
            if opened.is_legacy:
                person = keyslots.person_of(opened)
                if person is None:
                    self._upgrade_recovery(opened, secret)
                else:
                    self.set_passphrase(person, secret)
            if self.rekey_under_way and self._may_finish_rekey():
                with upkeep_allowed(self._header.parent) as ours:  # type: ignore[union-attr]
                    if ours:  # not under a window beside us, still working with the old key
                        self.finish_rekey()
        except (StorageProblem, OSError, keyslots.HeaderError) as error:
            log.warning("the key file was not brought up to date (%s)", type(error).__name__)

    def _may_finish_rekey(self) -> bool:
        return self._header is not None and self._read_only is None

    def _upgrade_recovery(self, opened: KeySlot, code: str) -> None:
        slot = keyslots.wrap(self._held, code, opened.name)
        self._change(lambda slots: [s for s in slots if s.name != opened.name] + [slot])
