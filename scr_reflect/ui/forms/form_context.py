"""What a structured record form is opened with: its parent and the services it saves through.

Built in one place, TabContext.form_context, so every record tab opens its forms alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ...services.records import RecordService
from ...services.structured import StructuredService
from ..shared.task_runner import Runner


@dataclass(frozen=True, slots=True)
class FormContext:
    parent: QWidget
    runner: Runner
    records: RecordService
    structured: StructuredService
