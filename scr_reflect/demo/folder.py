"""Where the demo store lives and its passphrase: light, for the setup page to say so."""

from __future__ import annotations

from pathlib import Path

DEMO_PASSPHRASE = "fictional demo records only"


def demo_folder(data_folder: Path) -> Path:
    """Beside the real data folder, never inside it, so the two cannot mix."""
    return data_folder.with_name(f"{data_folder.name} (demo)")
