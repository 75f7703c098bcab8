"""Create, unlock and close the encrypted store in a data folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from ..domain.audit import AuditAction
from ..domain.people import Person, Role
from ..domain.records import SchoolProfile
from . import audit_pending, backups, keyslots, restore_journal, schema, sqlcipher, store_id
from .audit_log import AuditLog
from .demo_bulk import DemoBulkRows
from .file_names import DATABASE_FILE, KEY_FILE, is_set_up
from .keyring import KeyRing
from .people_repository import PeopleRepository
from .private_files import create_private_file, ensure_private_dir
from .pupil_import_repository import PupilImportRepository
from .reflection_repository import ReflectionRepository
from .repository import Repository
from .retention_repository import RetentionRepository
from .storage_problems import DiskFull, FolderReadOnly, StorageProblem, os_problems
from .store_checks import Finding, Target, backup_checkpoints, run_checks
from .structured_repository import StructuredRepository
from .transfer_repository import TransferRepository
from .unit_of_work import RecordNotFound


class StoreExists(Exception):
    pass


class NotInitialised(Exception):
    pass


class AccessRemoved(keyslots.WrongPassphrase):
    """The passphrase is that of someone since removed: it opens nothing any more."""


class WrongRecoveryCode(keyslots.WrongPassphrase):
    pass


class StaleKeyFile(sqlcipher.WrongKey):
    """The secret opens a slot, but no key in it opens the database: an old key file."""

    def __init__(self, header: Path) -> None:
        super().__init__(
            f"The key file {header.name} does not open the database beside it: it is an older "
            "copy (from a backup, say), made before someone was removed or a new recovery "
            "sheet was made. Restore the database and its key file together from one backup, "
            "or put back the key file that came with this database. Nothing was changed."
        )


class NoRecoveryCode(Exception):
    """The store was made before recovery codes, and the DSL has not made one since."""


@dataclass(frozen=True, slots=True)
class StoreFiles:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILE

    @property
    def header(self) -> Path:
        return self.root / KEY_FILE

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def audit_pending(self) -> Path:
        """Failed unlocks and restores waiting to enter the audit trail at the next unlock."""
        return self.root / audit_pending.FILE_NAME

    def is_initialised(self) -> bool:
        return is_set_up(self.root)


class OpenStore:
    """An unlocked store, and who unlocked it. Closing disposes the engine and drops the key."""

    def __init__(
        self,
        engine: Engine,
        files: StoreFiles | None,
        data_key: bytes,
        person_id: int = 1,
        held: list[bytes] | None = None,
        read_only: StorageProblem | None = None,
    ) -> None:
        self._engine: Engine | None = engine
        self.files = files
        self.person_id = person_id
        # Why the store opened for reading only (a full disk, a read-only folder), if it did.
        self.read_only = read_only
        self.keys = KeyRing(
            files.header if files else None, data_key, self._reencrypt, held, read_only
        )
        self.audit = AuditLog(
            engine,
            files.header if files else None,
            files.audit_pending if files else None,
            read_only=read_only,
        )
        # Every record these write is logged in the same transaction (see audit_log.py).
        self.repository = Repository(engine, self.audit.watch)
        self.structured = StructuredRepository(engine, self.audit.watch)
        self.reflections = ReflectionRepository(engine, self.audit.watch)
        self.people = PeopleRepository(engine)
        self.retention = RetentionRepository(engine, self.audit.watch)
        self.pupil_import = PupilImportRepository(engine, self.audit.watch)
        self.transfers = TransferRepository(engine, self.audit.watch)
        # Unwatched: only the demo loader writes through it, and logs what it wrote itself.
        self.demo_bulk = DemoBulkRows(engine)

    def close(self) -> None:
        if self._engine is None:
            return
        engine, self._engine = self._engine, None
        self.keys.forget()
        self.audit.forget()
        self.repository.forget()
        try:
            if self.files is not None and self.read_only is None:
                sqlcipher.checkpoint(engine)
        finally:  # a checkpoint the disk refused still lets go of the key
            sqlcipher.retire(engine)

    def _reencrypt(self, new_key: bytes) -> None:
        assert self._engine is not None, "the store is closed"
        if self.files is not None:  # a store in memory has nothing at rest to re-encrypt
            sqlcipher.rekey(self._engine, new_key)

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def integrity_problems(self) -> list[str]:
        assert self._engine is not None, "the store is closed"
        return sqlcipher.integrity_problems(self._engine)

    def verify(self) -> Iterator[Finding]:
        assert self._engine is not None, "the store is closed"
        if self.files is None:
            return run_checks(Target(self._engine, None))
        newest = backup_checkpoints(self.files.backups)
        return run_checks(Target(self._engine, self.files.header, checkpoints=newest))

    def back_up(self, target: backups.BackupFiles) -> Iterator[str]:
        """Copy the database into a new backup under the same key, stage by stage."""
        assert self._engine is not None, "the store is closed"
        assert self.files is not None, "a store in memory has no key file to back up with it"
        return backups.write(self._engine, self.keys.data_key, self.files.header, target)


def create_store(
    files: StoreFiles,
    passphrase: str,
    profile: SchoolProfile,
    now: datetime,
    recovery_code: str | None = None,
) -> OpenStore:
    """A new store opened by the DSL's passphrase and, if one is given, a recovery code."""
    if files.is_initialised():
        raise StoreExists(f"{files.root} already holds an SCR Reflect store.")
    if restore_journal.journal(files.root).exists():
        # A restore cut short: settling it brings back a store; a new one would hide it.
        raise StoreExists(f"{files.root} holds a restore that was interrupted.")
    # A database with no key file is what an interrupted setup leaves, or a key file lost:
    # nothing opens it now, so it is set aside (not deleted, should the key file turn up).
    _set_aside_database_without_header(files, now)
    ensure_private_dir(files.root)
    data_key = keyslots.new_data_key()
    create_private_file(files.database)
    engine = sqlcipher.file_engine(files.database, data_key)
    try:
        schema.upgrade(engine, before_migrating=lambda _rev: None)
        store = OpenStore(engine, files, data_key)
        dsl = _save_first_profile(store, profile, now)
        # The header goes last: until it exists the folder counts as not set up.
        slots = [keyslots.wrap(data_key, passphrase, keyslots.person_slot_name(dsl.id))]
        if recovery_code is not None:
            slots.append(keyslots.wrap(data_key, recovery_code, keyslots.RECOVERY_SLOT))
        keyslots.save_header(files.header, slots)
        store_id.give_new_id(files.header)
    except Exception:  # a full disk part way: set up again sets the half-made database aside
        engine.dispose()
        raise
    return store


