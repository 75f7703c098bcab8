#!/usr/bin/env bash
# `make package-check`: the Linux download, unpacked into a fresh folder and run with no
# virtualenv and no Python on its path, does what a DSL would do first: prints its version
# (with the SQLCipher it carries), sets up a store, loads the demo, writes a referral PDF,
# verifies both stores, and opens its window under Xvfb at the unlock page.
# The screenshot is left at build/smoke/window.png to look at.
# Needs xvfb-run, xwininfo (x11-utils), import (imagemagick) and pdftotext (poppler-utils).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ARCHIVE="${1:-$(ls -t "$ROOT"/dist/scr-reflect-*-linux-*.tar.xz 2>/dev/null | head -n1)}"
[ -f "$ARCHIVE" ] || { echo "smoke: no Linux archive in dist/ (run make package)"; exit 2; }
for tool in xvfb-run xwininfo import pdftotext; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is missing"; exit 2; }
done

OUT="$ROOT/build/smoke"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
rm -rf "$OUT" && mkdir -p "$OUT"
tar -C "$WORK" -xJf "$ARCHIVE"
APP="$(echo "$WORK"/scr-reflect-*/scr-reflect)"
# A clean environment: no virtualenv, no PYTHONPATH, a home of its own.
run() {
  env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    SCR_REFLECT_PASSPHRASE="lantern harbour quietly seventeen maple" "$APP" "$@"
}
step() { echo "smoke: $*"; }

step "--version"
run --version | tee "$OUT/version.txt"
grep -q "SCR Reflect .* (SQLCipher 4\." "$OUT/version.txt"

step "init"
run init --data-dir "$WORK/school" --school "Fictional Primary" --dsl "Sam Okafor" >/dev/null
# SQLCipher wrote it: an encrypted file has no plain SQLite header.
store="$WORK/school/scr-reflect.db"
[ -f "$store" ] && ! head -c 15 "$store" | grep -q "SQLite format 3"

step "demo"
run demo --init --data-dir "$WORK/demo"
run children --data-dir "$WORK/demo" | head -n 3

step "prompts (the shipped resources)"
run prompts list | head -n 2

step "report referral"
run report referral --child 1 --out "$OUT/referral.pdf" --data-dir "$WORK/demo"
pdftotext "$OUT/referral.pdf" - | grep -q "OFFICIAL-SENSITIVE"

step "verify"
run verify --data-dir "$WORK/demo" | tail -n 1
run verify --data-dir "$WORK/school" | tail -n 1

step "the window under Xvfb"
cat > "$WORK/window.sh" <<INNER
#!/usr/bin/env bash
env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="\$DISPLAY" \
  XAUTHORITY="\$XAUTHORITY" "$APP" --data-dir "$WORK/school" 2>"$OUT/window.log" &
app=\$!
for _ in \$(seq 1 120); do  # up to a minute for the first start on a busy machine
  xwininfo -root -tree | grep -q '"SCR Reflect' && break
  kill -0 \$app 2>/dev/null || { echo "smoke: the window program ended"; exit 1; }
  sleep 0.5
done
xwininfo -root -tree | grep '"SCR Reflect' | head -n 1
sleep 2  # let the first paint finish before the picture
import -window root "$OUT/window.png"
kill \$app
wait \$app || true
INNER
chmod +x "$WORK/window.sh"
xvfb-run -a -s "-screen 0 1366x768x24" "$WORK/window.sh"
[ -s "$OUT/window.png" ]
echo "smoke: all steps passed; look at $OUT/window.png"
