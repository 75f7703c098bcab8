"""Back up, verify and restore: what `backup`, `verify`, `restore` and the Safety menu do.

Each long piece of work is an object whose steps() is a generator yielding Progress (DESIGN
habit 12); what it found or made is on the object once the steps have run.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

from ..domain.audit import AuditAction, NewEntry
from ..domain.audit_seal import Checkpoint
from ..storage import audit_pending, restore_journal, store_id
from ..storage.backups import (
    WRITE_STAGES,
    BackupFailed,
    BackupFiles,
    copy_backup,
    new_backup,
    prune,
    put_in_place,
    regular_backups,
)
from ..storage.private_files import ensure_private_dir
from ..storage.storage_problems import StorageProblem
from ..storage.store import NotInitialised, OpenStore, StoreFiles
from ..storage.store_checks import (
    BACKUP_STEPS,
    CHECKS,
    STORE_STEPS,
    Expected,
    Finding,
    backup_checkpoints,
    check_backup,
    check_store_files,
)
from ..storage.store_copies import remove_leftover_partials
from .folder_lock import upkeep_allowed
from .progress import Progress

__all__ = [
    "Backup",
    "BackupRefused",
    "OtherStoreBackup",
    "Restore",
    "Verification",
    "back_up_if_due",
    "from_another_store",
    "other_store_words",
]

log = logging.getLogger(__name__)


class BackupRefused(Exception):
    """A backup that did not pass its checks; nothing in the data folder was changed."""

    def __init__(self, backup: Path, problems: list[str]) -> None:
        self.headline = f"The backup {backup.name} was refused and nothing was changed."
        super().__init__(" ".join([self.headline, *problems]))
        self.problems = problems


class Backup:
    """A new backup in the data folder's backups/, and a copy in a second folder if given."""

    def __init__(self, store: OpenStore, now: datetime, also_to: Path | None = None) -> None:
        assert store.files is not None, "a store in memory has no backups"
        local = store.files.backups
        second = also_to if also_to and also_to.resolve() != local.resolve() else None
        self._store = store
        self._targets = new_backup([local] if second is None else [local, second], now)
        self.made: Path = self._targets[0].database
        self.second_folder = second
        self.copied_to: Path | None = None
        self.copy_problem: str | None = None
        self.total = WRITE_STAGES + (2 if second else 1)

    def steps(self) -> Iterator[Progress]:
        done = 0
        for _stage in self._store.back_up(self._targets[0]):
            done += 1
            yield Progress(done, self.total)
        if self.second_folder is not None:
            try:
                self.copied_to = copy_backup(self._targets[0], self.second_folder).database
            except (OSError, BackupFailed, StorageProblem) as error:
                # The backup in the data folder stands; the DSL is told the copy is missing.
                reason = f"{error.strerror}." if isinstance(error, OSError) else str(error)
                self.copy_problem = f"It could not be copied to {self.second_folder}. {reason}"
            done += 1
            yield Progress(done, self.total)
        # Logged once made, so the trail never claims a backup that failed. The backup holds
        # the trail up to just before this entry, and its own copy of the key file agrees.
        self._store.audit.append(NewEntry(AuditAction.BACKUP, detail=self._detail()))
        prune(self.made.parent)
        remove_leftover_partials(self.made.parent)  # from backups cut short before this one
        yield Progress(self.total, self.total)

    def _detail(self) -> str:
        if self.copied_to is not None:
            return f"{self.made.name}, and a copy in a second folder"
        if self.copy_problem is not None:
            return f"{self.made.name}; the copy to a second folder failed"
        return self.made.name


def back_up_if_due(store: OpenStore, now: datetime) -> Path | None:
    """The backup on close, at most one a day. It never stops the store from closing.

    Skipped while another program holds the folder (a command that only read, beside the
    window): the holder takes it when it closes."""
    if store.files is None or not store.is_open or store.read_only is not None:
        return None
    with upkeep_allowed(store.files.root) as allowed:
        return _back_up_if_due(store, now) if allowed else None


def _back_up_if_due(store: OpenStore, now: datetime) -> Path | None:
    assert store.files is not None
    made = regular_backups(store.files.backups)
    if made and made[-1][0].date() >= now.date():
        return None
    backup = Backup(store, now)
    try:
        for _step in backup.steps():
            pass
    except Exception as error:  # a full disk must not keep the records open; tried next close
        log.warning("the daily backup on close failed (%s)", type(error).__name__)
        return None
    return backup.made


