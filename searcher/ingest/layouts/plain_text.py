"""Pages saved as plain text: the old site's text order when the dump has it, else a
title line and the text below it."""

from __future__ import annotations

from searcher.ingest.layouts.html_text import squeeze, tidy
from searcher.ingest.layouts.old_site import body_after_chrome, is_chrome, parse_text_order
from searcher.ingest.page import Page

#: A first line longer than this is text, not a title.
MAX_TITLE = 300


def extract(text: str) -> Page:
    """Read a text dump of a document page."""
    page = Page(layout="plain_text")
    if parse_text_order(text, page):
        return page
    lines = text.split("\n")
    start = 0
    while start < len(lines) and (not lines[start].strip() or is_chrome(lines[start])):
        start += 1
    if start < len(lines) and len(squeeze(lines[start])) <= MAX_TITLE:
        page.title = squeeze(lines[start])
        start += 1
    page.body = body_after_chrome(lines[start:]) if start < len(lines) else ""
    if not page.body and page.title:  # a single paragraph is body, not title
        page.body, page.title = tidy(page.title), ""
    return page
