#!/usr/bin/env bash
# macOS: sign dist/SCR Reflect.app, put it in a disk image, sign, notarise and staple that.
# Run on a Mac after PyInstaller (packaging/build.sh does both). Signing needs, in the login
# keychain, a "Developer ID Application" certificate; notarising needs a notarytool profile
# stored once with:
#   xcrun notarytool store-credentials scr-reflect-notary --apple-id ID --team-id TEAM
# Set CODESIGN_IDENTITY="Developer ID Application: NAME (TEAM)" and NOTARY_PROFILE to use
# them. Without CODESIGN_IDENTITY the image is built unsigned: fine for testing on the Mac
# that built it, refused by Gatekeeper on any other (right-click > Open to get past it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="$1"
APP="$ROOT/dist/SCR Reflect.app"
DMG="$ROOT/dist/SCR-Reflect-$VERSION.dmg"
STAGE="$ROOT/build/dmg"
IDENTITY="${CODESIGN_IDENTITY:-}"
PROFILE="${NOTARY_PROFILE:-scr-reflect-notary}"

if [ -n "$IDENTITY" ]; then
  # Inside out: every library and program first, then the bundle, all with the hardened
  # runtime and a secure timestamp, as notarisation requires.
  find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 \
    | xargs -0 codesign --force --timestamp --options runtime \
        --entitlements "$ROOT/packaging/macos/entitlements.plist" --sign "$IDENTITY"
  codesign --force --timestamp --options runtime \
    --entitlements "$ROOT/packaging/macos/entitlements.plist" --sign "$IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi

rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"  # drag the app onto it to install
hdiutil create -volname "SCR Reflect" -srcfolder "$STAGE" -ov -format UDZO "$DMG"

if [ -n "$IDENTITY" ]; then
  codesign --force --timestamp --sign "$IDENTITY" "$DMG"
  xcrun notarytool submit "$DMG" --keychain-profile "$PROFILE" --wait
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose "$DMG"
else
  echo "make_dmg: CODESIGN_IDENTITY is not set: $DMG is unsigned and not notarised"
fi
echo "built $DMG"
