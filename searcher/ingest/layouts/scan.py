"""One walk over a parsed page, collecting every element the layouts read.

Class and id lookups by XPath each scan the whole tree; the layouts instead read the lists
this walk fills, and search only inside the few elements found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html

from searcher.ingest.layouts.html_text import first_text

#: Classes the walk collects, each into the list of that name.
_WANTED = {
    "date": "dates",
    "text-block": "summaries",
    "donated": "donated",
    "information-block": "info",
    "tab-pane": "panes",
    "citation": "citations",
    "tab-content": "tab_contents",
    "down": "down_links",
}


@dataclass
class Found:
    """What one walk over a page found."""

    root: lxml.html.HtmlElement
    tabs: lxml.html.HtmlElement | None = None
    h1: list[lxml.html.HtmlElement] = field(default_factory=list)
    h2: list[lxml.html.HtmlElement] = field(default_factory=list)
    dates: list[lxml.html.HtmlElement] = field(default_factory=list)
    summaries: list[lxml.html.HtmlElement] = field(default_factory=list)
    donated: list[lxml.html.HtmlElement] = field(default_factory=list)
    info: list[lxml.html.HtmlElement] = field(default_factory=list)
    panes: list[lxml.html.HtmlElement] = field(default_factory=list)
    citations: list[lxml.html.HtmlElement] = field(default_factory=list)
    controls: list[lxml.html.HtmlElement] = field(default_factory=list)
    settings: list[lxml.html.HtmlElement] = field(default_factory=list)
    tab_contents: list[lxml.html.HtmlElement] = field(default_factory=list)
    down_links: list[lxml.html.HtmlElement] = field(default_factory=list)
    doc_info: list[lxml.html.HtmlElement] = field(default_factory=list)
    subject_lists: list[lxml.html.HtmlElement] = field(default_factory=list)
    title: str = ""
    url: str = ""

    @property
    def old_site_marks(self) -> bool:
        """Whether the page has the old site's document information or subject list."""
        return bool(self.doc_info or self.subject_lists)

    @property
    def is_document(self) -> bool:
        """Whether the page has the current site's document parts."""
        return self.tabs is not None or bool(self.info)


def scan(root: lxml.html.HtmlElement) -> Found:
    """Walk the tree once, collecting the elements the extractor reads."""
    found = Found(root)
    wanted = _WANTED
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        get = element.get
        names = get("class")
        if names:
            tokens = names.split()
            for token in tokens:
                bucket = wanted.get(token)
                if bucket is not None:
                    getattr(found, bucket).append(element)
            if tag == "h2" and "title" in tokens:
                found.h2.append(element)
            elif names.startswith("doc-inf-"):
                found.doc_info.append(element)
        if tag == "h1":
            found.h1.append(element)
        elif tag in ("a", "button", "li"):
            if get("href", "").find("#") >= 0 or get("aria-controls") or get("data-bs-target"):
                found.controls.append(element)
        elif tag == "script":
            if get("data-drupal-selector") == "drupal-settings-json":
                found.settings.append(element)
        elif tag == "link":
            if not found.url and (get("rel") or "").lower() == "canonical":
                found.url = (get("href") or "").strip()
        elif tag == "meta":
            if not found.url and get("property") == "og:url":
                found.url = (get("content") or "").strip()
        elif tag == "title" and not found.title:
            found.title = first_text(element)
        ident = get("id")
        if ident == "documentTabs" and found.tabs is None:
            found.tabs = element
        elif ident == "subj-list":
            found.subject_lists.append(element)
    return found
