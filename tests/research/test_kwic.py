"""Concordance: exact word matching, alignment on the match, sorting, CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from searcher.errors import QueryError
from searcher.kwic import format_lines, kwic, phrase_words, write_csv
from searcher.record import Record

# Passages from the seed page (Mao to Filippov, 14 November 1951), with its real line breaks.
MAO_BODY = """The main question in the negotiations is the determination of the demarcation line. In
place of the demand for designation of the demarcation line deep in the rear of our troops,
the enemy has proposed to designate it on the basis of the present line of the front.

We are insisting on the cessation of military operations at the present front line and the
designation of the present line contiguous to the troops of both sides as the Demarcation
     Line with the introduction of alterations in the line contiguous to troops.

Our agreement to set aside the question of the 38th parallel as the demarcation line."""
MAO = Record(
    id="119377",
    title="Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]",
    date_start=date(1951, 11, 14),
    date_precision="day",
    sender=("Mao Zedong",),
    recipient=("Stalin",),
    summary="Mao writes of the proposed demarcation line (38th parallel).",
    body=MAO_BODY,
)
ZHOU = Record(
    id="114",
    title="Ciphered telegram, Zhou Enlai to Filippov [Stalin]",
    date_start=date(1950, 11, 17),
    date_precision="day",
    sender=("Zhou Enlai",),
    body="Our airlines and the pipelines were discussed; the demarcation-line question was not."
    " A treaty of friendship and alliance was signed.",
)
UNDATED = Record(id="raw/undated.html", title="Note", body="On the demarcation line at Kaesong.")
RECORDS = (MAO, ZHOU, UNDATED)


def occurrences(text: str, phrase: str) -> int:
    """Counted independently: on the text with whitespace and hyphens made single spaces."""
    flat = " ".join(re.sub(r"[-\s]+", " ", text).lower().split())
    return len(re.findall(rf"\b{re.escape(phrase)}\b", flat))


def test_every_occurrence_in_title_summary_and_body():
    lines = list(kwic(RECORDS, ["demarcation", "line"], sort="document"))
    expected = sum(
        occurrences(getattr(r, f), "demarcation line")
        for r in RECORDS
        for f in ("title", "summary", "body")
    )
    assert len(lines) == expected == 7
    assert [x.field for x in lines if x.id == "119377"].count("summary") == 1
    # across a line break and a run of spaces, in any case
    assert "Demarcation Line" in {x.match for x in lines}
    # the hyphenated form is the same two words
    assert any(x.id == "114" and x.match == "demarcation-line" for x in lines)


def test_whole_words_only():
    found = list(kwic(RECORDS, ["line"], sort="document"))
    assert len(found) == sum(
        occurrences(getattr(r, f), "line") for r in RECORDS for f in ("title", "summary", "body")
    )
    assert all(x.match.lower() == "line" for x in kwic(RECORDS, ["line"]))
    assert not list(kwic([ZHOU], ["line", "s"]))
    assert not list(kwic([ZHOU], ["lines"]))  # "airlines", "pipelines" are other words
    # a phrase is its words in order, with nothing between them but non-word characters
    assert not list(kwic([ZHOU], ["friendship", "alliance"]))
    assert len(list(kwic([ZHOU], ["friendship", "and", "alliance"]))) == 1


def test_context_is_width_characters_on_one_line():
    for line in kwic(RECORDS, ["demarcation", "line"], width=25):
        assert len(line.left) <= 25 and len(line.right) <= 25
        for side in (line.left, line.right):
            assert "\n" not in side and "  " not in side
    first = next(kwic([MAO], ["38th", "parallel"], width=20, sort="document"))
    assert first.left == "d demarcation line ("
    assert first.right.startswith(").")


def test_text_lines_align_on_the_match():
    lines = list(kwic(RECORDS, ["demarcation", "line"], width=30))
    rows = list(format_lines(lines, width=30))
    assert len(rows) == len(lines)
    column = rows[0].lower().index(lines[0].match.lower(), 30)
    for row, line in zip(rows, lines, strict=True):
        assert row[column : column + len(line.match)] == line.match
        assert row.startswith(line.id)
        assert line.date in row


def test_rows_carry_id_date_and_sender():
    rows = list(format_lines(kwic(RECORDS, ["Kaesong"]), width=20))
    assert rows[0].startswith("raw/undated.html  n.d.")
    dated = list(format_lines(kwic([MAO], ["38th", "parallel"]), width=20))
    assert all("1951-11-14" in r and "Mao Zedong" in r for r in dated)


def test_sort_left_orders_by_nearest_preceding_word():
    lines = list(kwic(RECORDS, ["demarcation", "line"], sort="left"))
    keys = [[w.lower() for w in reversed(re.findall(r"\w+", x.left))] for x in lines]
    assert keys == sorted(keys)
    assert keys[0][0] < keys[-1][0]


def test_sort_right_and_date():
    right = list(kwic(RECORDS, ["demarcation", "line"], sort="right"))
    keys = [[w.lower() for w in re.findall(r"\w+", x.right)] for x in right]
    assert keys == sorted(keys)
    by_date = [x.id for x in kwic(RECORDS, ["demarcation", "line"], sort="date")]
    assert by_date.index("114") < by_date.index("119377") < by_date.index("raw/undated.html")


def test_csv_export_reads_back():
    out = io.StringIO()
    count = write_csv(kwic(RECORDS, ["demarcation", "line"]), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows) == 7
    assert set(rows[0]) == {"id", "date", "sender", "field", "left", "match", "right"}
    assert {r["sender"] for r in rows} == {"Mao Zedong", "Zhou Enlai", ""}


def test_phrase_words_and_errors():
    assert phrase_words('"Filippov [Stalin]"') == ("Filippov", "Stalin")
    with pytest.raises(QueryError):
        list(kwic(RECORDS, []))
    with pytest.raises(QueryError):
        list(kwic(RECORDS, ["line"], sort="sideways"))
