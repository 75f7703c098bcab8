#!/usr/bin/env bash
# The Linux download: dist/scr-reflect-VERSION-linux-ARCH.tar.xz, one folder holding the
# frozen program, install.sh (per user, no root) and the desktop entry, icon and metainfo.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="$1"
NAME="scr-reflect-$VERSION-linux-$(uname -m)"
STAGE="$ROOT/build/$NAME"

rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -a "$ROOT/dist/scr-reflect/." "$STAGE/"
cp "$ROOT/packaging/linux/install.sh" "$STAGE/install.sh"
cp "$ROOT/LICENSE" "$STAGE/LICENSE"
chmod 755 "$STAGE/install.sh"
# Owner and group as numbers only: nothing of the build machine's accounts in the archive.
tar -C "$ROOT/build" --owner=0 --group=0 --numeric-owner -cf - "$NAME" \
  | xz -9 -T2 --block-size=48MiB > "$ROOT/dist/$NAME.tar.xz"  # blocks: both cores work
echo "built dist/$NAME.tar.xz"
