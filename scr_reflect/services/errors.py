"""Errors a user can meet, re-exported so the ui never imports storage."""

from ..domain.validation import InvalidRecord, Problem
from ..storage.keyslots import HeaderError, WrongPassphrase
from ..storage.private_files import FileAlreadyThere
from ..storage.schema import NewerDatabase
from ..storage.sqlcipher import StoreClosed, WrongKey
from ..storage.storage_problems import DiskFull, FolderReadOnly, StorageProblem, StoreBusy
from ..storage.store import (
    AccessRemoved,
    NoRecoveryCode,
    NotInitialised,
    StaleKeyFile,
    StoreExists,
    WrongRecoveryCode,
)
from ..storage.unit_of_work import RecordNotFound, StaleRecord

__all__ = [
    "AccessRemoved",
    "DiskFull",
    "FileAlreadyThere",
    "FolderReadOnly",
    "HeaderError",
    "InvalidRecord",
    "NewerDatabase",
    "NoRecoveryCode",
    "NotARecoveryCode",
    "NotAllowed",
    "NotInitialised",
    "Problem",
    "RecordNotFound",
    "StaleKeyFile",
    "StaleRecord",
    "StorageProblem",
    "StoreBusy",
    "StoreClosed",
    "StoreExists",
    "WeakPassphrase",
    "WrongCurrentPassphrase",
    "WrongKey",
    "WrongPassphrase",
    "WrongRecoveryCode",
]


class WeakPassphrase(ValueError):
    """The passphrase chosen at setup is too easy to guess, or the two entries differ."""


class NotARecoveryCode(ValueError):
    """What was typed cannot be a recovery code (too short, or a letter no code uses)."""


class WrongCurrentPassphrase(WrongPassphrase):
    """Changing a passphrase needs the person's own current one."""


class NotAllowed(Exception):
    """Only the DSL may do this (add or remove people, make a recovery sheet)."""
