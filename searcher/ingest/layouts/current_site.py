"""The current archive site (Drupal, from about 2023).

Title ``h1.title``; date ``.date``; body the active pane of ``#documentTabs``; summary
``.text-block``; credits ``.donated``; labelled values in ``.information-block``
(``.sub-title`` and ``.text``, or linked ``.pill .name span``); linked lists after
``h2.title`` headings; the node path in Drupal's settings JSON.
"""

from __future__ import annotations

import json

import lxml.html
from lxml import etree

from searcher.ingest.layouts.html_text import (
    assign,
    classes,
    element_text,
    first_text,
    has_class,
    meta_url,
    squeeze,
)
from searcher.ingest.layouts.old_site import body_after_chrome
from searcher.ingest.page import Page

_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
_TABS = etree.XPath("//*[@id='documentTabs']")
_PANES = etree.XPath(f".//*[{_CLASS.format('tab-pane')}]")
_H1_TITLE = etree.XPath(f"//h1[{_CLASS.format('title')}]")
_H1 = etree.XPath("//h1")
_DATE = has_class("date")
_SUMMARY = has_class("text-block")
_DONATED = has_class("donated")
_INFO = has_class("information-block")
_SUB_TITLE = has_class("sub-title")
_TEXT = has_class("text")
_NAME = has_class("name")
_PILLS = etree.XPath(f".//*[{_CLASS.format('pill')} or {_CLASS.format('pill-subject')}]")
_H2 = etree.XPath(f"//h2[{_CLASS.format('title')}]")
_CITATION = etree.XPath(f"//*[{_CLASS.format('citation')}]")
_SETTINGS = etree.XPath("//script[@data-drupal-selector='drupal-settings-json']")


def matches(root: lxml.html.HtmlElement) -> bool:
    """Whether a parsed page is a current-site document page."""
    return bool(_TABS(root) or _INFO(root))


def _active_pane(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for scope in (*_TABS(root), root):
        panes = _PANES(scope)
        for pane in panes:
            if "active" in classes(pane):
                return pane
        if panes:
            return panes[0]
    tabs = _TABS(root)
    return tabs[0] if tabs else None


def _pill_values(elements: list[lxml.html.HtmlElement]) -> list[str]:
    """Texts of the pills among ``elements``: the ``.name`` part when a pill has one."""
    values: list[str] = []
    for element in elements:
        own = classes(element) & {"pill", "pill-subject"}
        for pill in [element] if own else _PILLS(element):
            names = _NAME(pill)
            value = first_text(names[0]) if names else first_text(pill)
            if value:
                values.append(value)
    return values


def _headed_lists(root: lxml.html.HtmlElement, page: Page) -> None:
    """Values listed after each ``h2`` heading, up to the next heading."""
    for heading in _H2(root):
        label = first_text(heading)
        if not label:
            continue
        node = heading
        while node is not None:
            following = []
            for sibling in node.itersiblings():
                if sibling.tag == "h2" or sibling.find(".//h2") is not None:
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


def _drupal_path(root: lxml.html.HtmlElement) -> str:
    for script in _SETTINGS(root):
        try:
            settings = json.loads(script.text or "")
            return str(settings["path"]["currentPath"])
        except (ValueError, KeyError, TypeError):
            continue
    return ""


def extract(root: lxml.html.HtmlElement) -> Page:
    """Read a current-site HTML page."""
    page = Page(layout="current_site")
    titles = _H1_TITLE(root) or _H1(root)
    page.title = next((t for t in map(first_text, titles) if t), "")
    dates = _DATE(root)
    page.date = first_text(dates[0]) if dates else ""
    pane = _active_pane(root)
    if pane is not None:
        page.body = body_after_chrome(element_text(pane).split("\n"))
    summaries = [s for s in _SUMMARY(root) if pane is None or pane not in s.iterancestors()]
    page.summary = element_text(summaries[0]) if summaries else ""
    cited = [c for c in map(first_text, _CITATION(root)) if c.startswith(('"', "“"))]
    page.citation = cited[0] if cited else ""
    donated = _DONATED(root)
    page.credits = squeeze(element_text(donated[0])) if donated else ""
    for block in _INFO(root):
        labels = _SUB_TITLE(block)
        if not labels:
            continue
        values = _pill_values([block])
        if not values:
            texts = _TEXT(block)
            values = [element_text(texts[0])] if texts else []
        assign(page, first_text(labels[0]), values)
    _headed_lists(root, page)
    node = _drupal_path(root)
    if node:
        page.extra["node"] = node
    page.url = meta_url(root) or (f"/{node}" if node else "")
    return page
