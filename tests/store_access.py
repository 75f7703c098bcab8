"""The store behind a workspace, for tests that arrange or check what the services keep
private (product code goes through the workspace's services instead)."""

from __future__ import annotations

from sqlalchemy import Engine

from scr_reflect.services.workspace import Workspace
from scr_reflect.storage.store import OpenStore


def store_of(ws: Workspace) -> OpenStore:
    return ws._store


def engine_of(ws: Workspace) -> Engine:
    engine = store_of(ws)._engine
    assert engine is not None, "the store is closed"
    return engine
