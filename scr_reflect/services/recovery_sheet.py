"""The recovery sheet as a PDF: built from the school's name, who made it, when, and the code."""

from __future__ import annotations

from pathlib import Path

from ..reports.page import Built
from ..reports.recovery_sheet import build_recovery_sheet
from ..reports.report_data import Produced, RecoverySheetData
from ..storage.private_files import write_private_atomically
from .workspace import Workspace


def recovery_sheet(ws: Workspace, code: str, *, invariant: bool = False) -> Built:
    made = Produced(ws.profile.school_name, ws.person.name, ws.clock.now())
    data = RecoverySheetData(made, code, ws.audit.checkpoint())
    return build_recovery_sheet(data, invariant=invariant)


def save_recovery_sheet(ws: Workspace, code: str, path: Path) -> Path:
    """Write the sheet whole and owner-only; a name without .pdf gets it."""
    if path.suffix.lower() != ".pdf":
        path = path.with_name(f"{path.name}.pdf")
    write_private_atomically(path, recovery_sheet(ws, code).pdf)
    return path
