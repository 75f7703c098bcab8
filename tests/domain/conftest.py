"""Fixtures for the pure domain tests: a fixed moment, no store, no Qt."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.core_fixtures import NOW


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def today() -> date:
    return NOW.date()
