"""Correspondents by general kinds of title shape that the sets from set 5 on showed, each
read on real titles of it (the set is named beside each kind; the roles are its labels)."""

import pytest
from title_rules import R, Rules, S, case_id, cases, check

KINDS: Rules = {
    # titles-real-listings-10.tsv
    "a nationality's adjective with no noun after it names no party": [
        ("Information on Data, Received from Greek and Turkish Legations", {}),
        (
            "Cipher Telegrams Regarding Bulgarian Request to Sending Soviet investigators to Sofia",
            {},
        ),
    ],
    # titles-real-listings-9.tsv
    "a place after a body, where it sits, is part of the body's name": [
        (
            "Bulgarian Legation, Washington, to Bulgarian Foreign Ministry",
            {S: ["Bulgarian Legation, Washington"], R: ["Bulgarian Foreign Ministry"]},
        ),
        (
            "Report from Hungarian Embassy, Prague, on Czechoslovak-Cuban Relations",
            {S: ["Hungarian Embassy, Prague"]},
        ),
        (
            "Note from the Embassy of the Democratic People's Republic of Korea, Helsinki, to "
            "the Ministry for Foreign Affairs, Republic of Finland",
            {
                S: ["Embassy of the Democratic People's Republic of Korea, Helsinki"],
                R: ["Ministry for Foreign Affairs, Republic of Finland"],
            },
        ),
    ],
}

CASES = cases(KINDS)


@pytest.mark.parametrize(("kind", "title", "roles"), CASES, ids=[case_id(c) for c in CASES])
def test_kind(kind, title, roles):
    check(kind, title, roles)
