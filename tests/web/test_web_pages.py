"""The HTML pages: results with facets, chips, timeline and paging; a document; the
concordance; page text always shown as text."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import lxml.html
from web_support import HOSTILE_ID, HOSTILE_TITLE, cli_json, client_for


def page(client, url: str, status: int = 200) -> lxml.html.HtmlElement:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def total(doc: lxml.html.HtmlElement) -> int:
    text = doc.get_element_by_id("total").text_content()
    found = re.fullmatch(r"([\d,]+) documents?", text.strip())
    assert found, text
    return int(found.group(1).replace(",", ""))


def hits(doc: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    [results] = doc.xpath('//ol[@aria-label="Results"]')
    return results.xpath("./li")


def facet_link(doc: lxml.html.HtmlElement, field: str, value: str) -> tuple[str, int]:
    for link in doc.xpath(f'//section[@aria-labelledby="facet-{field}"]//a'):
        if link.xpath('string(.//span[@class="value"])') == value:
            return link.get("href"), int(link.xpath('string(.//span[@class="count"])'))
    raise AssertionError(f"no {field} value {value!r}")


def test_home_has_a_labelled_search_box_and_the_help(client):
    doc = page(client, "/")
    [form] = doc.xpath('//form[@role="search"]')
    assert form.get("action") == "/search"
    [box] = form.xpath('.//input[@name="q"]')
    assert doc.xpath(f'//label[@for="{box.get("id")}"]')
    assert "demarcation line" in doc.xpath("string(//details/pre)")
    assert doc.xpath('//a[@href="/help"]')
    assert doc.xpath("//main") and doc.xpath('//header[@role="banner"]')


def test_results_match_the_api(client, capsys, raw_html_index):
    doc = page(client, "/search?q=Stalin")
    expected = cli_json(
        capsys,
        "query",
        "Stalin",
        "--index",
        str(raw_html_index),
        "--format",
        "json",
        "--limit",
        "20",
    )
    assert total(doc) == expected["total"]
    items = hits(doc)
    assert len(items) == len(expected["hits"]) == 20
    for item, hit in zip(items, expected["hits"], strict=True):
        [title] = item.xpath(".//h2/a")
        assert title.text_content() == hit["title"]
        assert title.get("href").split("?")[0] == f"/documents/{hit['id']}"
        assert (hit["date"] or "undated") in item.text_content()
        for name in hit["sender"] + hit["recipient"]:
            assert name in item.xpath('string(.//p[@class="meta"])')
        marks = [m.text_content() for m in item.xpath('.//p[@class="snippet"]/mark')]
        text = hit["snippet"]["text"]
        assert marks == [text[a:b] for a, b in hit["snippet"]["marks"]]


def test_a_facet_value_narrows_and_its_chip_removes_it(client, capsys, raw_html_index):
    doc = page(client, "/search?q=armistice")
    before = total(doc)
    href, count = facet_link(doc, "sender", "Mao Zedong")
    assert 0 < count < before
    narrowed = page(client, href)
    assert total(narrowed) == count
    expected = cli_json(
        capsys,
        "query",
        "armistice",
        "--where",
        "sender=Mao Zedong",
        "--index",
        str(raw_html_index),
        "--format",
        "json",
    )
    assert count == expected["total"]
    [chip] = narrowed.xpath('//ul[@aria-label="Active filters"]//a')
    assert chip.text_content().startswith("Sender: Mao Zedong")
    assert total(page(client, chip.get("href"))) == before
    # The active value links back to the unfiltered search too.
    href, _ = facet_link(narrowed, "sender", "Mao Zedong")
    assert total(page(client, href)) == before


def test_the_timeline_counts_every_match_and_its_bars_narrow(client):
    doc = page(client, "/search?q=Stalin")
    bars = doc.xpath('//ol[@aria-label="Timeline"]//a')
    counts = [int(re.search(r": (\d+) documents?$", a.get("aria-label")).group(1)) for a in bars]
    caption = doc.xpath("string(//figure[@class='timeline']/figcaption)")
    undated = int(re.search(r"(\d+) undated", caption).group(1)) if "undated" in caption else 0
    assert sum(counts) + undated == total(doc)
    busiest = bars[counts.index(max(counts))]
    narrowed = page(client, busiest.get("href"))
    assert 0 < total(narrowed) <= total(doc)
    assert total(narrowed) >= max(counts)


def test_paging_sorting_and_state_in_the_address(client):
    first = page(client, "/search?q=Stalin&sort=date")
    n = total(first)
    [following] = first.xpath('//nav[@aria-label="Pages"]//a[@rel="next"]')
    assert "sort=date" in following.get("href") and "page=2" in following.get("href")
    second = page(client, following.get("href"))
    assert len(hits(second)) == n - 20
    assert second.xpath('//ol[@aria-label="Results"]/@start') == ["21"]
    dates = [d.text for d in first.xpath('//ol[@aria-label="Results"]//span[@class="date"]')]
    starts = [d for d in dates if re.match(r"\w+ \d{4}|\d{4}", d)]
    assert starts, dates
    assert first.xpath('//select[@name="sort"]/option[@selected]/@value') == ["date"]


def test_did_you_mean_and_name_expansion_are_links(client):
    doc = page(client, "/search?q=stallin")
    [suggestion] = doc.xpath('//a[@class="suggestion"]')
    assert suggestion.text_content() == "stalin"
    suggested = total(page(client, suggestion.get("href")))
    assert suggested > 0
    note = " ".join(suggestion.getparent().text_content().split())
    assert note == f"Did you mean stalin ({suggested} documents)?"
    doc = page(client, "/search?q=Stalin")
    note = doc.xpath('string(//p[contains(@class, "expanded")])')
    assert "also matched for Stalin: Filippov" in " ".join(note.split())
    [exact] = doc.xpath('//p[contains(@class, "expanded")]/a')
    narrowed = page(client, exact.get("href"))
    assert "exact=1" in exact.get("href")
    assert 0 < total(narrowed) < total(doc)


def test_bad_query_is_a_400_page_with_the_message(client):
    doc = page(client, "/search?q=sender%3A%28", 400)
    assert "never closed" in doc.xpath('string(//*[@role="alert"])')
    doc = page(client, "/search?q=x&from=1951-13", 400)
    assert "1951-13" in doc.xpath('string(//*[@role="alert"])')


def test_document_page(client, capsys, raw_html_index):
    [record] = cli_json(
        capsys, "show", "900001", "--index", str(raw_html_index), "--format", "json"
    )
    doc = page(client, "/documents/900001?" + urlencode({"q": "armistice"}))
    assert doc.xpath("string(//h1)") == record["title"]
    assert record["date"] in doc.xpath('string(//p[@class="meta"])')
    body = doc.xpath('//div[@class="body"]')[0]
    assert " ".join(body.text_content().split()) == " ".join(record["body"].split())
    marks = {m.text_content().lower() for m in body.xpath("./mark")}
    assert marks == {"armistice"}
    assert len(body.xpath("./mark")) == record["body"].lower().count("armistice")
    assert doc.xpath(f'//a[@href="{record["url"]}"]')
    status_, chicago, _ = _cite(capsys, raw_html_index)
    assert " ".join(doc.xpath('string(//blockquote[@class="citation"])').split()) == " ".join(
        chicago.split()
    )
    downloads = doc.xpath('//p[@class="downloads"]/a/@href')
    assert "/api/cite/900001?style=ris&download=1" in downloads
    similar = doc.xpath('//ul[@class="similar"]/li/a/@href')
    assert similar and all(h.startswith("/documents/") for h in similar)
    assert doc.xpath('//p[@class="back"]/a/@href') == ["/search?q=armistice"]
    for value in record["subjects"]:
        assert value in doc.xpath('string(//dl[@class="fields"])')
    every = dict(
        zip(
            doc.xpath('//details[@class="every"]//dt/code/text()'),
            doc.xpath('//details[@class="every"]//dd/text()'),
            strict=True,
        )
    )
    for name, value in record.items():
        if name not in ("body", "summary", "extra") and value not in ("", [], None, {}, False):
            assert every[name] == ("; ".join(value) if isinstance(value, list) else str(value))
    # Without a search, nothing is marked.
    assert not page(client, "/documents/900001").xpath('//div[@class="body"]/mark')


def _cite(capsys, index):
    from web_support import cli

    status, out, err = cli(capsys, "cite", "900001", "--index", str(index))
    return status, out, err


def test_unknown_document_is_a_404_page(client):
    doc = page(client, "/documents/nosuchid", 404)
    assert "no document with id nosuchid" in doc.xpath('string(//*[@role="alert"])')
    page(client, "/no/such/page", 404)


def test_concordance_page_lists_what_the_api_finds(client):
    query = {"q": "sender:Mao", "phrase": "demarcation line"}
    doc = page(client, "/kwic?" + urlencode(query))
    rows = doc.xpath("//table//tbody/tr")
    lines = client.get("/api/kwic?" + urlencode(query)).json()["lines"]
    assert len(rows) == len(lines) > 0
    assert [r.xpath("string(./td[@class='match'])") for r in rows] == [
        line["match"] for line in lines
    ]
    assert [r.xpath("string(./td[@class='left'])") for r in rows] == [
        line["left"] for line in lines
    ]


def test_export_links_hold_the_whole_search(client):
    doc = page(client, "/search?q=Stalin&where=place%3DKorea&page=2&sort=date")
    links = doc.xpath('//section[@class="export"]//a/@href')
    assert len(links) == 5
    for href in links:
        assert href.startswith("/api/export?q=Stalin&where=place%3DKorea&sort=date&format=")
        assert "page=" not in href
        response = client.get(href)
        assert response.status_code == 200 and response.text


def test_hostile_title_is_shown_as_text(hostile_index):
    with client_for(hostile_index) as client:
        for url in ("/search?q=Stalin", f"/documents/{HOSTILE_ID}", "/search?q=pwned"):
            response = client.get(url)
            assert response.status_code == 200
            text = response.text
            assert "<script>document" not in text and "<img src=x" not in text, url
            assert "&lt;script&gt;document.title=" in text, url
            doc = lxml.html.fromstring(text)
            # The only scripts are the program's own, and no element carries a handler.
            assert doc.xpath("//script/@src") == ["/static/app.js"]
            assert not doc.xpath("//script[not(@src)]")
            assert not doc.xpath("//@*[starts-with(name(), 'on')]")
        assert HOSTILE_TITLE in lxml.html.fromstring(
            client.get(f"/documents/{HOSTILE_ID}").text
        ).xpath("string(//h1)")
        assert client.get(f"/api/documents/{HOSTILE_ID}").json()["title"] == HOSTILE_TITLE
        # A marked span holding markup is escaped too.
        text = client.get("/search?" + urlencode({"q": '"script document"'})).text
        assert "<mark>script&gt;document</mark>" in text


def test_a_document_in_several_pages_lists_its_copies(hostile_index):
    with client_for(hostile_index) as client:
        doc = page(client, "/documents/900052")
        copies = doc.xpath('//ul[@class="copies"]/li')
        assert sorted(c.text_content() for c in copies) == [
            "again/cable-mao-zedong-stalin.html",
            "cable-mao-zedong-stalin.html",
        ]
        assert not page(client, f"/documents/{HOSTILE_ID}").xpath('//ul[@class="copies"]')


def test_a_large_result_sets_timeline_is_drawn_from_the_year_counts(raw_html_index):
    # Every result set counts as large here: no record is read for the timeline.
    with client_for(raw_html_index, timeline_exact=0) as client:
        doc = page(client, "/search?q=Stalin")
        api = client.get("/api/search?q=Stalin&facet=year&facet=precision").json()
        bars = doc.xpath('//ol[@aria-label="Timeline"]//a/@aria-label')
        counted = dict(re.fullmatch(r"(\d{4}): (\d+) documents?", b).groups() for b in bars)
        years = {c["value"]: str(c["count"]) for c in api["facets"]["year"]}
        assert {y: n for y, n in counted.items() if n != "0"} == years
        caption = doc.xpath("string(//figure[@class='timeline']/figcaption)")
        undated = [c["count"] for c in api["facets"]["precision"] if c["value"] == "undated"]
        assert f"{undated[0]} undated" in caption
        assert "dated across several years counts in each" in caption
