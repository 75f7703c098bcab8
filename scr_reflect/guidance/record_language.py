"""Check the DSL's own wording: flag vague, judgemental or victim-blaming phrases, suggest better.

The rules are data (resources/record_language.toml), so a partnership can add or replace
rules without touching code. Each rule has phrases written in a small, forgiving notation:

    {a|b|c}   one of the choices; an empty choice makes the part optional: "historic{|al}"
    a space   any run of spaces or line breaks
    -         a hyphen, a space or nothing: "non-compliant" also finds "non compliant"
    '         a straight or curly apostrophe

Phrases match whole words, ignoring case. Text inside double quotation marks is someone's
own words and is never flagged. A rule can stand down when the phrase comes straight
before or after certain words ("DNA test"; "mum did not attend"), when a cue list has a
match in the same sentence or text ("mum says…; confirmed by the GP"), or until the phrase
has been used a number of times ("allegedly"). The check is a suggestion: it never blocks.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..resource_files import resource

RULES_FILE = "record_language.toml"
SCOPES = ("sentence", "text")
RULE_KEYS = (
    "id",
    "phrases",
    "suggestion",
    "reason",
    "not_after",
    "not_before",
    "unless",
    "scope",
    "min_count",
)

# Not in the middle of a word: the same test serves before and after a phrase.
_EDGE = r"(?!(?<=\w)\w)"
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_SENTENCE_END = re.compile(r"[.!?\n]")
_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_LOOK_BACK = 60
_APOSTROPHES = "'\N{RIGHT SINGLE QUOTATION MARK}"
_HYPHENS = "\N{HYPHEN}\N{NON-BREAKING HYPHEN}"
_DASHES = "\N{EN DASH}\N{EM DASH}"


class RulesError(ValueError):
    """The rules file cannot be used; the message names the file, line and rule."""


@dataclass(frozen=True, slots=True)
class LanguageFlag:
    start: int  # index into the checked text (Python characters)
    end: int
    found: str  # the text as written
    suggestion: str
    reason: str
    rule: str = ""  # the rule's id


@dataclass(frozen=True, slots=True)
class LanguageRule:
    id: str
    phrases: tuple[str, ...]
    suggestion: str
    reason: str
    pattern: re.Pattern[str]
    not_after: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    scope: str = "sentence"
    min_count: int = 1


@dataclass(frozen=True, slots=True)
class LanguageRules:
    rules: tuple[LanguageRule, ...]
    cues: Mapping[str, tuple[str, ...]]

    def rule(self, rule_id: str) -> LanguageRule:
        return next(rule for rule in self.rules if rule.id == rule_id)


# Checking --------------------------------------------------------------------------------


def check(text: str, rules: LanguageRules | None = None) -> list[LanguageFlag]:
    """Every flagged phrase in text, in order. Pure given the rules; the shipped ones by default."""
    rules = rules if rules is not None else default_rules()
    quoted = [match.span() for match in _QUOTED.finditer(text)]
    flags: list[LanguageFlag] = []
    for rule in rules.rules:
        found = [m for m in rule.pattern.finditer(text) if _stands(rule, text, m, quoted)]
        if len(found) >= rule.min_count:
            flags.extend(
                LanguageFlag(m.start(), m.end(), m.group(), rule.suggestion, rule.reason, rule.id)
                for m in found
            )
    return sorted(flags, key=lambda flag: (flag.start, -flag.end, flag.rule))


def _stands(
    rule: LanguageRule, text: str, match: re.Match[str], quoted: list[tuple[int, int]]
) -> bool:
    start, end = match.span()
    if any(q_start <= start and end <= q_end for q_start, q_end in quoted):
        return False
    if rule.not_before is not None and rule.not_before.match(text, end):
        return False
    if rule.not_after is not None and rule.not_after.search(
        text[max(0, start - _LOOK_BACK) : start]
    ):
        return False
    if rule.unless is not None:
        where = text if rule.scope == "text" else _sentence_around(text, start, end)
        if rule.unless.search(where):
            return False
    return True


def _sentence_around(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


# Phrases ---------------------------------------------------------------------------------


def phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase; ValueError says what is wrong with it."""
    text, parts, i = phrase.strip(), [], 0
    if not text:
        raise ValueError("a phrase is empty")
    while i < len(text):
        if text[i] == "{":
            close = text.find("}", i)
            if close < 0:
                raise ValueError(f"'{{' without a closing '}}' in {phrase!r}")
            options = text[i + 1 : close].split("|")
            if "{" in text[i + 1 : close] or len(options) < 2:
                raise ValueError(f"write choices as {{a|b}}, without braces inside, in {phrase!r}")
            choices = sorted(options, key=len, reverse=True)
            parts.append("(?:" + "|".join(_literal(option) for option in choices) + ")")
            i = close + 1
        elif text[i] in "}|":
            raise ValueError(f"'{text[i]}' outside {{…}} in {phrase!r}")
        else:
            j = i
            while j < len(text) and text[j] not in "{}|":
                j += 1
            parts.append(_literal(text[i:j]))
            i = j
    return _EDGE + "".join(parts) + _EDGE


