"""The store behind a workspace, for tests that arrange or check what the services keep
private (product code goes through the workspace's services instead)."""

from __future__ import annotations

from scr_reflect.services.workspace import Workspace
from scr_reflect.storage.store import OpenStore


def store_of(ws: Workspace) -> OpenStore:
    return ws._store
