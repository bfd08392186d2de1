"""What every citation style needs from a Record: locator, repository, credits, dates.

The archive's own citation reads ``"TITLE," DATE, History and Public Policy Program Digital
Archive, SOURCE. CREDIT.``; the current site gives SOURCE as its own field, with the credit
("Contributed by X and translated by Y.") after the archival locator.  These helpers take
that text apart once, so each style only arranges the pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from searcher.record import Record

#: The digital archive every document is cited from, and who publishes it.
DIGITAL_ARCHIVE = "History and Public Policy Program Digital Archive"
PUBLISHER = "Wilson Center"
#: The catalogue a reference manager records the item as found in.
CATALOG = "Wilson Center Digital Archive"

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_CREDIT_VERBS = (
    "obtained",
    "contributed",
    "translated",
    "transcribed",
    "edited",
    "provided",
    "donated",
    "digitized",
    "annotated",
    "translation",
)
# A new sentence: a full stop, space, then a capital (not after a lone initial like "V.").
_SENTENCE = re.compile(r"(?<![\s.][A-Z])(?<=\.)\s+(?=[A-Z])")
_FIRST_WORD = re.compile(r"[A-Za-z]+")
# "translated [for CWIHP] by NAMES" up to the end of the clause.
_TRANSLATED_BY = re.compile(
    r"\btranslat(?:ed|ion)\b[^.;]*?\bby\s+(.+?)(?=\s*(?:;|,?\s+and\s+[a-z]+ed\b|(?<![\s.][A-Z])\.(?:\s|$)|$))",
    re.IGNORECASE,
)
_NAME_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line: runs of whitespace (newlines included) become one space."""
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Parts:
    """A record taken apart for citing.  Empty strings and tuples where the page is silent."""

    title: str
    authors: tuple[str, ...]
    recipients: tuple[str, ...]
    #: "APRF, f. 45, op. 1, d. 342, ll. 16-19": where the original is kept
    locator: str
    #: the holding archive's name, when the page gives it
    repository: str
    #: the page's credit sentence without its final full stop
    credit: str
    translators: tuple[str, ...]
    url: str
    #: (year, month, day) as far as the date is known; () when undated
    date_parts: tuple[int, ...]
    #: the last year of a decade date, else None
    end_year: int | None
    precision: str
    #: the date as the page shows it, for dates the span cannot express
    shown_date: str
    is_letter: bool
    #: the page is the digital archive's (not reading notes or a bibliography found
    #: beside its documents): only then is it cited as held by the digital archive
    in_archive: bool = True
    #: the holding archive named once, and the place in it ("f. 1, op. 1"), for formats
    #: that keep them apart (RIS DB/AN, CSL archive/archive_location)
    archive_name: str = ""
    shelfmark: str = ""


def split_credit(source: str) -> tuple[str, str]:
    """Split a source line into (locator, credit sentence(s)); either may be empty.

    >>> split_credit("BArch, B 136/59748, 403-410. Contributed by Stephan Kieninger.")
    ('BArch, B 136/59748, 403-410', 'Contributed by Stephan Kieninger')
    """
    text = clean(source)
    starts = [0] + [m.end() for m in _SENTENCE.finditer(text)]
    for start in starts:
        word = _FIRST_WORD.match(text, start)
        if word and word.group().lower() in _CREDIT_VERBS:
            return text[:start].strip().rstrip(".").strip(), text[start:].strip().rstrip(".")
    return text.rstrip(".").strip(), ""


def translators_in(credit: str) -> tuple[str, ...]:
    """The people a credit sentence says translated the document, in its order."""
    names: list[str] = []
    for match in _TRANSLATED_BY.finditer(credit):
        for name in _NAME_SEPARATOR.split(match.group(1)):
            name = name.strip(" .")
            if name and name not in names:
                names.append(name)
    return tuple(names)


def source_text(record: Record) -> str:
    """The archival source line: the page's own, or the part of its citation after the archive."""
    if record.source.strip():
        return record.source
    citation = clean(record.citation)
    marker = citation.find(DIGITAL_ARCHIVE)
    if marker < 0:
        return ""
    return citation[marker + len(DIGITAL_ARCHIVE) :].lstrip(" ,")


def _date_parts(record: Record) -> tuple[tuple[int, ...], int | None]:
    start = record.date_start
    precision = record.date_precision
    if start is None or precision == "undated":
        return (), None
    if precision == "day":
        return (start.year, start.month, start.day), None
    if precision == "month":
        return (start.year, start.month), None
    if precision == "decade":
        end = record.date_end.year if record.date_end else start.year + 9
        return (start.year,), end
    return (start.year,), None


