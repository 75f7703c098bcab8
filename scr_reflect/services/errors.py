"""Errors a user can meet, re-exported so the ui never imports storage."""

from ..domain.validation import InvalidRecord, Problem
from ..storage.keyslots import HeaderError, WrongPassphrase
from ..storage.schema import NewerDatabase
from ..storage.sqlcipher import StoreClosed, WrongKey
from ..storage.store import NotInitialised, StoreExists
from ..storage.unit_of_work import RecordNotFound, StaleRecord

__all__ = [
    "HeaderError",
    "InvalidRecord",
    "NewerDatabase",
    "NotInitialised",
    "Problem",
    "RecordNotFound",
    "StaleRecord",
    "StoreClosed",
    "StoreExists",
    "WeakPassphrase",
    "WrongKey",
    "WrongPassphrase",
]


class WeakPassphrase(ValueError):
    """The passphrase chosen at setup is too easy to guess, or the two entries differ."""
