"""Concordance (keyword in context): every occurrence of a word or phrase, aligned on it.

Matching is exact on words: case-insensitive, on word boundaries, with the phrase's words in
order and separated by anything that is not a word character (spaces, line breaks,
punctuation, hyphens).  There is no stemming: ``negotiation`` does not find
``negotiations``; list each form you want.  Whitespace in the text is collapsed to single
spaces so that every line is one line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO

from searcher.errors import QueryError
from searcher.record import Record

#: The record fields searched, in this order within a document.
TEXT_FIELDS: tuple[str, ...] = ("title", "summary", "body")
SORTS: tuple[str, ...] = ("left", "right", "date", "document")
CSV_COLUMNS: tuple[str, ...] = ("id", "date", "sender", "field", "left", "match", "right")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class KwicLine:
    """One occurrence: ``width`` characters of context either side of the match."""

    id: str
    date: str
    date_start: date | None
    sender: tuple[str, ...]
    field: str
    offset: int
    left: str
    match: str
    right: str

    def to_dict(self) -> dict[str, str | int]:
        return {
            "id": self.id,
            "date": self.date,
            "sender": "; ".join(self.sender),
            "field": self.field,
            "offset": self.offset,
            "left": self.left,
            "match": self.match,
            "right": self.right,
        }


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase as the concordance matches them."""
    return tuple(_WORD.findall(phrase))


def phrase_pattern(words: Sequence[str]) -> re.Pattern[str]:
    """A pattern for ``words`` in order, whole words only, case-insensitive."""
    words = [w for w in words if w]
    if not words:
        raise QueryError("the concordance needs at least one word")
    body = r"\W+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def short_date(day: date | None, precision: str) -> str:
    """1951-11-14, 1949-08, 1948 or 1950s as far as known; "n.d." when undated."""
    if day is None or precision == "undated":
        return "n.d."
    if precision == "day":
        return day.isoformat()
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "decade":
        return f"{day.year // 10 * 10}s"
    return f"{day.year:04d}"


def _occurrences(record: Record, pattern: re.Pattern[str], width: int) -> Iterator[KwicLine]:
    shown = short_date(record.date_start, record.date_precision)
    for field in TEXT_FIELDS:
        raw = getattr(record, field)
        if not raw:
            continue
        text = " ".join(raw.split())
        for m in pattern.finditer(text):
            start, end = m.span()
            yield KwicLine(
                id=record.id,
                date=shown,
                date_start=record.date_start,
                sender=record.sender,
                field=field,
                offset=start,
                left=text[max(0, start - width) : start],
                match=m.group(),
                right=text[end : end + width],
            )


def _left_key(line: KwicLine) -> tuple[list[str], str, int]:
    return ([w.casefold() for w in reversed(_WORD.findall(line.left))], line.id, line.offset)


def _right_key(line: KwicLine) -> tuple[list[str], str, int]:
    return ([w.casefold() for w in _WORD.findall(line.right)], line.id, line.offset)


def _date_key(line: KwicLine) -> tuple[bool, date, str, int]:
    return (line.date_start is None, line.date_start or date.min, line.id, line.offset)


_SORT_KEYS = {"left": _left_key, "right": _right_key, "date": _date_key}


def kwic(
    records: Iterable[Record],
    phrase_words: Sequence[str],
    *,
    width: int = 60,
    sort: str = "left",
) -> Iterator[KwicLine]:
    """Every occurrence of the phrase in the records' title, summary and body.

    ``sort``: ``left`` (by the words before the match, nearest first), ``right`` (by the
    words after it), ``date`` (oldest first, undated last) or ``document`` (as the records
    come; streams without holding the lines).
    """
    if sort not in SORTS:
        raise QueryError(f"unknown concordance order '{sort}' (known: {', '.join(SORTS)})")
    if width < 1:
        raise QueryError("the concordance width must be at least 1")
    pattern = phrase_pattern(phrase_words)
    lines = (line for record in records for line in _occurrences(record, pattern, width))
    if sort == "document":
        yield from lines
    else:
        yield from sorted(lines, key=_SORT_KEYS[sort])


def format_lines(
    lines: Iterable[KwicLine], *, width: int = 60, mark: Callable[[str], str] | None = None
) -> Iterator[str]:
    """Aligned text lines: id, date, sender, then the context with every match in one column.

    The context is the text exactly as it runs (no spaces added around the match), so a
    match inside punctuation reads "(demarcation line)".

    ``mark`` styles the match (e.g. bold on a terminal); it must not change the visible width.
    """
    lines = list(lines)
    id_width = max((len(x.id) for x in lines), default=0)
    date_width = max((len(x.date) for x in lines), default=0)
    senders = ["; ".join(x.sender) or "-" for x in lines]
    sender_width = min(max((len(s) for s in senders), default=0), 24)
    for line, sender in zip(lines, senders, strict=True):
        if len(sender) > sender_width:
            sender = sender[: sender_width - 1] + "…"
        match = mark(line.match) if mark else line.match
        yield (
            f"{line.id:<{id_width}}  {line.date:<{date_width}}  {sender:<{sender_width}}  "
            f"{line.left:>{width}}{match}{line.right}"
        ).rstrip()


def write_csv(lines: Iterable[KwicLine], out: IO[str]) -> int:
    """The concordance as CSV (id, date, sender, field, left, match, right); returns rows."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for line in lines:
        row = line.to_dict()
        writer.writerow([row[c] for c in CSV_COLUMNS])
        count += 1
    return count
