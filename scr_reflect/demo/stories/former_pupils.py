"""Demo stories: former pupils whose records have reached their review date (date of birth + 25
years), so the retention review has something to show. Every person and event here is invented.
"""

from __future__ import annotations

from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
from .spec import ATTENDANCE, HEAD_OF_YEAR, TUTOR, ChildSpec, concern, entry

# Turned 25 about five months ago; nothing keeps the records longer. The DSL decides.
TOBIAS = ChildSpec(
    full_name="Tobias Wrenfield-Acheson",
    age=25,
    birthday_in_days=200,
    tutor_letter="",
    former_pupil=True,
    upn_serial=901,
    household="When on roll: lived with grandmother, who was his kinship carer.",
    events=(
        concern(
            3700,
            ATTENDANCE,
            (C.NEGLECT,),
            "Tobias has missed eleven days this half term. When in school he has no lunch and "
            "the same uniform each day.",
            action="DSL phoned grandmother, who said she was struggling after a fall. Breakfast "
            "club place and uniform from the school's store arranged.",
            status=S.CLOSED,
            outcome="Early help assessment with grandmother's agreement; attendance back to 96% "
            "by the end of term.",
            at="09:20",
        ),
        entry(
            K.MEETING,
            3660,
            "Early help review",
            "Grandmother has a carer's assessment booked. Tobias says things at home are better.",
        ),
        concern(
            3470,
            TUTOR,
            (C.MENTAL_HEALTH,),
            "Tobias told his tutor he has not been sleeping and feels there is no point in "
            "revising for his exams.",
            words="I just can't see the point any more.",
            action="DSL saw Tobias the same morning; no plans to harm himself. Grandmother told. "
            "GP appointment and the school counsellor arranged.",
            status=S.CLOSED,
            outcome="Counselling for six weeks; Tobias said it helped. Sat his exams.",
        ),
        entry(
            K.NOTE,
            3380,
            "Left the school after his GCSEs",
            "Went on to the local further education college. This school keeps his file as the "
            "last school he attended.",
        ),
    ),
)

# Past the review date too, but an inquiry has asked for every record to be kept.
MARNIE = ChildSpec(
    full_name="Marnie Ellery-Quist",
    age=25,
    birthday_in_days=320,
    tutor_letter="",
    former_pupil=True,
    upn_serial=902,
    household="When on roll: lived with mother and stepfather.",
    events=(
        concern(
            3300,
            HEAD_OF_YEAR,
            (C.SEXUAL_EXPLOITATION,),
            "Marnie was seen being collected from school by an adult man who is not family. "
            "She had a new phone and said a friend's brother bought it.",
            action="Referral to children's social care and the police exploitation team; "
            "mother told.",
            status=S.CLOSED,
            outcome="Strategy discussion; Marnie was supported by the exploitation team until "
            "she left school.",
            at="15:40",
        ),
        entry(
            K.CONTACT,
            3290,
            "Exploitation team",
            "A youth worker will see Marnie weekly in school.",
        ),
    ),
    hold_reason=(
        "The partnership's review of the former youth project has asked every school to keep "
        "the records of children who attended it until the review reports. Look again when it "
        "does."
    ),
)

STORIES = (TOBIAS, MARNIE)
