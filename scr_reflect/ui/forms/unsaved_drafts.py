"""Forms left unsaved when the app last closed: offered back when the records open, and each
reopened by the one opener its kind of form has."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QWidget

from ...domain import display_dates as show
from ...domain.draft_key import DraftKey, FormKind
from ...domain.records import Draft
from ..shared import prompts
from .draft_openers import DraftOpener, one_per_kind


class UnsavedDrafts:
    def __init__(
        self,
        parent: QWidget,
        openers: Callable[[], list[Mapping[FormKind, DraftOpener]]],
        say: Callable[[str], None],
    ) -> None:
        self._parent, self._say = parent, say
        self._gather = openers  # asked only when a draft is reopened: it builds the record tabs

    @functools.cached_property
    def openers(self) -> dict[FormKind, DraftOpener]:
        """Each kind of form has one opener for its drafts, wherever the form is opened from."""
        return one_per_kind(*self._gather())

    def offer(self, drafts: list[Draft]) -> None:
        if not drafts:
            return
        titles = "\n".join(f"• {d.title} (saved {show.day_and_time(d.saved_at)})" for d in drafts)
        if prompts.confirm(
            self._parent,
            "Unsaved work",
            f"These forms were not saved last time:\n{titles}\n\nReopen them now?",
            "Reopen",
        ):
            for draft in drafts:
                self.reopen(draft)

    def reopen(self, draft: Draft) -> None:
        """Open a saved draft again in the form it was typed in."""
        try:
            key = DraftKey.parse(draft.key)
        except ValueError:  # a kind of form this version of the app does not have
            self._say(f"A draft could not be reopened: {draft.title}")
            return
        self.openers[key.form](draft, key)
