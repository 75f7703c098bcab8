"""Errors a user can meet, re-exported so the ui never imports storage."""

from ..domain.validation import InvalidRecord, Problem
from ..storage.keyslots import HeaderError, WrongPassphrase
from ..storage.schema import NewerDatabase
from ..storage.sqlcipher import WrongKey
from ..storage.storage_problems import DiskFull, FolderReadOnly, StorageProblem, StoreBusy
from ..storage.store import NotInitialised, StoreExists
from ..storage.unit_of_work import RecordNotFound, StaleRecord

__all__ = [
    "DiskFull",
    "FolderReadOnly",
    "HeaderError",
    "InvalidRecord",
    "NewerDatabase",
    "NotInitialised",
    "Problem",
    "RecordNotFound",
    "StaleRecord",
    "StorageProblem",
    "StoreBusy",
    "StoreExists",
    "WeakPassphrase",
    "WrongKey",
    "WrongPassphrase",
]


class WeakPassphrase(ValueError):
    """The passphrase chosen at setup is too easy to guess, or the two entries differ."""
