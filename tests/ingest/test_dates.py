"""Displayed dates to spans, and the dates and ranges users type in queries."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searcher.dates import DateError, parse_display_date, parse_query_date, parse_query_range


@pytest.mark.parametrize(
    ("shown", "start", "end", "precision"),
    [
        ("November 14, 1951", date(1951, 11, 14), date(1951, 11, 14), "day"),
        ("January 08, 1955", date(1955, 1, 8), date(1955, 1, 8), "day"),
        ("14 November 1951", date(1951, 11, 14), date(1951, 11, 14), "day"),
        ("Sept. 3, 1950", date(1950, 9, 3), date(1950, 9, 3), "day"),
        ("1950-11-14", date(1950, 11, 14), date(1950, 11, 14), "day"),
        ("14.11.1951", date(1951, 11, 14), date(1951, 11, 14), "day"),
        ("November 1951", date(1951, 11, 1), date(1951, 11, 30), "month"),
        ("June, 1934", date(1934, 6, 1), date(1934, 6, 30), "month"),
        ("August 1949", date(1949, 8, 1), date(1949, 8, 31), "month"),
        ("April 1950", date(1950, 4, 1), date(1950, 4, 30), "month"),
        ("March\xa005,\xa01949", date(1949, 3, 5), date(1949, 3, 5), "day"),
        ("February 1952", date(1952, 2, 1), date(1952, 2, 29), "month"),
        ("1948", date(1948, 1, 1), date(1948, 12, 31), "year"),
        ("c. 1950", date(1950, 1, 1), date(1950, 12, 31), "year"),
        ("ca. 1950", date(1950, 1, 1), date(1950, 12, 31), "year"),
        ("[1950]", date(1950, 1, 1), date(1950, 12, 31), "year"),
        ("1950s", date(1950, 1, 1), date(1959, 12, 31), "decade"),
    ],
)
def test_displayed_forms(shown, start, end, precision):
    span = parse_display_date(shown)
    assert (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "shown", ["Undated", "n.d.", "", "   ", "February 30, 1950", "Smarch 3, 1950", "soon", "0000"]
)
def test_undated_and_garbage_have_no_span(shown):
    span = parse_display_date(shown)
    assert (span.start, span.end, span.precision) == (None, None, "undated")


@given(st.text(max_size=40))
def test_never_raises_and_spans_are_ordered(text):
    span = parse_display_date(text)
    if span.precision == "undated":
        assert span.start is None and span.end is None
    else:
        assert span.start is not None and span.end is not None and span.start <= span.end


@given(st.dates(min_value=date(1000, 1, 1)))
def test_every_day_reads_back_in_the_archive_form(day):
    span = parse_display_date(day.strftime("%B %d, %Y"))
    assert span.start == span.end == day


def test_query_dates():
    assert parse_query_date("1951") == (date(1951, 1, 1), date(1951, 12, 31))
    assert parse_query_date("1951-11") == (date(1951, 11, 1), date(1951, 11, 30))
    assert parse_query_date("1951-11-14") == (date(1951, 11, 14), date(1951, 11, 14))
    assert parse_query_date("1950s") == (date(1950, 1, 1), date(1959, 12, 31))


@pytest.mark.parametrize("text", ["51", "November 1951", "1951-13", "1951-02-30", "x", ""])
def test_bad_query_dates_say_what_is_expected(text):
    with pytest.raises(DateError, match="use YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_query_date(text)


def test_query_ranges():
    assert parse_query_range("1950..1953") == (date(1950, 1, 1), date(1953, 12, 31))
    assert parse_query_range("1950-06..1953-07") == (date(1950, 6, 1), date(1953, 7, 31))
    assert parse_query_range("..1950") == (None, date(1950, 12, 31))
    assert parse_query_range("1950..") == (date(1950, 1, 1), None)
    assert parse_query_range("1951-11") == (date(1951, 11, 1), date(1951, 11, 30))


@pytest.mark.parametrize("text", ["1953..1950", "..", "1950..x", "1951-12-02..1951-12-01"])
def test_bad_ranges(text):
    with pytest.raises(DateError):
        parse_query_range(text)
