"""Any other HTML page: the title from ``h1`` or ``<title>``, the body from the main
content (``article``/``main``, else the page less its navigation and furniture)."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from searcher.ingest.layouts.html_text import (
    SKIPPED,
    drop_furniture,
    element_text,
    first_text,
    meta_url,
)
from searcher.ingest.layouts.old_site import body_after_chrome
from searcher.ingest.page import Page

_SKIP = SKIPPED | {"aside"}
_MAIN = etree.XPath("//article | //main | //*[@role='main']")
_H1 = etree.XPath("//h1")
_TITLE = etree.XPath("//title")
# A site name after the page's own title: "Title | Site".
_SITE_SUFFIX = re.compile(r"\s+\|\s+[^|]*$")


def page_title(root: lxml.html.HtmlElement) -> str:
    """The first non-empty ``h1``, else ``<title>`` less a trailing site name."""
    for h1 in _H1(root):
        text = first_text(h1)
        if text:
            return text
    for title in _TITLE(root):
        text = first_text(title)
        if text:
            trimmed = _SITE_SUFFIX.sub("", text)
            return trimmed or text
    return ""


def main_text(root: lxml.html.HtmlElement) -> str:
    """Text of the main content: the longest article/main, else the whole body."""
    drop_furniture(root)
    best = ""
    for candidate in _MAIN(root):
        text = element_text(candidate, skip=_SKIP)
        if len(text) > len(best):
            best = text
    if best:
        return best
    body = root.find("body")
    return element_text(body if body is not None else root, skip=_SKIP)


def extract(root: lxml.html.HtmlElement) -> Page:
    """Read an HTML page of no known layout."""
    page = Page(layout="generic", title=page_title(root), url=meta_url(root))
    lines = main_text(root).split("\n")
    if page.title and lines and lines[0] == page.title:
        lines = lines[1:]
    page.body = body_after_chrome(lines)
    return page
