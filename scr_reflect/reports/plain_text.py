"""Typed text with no mark-up, set in lines as a Paragraph sets it but for far less work.

A chronology has hundreds of cells of plain typed text under a bold title. A reportlab Paragraph
parses mark-up, measures each word fragment by fragment and draws fragment by fragment: most of
the time a long chronology took to build. Here each run of text is broken into lines once per
width, by the Paragraph's own rules (its whitespace, lines filled word by word, a word wider
than the column cut by characters), and each line is drawn as one string.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import split

# A font and the text set in it; each run starts a line, as after a <br/>.
Run = tuple[str, str]
# What a Paragraph sets its own way (a soft hyphen may end a line with a hyphen, a zero-width
# space shows as a space): text holding either is left to a Paragraph.
PARAGRAPH_ONLY = ("\xad", "\u200b")
# A line: its font, its text and the word spacing that fits it (0 for most).
Line = tuple[str, str, float]


def plain_enough(runs: Sequence[Run]) -> bool:
    return not any(odd in value for _, value in runs for odd in PARAGRAPH_ONLY)


class Widths:
    """Widths of words at one size, each measured once: the cells of one table share them,
    as typed text uses the same words again and again. Kept no longer than the table."""

    def __init__(self, size: float) -> None:
        self.size = size
        self._known: dict[tuple[str, str], float] = {}

    def __call__(self, text: str, font: str) -> float:
        wide = self._known.get((font, text))
        if wide is None:
            wide = self._known[font, text] = stringWidth(text, font, self.size)
        return wide


class PlainText(Flowable):
    """Runs of plain text, one after another, left aligned with a fixed leading."""

    def __init__(self, runs: Sequence[Run], widths: Widths, leading: float) -> None:
        super().__init__()
        self._runs = tuple(runs)
        self._widths, self._size, self._leading = widths, widths.size, leading
        self._lines: list[Line] = []
        self._broken_for: float | None = None

    def _set_lines(self, lines: list[Line], width: float) -> PlainText:
        self._lines, self._broken_for = lines, width
        return self

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._broken_for != availWidth:
            lines = [line for run in self._runs for line in _lines(run, self._widths, availWidth)]
            # No line at all when there is no text, as a Paragraph of nothing has none.
            self._set_lines(lines if any(text for _, text, _ in lines) else [], availWidth)
        self.width, self.height = availWidth, len(self._lines) * self._leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """As a Paragraph splits: the lines as last broken (a table splitting a row asks
        with its column's width, not the width inside its padding), and never one line
        alone at the foot (no orphans)."""
        if self._broken_for is None:
            self.wrap(availWidth, availHeight)
        width = self._broken_for or availWidth
        fits = int(availHeight / self._leading)
        if fits <= 1:
            return []
        if len(self._lines) <= fits:
            return [self]
        return [self._part(self._lines[:fits], width), self._part(self._lines[fits:], width)]

    def _part(self, lines: list[Line], width: float) -> PlainText:
        # Its lines as runs too, so that at another width it still holds all its text.
        runs = [(font, line) for font, line, _ in lines]
        return PlainText(runs, self._widths, self._leading)._set_lines(lines, width)

    def draw(self) -> None:
        text = self.canv.beginText(0, self.height - self._size)
        face = None
        for font, line, word_space in self._lines:
            if font != face:
                text.setFont(font, self._size, self._leading)
                face = font
            if word_space:
                text.setWordSpace(word_space)
            text.textLine(line)
            if word_space:
                text.setWordSpace(0)
        self.canv.drawText(text)


def _lines(run: Run, widths: Widths, width: float) -> list[Line]:
    """A run broken at its line breaks, then into lines that fit the width."""
    font, value = run
    space = widths(" ", font)
    squeeze = rl_config.spaceShrinkage * space  # a line may be that much tighter per space
    lines: list[Line] = []
    for typed in value.strip().splitlines() or [""]:
        words: list[str] = []
        used = 0.0
        for word in split(typed):
            if not word:
                continue
            wide = widths(word, font)
            gap = space if words else 0.0
            if not wide or used + gap + wide <= width + squeeze * len(words):
                words.append(word)
                used += gap + wide if wide else 0.0  # a lone accent takes no room, nor its space
                continue
            if wide > width:  # a long word's first piece fills the line, the rest their own
                first, *middle, word = _cut(word, font, widths, width - used - gap, width)
                if first:
                    words.append(first)
                    used += gap + widths(first, font)
                lines.append(_line(font, words, used, width))
                lines += [_line(font, [p], widths(p, font), width) for p in middle]
                wide = widths(word, font)
            else:
                lines.append(_line(font, words, used, width))
            words, used = [word], wide
        lines.append(_line(font, words, used, width))
    return lines


def _line(font: str, words: list[str], used: float, width: float) -> Line:
    """A line and the word spacing that squeezes it into the width if it is a little over."""
    text = " ".join(words)
    spaces = len(words) + text.count("\xa0") - 1
    over = used - width
    return font, text, -over / spaces if over > 1e-8 and spaces > 0 else 0.0


def _cut(word: str, font: str, widths: Widths, room: float, width: float) -> list[str]:
    """A word too wide for a line cut into pieces: the first fills the room left on the
    line (it may be empty), each of the others a whole line."""
    pieces: list[str] = []
    piece, used = "", 0.0
    for char in word:
        wide = widths(char, font)
        if used + wide > room and (piece or wide <= width):
            pieces.append(piece)
            piece, used, room = "", 0.0, width
        piece += char
        used += wide
    return [*pieces, piece]
