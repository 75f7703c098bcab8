"""Fixtures for the storage tests: stores in a temp folder or in memory, and a record seeder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from scr_reflect.domain.records import SchoolProfile
from scr_reflect.storage.repository import Repository
from scr_reflect.storage.store import OpenStore, StoreFiles, create_store, open_memory_store
from tests.core_fixtures import (
    NOW,
    PASSPHRASE,
    PROFILE,
    FileState,
    Seed,
    folder_state,
    unlocked_engine,
)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def profile() -> SchoolProfile:
    return PROFILE


@pytest.fixture
def store_files(tmp_path: Path) -> StoreFiles:
    return StoreFiles(tmp_path / "data")


@pytest.fixture
def file_store(store_files: StoreFiles) -> Iterator[OpenStore]:
    store = create_store(store_files, PASSPHRASE, PROFILE, NOW)
    yield store
    store.close()


@pytest.fixture
def memory_store() -> Iterator[OpenStore]:
    store = open_memory_store(PROFILE)
    yield store
    store.close()


@pytest.fixture
def repo(memory_store: OpenStore) -> Repository:
    return memory_store.repository


@pytest.fixture
def seed(repo: Repository) -> Seed:
    return Seed(repo)


@pytest.fixture
def snapshot() -> Callable[[Path], FileState]:
    return folder_state


@pytest.fixture
def open_raw() -> Callable[..., Engine]:
    return unlocked_engine
