"""Draw the app icon's bitmaps from resources/icons/scr-reflect.svg.

The installers need a Windows .ico, a macOS .icns and PNGs for Linux; they are made once and
kept in the repository, so building a package needs neither Qt's SVG module nor Pillow.
Run after changing the SVG: `python packaging/make_icons.py` (needs PySide6 and Pillow).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "scr-reflect.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        render(renderer, size).save(ICONS / f"scr-reflect-{size}.png", optimize=True)
    largest = render(renderer, max(ICO_SIZES))
    largest.save(ICONS / "scr-reflect.ico", sizes=[(s, s) for s in ICO_SIZES])
    # Pillow draws every .icns size from the one image it is given.
    render(renderer, max(ICNS_SIZES)).save(ICONS / "scr-reflect.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
