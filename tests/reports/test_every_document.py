"""What every document carries, whatever it is: the marking, page x of y, who and when, the
embedded font, clean metadata, A4, and a file qpdf finds sound."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import pytest

from scr_reflect.demo.caseload import DEMO_PROFILE
from scr_reflect.reports.page import APP_NAME, MARKING
from scr_reflect.services.reports import Report
from tests.reports.conftest import NOW, Demo
from tests.reports.pdf_checks import fonts, page_texts, qpdf_check, reader

DOCUMENTS = ["zoe_referral", "zoe_escalation", "zoe_chronology", "supervision"]
A4_POINTS = (595.28, 841.89)


@pytest.fixture(params=DOCUMENTS)
def report(request: pytest.FixtureRequest) -> Report:
    return request.getfixturevalue(request.param)


def test_every_page_is_marked_numbered_and_says_who_and_when(report: Report) -> None:
    pages = page_texts(report.pdf)
    assert len(pages) == report.pages >= 1
    for number, text in enumerate(pages, start=1):
        assert text.count(MARKING) == 2, f"page {number}: marking top and bottom"
        assert f"Page {number} of {len(pages)}" in text
        assert DEMO_PROFILE.school_name in text
        assert f"Produced {NOW:%d/%m/%Y %H:%M} by {DEMO_PROFILE.dsl_name}" in text


def test_pages_are_a4(report: Report) -> None:
    for page in reader(report.pdf).pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=0.5)


def test_only_the_embedded_dejavu_font_is_used(report: Report) -> None:
    used = fonts(report.pdf)
    assert used
    for font in used:
        assert "DejaVuSans" in font["/BaseFont"], font["/BaseFont"]  # no Helvetica fallback
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object(), "TrueType embedded"


def test_metadata_names_the_document_and_the_app_only(report: Report) -> None:
    info = reader(report.pdf).metadata
    assert info is not None
    assert info.title == report.document.title
    assert info.author == APP_NAME
    assert info.creator == APP_NAME
    assert info.producer == APP_NAME
    everything = " ".join(str(value) for value in info.values())
    assert "anonymous" not in everything and "untitled" not in everything
    assert getpass.getuser() not in everything
    assert os.sep + "work" not in everything and str(Path.home()) not in everything
    # The child's name stays inside the document, out of file listings.
    assert "Zoë" not in everything


def test_qpdf_finds_the_file_sound(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "document.pdf"
    path.write_bytes(report.pdf)
    result = qpdf_check(str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_the_same_data_and_clock_give_the_same_bytes(demo: Demo, zoe_chronology: Report) -> None:
    again = demo.service.chronology(demo.zoe)
    assert again.pdf == zoe_chronology.pdf
