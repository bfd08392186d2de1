"""One record per document: pages that hold the same document, and their merged record.

Two pages hold the same document when they state the same archive record id, have the
same address, or have the same title and date and nearly the same text (a text dump and
the HTML page of one telegram).  Their record takes each field from the richest copy that
has it, and lists every page in ``copies`` (its own path first).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from searcher.identity import archive_id
from searcher.record import Record

__all__ = ["Key", "group", "key_of", "merge", "near", "richness"]

#: What the index remembers of each page to find its copies later: its base id, the
#: archive's record id, its address, and its title-and-date key (each "" when unknown).
Key = list[str]
#: Share of words two texts must have in common to be copies of one document.
NEAR = 0.8
#: Pages sharing a title and date beyond this many are not compared by text (a title
#: such as "Untitled" is no sign of a copy, and comparing them all would take long).
LARGEST_BUCKET = 50
_WORD = re.compile(r"\w+")
_NOT_MERGED = frozenset({"id", "path", "copies", "content_hash", "stale", "extra"})


def key_of(record: Record, base: str) -> Key:
    """The page's key (see :data:`Key`)."""
    title = " ".join(_WORD.findall(record.title.casefold()))
    shown = record.date_start.isoformat() if record.date_start else record.date.casefold()
    url = record.url.strip().rstrip("/")
    url = re.sub(r"^https?://(www\.)?", "", url, flags=re.IGNORECASE)
    stated = archive_id(record)
    # most pages' base id is their record id: one string for both
    return [base, base if stated == base else stated, url, f"{title}|{shown}" if title else ""]


def richness(record: Record) -> tuple[Any, ...]:
    """Orders copies, richest first: whole pages before cut ones, then pages stating the
    archive's record id and address, then the most fields filled, then the longest text."""
    filled = sum(
        1
        for f in dataclasses.fields(record)
        if f.name not in _NOT_MERGED and getattr(record, f.name) not in ("", (), None, False)
    )
    return (not record.partial, bool(record.record_id), bool(record.url), filled, len(record.body))


def near(a: Record, b: Record) -> bool:
    """Whether two pages' texts are nearly the same (word sets mostly shared)."""
    words_a = set(_WORD.findall((a.body or a.summary).casefold()))
    words_b = set(_WORD.findall((b.body or b.summary).casefold()))
    if not words_a or not words_b:
        return not words_a and not words_b
    return len(words_a & words_b) / len(words_a | words_b) >= NEAR


def merge(records: Iterable[Record], copies: Iterable[str] = ()) -> Record:
    """One record from the copies of a document: each field from the richest copy that
    has it; ``copies`` lists the merged pages' paths and any others (``copies``) known to
    hold the document, the chosen page's path first."""
    ranked = sorted(records, key=lambda r: (_negated(richness(r)), r.path))
    first = ranked[0]
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(first):
        if f.name in _NOT_MERGED or getattr(first, f.name) not in ("", (), None):
            continue
        for other in ranked[1:]:
            value = getattr(other, f.name)
            if value not in ("", (), None):
                changes[f.name] = value
                break
    extra: dict[str, str] = {}
    for other in reversed(ranked):
        extra.update(other.extra)
    if "date_start" in changes:  # a date is taken whole, with its end and precision
        source = next(r for r in ranked if r.date_start is not None)
        changes.update(date_end=source.date_end, date_precision=source.date_precision)
        changes.setdefault("date", source.date)
    ident = next((archive_id(r) for r in ranked if archive_id(r)), "") or first.id
    others = sorted({r.path for r in ranked[1:]} | set(copies) - {first.path})
    return replace(first, **changes, id=ident, extra=extra, copies=(first.path, *others))


def _negated(rank: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(-int(v) if isinstance(v, bool) else -v for v in rank)


def group(
    keys: dict[str, Key],
    same_text: Callable[[list[str]], list[list[str]]],
) -> list[list[str]]:
    """The pages of ``keys`` (path -> key) in groups that hold one document each, every
    group sorted: linked by record id, by address (pages stating no record id), and by
    title and date where ``same_text`` (given the paths sharing a title and date) says
    which hold the same text; ``same_text`` must not link pages of two record ids.
    """
    parent: dict[str, str] = {}  # only pages linked to another; the rest are their own

    def find(path: str) -> str:
        while (up := parent.get(path, path)) != path:
            parent[path] = path = parent.get(up, up)  # halves the way to the root
        return path

    def link(paths: list[str]) -> None:
        roots = sorted({find(p) for p in paths})
        for root in roots[1:]:
            parent[root] = roots[0]

    for slot in (1, 2):
        first: dict[str, str] = {}
        for path, key in keys.items():
            # one address, two record ids: two documents (a site reusing an address)
            if key[slot] and (slot == 1 or not key[1]):
                other = first.setdefault(key[slot], path)
                if other != path:
                    link([other, path])
    # a title's first page alone, as a list once a second page shares it
    by_title: dict[str, str | list[str]] = {}
    for path, key in keys.items():
        if key[3]:
            seen = by_title.setdefault(key[3], path)
            if isinstance(seen, list):
                seen.append(path)
            elif seen != path:
                by_title[key[3]] = [seen, path]
    for paths in by_title.values():
        # pages stating different record ids are different documents, whatever their text
        if (
            isinstance(paths, list)
            and len(paths) <= LARGEST_BUCKET
            and _may_link([keys[p][1] for p in paths])
        ):
            for linked in same_text(sorted(paths)):
                if len(linked) > 1:
                    link(linked)
    groups: dict[str, list[str]] = {}
    for path in sorted(keys):
        groups.setdefault(find(path), []).append(path)
    return list(groups.values())


def _may_link(ids: list[str]) -> bool:
    """Whether any two pages with these record ids ("" for none) may hold one document."""
    stated = [i for i in ids if i]
    return len(stated) < len(ids) or len(set(stated)) < len(stated)
