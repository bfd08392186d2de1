"""Citations of records: Chicago notes and bibliography, RIS, BibTeX and CSL-JSON.

Engine-independent: everything here works on :class:`searcher.record.Record` values.

>>> from searcher.cite import format_citations
>>> print(format_citations(records, "chicago"))        # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from searcher.cite import bibtex, chicago, csl, ris
from searcher.cite.parts import Parts, parts
from searcher.errors import QueryError
from searcher.record import Record

#: Every style name, as the command line spells it.
STYLES: tuple[str, ...] = ("chicago", "chicago-bib", "ris", "bibtex", "csl-json")

__all__ = ["STYLES", "Parts", "accessed_date", "format_citations", "iter_citations", "parts"]


def iter_citations(
    records: Iterable[Record], style: str, *, accessed: date | None = None
) -> Iterator[str]:
    """Citations of ``records`` in ``style``, one chunk at a time, in constant memory.

    ``chicago`` gives one note per document, in the given order; ``chicago-bib`` a
    bibliography (which has to be sorted, so it holds every entry before the first).
    ``accessed`` is the access date cited with the URL (default: today).
    """
    if style not in STYLES:
        raise QueryError(f"unknown citation style '{style}' (known: {', '.join(STYLES)})")
    day = accessed or date.today()
    if style == "chicago":
        for record in records:
            yield chicago.note(parts(record), day) + "\n\n"
    elif style == "chicago-bib":
        entries = sorted((parts(r) for r in records), key=chicago.sort_key)
        for p in entries:
            yield chicago.bibliography(p, day) + "\n\n"
    elif style == "ris":
        for record in records:
            yield ris.entry(record, parts(record), day)
    elif style == "bibtex":
        for record in records:
            yield bibtex.entry(record, parts(record), day)
    else:
        yield "["
        for n, record in enumerate(records):
            item = json.dumps(csl.item(record, parts(record), day), ensure_ascii=False, indent=2)
            yield ("," if n else "") + "\n" + item
        yield "\n]\n"


def format_citations(records: Iterable[Record], style: str, *, accessed: date | None = None) -> str:
    """All citations of ``records`` in ``style`` as one string (see :func:`iter_citations`).

    Text styles end without a trailing blank line; an empty input gives ``""`` (or ``"[]"``
    for csl-json).
    """
    text = "".join(iter_citations(records, style, accessed=accessed))
    if style == "csl-json":
        return "[]" if text.strip() == "[\n]" else text.rstrip("\n")
    return text.rstrip("\n")


def accessed_date(text: str | None) -> date | None:
    """The day a citation says the page was read, from ``YYYY-MM-DD`` (None: today)."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"bad --accessed date '{text}' (use YYYY-MM-DD)") from None
