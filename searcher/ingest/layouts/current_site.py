"""The current archive site (Drupal, from about 2023).

Title ``h1.title``; date ``.date``; body the active pane of ``#documentTabs``; summary
``.text-block``; credits ``.donated``; labelled values in ``.information-block``
(``.sub-title`` and ``.text``, or linked ``.pill .name span``); linked lists after
``h2.title`` headings; the node path in Drupal's settings JSON.

The tree is walked once (:func:`searcher.ingest.layouts.scan.scan`); every lookup after
that stays inside the few elements the walk found.
"""

from __future__ import annotations

import json
import re

import lxml.html

from searcher.ingest.layouts.html_text import (
    assign,
    element_text,
    first_text,
    squeeze,
)
from searcher.ingest.layouts.old_site import body_after_chrome
from searcher.ingest.layouts.scan import Found, scan
from searcher.ingest.layouts.tabs import choose_pane
from searcher.ingest.page import Page

_PILL_CLASSES = frozenset(("pill", "pill-subject"))
_TITLE_CLASSES = frozenset(("title", "page-title"))
#: Class words of teasers and listings of other documents.
_OTHER_DOCUMENT = re.compile(r"teaser|^related|views?-row|search-result")
#: Class words, ids and roles of site furniture.
_FURNITURE = frozenset(
    (
        "header",
        "site-header",
        "footer",
        "site-footer",
        "navbar",
        "site-name",
        "site-branding",
        "branding",
        "banner",
        "navigation",
        "contentinfo",
    )
)
_CONTENT_TAGS = frozenset(("main", "article"))
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—]*$")


def matches(root: lxml.html.HtmlElement) -> bool:
    """Whether a parsed page is a current-site document page."""
    return scan(root).is_document


def _aside(element: lxml.html.HtmlElement) -> bool:
    """Whether an element belongs to another document's teaser or to site furniture.

    Headers and footers inside the main content or an article are the document's own.
    """
    furniture = False
    for ancestor in element.iterancestors():
        tag = ancestor.tag
        names = ancestor.get("class")
        if names and any(_OTHER_DOCUMENT.search(n) for n in names.split()):
            return True
        if tag == "nav":
            return True
        if tag in _CONTENT_TAGS:
            return False
        if (
            tag in ("header", "footer")
            or ancestor.get("id") in _FURNITURE
            or ancestor.get("role") in _FURNITURE
            or (names and not _FURNITURE.isdisjoint(names.split()))
        ):
            furniture = True
    return furniture


def _inside(element: lxml.html.HtmlElement, container: lxml.html.HtmlElement | None) -> bool:
    return container is not None and any(a is container for a in element.iterancestors())


def _title(found: Found) -> str:
    headings = [h for h in found.h1 if not _aside(h)]
    preferred = [
        h
        for h in headings
        if not _TITLE_CLASSES.isdisjoint((h.get("class") or "").split())
        or h.get("id") == "page-title"
    ]
    for heading in (*preferred, *headings):
        text = first_text(heading)
        if text:
            return text
    return _SITE_SUFFIX.sub("", found.title) if found.title else ""


def _pills(element: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The pills at or under ``element``, outermost only."""
    out: list[lxml.html.HtmlElement] = []
    for node in element.iter():
        names = node.get("class") if isinstance(node.tag, str) else None
        if (
            names
            and not _PILL_CLASSES.isdisjoint(names.split())
            and not any(_inside(node, pill) for pill in out)
        ):
            out.append(node)
    return out


def _with_class(element: lxml.html.HtmlElement, name: str) -> lxml.html.HtmlElement | None:
    """The first element at or under ``element`` carrying the class ``name``."""
    for node in element.iter():
        names = node.get("class") if isinstance(node.tag, str) else None
        if names and name in names.split():
            return node
    return None


def _pill_values(elements: list[lxml.html.HtmlElement]) -> list[str]:
    """Texts of the pills among ``elements``: the ``.name`` part when a pill has one."""
    values: list[str] = []
    for element in elements:
        for pill in _pills(element):
            name = _with_class(pill, "name")
            value = first_text(name if name is not None else pill)
            if value:
                values.append(value)
    return values


def _headed_lists(found: Found, page: Page) -> None:
    """Values listed after each ``h2`` heading, up to the next heading."""
    for heading in found.h2:
        label = first_text(heading)
        if not label:
            continue
        node = heading
        values: list[str] = []
        while node is not None:
            following = []
            for sibling in node.itersiblings():
                if sibling.tag == "h2" or next(sibling.iterdescendants("h2"), None) is not None:
                    break
                following.append(sibling)
            values = _pill_values(following)
            if not values:
                values = [first_text(li) for x in following for li in x.iter("li")]
            if values or node.getparent() is None or node is not heading:
                break
            node = node.getparent()  # the heading sits in a wrapper of its own
        if values:
            assign(page, label, values)


def _labelled(found: Found, page: Page) -> None:
    for block in found.info:
        label = _with_class(block, "sub-title")
        if label is None:
            continue
        values = _pill_values([block])
        if not values:
            text = _with_class(block, "text")
            values = [element_text(text)] if text is not None else []
        assign(page, first_text(label), values)


def _drupal_path(found: Found) -> str:
    for script in found.settings:
        try:
            settings = json.loads(script.text or "")
            return str(settings["path"]["currentPath"])
        except (ValueError, KeyError, TypeError):
            continue
    return ""


def _first_outside(elements: list[lxml.html.HtmlElement], pane) -> lxml.html.HtmlElement | None:  # noqa: ANN001
    for element in elements:
        if not _inside(element, pane) and not _aside(element):
            return element
    return None


def read(found: Found) -> Page:
    """A Page from what :func:`scan` found on a current-site page."""
    page = Page(layout="current_site")
    page.title = _title(found)
    panes = found.panes
    if found.tabs is not None:
        panes = [p for p in panes if _inside(p, found.tabs)] or panes
    pane = choose_pane(panes, found.controls)
    if pane is None and found.tabs is not None and not found.panes:
        pane = found.tabs
    if pane is not None:
        page.body = body_after_chrome(element_text(pane).split("\n"))
    date = _first_outside(found.dates, pane)
    page.date = first_text(date) if date is not None else ""
    summary = _first_outside(found.summaries, pane)
    page.summary = element_text(summary) if summary is not None else ""
    cited = [c for c in map(first_text, found.citations) if c.startswith(('"', "“"))]
    page.citation = cited[0] if cited else ""
    if found.donated:
        page.credits = squeeze(element_text(found.donated[0]))
    _labelled(found, page)
    _headed_lists(found, page)
    node = _drupal_path(found)
    if node:
        page.extra["node"] = node
    page.url = found.url or (f"/{node}" if node else "")
    return page


def extract(root: lxml.html.HtmlElement) -> Page:
    """Read a current-site HTML page."""
    return read(scan(root))
