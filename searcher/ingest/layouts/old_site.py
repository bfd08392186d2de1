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
    meta_url,
    squeeze,
    tidy,
)
from searcher.ingest.page import Page

ARCHIVE_NAME = "History and Public Policy Program Digital Archive"
SITE_NAME = "Digital Archive International History Declassified"
#: Lines of page furniture, compared in lower case with bullets stripped.
CHROME = frozenset(
    (
        "search in",
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


def is_chrome(line: str) -> bool:
    """Whether a line is page furniture ("share document", a tab label such as "English HTML")."""
    key = chrome_key(line)
    return len(key) <= _CHROME_MAX and (key in CHROME or bool(_TAB_LABEL.match(key)))


@dataclass
class Citation:
    """The parts of an archive citation."""

    text: str
    title: str
    date: str
    source: str


def parse_citation(line: str) -> Citation | None:
    """Split ``"TITLE," DATE, History and Public Policy Program Digital Archive, SOURCE.``"""
    text = squeeze(line).strip(_BULLETS.replace("-", "").replace("–", ""))
    mark = text.find(ARCHIVE_NAME)
    if mark < 0 or not text or text[0] not in "\"“'":
        return None
    head = text[:mark].rstrip().rstrip(",")
    close = max(head.rfind(',"'), head.rfind(",”"), head.rfind(",'"))
    if close > 0:
        title, date = head[1:close], head[close + 2 :]
    else:
        title, date = head[1:].rstrip("\"”'"), ""
    rest = text[mark + len(ARCHIVE_NAME) :].lstrip(",. ")
    source = _SOURCE_END.split(rest, maxsplit=1)[0].strip().rstrip(".")
    return Citation(text=text, title=title.strip(), date=date.strip(" ,"), source=source)


def parse_text_order(text: str, page: Page) -> bool:
    """Fill ``page`` from text in the old site's order; False if the text is not in it.

    Sets date, summary, citation, source, title (from the citation) and body.
    """
    lines = text.split("\n")
    cite_at = next(
        (i for i, line in enumerate(lines) if ARCHIVE_NAME in line and parse_citation(line)),
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
    if date_at is not None:
        page.date = squeeze(lines[date_at]).strip(_BULLETS)
    head_end = cite_at if cite_at is not None else date_at
    assert head_end is not None
    summary_from = date_at + 1 if date_at is not None and date_at < head_end else 0
    for i in range(head_end - 1, summary_from - 1, -1):  # summary: after the last chrome
        if is_chrome(lines[i]) or DATE_LINE.match(chrome_key(lines[i])):
            summary_from = i + 1
            break
    summary = [squeeze(x).strip(_BULLETS) for x in lines[summary_from:head_end]]
    page.summary = tidy("\n".join(x for x in summary if not is_chrome(x)))
    body_from = head_end + 1
    if cite_at is not None:
        citation = parse_citation(lines[cite_at])
        assert citation is not None
        page.citation = citation.text
        page.title = page.title or citation.title
        page.source = page.source or citation.source
        page.date = page.date or citation.date
    page.body = body_after_chrome(lines[body_from:])
    return True


def body_after_chrome(lines: list[str]) -> str:
    """Body text from the lines after the citation: leading and trailing furniture dropped."""
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or is_chrome(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or chrome_key(lines[end - 1]) in CHROME):
        end -= 1
    kept = [x for x in lines[start:end] if len(x) > _CHROME_MAX or chrome_key(x) not in CHROME]
    return tidy("\n".join(kept))


_INFO = etree.XPath("//*[starts-with(@class, 'doc-inf-')]")
_SUBJECT_LIST = etree.XPath("//*[@id='subj-list']")
_H1 = etree.XPath("//h1")
_TITLE = etree.XPath("//title")
_PANES = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' tab-content ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' tab-pane ')]"
)
_PDF_LINKS = etree.XPath("//a[contains(concat(' ', normalize-space(@class), ' '), ' down ')]")


def matches(root: lxml.html.HtmlElement) -> bool:
    """Whether a parsed page is an old-site document page."""
    if _INFO(root) or _SUBJECT_LIST(root):
        return True
    text = root.xpath("string(//body)")
    return ARCHIVE_NAME in text and ("get citation" in text or "share document" in text)


def _labelled(root: lxml.html.HtmlElement, page: Page) -> None:
    """Document information: each ``h4`` label, its value in the next element."""
    for block in _INFO(root):
        for label in block.iter("h4"):
            value = label.getnext()
            if value is None:
                values = [label.tail or ""]
            else:
                items = value.findall(".//li")
                values = [i.text_content() for i in items] if items else [value.text_content()]
            assign(page, label.text_content(), values)
        block.drop_tree()
    for holder in _SUBJECT_LIST(root):
        subjects = [squeeze(li.text_content()) for li in holder.iter("li")]
        page.subjects.extend(s for s in subjects if s and s not in page.subjects)
        parent = holder.getparent()
        if parent is not None and parent.find("h4") is not None:
            holder = parent  # the list's own heading goes too
        if holder.getparent() is not None:
            holder.drop_tree()


def _drop_inactive_panes(root: lxml.html.HtmlElement) -> None:
    panes = _PANES(root)
    if any("active" in (p.get("class") or "").split() for p in panes):
        for pane in panes:
            if "active" not in (pane.get("class") or "").split():
                pane.drop_tree()


def _title_element(root: lxml.html.HtmlElement) -> str:
    for h1 in _H1(root):
        heading = first_text(h1)
        if heading and not is_chrome(heading) and chrome_key(heading) != SITE_NAME.lower():
            return heading
    return ""


def extract(root: lxml.html.HtmlElement) -> Page:
    """Read an old-site HTML page."""
    page = Page(layout="old_site", url=meta_url(root))
    _labelled(root, page)
    page.title = _title_element(root)
    found = _RECORD_URL.search(page.url)
    if found and not page.record_id:
        page.record_id = found.group(1)
    for link in _PDF_LINKS(root):
        page.extra.setdefault("pdf", link.get("href") or "")
        link.drop_tree()
    _drop_inactive_panes(root)
    drop_furniture(root)
    body = root.find("body")
    text = element_text(body if body is not None else root)
    if page.title:
        text = "\n".join(x for x in text.split("\n") if x != page.title)
    if not parse_text_order(text, page):
        page.body = body_after_chrome(text.split("\n"))
    if not page.title:
        titles = _TITLE(root)
        page.title = first_text(titles[0]).rsplit(" | ", 1)[0] if titles else ""
    return page
