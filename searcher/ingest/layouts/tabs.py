"""Which of a page's tab panes holds the text a reader sees first.

A pane marked ``active`` wins; else the pane an active tab control points to; else the
pane whose tab label names the English text; else the first pane with text that is not a
scan.  Labels come from the controls that point at a pane (``href="#id"``,
``data-bs-target``/``data-target``, ``aria-controls``) or from the pane's own heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import lxml.html

from searcher.ingest.layouts.html_text import first_text

_TARGETS = ("href", "data-bs-target", "data-target", "aria-controls")
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))


def _is_active(element: lxml.html.HtmlElement) -> bool:
    if "active" in (element.get("class") or "").split():
        return True
    if element.get("aria-selected") == "true":
        return True
    parent = element.getparent()
    return (
        parent is not None
        and parent.tag == "li"
        and "active" in (parent.get("class") or "").split()
    )


def _target(control: lxml.html.HtmlElement) -> str:
    for name in _TARGETS:
        value = control.get(name)
        if value:
            mark = value.rfind("#")
            if mark >= 0:
                return value[mark + 1 :]
            if name == "aria-controls":
                return value
    return ""


def _rank(label: str) -> int:
    """Lower is better: English text first, then other text, scans last."""
    key = label.lower()
    if "scan" in key or "pdf" in key:
        return 3
    if "english" in key:
        return 0
    if "original" in key:
        return 2
    return 1


def choose_pane(
    panes: Sequence[lxml.html.HtmlElement], controls: Iterable[lxml.html.HtmlElement]
) -> lxml.html.HtmlElement | None:
    """The pane to read among ``panes``; ``controls`` are elements that may point at one."""
    if not panes:
        return None
    for pane in panes:
        if "active" in (pane.get("class") or "").split():
            return pane
    by_id = {pane.get("id"): pane for pane in panes if pane.get("id")}
    labels: dict[int, str] = {}
    for control in controls:
        target = by_id.get(_target(control)) if by_id else None
        if target is None:
            continue
        if _is_active(control):
            return target
        labels.setdefault(id(target), first_text(control))
    best: tuple[int, int] | None = None
    chosen = None
    for order, pane in enumerate(panes):
        label = labels.get(id(pane))
        if label is None:
            heading = next((c for c in pane if c.tag in _HEADINGS), None)
            label = first_text(heading)
        if not label and not first_text(pane):
            continue
        rank = (_rank(label), order)
        if best is None or rank < best:
            best, chosen = rank, pane
    return chosen if chosen is not None else panes[0]
