"""Real text dumps of the archive's document pages, both sites, most cut at 2,000 bytes.

``tests/data/real-dumps`` holds byte-exact copies of real pages with their labels
(``index.json``: title, date as precise as shown; ``sources.json``: the archival source a
page shows).  Variants of a shape the copies do not show are made from the same real
text, rearranged into the order the site gives them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from benchmarks.fields_right import chrome_in, label_span
from searcher.ingest import parse_bytes, parse_file
from searcher.record import Record

TESTS = Path(__file__).resolve().parents[1]
DUMPS = TESTS / "data" / "real-dumps"
LABELS = json.loads((DUMPS / "index.json").read_text("utf-8"))
SOURCES = json.loads((DUMPS / "sources.json").read_text("utf-8"))
SEED = TESTS / "data" / "seed-page-mao-to-filippov-1951-11-14.txt"
RAW_HTML = TESTS.parent / "raw_html"


def dump(number: str) -> Path:
    return next(DUMPS.glob(f"{number}-*.txt"))


def record(number: str) -> Record:
    return parse_file(dump(number))


def text(number: str) -> str:
    return dump(number).read_text("utf-8")


# ----------------------------------------------------------------------- every labelled dump


@pytest.mark.parametrize("name", sorted(LABELS), ids=lambda n: n[:2])
def test_title_date_source_and_a_clean_body(name: str) -> None:
    label = LABELS[name]
    got = parse_file(DUMPS / name)
    assert got.title == label["title"]
    assert (got.date_start, got.date_precision) == label_span(label["date"])
    assert got.source.rstrip(".") == SOURCES.get(name, "")
    assert got.body and not chrome_in(got.body)
    assert "\xa0" not in got.body + got.title + got.summary


# --------------------------------------------------------------------------------- old site


def test_old_site_with_the_header() -> None:
    got = record("04")
    assert got.summary.startswith("Kim Il Sung and Stalin discuss the military")
    assert got.citation.startswith('"Meeting between Stalin and Kim Il Sung," March 05, 1949')
    assert got.body.startswith("[Notes of the conversation between Stalin")
    assert got.layout == "plain_text"


def test_old_site_without_the_header_starts_at_the_date() -> None:
    got = record("08")
    assert got.date == "July 31, 1958"
    assert got.summary == (
        "Mao Zedong and N.S. Khrushchev discuss a joint navy, use of China’s coastline and "
        "advisers in both countries."
    )
    assert got.body.startswith("31 July 1958 in Huairen Hall")


def test_old_site_without_a_citation_takes_the_heading_and_the_bare_source() -> None:
    got = record("02")
    assert got.title == LABELS[dump("02").name]["title"]  # three lines of the body, joined
    assert got.source == "APRF. F. 45. Op. 1. D. 303. pp. 24-49"
    assert got.summary.startswith("Stalin, Pieck, and Grotewohl have a lengthy conversation")
    assert "APRF" not in got.summary
    assert got.archive == ("Archive of the President of the Russian Federation (APRF)",)


def test_old_site_without_a_summary() -> None:
    got = record("09")
    assert got.summary == ""
    assert got.title.startswith("Transcript of Vice Premier Cheny Yi")


def test_old_site_summary_without_its_full_stop() -> None:
    got = record("13")
    assert got.summary.endswith("though he leaves the date of his visit to be discussed later")
    assert got.source == "South Korean Foreign Ministry Archive"


@pytest.mark.parametrize("number", ["09", "10", "16"])
def test_old_site_credits_before_the_citation_are_credits(number: str) -> None:
    got = record(number)
    assert got.credits.startswith("This document was made possible with support from")
    assert "made possible" not in got.summary + got.body


def _old_variant(citation_edit=lambda c: c) -> str:  # noqa: ANN001
    """Dump 07 in the old site's later order: search filter, upper-case title, date, one
    line of buttons, the summary, the citation with the document's address, the tab."""
    lines = text("07").split("\n")
    citation = next(x for x in lines if "History and Public Policy" in x).strip()
    summary = next(x for x in lines if x.strip().startswith("V. Semenov and")).strip()
    title = citation[1 : citation.index(',"')]
    body = text("07")[text("07").index("English HTML") :]
    address = "https://digitalarchive.wilsoncenter.org/document/111627"
    parts = ["ADD SEARCH FILTER", "", title.upper(), "", "June 20, 1953", "",
             "CITATION SHARE DOWNLOAD", "", summary, f"{citation_edit(citation)} {address}",
             "", body]  # fmt: skip
    return "\n".join(parts)