def _literal(text: str) -> str:
    out, previous_space = [], False
    for char in text:
        if char.isspace():
            if not previous_space:
                out.append(r"\s+")
            previous_space = True
            continue
        previous_space = False
        if char in _APOSTROPHES:
            out.append(f"[{_APOSTROPHES}]")
        elif char == "-":
            out.append(rf"[-{_HYPHENS}\s]?")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _alternatives(phrases: Sequence[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(phrase_pattern(phrase) for phrase in ordered) + ")"


# Loading ---------------------------------------------------------------------------------


def rules_path() -> Path:
    """The shipped rules, in the resources folder."""
    return resource(RULES_FILE)


@cache
def default_rules() -> LanguageRules:
    """The shipped rules, loaded once per process."""
    return load_rules(rules_path())


def load_rules(*paths: Path) -> LanguageRules:
    """Load rule files in order: a later file's cues add to earlier ones, and its rule with
    an existing id replaces that rule (a partnership's own file after the shipped one)."""
    cues: dict[str, list[str]] = {}
    specs: dict[str, dict[str, Any]] = {}
    for path in paths:
        text = _read(path)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise RulesError(_decode_message(path, str(error))) from error
        file_cues, file_specs = _parse_file(data, str(path), _rule_lines(text), set(cues))
        for name, phrases in file_cues.items():
            cues.setdefault(name, []).extend(phrases)
        for raw in file_specs:
            specs[raw["id"]] = raw
    frozen = {name: tuple(phrases) for name, phrases in cues.items()}
    return LanguageRules(tuple(_compile(spec, frozen) for spec in specs.values()), frozen)


def parse_rules(data: dict[str, Any], where: str = "rules") -> LanguageRules:
    """Rules from already-parsed TOML (for tests and tools)."""
    cues, specs = _parse_file(data, where, [], set())
    frozen = {name: tuple(phrases) for name, phrases in cues.items()}
    return LanguageRules(tuple(_compile(spec, frozen) for spec in specs), frozen)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise RulesError(f"{path}: the record language rules file is missing.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(f"{path}: the record language rules file cannot be read.") from error


def _parse_file(
    data: dict[str, Any], where: str, lines: Sequence[int], known_cues: set[str]
) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    unknown = sorted(set(data) - {"cues", "rule"})
    if unknown:
        raise RulesError(f"{where}: unknown top-level key {unknown[0]!r} (expected cues, rule).")
    raw_cues = data.get("cues", {})
    if not isinstance(raw_cues, dict):
        raise RulesError(f'{where}: write cue lists under [cues], as name = ["…", …].')
    cues = {
        name: _phrases(value, f"{where}: cue list {name!r}") for name, value in raw_cues.items()
    }
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RulesError(f"{where}: write each rule as a [[rule]] table.")
    specs: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(raw_rules, 1):
        line = f", line {lines[number - 1]}" if number <= len(lines) else ""
        place = f"{where}{line}: rule {number}"
        if not isinstance(raw, dict):
            raise RulesError(f"{place} is not a table.")
        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z0-9_]+", rule_id):
            raise RulesError(f"{place}: 'id' must be lower-case letters, digits and _.")
        place = f"{place} ({rule_id})"
        if rule_id in seen:
            raise RulesError(f"{place}: id {rule_id!r} is already used by {seen[rule_id]}.")
        seen[rule_id] = place
        _check_rule(raw, place, known_cues | set(cues))
        specs.append(raw)
    return cues, specs


def _check_rule(raw: dict[str, Any], place: str, cue_names: set[str]) -> None:
    for key in raw:
        if key not in RULE_KEYS:
            close = difflib.get_close_matches(key, RULE_KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise RulesError(f"{place}: unknown key {key!r}{hint}.")
    _phrases(raw.get("phrases"), f"{place}: 'phrases'")
    for key in ("suggestion", "reason"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise RulesError(f"{place}: {key!r} must be non-empty text.")
    for key in ("not_after", "not_before"):
        if key in raw:
            _phrases(raw[key], f"{place}: {key!r}")
    unless = raw.get("unless")
    if unless is not None and (not isinstance(unless, str) or unless not in cue_names):
        known = ", ".join(sorted(cue_names)) or "none defined"
        raise RulesError(f"{place}: 'unless' must name a cue list under [cues] ({known}).")
    if raw.get("scope", "sentence") not in SCOPES:
        raise RulesError(f"{place}: 'scope' must be one of {', '.join(SCOPES)}.")
    count = raw.get("min_count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 20:
        raise RulesError(f"{place}: 'min_count' must be a whole number from 1 to 20.")


def _phrases(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise RulesError(f"{what} must be a non-empty list of text.")
    for phrase in value:
        try:
            phrase_pattern(phrase)
        except ValueError as error:
            raise RulesError(f"{what}: {error}.") from error
    return [phrase.strip() for phrase in value]


def _compile(raw: dict[str, Any], cues: Mapping[str, tuple[str, ...]]) -> LanguageRule:
    flags = re.IGNORECASE
    after = raw.get("not_after")
    before = raw.get("not_before")
    unless = raw.get("unless")
    return LanguageRule(
        id=raw["id"],
        phrases=tuple(p.strip() for p in raw["phrases"]),
        suggestion=raw["suggestion"].strip(),
        reason=raw["reason"].strip(),
        pattern=re.compile(_alternatives(raw["phrases"]), flags),
        not_after=re.compile(_alternatives(after) + r"[\s,]*\Z", flags) if after else None,
        not_before=re.compile(rf"[\s\-{_DASHES}]*" + _alternatives(before), flags)
        if before
        else None,
        unless=re.compile(_alternatives(cues[unless]), flags) if unless else None,
        scope=raw.get("scope", "sentence"),
        min_count=raw.get("min_count", 1),
    )


def _decode_message(path: Path, message: str) -> str:
    found = _AT_LINE.search(message)
    if found is None:
        return f"{path}: not valid TOML ({message})."
    return (
        f"{path}, line {found[1]}: not valid TOML ({message[: found.start()]}, column {found[2]})."
    )


def _rule_lines(text: str) -> list[int]:
    header = re.compile(r"^\s*\[\[\s*rule\s*\]\]")
    return [number for number, line in enumerate(text.splitlines(), 1) if header.match(line)]
