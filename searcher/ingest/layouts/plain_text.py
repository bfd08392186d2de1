"""Pages saved as plain text: a dump of an old-site page (its text order), of a current-site
page (:mod:`current_text`), else a title line and the text below it.

A dump cut short (most stop at about 2,000 bytes) gives what it holds and says so:
``partial`` is set when the text stops in the middle of a character, of a sentence or
before the page's closing parts.
"""

from __future__ import annotations

from searcher.ingest.decode import CUT_CHARACTER
from searcher.ingest.layouts import current_text
from searcher.ingest.layouts.html_text import squeeze, tidy
from searcher.ingest.layouts.old_site import (
    SEARCH_FILTER,
    SITE_NAME,
    body_after_chrome,
    chrome_key,
    cites_archive,
    is_chrome,
    is_tab_label,
    parse_citation,
    parse_text_order,
)
from searcher.ingest.page import Page

#: A first line longer than this is text, not a title.
MAX_TITLE = 300
#: Lines of a dump searched for the marks of its site.
HEAD_LINES = 60
#: Sentence ends a whole page may stop on (not a colon: what it announces is missing).
_ENDS = ".!?)]\"”’»…*"  # fmt: skip
_OLD_MARKS = frozenset(("search in", SITE_NAME.lower(), "get citation", "share document"))


def cut_short(page: Page, reason: str) -> None:
    """Mark a page partial, keeping the first reason found under ``extra["cut"]``."""
    page.partial = True
    page.extra.setdefault("cut", reason)


def stops_mid_way(text: str) -> bool:
    """Whether text visibly stops mid-sentence: its last line ends on no closing mark and
    is a long line, ends on a lower-case word, a hyphen, a comma, a colon or a lone letter, leaves a
    bracket open, or reads as a sentence (two lower-case words or more).  A signature, a
    number or a date ends a whole page."""
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    if not last or last.endswith(tuple(_ENDS)):
        return False
    words = last.split()
    return (
        len(last) > 80
        or words[-1][:1].islower()
        or last.endswith(("-", ",", "–", ":", ";"))
        or (len(words[-1]) == 1 and words[-1].isalpha() and words[-1] not in "AI")
        or last.count("[") > last.count("]")
        or last.count("(") > last.count(")")
        or sum(1 for w in words if w.isalpha() and w.islower()) >= 2
    )


def _old_site_marks(lines: list[str]) -> bool:
    """Whether the head of a dump shows the old site: its header, citation box or tabs."""
    for line in lines[:HEAD_LINES]:
        key = chrome_key(line)
        if key in _OLD_MARKS or is_tab_label(line) or SEARCH_FILTER.match(key):
            return True
        if cites_archive(line) and parse_citation(line):
            return True
    return False


def _old_site(text: str, page: Page) -> bool:
    """The old site's order, the document information after the body read as labels."""
    if not parse_text_order(text, page, dump=True):
        return False
    lines = page.body.split("\n")
    at, cut_heading = current_text.meta_start(lines)
    if at is None:
        if stops_mid_way(text):
            cut_short(page, "the text stops mid-sentence")
        return True
    page.body = tidy("\n".join(lines[:at]))
    if cut_heading:
        cut_short(page, "the text stops inside a heading")
    else:
        current_text.read_meta(lines[at:], page)
    return True


def extract(text: str) -> Page:
    """Read a text dump of a document page."""
    page = Page(layout="plain_text")
    if text.rstrip().endswith(CUT_CHARACTER):
        text = text.rstrip()[: -len(CUT_CHARACTER)]
        cut_short(page, "the text stops inside a character")
    lines = text.split("\n")
    if _old_site_marks(lines) and _old_site(text, page):
        return page
    if current_text.parse(text, page) or _old_site(text, page):
        return page
    start = 0
    while start < len(lines) and (not lines[start].strip() or is_chrome(lines[start])):
        start += 1
    if start < len(lines) and len(squeeze(lines[start])) <= MAX_TITLE:
        page.title = squeeze(lines[start])
        start += 1
    page.body = body_after_chrome(lines[start:]) if start < len(lines) else ""
    if not page.body and page.title:  # a single paragraph is body, not title
        page.body, page.title = tidy(page.title), ""
    if stops_mid_way(text):
        cut_short(page, "the text stops mid-sentence")
    return page
