"""The key slots of an unlocked store: a person's passphrase set or taken away, a new recovery
code. Only the header changes (whole or not at all); the database is never re-encrypted."""

from __future__ import annotations

from pathlib import Path

from . import keyslots
from .keyslots import KeySlot, WrongPassphrase


class KeyRing:
    def __init__(self, header: Path | None, data_key: bytes) -> None:
        self._header = header
        self._data_key: bytes | None = data_key
        # A store in memory has no header file: its slots live here instead.
        self._in_memory: list[KeySlot] = []

    def slots(self) -> list[KeySlot]:
        return keyslots.load_header(self._header) if self._header else list(self._in_memory)

    def _save(self, slots: list[KeySlot]) -> None:
        if self._header is not None:
            keyslots.save_header(self._header, slots)
        else:
            self._in_memory = slots

    def _key(self) -> bytes:
        assert self._data_key is not None, "the store is closed"
        return self._data_key

    def forget(self) -> None:
        self._data_key = None

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
            return keyslots.unlock_person(self.slots(), passphrase)[0]
        except WrongPassphrase:
            return None

    def set_passphrase(self, person_id: int, passphrase: str) -> None:
        """Give the person a slot under this passphrase, replacing any slot they had."""
        kept = [slot for slot in self.slots() if keyslots.person_of(slot) != person_id]
        name = keyslots.person_slot_name(person_id)
        self._save([*kept, keyslots.wrap(self._key(), passphrase, name)])

    def remove(self, person_id: int) -> None:
        self._save([slot for slot in self.slots() if keyslots.person_of(slot) != person_id])

    @property
    def has_recovery_code(self) -> bool:
        return keyslots.recovery_slot(self.slots()) is not None

    def set_recovery_code(self, code: str) -> None:
        """Wrap the key under a new recovery code (normalised); the old code stops working."""
        kept = [slot for slot in self.slots() if slot.name != keyslots.RECOVERY_SLOT]
        self._save([*kept, keyslots.wrap(self._key(), code, keyslots.RECOVERY_SLOT)])
