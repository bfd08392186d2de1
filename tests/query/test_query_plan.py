"""The plan: fields resolved, words analysed, expansions made, label values decided."""

from __future__ import annotations

import fnmatch
from datetime import date

import pytest

from searcher.analysis import TEXT_FIELDS, WRITTEN
from searcher.errors import QueryError
from searcher.query import ast, combine, date_filter, parse, parse_filters
from searcher.query.expand import folded
from searcher.query.plan import (
    MAX_EXPANSION,
    NOTHING,
    And,
    DateOverlap,
    MatchAll,
    Not,
    Or,
    Phrase,
    Terms,
    Unscored,
    Value,
    ValuePattern,
    build,
)


class Index:
    """A lexicon of a few words and keyword values; remembers what was asked."""

    def __init__(self, words: tuple[str, ...] = (), values: tuple[str, ...] = ()) -> None:
        self.words = sorted(words)
        self.values = {v.lower() for v in values}
        self.asked: list[tuple[str, ...]] = []

    def matching(self, pattern: str, limit: int) -> list[str]:
        self.asked.append(("matching", pattern))
        return [w for w in self.words if fnmatch.fnmatchcase(w, pattern)][:limit]

    def near(self, word: str, distance: int, field: str | None = None) -> list[str]:
        self.asked.append(("near", word, str(distance), field or ""))
        return [
            w
            for w in self.words
            if len(w) == len(word) and sum(a != b for a, b in zip(w, word, strict=True)) <= distance
        ]

    def has_value(self, field: str, value: str) -> bool:
        return f"{field}:{value.lower()}" in self.values


INDEX = Index(("negotiate", "negotiations", "soviet", "soviets", "stalin"), ("places:Korea",))


def plan(text: str, index: Index = INDEX) -> object:
    return build(parse(text, exact=True).node, index)


def test_a_word_is_its_stem_in_every_text_field_and_a_named_one() -> None:
    assert plan("Negotiations") == Terms(TEXT_FIELDS, ("negoti",))
    assert plan("title:Telegram") == Terms(("title",), ("telegram",))
    assert plan('"armistice negotiations"~5') == Phrase(TEXT_FIELDS, ("armistic", "negoti"), 5)
    assert plan("u.s") == Phrase(TEXT_FIELDS, ("u", "s"), 0)  # one word, two tokens


def test_a_label_field_matches_whole_values_or_their_words() -> None:
    assert plan("sender:mao") == Or((Value("sender", "mao"), Terms(("sender",), ("mao",))))
    assert plan('subject:"Korean War"') == Or(
        (Value("subjects", "korean war"), Phrase(("subjects",), ("korean", "war"), 0))
    )


def test_a_filter_value_is_whole_unless_no_document_has_it() -> None:
    assert build(parse_filters(["place=korea"]), INDEX) == Value("places", "korea")
    assert build(parse_filters(["place=North Korea"]), INDEX) == Phrase(
        ("places",), ("north", "korea"), 0
    )
    assert build(parse_filters(["id=900001"]), INDEX) == Value("id", "900001")


def test_wildcards_and_near_spellings_expand_through_the_lexicon() -> None:
    index = Index(INDEX.words)
    assert build(ast.Wildcard(None, "negotiat*"), index) == Terms(TEXT_FIELDS, ("negoti",))
    assert build(ast.Wildcard("title", "sov*"), index) == Terms(("title",), ("soviet",))
    assert build(ast.Wildcard(None, "zzz*"), index) == NOTHING
    assert build(ast.Fuzzy(None, "stalni", 2), index) == Terms(TEXT_FIELDS, ("stalin", "stalni"))
    assert build(ast.Fuzzy("sender", "stalni", 1), index) == Terms(("sender",), ("stalni",))
    assert ("near", "stalni", "1", "sender") in index.asked  # the field's own words
    assert build(ast.Wildcard("title", "*"), index) == MatchAll("title")


def test_expansions_are_capped() -> None:
    many = Index(tuple(f"w{i:05d}x" for i in range(MAX_EXPANSION + 50)))
    found = build(ast.Wildcard(None, "w*"), many)
    assert isinstance(found, Terms) and len(found.words) == MAX_EXPANSION


def test_keyword_and_id_patterns_are_left_to_the_engine() -> None:
    assert build(ast.Wildcard("sender", "Mao*"), INDEX) == ValuePattern("sender", "mao*")
    assert build(ast.Wildcard("id", "9000*"), INDEX) == ValuePattern("id", "9000*")


def test_accented_words_of_an_exact_query_are_required_as_written() -> None:
    assert plan("Satō") == And(
        (Terms(TEXT_FIELDS, ("sato",)), Unscored(Terms((WRITTEN,), ("satō",))))
    )
    # a query that is not exact is folded before: then every spelling matches
    assert build(folded(ast.Term(None, "schäuble")), INDEX) == Terms(TEXT_FIELDS, ("schaubl",))


def test_boolean_structure_dates_and_filters() -> None:
    node = combine(parse("korea -china", exact=True).node, date_filter("1951", None))
    assert build(node, INDEX) == And(
        (
            Terms(TEXT_FIELDS, ("korea",)),
            Not(Terms(TEXT_FIELDS, ("china",))),
            DateOverlap(date(1951, 1, 1), None),
        )
    )
    assert plan("NOT soviet") == And((MatchAll(), Not(Terms(TEXT_FIELDS, ("soviet",)))))


def test_fields_that_take_no_words_are_refused() -> None:
    with pytest.raises(QueryError, match="takes a date range"):
        build(ast.Term("date_start", "1950"), INDEX)
    with pytest.raises(QueryError, match="cannot be searched"):
        build(ast.Term("rights", "x"), INDEX)
