"""The words for each of our own errors: the kinds come from the store's libraries, so
this loads with the records, not with the unlock page."""

from __future__ import annotations

from ...guidance.escalation_procedure import ProcedureError
from ...guidance.facts import FactsError
from ...guidance.prompt_library import LibraryError
from ...services.documents import NothingToReport
from ...services.errors import (
    AccessRemoved,
    HeaderError,
    InvalidRecord,
    NewerDatabase,
    NoRecoveryCode,
    NotAllowed,
    NotARecoveryCode,
    NotInitialised,
    RecordNotFound,
    StaleKeyFile,
    StaleRecord,
    StorageProblem,
    StoreClosed,
    StoreExists,
    WeakPassphrase,
    WrongCurrentPassphrase,
    WrongKey,
    WrongPassphrase,
    WrongRecoveryCode,
)
from ...services.retention import RetentionRefused

# The first kind an error is an instance of gives the words: narrower kinds come first.
_PLAIN = {
    WrongCurrentPassphrase: "That is not your current passphrase. Nothing was changed.",
    AccessRemoved: (
        "That passphrase was someone's who has since been removed: it no longer opens the "
        "records. Nothing has been changed."
    ),
    WrongRecoveryCode: "That recovery code does not open these records. Nothing has been changed.",
    WrongPassphrase: "That passphrase does not open these records. Nothing has been changed.",
    WrongKey: "The database does not match the key file in this data folder.",
    StaleRecord: (
        "This record was amended elsewhere since you opened it. Nothing was overwritten: "
        "close the form, reopen the record and make your change again."
    ),
    RecordNotFound: "That record is no longer in your records: it may have been deleted.",
    StoreClosed: "The records are locked. Unlock to go on; nothing typed has been lost.",
}


def known_words(error: Exception) -> str | None:
    """What to tell the DSL about one of our own errors; None for any other error."""
    if isinstance(error, StaleKeyFile):  # a WrongKey that knows why: the key file is old
        return str(error)
    for kind, text in _PLAIN.items():
        if isinstance(error, kind):
            return text
    if isinstance(
        error,
        (
            InvalidRecord,
            WeakPassphrase,
            NotARecoveryCode,
            NoRecoveryCode,
            NotAllowed,
            NewerDatabase,
            HeaderError,
            NotInitialised,
            StoreExists,
            # The shipped data files' errors name the file and line, never a record.
            ProcedureError,
            FactsError,
            LibraryError,
            NothingToReport,  # says which record the document needs
            RetentionRefused,  # names the child by id only
            StorageProblem,  # a full disk, a read-only folder, busy records: what to do
        ),
    ):
        return str(error)
    return None
