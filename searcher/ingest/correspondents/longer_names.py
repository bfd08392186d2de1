"""A known name inside a longer one is not that person: "Castro Madero" is not Fidel Castro,
though the authority knows "Castro" alone.  The written name is kept, nothing is invented.
"""

from __future__ import annotations

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


def _name_word(word: str) -> bool:
    """A capitalised word that can be part of a person's name: no office, body, place or type."""
    plain = bare(word)
    return (
        word[:1].isupper()
        and plain.isalpha()
        and plain not in LEADING_OFFICE
        and plain not in BODY_WORDS
        and not is_place(word)
        and not is_type_phrase(word)
    )


def runs_on(written: str, known: str, authority: NameAuthority) -> bool:
    """Whether the known person's name, as written, runs on into another name word after it:
    a longer name of someone else ("Castro Madero")."""
    words = written.split()
    forms = {" ".join(name_tokens(v)) for v in authority.variants(known)}
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            if _key(words[start:end]) in forms:
                owner = words[end - 1].endswith(("'s", "’s"))  # "Mao's Comments"
                return end < len(words) and not owner and _name_word(words[end])
    return False
