"""Where the files shipped with the app are: the top-level `resources/` folder.

Prompts, national facts, the escalation procedure, record-language rules, fonts and icons are
data a school or partnership can read and change, so they sit outside the code. The same
folder is found three ways:
- a frozen build (PyInstaller) unpacks it beside the code, at `sys._MEIPASS/resources`;
- an installed wheel carries it inside the package, as `scr_reflect/resources` (setup.py);
- a checkout, or an editable install of one, has it at the top of the repository.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

FOLDER = "resources"
# A file every copy of the folder has: a folder named resources without it is someone else's.
MARKER = "prompts/library.toml"
PACKAGE_DIR = Path(__file__).resolve().parent


class ResourcesMissing(RuntimeError):
    """The app's data files are not where a checkout, a wheel or a frozen build puts them."""


def candidates() -> list[Path]:
    """The places looked in, first match wins."""
    places = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        places.append(Path(bundle) / FOLDER)
    places.append(PACKAGE_DIR / FOLDER)
    places.append(PACKAGE_DIR.parent / FOLDER)
    return places


@cache
def resources_dir() -> Path:
    """The folder of shipped data files, wherever this copy of the app was installed from."""
    for place in candidates():
        if (place / MARKER).is_file():
            return place
    looked = ", ".join(str(place) for place in candidates())
    raise ResourcesMissing(f"The app's data files are missing; looked in {looked}.")


def resource(*parts: str) -> Path:
    """One shipped file, e.g. resource("fonts", "DejaVuSans.ttf")."""
    return resources_dir().joinpath(*parts)
