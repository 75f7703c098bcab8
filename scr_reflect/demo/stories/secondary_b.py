"""Demo stories, secondary phase (part two). Every person and event here is invented."""

from __future__ import annotations

from ...domain.enums import Category as C
from ...domain.enums import ConcernStatus as S
from ...domain.enums import EntryKind as K
from ...domain.factors import Factor as F
from ...domain.referrals import Agency, ReferralOutcome
from ...domain.sharing import LawfulBasis
from .records_spec import FactorSpec, ReferralSpec, SharingSpec
from .spec import (
    DSL,
    HEAD_OF_YEAR,
    NURSE,
    PASTORAL,
    PE_TEACHER,
    TUTOR,
    ChildSpec,
    action,
    concern,
    entry,
)

# Sexual extortion of a boy met through a game.
OLLIE = ChildSpec(
    full_name="Oliver Pennington-Achebe",
    preferred_name="Ollie",
    age=13,
    birthday_in_days=190,
    tutor_letter="M",
    upn_serial=203,
    household="Lives with both parents and a younger sister. Plays online games most evenings.",
    events=(
        concern(
            18,
            PASTORAL,
            (C.ONLINE_HARM, C.SEXUAL_EXPLOITATION),
            "Ollie came to the pastoral office in tears. Someone he met through an online "
            "game, who he believed was a girl his age, persuaded him to send an intimate image "
            "and is now demanding money and threatening to send it to his contacts.",
            words="I've ruined my whole life. Please don't tell my dad.",
            action="Told Ollie he is not in trouble. The image was not viewed. Advised him not "
            "to pay and not to delete the messages. Parents told with Ollie present. Police "
            "called and a report made to CEOP. Explained how to ask for the image to be "
            "removed.",
            status=S.REFERRED,
            at="12:20",
        ),
        entry(
            K.CONTACT,
            17,
            "Police visit",
            "Officer took Ollie's account at home with his parents. The account on the game "
            "has been reported and suspended.",
        ),
        SharingSpec(
            17,
            False,
            "All staff who teach Ollie",
            "What happened online and the police report",
            "Ollie asked that as few people as possible know. His form tutor and head of year "
            "know enough to support him; his teachers are asked only to tell the pastoral team "
            "if they notice a change in him.",
            LawfulBasis.PUBLIC_TASK,
            at="09:15",
        ),
        entry(
            K.NOTE,
            10,
            "Wellbeing check",
            "Ollie says he is sleeping better. He asked that his friends are not told. Form "
            "tutor and head of year are aware on a need-to-know basis only.",
        ),
        action(-2, "Check that Ollie has been offered school counselling", HEAD_OF_YEAR),
    ),
)

# Radicalisation: extreme right-wing material, Prevent and Channel.
CONNOR = ChildSpec(
    full_name="Connor Ashdown-Price",
    age=15,
    birthday_in_days=30,
    tutor_letter="L",
    upn_serial=204,
    household="Lives with father and grandfather. Mother lives in Spain; contact by video.",
    events=(
        concern(
            140,
            "Mr Halloran (RE teacher)",
            (C.RADICALISATION,),
            "Connor shared images and slogans from an extreme right-wing group in a class "
            "group chat and said in a lesson that 'certain people' should be 'sent back'. "
            "Other pupils were upset.",
            action="DSL and head of year met Connor; he said he found the material online "
            "and 'it's just banter'. Father met the same week. DSL sought advice from the "
            "local authority Prevent lead.",
            status=S.REFERRED,
        ),
        entry(
            K.CONTACT,
            138,
            "Advice from the Prevent lead",
            "Prevent lead advised a referral given the group's material and Connor's time "
            "spent on the same forums after school.",
        ),
        ReferralSpec(
            135,
            Agency.POLICE,
            "A Prevent referral on the local form, with father's knowledge: extreme right-wing "
            "material shared with pupils and time spent on the same forums after school.",
            ReferralOutcome.OTHER,
            "Channel panel accepted the case. Connor and his father agreed to work with an "
            "intervention provider. School to continue citizenship work and keep watch.",
            heard_back_days_ago=110,
            at="11:00",
        ),
        entry(
            K.NOTE,
            40,
            "Progress",
            "Intervention provider reports good engagement. Connor has joined the debating "
            "club and says he 'got sucked in' to the forums when he was lonely.",
        ),
        action(25, "Give feedback to the Channel panel review", DSL),
    ),
)

