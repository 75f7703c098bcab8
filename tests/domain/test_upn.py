"""The DfE UPN check letter: made by our own function, checked by it, wrong ones named."""

from __future__ import annotations

import pytest

from scr_reflect.domain.upn import CHECK_LETTERS, check_letter, tidy_upn, upn_problem
from tests.fictional_mis import fictional_upn, with_wrong_letter


def test_a_letter_worked_out_by_hand() -> None:
    # 9x2 + 9x3 + 9x4 + 9x5 + 1x8 + 2x9 + 4x10 + 1x13 = 205; 205 mod 23 = 21: the 22nd
    # letter once I, O and S are left out is Y.
    assert check_letter("999900124001") == "Y"


@pytest.mark.parametrize("serial", [1, 42, 999, 1000, 123456])
def test_a_upn_made_with_its_check_letter_is_valid(serial: int) -> None:
    assert upn_problem(fictional_upn(serial)) is None


def test_a_wrong_check_letter_is_named_with_the_right_one() -> None:
    upn = fictional_upn(7)
    problem = upn_problem(with_wrong_letter(upn))
    assert problem is not None
    assert "check letter is wrong" in problem and problem.endswith(f"be {upn[0]}.")


def test_a_temporary_upn_counts_its_last_letter_by_its_place() -> None:
    body = "99990012401A"
    assert (
        check_letter(body)
        == CHECK_LETTERS[sum(int(d) * w for w, d in enumerate(body[:11], start=2)) % 23]
    )
    assert upn_problem(check_letter(body) + body) is None


@pytest.mark.parametrize("upn", ["", "A12345", "A99990012401I", "AB9990012401A", "A999001240011X"])
def test_a_upn_of_the_wrong_shape_is_a_problem(upn: str) -> None:
    assert upn_problem(upn) is not None


def test_spaces_and_small_letters_are_tidied() -> None:
    upn = fictional_upn(3)
    assert tidy_upn(f" {upn[:4].lower()} {upn[4:]} ") == upn
