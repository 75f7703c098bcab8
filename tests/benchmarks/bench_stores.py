"""The benchmark's stores: 200, 2,000 and 20,000 generated fictional children.

Each is the large demo caseload's generator at a different size, with the same shape per
child (ten concerns, seventy-five chronology lines, one or two actions) and the same
500-entry benchmark child first. Building 20,000 children takes minutes, so each store is
kept, encrypted, in a folder outside the repository (BENCH_STORES, or
~/.cache/scr-reflect-bench) and built again only when missing or its generator has changed.
Everything in them is fictional.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from scr_reflect.demo.caseload import DEMO_PROFILE
from scr_reflect.demo.caseload_large import generate_large_caseload
from scr_reflect.services import workspace
from scr_reflect.storage import schema

PASSPHRASE = "correct horse battery staple violet"
SIZES = (200, 2_000, 20_000)
# Raised whenever the generator changes what a built store holds; the schema's revision is
# part of the folder's name too, so a store built before a migration is built again.
SHAPE = "v1"


@dataclass(frozen=True)
class BenchStore:
    children: int
    root: Path
    built_in_s: float  # how long building it took, when it was built
    built_now: bool
    size_mib: float

    @property
    def label(self) -> str:
        return f"{self.children:,} children"


def stores_folder() -> Path:
    chosen = os.environ.get("BENCH_STORES")
    return Path(chosen) if chosen else Path.home() / ".cache" / "scr-reflect-bench"


def store(children: int) -> BenchStore:
    """The store of `children` generated children, built now if not kept from before."""
    folder = stores_folder() / f"{children}-children-{SHAPE}-schema-{schema.head_revision()}"
    root, timing = folder / "data", folder / "built-in-seconds"
    built_now = not timing.exists()
    if built_now:
        shutil.rmtree(folder, ignore_errors=True)  # a build cut short leaves no half store
        folder.mkdir(parents=True, mode=0o700)
        start = time.perf_counter()
        ws = workspace.set_up(root, PASSPHRASE, PASSPHRASE, DEMO_PROFILE)
        for _ in generate_large_caseload(
            ws,
            children=children,
            concerns=10 * children,
            entries=75 * children,
            actions=3 * children // 2,
        ):
            pass
        ws.close()
        timing.write_text(f"{time.perf_counter() - start:.1f}\n")
    # Opened once before timing: a store kept from before the newest migration upgrades now.
    workspace.unlock(root, PASSPHRASE).close()
    size = sum(f.stat().st_size for f in root.iterdir() if f.is_file()) / 2**20
    return BenchStore(children, root, float(timing.read_text()), built_now, size)


if __name__ == "__main__":
    for size in SIZES:
        made = store(size)
        how = "built" if made.built_now else "kept from before, built"
        print(f"{made.label}: {how} in {made.built_in_s:.0f} s, {made.size_mib:.0f} MiB")
