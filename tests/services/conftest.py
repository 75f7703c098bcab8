"""Fixtures for the services tests: a fixed clock and an in-memory encrypted workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.records import RecordService
from scr_reflect.services.workspace import Workspace
from tests.core_fixtures import NOW, PROFILE


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def memory_workspace(clock: FixedClock) -> Iterator[Workspace]:
    space = workspace.in_memory(PROFILE, clock)
    yield space
    space.close()


@pytest.fixture
def records(memory_workspace: Workspace) -> RecordService:
    return memory_workspace.records


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    return tmp_path / "SCR Reflect data"
