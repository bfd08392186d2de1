"""Render one archive document as a full HTML page in either of the archive's layouts.

A document is a dict with the keys of a scraped current-site record: ``title``,
``original_publication_date``, ``summary``, ``text_body``, ``credits``, ``authors``,
``associated_people_orgs``, ``associated_places``, ``subjects_discussed``,
``document_contributors``, ``source``, ``original_archive_title``, ``language``, ``rights``,
``record_id``, ``original_classification``, ``donors``, ``original_upload_date``,
``document_url``.  Optional keys: ``type``, ``citation``, ``collections``, ``original_text``
(a second, non-active version of the body), ``original_label`` (its tab label), ``tab_label``
(the active tab's label), ``body_html`` (body markup used verbatim instead of ``text_body``),
``pdf`` (the file's address), ``nid`` (the current site's node id) and ``charset`` (the
declared charset; ``None`` leaves the page without one).  Missing or ``None`` values are
left off the page.

Both renderers build strings directly (no template engine): they are called for every page
of the benchmark corpus.
"""

# Page markup and document text are kept as they appear, one line per line.
# ruff: noqa: E501

from __future__ import annotations

import json
import re
import zlib
from html import escape
from typing import Any

SITE = "https://digitalarchive.wilsoncenter.org"
ARCHIVE_NAME = "History and Public Policy Program Digital Archive"

_NON_WORD = re.compile(r"[^a-z0-9]+")
_FULL_DATE = re.compile(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})")
_MONTH_DATE = re.compile(r"([A-Z][a-z]+) (\d{4})")


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _key(value: str) -> str:
    """A link path segment for a value, as the site writes its taxonomy addresses."""
    return _NON_WORD.sub("-", value.lower()).strip("-")


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if v]


def paragraphs(text: str) -> str:
    """Body text as ``<p>`` elements, one per line.

    Lines are kept as they are (runs of spaces, letter-spaced headings, full-width
    punctuation); empty lines are dropped and a no-break space becomes ``&nbsp;``, so a line
    holding only one is the archive's blank paragraph.
    """
    lines = _text(text).replace("\xa0", "&nbsp;").split("\n")
    return "".join(f"<p>{line}</p>\n" for line in lines if line)


def old_site_date(shown: str) -> str:
    """The old site's form of a displayed date: zero-padded days, a comma after a month."""
    m = _FULL_DATE.fullmatch(shown)
    if m:
        return f"{m[1]} {int(m[2]):02d}, {m[3]}"
    m = _MONTH_DATE.fullmatch(shown)
    if m:
        return f"{m[1]}, {m[2]}"
    return shown


def citation(doc: dict[str, Any], date: str | None = None) -> str:
    """The citation the old site shows: the document's own, or one in the archive's form.

    ``"TITLE," DATE, History and Public Policy Program Digital Archive, SOURCE.``
    """
    if doc.get("citation"):
        return doc["citation"]
    shown = old_site_date(doc.get("original_publication_date") or "") if date is None else date
    parts = [f'"{doc.get("title") or ""},"']
    if shown:
        parts.append(f"{shown},")
    source = (doc.get("source") or "").strip()
    if source:
        parts.append(f"{ARCHIVE_NAME}, {source}")
    else:
        parts.append(ARCHIVE_NAME)
    text = " ".join(parts)
    return text if text.endswith(".") else text + "."


def node_id(doc: dict[str, Any]) -> int:
    """The current site's node id: given, or derived stably from the page address."""
    if doc.get("nid"):
        return int(doc["nid"])
    seed = doc.get("document_url") or doc.get("title") or ""
    return 200000 + zlib.crc32(seed.encode("utf-8")) % 90000


def _body(doc: dict[str, Any]) -> str:
    if doc.get("body_html"):
        return doc["body_html"]
    return paragraphs(doc.get("text_body") or "")


# --------------------------------------------------------------------------- current site

