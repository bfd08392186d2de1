"""Word-level helpers shared by the parser, the name expansion and the filters."""

from __future__ import annotations

import re

from searcher.query.ast import Node, Phrase, Term

_OUTER = re.compile(r"^[^\w*?]+|[^\w*?]+$")
_OUTER_PLAIN = re.compile(r"^\W+|\W+$")


def clean(word: str, *, keep_wildcards: bool = False) -> str:
    """``word`` lower-cased, without the punctuation around it ("Korea," -> "korea")."""
    pattern = _OUTER if keep_wildcards else _OUTER_PLAIN
    return pattern.sub("", word).lower()


def trim(word: str) -> str:
    """``word`` without the punctuation around it, case kept (for showing and name lookup)."""
    return _OUTER_PLAIN.sub("", word)


def split(text: str) -> tuple[str, ...]:
    """The cleaned words of ``text``; words of punctuation only are dropped."""
    return tuple(w for w in (clean(part) for part in text.split()) if w)


def term_or_phrase(field: str | None, words: tuple[str, ...], slop: int = 0) -> Node | None:
    """A Term for one word, a Phrase for several, None for none."""
    if not words:
        return None
    if len(words) == 1:
        return Term(field, words[0])
    return Phrase(field, words, slop)
