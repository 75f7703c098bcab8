#!/usr/bin/env bash
# `make package`: build SCR Reflect for the machine this runs on, from the spec shared by all
# three (scr-reflect.spec), then wrap it the way that platform installs programs:
#   Linux   dist/scr-reflect-VERSION-linux-ARCH.tar.xz (linux/make_tarball.sh)
#   macOS   dist/SCR-Reflect-VERSION.dmg, signed and notarised when an identity is given
#           (macos/make_dmg.sh)
#   Windows dist/SCR-Reflect-VERSION-setup.exe, a per-user installer (windows/scr-reflect.iss,
#           needs Inno Setup's iscc on the PATH; run from Git Bash, or see the README)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
cd "$ROOT"

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/scr-reflect.spec

VERSION="$("$PYTHON" -c 'import scr_reflect; print(scr_reflect.__version__)')"
case "$(uname -s)" in
  Linux) packaging/linux/make_tarball.sh "$VERSION" ;;
  Darwin) packaging/macos/make_dmg.sh "$VERSION" ;;
  MINGW* | MSYS* | CYGWIN*) iscc "/DAppVersion=$VERSION" packaging/windows/scr-reflect.iss ;;
  *) echo "build: no installer for $(uname -s); the program is in dist/scr-reflect" ;;
esac
