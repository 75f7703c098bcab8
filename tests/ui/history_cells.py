"""What a record's history window shows, read as the DSL reads it."""

from __future__ import annotations

from scr_reflect.ui.forms.history_dialog import HistoryDialog


def history_cells(dialog: HistoryDialog) -> dict[str, str]:
    """Each field's label, and what the "Now" column says of it."""
    table = dialog.table
    now = table.columnCount() - 1
    return {
        table.verticalHeaderItem(row).text(): table.item(row, now).text()
        for row in range(table.rowCount())
    }
