"""Timeline buckets: one count per document, coarse dates flagged, counts summing to the total."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date

import pytest

from searcher.errors import QueryError
from searcher.timeline import plot, timeline, to_csv, to_text

# Dates and precisions as the 30 titled documents of the corpus and the scrape sample give them.
DATES = [
    (date(1950, 11, 17), "day"),
    (date(1950, 7, 5), "day"),
    (date(1950, 7, 25), "day"),
    (date(1951, 1, 16), "day"),
    (date(1952, 9, 16), "day"),
    (date(1949, 8, 1), "month"),
    (date(1949, 8, 1), "month"),
    (date(1948, 1, 1), "year"),
    (date(1949, 4, 13), "day"),
    (None, "undated"),
    (date(1967, 11, 1), "month"),
    (date(1950, 1, 1), "decade"),
]


def test_by_year_counts_each_document_once_at_its_start():
    line = timeline(DATES, "year")
    assert line.by == "year"
    counts = {b.period: b.count for b in line.buckets}
    expected = Counter(str(d.year) for d, _ in DATES if d)
    assert {p: c for p, c in counts.items() if c} == dict(expected)
    assert line.undated == 1
    assert sum(b.count for b in line.buckets) + line.undated == len(DATES) == line.total


def test_gaps_are_kept_as_empty_buckets():
    line = timeline(DATES, "year")
    periods = [b.period for b in line.buckets]
    assert periods == [str(y) for y in range(1948, 1968)]
    assert {b.period: b.count for b in line.buckets}["1960"] == 0


def test_coarser_dates_are_counted_at_start_and_marked_approximate():
    by_month = timeline(DATES, "month")
    buckets = {b.period: b for b in by_month.buckets}
    assert buckets["1948-01"].count == 1 and buckets["1948-01"].approximate == 1
    assert buckets["1949-08"].count == 2 and buckets["1949-08"].approximate == 0
    assert buckets["1950-01"].approximate == 1  # the decade-dated document
    assert by_month.total == len(DATES)
    by_year = timeline(DATES, "year")
    assert {b.period: b.approximate for b in by_year.buckets}["1950"] == 1
    assert sum(b.approximate for b in timeline(DATES, "decade").buckets) == 0


def test_decades():
    line = timeline(DATES, "decade")
    assert [(b.period, b.count) for b in line.buckets] == [
        ("1940s", 4),
        ("1950s", 6),
        ("1960s", 1),
    ]


def test_json_shape_and_csv():
    line = timeline(DATES, "year")
    data = json.loads(json.dumps(line.to_dict()))
    assert data["by"] == "year" and data["undated"] == 1
    assert data["buckets"][0] == {"period": "1948", "count": 1, "approximate": 0}
    assert sum(b["count"] for b in data["buckets"]) + data["undated"] == len(DATES)
    rows = list(csv.DictReader(io.StringIO(to_csv(line))))
    assert rows[-1] == {"period": "undated", "count": "1", "approximate": "0"}
    assert sum(int(r["count"]) for r in rows) == len(DATES)


def test_text_histogram_scales_bars_to_the_peak():
    text = to_text(timeline(DATES, "year"), width=20)
    rows = {r.split()[0]: r for r in text.splitlines() if r[:4].isdigit()}
    assert rows["1950"].count("█") + rows["1950"].count("░") == 20  # the busiest year
    assert rows["1950"].count("░") == round(1 * 20 / 4)  # its decade-dated document
    assert rows["1949"].count("█") == round(3 * 20 / 4)
    assert rows["1960"] == "1960 0"
    assert "12 documents; 1 undated" in text


def test_nothing_dated():
    line = timeline([(None, "undated")] * 3, "month")
    assert line.buckets == () and line.undated == 3 and line.total == 3
    assert "3 undated" in to_text(line)


def test_unknown_unit():
    with pytest.raises(QueryError):
        timeline(DATES, "week")


def test_plot_draws_a_png(tmp_path):
    pytest.importorskip("matplotlib")
    path = tmp_path / "timeline.png"
    plot(timeline(DATES, "year"), str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
