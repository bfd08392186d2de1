"""HTML to readable text, and the small lookups the layouts share.

Block elements break lines (paragraph-like ones leave a blank line), ``<br>`` breaks a
line, inline elements join with no space added: Word exports split words across spans
("Сов<span>етский</span>" reads "Советский"), while text separated by whitespace or by a
block boundary never runs together.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from searcher.errors import IngestError
from searcher.ingest.page import Page, page_labels
from searcher.record import FIELD_BY_NAME

#: Elements whose content is never text of the page.
SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "form",
        "button",
        "select",
        "option",
        "textarea",
        "template",
        "iframe",
        "svg",
        "math",
        "head",
        "title",
        "input",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "map",
        "area",
        "dialog",
    ]
)
#: Blocks that stand apart as paragraphs (a blank line before and after).
PARAGRAPHS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dl",
        "hr",
        "address",
        "figure",
    ]
)
#: Blocks that start and end a line.
LINES = frozenset(
    [
        "div",
        "li",
        "tr",
        "dd",
        "dt",
        "section",
        "article",
        "main",
        "aside",
        "figcaption",
        "caption",
        "center",
        "fieldset",
        "legend",
        "details",
        "summary",
        "body",
        "html",
        "tbody",
        "thead",
        "tfoot",
    ]
)
_CELLS = frozenset(("td", "th"))
# Break markers while text is gathered: a block boundary (several in a row count once),
# a paragraph boundary (the same, leaving a blank line), and <br> (each one counts).
_LINE, _PARA, _BR = "\x01", "\x02", "\n"
_BREAKS = re.compile("[\x01\x02][\x01\x02 \t]*")


def _break(match: re.Match[str]) -> str:
    return "\n\n" if "\x02" in match.group() else "\n"


#: Characters no page text holds (tab, line and form feeds and carriage return aside).
_CONTROL_CHARS = tuple(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF]))
_CONTROLS = re.compile(f"[{re.escape(''.join(_CONTROL_CHARS))}]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# huge_tree lifts libxml2's limit of 256 nested elements (old pages leave hundreds of
# <font> tags unclosed) to 2,048; deeper pages are read again without their inline tags.
_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
)
#: How deep the parser nests elements; below that, it drops what it reads.
MAX_DEPTH = 2048
_INLINE_TAGS = re.compile(
    rb"</?(?:font|span|b|i|u|s|em|strong|small|big|tt|strike|sup|sub|a|abbr|cite|code|mark|q"
    rb"|var|ins|del|label|nobr)(?:\s[^>]*)?/?>",
    re.IGNORECASE,
)
# Every element an HtmlElement, chosen in C: lxml.html's own lookup calls back into Python
# for each element the walk touches (to give forms and inputs classes of their own, which
# nothing here uses), a tenth of the parsing time.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def clean_controls(text: str) -> str:
    """Page text without control characters (form and line feeds become newlines)."""
    if "\x0b" in text or "\x0c" in text:
        text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    # a substring search per character is three times faster than the pattern's scan
    if not any(map(text.__contains__, _CONTROL_CHARS)):
        return text
    return _CONTROLS.sub("", text)


def _parse(data: bytes) -> tuple[lxml.html.HtmlElement, bool]:
    """The tree of UTF-8 markup, and whether the parser stopped nesting (and so dropped
    what lay deeper)."""
    try:
        root = lxml.html.document_fromstring(data, _PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"not an archive document: unreadable markup ({exc})") from None
    if root is None:
        raise IngestError("not an archive document: empty markup")
    last = _PARSER.error_log.last_error  # the parser stops at that error: it is the last
    too_deep = (
        last is not None and last.type_name == "ERR_RESOURCE_LIMIT" and "depth" in last.message
    )
    return root, too_deep


def read_html(text: str) -> tuple[lxml.html.HtmlElement, str]:
    """Parse a page (already through :func:`clean_controls`) into an lxml tree (the root
    ``html`` element), and say why the tree is cut ("" when it holds the whole page).

    Markup nested deeper than :data:`MAX_DEPTH` is read again without its inline tags
    (``<font>``, ``<span>``, ``<b>``...), which keeps every word; only if it is still too
    deep is the tree cut.
    """
    data = _XML_DECLARATION.sub("", text, count=1).encode("utf-8", "surrogatepass")
    root, too_deep = _parse(data)
    if not too_deep:
        return root, ""
    flat = _INLINE_TAGS.sub(b"", data)
    if len(flat) < len(data):
        root, too_deep = _parse(flat)
        if not too_deep:
            return root, ""
    return root, f"markup nested deeper than {MAX_DEPTH} elements: the text inside was cut"


def squeeze(text: str) -> str:
    """One line: runs of whitespace (any kind) collapsed to a single space, ends trimmed."""
    text = " ".join(text.split())
    return text.replace("\xad", "") if "\xad" in text else text


def is_hidden(element: lxml.html.HtmlElement) -> bool:
    """Whether markup or an inline style hides the element."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