def test_old_site_later_order_with_search_filter_buttons_and_address() -> None:
    got = parse_bytes(_old_variant().encode(), path="111627.txt")
    assert got.title == LABELS[dump("07").name]["title"]
    assert got.summary.startswith("V. Semenov and V. Sokolovsk stated that")
    assert got.source == SOURCES[dump("07").name]
    assert got.url == "https://digitalarchive.wilsoncenter.org/document/111627"
    assert got.record_id == "111627"
    assert got.body.startswith("[The following excerpt is from a telephonogram")
    assert not chrome_in(got.body) and "TELEPHONOGRAM FROM" not in got.body + got.summary


def test_old_site_upper_case_title_between_the_buttons_and_the_summary() -> None:
    lines = _old_variant().split("\n")
    title = lines.pop(2)  # after the date and the buttons, right above the summary
    lines.insert(lines.index("CITATION SHARE DOWNLOAD") + 1, title)
    got = parse_bytes("\n".join(lines).encode(), path="111627.txt")
    assert got.summary.startswith("V. Semenov and V. Sokolovsk stated that")
    assert got.title == LABELS[dump("07").name]["title"]


def test_old_site_citation_without_the_comma_after_the_title() -> None:
    page = _old_variant(lambda c: c.replace('p.m.,"', 'p.m."', 1))
    assert 'p.m." June 20, 1953' in page
    got = parse_bytes(page.encode(), path="111627.txt")
    assert got.title == LABELS[dump("07").name]["title"]
    assert got.date == "June 20, 1953" and got.source == SOURCES[dump("07").name]


# ----------------------------------------------------------------------------- current site


def test_current_site_with_the_skip_link_and_the_source_label() -> None:
    got = record("11")
    assert got.source.startswith("Zhonggong zhongyang wenxian yanjiushi, ed., Jianguo yilai")
    assert got.rights.startswith("The History and Public Policy Program welcomes reuse of D")
    assert got.body.startswith("Zhou Enlai's Report (main points)")
    assert got.body.endswith("Immediately prepare to hold diplomatic negotiations.")
    assert got.summary == ""  # the last paragraph speaks in the first person: body
    assert got.partial  # cut inside the rights notice, before Record ID


@pytest.mark.parametrize("newlines", ["as saved", "single"])
def test_current_site_whole_page_without_the_source_label_and_empty_labels(newlines: str) -> None:
    data = dump("06").read_bytes()
    if newlines == "single":
        data = re.sub(rb"\n+", b"\n", data)
    got = parse_bytes(data, path="06.txt")
    assert not got.partial
    assert got.source == SOURCES[dump("06").name]
    assert got.summary.startswith("Message to Stalin from Roshchin informing him")
    assert got.upload_date == "" and got.record_id == ""  # empty: nothing swallowed
    assert got.rights.endswith(
        "please contact the History and Public Policy Program at [email protected]."
    )
    assert got.body.endswith("regarding the memorandum of the Chinese government.")


def test_current_site_single_newlines_without_the_skip_link() -> None:
    got = record("01")
    assert got.credits == (
        "This document was made possible with support from Chun & Jane Chiu Family Foundation"
    )
    assert got.body.startswith("12 July 1945, 12:00 - 12:45 a.m.\nSoong: Last night")


def test_current_site_cut_at_a_heading_keeps_the_summary_and_invents_no_source() -> None:
    got = record("14")
    assert got.summary.startswith("The Embassy of Romania in Pyongyang summarizes remarks")
    assert got.source == "" and "Author" not in got.body
    assert got.body.endswith("on the Korean matter.")
    assert got.partial


def test_current_site_title_repeated_with_the_date_leaves_the_body() -> None:
    got = record("15")
    assert got.body.startswith("From the journal of TOP SECRET A. P. RATANOV")
    assert "Mengistu, 7 August 1977\n" not in got.body.split("\n", 1)[0]