_CURRENT_HEAD = (
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
    '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n'
    '<meta name="MobileOptimized" content="width">\n'
    '<link rel="icon" href="/themes/custom/digital_archive/favicon.ico" '
    'type="image/vnd.microsoft.icon">\n'
)
_CURRENT_STYLES = (
    '<link rel="stylesheet" media="all" href="/sites/default/files/css/'
    'css_Xq3n0V0kBqSq1e1f4cG7m2dQ2.css?delta=0&amp;language=en&amp;theme=digital_archive">\n'
    "<style>.visually-hidden{position:absolute!important;overflow:hidden;clip:rect(1px,1px,1px,"
    "1px);height:1px;width:1px}.pill{display:inline-block;border-radius:1rem;padding:.25rem .75rem"
    "}.tab-pane{display:none}.tab-pane.active{display:block}</style>\n"
    '<script src="/core/assets/vendor/jquery/jquery.min.js?v=3.7.1"></script>\n'
)
_CURRENT_HEADER = """<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header class="site-header" role="banner">
<div class="header-top"><a href="https://www.wilsoncenter.org" class="parent-site">Wilson Center</a>
<a href="https://www.wilsoncenter.org/program/history-and-public-policy-program">History and Public Policy Program</a></div>
<div class="branding"><a href="/" rel="home" class="logo"><img src="/themes/custom/digital_archive/logo.svg" alt="Home"></a>
<span class="site-name">Digital Archive</span> <span class="site-slogan">International History Declassified</span></div>
<nav role="navigation" aria-labelledby="main-nav-menu" class="main-nav">
<h2 class="visually-hidden" id="main-nav-menu">Main navigation</h2>
<ul class="menu">
<li class="menu-item"><a href="/collections">Collections</a></li>
<li class="menu-item"><a href="/topics">Topics</a></li>
<li class="menu-item"><a href="/people">People</a></li>
<li class="menu-item"><a href="/places">Places</a></li>
<li class="menu-item"><a href="/about">About</a></li>
<li class="menu-item"><a href="https://www.wilsoncenter.org/support-the-wilson-center">Donate</a></li>
</ul>
</nav>
<form class="search-block-form" action="/search" method="get" accept-charset="UTF-8">
<label for="edit-keys" class="visually-hidden">Search</label>
<input type="search" id="edit-keys" name="keys" value="" size="15" maxlength="128" placeholder="Search the Digital Archive">
<button type="submit" class="button">Search</button>
</form>
</header>
<main role="main" id="main-content">
<div class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/search">Documents</a></li></ol></div>
"""
_CURRENT_FOOTER = """</main>
<footer class="site-footer" role="contentinfo">
<div class="footer-about"><p>The Digital Archive contains once-secret documents from governments all across the globe, uncovering new sources on the international history of the Cold War, nuclear history, and more.</p></div>
<nav class="footer-menu" aria-label="Footer"><ul>
<li><a href="/about">About the Digital Archive</a></li>
<li><a href="/terms-of-use">Terms of Use</a></li>
<li><a href="/contact">Contact</a></li>
<li><a href="https://www.wilsoncenter.org/privacy-policy">Privacy Policy</a></li>
</ul></nav>
<form class="newsletter-signup" action="https://www.wilsoncenter.org/subscribe" method="post">
<label for="newsletter-email">Stay up to date with new releases</label>
<input type="email" id="newsletter-email" name="email" placeholder="Email address">
<button type="submit">Subscribe</button>
</form>
<p class="copyright">&copy; Woodrow Wilson International Center for Scholars. All rights reserved.</p>
</footer>
</div>
"""
_CURRENT_SCRIPTS = (
    '<script src="/core/misc/drupalSettingsLoader.js?v=10.1.6"></script>\n'
    '<script src="/core/misc/drupal.js?v=10.1.6"></script>\n'
    '<script src="/themes/custom/digital_archive/js/tabs.js?s3k9q1"></script>\n'
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
    "gtag('js',new Date());gtag('config','G-7M4QF2K1VZ');</script>\n"
)

#: Labelled values of the current site: (label, key, shown as pills).
_INFO_BLOCKS = (
    ("Source", "source", False),
    ("Original Archive", "original_archive_title", True),
    ("Rights", "rights", False),
    ("Original Uploaded Date", "original_upload_date", False),
    ("Type", "type", False),
    ("Language", "language", True),
    ("Record ID", "record_id", False),
    ("Original Classification", "original_classification", False),
    ("Donors", "donors", True),
)
#: Headed lists of linked values: (heading, key, pill class, link base).
_RELATED = (
    ("Author(s)", "authors", "pill", "people"),
    ("Associated People &amp; Organizations", "associated_people_orgs", "pill", "people"),
    ("Associated Places", "associated_places", "pill", "places"),
    ("Subjects Discussed", "subjects_discussed", "pill-subject", "topics"),
    ("Document Contributors", "document_contributors", "pill", "people"),
    ("Collections", "collections", "pill", "collections"),
)


def _pill(value: str, cls: str, base: str) -> str:
    return (
        f'<a href="/{base}/{_key(value)}" class="{cls}">'
        f'<span class="name"><span>{_text(value)}</span></span></a>'
    )


