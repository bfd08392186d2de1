"""Detect a page's layout and extract what it says.

>>> extract("<html><head><title>A</title></head><body><p>Text.</p></body></html>").layout
'generic'

Layouts: ``current_site`` (the Drupal site), ``old_site`` (the site of about 2013-2023),
``plain_text`` (text dumps), ``generic`` (any other HTML).  Pages that are not a
document (search results, empty shells, no body text) raise IngestError.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from searcher.errors import IngestError
from searcher.ingest.decode import CUT_CHARACTER
from searcher.ingest.layouts import current_site, generic, old_site, plain_text
from searcher.ingest.layouts.html_text import clean_controls, first_text, read_html
from searcher.ingest.layouts.scan import scan
from searcher.ingest.page import Page

__all__ = ["LAYOUTS", "extract"]

LAYOUTS = ("current_site", "old_site", "plain_text", "generic")

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|table|h[1-6]|br|article|main"
    r"|section|a\s)[\s>/]",
    re.IGNORECASE,
)
_SEARCH_TITLE = re.compile(
    r"^\s*(?:search|results)\b|\bsearch results\b|\bresults for\b|\d+\s+results\b",
    re.IGNORECASE,
)
_SEARCH_PATH = re.compile(r"(?:^|/)search(?:[/?#]|$)|[?&](?:q|query|search_api_fulltext)=")
_DOCUMENT_LINKS = etree.XPath("//a[contains(@href, '/document/')]/@href")
#: The archive's pages end with these; a saved page without them was cut short.
_CLOSED = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
#: A page linking to this many documents, of no document layout, is a listing.
LISTING_LINKS = 8


def is_html(text: str) -> bool:
    """Whether text is markup (a tag near the start), not a text dump."""
    return bool(_HTML_START.search(text, 0, 4096))


def _refuse_listing(root: lxml.html.HtmlElement, url: str, *, document_layout: bool) -> None:
    """Raise for search-results and listing pages."""
    heading = root.find(".//h1")
    titles = [first_text(root.find(".//title")), first_text(heading)]
    if any(t and _SEARCH_TITLE.search(t) for t in titles):
        raise IngestError(
            f"not an archive document: a search page ({next(t for t in titles if t)})"
        )
    if _SEARCH_PATH.search(url):
        raise IngestError("not an archive document: a search page")
    if not document_layout and len(set(_DOCUMENT_LINKS(root))) >= LISTING_LINKS:
        raise IngestError("not an archive document: a list of documents")


def extract(text: str, *, path: str | None = None) -> Page:
    """Detect the layout of a decoded page and extract its values.

    ``path`` is only used in error messages.
    """
    try:
        return _extract(text)
    except IngestError as exc:
        if path and not exc.path:
            raise IngestError(exc.reason, path) from None
        raise


def _extract(text: str) -> Page:
    text = clean_controls(text)
    if not text.strip():
        raise IngestError("not an archive document: empty page")
    if is_html(text):
        if text.endswith(CUT_CHARACTER):  # cut inside a character: no closing tags follow
            text = text[: -len(CUT_CHARACTER)]
        root, cut = read_html(text)
        found = scan(root)
        if found.is_document:
            _refuse_listing(root, found.url, document_layout=True)
            page = current_site.read(found)
        elif old_site.matches(root, marked=found.old_site_marks):
            _refuse_listing(root, found.url, document_layout=True)
            page = old_site.extract(root, found)
        else:
            _refuse_listing(root, found.url, document_layout=False)
            page = generic.extract(root)
        if (
            not cut
            and page.layout != "generic"
            and not _CLOSED.search(text, max(0, len(text) - 2048))
        ):
            cut = "the page stops before its end (no closing </body> or </html>)"
        if cut:
            page.partial = True
            page.extra["cut"] = cut
    else:
        page = plain_text.extract(text)
    if not page.body and not (page.title and page.summary):
        raise IngestError("not an archive document: no body text")
    return page
