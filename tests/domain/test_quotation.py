"""Whether a child's-words field holds the child's words, or a note about them."""

from __future__ import annotations

import pytest

from scr_reflect.domain.quotation import reads_as_said


@pytest.mark.parametrize(
    "words",
    [
        "I don't want to go home",
        "Mummy said I can't tell",  # the child reporting someone else: still her words
        "They said I owe them now",  # "they" reporting, but "I" is the child speaking
        "He told me I'm not allowed out",
        "He said he's seventeen and he's the only one who gets me",
        "Nothing happened to me",
        "None of your business",
        '"She said no"',  # put in quotation marks by the DSL
    ],
)
def test_the_childs_words_read_as_said(words: str) -> None:
    assert reads_as_said(words, ["Ada Quill", "Ada"])


@pytest.mark.parametrize(
    "words",
    [
        "She said mum shouts at night",
        "Ada told me that she was scared",
        "She told me her dad hit her",
        "He said to me that he was fine",
        "The child would not talk about it",
        "Not asked: she was asleep in class",
        "Refused to speak to anyone",
        "none",
        "",
    ],
)
def test_a_note_about_the_childs_words_does_not(words: str) -> None:
    assert not reads_as_said(words, ["Ada Quill", "Ada"])