def test_current_site_month_date() -> None:
    got = record("05")
    assert (got.date, got.date_precision) == ("April 1950", "month")
    assert (got.date_start, got.date_end) == (date(1950, 4, 1), date(1950, 4, 30))


def test_current_site_pdf_address_page_is_read_as_the_page_it_holds() -> None:
    assert LABELS[dump("03").name]["url"].split("?")[0].endswith(".pdf")
    got = record("03")
    assert got.body.startswith("Result of the 4-hour MeetinK on 12.18.1948")
    assert got.layout == "plain_text"


#: Other documents' one-line summaries, one without its final full stop (13's).
TEASERS = [
    "Mao writes to Stalin of the ongoing armistice negotiations concerning Korea.",
    next(x.strip() for x in text("13").split("\n") if x.strip().startswith("Kim Yeong-ju del")),
]


def _current_variant(teaser: str = TEASERS[0]) -> str:
    """Dump 06 as a copy with single newlines gives it, after the end of another document's
    one-line summary, with its lists and labels filled."""
    lines = [x for x in text("06").split("\n") if x.strip()]
    info = lines.index("Document Information")
    parts = [
        teaser,
        *lines[1:info],
        "Author(s):",
        "Roshchin, Nikolai Vasilevich",
        "Document Information",
        "Source",
        lines[info + 1],
        "Original Archive",
        "Archive of the President of the Russian Federation (APRF)",
        "Rights",
        *lines[info + 2 : info + 4],
        "Original Uploaded Date",
        "Type",
        "Telegram",
        "Language",
        "Russian",
        "Record ID",
        "113346",
        "Donors",
        "Leon Levy Foundation",
    ]
    return "\n".join(parts)


@pytest.mark.parametrize("teaser", TEASERS, ids=["sentence", "no-full-stop"])
def test_current_site_teaser_before_the_date_lists_and_labels(teaser: str) -> None:
    assert not teaser.endswith(".") or teaser == TEASERS[0]
    got = parse_bytes(_current_variant(teaser).encode(), path="roshchin.txt")
    assert got.date == "January 13, 1951" and got.title == LABELS[dump("06").name]["title"]
    assert teaser[:30] not in got.body + got.summary
    assert got.summary.startswith("Message to Stalin from Roshchin")
    assert got.source == SOURCES[dump("06").name]
    assert got.archive == ("Archive of the President of the Russian Federation (APRF)",)
    assert got.upload_date == ""  # empty label, the next label not taken as its value
    assert (got.type, got.languages, got.record_id) == ("Telegram", ("Russian",), "113346")
    assert got.extra["authors"] == "Roshchin, Nikolai Vasilevich"
    assert got.extra["Donors"] == "Leon Levy Foundation"  # named as the page names it
    assert got.rights.endswith("History and Public Policy Program at [email protected].")
    assert not got.partial and not chrome_in(got.body)


# ---------------------------------------------------------------------------- partial pages


@pytest.mark.parametrize(
    "number",
    # 08 is left out: it stops on a speaker's name alone, as a whole page may end on a name
    ["01", "02", "03", "04", "05", "07", "09", "10", "11", "12", "13", "14", "15", "16"],
)
def test_a_dump_cut_short_is_partial(number: str) -> None:
    got = record(number)
    assert got.partial and got.extra["cut"].startswith("the text stops")


def test_whole_pages_are_not_partial() -> None:
    for got in (record("06"), parse_file(SEED)):
        assert not got.partial and "cut" not in got.extra


def test_a_dump_cut_inside_a_character_is_utf8_and_partial() -> None:
    data = dump("09").read_bytes()
    cut = data[: data.index("HỒ".encode()) + 2]  # two of the three bytes of "Ồ"
    got = parse_bytes(cut, path="09.txt")
    assert got.partial
    assert got.body.endswith("Chairman H")
    assert "Cheny Yi" in got.title and not re.search("[ÃÂâ]", got.body)


# ------------------------------------------------------------------------- implied facets


