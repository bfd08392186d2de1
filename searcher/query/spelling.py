"""Did-you-mean over a query's text, the same for every engine.

An engine supplies ``correct(word) -> replacement | None`` over its own lexicon; this
module decides which words of the query may be corrected at all: not operators, field
names, numbers, words under three letters, words of known names ("Tse" of Tse-tung), nor
the values of fields that are not text (``place:Yalta`` names a facet value, which the
text lexicon does not hold), and never into a stopword.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from searcher.query import fields

_WORD = re.compile(r"\w+")
#: ``name:value`` or ``name:"several words"``: a field and the span of its value.
_FIELD_VALUE = re.compile(r'(\w+):("[^"]*"?|[^\s()]+)')
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_PATTERN_MARKS = frozenset("*?~")
#: Corrections never offered: function words, too common to be what a user meant.
FUNCTION_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "not",
        "of",
        "on",
        "or",
        "she",
        "that",
        "the",
        "their",
        "there",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
    }
)


def respell(text: str, correct: Callable[[str], str | None]) -> str | None:
    """``text`` with its misspelt words corrected, or None when nothing changed.

    ``correct`` gets a lower-case word and returns its correction, or None when the word
    is known or nothing close is.
    """
    fixed = _fixed_spans(text)
    out: list[str] = []
    pos = 0
    changed = False
    for m in _WORD.finditer(text):
        word = m.group()
        lower = word.lower()
        keep = (
            text[m.end() : m.end() + 1] == ":"
            or word in _OPERATORS
            or len(word) < 3
            or not word.isalpha()
            or any(start <= m.start() < end for start, end in fixed)
            or lower in _name_words()
            or _in_pattern(text, m.start(), m.end())
        )
        found = None if keep else correct(lower)
        if found and found != lower and found not in FUNCTION_WORDS:
            out.append(text[pos : m.start()] + found)
            changed = True
        else:
            out.append(text[pos : m.end()])
        pos = m.end()
    out.append(text[pos:])
    return "".join(out) if changed else None


def _in_pattern(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a wildcard or a fuzzy word (``Gromyk?``,
    ``negotiat*``, ``Filipov~``): the user already asked for its other spellings."""
    return text[end : end + 1] in _PATTERN_MARKS or text[start - 1 : start] in _PATTERN_MARKS


def _fixed_spans(text: str) -> list[tuple[int, int]]:
    """Spans of values of non-text fields (facet values, dates): never respelt."""
    spans = []
    for m in _FIELD_VALUE.finditer(text):
        name = m.group(1)
        if fields.is_known(name) and fields.kind(fields.resolve(name)) != "text":
            spans.append(m.span(2))
    return spans


@cache
def _name_words() -> frozenset[str]:
    """Every word of every known name."""
    from searcher.names import default_authority, name_tokens

    authority = default_authority()
    return frozenset(
        token
        for name in authority.names()
        for form in authority.variants(name)
        for token in name_tokens(form)
    )
