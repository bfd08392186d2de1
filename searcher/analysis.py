"""The analysis of words both engines index and search with, and the record's fields as they
index them.

A regex and a cached Porter2 stemmer (Snowball's, in C): a text's words are lower-cased,
accents folded (``searcher.fold``), split on what is not a word character and stemmed;
stopwords are kept, so that a phrase never jumps over a word.  Words of three letters or
fewer and numbers are their own stems.  The embedded engine's schema
(``searcher.engine.whoosh.schema``) hands these words to Whoosh ready made; the PostgreSQL engine
(``searcher.engine.postgres.analyze``) makes its lexemes of the same stems.  No Whoosh here.
"""

from __future__ import annotations

import re
from datetime import date

import Stemmer

from searcher.fold import accented, fold
from searcher.record import DERIVED_FACETS, FIELDS, Record

TEXT_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind == "text")
KEYWORD_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind == "keyword")
MULTI_FIELDS: frozenset[str] = frozenset(f.name for f in FIELDS if f.multi)
FACET_FIELDS: tuple[str, ...] = (
    *(f.name for f in FIELDS if f.facet),
    *DERIVED_FACETS,
)
#: Ranking weight of each text field; the single source is FieldSpec.weight.
WEIGHTS: dict[str, float] = {f.name: f.weight for f in FIELDS if f.kind == "text"}
#: The stems of a document's accented words as written ("schäubl"), for ``--exact``: the
#: text fields hold every word folded (see ``fold``).
WRITTEN = "written"
#: Keyword fields of canonical names; the forms a title writes of them are indexed too.
PERSON_KEYWORDS: tuple[str, ...] = ("sender", "recipient", "via", "participants")
_MAX_SPAN_YEARS = 200
_WORD = re.compile(r"\w+")
#: Snowball's English (Porter2) stemmer, in C.  Whoosh's Python port of Porter2 is 6x
#: slower and lacks the algorithm's exceptions ("added" -> "ad", "international" and
#: "internal" -> "intern", "organization" -> "organ").
_STEMMER = Stemmer.Stemmer("english")
#: The stemmer's name as the stemmed positional fields of an index record it (the others:
#: ""): an index whose words were stemmed otherwise must be rebuilt.
STEMMER = "snowball-english"
_stems: dict[str, str] = {}
_MAX_STEMS = 500_000


def stem(word: str) -> str:
    """Porter2 stem of a lower-case word, cached (the vocabulary is small, words repeat)."""
    try:
        return _stems[word]
    except KeyError:
        out = stem_uncached(word)
        if len(_stems) < _MAX_STEMS:
            _stems[word] = out
        return out


def stem_all(tokens: list[str]) -> list[str]:
    """``[stem(t) for t in tokens]``, with one dictionary lookup per token in C."""
    return _stems_of([tokens], set(tokens))[0]


def analysed(record: Record) -> tuple[dict[str, list[str]], set[str]]:
    """The stems of each text field of a record (by field name), and the record's words."""
    vocabulary: set[str] = set()
    texts: dict[str, list[str]] = {}
    for name in TEXT_FIELDS:
        text = getattr(record, name)
        if text:
            texts[name] = words(text)
            vocabulary.update(texts[name])
    return dict(zip(texts, _stems_of(list(texts.values()), vocabulary), strict=True)), vocabulary


def _stems_of(texts: list[list[str]], vocabulary: set[str]) -> list[list[str]]:
    """:func:`stem_all` of each list of tokens; ``vocabulary`` holds every token of them
    (one set for all the lists instead of one per list)."""
    missing = vocabulary.difference(_stems)
    if missing:
        if len(_stems) + len(missing) > _MAX_STEMS:
            return [[stem(t) for t in tokens] for tokens in texts]
        _stems.update(zip(missing, map(stem_uncached, missing), strict=True))
    get = _stems.__getitem__
    return [list(map(get, tokens)) for tokens in texts]


def stem_uncached(word: str) -> str:
    """Porter2 stem of a lower-case word, not cached (words met once, as written)."""
    return _STEMMER.stemWord(word) if len(word) > 2 and not word.isdigit() else word


def words(text: str) -> list[str]:
    """The lower-case words of a text, accents folded, in order (the tokenisation of every
    field)."""
    return _WORD.findall(fold(text.lower()))


def words_written(text: str) -> tuple[list[str], list[str]]:
    """:func:`words` of a text, and those of its words that folding changes, as written
    ("schäuble")."""
    lower = text.lower()
    folded = fold(lower)
    tokens = _WORD.findall(folded)
    return tokens, ([] if folded is lower or folded == lower else accented(lower))


def written_stems(record: Record) -> list[str]:
    """The stems of the record's accented words as written, each once (see WRITTEN)."""
    found = {w for name in TEXT_FIELDS for w in words_written(getattr(record, name))[1]}
    return sorted({stem_uncached(w) for w in found})


def keyword_forms(record: Record, name: str) -> tuple[str, ...]:
    """A keyword field's values, and for a field of names the forms the title writes of
    them ("Filippov [Stalin]" for Stalin), whose words are indexed too: so
    ``sender:Filippov --exact`` finds what Stalin signed as Filippov."""
    values = keyword_values(record, name)
    if name not in PERSON_KEYWORDS or not values or not record.title_names:
        return values
    from searcher.names import default_authority

    canonical = default_authority().canonical
    return values + tuple(
        form
        for form in record.title_names
        if form not in values and (canonical(form) or form) in values
    )


def stems(text: str) -> list[str]:
    """The stems of a text's words, in order."""
    return stem_all(words(text))


def keyword_values(record: Record, name: str) -> tuple[str, ...]:
    """A keyword field's values, without empty ones."""
    value = getattr(record, name)
    if isinstance(value, tuple):
        return tuple(v for v in value if v)
    return (value,) if value else ()


def span_years(start: date | None, end: date | None) -> list[int]:
    """The years a date span touches (capped, so a bad span cannot explode)."""
    if start is None:
        return []
    last = (end or start).year
    return list(range(start.year, min(last, start.year + _MAX_SPAN_YEARS) + 1))
