"""Correspondents by general kinds of title shape that the sets from set 5 on showed, each
read on real titles of it (the set is named beside each kind; the roles are its labels)."""

import pytest
from title_rules import Rules, case_id, cases, check

KINDS: Rules = {
    # titles-real-listings-10.tsv
    "a nationality's adjective with no noun after it names no party": [
        ("Information on Data, Received from Greek and Turkish Legations", {}),
        (
            "Cipher Telegrams Regarding Bulgarian Request to Sending Soviet investigators to Sofia",
            {},
        ),
    ],
}

CASES = cases(KINDS)


@pytest.mark.parametrize(("kind", "title", "roles"), CASES, ids=[case_id(c) for c in CASES])
def test_kind(kind, title, roles):
    check(kind, title, roles)