#: Words that make a locator's first part the name of an archive ("Archive of the
#: Gorbachev Foundation, f. 1, op. 1").
_ARCHIVE_WORD = re.compile(r"\b(?:archiv\w*|arquivo\w*|bundesarchiv)\b", re.IGNORECASE)


def in_archive(record: Record) -> bool:
    """Whether the page is one of the digital archive's documents: any layout of the
    archive's site, or a page of another layout at the archive's address."""
    return record.layout != "generic" or "wilsoncenter.org" in record.url


def _archive_head(record: Record, locator: str) -> str:
    """The archive's name the locator starts with, as it often does, or ""."""
    head, comma, _ = locator.partition(",")
    head = head.strip()
    if not comma:
        return ""
    named = [re.sub(r"\s*\([^)]*\)\s*$", "", clean(a)).lower() for a in record.archive]
    return head if _ARCHIVE_WORD.search(head) or head.lower() in named else ""


def _held(record: Record, locator: str, repository: str) -> tuple[str, str]:
    """(archive name, shelfmark): the archive named once, whichever text names it."""
    if repository:
        return repository, locator
    head = _archive_head(record, locator)
    if head:
        return head, locator[len(locator.partition(",")[0]) + 1 :].strip()
    if record.archive and not locator:
        return clean(record.archive[0]), ""
    return "", locator


def _repository(record: Record, locator: str) -> str:
    if not record.archive or _archive_head(record, locator):
        return ""  # the locator names the archive already, in its own words
    name = clean(record.archive[0])
    abbreviation = re.search(r"\s*\(([^)]*)\)\s*$", name)
    bare = name[: abbreviation.start()] if abbreviation else name
    if bare and bare.lower() in locator.lower():
        return ""
    if abbreviation and re.search(rf"\b{re.escape(abbreviation.group(1))}\b", locator):
        return bare  # the locator already uses the abbreviation: name the archive in full once
    return name


def parts(record: Record) -> Parts:
    """Everything a citation of ``record`` needs, taken from its fields once."""
    locator, credit = split_credit(source_text(record))
    if not credit:
        # Some pages put the credit only after the source in the citation text.
        _, credit = split_credit(clean(record.citation))
    date_parts, end_year = _date_parts(record)
    url = record.url if record.url.startswith(("http://", "https://")) else ""
    repository = _repository(record, locator)
    archive_name, shelfmark = _held(record, locator, repository)
    return Parts(
        title=clean(record.title) or record.id,
        authors=tuple(clean(n) for n in record.sender if n.strip()),
        recipients=tuple(clean(n) for n in record.recipient if n.strip()),
        locator=locator,
        repository=repository,
        credit=credit,
        translators=translators_in(credit),
        url=url,
        date_parts=date_parts,
        end_year=end_year,
        precision=record.date_precision,
        shown_date=clean(record.date),
        is_letter=bool(record.sender and record.recipient),
        in_archive=in_archive(record),
        archive_name=archive_name,
        shelfmark=shelfmark,
    )


def tag(subject: str) -> str:
    """A subject heading as one keyword of a list: its own commas and semicolons, where
    Zotero's BibTeX import (and most readers of keyword lists) would cut it in two, become
    spaces ("Korean War, 1950-1953" -> "Korean War 1950-1953")."""
    return _LIST_MARKS.sub(" ", clean(subject)).strip()


_LIST_MARKS = re.compile(r"\s*[,;]\s*")
#: How keyword lists are joined (biblatex's ``keywords``, CSL's ``keyword``).
KEYWORD_SEPARATOR = ", "


def spelled_date(p: Parts) -> str:
    """The date in words as precisely as it is known: "November 14, 1951", "August 1949",
    "1948", "1950s"; the page's wording when the span is unknown; "n.d." when undated."""
    d = p.date_parts
    if len(d) == 3:
        return f"{MONTHS[d[1] - 1]} {d[2]}, {d[0]}"
    if len(d) == 2:
        return f"{MONTHS[d[1] - 1]} {d[0]}"
    if len(d) == 1:
        return f"{d[0]}s" if p.end_year is not None else str(d[0])
    return p.shown_date or "n.d."


def spelled_day(day: date) -> str:
    """An access date in words: "November 27, 2026"."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def name_list(names: tuple[str, ...]) -> str:
    """ "A", "A and B", "A, B, and C"."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def split_personal_name(name: str) -> tuple[str, str]:
    """(family, given) of a name written in natural order: "Gary Goldberg" -> ("Goldberg",
    "Gary").  Used only for translators, whose names the credit writes given-name first."""
    if "," in name:
        family, _, given = name.partition(",")
        return family.strip(), given.strip()
    given, _, family = name.rpartition(" ")
    return (family, given) if given else (name, "")
