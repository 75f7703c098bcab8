"""Record language: each shipped rule flags its wording with a suggestion and a reason, fine
wording is left alone, and a broken rules file says where it is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_reflect.guidance.record_language import (
    RULES_FILE,
    LanguageFlag,
    RulesError,
    check,
    default_rules,
    load_rules,
    parse_rules,
    rules_path,
)
from scr_reflect.resource_files import resources_dir

# rule id -> (a sentence a DSL might write, the wording the rule should find in it)
EXAMPLES = {
    "was_not_brought": ("Ada DNA'd her CAMHS appointment on 3 March.", "DNA'd"),
    "did_not_attend": ("Ada did not attend her CAMHS appointment.", "did not attend"),
    "putting_themselves_at_risk": ("She keeps putting herself at risk at the flat.", None),
    "risky_behaviour": ("Concerns about risky behaviour at weekends.", "risky behaviour"),
    "promiscuous": ("Staff describe her as promiscuous.", "promiscuous"),
    "sexually_active": ("Bea (14) is sexually active.", "sexually active"),
    "child_prostitution": ("Police called it child prostitution.", "child prostitution"),
    "lifestyle_choice": ("Going to parties is a lifestyle choice.", "lifestyle choice"),
    "parent_account": ("Mum says she was at her aunt's on Friday.", "Mum says"),
    "no_concerns": ("No concerns.", "No concerns"),
    "vague_judgement": ("Presentation appropriate.", "appropriate"),
    "inappropriate": ("He sent her inappropriate messages.", "inappropriate"),
    "engagement": ("The family have disengaged from early help.", "disengaged"),
    "attention_seeking": ("Her crying in class is attention-seeking.", "attention-seeking"),
    "manipulative": ("Tom can be manipulative with staff.", "manipulative"),
    "chaotic": ("Ada comes from a chaotic family.", "chaotic family"),
    "boyfriend": ("She was picked up by her boyfriend (22).", "boyfriend"),
    "historic_abuse": ("She disclosed historic sexual abuse by an uncle.", None),
    "allegedly": ("He allegedly hit her. She allegedly hid in the garden.", "allegedly"),
    "refused": ("Tom refused to take his coat off.", "refused"),
    "non_compliant": ("She is non-compliant with the plan.", "non-compliant"),
    "known_to_services": ("The family are known to services.", "known to services"),
    "absconded": ("He absconded from his placement on Sunday night.", "absconded"),
}

FINE = [
    "Ada's DNA test came back.",
    "The police took a DNA sample.",
    "She was brought to the appointment by her aunt.",
    "Mum says she was at her aunt's; confirmed by the aunt on the phone.",
    "Mum says she will check with the GP.",
    "Dad said she had a cold; the school nurse saw her on Tuesday.",
    "Mum did not attend the core group meeting.",
    "He did not attend school on Monday.",
    "Ada said \"I'm fine, it's OK\" and looked away.",
    "Ada said “Mum says I\N{RIGHT SINGLE QUOTATION MARK}m not allowed to tell” and cried.",
    "Fine motor skills are behind those of her peers.",
    "Referred to the appropriate team, as agreed.",
    "It was appropriate to refer the same day.",
    "No concerns were seen by the class teacher, who checks in with her every morning.",
    "Dressed appropriately for the weather, as seen at the gate by Ms Khan.",
    "Her boyfriend (15) is in Year 10.",
    "Her boyfriend, aged 14, walks her home.",
    "He allegedly hit her with a belt.",
    "The alleged incident was reported to the police.",
    "Dad refused consent for the referral.",
    "The referral was refused by the front door.",
    "She is known to the school nurse and to CAMHS since May.",
    "Historically the family lived in Leeds.",
    "DNAse, adna, okapi, bookings, fineness, appropriateness, unrefused.",
    "She has a fine singing voice and sang in assembly, seen by the whole school.",
]


def test_every_shipped_rule_has_an_example_and_every_example_a_rule():
    assert {rule.id for rule in default_rules().rules} == set(EXAMPLES)
    assert len(default_rules().rules) >= 20


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_each_rule_flags_its_wording_with_a_suggestion_and_a_reason(rule_id):
    sentence, found = EXAMPLES[rule_id]
    rule = default_rules().rule(rule_id)
    flags = [flag for flag in check(sentence) if flag.rule == rule_id]
    assert flags, sentence
    flag = flags[0]
    assert sentence[flag.start : flag.end] == flag.found
    if found is not None:
        assert flag.found == found
    assert flag.suggestion == rule.suggestion and flag.reason == rule.reason
    # Shown as “found” → suggestion (reason): lower-case starts, no brackets, no full stop.
    for text in (flag.suggestion, flag.reason):
        assert text[0].islower() or text[0] == "'", text
        assert not text.endswith(".") and "(" not in text and ")" not in text, text


def test_the_rules_the_brief_names_give_the_better_wording():
    def suggestion(text: str) -> str:
        return check(text)[0].suggestion

    assert suggestion("Did not attend dentist.").startswith("was not brought")
    assert suggestion("She put herself at risk.").startswith("describe what happened to the child")
    assert "checked" in suggestion("Mother stated he was asleep by eight.")
    assert "checked" in suggestion("Parent reports no problems at home.")
    assert "adult male aged X" in suggestion("Her boyfriend collects her.")
    assert suggestion("Historic abuse was disclosed.").startswith("non-recent abuse")
    assert "which services" in suggestion("Known to services.")
    assert suggestion("Ada is uncooperative in PE.").startswith("for a child, say what was asked")


@pytest.mark.parametrize("sentence", FINE)
def test_fine_wording_is_not_flagged(sentence):
    assert check(sentence) == []


def test_matching_ignores_case_spacing_hyphens_and_curly_apostrophes():
    didnt = "Didn\N{RIGHT SINGLE QUOTATION MARK}t attend"
    found = [flag.found for flag in check(f"dna. Risk taking. Mum\nsays so. {didnt}.")]
    assert found == ["dna", "Risk taking", "Mum\nsays", didnt]


def test_a_parents_account_stands_down_when_anything_in_the_text_checks_it():
    text = "Mum says Ada was at her aunt's.\nAttendance records show she was in school."
    assert check(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Mum DNA'd the dentist for Ada.", ["DNA'd"]),
        ("Dad DNA'd. Mum DNAs too.", ["DNA'd", "DNAs"]),
        ("The family DNA the clinic every time.", ["DNA"]),
        ("Mum did not attend the dentist with Ada.", []),
        ("Mum says Ada DNA'd school.", ["Mum says"]),
        ("Ada did not attend the dentist; mum says she forgot.", ["did not attend", "mum says"]),
    ],
)
def test_who_comes_before_the_abbreviation_never_excuses_it(text, flagged):
    assert [flag.found for flag in check(text)] == flagged


def test_basis_must_be_in_the_same_sentence():
    flags = check("No concerns. Seen by the class teacher every day.")
    assert [flag.rule for flag in flags] == ["no_concerns"]


def test_allegedly_once_is_fine_twice_is_flagged_each_time():
    assert check("She allegedly took it.") == []
    assert [flag.start for flag in check("She allegedly took it; he allegedly saw.")] == [4, 26]


def test_flags_come_in_text_order_with_exact_spans():
    text = "Chaotic home. Ada DNA'd twice."
    assert check(text) == [
        LanguageFlag(0, 12, "Chaotic home", *_words("chaotic"), "chaotic"),
        LanguageFlag(18, 23, "DNA'd", *_words("was_not_brought"), "was_not_brought"),
    ]


def _words(rule_id: str) -> tuple[str, str]:
    rule = default_rules().rule(rule_id)
    return rule.suggestion, rule.reason


def test_the_shipped_file_is_where_the_resources_are_and_loads_once():
    assert rules_path() == resources_dir() / RULES_FILE
    assert default_rules() is default_rules()


# The loader -------------------------------------------------------------------------------

GOOD_RULE = """
[[rule]]
id = "tiny"
phrases = ["tiny"]
suggestion = "small"
reason = "plainer"
"""


def write(tmp_path: Path, text: str, name: str = "rules.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(RulesError) as caught:
        load_rules(write(tmp_path, text))
    return str(caught.value)


def test_broken_toml_names_the_file_and_line(tmp_path):
    message = load_error(tmp_path, GOOD_RULE + 'suggestion = "twice"\n')
    assert "rules.toml, line 7: not valid TOML" in message


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(RulesError, match="rules file is missing"):
        load_rules(tmp_path / "nowhere.toml")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('phrases = ["tiny"]', 'phrase = ["tiny"]'),
            "unknown key 'phrase' (did you mean 'phrases'?)",
        ),
        (('suggestion = "small"', ""), "'suggestion' must be non-empty text"),
        (('reason = "plainer"', 'reason = "  "'), "'reason' must be non-empty text"),
        (('phrases = ["tiny"]', "phrases = []"), "'phrases' must be a non-empty list of text"),
        (('phrases = ["tiny"]', 'phrases = ["{tiny"]'), "without a closing '}'"),
        (('phrases = ["tiny"]', 'phrases = ["tiny|wee"]'), "'|' outside"),
        (('phrases = ["tiny"]', 'phrases = ["{tiny}"]'), "write choices as {a|b}"),
        (('id = "tiny"', 'id = "Tiny rule"'), "'id' must be lower-case letters"),
        (('reason = "plainer"', 'reason = "plainer"\nunless = "nope"'), "'unless' must name"),
        (('reason = "plainer"', 'reason = "plainer"\nscope = "page"'), "'scope' must be one of"),
        (('reason = "plainer"', 'reason = "plainer"\nmin_count = 0'), "'min_count' must be"),
        (('reason = "plainer"', 'reason = "plainer"\nnot_before = "x"'), "'not_before' must be"),
    ],
)
def test_a_bad_rule_names_the_file_line_rule_and_problem(tmp_path, change, expected):
    text = "# local rules\n" + GOOD_RULE.replace(*change)
    message = load_error(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'rules.toml'}, line 3: rule 1")
    assert expected in message


def test_a_repeated_id_names_both_rules(tmp_path):
    message = load_error(tmp_path, GOOD_RULE + GOOD_RULE)
    assert "line 8: rule 2 (tiny): id 'tiny' is already used by" in message
    assert "line 2: rule 1 (tiny)" in message


def test_bad_cues_and_top_level_keys_are_named(tmp_path):
    assert "unknown top-level key 'rules'" in load_error(tmp_path, "[[rules]]\nid = 'x'\n")
    message = load_error(tmp_path, '[cues]\nbasis = ["{seen"]\n')
    assert "cue list 'basis'" in message and "without a closing" in message


def test_a_partnership_file_adds_cues_and_replaces_a_rule_by_id(tmp_path):
    local = write(
        tmp_path,
        '[cues]\ncorroboration = ["phoned the aunt"]\n'
        '[[rule]]\nid = "boyfriend"\nphrases = ["bf"]\nsuggestion = "s"\nreason = "r"\n'
        + GOOD_RULE,
    )
    rules = load_rules(rules_path(), local)
    assert len(rules.rules) == len(default_rules().rules) + 1
    assert rules.rule("boyfriend").phrases == ("bf",)
    assert check("Mum says so; phoned the aunt.", rules) == []
    assert [f.rule for f in check("Her bf is tiny.", rules)] == ["boyfriend", "tiny"]


def test_parse_rules_takes_parsed_data():
    rules = parse_rules(
        {
            "cues": {"seen": ["seen"]},
            "rule": [
                {"id": "ok", "phrases": ["ok"], "suggestion": "s", "reason": "r", "unless": "seen"}
            ],
        }
    )
    assert [f.found for f in check("OK. OK, seen.", rules)] == ["OK"]