def open_store(
    files: StoreFiles, passphrase: str, now: datetime, reading_only_if_need_be: bool = False
) -> OpenStore:
    """Unlock with a person's passphrase. A wrong one raises WrongPassphrase and touches no file
    but the note of the failed attempt, which enters the audit trail at the next unlock.

    Only the slots of people are tried; the store knows whose passphrase it was, and refuses
    someone since removed even if a slot of theirs were left behind. A key file older than the
    database (put back after a rekey) raises StaleKeyFile: its key no longer opens it."""
    _must_be_set_up(files)
    try:
        slot, held = keyslots.unlock_person(keyslots.load_header(files.header), passphrase)
        person_id = keyslots.person_of(slot)
        assert person_id is not None, "unlock_person opens people's slots only"
        store = _open_with_keys(files, held, person_id, now, reading_only_if_need_be)
    except keyslots.WrongPassphrase:
        audit_pending.note_quietly(files.audit_pending, AuditAction.FAILED_UNLOCK, now)
        raise
    try:
        if not _is_current(store.people, person_id):
            raise AccessRemoved
        store.keys.settle(slot, passphrase)
    except BaseException:
        store.close()  # nothing half-opened keeps the key
        raise
    return store


def _is_current(people: PeopleRepository, person_id: int) -> bool:
    try:
        return people.get(person_id).is_current
    except RecordNotFound:  # a slot left by an addition that never committed
        return False


def recover_store(files: StoreFiles, recovery_code: str, now: datetime) -> OpenStore:
    """Unlock with the recovery code (normalised), as the DSL, who then sets a new passphrase."""
    _must_be_set_up(files)
    slot = keyslots.recovery_slot(keyslots.load_header(files.header))
    if slot is None:
        raise NoRecoveryCode(
            "This store has no recovery code: one was never made for it. Nothing was changed."
        )
    try:
        held = keyslots.open_slot(slot, recovery_code)
    except keyslots.WrongPassphrase as error:
        raise WrongRecoveryCode from error
    store = _open_with_keys(files, held, 1, now)
    try:
        store.person_id = store.people.dsl().id
        store.keys.settle(slot, recovery_code)
    except BaseException:
        store.close()  # nothing half-opened keeps the key
        raise
    return store


