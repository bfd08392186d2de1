"""Streaming CSV / JSON-lines export of records with chosen fields."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date

import pytest

from searcher.errors import QueryError
from searcher.export import DEFAULT_FIELDS, check_fields, write_csv, write_jsonl
from searcher.record import Record

NEHRU = Record(
    id="300653",
    title="Letter, Jawaharlal Nehru to All Provincial Premiers",
    date="April 1, 1949",
    date_start=date(1949, 4, 1),
    date_end=date(1949, 4, 1),
    date_precision="day",
    sender=("Jawaharlal Nehru",),
    recipient=("All Provincial Premiers",),
    url="https://digitalarchive.wilsoncenter.org/document/letter-jawaharlal-nehru-all-provincial-premiers",
    subjects=("India--Foreign relations--Pakistan",),
    places=("India", "China", "Southeast Asia", "Pakistan"),
    summary='Nehru briefs the Provincial Premiers, "about internal and external developments".',
)
KOHL = Record(
    id="300242",
    title="The Chancellor's [Helmut Kohl's] Meeting with British PM Blair, 10.30 a.m. - 3 p.m.",
    date="October 31, 1997",
    date_start=date(1997, 10, 31),
    date_precision="day",
    participants=("Helmut Kohl", "Tony Blair"),
    body="Line one,\nline two; with a comma.",
)
UNDATED = Record(id="raw_html/x.html", title="Satō and the visit")


def test_csv_with_chosen_fields_reads_back():
    out = io.StringIO()
    fields = ["title", "date_start", "sender", "recipient", "places", "url"]
    assert write_csv([NEHRU, KOHL, UNDATED], fields, out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == fields
    assert rows[0]["title"] == NEHRU.title
    assert rows[0]["date_start"] == "1949-04-01"
    assert rows[0]["places"].split("; ") == list(NEHRU.places)
    assert rows[1]["sender"] == ""
    assert rows[2]["title"] == "Satō and the visit" and rows[2]["date_start"] == ""


def test_csv_keeps_commas_quotes_and_line_breaks():
    out = io.StringIO()
    write_csv([NEHRU, KOHL], "id,summary,body", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["summary"] == NEHRU.summary
    assert rows[1]["body"] == KOHL.body


def test_jsonl_keeps_lists_and_iso_dates():
    out = io.StringIO()
    assert write_jsonl([NEHRU, UNDATED], "id,date_start,participants,subject", out) == 2
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == {
        "id": "300653",
        "date_start": "1949-04-01",
        "participants": [],
        "subject": ["India--Foreign relations--Pakistan"],
    }
    assert second["date_start"] is None


def test_default_and_unknown_fields():
    assert check_fields(None) == DEFAULT_FIELDS
    assert check_fields(" title , date ") == ("title", "date")
    with pytest.raises(QueryError, match="sendr"):
        check_fields("title,sendr")
    with pytest.raises(QueryError):
        write_jsonl([NEHRU], ["nope"], io.StringIO())


class _Watch(io.StringIO):
    """An output that checks, on every write, how far the input has run ahead of it."""

    def __init__(self) -> None:
        super().__init__()
        self.made = 0
        self.lines = 0
        self.most_ahead = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        self.most_ahead = max(self.most_ahead, self.made - self.lines)
        return super().write(text)


def _many(watch: _Watch, n: int) -> Iterator[Record]:
    for i in range(n):
        watch.made += 1
        yield Record(id=str(i), title=f"Document {i}", date_start=date(1950, 1, 1 + i % 28))


@pytest.mark.parametrize("writer", [write_csv, write_jsonl])
def test_export_streams_one_record_at_a_time(writer):
    watch = _Watch()
    assert writer(_many(watch, 5000), ["id", "title", "date_start"], watch) == 5000
    assert watch.most_ahead <= 1