class Verification:
    """The checks of the store or of a backup; findings fill in as the steps run."""

    def __init__(self, findings: Iterator[Finding], total: int) -> None:
        self._source, self.total = findings, total
        self.findings: list[Finding] = []

    def steps(self) -> Iterator[Progress]:
        for finding in self._source:
            self.findings.append(finding)
            yield Progress(len(self.findings), self.total)
        if len(self.findings) < self.total:  # stopped early at a problem
            yield Progress(self.total, self.total)

    @property
    def problems(self) -> list[str]:
        return [f"{f.check}: {problem}" for f in self.findings for problem in f.problems]

    @classmethod
    def of_open_store(cls, store: OpenStore) -> Verification:
        return cls(store.verify(), len(CHECKS))

    @classmethod
    def of_store_files(
        cls, root: Path, passphrase: str, given: Sequence[Checkpoint] = ()
    ) -> Verification:
        """The live store as it is, without migrating it (unlocking would).

        given: checkpoints printed earlier, which the trail must still hold, as it must the
        newest backup's."""
        files = StoreFiles(root)
        if not files.is_initialised():
            raise NotInitialised(f"No SCR Reflect store in {root}.")
        expected = tuple(Expected(f"checkpoint {c.token}", c) for c in given)
        expected += backup_checkpoints(files.backups)
        findings = check_store_files(files.database, files.header, passphrase, expected)
        return cls(findings, STORE_STEPS)

    @classmethod
    def of_backup(cls, chosen: Path, passphrase: str) -> Verification:
        return cls(_in_a_temp_folder(BackupFiles.of(chosen), passphrase), BACKUP_STEPS)


def _in_a_temp_folder(backup: BackupFiles, passphrase: str) -> Iterator[Finding]:
    # A private copy is what gets opened, so the backup itself is only ever read.
    with tempfile.TemporaryDirectory(prefix="scr-reflect-verify-") as folder:
        yield from check_backup(backup, passphrase, BackupFiles.named(Path(folder), "copy"))


def other_store_words(backup: Path) -> str:
    return (
        f"The backup {backup.name} was taken from other records than the ones in this data "
        "folder (another school's, or records set up again since). Restoring it would put "
        "those records in place of these."
    )


class OtherStoreBackup(Exception):
    """The backup was taken from another store than the one in the data folder."""

    def __init__(self, backup: Path) -> None:
        super().__init__(f"{other_store_words(backup)} Nothing was changed.")


def from_another_store(root: Path, chosen: Path) -> bool:
    """Whether this backup is of another store than the one in root (both ids known)."""
    return store_id.from_another_store(StoreFiles(root).header, BackupFiles.of(chosen).header)


class Restore:
    """Check a backup, keep the current store aside, then put the backup in its place.

    other_store: the DSL confirmed restoring a backup of another store over this one."""

    def __init__(
        self, root: Path, chosen: Path, passphrase: str, now: datetime, other_store: bool = False
    ) -> None:
        self._files, self._backup = StoreFiles(root), BackupFiles.of(chosen)
        self._passphrase, self._now = passphrase, now
        if not other_store and from_another_store(root, chosen):
            raise OtherStoreBackup(self._backup.database)
        self.kept_aside: Path | None = None
        self.total = BACKUP_STEPS + 1

    def steps(self) -> Iterator[Progress]:
        made_root = not self._files.root.exists()
        root = ensure_private_dir(self._files.root)
        restore_journal.settle(root)  # an earlier restore cut short goes first
        # Staged inside the data folder, so putting it in place is a rename, not a copy.
        staged = BackupFiles.named(root, f".restoring-{self._backup.stem}")
        try:
            check = Verification(check_backup(self._backup, self._passphrase, staged), BACKUP_STEPS)
            for step in check.steps():
                yield Progress(step.done, self.total)
            if check.problems:
                raise BackupRefused(self._backup.database, check.problems)
            aside = root / f"before-restore-{self._now:%Y%m%d-%H%M%S}"
            self.kept_aside = put_in_place(staged, self._files.database, self._files.header, aside)
            self._note_for_the_trail()
            yield Progress(self.total, self.total)
        except Exception:
            # Stopped part way through its renames (a full disk): finish or undo it now.
            if restore_journal.journal(root).exists():
                with contextlib.suppress(Exception):  # else at the next start
                    restore_journal.settle(root)
            raise
        finally:
            if not restore_journal.journal(root).exists():  # else the journal still needs them
                for path in staged.files:
                    path.unlink(missing_ok=True)
            if made_root and not self._files.is_initialised():
                with contextlib.suppress(OSError):  # refused: leave not even an empty folder
                    root.rmdir()

    def _note_for_the_trail(self) -> None:
        """The restored store's trail gets the restore at its next unlock.

        Not the store set aside: nobody unlocks that again, and the CLI never unlocked it. Not
        at once in the restored one either: it may need migrating first, and only someone
        who unlocks it can write to it. So it waits in the data folder, as a failed unlock
        does, and becomes an entry before that unlock's own."""
        detail = f"from {self._backup.database.name}"
        if self.kept_aside is not None:
            detail += f"; the store before it is kept in {self.kept_aside.name}"
        audit_pending.note_quietly(
            self._files.audit_pending, AuditAction.RESTORE, self._now, detail
        )
