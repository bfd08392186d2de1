"""Layout detection and extraction: current site, old site, text dumps, generic HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searcher.errors import IngestError
from searcher.ingest.decode import decode, read_page
from searcher.ingest.layouts import LAYOUTS, extract
from searcher.ingest.layouts.old_site import parse_citation
from searcher.ingest.page import Page

TESTS = Path(__file__).resolve().parents[1]
SEED = TESTS / "data" / "seed-page-mao-to-filippov-1951-11-14.txt"
RAW_HTML = TESTS.parent / "raw_html"

CURRENT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<link rel="canonical" href="https://digitalarchive.wilsoncenter.org/document/letter-mao-zedong">
<title>Letter, Mao Zedong to Filippov | Wilson Center Digital Archive</title></head>
<body><header><nav><ul><li><a href="/topics">Topics</a></li></ul></nav>
<form action="/search"><input name="keys"><button>Search</button></form></header>
<main><article>
<div class="content-block"><h1 class="title"><span>Letter, Mao Zedong to Filippov</span></h1>
<div class="date">August 1949</div></div>
<div class="text-block"><p>Mao asks for advice.</p></div>
<div class="donated"><p>This document was made possible with support from a donor.</p></div>
<div id="documentTabs"><ul class="nav nav-tabs"><li><a class="nav-link active">English
Translation</a></li><li><a class="nav-link">Original Language</a></li></ul>
<div class="tab-content">
<div class="tab-pane fade show active"><p>Comrade Filippov,</p><p>&nbsp;</p>
<p>We ask your <b>advice</b>[1] on the <span>treaty</span>.<br>Line two.</p>
<p>[1] A footnote.</p></div>
<div class="tab-pane fade"><p>Товарищ Филиппов,</p></div></div></div>
<div class="information-block"><div class="sub-title">Source</div>
<div class="text">APRF, f. 45, op. 1, d. 329</div></div>
<div class="information-block"><div class="sub-title">Original Archive</div><div class="pills">
<a class="pill"><span class="name"><span>Archive of the President</span></span></a></div></div>
<div class="information-block"><div class="sub-title">Language</div><div class="pills">
<a class="pill"><span class="name"><span>Russian</span></span></a></div></div>
<div class="information-block"><div class="sub-title">Record ID</div><div class="text">113308</div>
</div>
<div class="information-block"><div class="sub-title">Donors</div><div class="pills">
<a class="pill"><span class="name"><span>Some Foundation</span></span></a></div></div>
<div class="related-block"><h2 class="title">Author(s)</h2><div class="pills">
<a class="pill"><span class="name"><span>Mao, Zedong</span></span></a></div></div>
<div class="related-block"><h2 class="title">Associated People &amp; Organizations</h2>
<div class="pills"><a class="pill"><span class="name"><span>Stalin, Joseph</span></span></a>
<a class="pill"><span class="name"><span>Chiang, Ching-kuo (Jiang Jingguo)</span></span></a>
</div></div>
<div class="related-block"><h2 class="title">Subjects Discussed</h2><div class="pills">
<a class="pill-subject"><span class="name"><span>China--Foreign relations--Soviet Union</span>
</span></a></div></div>
</article></main><footer><p>Terms of Use</p></footer>
<script type="application/json" data-drupal-selector="drupal-settings-json">
{"path":{"baseUrl":"\\/","currentPath":"node\\/285517"}}</script></body></html>"""

