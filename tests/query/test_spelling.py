"""Which words of a query did-you-mean may touch (engine-independent rules)."""

from __future__ import annotations

from searcher.query.spelling import respell

LEXICON = {"armistice": "armistice", "negotiations": "negotiations", "the": "the"}


def near(word: str) -> str | None:
    """A toy lexicon: a correction for any word sharing its first four letters."""
    if word in LEXICON:
        return None
    return next((w for w in LEXICON if w[:4] == word[:4]), None)


def calls(text: str) -> list[str]:
    asked: list[str] = []

    def correct(word: str) -> str | None:
        asked.append(word)
        return near(word)

    respell(text, correct)
    return asked


def test_misspelt_words_are_corrected_in_place() -> None:
    assert respell("Armistise  (negotiatons)", near) == "armistice  (negotiations)"
    assert respell("armistice negotiations", near) is None


def test_operators_field_names_numbers_and_short_words_are_left_alone() -> None:
    assert calls("NOT armistise AND ab OR 1953 title:negotiatons") == [
        "armistise",
        "negotiatons",
    ]


def test_values_of_facet_and_date_fields_are_never_respelt() -> None:
    assert calls('place:Panmunjomm sender:"Kim Ilsung" date:1953 armistise') == ["armistise"]
    assert calls("subject:(armistise)") == ["armistise"]  # a group is not one value


def test_words_of_known_names_are_not_corrected() -> None:
    assert calls("Tse tung Zedong armistise") == ["armistise"]


def test_function_words_are_never_offered() -> None:
    assert respell("thx", lambda word: "the") is None


def test_wildcard_and_fuzzy_words_are_not_respelt() -> None:
    # "Gromyk?" already asks for every spelling the pattern allows; "gromyko?" finds nothing
    assert calls("Gromyk? armistise") == ["armistise"]
    assert respell("negotiat* armistise", near) == "negotiat* armistice"
    assert respell("armistise~ Negotiatons", near) == "armistise~ negotiations"
