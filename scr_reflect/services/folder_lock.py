"""The data folder's lock, re-exported so the window takes the one the command line takes,
and the folder's quick checks; all light, so the command line can refuse early with them."""

from ..storage.file_names import is_set_up
from ..storage.folder_lock import FolderInUse, FolderLock, claim, upkeep_allowed
from ..storage.private_files import check_is_folder

__all__ = [
    "FolderInUse",
    "FolderLock",
    "check_is_folder",
    "claim",
    "is_set_up",
    "upkeep_allowed",
]
