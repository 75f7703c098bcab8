#!/usr/bin/env bash
# Install SCR Reflect for this user only (no root): the program under ~/.local/opt, the
# command in ~/.local/bin, and a menu entry with its icon. `./install.sh --uninstall` takes
# them away again; the records (~/.local/share/SCR Reflect) are never touched by either.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$HOME/.local/opt/scr-reflect"
BIN="$HOME/.local/bin"
APP_ID="org.scrreflect.SCRReflect"
RESOURCES="$HERE/_internal/resources"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$TARGET"
  rm -f "$BIN/scr-reflect" "$DATA_HOME/applications/$APP_ID.desktop" \
    "$DATA_HOME/icons/hicolor/256x256/apps/$APP_ID.png" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
  echo "SCR Reflect removed. Your records are still in $DATA_HOME/SCR Reflect."
  exit 0
fi

if [ "$HERE" = "$TARGET" ]; then
  echo "This copy is the installed one: run install.sh from a newly unpacked download."
  exit 1
fi
rm -rf "$TARGET"
mkdir -p "$TARGET" "$BIN" "$DATA_HOME/applications" "$DATA_HOME/icons/hicolor/256x256/apps" \
  "$DATA_HOME/metainfo"
cp -a "$HERE/." "$TARGET/"
ln -sf "$TARGET/scr-reflect" "$BIN/scr-reflect"
cp "$RESOURCES/icons/scr-reflect-256.png" "$DATA_HOME/icons/hicolor/256x256/apps/$APP_ID.png"
cp "$RESOURCES/linux/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"
# The menu entry names the program by its full path: ~/.local/bin is not on every PATH.
sed "s|^Exec=scr-reflect|Exec=\"$TARGET/scr-reflect\"|" "$RESOURCES/linux/$APP_ID.desktop" \
  > "$DATA_HOME/applications/$APP_ID.desktop"
echo "SCR Reflect installed in $TARGET: find it in your menu, or run scr-reflect."
