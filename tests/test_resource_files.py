"""The shipped data files are found the same way from a checkout, an installed wheel and a
frozen build, and each finds every file in the repository's resources/ folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from scr_reflect import resource_files
from scr_reflect.resource_files import ResourcesMissing, resources_dir

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "resources"
# What the wheel is built from; tests/ and packaging/ are not in it.
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "scr_reflect", "resources")
# A frozen build made by `make package` on this machine (packaging/scr-reflect.spec).
FROZEN = REPO / "dist" / "scr-reflect" / "_internal"


def every_file(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture
def fresh_lookup():
    resources_dir.cache_clear()
    yield
    resources_dir.cache_clear()


def test_the_folder_holds_what_the_app_and_installers_need():
    files = every_file(SHIPPED)
    for needed in (
        "prompts/library.toml",
        "facts/scr_2014_2017.toml",
        "escalation_procedure.toml",
        "record_language.toml",
        "fonts/DejaVuSans.ttf",
        "fonts/DejaVuSans-Bold.ttf",
        "fonts/LICENSE-DejaVu.txt",
        "licences/LGPL-3.0.txt",
        "licences/GPL-3.0.txt",
        "icons/scr-reflect.svg",
        "icons/scr-reflect.ico",
        "icons/scr-reflect.icns",
        "icons/scr-reflect-256.png",
        "linux/org.scrreflect.SCRReflect.desktop",
        "linux/org.scrreflect.SCRReflect.metainfo.xml",
    ):
        assert needed in files


def test_a_checkout_finds_the_top_level_folder(fresh_lookup):
    assert resources_dir() == SHIPPED


def test_a_frozen_build_looks_where_pyinstaller_unpacks(fresh_lookup, monkeypatch, tmp_path):
    shutil.copytree(SHIPPED, tmp_path / "resources")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
    assert every_file(resources_dir()) == every_file(SHIPPED)


def test_a_missing_folder_is_said_with_where_it_looked(fresh_lookup, monkeypatch, tmp_path):
    monkeypatch.setattr(resource_files, "PACKAGE_DIR", tmp_path / "scr_reflect")
    with pytest.raises(ResourcesMissing, match="looked in"):
        resources_dir()


def test_an_installed_wheel_carries_every_file(tmp_path):
    pytest.importorskip("setuptools", minversion="77")
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy2
        copy(REPO / name, source / name, **_ignoring_caches(REPO / name))
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
         "--quiet", "-w", str(wheels), str(source), build_tools=True)  # fmt: skip
    [wheel] = wheels.glob("scr_reflect-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        carried = {n.removeprefix("scr_reflect/resources/") for n in archive.namelist()}
    assert every_file(SHIPPED) <= carried

    # Installed into a fresh environment (without the app's dependencies: the lookup is
    # standard library only), run from elsewhere, away from any checkout.
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-index", str(wheel))  # fmt: skip
    found = _run(
        str(python),
        "-c",
        "from scr_reflect.resource_files import resources_dir; print(resources_dir())",
        cwd=tmp_path,
    ).strip()
    assert "site-packages" in found
    assert every_file(Path(found)) == every_file(SHIPPED)


@pytest.mark.skipif(
    not FROZEN.is_dir(),
    reason="no frozen build in dist/: `make package` makes one (packaging/smoke_test.sh runs it)",
)
def test_the_frozen_build_carries_every_file():
    assert every_file(FROZEN / "resources") == every_file(SHIPPED)


def _ignoring_caches(path: Path) -> dict[str, object]:
    if path.is_dir():
        return {"ignore": shutil.ignore_patterns("__pycache__", "*.pyc")}
    return {}


def _run(*command: str, cwd: Path | None = None, build_tools: bool = False) -> str:
    """Nothing of this run's path reaches the command, except the build tools if asked."""
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    if build_tools:  # the setuptools this run imported, wherever it is
        import setuptools

        environment["PYTHONPATH"] = str(Path(setuptools.__file__).parent.parent)
    done = subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
