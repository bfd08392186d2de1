"""Chicago notes-bibliography citations of archival documents, as plain text.

Note: ``"Title," November 14, 1951, translated by X, APRF, f. 45, op. 1, d. 342, ll. 16-19,
History and Public Policy Program Digital Archive, Wilson Center, URL, accessed DATE.``
Bibliography: the sender first, then the same pieces as sentences.  Names are kept as the
archive writes them (canonical, not inverted), since many are Chinese or Russian names whose
family name already comes first, or institutions.
"""

from __future__ import annotations

from datetime import date

from searcher.cite.parts import (
    DIGITAL_ARCHIVE,
    PUBLISHER,
    Parts,
    name_list,
    spelled_date,
    spelled_day,
)


def _quoted(title: str, closing: str) -> str:
    """The title in double quotes with ``closing`` punctuation inside them (American style);
    double quotes inside the title become single ones."""
    title = title.replace('"', "'").replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    if title.endswith(("?", "!")):
        return f'"{title}"'
    return f'"{title}{closing}"'


def _holding(p: Parts) -> list[str]:
    return [x for x in (p.locator, p.repository) if x]


def note(p: Parts, accessed: date) -> str:
    """The full note form for one document."""
    pieces = [_quoted(p.title, ","), spelled_date(p)]
    text = " ".join(pieces)
    rest: list[str] = []
    if p.credit:
        rest.append(p.credit[0].lower() + p.credit[1:])
    rest += _holding(p)
    if p.in_archive:
        rest.append(f"{DIGITAL_ARCHIVE}, {PUBLISHER}")
    if p.url:
        rest += [p.url, f"accessed {spelled_day(accessed)}"]
    return _full_stop(", ".join([text, *rest]))


def bibliography(p: Parts, accessed: date) -> str:
    """The bibliography entry for one document."""
    sentences: list[str] = []
    if p.authors:
        sentences.append(name_list(p.authors).rstrip(".") + ".")
    sentences.append(_quoted(p.title, "."))
    sentences.append(_full_stop(spelled_date(p)))
    if p.credit:
        sentences.append(p.credit + ".")
    holding = ", ".join(_holding(p))
    held = [holding] if holding else []
    if p.in_archive:
        held.append(f"{DIGITAL_ARCHIVE}, {PUBLISHER}")
    if held:
        sentences.append(". ".join(held) + ".")
    if p.url:
        sentences += [p.url + ".", f"Accessed {spelled_day(accessed)}."]
    return " ".join(sentences)


def _full_stop(text: str) -> str:
    """``text`` ending in one full stop ("n.d." is not given a second)."""
    return text if text.endswith(".") else text + "."


def sort_key(p: Parts) -> tuple[str, str]:
    """Bibliographies run alphabetically by their first word: the sender, else the title."""
    lead = p.authors[0] if p.authors else p.title
    return (lead.casefold().lstrip("\"'[( "), p.title.casefold())