def test_the_seed_dump_gives_the_facets_of_its_html_copy() -> None:
    dumped = parse_file(SEED)
    html = parse_file(RAW_HTML / "old" / "1951" / "900001.html")
    assert dumped.title == html.title
    assert (dumped.type, dumped.archive, dumped.languages) == (
        html.type,
        html.archive,
        html.languages,
    )
    assert dumped.type == "Telegram" and dumped.languages == ("Russian",)


# ---------------------------------------------------------------------------- deep markup


def _seed_words() -> list[str]:
    body = parse_file(SEED).body
    return body.split()[:600]


def test_three_hundred_unclosed_font_tags_lose_no_word() -> None:
    words = _seed_words()
    html = "<html><head><title>Ciphered Telegram No. 25902</title></head><body><p>" + "".join(
        f'<font face="Times">{w} ' for w in words[:300]
    ) + " ".join(words[300:]) + "</p></body></html>"  # fmt: skip
    got = parse_bytes(html.encode(), path="deep.html")
    assert got.body.split() == words
    assert not got.partial


@pytest.mark.parametrize(("tag", "depth"), [("div", 300), ("font", 3000)])
def test_deeply_nested_blocks_and_inline_tags_lose_no_word(tag: str, depth: int) -> None:
    words = (_seed_words() * 6)[:depth]
    html = "<html><body>" + "".join(f"<{tag}>{w} " for w in words) + "</body></html>"
    got = parse_bytes(html.encode(), path="deep.html")
    assert got.body.split() == words
    assert not got.partial


def test_markup_deeper_than_the_parser_reaches_is_partial_and_says_why() -> None:
    words = _seed_words()
    html = "<html><body>" + "".join(f"<div>{w} " for w in words * 4) + "</body></html>"
    got = parse_bytes(html.encode(), path="deeper.html")
    assert got.partial
    assert "nested deeper" in got.extra["cut"]
    assert got.body.split() == (words * 4)[: len(got.body.split())]


# ------------------------------------------- current site, every value of real scraped pages

SCRAPED = json.loads((DUMPS / "scrape-2025-four.json").read_text("utf-8"))
_LISTS = (
    ("Author(s):", "authors"),
    ("Associated People & Organizations", "associated_people_orgs"),
    ("Associated Places", "associated_places"),
    ("Subjects Discussed", "subjects_discussed"),
    ("Document Contributors", "document_contributors"),
)
_INFO = (
    ("Source", "source"),
    ("Original Archive", "original_archive_title"),
    ("Rights", "rights"),
    ("Original Uploaded Date", "original_upload_date"),
    ("Language", "language"),
    ("Record ID", "record_id"),
    ("Original Classification", "original_classification"),
)


