"""Dates: what a page shows ("August 1949") to the span it stands for, and query dates.

A displayed date becomes a :class:`DateSpan`: the first and last day it covers and how
precise it is.  "August 1949" covers 1949-08-01..1949-08-31, "1948" the whole year, "1950s"
the decade.  An undated document has no span at all (never 1 January of some year).

>>> parse_display_date("June, 1934")
DateSpan(start=datetime.date(1934, 6, 1), end=datetime.date(1934, 6, 30), precision='month')
>>> parse_query_range("1950..1953")
(datetime.date(1950, 1, 1), datetime.date(1953, 12, 31))
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from searcher.record import Precision

__all__ = [
    "UNDATED",
    "DateError",
    "DateSpan",
    "parse_display_date",
    "parse_query_date",
    "parse_query_range",
]


class DateError(ValueError):
    """A date or date range typed in a query that cannot be read (the query layer reports
    it as a QueryError)."""


@dataclass(frozen=True)
class DateSpan:
    """The days a displayed date covers; both ends are ``None`` when undated."""

    start: date | None
    end: date | None
    precision: Precision


UNDATED = DateSpan(None, None, "undated")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}

_M = r"(?P<m>[a-z]+)\.?"
_D = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<y>\d{4})"
_DAY_MDY = re.compile(rf"{_M}\s+{_D},?\s+{_Y}")
_DAY_DMY = re.compile(rf"{_D}\s+{_M},?\s+{_Y}")
_DAY_NUMERIC = re.compile(rf"{_D}\.(?P<mn>\d{{1,2}})\.{_Y}")
_MONTH_YEAR = re.compile(rf"{_M},?\s+{_Y}")
_ISO = re.compile(rf"{_Y}-(?P<mn>\d{{1,2}})(?:-(?P<d>\d{{1,2}}))?")
_YEAR = re.compile(rf"{_Y}\??")
_YEARS = re.compile(r"(?P<y>\d{4})\s*(?:-|–|—|to)\s*(?P<y2>\d{4})")
_DECADE = re.compile(r"(?:the\s+)?(?P<y>\d{3}0)\s*'?s")
_SEASON = re.compile(rf"(?:early|mid|late|spring|summer|autumn|fall|winter)[- ,]+{_Y}")
_APPROX = re.compile(r"^(?:c\.|ca\.|circa|approx\.|about|before|after)\s*")
_UNDATED_WORDS = frozenset(
    {"", "undated", "n.d", "n. d", "nd", "no date", "date unknown", "unknown", "-"}
)


def _day(y: int, m: int, d: int) -> DateSpan:
    try:
        day = date(y, m, d)
    except ValueError:
        return UNDATED
    return DateSpan(day, day, "day")


def _month(y: int, m: int) -> DateSpan:
    if not (1 <= m <= 12 and y >= 1):
        return UNDATED
    return DateSpan(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month")


def _years(y: int, y2: int, precision: Precision) -> DateSpan:
    if not (1 <= y <= y2 <= 9999):
        return UNDATED
    return DateSpan(date(y, 1, 1), date(y2, 12, 31), precision)


@lru_cache(maxsize=4096)
def parse_display_date(shown: str) -> DateSpan:
    """The span a displayed date stands for; anything unreadable is undated (never raises)."""
    text = " ".join(shown.lower().split()).strip(" .;")
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    text = _APPROX.sub("", text).strip("[] ")
    if text in _UNDATED_WORDS:
        return UNDATED
    if match := _DAY_MDY.fullmatch(text) or _DAY_DMY.fullmatch(text):
        month = _MONTHS.get(match["m"])
        return _day(int(match["y"]), month, int(match["d"])) if month else UNDATED
    if match := _MONTH_YEAR.fullmatch(text):
        month = _MONTHS.get(match["m"])
        return _month(int(match["y"]), month) if month else UNDATED
    if match := _ISO.fullmatch(text):
        y, m = int(match["y"]), int(match["mn"])
        return _day(y, m, int(match["d"])) if match["d"] else _month(y, m)
    if match := _DAY_NUMERIC.fullmatch(text):
        return _day(int(match["y"]), int(match["mn"]), int(match["d"]))
    if match := _YEAR.fullmatch(text) or _SEASON.fullmatch(text):
        y = int(match["y"])
        return _years(y, y, "year")
    if match := _DECADE.fullmatch(text):
        y = int(match["y"])
        return _years(y, y + 9, "decade")
    if match := _YEARS.fullmatch(text):
        return _years(int(match["y"]), int(match["y2"]), "year")
    return UNDATED


_Q_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_Q_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_Q_YEAR = re.compile(r"\d{4}")
_Q_DECADE = re.compile(r"(\d{3}0)s")


def parse_query_date(text: str) -> tuple[date, date]:
    """The first and last day of a date a user typed: YYYY, YYYY-MM, YYYY-MM-DD or YYYYs."""
    value = text.strip()
    span = UNDATED
    if match := _Q_DAY.fullmatch(value):
        span = _day(*(int(g) for g in match.groups()))
    elif match := _Q_MONTH.fullmatch(value):
        span = _month(int(match[1]), int(match[2]))
    elif _Q_YEAR.fullmatch(value):
        span = _years(int(value), int(value), "year")
    elif match := _Q_DECADE.fullmatch(value):
        span = _years(int(match[1]), int(match[1]) + 9, "decade")
    if span.start is None or span.end is None:
        raise DateError(f"bad date '{text}': use YYYY, YYYY-MM or YYYY-MM-DD")
    return span.start, span.end


def parse_query_range(text: str) -> tuple[date | None, date | None]:
    """A range "A..B" (either end may be left open) or one date, as (first day, last day)."""
    value = text.strip()
    if ".." not in value:
        return parse_query_date(value)
    left, _, right = value.partition("..")
    left, right = left.strip(), right.strip()
    if not left and not right:
        raise DateError(f"bad date range '{text}': give a start, an end or both")
    start = parse_query_date(left)[0] if left else None
    end = parse_query_date(right)[1] if right else None
    if start and end and start > end:
        raise DateError(f"bad date range '{text}': the start is after the end")
    return start, end