def _drupal_settings(nid: int) -> str:
    settings = {
        "path": {
            "baseUrl": "/",
            "pathPrefix": "",
            "currentPath": f"node/{nid}",
            "currentPathIsAdmin": False,
            "isFront": False,
            "currentLanguage": "en",
        },
        "pluralDelimiter": "\u0003",
        "suppressDeprecationErrors": True,
        "ajaxTrustedUrl": {"/search": True},
        "user": {"uid": 0, "permissionsHash": "3f1c0c6e5e0e4b1d"},
    }
    return json.dumps(settings, separators=(",", ":")).replace("/", "\\/")


def current_site(doc: dict[str, Any]) -> str:
    """The document as a page of the current (Drupal) site."""
    title = doc.get("title") or ""
    url = doc.get("document_url") or ""
    nid = node_id(doc)
    out: list[str] = ['<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n']
    if doc.get("charset"):
        out.append(f'<meta charset="{_attr(doc["charset"])}">\n')
    out.append(_CURRENT_HEAD)
    if url:
        out.append(f'<link rel="canonical" href="{_attr(url)}">\n')
    out.append(f"<title>{_text(title)} | Wilson Center Digital Archive</title>\n")
    out.append(_CURRENT_STYLES)
    out.append('</head>\n<body class="path-node page-node-type-document">\n')
    out.append(_CURRENT_HEADER)
    out.append('<article class="node node--type-document node--view-mode-full">\n')
    out.append('<div class="content-block document-header">\n')
    out.append(f'<h1 class="title"><span>{_text(title)}</span></h1>\n')
    if doc.get("original_publication_date"):
        out.append(f'<div class="date">{_text(doc["original_publication_date"])}</div>\n')
    out.append("</div>\n")
    if doc.get("summary"):
        out.append(f'<div class="text-block"><p>{_text(doc["summary"])}</p></div>\n')
    if doc.get("credits"):
        out.append(f'<div class="donated"><p>{_text(doc["credits"])}</p></div>\n')
    if doc.get("citation"):
        out.append(
            '<div class="modal citation-modal" aria-hidden="true"><div class="modal-body">'
            f'<p class="citation">{_text(doc["citation"])}</p></div></div>\n'
        )
    out.append(
        '<div class="document-actions">'
        f'<a class="button download" href="/document/{nid}/download">Download PDF</a>'
        '<button class="button cite" type="button">Cite</button>'
        '<button class="button share" type="button">Share</button></div>\n'
    )
    languages = _as_list(doc.get("language"))
    label = doc.get("tab_label") or (
        "English Transcription" if languages in ([], ["English"]) else "English Translation"
    )
    original = doc.get("original_text")
    out.append('<div id="documentTabs" class="document-tabs">\n<ul class="nav nav-tabs" ')
    out.append('role="tablist"><li class="nav-item"><a class="nav-link active" ')
    out.append(f'href="#tab-translation" role="tab">{_text(label)}</a></li>')
    if original:
        other = doc.get("original_label") or "Original Language"
        out.append(
            '<li class="nav-item"><a class="nav-link" href="#tab-original" role="tab">'
            f"{_text(other)}</a></li>"
        )
    out.append('</ul>\n<div class="tab-content">\n')
    out.append('<div class="tab-pane fade show active" id="tab-translation" role="tabpanel">\n')
    out.append(_body(doc))
    out.append("</div>\n")
    if original:
        out.append('<div class="tab-pane fade" id="tab-original" role="tabpanel">\n')
        out.append(paragraphs(original))
        out.append("</div>\n")
    out.append("</div>\n</div>\n")
    pdf = doc.get("pdf") or f"{SITE}/document/{nid}/download"
    out.append(
        f'<div class="document-preview"><object class="pdf-preview" data="{_attr(pdf)}" '
        'type="application/pdf" width="100%" height="800"></object></div>\n'
    )
    out.append('<div class="document-information">\n')
    for label_text, key, as_pills in _INFO_BLOCKS:
        values = _as_list(doc.get(key))
        if not values:
            continue
        out.append(f'<div class="information-block"><div class="sub-title">{label_text}</div>')
        if as_pills:
            out.append('<div class="pills">')
            out.extend(_pill(v, "pill", "search") for v in values)
            out.append("</div>")
        else:
            out.append(f'<div class="text">{_text(" ".join(values))}</div>')
        out.append("</div>\n")
    out.append("</div>\n")
    for heading, key, cls, base in _RELATED:
        values = _as_list(doc.get(key))
        if not values:
            continue
        out.append(f'<div class="related-block"><h2 class="title">{heading}</h2>')
        out.append('<div class="pills">')
        out.extend(_pill(v, cls, base) for v in values)
        out.append("</div></div>\n")
    out.append("</article>\n")
    out.append(_CURRENT_FOOTER)
    out.append(
        '<script type="application/json" data-drupal-selector="drupal-settings-json">'
        f"{_drupal_settings(nid)}</script>\n"
    )
    out.append(_CURRENT_SCRIPTS)
    out.append("</body>\n</html>\n")
    return "".join(out)


