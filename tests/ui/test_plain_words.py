"""Screens speak of 'your records', never of 'the store', and not of cipher names."""

from __future__ import annotations

import ast
from pathlib import Path

import scr_reflect.ui

UI = Path(scr_reflect.ui.__file__).parent
NOT_ON_SCREEN = ("AES-256", " store", "Store ", "store.")


def shown_strings(source: str) -> list[tuple[int, str]]:
    """String constants in the code, leaving out docstrings (which no screen shows)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_screen_text_names_the_store_or_the_cipher():
    found = [
        f"{path.name}:{line}: {text!r}"
        for path in sorted(UI.rglob("*.py"))
        for line, text in shown_strings(path.read_text(encoding="utf-8"))
        if any(word in text for word in NOT_ON_SCREEN)
    ]
    assert found == []
