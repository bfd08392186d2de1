"""RIS records shaped for Zotero's importer.

Correspondence (a sender and a recipient) is ``PCOMM``, which Zotero imports as a letter with
the recipients as ``A2``; everything else is ``MANSCPT`` (a manuscript).  The holding archive
goes in ``DB`` (Zotero's "Archive"), the locator in ``AN`` ("Loc. in Archive"), the digital
archive in ``DP`` ("Library Catalog").  Names without a comma import as single-field names,
so canonical names such as "Mao Zedong" are never split wrongly; translators are written
"Family, Given" because the credit gives them in natural order.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from searcher.cite.parts import CATALOG, Parts, clean, split_personal_name
from searcher.record import Record


def _date(p: Parts) -> str:
    return "/".join(f"{n:02d}" if i else str(n) for i, n in enumerate(p.date_parts))


def lines(record: Record, p: Parts, accessed: date) -> Iterator[tuple[str, str]]:
    """(tag, value) pairs of one RIS record, TY first and ER last."""
    yield "TY", "PCOMM" if p.is_letter else "MANSCPT"
    yield "TI", p.title
    for name in p.authors:
        yield "AU", name
    if p.is_letter:
        for name in p.recipients:
            yield "A2", name
    for name in p.translators:
        family, given = split_personal_name(name)
        yield "A4", f"{family}, {given}" if given else family
    if p.date_parts:
        yield "DA", _date(p)
        yield "PY", str(p.date_parts[0])
    if record.type:
        yield "M3", clean(record.type)
    if p.archive_name:
        yield "DB", p.archive_name
    if p.shelfmark:
        yield "AN", p.shelfmark
    if p.in_archive:
        yield "DP", CATALOG
    if p.url:
        yield "UR", p.url
        yield "Y2", f"{accessed.year}/{accessed.month:02d}/{accessed.day:02d}"
    if record.summary.strip():
        yield "AB", clean(record.summary)
    if record.languages:
        yield "LA", ", ".join(record.languages)
    for subject in record.subjects:
        yield "KW", clean(subject)
    if p.credit:
        yield "N1", p.credit + "."
    if record.recipient and not p.is_letter:
        yield "N1", "To: " + "; ".join(record.recipient)
    if record.via:
        yield "N1", "Via: " + "; ".join(record.via)
    if p.date_parts == () and p.shown_date:
        yield "N1", "Date as shown: " + p.shown_date
    yield "ER", ""


def entry(record: Record, p: Parts, accessed: date) -> str:
    """One RIS record, ending in a blank line."""
    out = []
    for tag, value in lines(record, p, accessed):
        out.append(f"{tag}  - {clean(value)}".rstrip() if value else f"{tag}  - ")
    return "\n".join(out) + "\n\n"
