"""The old archive site (about 2013 to 2023), as HTML or as the text a scraper saved.

Its page reads, in order: "Search in", the site name, the date, "Citation" / "get
citation", the summary, the full citation, "share document", a tab label such as
"English HTML", then the body.  The citation has the form
``"TITLE," DATE, History and Public Policy Program Digital Archive, SOURCE. NOTE.``
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from searcher.ingest.layouts.html_text import (
    assign,
    drop_furniture,
    element_text,
    first_text,
    is_hidden,
    squeeze,
    tidy,
)
from searcher.ingest.layouts.scan import Found, scan
from searcher.ingest.layouts.tabs import choose_pane
from searcher.ingest.page import Page

ARCHIVE_NAME = "History and Public Policy Program Digital Archive"
#: The names a citation gives the archive (the site's own, then earlier and later ones).
ARCHIVE_NAMES = (ARCHIVE_NAME, "Wilson Center Digital Archive", "CWIHP Digital Archive")
SITE_NAME = "Digital Archive International History Declassified"
#: Lines of page furniture, compared in lower case with bullets stripped.
CHROME = frozenset(
    (
        "search in",
        "skip to content",
        "skip to main content",
        "main navigation",
        "international history declassified",
        "digital archive",
        SITE_NAME.lower(),
        "citation",
        "get citation",
        "share document",
        "share",
        "print",
        "download",
        "download pdf",
        "close",
        "copy",
        "email",
        "[email protected]",
    )
)
_TAB_LABEL = re.compile(
    r"^(?:[\w()-]+\s+){0,3}(?:html|pdf|transcript|transcription|translation|scan)$",
    re.IGNORECASE,
)
_BULLETS = " \t•·▪◦●*–-"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
DATE_LINE = re.compile(
    rf"^(?:(?:c\.|circa|ca\.)\s*)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{3,4}}|{_MONTH},?\s+\d{{3,4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{3,4}}|(?:Spring|Summer|Autumn|Fall|Winter),?\s+\d{{4}}"
    rf"|\d{{4}}s?(?:\s*[-–]\s*\d{{4}})?)$",
    re.IGNORECASE,
)
_SOURCE_END = re.compile(
    r"\.\s+(?=(?:Translated|Translation|Obtained|Contributed|Included|Edited|Transcribed|"
    r"Originally|Published|Reprinted|Courtesy|Donated|Provided|Trans\.|For more|See |"
    r"Also |First |Document |This document)\b)"
)
_RECORD_URL = re.compile(r"/document/(\d+)(?:[/?#.]|$)")


#: Furniture lines are short; longer lines are never compared.
_CHROME_MAX = 64


def chrome_key(line: str) -> str:
    """A line as compared against page furniture: bullets and case dropped."""
    return squeeze(line).strip(_BULLETS).lower() if len(line) <= 4 * _CHROME_MAX else ""


_CHROME_RUN = re.compile(
    "(?:(?:" + "|".join(sorted((re.escape(c) for c in CHROME), key=len, reverse=True)) + ")"
    r"(?:\s*[|•·]\s*|\s+|$))+"
)


def is_chrome(line: str) -> bool:
    """Whether a line is page furniture ("share document", a tab label such as "English HTML",
    or several such joined on one line: "Citation get citation")."""
    key = chrome_key(line)
    if len(key) > _CHROME_MAX:
        return False
    return key in CHROME or bool(_TAB_LABEL.match(key)) or bool(_CHROME_RUN.fullmatch(key))


@dataclass
class Citation:
    """The parts of an archive citation."""

    text: str
    title: str
    date: str
    source: str
    url: str = ""


#: A web address (the document's own, in a citation or alone on a line).
ADDRESS = re.compile(r"(?:https?://|www\.)[^\s\"”<>]+")
_CLOSING_QUOTE = re.compile(r"[\"”'’](?=\s*,?\s*(?:$|[\w(\[]))")


def cites_archive(line: str) -> bool:
    """Whether a line names the archive as a citation does (a quick test)."""
    if "Archive" not in line:
        return False
    line = " ".join(line.split()) if "\xa0" in line else line
    return any(n in line for n in ARCHIVE_NAMES)


def parse_citation(line: str) -> Citation | None:
    """Split ``"TITLE," DATE, History and Public Policy Program Digital Archive, SOURCE.``

    The comma after the quoted title may be missing, and an address (the document's own)
    may stand anywhere after the archive's name.
    """
    text = squeeze(line).strip(_BULLETS.replace("-", "").replace("–", ""))
    name = next((n for n in ARCHIVE_NAMES if n in text), "")
    mark = text.find(name) if name else -1
    if mark < 0 or not text or text[0] not in "\"“'":
        return None
    head = text[:mark].rstrip().rstrip(",")
    close = max(head.rfind(',"'), head.rfind(",”"), head.rfind(",'"))
    if close > 0:
        title, date = head[1:close], head[close + 2 :]
    else:  # "TITLE" DATE, ...: the last closing quote before the date
        quotes = [m.start() for m in _CLOSING_QUOTE.finditer(head, 1)]
        date_after = [q for q in quotes if DATE_LINE.match(head[q + 1 :].strip(" ,"))]
        close = (date_after or quotes or [len(head)])[-1]
        title, date = head[1:close].rstrip(","), head[close + 1 :]
    rest = text[mark + len(name) :]
    url = ADDRESS.search(rest)
    if url:
        rest = rest[: url.start()] + rest[url.end() :]
    rest = rest.strip(" ").lstrip(",. ")
    source = _SOURCE_END.split(rest, maxsplit=1)[0].strip().rstrip(".").strip()
    return Citation(
        text=text,
        title=title.strip(),
        date=date.strip(" ,"),
        source=source,
        url=url.group().rstrip(".,;") if url else "",
    )


#: The credits line ("This document was made possible with support from ...").
CREDITS_LINE = re.compile(r"^this document was made possible\b", re.IGNORECASE)
#: The later old site's search bar ("ADD SEARCH FILTER ...").
SEARCH_FILTER = re.compile(r"^add search filter\b", re.IGNORECASE)
#: An archival reference: fond, opis, delo, list(y), file, box and page numbers.
_REFERENCE = re.compile(
    r"\b(?:f|fond|op|opis|d|delo|l|ll|list|listy|pp?|papka|por|file|folder|box|vol)\.?\s*\d",
    re.IGNORECASE,
)
#: Markings above a document's heading, never its title.
_MARKINGS = re.compile(
    r"^(?:(?:top|strictly)\s+)?(?:secret|confidential)\b.{0,20}$|^(?:urgent|copy\b.*|no\.?\s*\d.*)$",
    re.IGNORECASE,
)
#: Words a heading line does not end on unless it goes on in the next line.
_RUNS_ON = frozenset(
    [
        "the",
        "of",
        "and",
        "with",
        "to",
        "between",
        "in",
        "on",
        "at",
        "for",
        "a",
        "an",
        "from",
        "by",
        "about",
        "concerning",
        "regarding",
    ]
)


def is_tab_label(line: str) -> bool:
    """Whether a line is a version tab's label alone ("English HTML", "Russian Transcript")."""
    key = chrome_key(line)
    return bool(key) and len(key) <= _CHROME_MAX and bool(_TAB_LABEL.match(key))


def _head_chrome(line: str) -> bool:
    key = chrome_key(line)
    return is_chrome(line) or bool(SEARCH_FILTER.match(key)) or bool(ADDRESS.fullmatch(key))


def _upper_title(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters) and len(line.split()) >= 2


def looks_like_source(line: str) -> bool:
    """Whether a line is a bare archival reference ("APRF. F. 45. Op. 1. D. 303.")."""
    from searcher.ingest.implied import archives

    text = squeeze(line)
    return 0 < len(text) <= 300 and bool(_REFERENCE.search(text) or archives(text))


def heading_title(lines: list[str]) -> str:
    """The document's own heading at the top of its text, its lines joined: a line that
    ends on a comma or on a word such as "the" goes on in the next."""
    parts: list[str] = []
    for raw in lines:
        line = squeeze(raw)
        if not line:
            continue
        if not parts and (_MARKINGS.match(line) or line.startswith("[") and line.endswith("]")):
            continue  # a marking or an editor's note above the heading
        if parts:
            last = parts[-1]
            word = last.rsplit(" ", 1)[-1].lower()
            if not (last.endswith((",", ";", "-", "–")) or word in _RUNS_ON or line[0].islower()):
                break
        if len(line) > 200 or len(parts) == 4:
            return ""
        parts.append(line)
    title = " ".join(parts)
    return "" if title.endswith(".") and len(title) > 120 else title


def parse_text_order(text: str, page: Page, *, dump: bool = False) -> bool:
    """Fill ``page`` from text in the old site's order; False if the text is not in it.

    The order: the site's header (optional), the date, credits, the citation box (the
    summary, then the citation, or without one a bare source line), the version tab's
    label, then the body.  Without a citation the title is the body's own heading.  A
    ``dump`` (text saved from a page) must show the citation or the version tab; markup's
    text may show only the date.  Sets date, summary, citation, source, title, credits, url
    and body, and the tab labels seen under ``extra["tabs"]``.
    """
    lines = text.split("\n")
    cite_at = next(
        (i for i, line in enumerate(lines) if cites_archive(line) and parse_citation(line)),
        None,
    )
    date_at = next(
        (
            i
            for i, line in enumerate(lines[: cite_at if cite_at is not None else 40])
            if DATE_LINE.match(chrome_key(line))
        ),
        None,
    )
    if cite_at is None and date_at is None:
        return False
    if cite_at is not None:
        head_end = cite_at
    else:
        assert date_at is not None
        tab_at = next((i for i in range(date_at + 1, min(len(lines), date_at + 40))
                       if is_tab_label(lines[i])), None)  # fmt: skip
        if tab_at is None and dump:
            return False
        head_end = tab_at if tab_at is not None else date_at
    if date_at is not None:
        page.date = squeeze(lines[date_at]).strip(_BULLETS)
    summary_from = date_at + 1 if date_at is not None and date_at < head_end else 0
    upper = ""
    for i in range(head_end):
        key = chrome_key(lines[i])
        if not key or is_chrome(key) or DATE_LINE.match(key) or SEARCH_FILTER.match(key):
            continue
        if CREDITS_LINE.match(key):
            page.credits = page.credits or squeeze(lines[i]).strip(_BULLETS)
        elif ADDRESS.fullmatch(key):
            page.url = page.url or squeeze(lines[i])
        elif _upper_title(squeeze(lines[i])):
            upper = upper or squeeze(lines[i]).strip(_BULLETS)
        else:
            continue
        summary_from = max(summary_from, i + 1)
    for i in range(head_end - 1, summary_from - 1, -1):  # summary: after the last chrome
        if _head_chrome(lines[i]) or DATE_LINE.match(chrome_key(lines[i])):
            summary_from = i + 1
            break
    summary = [squeeze(x).strip(_BULLETS) for x in lines[summary_from:head_end]]
    summary = [x for x in summary if x and not _head_chrome(x)]
    if cite_at is None and summary and looks_like_source(summary[-1]):
        page.source = page.source or summary.pop().rstrip(".")
    page.summary = tidy("\n".join(summary))
    body_from = head_end + 1
    tabs = [squeeze(x) for x in lines[head_end : head_end + 8] if is_tab_label(x)]
    if tabs:
        page.extra.setdefault("tabs", "; ".join(tabs))
    if cite_at is not None:
        citation = parse_citation(lines[cite_at])
        assert citation is not None
        page.citation = citation.text
        page.title = page.title or citation.title
        page.source = page.source or citation.source
        page.date = page.date or citation.date
        page.url = page.url or citation.url
    record = _RECORD_URL.search(page.url)
    if record and not page.record_id:
        page.record_id = record.group(1)
    body_lines = [
        x
        for x in lines[body_from:]
        if x.lstrip()[:1] not in "AaTt"
        or not (SEARCH_FILTER.match(chrome_key(x)) or CREDITS_LINE.match(chrome_key(x)))
    ]
    if upper and body_lines and chrome_key(body_lines[0]) == upper.lower():
        body_lines = body_lines[1:]
    page.body = body_after_chrome(body_lines)
    if not page.title and (cite_at is None and tabs or upper):
        heading = heading_title(page.body.split("\n")[:12])
        page.title = heading if not upper or heading.lower() == upper.lower() else upper
    return True


def body_after_chrome(lines: list[str]) -> str:
    """Body text from the lines after the citation: leading and trailing furniture dropped."""
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or is_chrome(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or is_chrome(lines[end - 1])):
        end -= 1
    kept = [x for x in lines[start:end] if len(x) > _CHROME_MAX or chrome_key(x) not in CHROME]
    return tidy("\n".join(kept))


_STYLED = etree.XPath("//*[@style or @hidden or @aria-hidden]")
#: Words of a <title> that names only the site.
_SITE_WORDS = frozenset(
    ("wilson", "center", "digital", "archive", "international", "history", "declassified")
)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def matches(root: lxml.html.HtmlElement, *, marked: bool | None = None) -> bool:
    """Whether a parsed page is an old-site document page.

    ``marked`` says whether the page is already known to carry the layout's marks
    (document information, subject list); None looks for them.
    """
    if marked if marked is not None else scan(root).old_site_marks:
        return True
    text = root.xpath("string(//body)")
    return ARCHIVE_NAME in text and ("get citation" in text or "share document" in text)


_LIST_GLUE = re.compile(r"[\s,;|•·]+")


def _values(element: lxml.html.HtmlElement) -> list[str]:
    """The values in a labelled element: its list items, else its links when it holds
    nothing else, else its lines when ``<br>`` separates them, else its text."""
    items = element.findall(".//li")
    if items:
        return [i.text_content() for i in items]
    text = element.text_content()
    links = [a.text_content() for a in element.iter("a")]
    if len(links) > 1:
        outside = text
        for link in links:
            outside = outside.replace(link, "", 1)
        if not _LIST_GLUE.sub("", outside):
            return links
    if element.find(".//br") is not None:
        return element_text(element).split("\n")
    return [text]


def _labelled(found: Found, page: Page) -> None:
    """Document information: each ``h4``/``dt`` label, its value in the next element."""
    for block in found.doc_info:
        if any(b in found.doc_info for b in block.iterancestors()):
            continue
        for label in block.iter("h4", "dt"):
            value = label.getnext()
            values = [label.tail or ""] if value is None else _values(value)
            assign(page, label.text_content(), values)
        if block.getparent() is not None:
            block.drop_tree()
    for holder in found.subject_lists:
        subjects = [squeeze(li.text_content()) for li in holder.iter("li")]
        page.subjects.extend(s for s in subjects if s and s not in page.subjects)
        parent = holder.getparent()
        if parent is not None and parent.find("h4") is not None:
            holder = parent  # the list's own heading goes too
        if holder.getparent() is not None:
            holder.drop_tree()


def _keep_one_pane(found: Found) -> None:
    """Drop every tab pane but the one a reader sees (see :func:`choose_pane`)."""
    boxes = found.panes + found.tab_contents
    panes = [
        p
        for p in boxes
        if "tab-pane" in (p.get("class") or "").split()
        or not any(q is not p and any(a is p for a in q.iterancestors()) for q in boxes)
    ]
    if len(panes) < 2:
        return
    chosen = choose_pane(panes, found.controls)
    for pane in panes:
        if pane is not chosen and pane.getparent() is not None:
            pane.drop_tree()


def _show_citation(root: lxml.html.HtmlElement) -> None:
    """Unhide the citation box that a saved page's scripts hid."""
    for element in _STYLED(root):
        if is_hidden(element) and ARCHIVE_NAME in element.text_content():
            for attribute in ("style", "hidden", "aria-hidden"):
                element.attrib.pop(attribute, None)


def _title_element(found: Found) -> str:
    for h1 in found.h1:
        heading = first_text(h1)
        if heading and not is_chrome(heading) and chrome_key(heading) != SITE_NAME.lower():
            return heading
    return ""


def _title_of_page(title: str) -> str:
    """A ``<title>`` less the site's name before or after it; empty if it names only the site."""
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    kept = [p for p in parts if not _SITE_WORDS.issuperset(p.lower().split())]
    return " - ".join(kept) if kept else ""


def extract(root: lxml.html.HtmlElement, found: Found | None = None) -> Page:
    """Read an old-site HTML page (``found``: the page's :func:`scan`, if already made)."""
    found = found or scan(root)
    page = Page(layout="old_site", url=found.url)
    _labelled(found, page)
    page.title = _title_element(found)
    record = _RECORD_URL.search(page.url)
    if record and not page.record_id:
        page.record_id = record.group(1)
    for link in found.down_links:
        if link.tag == "a":
            page.extra.setdefault("pdf", link.get("href") or "")
            if link.getparent() is not None:
                link.drop_tree()
    _keep_one_pane(found)
    _show_citation(root)
    drop_furniture(root)
    body = root.find("body")
    text = element_text(body if body is not None else root)
    if page.title:
        text = "\n".join(x for x in text.split("\n") if x != page.title)
    if not parse_text_order(text, page):
        page.body = body_after_chrome(text.split("\n"))
    if not page.title:
        page.title = _title_of_page(found.title)
    return page
