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
head -c 15 "$store" > "$OUT/store-header.bin"
if grep -q "SQLite format 3" "$OUT/store-header.bin"; then
  echo "smoke: the store is a plain SQLite file"
  exit 1
fi

step "demo"
run demo --init --data-dir "$WORK/demo"
run children --data-dir "$WORK/demo" > "$OUT/children.txt"
head -n 3 "$OUT/children.txt"

step "prompts (the shipped resources)"
run prompts list > "$OUT/prompts.txt"
head -n 2 "$OUT/prompts.txt"

step "report referral"
run report referral --child 1 --out "$OUT/referral.pdf" --data-dir "$WORK/demo"
pdftotext "$OUT/referral.pdf" "$OUT/referral.txt"
grep -q "OFFICIAL-SENSITIVE" "$OUT/referral.txt"

step "verify"
run verify --data-dir "$WORK/demo" > "$OUT/verify-demo.txt"
run verify --data-dir "$WORK/school" > "$OUT/verify-school.txt"
tail -n 1 "$OUT/verify-demo.txt" "$OUT/verify-school.txt"

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
xwininfo -root -tree > "$OUT/windows.txt"
grep '"SCR Reflect' "$OUT/windows.txt"
sleep 2  # let the first paint finish before the picture
import -window root "$OUT/window.png"
kill \$app
wait \$app || true
INNER
chmod +x "$WORK/window.sh"
xvfb-run -a -s "-screen 0 1366x768x24" "$WORK/window.sh"
[ -s "$OUT/window.png" ]
echo "smoke: all steps passed; look at $OUT/window.png"
