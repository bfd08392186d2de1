"""A document's author, and an office before its holder: general rules read on
the real titles of ``tests/data/titles-real-listings-7.tsv`` they were made for, each read
wrong before its rule.

A body named before a document's type is its author, whatever qualifies the type ("Reference
Document", "Policy Position Statement") and wherever its subject starts ("on", a colon, a "to"
inside the subject); so is the author "by" whom an evaluation or a complaint is made, its
subject's "to" no recipient. Two domains joined by "and" before one noun ("a Government and
Economic Delegation", "Minister of Posts and Communications") are one name. An office named
after its body ("Communist Party CC Secretary") or after an indefinite article ("a Member of
...") describes the name after it: one party.
"""

import pytest
from title_rules import P, Rules, S, case_id, cases, check

RULES: Rules = {
    "a body before its document's type, the type qualified or not, is its author": [
        (
            "Czechoslovak Communist Party Information Bulletin",
            {S: ["Czechoslovak Communist Party"]},
        ),
        (
            "CPCz Information Bulletin on Czechoslovak Reaction to the Events in East Germany",
            {S: ["CPCz"]},
        ),
        ("Chinese Foreign Ministry Reference Document No.1", {S: ["Chinese Foreign Ministry"]}),
        (
            "Radio Liberty Broadcast Position Statement: Developments in Eastern Europe",
            {S: ["Radio Liberty"]},
        ),
        (
            "Radio Liberty Policy Position Statement: The Soviet Union and International Communism",
            {S: ["Radio Liberty"]},
        ),
    ],
    "an evaluation or a complaint by its author, its subject after: the author sends": [
        (
            "Evaluation by the East German Embassy in Bucharest of Ceauşescu's Visit to China",
            {S: ["East German Embassy in Bucharest"]},
        ),
        (
            "Complaint by [Government of] Brazil Regarding Czechoslovak Transport of Guerrilla "
            "Fighters from Cuba to Latin America",
            {S: ["Brazil"]},
        ),
    ],
    "two domains joined by 'and' before one noun: one body's or office's name": [
        (
            "Conversation from [Mao Zedong's] Audience with a Government and Economic Delegation "
            "and Women's Delegation from Guinea",
            {P: ["Mao Zedong", "Government and Economic Delegation", "Women's Delegation"]},
        ),
        (
            "Record of Premier Zhou Enlai’s Fourth Conversation with Guinea’s Minister of Posts "
            "and Communications Minister Diop",
            {P: ["Zhou Enlai", "Diop"]},
        ),
    ],
    "an office after its body or an article, then a name: the name's description": [
        (
            "From the Diary of A. I. Alekseyev, Record of a Conversation with Argentinian "
            "Communist Party CC Secretary, Victorio Cadovilla, 25 November 1964",
            {P: ["Alekse", "Cadovilla"]},
        ),
        (
            "From the Diary of N. A. Belous, Record of a Conversation with a Member of the "
            "Editorial Board of the Magazine 'Cuba Socialista,' Fabio Grobart, 13 May 1964",
            {P: ["Belous", "Grobart"]},
        ),
    ],
}

CASES = cases(RULES)


@pytest.mark.parametrize(("rule", "title", "roles"), CASES, ids=[case_id(c) for c in CASES])
def test_rule(rule, title, roles):
    check(rule, title, roles)
