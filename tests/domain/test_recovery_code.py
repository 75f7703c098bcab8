"""The recovery code: random, long enough, easy to read out and forgiving to type."""

from __future__ import annotations

import re

import pytest

from scr_reflect.domain import recovery_code
from scr_reflect.domain.recovery_code import ALPHABET, BITS, LENGTH, grouped, new_code, normalised


def test_a_new_code_is_seven_groups_of_four_from_the_unambiguous_alphabet() -> None:
    code = new_code()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}", code), code
    assert not set("ILOU") & set(code)
    assert BITS >= 128 and len(ALPHABET) == 32 and LENGTH == 28


def test_new_codes_differ() -> None:
    assert len({new_code() for _ in range(50)}) == 50


def test_every_character_of_the_alphabet_turns_up() -> None:
    seen = set("".join(new_code() for _ in range(200)).replace("-", ""))
    assert seen == set(ALPHABET)


@pytest.mark.parametrize(
    "typed",
    [
        "K7QH-2M9X-ABCD-EFGH-JKMN-PQRS-TVWX",
        "k7qh-2m9x-abcd-efgh-jkmn-pqrs-tvwx",
        "K7QH 2M9X ABCD EFGH JKMN PQRS TVWX",
        "  K7QH2M9XABCDEFGHJKMNPQRSTVWX \n",
        "K7QH\u20132M9X\u2014ABCD-EFGH_JKMN.PQRS\u00a0TVWX",
    ],
    ids=["as-printed", "lower-case", "spaces", "run-together", "pasted-dashes"],
)
def test_typing_is_forgiving_about_case_spaces_and_dashes(typed: str) -> None:
    assert normalised(typed) == "K7QH2M9XABCDEFGHJKMNPQRSTVWX"


def test_letters_that_look_like_digits_are_read_as_those_digits() -> None:
    assert normalised("O0Il-" + "2" * 24) == "0011" + "2" * 24


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "K7QH-2M9X",
        "K7QH-2M9X-ABCD-EFGH-JKMN-PQRS-TVWX-2",
        "U" * 28,
        "K7QH*2M9XABCDEFGHJKMNPQRSTVW",
    ],
    ids=["empty", "too-short", "too-long", "no-u-in-codes", "stray-symbol"],
)
def test_what_cannot_be_a_code_is_none(typed: str) -> None:
    assert normalised(typed) is None


def test_a_new_code_normalises_to_itself_without_dashes() -> None:
    code = new_code()
    stored = normalised(code)
    assert stored == code.replace("-", "")
    assert grouped(stored) == code
    assert recovery_code.HOW_IT_LOOKS == "7 groups of 4 letters and digits"


def test_the_stored_form_of_what_is_not_a_code_is_refused() -> None:
    assert recovery_code.stored_form("k7qh-2m9x-abcd-efgh-jkmn-pqrs-tvwx") == (
        "K7QH2M9XABCDEFGHJKMNPQRSTVWX"
    )
    with pytest.raises(ValueError, match="not a recovery code"):
        recovery_code.stored_form("K7QH")