OLD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<link rel="canonical" href="https://digitalarchive.wilsoncenter.org/document/111240" />
<title>Telegram | Wilson Center Digital Archive</title></head><body>
<div id="header"><form action="/search"><label>Search in</label><input name="q" /></form>
<h1><span>Digital Archive</span> <span>International History Declassified</span></h1></div>
<div id="content"><div class="date">June, 1934</div>
<ul><li><a>Citation</a><h5>get citation</h5><p>Sheng asks Stalin for help.</p>
<p>"Letter from Sheng Shicai to Stalin," June, 1934, History and Public Policy Program
Digital Archive, RGASPI, f. 558, op. 11, d. 1. Translated by A. Person.</p></li>
<li>share document</li></ul>
<ul class="tabs"><li class="active">English HTML</li><li>Original HTML</li></ul>
<div class="tab-content active"><p>Dear Comrade Stalin,</p><p>I write to you.</p></div>
<div class="tab-content"><p>Дорогой товарищ Сталин</p></div></div>
<div id="sidebar"><div class="doc-inf-information"><h4>Type</h4><p>Letter</p>
<h4>Language</h4><ul><li>Russian</li><li>Chinese</li></ul><h4>Shelf</h4><p>B-12</p></div>
<div><h4>Subjects Discussed</h4><ul id="subj-list"><li>Xinjiang Uyghur Autonomous Region</li>
<li>Soviet Union--Foreign relations--China</li></ul></div>
<a class="down" href="/assets/111240.pdf">Original Scan (PDF)</a></div>
<div id="footer"><p>The Digital Archive is a project of the Wilson Center.</p></div>
</body></html>"""


def page_of(html: str) -> Page:
    return extract(decode(html.encode("utf-8")).text)


# ------------------------------------------------------------------------------ current site


def test_current_site_fields() -> None:
    page = page_of(CURRENT)
    assert page.layout == "current_site"
    assert page.title == "Letter, Mao Zedong to Filippov"
    assert page.date == "August 1949"
    assert page.summary == "Mao asks for advice."
    assert page.credits.startswith("This document was made possible")
    assert page.source == "APRF, f. 45, op. 1, d. 329"
    assert page.archive == ["Archive of the President"]
    assert page.languages == ["Russian"]
    assert page.record_id == "113308"
    assert page.authors == ["Mao, Zedong"]
    assert page.people == ["Stalin, Joseph", "Chiang, Ching-kuo (Jiang Jingguo)"]
    assert page.subjects == ["China--Foreign relations--Soviet Union"]
    assert page.extra["Donors"] == "Some Foundation"
    assert page.url == "https://digitalarchive.wilsoncenter.org/document/letter-mao-zedong"
    assert page.extra["node"] == "node/285517"


def test_current_site_body_is_the_active_pane_only() -> None:
    body = page_of(CURRENT).body
    assert body == (
        "Comrade Filippov,\n\nWe ask your advice[1] on the treaty.\nLine two.\n\n[1] A footnote."
    )
    assert "Товарищ" not in body and "Translation" not in body


def test_current_site_url_falls_back_to_drupal_path() -> None:
    html = re.sub(r"<link rel=\"canonical\"[^>]*>", "", CURRENT)
    assert page_of(html).url == "/node/285517"


# ---------------------------------------------------------------------------------- old site


def test_old_site_fields() -> None:
    page = page_of(OLD)
    assert page.layout == "old_site"
    assert page.title == "Letter from Sheng Shicai to Stalin"
    assert page.date == "June, 1934"
    assert page.summary == "Sheng asks Stalin for help."
    assert page.citation.startswith('"Letter from Sheng Shicai to Stalin," June, 1934, History')
    assert page.source == "RGASPI, f. 558, op. 11, d. 1"
    assert page.type == "Letter"
    assert page.languages == ["Russian", "Chinese"]
    assert page.extra["Shelf"] == "B-12"
    assert page.subjects == [
        "Xinjiang Uyghur Autonomous Region",
        "Soviet Union--Foreign relations--China",
    ]
    assert page.record_id == "111240"


def test_old_site_body_drops_chrome_tabs_and_sidebar() -> None:
    assert page_of(OLD).body == "Dear Comrade Stalin,\n\nI write to you."


def test_old_site_word_export_transcript() -> None:
    """The old site's XHTML Word export: CRLF, inline style, <p> in <p>, split spans."""
    html = (
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">\r\n  <body>\r\n    <p>\r\n'
        '\t\t<style type="text/css">\r\n\t\t\t.cs1{text-align:left;}\r\n\t\t</style>\r\n'
        '\t\t<span><p class="cs1"><span class="a">По указанию министра тов. Вышинского</span>'
        '<span class="b"> 1 </span><span class="a">января посетил Мао Цзэдуна</span>'
        '<span class="b">.</span></p><p class="cs1"><span class="a">Сов</span>'
        '<span class="a">етский Союз</span><span class="b"> </span>'
        '<span class="a">и Китай.</span></p><p class="cs1"><span>&nbsp;</span></p>'
        '<p class="cs2"><span class="a">Н. Рощин</span></p></span>\r\n</p>  </body>\r\n</html>'
    )
    page = extract(decode(html.encode("cp1251")).text)
    assert page.body == (
        "По указанию министра тов. Вышинского 1 января посетил Мао Цзэдуна.\n\n"
        "Советский Союз и Китай.\n\nН. Рощин"
    )
    assert ".cs1" not in page.body


