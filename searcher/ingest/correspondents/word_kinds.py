"""What one word of a title can be: a nationality's ("Soviet", "Albanian"), a surname's
("Suslov", not "Trade", "Posts" or "Cultural").
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.offices import COMPLEMENT_END, NATIONALITY
from searcher.ingest.correspondents.words import (
    BODY_WORDS,
    DOMAIN_WORDS,
    LEADING_OFFICE,
    NOUN_ENDING,
    bare,
    is_place,
    word_set,
)


def is_nationality(word: str) -> bool:
    """A nationality or a place before a group's noun: "Soviet", "Albanian", "DPRK"."""
    if bare(word) in LEADING_OFFICE - _NATIONALITIES:
        return False
    return bare(word) in _NATIONALITIES or bool(NATIONALITY.match(word)) or is_place(word)


_NATIONALITIES = word_set(
    "soviet chinese british american russian german japanese korean polish portuguese french "
    "ukrainian kazakh indian romanian hungarian czech czechoslovak bulgarian vietnamese "
    "mongolian albanian yugoslav italian spanish cuban east west north south us uk"
)


#: A person's nationality alone, beside their name: "an Iranian".
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ese|ish)$")


def nationality_word(word: str) -> bool:
    """A nationality's word: "Soviet", "South", "African", "US"."""
    return bare(word) in _NATIONALITIES or bool(NATIONALITY.match(word))


def nationality_adjective(word: str) -> bool:
    """A nationality's adjective, never a name's end: "... Division of Soviet" and "East
    European Affairs" are one name."""
    return nationality_word(word) and not is_place(word)


#: Nationalities whose adjective is never a country's or a person's name, and no ending shows.
_ADJECTIVES_ONLY = _NATIONALITIES - word_set("east west north south us uk") | word_set(
    "greek dutch swiss thai turkish iranian iraqi israeli egyptian syrian brazilian argentine "
    "argentinian mexican canadian australian austrian belgian swedish finnish norwegian danish "
    "irish laotian cambodian indonesian pakistani afghan libyan lebanese jordanian saudi "
    "ethiopian nigerian ghanaian guinean angolan african asian european arab"
)


def adjective_only(word: str) -> bool:
    """A nationality's adjective, which ends no party's name: "Greek" of "from Greek and
    Turkish Legations", "Sending Soviet" of "... Sending Soviet investigators"."""
    return bare(word) in _ADJECTIVES_ONLY and not is_place(word)


#: Endings of adjectives, never of a surname: "Economic", "Cultural", "Executive".
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ary|ory|ly)$")


def surname_like(word: str) -> bool:
    """Whether a word may be a surname: capitalised, no body, domain, office, place, abstract
    noun or adjective ("Suslov", not "Trade", "Posts", "Leninism" or "Cultural")."""
    plain = bare(word)
    return (
        word[:1].isupper()
        and plain.isalpha()
        and plain not in BODY_WORDS | DOMAIN_WORDS | LEADING_OFFICE | COMPLEMENT_END
        and plain.removesuffix("s") not in LEADING_OFFICE | BODY_WORDS  # "Representatives"
        and not NOUN_ENDING.search(plain)
        and not _ADJECTIVE.search(plain)
        and not is_place(word)
    )
