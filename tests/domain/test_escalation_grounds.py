"""A new escalation's grounds, drafted from what is recorded, and where one stands in words.
Every name is fictional."""

from __future__ import annotations

from datetime import date, datetime

from scr_reflect.domain.escalation_grounds import decisions_to_offer, grounds_draft
from scr_reflect.domain.escalation_procedure import EscalationProcedure, Stage
from scr_reflect.domain.escalation_standing import challenge_line
from scr_reflect.domain.missing import InterviewOffer, MissingEpisode, with_interview_dates
from scr_reflect.domain.referrals import Agency, Escalation, Referral, ReferralOutcome

NOW = datetime(2026, 11, 20, 9, 30)
PROCEDURE = EscalationProcedure("Fictional partnership", (Stage("first", "Stage 1", "Worker", 2),))


def referral(referral_id: int, day: int, outcome: ReferralOutcome) -> Referral:
    made = datetime(2026, 10, day, 10)
    return Referral(
        7, made, Agency.CHILDRENS_SOCIAL_CARE, "Assessment", outcome, "No", made, referral_id
    )


def test_only_decisions_not_to_act_are_offered_and_the_chosen_one_is_ticked() -> None:
    found = [
        referral(2, 9, ReferralOutcome.NO_FURTHER_ACTION),
        referral(1, 2, ReferralOutcome.THRESHOLD_NOT_MET),
        referral(3, 12, ReferralOutcome.ASSESSMENT),
    ]
    offered = decisions_to_offer(found, challenged={1, 2}, chosen=2)
    assert [(o.referral.id, o.ticked) for o in offered] == [(1, False), (2, True)]


def test_each_return_home_interview_is_said_as_it_stands() -> None:
    back = datetime(2026, 11, 1, 20)
    on_time = MissingEpisode(7, datetime(2026, 11, 1, 8), back)
    late = MissingEpisode(7, datetime(2026, 11, 5, 8), back.replace(day=5))
    episodes = [
        with_interview_dates(on_time, date(2026, 11, 2), date(2026, 11, 2)),
        with_interview_dates(late, date(2026, 11, 11), date(2026, 11, 12)),
        MissingEpisode(
            7,
            datetime(2026, 11, 15, 8),
            back.replace(day=15),
            interview_offer=InterviewOffer.NOT_OFFERED,
        ),
        MissingEpisode(7, datetime(2026, 11, 19, 8), datetime(2026, 11, 19, 20)),
        MissingEpisode(7, datetime(2026, 11, 20, 7)),
    ]
    draft = grounds_draft(
        [referral(1, 2, ReferralOutcome.THRESHOLD_NOT_MET)], [], [], episodes, [], NOW
    )
    assert "5 missing episodes" in draft
    assert "return home interview: offered 02/11/2026, held 02/11/2026." in draft
    assert "offered 11/11/2026, held 12/11/2026 (not within 72 hours)" in draft
    assert "return home interview: not offered (not within 72 hours)" in draft
    assert "return home interview: not known whether offered." in draft  # 72 hours not yet up
    assert "still missing" in draft


def test_nothing_recorded_leaves_the_school_to_say_what_it_knows() -> None:
    draft = grounds_draft([referral(1, 2, ReferralOutcome.THRESHOLD_NOT_MET)], [], [], [], [], NOW)
    assert draft.splitlines()[-1] == "• (Nothing else is recorded yet: say what the school knows.)"


def test_an_escalation_with_no_step_yet_and_a_concluded_one() -> None:
    decided = [referral(1, 2, ReferralOutcome.THRESHOLD_NOT_MET)]
    started = Escalation(7, 1, date(2026, 11, 3), "Why", "A strategy discussion")
    assert challenge_line(started, [], decided, PROCEDURE, NOW.date()).endswith(
        "under way since 03/11/2026. No one contacted yet under the local procedure."
    )
    done = Escalation(7, 1, date(2026, 11, 3), "Why", "Ask", date(2026, 11, 9), "Panel  agreed")
    assert challenge_line(done, [], decided, PROCEDURE, NOW.date()) == (
        "Escalation of 'Threshold not met' from children's social care (referral of "
        "02/10/2026): concluded 09/11/2026. Outcome: Panel agreed"
    )