# -------------------------------------------------------------------------------- plain text


def test_seed_text_dump() -> None:
    page = extract(decode(SEED.read_bytes()).text, path=str(SEED))
    assert page.layout == "plain_text"
    assert (
        page.title
        == "Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]"
    )
    assert page.date == "November 14, 1951"
    assert page.summary.startswith("Mao writes to Stalin of the ongoing armistice negotiations")
    assert page.summary.endswith("economic considerations within China.")
    assert page.citation.startswith('"Ciphered Telegram No. 25902')
    assert page.citation.endswith("ll. 0016-0019.")
    assert page.source == (
        "APRF, f. 45, op. 1, d. 342, ll. 16-19, and RGASPI, f. 558, op. 11, d. 342, ll. 0016-0019"
    )
    assert page.body.startswith("Copies: Stalin (2)\nFrom BEIJING Received 13:40 14.11.1951\n\n")
    assert page.body.endswith("I ask your instructions on the above.\n\nNo. 5631")
    for chrome in ("share document", "English HTML", "get citation", "Search in"):
        assert chrome not in page.body


def test_plain_text_without_archive_order() -> None:
    page = extract("Memorandum on the Korean armistice\n\nFirst paragraph.\n\n\n\nSecond one.")
    assert (page.layout, page.title) == ("plain_text", "Memorandum on the Korean armistice")
    assert page.body == "First paragraph.\n\nSecond one."


# ----------------------------------------------------------------------------------- generic


def test_generic_page_takes_title_and_main_content() -> None:
    html = (
        "<html><head><title>Note on Berlin | Some Library</title><style>p{x}</style></head>"
        "<body><nav>Home | About</nav><aside>Related</aside><article><h1>Note on Berlin</h1>"
        "<p>First   para\n graph.</p><p>Second.</p></article><footer>(c) 2020</footer>"
        "</body></html>"
    )
    page = page_of(html)
    assert (page.layout, page.title) == ("generic", "Note on Berlin")
    assert page.body == "First para graph.\n\nSecond."


def test_generic_title_from_title_element_without_site_name() -> None:
    html = "<html><head><title>Berlin - 1961 | Library</title></head><body><p>Text.</p></body>"
    assert page_of(html).title == "Berlin - 1961"


# ------------------------------------------------------------------------------- text rules


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>Сов<span>етский</span> Союз</p>", "Советский Союз"),
        ("<p><b>Mao</b><i> </i><em>Zedong</em></p>", "Mao Zedong"),
        ("<p>Mao</p><p>Zedong</p>", "Mao\n\nZedong"),
        ("<div>Mao</div><div>Zedong</div>", "Mao\nZedong"),
        ("<p>Mao<br>Zedong</p>", "Mao\nZedong"),
        (
            "<p>one     two\t three</p><p>&nbsp;</p><p> &nbsp; </p><p>four</p>",
            "one two three\n\nfour",
        ),
        ("<p>a<script>var x;</script>b<noscript>js</noscript><style>p{}</style></p>", "ab"),
        ("<table><tr><td>Mao</td><td>Stalin</td></tr></table>", "Mao Stalin"),
        ("<p>[signature] and [...] and [1]</p>", "[signature] and [...] and [1]"),
        ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
        ("<p>soft\xadhyphen</p>", "softhyphen"),
    ],
)
def test_body_text_rules(fragment: str, text: str) -> None:
    assert page_of(f"<html><body>{fragment}</body></html>").body == text


# ------------------------------------------------------------------------------ non-documents


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Search | Wilson Center Digital Archive</title></head><body>"
        "<h1>Search</h1><p>12 results for Stalin</p></body></html>",
        "<html><head><title>Documents</title></head><body><ul>"
        + "".join(f'<li><a href="/document/{n}">Document {n}</a></li>' for n in range(20))
        + "</ul></body></html>",
        "<html><head><title>Shell</title></head><body><div></div></body></html>",
        "<html><body><script>app()</script><nav>Home</nav></body></html>",
        '<html><head><link rel="canonical" href="https://x.org/search?q=mao"></head>'
        "<body><p>Results</p></body></html>",
    ],
    ids=["search-page", "listing", "empty-shell", "scripts-only", "search-url"],
)
def test_non_documents_are_refused(html: str) -> None:
    with pytest.raises(IngestError, match="not an archive document"):
        extract(html, path="x.html")


