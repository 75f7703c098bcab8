"""Which opener reopens a saved draft: exactly one for each kind of form.

The workspace view gathers them from the forms it opens itself, the supervision form and each
record tab; a kind with no opener, or with two, is a mistake caught as the view is built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from ...domain.draft_key import DraftKey, FormKind
from ...domain.records import Draft
from ..shared.task_runner import Runner

DraftOpener = Callable[[Draft, DraftKey], None]
R = TypeVar("R")


def one_per_kind(*groups: Mapping[FormKind, DraftOpener]) -> dict[FormKind, DraftOpener]:
    openers: dict[FormKind, DraftOpener] = {}
    for group in groups:
        for kind, opener in group.items():
            if kind in openers:
                raise ValueError(f"Two openers for {kind.value} drafts")
            openers[kind] = opener
    missing = [kind.value for kind in FormKind if kind not in openers]
    if missing:
        raise ValueError(f"No opener for {', '.join(missing)} drafts")
    return openers


def when_loaded(
    runner: Runner,
    report: Callable[[Exception], None],
    record_id: int | None,
    load: Callable[[int], R],
    show: Callable[[R | None], None],
) -> None:
    """A new record's draft opens at once; an amendment's once the record it amends is loaded
    (so the form knows the version it amends)."""
    if record_id is None:
        show(None)
        return
    runner.run(lambda: load(record_id), show, report)
