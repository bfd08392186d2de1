"""Date values in queries (``date:``, ``year:``, ``decade:``) as DateRange nodes."""

from __future__ import annotations

from searcher.errors import QueryError
from searcher.query.ast import DateRange


def date_node(field: str, text: str, where: str = "") -> DateRange:
    """``date:1950..1953``, ``date:1951-11``, ``year:1951``, ``decade:1950s`` as a DateRange.

    ``field`` is ``date``, ``year`` or ``decade``; ``where`` (e.g. " (at character 6)") is
    added to error messages.  Dates are read by searcher.dates.
    """
    from searcher.dates import DateError, parse_query_range

    value = text.strip()
    try:
        if field == "year" and ".." not in value and not (value.isdigit() and len(value) == 4):
            raise QueryError(f"a year is four digits, not '{value}'")
        if field == "decade":
            value = value.rstrip("sS")
            if not (value.isdigit() and len(value) == 4 and value.endswith("0")):
                raise QueryError(f"a decade is written like 1950 or 1950s, not '{text}'")
            value += "s"
        start, end = parse_query_range(value)
    except (QueryError, DateError) as exc:
        raise QueryError(f"{exc}{where}") from None
    return DateRange(start, end)