# -------------------------------------------------------------------- shipped sample pages


def _manifest() -> list[dict]:
    path = RAW_HTML / "manifest.json"
    if not path.is_file():
        return []
    entries = json.loads(path.read_text(encoding="utf-8"))
    return [e for e in entries if e.get("layout") in LAYOUTS and e.get("expected")]


def _same_date(shown: str, expected: str) -> bool:
    def norm(value: str) -> str:
        return re.sub(r"\b0(\d)\b", r"\1", value).replace(",", "")

    return norm(shown) == norm(expected)


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: e["file"])
def test_shipped_sample_pages(entry: dict) -> None:
    page = extract(decode(read_page(RAW_HTML / entry["file"])).text)
    expected = entry["expected"]
    assert page.layout == entry["layout"]
    assert page.title == expected["title"]
    assert _same_date(page.date, expected["date"] or "")
    if expected.get("record_id") and page.layout != "plain_text":
        assert page.record_id == str(expected["record_id"])
    assert page.body and "\ufffd" not in page.body


# ------------------------------------------------------------------------------- any bytes


_HTML_BITS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div id='documentTabs'>",
        "<h1 class='title'>",
        "<span>",
        "<br>",
        "<?xml version='1.0' encoding='koi8-r'?>",
        '<meta charset="windows-1251">',
        "History and Public Policy Program Digital Archive",
        '"A," May 1, 1950, ',
        "share document\n",
        "Советский",
        "Satō",
        "\r\n",
        "&nbsp;",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.lists(st.one_of(_HTML_BITS, st.text(max_size=20)), max_size=40).map(
            lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
        ),
    )
)
def test_any_bytes_give_a_page_or_an_ingest_error(data: bytes) -> None:
    try:
        page = extract(decode(data).text)
    except IngestError:
        return
    assert page.layout in LAYOUTS
    assert page.body or (page.title and page.summary)


@pytest.mark.parametrize(
    ("page", "title", "body"),
    [
        (
            "<html><head><title>T</title></head><body>"
            "<p>Mo\x01lo\x7ftov\ufffe met\x0cRibbentrop.</p></body></html>",
            "T",
            "Molotov met Ribbentrop.",
        ),
        (
            "Molotov met\uffff Ribbentrop.\x0cSecond page.",
            "Molotov met Ribbentrop.",
            "Second page.",
        ),
    ],
    ids=["html", "plain-text"],
)
def test_control_characters_leave_the_text_and_form_feeds_break_lines(page, title, body):
    found = extract(page)
    assert (found.title, found.body) == (title, body)


# ------------------------------------------------------------------------------ citations


@pytest.mark.parametrize(
    ("line", "title", "date", "source", "url"),
    [
        (
            '    "Conversation with Kim Yeong-ju (2)," March 31, 1972, History and Public Policy '
            "Program Digital Archive, South Korean Foreign Ministry Archive.",
            "Conversation with Kim Yeong-ju (2)",
            "March 31, 1972",
            "South Korean Foreign Ministry Archive",
            "",
        ),
        (
            '"Conversation with Kim Yeong-ju (2)" March 31, 1972, History and Public Policy '
            "Program Digital Archive, South Korean Foreign Ministry Archive.",
            "Conversation with Kim Yeong-ju (2)",
            "March 31, 1972",
            "South Korean Foreign Ministry Archive",
            "",
        ),
        (
            '"Meeting between Stalin and Kim Il Sung," March 05, 1949, History and Public Policy '
            "Program Digital Archive, Archive of the Foreign Policy of the Russian Federation, "
            "Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20. "
            "https://digitalarchive.wilsoncenter.org/document/112127",
            "Meeting between Stalin and Kim Il Sung",
            "March 05, 1949",
            "Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, "
            "Papka 11, listy 10-20",
            "https://digitalarchive.wilsoncenter.org/document/112127",
        ),
    ],
    ids=["as-shown", "no-comma-after-title", "address-inside"],
)
def test_citation_parts(line: str, title: str, date: str, source: str, url: str) -> None:
    cited = parse_citation(line)
    assert cited is not None
    assert (cited.title, cited.date, cited.source, cited.url) == (title, date, source, url)
