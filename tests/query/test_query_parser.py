"""The query language: operators, fields, wildcards, fuzzy, dates, filters, errors."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searcher.errors import QueryError
from searcher.query import combine, date_filter, parse, parse_filters
from searcher.query.ast import (
    And,
    DateRange,
    Fuzzy,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    Term,
    Value,
    Wildcard,
)
from searcher.query.help import SYNTAX_HELP


def node(text: str):
    return parse(text, exact=True).node


def t(text: str, field: str | None = None) -> Term:
    return Term(field, text)


# -- words, phrases, operators ----------------------------------------------------------


def test_empty_query_matches_everything():
    assert node("") == MatchAll()
    assert node("   ") == MatchAll()


def test_words_are_anded_and_lower_cased():
    assert node("Armistice NEGOTIATIONS") == And((t("armistice"), t("negotiations")))


def test_phrase_and_proximity():
    assert node('"Demarcation Line"') == Phrase(None, ("demarcation", "line"))
    assert node('"armistice negotiations"~5') == Phrase(None, ("armistice", "negotiations"), 5)


def test_one_word_phrase_is_a_term_and_empty_phrase_is_dropped():
    assert node('"Panmunjom"') == t("panmunjom")
    assert node('"" truce') == t("truce")


def test_or_and_not():
    assert node("truce OR armistice") == Or((t("truce"), t("armistice")))
    assert node("truce NOT korea") == And((t("truce"), Not(t("korea"))))
    assert node("truce AND armistice") == And((t("truce"), t("armistice")))


def test_precedence_not_over_and_over_or():
    assert node("a OR b c") == Or((t("a"), And((t("b"), t("c")))))
    assert node("a b OR c") == Or((And((t("a"), t("b"))), t("c")))
    assert node("NOT a b") == And((Not(t("a")), t("b")))
    assert node("a OR NOT b") == Or((t("a"), And((MatchAll(), Not(t("b"))))))


def test_parentheses_group():
    assert node("(truce OR armistice) panmunjom") == And(
        (Or((t("truce"), t("armistice"))), t("panmunjom"))
    )
    assert node("((a))") == t("a")


def test_lower_case_operators_are_words():
    assert node("war and peace") == And((t("war"), t("and"), t("peace")))


def test_exclude_and_require_prefixes():
    assert node("truce -korea") == And((t("truce"), Not(t("korea"))))
    assert node('truce -"Korean War"') == And((t("truce"), Not(Phrase(None, ("korean", "war")))))
    assert node("+truce armistice") == And((t("truce"), t("armistice")))
    assert node("-(a OR b) c") == And((Not(Or((t("a"), t("b")))), t("c")))


def test_only_negative_query_is_anchored_on_everything():
    assert node("-korea") == And((MatchAll(), Not(t("korea"))))
    assert node("NOT NOT korea") == t("korea")


def test_forgiving_trailing_operators_and_stray_punctuation():
    assert node("truce AND") == t("truce")
    assert node("truce OR") == t("truce")
    assert node("truce NOT") == t("truce")
    assert node("truce , - ; armistice.") == And((t("truce"), t("armistice")))
    assert node("(truce AND)") == t("truce")
    assert node("() truce") == t("truce")


def test_punctuation_around_words_is_trimmed_inside_kept():
    assert node("(Korea,)") == t("korea")
    assert node("U.S.-Soviet") == t("u.s.-soviet")
    assert node("13:40") == t("13:40")


# -- fields -----------------------------------------------------------------------------


def test_field_value_phrase_and_group():
    assert node("title:Telegram") == t("telegram", "title")
    assert node('subject:"Korean War"') == Phrase("subjects", ("korean", "war"))
    assert node("place:(Korea OR China)") == Or((t("korea", "places"), t("china", "places")))


def test_aliases_resolve_to_record_fields():
    assert node("language:Russian") == t("russian", "languages")
    assert node("participant:kim") == t("kim", "participants")
    assert node("person:stalin") == t("stalin", "people")
    assert node("precision:month") == t("month", "date_precision")
    assert node("collection:korea") == t("korea", "collections")


def test_field_names_ignore_case_and_keyword_values_are_lower_cased():
    assert node("Sender:MAO") == t("mao", "sender")


def test_field_group_applies_to_words_inside():
    assert node("title:(cable -draft)") == And((t("cable", "title"), Not(t("draft", "title"))))


def test_id_values_keep_their_case():
    assert node("id:Doc-AbC") == t("Doc-AbC", "id")


def test_unknown_field_lists_known_ones():
    with pytest.raises(
        QueryError, match=r"unknown field 'colour' at character 7 \(known: .*sender"
    ):
        parse("truce colour:red", exact=True)


def test_colon_that_is_not_a_field_is_text():
    assert node("Note: truce") == And((t("note"), t("truce")))
    assert node('"re:telegram"') == t("re:telegram")
    assert node("http://digitalarchive.wilsoncenter.org") == t(
        "http://digitalarchive.wilsoncenter.org"
    )


@pytest.mark.parametrize("text", ["sender:", "sender: mao", "title:()", 'title:""', "title:,"])
def test_empty_field_value_is_an_error(text):
    with pytest.raises(QueryError, match=r"empty value for field '(sender|title)' at character 1"):
        parse(text, exact=True)


# -- wildcards and fuzzy ----------------------------------------------------------------


def test_wildcards():
    assert node("negotiat*") == Wildcard(None, "negotiat*")
    assert node("Kim Il*") == And((t("kim"), Wildcard(None, "il*")))
    assert node("Gromyk?") == Wildcard(None, "gromyk?")
    assert node("title:tele*") == Wildcard("title", "tele*")
    assert node("*") == MatchAll()
    assert node("* truce") == t("truce")


def test_fuzzy():
    assert node("Filipov~") == Fuzzy(None, "filipov", 1)
    assert node("Filipov~2") == Fuzzy(None, "filipov", 2)
    assert node("Filipov~0") == t("filipov")
    assert node("sender:Filipov~") == Fuzzy("sender", "filipov", 1)


def test_edit_distance_beyond_two_is_refused_not_capped():
    with pytest.raises(QueryError, match=r"'Stalin~9' at character 1 asks for 9 edits.*~1 or ~2"):
        parse("Stalin~9", exact=True)
    with pytest.raises(QueryError, match="asks for 3 edits"):
        parse("truce sender:Filipov~3", exact=True)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("NOT", "'NOT' at character 1 has nothing after it"),
        ("()", "the parentheses at character 1 hold no words"),
        ("( ( ) )", "the parentheses at character 3 hold no words"),
        ("~", "'~' at character 1 has no word to search for"),
        ('""', "the phrase at character 1 holds no words"),
        ("- NOT", "'NOT' at character 3 has nothing after it"),
        ("...", "'...' at character 1 has no word to search for"),
    ],
)
def test_a_query_of_operators_only_is_an_error_not_every_document(text, reason):
    with pytest.raises(QueryError) as raised:
        parse(text, exact=True)
    assert str(raised.value) == f"nothing to search for in '{text}': {reason}"


def test_an_operator_only_query_is_quoted_on_one_short_line():
    with pytest.raises(QueryError) as raised:
        parse("NOT\n( )  " + "() " * 40, exact=True)
    message = str(raised.value)
    assert "\n" not in message and message.startswith("nothing to search for in 'NOT ( ) () ")
    assert "…': the parentheses at character 5 hold no words" in message


def test_wildcard_and_fuzzy_together_is_an_error():
    with pytest.raises(QueryError, match="both wildcard and fuzzy at character 1"):
        parse("fil*~", exact=True)


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("date:1951-11-14", date(1951, 11, 14), date(1951, 11, 14)),
        ("date:1951-11", date(1951, 11, 1), date(1951, 11, 30)),
        ("date:1952-02", date(1952, 2, 1), date(1952, 2, 29)),
        ("date:1951", date(1951, 1, 1), date(1951, 12, 31)),
        ("date:1950s", date(1950, 1, 1), date(1959, 12, 31)),
        ("date:1950..1953", date(1950, 1, 1), date(1953, 12, 31)),
        ("date:1950-06..1953-07", date(1950, 6, 1), date(1953, 7, 31)),
        ("date:..1950", None, date(1950, 12, 31)),
        ("date:1953..", date(1953, 1, 1), None),
        ('date:"1951-11"', date(1951, 11, 1), date(1951, 11, 30)),
        ("year:1951", date(1951, 1, 1), date(1951, 12, 31)),
        ("year:1950..1951", date(1950, 1, 1), date(1951, 12, 31)),
        ("decade:1950", date(1950, 1, 1), date(1959, 12, 31)),
        ("decade:1940s", date(1940, 1, 1), date(1949, 12, 31)),
        ("date_start:1951", date(1951, 1, 1), date(1951, 12, 31)),
    ],
)
def test_dates(text, start, end):
    assert node(text) == DateRange(start, end)


def test_dates_combine_with_words():
    assert node("truce date:(1951 OR 1953)") == And(
        (
            t("truce"),
            Or(
                (
                    DateRange(date(1951, 1, 1), date(1951, 12, 31)),
                    DateRange(date(1953, 1, 1), date(1953, 12, 31)),
                )
            ),
        )
    )


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("truce date:1951-13", 12),
        ("date:1953..1950", 6),
        ('date:"yesterday"', 6),
        ("year:51", 6),
        ("decade:1955", 8),
        ("date:(1950 OR 1951*)", 15),
    ],
)
def test_bad_dates_are_errors_with_positions(text, position):
    with pytest.raises(QueryError, match=rf"\(at character {position}\)$"):
        parse(text, exact=True)


# -- malformed input --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('truce "demarcation line', 'unbalanced quote: the " at character 7 is never closed'),
        ("(truce OR armistice", r"unbalanced parenthesis: '\(' at character 1 is never closed"),
        ("truce) armistice", r"unbalanced parenthesis: '\)' at character 6 has no '\('"),
        ("AND truce", "'AND' at character 1 has nothing before it"),
        ("OR truce", "'OR' at character 1 has nothing before it"),
        ("truce AND OR armistice", "'OR' at character 11 follows 'AND'"),
        ("truce OR AND armistice", "'AND' at character 10 follows 'OR'"),
        ("truce NOT OR armistice", "'OR' at character 11 follows 'NOT'"),
        ('"a b"~x', "expected a number of words after '~' at character 6"),
        ("-*", "excludes everything"),
    ],
)
def test_malformed_queries(text, message):
    with pytest.raises(QueryError, match=message) as info:
        parse(text, exact=True)
    assert "\n" not in str(info.value)


def test_query_errors_exit_with_usage_status():
    with pytest.raises(QueryError) as info:
        parse("(", exact=True)
    assert info.value.exit_code == 2


def test_pathological_input_is_capped():
    with pytest.raises(QueryError, match="more than 1000 terms"):
        parse("w " * 1001, exact=True)
    with pytest.raises(QueryError, match="nested deeper than 50"):
        parse("(" * 60 + "a" + ")" * 60, exact=True)
    with pytest.raises(QueryError, match="nested deeper than 50"):
        parse("NOT " * 60 + "a", exact=True)
    with pytest.raises(QueryError, match="nested deeper than 50"):
        parse("(" * 100_00, exact=True)
    assert node("(" * 50 + "a" + ")" * 50) == t("a")


def _parses_or_fails_cleanly(text: str) -> None:
    try:
        parsed = parse(text, exact=True)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(parsed.node, Node)
        assert isinstance(parsed.explain(), str)


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('ab AND OR NOT()"*?~:-+.,12 date:sender:title:x:\u014d\t')),
        max_size=60,
    )
)
def test_query_syntax_soup_parses_or_raises_query_error(text):
    _parses_or_fails_cleanly(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_unicode_parses_or_raises_query_error(text):
    _parses_or_fails_cleanly(text)


# -- explanation ------------------------------------------------------------------------


def test_explain_reads_the_tree_back():
    parsed = parse('armistice "demarcation line"~5 -truce sender:mao year:1951', exact=True)
    assert parsed.explain() == (
        "all of: word 'armistice'; phrase 'demarcation line' (within 5 words); "
        "not word 'truce'; sender has 'mao'; dated between 1951-01-01 and 1951-12-31"
    )
    assert parse("", exact=True).explain() == "every document"
    assert parse("a OR (b c)", exact=True).explain() == (
        "any of: word 'a'; all of (word 'b'; word 'c')"
    )


def test_help_examples_parse():
    examples = [
        "armistice negotiations",
        '"armistice negotiations"~5',
        "truce OR armistice",
        '-"Korean War"',
        "(truce OR armistice) Panmunjom",
        "negotiat*  Kim Il*  Gromyk?",
        "Filipov~  Filipov~2",
        'subject:"Korean War" place:Korea language:Russian',
        "date:1950-06..1953-07 date:..1950 date:1953.. year:1951 decade:1950",
        "date:1949-08-15..1949-09-30",
    ]
    for example in examples:
        assert "".join(example.split()[0]) in SYNTAX_HELP
        assert parse(example, exact=True).node != MatchAll()


# -- filters ----------------------------------------------------------------------------


def test_filters_or_within_a_field_and_across_fields():
    assert parse_filters(["type=Telegram", "place=North Korea", "type=Cable"], exact=True) == And(
        (
            Or((Value("type", "telegram"), Value("type", "cable"))),
            Value("places", "north korea"),
        )
    )


def test_filters_dates_text_and_nothing():
    assert parse_filters(["year=1951"]) == DateRange(date(1951, 1, 1), date(1951, 12, 31))
    assert parse_filters(["title=Ciphered Telegram"]) == Phrase("title", ("ciphered", "telegram"))
    assert parse_filters([]) is None


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("sender", "filter 'sender' needs the form field=value"),
        ("=Stalin", "needs the form field=value"),
        ("colour=red", "unknown field 'colour' in filter 'colour=red'"),
        ("place=  ", "filter 'place=  ' has an empty value"),
        ("date=1951-13", "in filter 'date=1951-13'"),
    ],
)
def test_bad_filters(item, message):
    with pytest.raises(QueryError, match=message):
        parse_filters([item], exact=True)


def test_date_filter():
    assert date_filter("1950-06", "1953-07") == DateRange(date(1950, 6, 1), date(1953, 7, 31))
    assert date_filter(None, "1950") == DateRange(None, date(1950, 12, 31))
    assert date_filter(None, None) is None
    with pytest.raises(QueryError, match="after"):
        date_filter("1953", "1950")
    with pytest.raises(QueryError, match="--from/--to"):
        date_filter("June", None)


def test_combine():
    a, b = t("a"), t("b")
    assert combine() == MatchAll()
    assert combine(None, MatchAll()) == MatchAll()
    assert combine(a, None) == a
    assert combine(And((a, b)), Term("type", "cable")) == And((a, b, Term("type", "cable")))
    negative = node("-a")
    assert combine(negative, b) == And((Not(a), b))
    assert combine(negative) == negative
