"""The parsed query: a small tree that every engine compiles in its own way.

The query language is engine-independent: ``searcher.query.parse`` makes these nodes,
``searcher.query.plan`` turns them into a plan against an index's lexicon, and an engine
(the embedded Whoosh one or PostgreSQL) maps the plan to its own queries.  ``field``
is a record field name from ``searcher.record.FIELDS`` (aliases already resolved), or
``None`` for the default text fields.

How engines read the text in nodes (the parser guarantees it):
- ``Term.text``, ``Phrase.words``, ``Wildcard.pattern`` and ``Fuzzy.text`` are lower-cased,
  except in the ``id`` field, whose values are exact.  Outer punctuation is trimmed, but a
  word may keep inner punctuation (``u.s``, ``tse-tung``, ``13:40``): an engine runs it
  through the field's analyser, and a word that becomes several tokens is matched as those
  tokens in sequence.
- In keyword fields (``FieldSpec.kind == "keyword"``) a ``Term`` matches a whole value or
  the words of a value (``sender:mao`` finds "Mao Zedong"; a filter ``place=North Korea``
  is the Term "north korea"), and a ``Phrase`` matches words in order inside one value.
  Person fields hold canonical names, and the parser has already replaced a written name
  by its canonical form there.
- A ``Not`` always sits in an ``And`` that has a positive item (``MatchAll`` when the user
  wrote none), so engines never have to negate the empty set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Node:
    """Base class of query nodes."""


@dataclass(frozen=True)
class MatchAll(Node):
    """Every document (an empty query, or a query of filters only)."""


@dataclass(frozen=True)
class Term(Node):
    """One word in text fields, or one exact value in a keyword field."""

    field: str | None
    text: str


@dataclass(frozen=True)
class Value(Node):
    """Exactly one whole value of a keyword field, in any case: what a facet count counts.

    Filters (``--where place=Korea``) use it, so they keep the documents the facet value
    "Korea" counts, and not those of "North Korea".  Where no document has the whole
    value, its words are matched instead, as for a Term.
    """

    field: str
    value: str


@dataclass(frozen=True)
class Phrase(Node):
    """Words in order; ``slop`` > 0 allows that many positions between them (proximity)."""

    field: str | None
    words: tuple[str, ...]
    slop: int = 0


@dataclass(frozen=True)
class Wildcard(Node):
    """A pattern with ``*`` and ``?`` (a prefix when it only ends in ``*``)."""

    field: str | None
    pattern: str


@dataclass(frozen=True)
class Fuzzy(Node):
    """A word and its near spellings within ``distance`` edits."""

    field: str | None
    text: str
    distance: int = 1


@dataclass(frozen=True)
class DateRange(Node):
    """Documents whose date span overlaps [start, end]; either end may be open."""

    start: date | None
    end: date | None


@dataclass(frozen=True)
class And(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not(Node):
    item: Node