def _must_be_set_up(files: StoreFiles) -> None:
    if not files.is_initialised():
        raise NotInitialised(f"No SCR Reflect store in {files.root}. Run setup first.")
    if not files.database.exists():
        # Opening would quietly make a new, empty database: every record would seem gone.
        raise NotInitialised(
            f"The database file {files.database.name} is missing from {files.root}. "
            "Restore it from a backup; nothing has been changed."
        )


def _open_with_keys(
    files: StoreFiles, held: list[bytes], person_id: int, now: datetime, for_reading: bool = False
) -> OpenStore:
    """Open with the first of a slot's keys (newest first) the database takes: two while a
    rekey is under way. None is what an old key file gives: StaleKeyFile.

    for_reading: a disk that cannot be written opens the store for reading only, rather than
    refuse it (the window, and commands that only read)."""
    for data_key in held:
        engine = sqlcipher.file_engine(files.database, data_key)
        try:
            sqlcipher.check_key(engine)
        except sqlcipher.WrongKey:
            continue
        except (DiskFull, FolderReadOnly) as problem:  # refused before a page was read
            engine.dispose()
            if not for_reading:
                raise
            try:
                return _open_for_reading(files, data_key, person_id, problem, held)
            except sqlcipher.WrongKey:
                continue
        except BaseException:
            engine.dispose()  # the key is in its URL: nothing may keep it open
            raise
        return _open_checked(engine, files, data_key, person_id, now, held, for_reading)
    raise StaleKeyFile(files.header)


def _open_checked(
    engine: Engine,
    files: StoreFiles,
    data_key: bytes,
    person_id: int,
    now: datetime,
    held: list[bytes],
    for_reading: bool,
) -> OpenStore:
    try:
        sqlcipher.check_writable(engine)
        schema.upgrade(
            engine,
            before_migrating=lambda rev: _backup_before_migrating(
                engine, files, data_key, rev, now
            ),
        )
    except (DiskFull, FolderReadOnly) as problem:
        engine.dispose()
        if not for_reading:
            raise
        return _open_for_reading(files, data_key, person_id, problem, held)
    except Exception:
        engine.dispose()
        raise
    return OpenStore(engine, files, data_key, person_id, held)


def _open_for_reading(
    files: StoreFiles,
    data_key: bytes,
    person_id: int,
    problem: StorageProblem,
    held: list[bytes],
) -> OpenStore:
    """A disk that is full or cannot be written still lets the DSL read the records.

    Not when the write-ahead log holds changes the database file lacks (reading without it
    would show an older store), nor when the store needs migrating: then the problem stands."""
    wal = Path(f"{files.database}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise problem
    engine = sqlcipher.read_only_engine(files.database, data_key)
    try:
        sqlcipher.check_key(engine)
        if schema.current_revision(engine) != schema.head_revision():
            raise problem
    except Exception:
        engine.dispose()
        raise
    return OpenStore(engine, files, data_key, person_id, held, read_only=problem)


def open_memory_store(profile: SchoolProfile) -> OpenStore:
    """A throwaway encrypted store in memory, for tests and benchmarks."""
    data_key = keyslots.new_data_key()
    engine = sqlcipher.memory_engine(data_key)
    schema.upgrade(engine, before_migrating=lambda _rev: None)
    store = OpenStore(engine, None, data_key)
    _save_first_profile(store, profile, datetime.now().replace(microsecond=0))
    return store


def _save_first_profile(store: OpenStore, profile: SchoolProfile, now: datetime) -> Person:
    """The school's details and its DSL, who is person 1 and holds the first key slot."""
    store.repository.save_profile(profile)
    return store.people.add(profile.dsl_name, Role.DSL, profile.dsl_name, now)


def _backup_before_migrating(
    engine: Engine, files: StoreFiles, data_key: bytes, revision: str, now: datetime
) -> None:
    [target] = backups.new_backup([files.backups], now, f"before-migration-from-{revision}")
    for _stage in backups.write(engine, data_key, files.header, target):
        pass


def _set_aside_database_without_header(files: StoreFiles, now: datetime) -> None:
    for suffix in ("", "-wal", "-shm"):
        found = Path(f"{files.database}{suffix}")
        if found.exists():
            with os_problems(files.root):
                found.rename(found.with_name(f"{found.name}.no-key-file-{now:%Y%m%d-%H%M%S}"))
