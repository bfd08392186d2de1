"""The parsed tree as a plan of a few primitives, one meaning for every engine.

``build(node, lexicon)`` resolves what the tree leaves to engines: the fields a word is
searched in (the default search is every text field, each ranked by its weight,
``searcher.analysis.WEIGHTS``), the words as the index holds them (``searcher.analysis``:
stems in text fields, lower-case words in the words of keyword values), wildcards and near
spellings expanded through the engine's ``Lexicon``, and the rule of label and name fields:

- ``field:value`` (an ``ast.Term`` or ``ast.Phrase`` in a keyword field) matches a whole
  value in any case or the value's words in order: ``Or(Value, Phrase)``;
- a filter's value (``ast.Value``) matches the whole value, the documents its facet counts;
  only where no document has it whole, its words in order.

An engine then maps the primitives to its own queries (``searcher.engine.whoosh.compile``,
``searcher.engine.postgres.compile``) and knows nothing of the query language.

Primitives: ``Terms`` (any of some words in any of some fields), ``Phrase`` (words in
order within ``slop`` positions, inside one field), ``Value`` (a whole keyword value in
any case; the ``id`` field's exactly), ``ValuePattern`` (whole keyword values or their
words matching a glob; ids matching it), ``DateOverlap``, ``And``/``Or``/``Not``,
``Unscored`` (matches as its item, adds nothing to the score) and ``MatchAll``.  An
``Or`` of no items matches nothing (``NOTHING``).  ``Terms`` and ``Phrase`` in a keyword
field mean the words of its values; in ``WRITTEN``, the stems of accented words as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from searcher.analysis import KEYWORD_FIELDS, TEXT_FIELDS, WRITTEN, stem, words
from searcher.errors import QueryError
from searcher.fold import accented
from searcher.query import ast
from searcher.record import FIELD_BY_NAME

#: Most lexicon words one wildcard or fuzzy word may expand to.
MAX_EXPANSION = 1024
#: The most edits a near spelling may take.
MAX_DISTANCE = 2
KEYWORDS = frozenset(KEYWORD_FIELDS)
TEXTS = frozenset(TEXT_FIELDS)
_PATTERN_JUNK = re.compile(r"[^\w*?]+")


class Lexicon(Protocol):
    """What an engine tells the plan of its index."""

    def matching(self, pattern: str, limit: int) -> Sequence[str]:
        """Unstemmed words of the text fields matching a lower-case glob (``*``, ``?``)."""

    def near(self, word: str, distance: int, field: str | None = None) -> Sequence[str]:
        """Words within ``distance`` edits of ``word``: of the text fields, or of the
        values of the keyword field ``field`` (an engine without a lexicon of those
        answers from the text fields')."""

    def has_value(self, field: str, value: str) -> bool:
        """Whether a document has the keyword value ``value`` whole (any case)."""


@dataclass(frozen=True)
class Plan:
    """Base class of plan nodes."""


@dataclass(frozen=True)
class MatchAll(Plan):
    """Every document; with ``field``, every document with a word in that field (the
    embedded index; PostgreSQL takes every document)."""

    field: str | None = None


@dataclass(frozen=True)
class Terms(Plan):
    """Any of ``words`` (index forms) in any of ``fields``."""

    fields: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Phrase(Plan):
    """``words`` (index forms) in order, each next one 1 to ``slop`` + 1 positions after
    the one before, inside one of ``fields``."""

    fields: tuple[str, ...]
    words: tuple[str, ...]
    slop: int = 0


@dataclass(frozen=True)
class Value(Plan):
    """A whole value of a keyword field in any case (of ``id``: exactly)."""

    field: str
    value: str


@dataclass(frozen=True)
class ValuePattern(Plan):
    """Whole values of a keyword field matching a lower-case glob, or values with a word
    matching it (when it holds no space); ids matching it."""

    field: str
    pattern: str


@dataclass(frozen=True)
class DateOverlap(Plan):
    """Documents whose date span overlaps [start, end]; undated ones never match."""

    start: date | None
    end: date | None


@dataclass(frozen=True)
class And(Plan):
    items: tuple[Plan, ...]


@dataclass(frozen=True)
class Or(Plan):
    items: tuple[Plan, ...]


@dataclass(frozen=True)
class Not(Plan):
    item: Plan


@dataclass(frozen=True)
class Unscored(Plan):
    """Matches what ``item`` matches and adds nothing to a document's score."""

    item: Plan


#: Matches no document.
NOTHING = Or(())


def build(node: ast.Node, lexicon: Lexicon) -> Plan:
    """The plan of a query tree (or filter tree) against one index's lexicon."""
    return _Builder(lexicon).node(node)


def check_field(name: str | None) -> None:
    """QueryError unless ``name`` is a field words and values can be searched in."""
    if name is None or name in TEXTS or name in KEYWORDS or name == "id":
        return
    spec = FIELD_BY_NAME.get(name)
    if spec is not None and spec.kind == "date":
        raise QueryError(f"field {name!r} takes a date range, e.g. date:1950..1953")
    raise QueryError(f"field {name!r} cannot be searched")


def text_fields(name: str | None) -> tuple[str, ...]:
    """The text fields a word is searched in: every one, or the one named."""
    return TEXT_FIELDS if name is None else (name,)


def sequence(fields: tuple[str, ...], tokens: Sequence[str], slop: int = 0) -> Plan:
    """Index forms in ``fields``: one is ``Terms``, several a ``Phrase``, none nothing."""
    if not tokens:
        return NOTHING
    if len(tokens) == 1:
        return Terms(fields, (tokens[0],))
    return Phrase(fields, tuple(tokens), slop)


class _Builder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def node(self, node: ast.Node) -> Plan:
        if isinstance(node, ast.MatchAll):
            return MatchAll()
        if isinstance(node, ast.And):
            return And(tuple(self.node(item) for item in node.items))
        if isinstance(node, ast.Or):
            return Or(tuple(self.node(item) for item in node.items))
        if isinstance(node, ast.Not):
            return Not(self.node(node.item))
        if isinstance(node, ast.DateRange):
            return DateOverlap(node.start, node.end)
        if isinstance(node, ast.Value):
            return self.value(node.field, node.value)
        if isinstance(node, ast.Term):
            return self.words(node.field, node.text, 0)
        if isinstance(node, ast.Phrase):
            return self.words(node.field, " ".join(node.words), node.slop)
        if isinstance(node, ast.Wildcard):
            return self.wildcard(node.field, node.pattern)
        if isinstance(node, ast.Fuzzy):
            return self.fuzzy(node.field, node.text, node.distance)
        raise QueryError(f"this index cannot search {type(node).__name__} queries")

    def value(self, name: str, value: str) -> Plan:
        """A filter's value: the whole value, or its words where no document has it."""
        check_field(name)
        if name in KEYWORDS and self.lexicon.has_value(name, value):
            return Value(name, value)
        return self.words(name, value, 0, whole=False)

    def words(self, name: str | None, text: str, slop: int, whole: bool = True) -> Plan:
        check_field(name)
        if name == "id":
            return Value("id", text)
        tokens = words(text)
        if name in KEYWORDS:
            parts = sequence((name,), tokens, slop)
            return Or((Value(name, text), parts)) if whole else parts
        found = sequence(text_fields(name), [stem(t) for t in tokens], slop)
        written = [Terms((WRITTEN,), (stem(w),)) for w in accented(text)]
        if not written or found == NOTHING:  # accents stay only in exact queries
            return found
        return And((found, Unscored(written[0] if len(written) == 1 else And(tuple(written)))))

    def wildcard(self, name: str | None, pattern: str) -> Plan:
        check_field(name)
        pattern = pattern.lower()
        if name is not None and (name == "id" or name in KEYWORDS):
            return ValuePattern(name, pattern)
        word_pattern = _PATTERN_JUNK.sub("", pattern)
        if not word_pattern.strip("*?"):
            return MatchAll(name)
        return self.stems(name, self.lexicon.matching(word_pattern, MAX_EXPANSION))

    def fuzzy(self, name: str | None, text: str, distance: int) -> Plan:
        check_field(name)
        tokens = words(text)
        if not tokens:
            return NOTHING
        if name == "id":
            return Value("id", text)
        word = tokens[0]
        distance = max(0, min(distance, MAX_DISTANCE))
        if name in KEYWORDS:
            near = self.lexicon.near(word, distance, name)
            return Terms((name,), tuple(sorted({word, *near})))
        return self.stems(name, [word, *self.lexicon.near(word, distance)])

    def stems(self, name: str | None, found: Sequence[str]) -> Plan:
        """The stems of lexicon words, in one or every text field."""
        stems = sorted({stem(w) for w in list(found)[:MAX_EXPANSION]})
        return Terms(text_fields(name), tuple(stems)) if stems else NOTHING
