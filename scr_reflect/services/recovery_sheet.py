"""The recovery sheet as a PDF: built from the school's name, who made it, when, and the code."""

from __future__ import annotations

from pathlib import Path

from ..reports.page import Built
from ..reports.recovery_sheet import build_recovery_sheet
from ..reports.report_data import Produced, RecoverySheetData
from ..storage.private_files import save_document
from .workspace import Workspace


def recovery_sheet(ws: Workspace, code: str, *, invariant: bool = False) -> Built:
    made = Produced(ws.profile.school_name, ws.person.name, ws.clock.now())
    data = RecoverySheetData(made, code, ws.audit.checkpoint())
    return build_recovery_sheet(data, invariant=invariant)


def sheet_path(path: Path) -> Path:
    """Where the sheet goes: a name without .pdf gets it."""
    return path if path.suffix.lower() == ".pdf" else path.with_name(f"{path.name}.pdf")


def save_recovery_sheet(ws: Workspace, code: str, path: Path, *, replace: bool = False) -> Path:
    """Write the sheet owner-only; an existing file only if replace (else FileAlreadyThere)."""
    path = sheet_path(path)
    save_document(path, recovery_sheet(ws, code).pdf, replace=replace)
    return path