# --------------------------------------------------------------------------------- old site

_OLD_DOCTYPE = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en" dir="ltr">\n<head>\n'
)
_OLD_HEAD = (
    '<link rel="shortcut icon" href="/sites/all/themes/digitalarchive/favicon.ico" '
    'type="image/vnd.microsoft.icon" />\n'
    '<link type="text/css" rel="stylesheet" href="/sites/default/files/css/'
    'css_pbm0lsQQJ7A7WCCIMgxLho6mI_kBNgznNUWmTWcnfoE.css" media="all" />\n'
    '<style type="text/css" media="all">#subj-list li{display:inline;margin-right:.5em}'
    "a.down{padding-left:18px;background:url(/sites/all/themes/digitalarchive/images/pdf.png)"
    " no-repeat}</style>\n"
    '<script type="text/javascript" src="/misc/jquery.js?v=1.4.4"></script>\n'
    '<script type="text/javascript" src="/misc/drupal.js?ogpq1x"></script>\n'
)
_OLD_HEADER = """<div id="page-wrapper"><div id="page">
<div id="header"><div class="section clearfix">
<div id="block-search-form" class="block block-search">
<form action="/search" method="get" id="search-block-form" accept-charset="UTF-8"><div>
<label for="edit-search-block-form">Search in</label>
<input type="text" id="edit-search-block-form" name="search_block_form" value="" size="15" maxlength="128" class="form-text" />
<input type="submit" id="edit-submit" name="op" value="Search" class="form-submit" />
</div></form>
</div>
<div id="site-name"><a href="/" title="Home" rel="home"><img src="/sites/all/themes/digitalarchive/images/logo.png" alt="" /></a>
<h1 id="site-title"><a href="/" rel="home"><span class="da">Digital Archive</span> <span class="ihd">International History Declassified</span></a></h1></div>
</div></div>
<div id="main-wrapper"><div id="main" class="clearfix">
<div id="content" class="column"><div class="section">
"""
_OLD_FOOTER = """<div id="navigation"><div class="section">
<ul class="menu">
<li class="first leaf"><a href="/browse">Browse</a></li>
<li class="leaf"><a href="/collections">Collections</a></li>
<li class="leaf"><a href="/topics">Topics</a></li>
<li class="leaf"><a href="/search/advanced">Advanced Search</a></li>
<li class="last leaf"><a href="/about">About</a></li>
</ul>
</div></div>
<div id="footer"><div class="section">
<p>The Digital Archive is a project of the History and Public Policy Program at the Woodrow Wilson International Center for Scholars, One Woodrow Wilson Plaza, 1300 Pennsylvania Avenue NW, Washington, DC 20004-3027.</p>
<p><a href="/terms-of-use">Terms of Use</a> | <a href="/contact-us">Contact Us</a> | <a href="http://www.wilsoncenter.org">wilsoncenter.org</a></p>
</div></div>
</div></div>
<script type="text/javascript">var _gaq=_gaq||[];_gaq.push(['_setAccount','UA-2167458-12']);_gaq.push(['_trackPageview']);</script>
</body>
</html>
"""

#: Labelled values of the old site's document information: (label, key, as a list).
_OLD_INFO = (
    ("Type", "type", False),
    ("Language", "language", True),
    ("Record ID", "record_id", False),
    ("Original Archive", "original_archive_title", True),
    ("Source", "source", False),
    ("Original Classification", "original_classification", False),
    ("Authors", "authors", True),
    ("Associated People &amp; Organizations", "associated_people_orgs", True),
    ("Associated Places", "associated_places", True),
    ("Document Contributors", "document_contributors", True),
    ("Donors", "donors", True),
    ("Credits", "credits", False),
    ("Rights", "rights", False),
    ("Original Uploaded Date", "original_upload_date", False),
)


