#!/usr/bin/env bash
# Debian/Ubuntu packages that Qt needs to run (offscreen for tests, under Xvfb to look at the
# real window). Installs only what is missing; needs root (or sudo) only when something is.
set -euo pipefail

QT_RUNTIME="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 fonts-dejavu-core"
QT_X11="xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-xkb1"

# Tools the tests use on the PDFs: qpdf --check on each document; pdftoppm to look at pages.
TEST_TOOLS="qpdf poppler-utils"
# --smoke: what packaging/smoke_test.sh uses to find the window and take its picture.
SMOKE_TOOLS="x11-utils imagemagick"
# --app: only what the app needs to run (no test tools); --with-x11: a real window too.
app_only=""
x11=""
smoke=""
for option in "$@"; do
  case "$option" in
    --app) app_only=1 ;;
    --with-x11) x11=1 ;;
    --smoke) smoke=1 ;;
    *) echo "system-deps: unknown option $option (use --app, --with-x11, --smoke)"; exit 2 ;;
  esac
done
wanted="$QT_RUNTIME"
[ -z "$app_only" ] && wanted="$wanted $TEST_TOOLS"
[ -n "$x11" ] && wanted="$wanted $QT_X11"
[ -n "$smoke" ] && wanted="$wanted $QT_X11 $SMOKE_TOOLS"

command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian-based system; install Qt's runtime libraries yourself"; exit 0; }

missing=""
for package in $wanted; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

echo "system-deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
