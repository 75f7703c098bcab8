"""Turn an error from the lane into words for the DSL, and log it without any record text."""

from __future__ import annotations

import logging
import traceback

log = logging.getLogger("scr_reflect.ui")


def describe(error: Exception) -> str:
    """A sentence the DSL can act on. Messages of our own errors never hold record text."""
    # Here, not at the top: the error kinds load with the store's libraries, after the window.
    from .error_words import known_words

    words = known_words(error)
    if words is not None:
        return words
    if isinstance(error, OSError):
        return f"The data folder could not be written ({error.strerror}). Nothing was lost."
    log_unexpected(error)
    return "Something went wrong. What you typed is kept; the log has details for IT support."


def log_unexpected(error: BaseException) -> None:
    """Log where it happened, never the message: a database error can quote record text."""
    frames = traceback.extract_tb(error.__traceback__)
    where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in frames)
    log.error("unexpected %s at %s", type(error).__name__, where or "unknown place")
