"""Produce a document from the window: build it off the GUI thread, then preview it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ...domain.changes import ChangeSet
from ...domain.chronology_filter import ChronologyFilter
from ...services.documents import Document, Report
from ...services.workspace import Workspace
from ..shared.task_runner import Runner
from .document_preview import DocumentPreview
from .pdf_pages import PageImage, render_pages

if TYPE_CHECKING:
    from ...services.reports import ReportService

PREVIEW_DPI = 80


class DocumentActions:
    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        runner: Runner,
        on_recorded: Callable[[ChangeSet], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self._parent, self._runner, self._workspace = parent, runner, workspace
        self._service: ReportService | None = None  # made with the first document
        self._on_recorded, self._on_error = on_recorded, on_error

    def produce(
        self, document: Document, child_id: int | None, wanted: ChronologyFilter | None = None
    ) -> None:
        def build() -> tuple[Report, list[PageImage]]:
            service = self._report_service()
            if document is Document.SUPERVISION or child_id is None:
                report = service.supervision()
            elif document is Document.REFERRAL:
                report = service.referral(child_id)
            elif document is Document.ESCALATION:
                report = service.escalation(child_id)
            else:
                report = service.chronology(child_id, wanted)
            return report, render_pages(report.pdf, PREVIEW_DPI)

        self._runner.run(build, self._preview, self._on_error)

    def _report_service(self) -> ReportService:
        """On the lane: reportlab and pypdf load with the first document, not with the
        records, whose opening they would hold up by a second or more."""
        if self._service is None:
            from ...services.reports import ReportService

            self._service = ReportService(self._workspace)
        return self._service

    def _preview(self, built: tuple[Report, list[PageImage]]) -> None:
        report, pages = built
        preview = DocumentPreview(
            self._parent,
            self._runner,
            self._report_service(),
            report,
            pages,
            self._on_recorded,
            self._on_error,
        )
        preview.show()
