"""The last check on the parties a title gives: real titles (from ``tests/data``) whose values
no party can be are dropped, and real titles whose parties must stay."""

import pytest

from searcher.ingest.correspondents import parse_title
from searcher.ingest.correspondents.plausible import names_no_party, without_quote
from tests.title_rules import P, R, Rules, S, authority, case_id, cases, check

#: kind of value dropped: real titles, and what is left of them.
DROPPED: Rules = {
    "a request or an act opens it": [
        (
            "Implementation of the CC CPSU Decree 'Measures to Vigorously Counteract Hostile "
            "Radio Propaganda'",
            {},
        ),
    ],
    "an act heads it": [
        (
            "Soviet Report by Cuban Involvement in Assisting Partisans in Other Latin American "
            "Countries",
            {},
        ),
    ],
    "it ends in a word no name ends with, and its 'to' addresses nobody": [
        ("Brazil-Argentina Joint Statement on Regional Nuclear Policy", {}),
        (
            "Training Documentation Pertaining to Nuclear, Chemical, and Biological Threats to "
            "the Republican Guard and Iraq",
            {},
        ),
    ],
    "a state after the body it locates": [
        (
            "Note from the Embassy of the Democratic People's Republic of Korea, Helsinki, to "
            "the Ministry for Foreign Affairs, Republic of Finland",
            {
                S: ["Embassy of the Democratic People's Republic of Korea"],
                R: ["Ministry for Foreign Affairs"],
            },
        ),
    ],
    "an office that took in the office it addresses": [
        (
            "Statement made by the Chinese Ambassador to the Foreign Secretary, 16 May 1959",
            {S: ["Chinese Ambassador"], R: ["Foreign Secretary"]},
        ),
    ],
}

#: Real parties the check must keep.
KEPT: Rules = {
    "persons after their offices": [
        (
            "Memorandum of Conversation between Chinese Vice Foreign Minister Zhang Hanfu and "
            "Soviet Ambassador Stepan Chervonenko",
            {P: ["Zhang Hanfu", "Chervonenko"]},
        ),
        ("Meeting between Stalin and Kim Il Sung", {P: ["Stalin", "Kim Il Sung"]}),
        ("Ahmed Sa‘id, 'Returning from Cuba' (Excerpts)", {S: ["Ahmed Sa‘id"]}),
    ],
    "bodies": [
        (
            "Directive of the Ministry of Defense for Exercise ‘OVERCAST SUMMER-68’",
            {S: ["Ministry of Defense"]},
        ),
        (
            "Telegram from the Albanian Ambassador in Iraq Ulvi Lulo to the Ministry of Foreign "
            "Affairs of Albania",
            {S: ["Ulvi Lulo"], R: ["Ministry of Foreign Affairs of Albania"]},
        ),
        (
            "Notice from the First Machine Building Ministry Concerning Suspension of the "
            "Preparatory Work for Receiving North Korean Trainees",
            {S: ["First Machine Building Ministry"]},
        ),
        (
            "Czechoslovakian Report on Visit of Cuban Delegation and Talks with Minister of "
            "National Defense, Bohumir Lomsky",
            {P: ["Cuban Delegation", "Lomsky"]},
        ),
        (
            "Record of Conversation of N.S. Khrushchev with Vice President of the “Japan-USSR” "
            "Friendship Society Kazami Akira",
            {P: ["Khrushchev", "Kazami Akira"]},
        ),
    ],
    "places that are parties": [
        (
            "Politburo Sends Letter to COSVN, Region 5, Tri-Thien, Saigon, Hue, and Danang",
            {S: ["Politburo"], R: ["COSVN", "Region 5", "Tri-Thien", "Saigon", "Hue", "Danang"]},
        ),
        (
            "Notes from the Completed Discussions of 11 and 12 January 1957 between the "
            "Delegates of the Chinese People’s Republic and Poland (Excerpts)",
            {P: ["Chinese People’s Republic", "Poland"]},
        ),
    ],
}


@pytest.mark.parametrize("case", cases(DROPPED) + cases(KEPT), ids=case_id)
def test_the_check_on_real_titles(case):
    check(*case)


#: Values read from real titles of ``tests/data`` that name no party, by kind.
NO_PARTY = [
    "Training Documentation Pertaining",  # ends in a participle
    "Directives for the USSR Delegation",  # a document's kind opens it
    "Request for Clearance of a Draft Joint Communique",  # a request opens it
    "XXIII Session of the General Assembly of the UN",  # an event heads it
    "Persian Gulf War",  # an event
    "Defend World Peace",  # a verb opens it: the aim of a committee
    "Subject: 'Brazil – Cuban-Latin American Relations'",  # a subject
    "18 January 1962",  # a date
]
#: Values of real titles that are parties.
PARTIES = [
    "Kim Il Sung",
    "Ministry of Foreign Affairs of Albania",
    "Zhang Hanfu",
    "Protocol Department",
    "Conference of Foreign Ministers",
    "USSR Delegation to the XXIII Session of the General Assembly of the UN",
    "Region 5",
    "Top Political Advisors",
]


def test_a_place_a_subject_and_a_date_beside_the_sender():
    title = (
        "Report from Cultural Attaché at the Israeli Embassy, Rio de Janeiro, Smeul Benizi, "
        "18 January 1962, Subject: 'Brazil – Cuban-Latin American Relations'"
    )
    sender = parse_title(title, authority()).sender
    assert "Smeul Benizi" in sender
    assert not [v for v in sender if "Rio" in v or "Subject" in v or "1962" in v], sender


@pytest.mark.parametrize("value", NO_PARTY)
def test_values_that_name_no_party(value):
    assert names_no_party(value)


@pytest.mark.parametrize("value", PARTIES)
def test_values_that_are_parties(value):
    assert not names_no_party(value)


def test_a_quotation_in_a_value():
    assert without_quote("Ministry of Defense for Exercise ‘OVERCAST SUMMER-68’") == (
        "Ministry of Defense for Exercise"
    )
    assert without_quote("Vigorously Counteract Hostile Radio Propaganda'") == ""
    assert without_quote("Military Forces' General Command") == "Military Forces' General Command"