def element_text(element: lxml.html.HtmlElement, *, skip: frozenset[str] = SKIPPED) -> str:
    """The text of an element: lines and blank-line-separated paragraphs."""
    pieces: list[str] = []
    add = pieces.append
    in_pre = 0
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        if event == "start":
            if tag in skip or (node is not element and is_hidden(node)):
                walker.skip_subtree()
                continue
            if tag == "br":
                add(_BR)
            elif tag in PARAGRAPHS:
                add(_PARA)
                if tag == "pre":
                    in_pre += 1
            elif tag in LINES:
                add(_LINE)
            elif tag in _CELLS:
                add(" ")
            if node.text:
                add(node.text if in_pre else node.text.replace("\n", " "))
        else:
            if node is element:
                break
            if tag not in skip:
                if tag in PARAGRAPHS:
                    add(_PARA)
                    if tag == "pre":
                        in_pre -= 1
                elif tag in LINES:
                    add(_LINE)
                elif tag in _CELLS:
                    add(" ")
            if node.tail:
                add(node.tail if in_pre else node.tail.replace("\n", " "))
    return tidy(_BREAKS.sub(_break, "".join(pieces)))


def tidy(text: str) -> str:
    """Trim lines, collapse spaces inside them, and keep at most one blank line in a row.

    Lines holding only spaces or no-break spaces count as blank.
    """
    if "\xad" in text:
        text = text.replace("\xad", "")
    out: list[str] = []
    blank = False
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)


_FURNITURE_IDS = (
    "header",
    "footer",
    "navigation",
    "nav",
    "sidebar",
    "sidebar-first",
    "sidebar-second",
    "breadcrumb",
    "site-name",
    "block-search-form",
)
_FURNITURE_CLASSES = (
    "sidebar",
    "breadcrumb",
    "menu",
    "tabs",
    "nav-tabs",
    "skip-link",
    "visually-hidden",
    "element-invisible",
    "share-box",
    "downloads",
)
_FURNITURE_ROLES = frozenset(("navigation", "banner", "contentinfo", "search"))
#: Beginnings of class words of share widgets, cookie banners and lightboxes.
_FURNITURE_PREFIXES = ("addthis", "share", "social", "a2a_", "eu-cookie", "cookie", "cbox")


def drop_furniture(root: lxml.html.HtmlElement) -> None:
    """Remove site navigation, sidebars, breadcrumbs and tab bars from the tree."""
    ids = frozenset(_FURNITURE_IDS)
    names = frozenset(_FURNITURE_CLASSES)
    found = []
    for element in root.iter():
        get = element.get
        if get("id") in ids or get("role") in _FURNITURE_ROLES:
            found.append(element)
            continue
        words = get("class")
        if words and any(
            w in names or w.startswith(_FURNITURE_PREFIXES) for w in words.lower().split()
        ):
            found.append(element)
    for element in found:
        if element.getparent() is not None and element.tag not in ("body", "html"):
            element.drop_tree()


def classes(element: lxml.html.HtmlElement) -> set[str]:
    """The element's CSS classes."""
    return set((element.get("class") or "").split())


def first_text(element: lxml.html.HtmlElement | None) -> str:
    """One-line text of an element (empty for None)."""
    if element is None:
        return ""
    return squeeze(element.text_content())


#: Page labels (lower case) and the Page field each fills; list fields take every value.
#: Declared with the fields (``searcher.record.declare``, and the Page's own).
LABEL_FIELDS = page_labels()


_PLURAL_MARK = re.compile(r"\(s\)|\(es\)")


def label_key(label: str) -> str:
    """A label as looked up: lower case, no colon, "(s)" and "&" spelled out the same way."""
    key = label.lower().replace("&", " and ")
    if "(" in key:
        key = _PLURAL_MARK.sub("s", key)
    return " ".join(key.replace(":", " ").split())


_LABELS = {label_key(k): v for k, v in LABEL_FIELDS.items()}


def assign(page: Page, label: str, values: list[str]) -> None:
    """Put a labelled value where it belongs on ``page``: a field, or ``extra``."""
    values = [v for v in (squeeze(v) for v in values) if v]
    if not values:
        return
    key = squeeze(label).rstrip(":").strip()
    name = _LABELS.get(label_key(key))
    if name is None:
        if key:
            page.extra[key] = "; ".join(values)
        return
    current = getattr(page, name, None)
    if current is None:  # a Record field the Page does not name: the page holds it as read
        current = [] if FIELD_BY_NAME[name].multi else ""
        setattr(page, name, current)
    if isinstance(current, list):
        current.extend(v for v in values if v not in current)
    elif not current:
        setattr(page, name, "; ".join(values))


def meta_url(root: lxml.html.HtmlElement) -> str:
    """The page's own address from a canonical link or ``og:url``, if it gives one."""
    for href in root.xpath(
        "//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href"
        " | //meta[@property='og:url']/@content"
    ):
        href = href.strip()
        if href:
            return href
    return ""
