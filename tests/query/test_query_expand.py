"""Name-authority expansion of queries and filters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searcher.errors import QueryError
from searcher.names import NameAuthority
from searcher.query import parse, parse_filters
from searcher.query.ast import And, Not, Or, Phrase, Term, Value, Wildcard

AUTHORITY = NameAuthority(
    [
        ("Stalin", "Joseph Stalin", "I.V. Stalin", "Filippov", "Filipov", "Feng Xi"),
        ("Mao Zedong", "Mao Tse-tung", "Mao"),
        ("Kim Il Sung", "Kim Il-sung", "Kim Ir Sen"),
        ("Roshchin", "Roschin"),
    ]
)
STALIN = Or(
    (
        Term(None, "stalin"),
        Term(None, "filippov"),
        Term(None, "filipov"),
        Phrase(None, ("feng", "xi")),
    )
)


def parsed(text: str):
    return parse(text, authority=AUTHORITY)


def test_a_name_also_finds_its_pseudonyms():
    query = parsed("Stalin")
    assert query.node == STALIN
    assert query.expanded == {"Stalin": ("Filippov", "Filipov", "Feng Xi")}
    assert query.explain() == "word 'Stalin' (also: Filippov, Filipov, Feng Xi)"


def test_forms_containing_a_searched_form_are_left_out():
    # "Joseph Stalin" and "I.V. Stalin" add nothing to a search for "Stalin"
    searched = parsed("Filippov").expanded["Filippov"]
    assert searched == ("Stalin", "Filipov", "Feng Xi")


def test_quoted_transliteration_finds_the_pinyin_not_every_mao():
    query = parsed('"Mao Tse-tung"')
    assert query.node == Or((Phrase(None, ("mao", "tse-tung")), Phrase(None, ("mao", "zedong"))))
    assert query.expanded == {"Mao Tse-tung": ("Mao Zedong",)}


def test_a_full_name_is_never_widened_to_a_bare_surname():
    # "Joseph Stalin" finds the pseudonyms, not every page that says "Stalin"
    assert parsed('"Joseph Stalin"').expanded == {
        "Joseph Stalin": ("I.V. Stalin", "Filippov", "Filipov", "Feng Xi")
    }
    for written in ('"Mao Zedong"', '"Mao Tse-tung"', '"Joseph Stalin"', "Kim Il Sung"):
        searched = next(iter(parsed(written).expanded.values()))
        assert all(" " in form for form in searched if form not in ("Filippov", "Filipov"))
    # a bare name still finds its full forms (which hold it) and its pseudonyms
    assert parsed("Mao").expanded == {}
    assert parsed("Stalin").node == STALIN


def test_adjacent_words_naming_a_person_expand_together():
    query = parsed("Kim Il Sung armistice")
    kim = Or(
        (
            Phrase(None, ("kim", "il", "sung")),
            Phrase(None, ("kim", "il-sung")),
            Phrase(None, ("kim", "ir", "sen")),
        )
    )
    assert query.node == And((kim, Term(None, "armistice")))
    assert query.expanded == {"Kim Il Sung": ("Kim Il-sung", "Kim Ir Sen")}


def test_an_explicit_and_keeps_words_apart():
    assert parsed("Kim AND Il AND Sung").expanded == {}


def test_unknown_words_and_covered_names_are_left_alone():
    query = parsed("armistice Mao")
    assert query.node == And((Term(None, "armistice"), Term(None, "mao")))
    assert query.expanded == {}


def test_exact_turns_expansion_off():
    query = parse("Stalin sender:Filippov", exact=True, authority=AUTHORITY)
    assert query.node == And((Term(None, "stalin"), Term("sender", "filippov")))
    assert query.expanded == {}


def test_person_fields_search_the_canonical_name():
    query = parsed("sender:Filippov recipient:(Mao Tse-tung) via:Roschin")
    assert query.node == And(
        (
            Term("sender", "stalin"),
            Phrase("recipient", ("mao", "zedong")),
            Term("via", "roshchin"),
        )
    )
    assert query.expanded == {
        "Filippov": ("Stalin",),
        "Mao Tse-tung": ("Mao Zedong",),
        "Roschin": ("Roshchin",),
    }
    assert "sender has 'stalin' (written 'Filippov')" in query.explain()


def test_other_fields_are_not_expanded():
    query = parsed("title:Filippov subject:Stalin")
    assert query.node == And((Term("title", "filippov"), Term("subjects", "stalin")))
    assert query.expanded == {}


def test_excluded_names_exclude_every_form():
    assert parsed("truce -Stalin").node == And((Term(None, "truce"), Not(STALIN)))


def test_names_inside_operators_and_groups_expand():
    query = parsed("(Stalin OR Roschin) Kim*")
    roshchin = Or((Term(None, "roschin"), Term(None, "roshchin")))
    assert query.node == And((Or((STALIN, roshchin)), Wildcard(None, "kim*")))


def test_proximity_phrases_are_not_names():
    query = parsed('"Mao Tse-tung"~3')
    assert query.node == Phrase(None, ("mao", "tse-tung"), 3)
    assert query.expanded == {}


def test_filters_use_canonical_names_for_person_fields():
    node = parse_filters(["sender=Filippov", "sender=Mao", "place=Korea"], authority=AUTHORITY)
    assert node == And(
        (
            Or((Value("sender", "stalin"), Value("sender", "mao zedong"))),
            Value("places", "korea"),
        )
    )
    assert parse_filters(["sender=Filippov"], exact=True) == Value("sender", "filippov")


def test_package_authority_is_the_default():
    query = parse("Stalin")
    assert "Filippov" in query.expanded["Stalin"]
    assert parse_filters(["sender=Feng Xi"]) == Value("sender", "stalin")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Stalin", "Mao", "Tse-tung", "Kim", "Il", "Sung", "sender:", "OR", "-", '"', "(", ")"]
        ),
        max_size=12,
    )
)
def test_expansion_never_raises_anything_but_query_error(words):
    try:
        parse(" ".join(words), authority=AUTHORITY)
    except QueryError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_expansion_of_any_text_never_raises_anything_but_query_error(text):
    try:
        query = parse(text, authority=AUTHORITY)
    except QueryError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(forms for forms in query.expanded.values())


def test_filters_reject_names_without_a_value():
    with pytest.raises(QueryError, match="empty value"):
        parse_filters(["sender="], authority=AUTHORITY)
