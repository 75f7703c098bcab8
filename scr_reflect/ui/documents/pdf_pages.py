"""PDF pages as images, for the preview and for printing (pdfium renders them).

pypdfium2 is imported at the first render, on the lane with the first document's reportlab:
the records' window imports this module, and unlocking runs Argon2's 64 MiB on top of
whatever is loaded by then.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage

POINTS_PER_INCH = 72


@dataclass(frozen=True, slots=True)
class PageImage:
    width: int
    height: int
    stride: int
    rgb: bytes

    def to_qimage(self) -> QImage:
        # QImage does not own borrowed bytes: copy so the image outlives this buffer.
        image = QImage(self.rgb, self.width, self.height, self.stride, QImage.Format.Format_RGB888)
        return image.copy()


def render_pages(pdf: bytes, dpi: int) -> list[PageImage]:
    """Every page at the given resolution. Safe to run on the lane: no Qt objects made."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
            pages.append(
                PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            )
        return pages
    finally:
        document.close()
