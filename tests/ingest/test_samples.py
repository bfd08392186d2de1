"""The shipped sample pages agree with their manifest, and the renderers are faithful."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from samples.build import br_paragraphs, cloudflare_hex, slugify
from samples.render import current_site, old_site, old_site_date
from searcher.dates import parse_display_date
from searcher.ingest import parse_file

RAW = Path(__file__).resolve().parents[2] / "raw_html"
MANIFEST = json.loads((RAW / "manifest.json").read_text("utf-8"))
PAGE_ENDINGS = (".html", ".htm", ".txt", ".html.gz")
BOM = b"\xef\xbb\xbf"
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)

#: Every quirk the archive's pages are known to carry; each is carried by at least one page.
REQUIRED_QUIRKS = {
    "date_day", "date_zero_padded", "date_month", "date_month_comma", "date_year", "undated",
    "pseudonym_bracket", "pseudonym_paren", "pseudonym_feng_xi", "misspelling", "wade_giles",
    "conversation", "institutional_sender", "footnotes", "nbsp_paragraphs", "br_lines",
    "letter_spaced", "editorial_marks", "cloudflare_email", "bom", "no_charset",
    "wrong_charset", "mojibake", "gzip", "htm_extension", "nested_folder", "crlf",
    "inline_style", "nested_p", "split_spans", "space_runs", "fullwidth_punct", "second_pane",
    "title_in_citation", "via",
}  # fmt: skip

DOC = {
    "title": "Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong",
    "original_publication_date": "February 3, 1952",
    "summary": "Stalin & Krasovsky <on> the air divisions.",
    "text_body": "To Krasovsky\n\xa0\n M e m o r a n d u m\nLine with     spaces.[1]\n[1] A note.",
    "authors": ["Stalin, Joseph"],
    "associated_people_orgs": ["Mao, Zedong", "Chiang, Kai-shek (Jiang Jieshi)"],
    "associated_places": ["China"],
    "subjects_discussed": ["Korean War, 1950-1953", "China--Foreign relations--Soviet Union"],
    "source": "APRF, f. 45, op. 1, d. 342, l. 73.",
    "original_archive_title": ["Archive of the President of the Russian Federation"],
    "language": ["Russian"],
    "record_id": "123456",
    "original_classification": "Top Secret",
    "donors": None,
    "document_url": "https://digitalarchive.wilsoncenter.org/document/123456",
    "original_text": "Красовскому",
    "charset": "utf-8",
}


def page_bytes(entry: dict) -> bytes:
    data = (RAW / entry["file"]).read_bytes()
    return gzip.decompress(data) if entry["file"].endswith(".gz") else data


def page_text(entry: dict) -> str:
    data = page_bytes(entry)
    if data.startswith(BOM):
        data = data[3:]
    return data.decode(entry["encoding"])


def test_at_least_sixty_pages_of_every_layout():
    assert len(MANIFEST) >= 60
    layouts = {e["layout"] for e in MANIFEST}
    assert layouts == {"current_site", "old_site", "plain_text", "generic"}
    assert len({e["file"] for e in MANIFEST}) == len(MANIFEST)


def test_manifest_and_files_agree():
    listed = {e["file"] for e in MANIFEST}
    on_disk = {
        p.relative_to(RAW).as_posix()
        for p in RAW.rglob("*")
        if p.is_file() and p.name.endswith(PAGE_ENDINGS)
    }
    assert listed == on_disk


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_page_bytes_match_the_manifest(entry):
    data = page_bytes(entry)
    assert data.startswith(BOM) == ("bom" in entry["quirks"])
    found = _CHARSET.search(data[:4096])
    declared = found.group(1).decode("ascii").lower() if found else None
    assert declared == (entry["declared"].lower() if entry["declared"] else None)
    text = page_text(entry)
    if entry["encoding"] != "utf-8" and any(b > 127 for b in data):
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    if "mojibake" in entry["quirks"]:
        assert re.search("Ã[\x80-\xbf]|â\x80", text)
    exp = entry["expected"]
    # the precision the manifest states is the one the ingester reads from the page itself
    # (the manifest's own helper wrote it, so comparing with that helper would prove nothing)
    record = parse_file(RAW / entry["file"])
    assert (record.date, record.date_precision) == (exp["date"], exp["date_precision"])
    assert parse_display_date(exp["date"]).precision == exp["date_precision"]
    if entry["layout"] == "current_site":
        soup = BeautifulSoup(text, "lxml")
        assert soup.select_one("h1.title").get_text() == exp["title"]
        date = soup.select_one(".content-block .date")
        assert (date.get_text() if date else "") == exp["date"]
        assert soup.select_one("#documentTabs .tab-pane.active").get_text().strip()
    elif entry["layout"] == "old_site":
        soup = BeautifulSoup(text, "lxml")
        assert f'"{exp["title"]},"' in soup.select_one("p.cite").get_text()
        assert f"/document/{exp['record_id']}" in text
    elif entry["layout"] == "plain_text":
        assert f'"{exp["title"]},"' in text and exp["date"] in text
    else:
        assert BeautifulSoup(text, "lxml").title.get_text() == exp["title"]


def test_every_named_quirk_is_carried():
    carried = {q for e in MANIFEST for q in e["quirks"]}
    assert carried >= REQUIRED_QUIRKS
    titles = " ".join(e["expected"]["title"] for e in MANIFEST)
    for spelling in ("Filipov", "Flippov", "Roschin", "Shtytkov", "Feng Xi (Stalin)"):
        assert spelling in titles
    for name in ("Mao Tse-tung", "Chou En-lai", "Chiang Kai-shek"):
        assert any(name in page_text(e) for e in MANIFEST if "wade_giles" in e["quirks"])


_EVIDENCE = {
    "nbsp_paragraphs": re.compile(r"<p>&nbsp;</p>"),
    "br_lines": re.compile(r"<br ?/?>"),
    "cloudflare_email": re.compile(r'class="__cf_email__" data-cfemail="[0-9a-f]+"'),
    "letter_spaced": re.compile(r"M e m o r a n d u m"),
    "footnotes": re.compile(r"\[1\]"),
    "crlf": re.compile(r"\r\n"),
    "inline_style": re.compile(r"<style type=\"text/css\">\r\n\t+\.cs"),
    "split_spans": re.compile(r"</span><span class=\"cs\w+\"> </span>"),
    "second_pane": re.compile(r'class="tab-(?:pane fade"|content")'),
    "space_runs": re.compile(r" {20,}"),
}


@pytest.mark.parametrize("quirk", sorted(_EVIDENCE))
def test_quirks_are_really_in_the_pages(quirk):
    pages = [e for e in MANIFEST if quirk in e["quirks"]]
    assert pages
    for entry in pages:
        assert _EVIDENCE[quirk].search(page_text(entry)), entry["file"]


def test_legacy_encodings_are_present_with_each_kind_of_declaration():
    pairs = {(e["encoding"], e["declared"]) for e in MANIFEST}
    assert ("windows-1251", "windows-1251") in pairs
    assert ("windows-1251", "utf-8") in pairs
    assert ("utf-8", "iso-8859-1") in pairs
    assert {"windows-1252", "latin-1"} <= {e["encoding"] for e in MANIFEST}
    assert any(e["declared"] is None and e["encoding"] != "utf-8" for e in MANIFEST)


def test_rendering_is_deterministic():
    assert current_site(DOC) == current_site(dict(DOC))
    assert old_site(DOC) == old_site(dict(DOC))


def test_current_site_page_has_the_known_selectors():
    soup = BeautifulSoup(current_site(DOC), "lxml")
    assert soup.select_one("h1.title").get_text() == DOC["title"]
    assert soup.select_one(".content-block .date").get_text() == "February 3, 1952"
    assert soup.select_one(".text-block").get_text() == DOC["summary"]
    active = [p.get_text() for p in soup.select("#documentTabs .tab-pane.active p")]
    assert active == [line for line in DOC["text_body"].split("\n") if line]
    other = soup.select("#documentTabs .tab-pane:not(.active)")
    assert [p.get_text() for p in other] == ["\nКрасовскому\n"]
    labels = {
        b.select_one(".sub-title").get_text(): [s.get_text() for s in b.select(".pill .name span")]
        or b.select_one(".text").get_text()
        for b in soup.select(".information-block")
    }
    assert labels["Record ID"] == "123456"
    assert labels["Language"] == ["Russian"]
    assert "Donors" not in labels
    headings = {h.get_text(): h.parent for h in soup.select("h2.title")}
    subjects = [s.get_text() for s in headings["Subjects Discussed"].select(".pill-subject")]
    assert subjects == DOC["subjects_discussed"]
    people = headings["Associated People & Organizations"].select(".pill .name span")
    assert [p.get_text() for p in people] == DOC["associated_people_orgs"]
    settings = soup.select_one("script[data-drupal-selector=drupal-settings-json]").string
    assert re.fullmatch(r"node/\d+", json.loads(settings)["path"]["currentPath"])
    assert soup.select_one(".pdf-preview")["data"].endswith("/download")
    assert soup.select_one("meta[charset]")["charset"] == "utf-8"


def test_old_site_page_keeps_the_seed_text_order():
    soup = BeautifulSoup(old_site(DOC), "lxml")
    text = soup.body.get_text("\n")
    order = [
        "Search in",
        "Digital Archive",
        "International History Declassified",
        "February 03, 1952",
        "Citation",
        "get citation",
        DOC["summary"],
        f'"{DOC["title"]}," February 03, 1952, History and Public Policy Program Digital Archive',
        "share document",
        "English HTML",
        "To Krasovsky",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    info = soup.select_one(".doc-inf-information")
    values = {h.get_text(): h.find_next_sibling().get_text("|") for h in info.select("h4")}
    assert values["Record ID"] == "123456"
    assert values["Associated People & Organizations"] == "|".join(DOC["associated_people_orgs"])
    assert [li.get_text() for li in soup.select("#subj-list li")] == DOC["subjects_discussed"]
    assert soup.select("a.down")
    assert 'charset=utf-8"' in str(soup.head)


def test_missing_values_are_left_off():
    doc = {"title": "Note on the Exchange of Prisoners of War", "text_body": "1. Text."}
    for page in (current_site(doc), old_site(doc)):
        soup = BeautifulSoup(page, "lxml")
        assert soup.select_one(".date") is None
        assert soup.select_one(".date-display-single") is None
        assert soup.select_one("meta[charset]") is None
        assert "http-equiv" not in page
        assert "None" not in soup.get_text()


def test_helpers():
    assert old_site_date("January 8, 1955") == "January 08, 1955"
    assert old_site_date("June 1934") == "June, 1934"
    assert old_site_date("1948") == "1948"
    taken: set[str] = set()
    assert slugify("Cable, Mao Zedong to Stalin", taken) == "cable-mao-zedong-stalin"
    assert slugify("Cable, Mao Zedong to Stalin", taken) == "cable-mao-zedong-stalin-0"
    assert slugify("Petition on Taiwan’s Minister") == "petition-taiwans-minister"
    hidden = bytes.fromhex(cloudflare_hex("a@b.org"))
    assert bytes(b ^ hidden[0] for b in hidden[1:]) == b"a@b.org"
    assert br_paragraphs("A\nB\n\nC") == "<p>A<br />\nB</p>\n<p>C</p>\n"