def _values(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []


def _as_dumped(doc: dict, newline: str) -> str:
    """A scraped page's values in the order a dump of the page gives them."""
    parts = ["Skip to content", doc["original_publication_date"], doc["title"]]
    parts += _values(doc["credits"]) + doc["text_body"].split("\n") + _values(doc["summary"])
    for heading, key in _LISTS:
        parts += [heading, *_values(doc[key])] if doc[key] else []
    parts.append("Document Information")
    for label, key in _INFO:
        parts += [label, *_values(doc[key])]
    return newline.join(parts)


@pytest.mark.parametrize("newline", ["\n\n", "\n"], ids=["blank-lines", "single-newlines"])
@pytest.mark.parametrize("doc", SCRAPED, ids=lambda d: str(d["record_id"]))
def test_current_site_dump_of_every_labelled_value(doc: dict, newline: str) -> None:
    got = parse_bytes(_as_dumped(doc, newline).encode(), path="scraped.txt")
    assert (got.title, got.date) == (doc["title"], doc["original_publication_date"])
    assert got.summary == " ".join(doc["summary"].split())
    assert got.source == " ".join(doc["source"].split())
    assert list(got.archive) == doc["original_archive_title"]
    assert list(got.languages) == doc["language"] and got.record_id == doc["record_id"]
    assert got.classification == (doc["original_classification"] or "")
    assert list(got.subjects) == (doc["subjects_discussed"] or [])
    assert got.rights == " ".join(doc["rights"].split())
    assert got.body.split() == doc["text_body"].split()
    assert not got.partial and not chrome_in(got.body)


def test_current_site_labels_with_their_values_on_the_same_line() -> None:
    page = (
        _current_variant()
        .replace("Author(s):\nRoshchin", "Author(s): Roshchin")
        .replace("Type\nTelegram", "Type:\tTelegram")
        .replace("Record ID\n113346", "Record ID: 113346")
    )
    got = parse_bytes(page.encode(), path="roshchin.txt")
    assert (got.type, got.record_id) == ("Telegram", "113346")
    assert got.extra["authors"] == "Roshchin, Nikolai Vasilevich"
    assert "Author" not in got.body + got.summary and not got.partial


def test_current_site_without_a_summary_keeps_the_signature_in_the_body() -> None:
    summary = next(x for x in text("06").split("\n") if x.startswith("Message to Stalin"))
    body_end = "regarding the memorandum of the Chinese government."
    page = _current_variant().replace(summary + "\n", "").replace(body_end, body_end + "\nROSHCHIN")
    got = parse_bytes(page.encode(), path="roshchin.txt")
    assert got.summary == ""
    assert got.body.endswith("ROSHCHIN")


@pytest.mark.parametrize(
    ("number", "size", "last"),
    [
        ("09", 1000, "Vice Premier CHEN [Yi]:"),  # a colon announces what is missing
        ("13", 750, "KIM Y"),  # a lone letter
        ("08", 1800, "N.S. Khrushchev: We received information from Yudin"),  # a sentence
    ],
)
def test_a_dump_cut_between_words_is_partial(number: str, size: int, last: str) -> None:
    data = dump(number).read_bytes()[:size]
    assert data.decode("utf-8").rstrip().endswith(last)
    assert parse_bytes(data, path=f"{number}.txt").partial


@pytest.mark.parametrize("page", ["old/1951/900001.html", "current/cable-mao-zedong-stalin.html"])
def test_an_archive_page_saved_half_is_partial(page: str) -> None:
    data = (RAW_HTML / page).read_bytes()
    whole = parse_bytes(data, path=page)
    half = parse_bytes(data[: len(data) * 2 // 3], path=page)
    assert not whole.partial and "cut" not in whole.extra
    assert half.partial and "no closing" in half.extra["cut"]
    assert half.title == whole.title


def test_an_archive_page_cut_inside_a_character_is_partial_without_a_cut_mark() -> None:
    page = "current/letter-jawaharlal-nehru-all-provincial-premiers.html"
    data = (RAW_HTML / page).read_bytes()
    lead = max(i for i, byte in enumerate(data[: len(data) * 2 // 3]) if byte >= 0xC2)
    got = parse_bytes(data[: lead + 1], path=page)  # one byte of a multi-byte character
    assert got.partial and got.title == "Letter, Jawaharlal Nehru to All Provincial Premiers"
    assert "\ufffd" not in got.body + got.summary


def test_an_editors_note_above_the_heading_is_not_the_title() -> None:
    note = next(x for x in text("05").split("\n") if x.startswith("[Translator"))
    page = text("02").replace("English HTML\n\n", f"English HTML\n\n{note}\n\n", 1)
    got = parse_bytes(page.encode(), path="02.txt")
    assert got.title == LABELS[dump("02").name]["title"]
    assert got.body.startswith("[Translator’s Note:")


def test_a_credits_line_below_the_body_start_leaves_the_body() -> None:
    lines = text("01").split("\n")
    credits = lines.pop(2)
    lines.insert(4, credits)  # after the body's first two lines
    got = parse_bytes("\n".join(lines).encode(), path="01.txt")
    assert got.credits == credits and "made possible" not in got.body
    assert got.title == LABELS[dump("01").name]["title"]


def test_current_site_date_below_the_title() -> None:
    page = text("06").replace(
        "January 13, 1951\n\nCiphered telegram, Roshchin to USSR Foreign Ministry",
        "Ciphered telegram, Roshchin to USSR Foreign Ministry\n\nJanuary 13, 1951",
    )
    got = parse_bytes(page.encode(), path="06.txt")
    assert (got.title, got.date) == (LABELS[dump("06").name]["title"], "January 13, 1951")
    assert got.body.startswith("Copies: Stalin (2)")