def _old_url(doc: dict[str, Any]) -> str:
    if doc.get("document_url"):
        return doc["document_url"]
    return f"{SITE}/document/{doc.get('record_id') or ''}"


def old_site(doc: dict[str, Any]) -> str:
    """The document as a page of the old site (2013-2023)."""
    title = doc.get("title") or ""
    rid = str(doc.get("record_id") or "")
    url = _old_url(doc)
    date = old_site_date(doc.get("original_publication_date") or "")
    out: list[str] = [_OLD_DOCTYPE]
    if doc.get("charset"):
        out.append(
            '<meta http-equiv="Content-Type" '
            f'content="text/html; charset={_attr(doc["charset"])}" />\n'
        )
    out.append(f'<link rel="canonical" href="{_attr(url)}" />\n')
    out.append(f"<title>{_text(title)} | Wilson Center Digital Archive</title>\n")
    out.append(_OLD_HEAD)
    out.append('</head>\n<body class="html not-front not-logged-in page-document">\n')
    out.append(_OLD_HEADER)
    out.append(f'<div id="document" class="node-document" data-record="{_attr(rid)}">\n')
    if date:
        out.append(
            '<div class="field field-name-field-date"><span class="date-display-single">'
            f"{_text(date)}</span></div>\n"
        )
    out.append('<ul id="document-tools" class="tools">\n<li class="citation">')
    out.append('<a href="#" class="cite-toggle">Citation</a>\n<div class="citation-box">')
    out.append('<h5><a href="#" class="get-citation">get citation</a></h5>\n')
    if doc.get("summary"):
        out.append(f'<p class="summary">{_text(doc["summary"])}</p>\n')
    out.append(f'<p class="cite">{_text(citation(doc, date))}</p>\n</div></li>\n')
    out.append(
        '<li class="share"><a href="#" class="share-toggle">share document</a>'
        f'<div class="share-box"><input type="text" readonly="readonly" value="{_attr(url)}" />'
        "</div></li>\n</ul>\n"
    )
    original = doc.get("original_text")
    label = doc.get("tab_label") or "English HTML"
    out.append('<div id="document-tabs">\n<ul class="tabs">')
    out.append(f'<li class="active"><a href="#tab-1">{_text(label)}</a></li>')
    if original:
        other = doc.get("original_label") or "Original HTML"
        out.append(f'<li><a href="#tab-2">{_text(other)}</a></li>')
    out.append('</ul>\n<div id="tab-1" class="tab-content active">\n')
    out.append(_body(doc))
    out.append("</div>\n")
    if original:
        out.append('<div id="tab-2" class="tab-content">\n')
        out.append(paragraphs(original))
        out.append("</div>\n")
    out.append("</div>\n</div>\n</div></div>\n")
    out.append('<div id="sidebar" class="column sidebar"><div class="section">\n')
    out.append('<div class="doc-inf-information">\n')
    for label_text, key, as_list in _OLD_INFO:
        values = _as_list(doc.get(key))
        if not values:
            continue
        out.append(f"<h4>{label_text}</h4>\n")
        if as_list:
            out.append("<ul>")
            out.extend(f"<li>{_text(v)}</li>" for v in values)
            out.append("</ul>\n")
        else:
            out.append(f"<p>{_text(' '.join(values))}</p>\n")
    out.append("</div>\n")
    collections = _as_list(doc.get("collections"))
    if collections:
        out.append('<div class="doc-inf-collections"><h4>Collections</h4><ul>')
        for value in collections:
            cid = 100 + zlib.crc32(value.encode("utf-8")) % 900
            out.append(f'<li><a href="/collection/{cid}/{_key(value)}">{_text(value)}</a></li>')
        out.append("</ul></div>\n")
    subjects = _as_list(doc.get("subjects_discussed"))
    if subjects:
        out.append('<div id="subjects"><h4>Subjects Discussed</h4><ul id="subj-list">')
        out.extend(f'<li><a href="/topics/{_key(v)}">{_text(v)}</a></li>' for v in subjects)
        out.append("</ul></div>\n")
    pdf = doc.get("pdf") or f"/assets/media_files/000/{rid or '0'}.pdf"
    out.append(
        '<div class="downloads"><h4>Downloads</h4>'
        f'<a class="down" href="{_attr(pdf)}">Original Scan (PDF)</a> '
        f'<a class="ris" href="/document/{_attr(rid)}.ris">Export RIS</a></div>\n'
    )
    out.append("</div></div>\n")
    out.append(_OLD_FOOTER)
    return "".join(out)
