"""On a dark theme the wording hints and 'why this matters' stay readable: their colours come
from the palette, not from a light theme's fixed tints."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from scr_reflect.guidance.record_language import default_rules
from scr_reflect.ui.forms.language_hints import attach_language_hints
from scr_reflect.ui.shared.palette_colours import contrast_ratio, problem_colour
from scr_reflect.ui.shared.style import STYLE_SHEET

Role = QPalette.ColorRole


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (Role.Window, "#2b2b2b"),
        (Role.WindowText, "#eeeeee"),
        (Role.Base, "#1e1e1e"),
        (Role.AlternateBase, "#333333"),
        (Role.Text, "#f0f0f0"),
        (Role.Button, "#3a3a3a"),
        (Role.ButtonText, "#eeeeee"),
        (Role.Highlight, "#3d6fb4"),
        (Role.HighlightedText, "#ffffff"),
        (Role.Link, "#8ab4f8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def hints_on(qtbot, palette: QPalette):
    parent = QWidget()
    parent.setPalette(palette)
    qtbot.addWidget(parent)
    box = QPlainTextEdit(parent)
    hints = attach_language_hints(box, default_rules())
    box.setPlainText("Mum is chaotic and the child DNA'd.")
    hints.refresh()
    return hints


def test_flagged_words_keep_their_contrast_on_a_dark_palette(qtbot):
    hints = hints_on(qtbot, dark_palette())
    assert hints.flags  # something is underlined
    colours = hints.colours
    assert colours.text == QColor("#f0f0f0")  # the box's own light text, not a fixed dark one
    assert contrast_ratio(colours.text, colours.tint) >= 4.5
    assert contrast_ratio(colours.panel_text, colours.panel) >= 4.5
    assert colours.tint != QColor("#1e1e1e")  # still tinted, so the flag shows


def test_and_on_a_light_one(qtbot):
    light = QPalette(QColor("#efefef"))
    light.setColor(Role.Base, QColor("#ffffff"))
    light.setColor(Role.Text, QColor("#000000"))
    colours = hints_on(qtbot, light).colours
    assert contrast_ratio(colours.text, colours.tint) >= 4.5
    assert contrast_ratio(colours.panel_text, colours.panel) >= 4.5


def test_why_this_matters_takes_its_colours_from_the_palette():
    rules = {line.split("{")[0].strip(): line for line in STYLE_SHEET.split("}") if "{" in line}
    why_button = rules["QPushButton#whyButton"]
    why = rules["QFrame#promptCard QLabel#why"]
    assert "palette(link)" in why_button and "#" not in why_button.split("{")[1]
    assert "palette(alternate-base)" in why and "palette(text)" in why
    assert "#" not in why.split("{")[1]


def test_a_problem_reads_in_red_on_either_palette():
    for palette in (dark_palette(), QPalette(QColor("#efefef"))):
        red = problem_colour(palette)
        assert contrast_ratio(red, palette.color(Role.Window)) >= 4.5
        assert red.red() > red.green()  # still a red
