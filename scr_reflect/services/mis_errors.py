"""What can stop a MIS file being imported, each said in words a DSL can act on."""

from __future__ import annotations

from ..domain.pupil_roll import BadRow


class UnreadableFile(ValueError):
    """The file could not be read at all: nothing in it was looked at further."""


class BadRowsNotSkipped(ValueError):
    """The file has rows that cannot be imported, and the DSL has not chosen to skip them."""

    def __init__(self, bad_rows: tuple[BadRow, ...]) -> None:
        count = len(bad_rows)
        super().__init__(
            f"{count} {'row' if count == 1 else 'rows'} of the file cannot be imported, so "
            "nothing was. Put them right in the MIS and export again, or choose to skip them."
        )
        self.bad_rows = bad_rows
