"""A Page (what a layout read) to a Record (what the index keeps).

Dates become spans, the title's correspondents canonical names, people go through the name
authority, languages become names; the type, archive and language a page implies fill those
it leaves empty (:mod:`searcher.ingest.implied`); every other Page field that names a
Record field is copied to it as the page gives it (lists as tuples of their distinct values).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import PurePath

from searcher.dates import parse_display_date
from searcher.identity import path_id, slug, url_id
from searcher.ingest.correspondents import merge_authors, parse_title
from searcher.ingest.implied import archive_languages, archives, document_type, stated_languages
from searcher.ingest.languages import language_name
from searcher.ingest.page import Page
from searcher.names import NameAuthority, default_authority
from searcher.record import Record

__all__ = ["compose_citation", "record_id_for", "to_record"]

ARCHIVE_NAME = "History and Public Policy Program Digital Archive"
_PERSON_PILL = re.compile(r"^[^\W\d_][\w'’.\- ]*,\s*[^\W\d_]")


def record_id_for(page: Page, path: str = "", content_hash: str = "") -> str:
    """A stable, url-safe id: the archive's record id, else the url's slug, else the file's
    name, else the content hash."""
    return (
        slug(page.record_id.strip())
        or url_id(page.url)
        or (path_id(PurePath(path).name) if path else "")
        or content_hash[:16]
        or slug(page.title)[:80]
        or "untitled"
    )


def compose_citation(title: str, shown_date: str, source: str) -> str:
    """A citation in the archive's own form: "TITLE," DATE, ARCHIVE, SOURCE."""
    if not title:
        return ""
    parts = [f'"{title},"']
    if shown_date:
        parts.append(f"{shown_date},")
    parts.append(f"{ARCHIVE_NAME}{',' if source else '.'}")
    if source:
        ended = source.rstrip("\"”'’").endswith((".", "?", "!"))  # '... "77 Conversations."'
        parts.append(source if ended else f"{source}.")
    return " ".join(parts)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in (" ".join(v.split()) for v in values) if v))


def _is_person(name: str, authority: NameAuthority) -> bool:
    """A pill that names a person: known to the authority, or written "Surname, Given"."""
    return authority.canonical(name) is not None or bool(_PERSON_PILL.match(name))


def _implied(page: Page) -> tuple[str, list[str], list[str]]:
    """The page's type, archives and languages, each filled from what the page implies
    when it does not label them."""
    kind = page.type or document_type(page.title)
    held = page.archive or archives(page.source or page.citation)
    languages = page.languages
    if not languages:
        tabs = [t for t in page.extra.get("tabs", "").split("; ") if t]
        languages = stated_languages([page.citation, page.source, page.credits], tabs)
        languages = languages or archive_languages(held)
    return kind, held, languages


def to_record(
    page: Page,
    *,
    path: str = "",
    content_hash: str = "",
    authority: NameAuthority | None = None,
) -> Record:
    """Normalise one page into a Record."""
    names = authority or default_authority()
    span = parse_display_date(page.date)
    correspondents = merge_authors(
        parse_title(page.title, names), page.authors, names, page.recipients
    )
    people = _unique(
        [
            *(names.canonicalize(p) for p in page.people),
            *(
                names.canonicalize(p)
                for p in (*page.authors, *page.contributors)
                if _is_person(p, names)
            ),
            *(
                n
                for n in (
                    *correspondents.sender,
                    *correspondents.recipient,
                    *correspondents.via,
                    *correspondents.participants,
                )
                if names.canonical(n) == n
            ),
        ]
    )
    extra = dict(page.extra)
    kind, held, languages = _implied(page)
    if page.authors:
        extra.setdefault("authors", "; ".join(page.authors))
    made = dict(
        id=record_id_for(page, path, content_hash),
        path=path,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
        sender=correspondents.sender,
        recipient=correspondents.recipient,
        via=correspondents.via,
        participants=correspondents.participants,
        title_names=correspondents.as_written,
        citation=page.citation or compose_citation(page.title, page.date, page.source),
        archive=_unique(held),
        people=people,
        languages=_unique(language_name(v) for v in languages),
        type=kind,
        contributors=_unique(names.canonicalize(c) for c in page.contributors),
        content_hash=content_hash,
        extra=extra,
    )
    return Record(**(_as_given(page) | made))


#: Every field of the Record, in its order.
_RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Record))


def _as_given(page: Page) -> dict[str, object]:
    """The page's values of the Record's fields, by name, as the page gives them (lists as
    tuples of their distinct values): the Page's own fields and any other a layout set
    (a labelled value of a Record field the Page does not name, see ``html_text.assign``)."""
    held = vars(page)
    given: dict[str, object] = {}
    for name in _RECORD_FIELDS:
        if name in held:
            value = held[name]
            given[name] = _unique(value) if isinstance(value, list) else value
    return given
