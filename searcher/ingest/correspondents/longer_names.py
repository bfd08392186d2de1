"""A known name inside a longer one is not that person: "Castro Madero" is not Fidel Castro,
nor "Abdullah al Mubarak al Sabbah" Hosni Mubarak,
though the authority knows "Castro" alone.  The written name is kept, nothing is invented.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from searcher.ingest.correspondents.words import (
    BODY_WORDS,
    LEADING_OFFICE,
    bare,
    is_place,
    is_type_phrase,
)
from searcher.names import NameAuthority, name_tokens


def _key(words: list[str]) -> str:
    return " ".join(name_tokens(" ".join(words)))


#: Words that follow a name without being part of it: a day, a month, a verb's "-ing" form.
_NO_NAME = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|\w+ing)$",
    re.IGNORECASE,
)


def _name_word(word: str) -> bool:
    """A capitalised word that can be part of a person's name: no office, body, place or type."""
    plain = bare(word)
    return (
        word[:1].isupper()
        and plain.isalpha()
        and not _NO_NAME.match(plain)
        and plain not in LEADING_OFFICE
        and plain not in BODY_WORDS
        and not is_place(word)
        and not is_type_phrase(word)
    )


def _misspelt(word: str, known: str) -> bool:
    """Whether a word is a misspelling of a word of the known name: "Mao Zeong" is Mao Zedong."""
    plain = " ".join(name_tokens(word))
    return any(SequenceMatcher(None, plain, t).ratio() >= 0.7 for t in name_tokens(known))


def runs_on(written: str, known: str, authority: NameAuthority) -> bool:
    """Whether a surname the authority knows alone runs on, as written, into another name word:
    a longer name of someone else ("Castro Madero")."""
    words = written.split()
    forms = {" ".join(name_tokens(v)) for v in authority.variants(known)}
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            if _key(words[start:end]) in forms:
                owner = words[end - 1].endswith(("'s", "’s"))  # "Mao's Comments"
                alone = end - start == 1  # "Raul Castro Ruz" is Raúl Castro
                following = words[end] if end < len(words) else ""
                return (
                    alone
                    and bool(following)
                    and not owner
                    and _name_word(following)
                    and not _misspelt(following, known)
                )
    return False


#: A name that runs on with its family's: "Abdullah al Mubarak al Sabbah".
_FAMILY_END = re.compile(r"\s(?:al|el|bin|ibn|bint|abu)[\s-](?P<last>[A-Z][\w'’-]+)$")


def longer_name(written: str, known: str) -> bool:
    """Whether a known name sits inside a longer one: "Abdullah al Mubarak al Sabbah" is not
    Hosni Mubarak."""
    end = _FAMILY_END.search(written)
    return end is not None and end["last"].casefold() not in known.casefold()
