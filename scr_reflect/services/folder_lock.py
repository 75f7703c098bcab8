"""The data folder's lock, re-exported so the window takes the one the command line takes."""

from ..storage.folder_lock import FolderInUse, FolderLock, claim, upkeep_allowed

__all__ = ["FolderInUse", "FolderLock", "claim", "upkeep_allowed"]