# Self-harm, a safety plan, and an overdose disclosed by a friend.
FREYA = ChildSpec(
    full_name="Freya Lindqvist-Moore",
    age=14,
    birthday_in_days=260,
    tutor_letter="M",
    upn_serial=205,
    household="Lives with mother. Father moved out last year; Freya sees him on Sundays.",
    events=(
        FactorSpec(F.PARENTAL_SEPARATION, 330, "Mother, at parents' evening"),
        concern(
            95,
            PE_TEACHER,
            (C.MENTAL_HEALTH,),
            "In PE Freya's sleeve rode up and several healing cuts were visible on her left "
            "forearm. She pulled her sleeve down quickly.",
            words="It's just when everything gets too loud in my head. I'm not trying to die.",
            action="School nurse checked the cuts: clean and healing. DSL and Freya wrote a "
            "safety plan together. Mother told the same day with Freya's knowledge. GP "
            "appointment made to refer to CAMHS.",
            at="11:45",
        ),
        ReferralSpec(
            90,
            Agency.HEALTH,
            "A CAMHS assessment, through Freya's GP with her and her mother's agreement: "
            "repeated self-harm, with a safety plan in place.",
            ReferralOutcome.ASSESSMENT,
            "CAMHS offered a first appointment in six weeks. School counselling meanwhile.",
            heard_back_days_ago=60,
            at="10:00",
        ),
        FactorSpec(F.CHILD_MENTAL_HEALTH, 95, "Self-harm seen in PE; Freya's own account"),
        concern(
            30,
            TUTOR,
            (C.MENTAL_HEALTH,),
            "A friend told the form tutor that Freya said last night she had taken 'a few' of "
            "her mother's tablets.",
            action="Freya seen at once by the school nurse and DSL. Ambulance called; mother "
            "met them at hospital. Seen by the hospital's mental health team; urgent CAMHS "
            "follow-up arranged.",
            status=S.REFERRED,
            at="08:50",
        ),
        action(-5, "Review the safety plan with Freya and her mother", PASTORAL),
        action(3, "Agree a reduced timetable for the first week back with CAMHS", NURSE),
    ),
)

# Bullying in person and online; in almost three in ten SCRs bullying was part of the picture.
ETHAN = ChildSpec(
    full_name="Ethan Okonkwo-Shaw",
    age=12,
    birthday_in_days=5,
    tutor_letter="N",
    upn_serial=206,
    household="Lives with mother and stepfather. Has autism; SEN support plan in place.",
    events=(
        concern(
            70,
            HEAD_OF_YEAR,
            (C.ONLINE_HARM, C.EMOTIONAL),
            "Ethan's mother emailed to say he has been sent messages in a group chat telling "
            "him to kill himself, and that a video of him being pushed over in the changing "
            "room has been shared.",
            words="They all laugh when I walk in. I don't want to come to school any more.",
            action="Anti-bullying procedure followed; pupils involved identified and their "
            "parents spoken to. Video reported to the platform. Police told about the message "
            "urging him to harm himself. Ethan given a safe space at break.",
            at="08:40",
        ),
        FactorSpec(F.CHILD_BULLYING, 70, "Mother's email; the group chat and the video"),
        entry(
            K.NOTE,
            40,
            "Review with Ethan",
            "Ethan says the messages have stopped but he still eats lunch alone. Lunch club "
            "offered; he will try it.",
        ),
        action(
            10, "Review with Ethan and his mother whether the bullying has stopped", HEAD_OF_YEAR
        ),
    ),
)

STORIES = (OLLIE, CONNOR, FREYA, ETHAN)
