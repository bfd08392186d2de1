"""Defects found by running the command line on pages no fixture had shown, each pinned.

Every test writes its own small page into ``tmp_path``, in the archive's layouts and in the
encodings such pages arrive in.
"""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import run

from searcher.ingest import parse_file
from searcher.ingest.normalize import compose_citation
from searcher.names import default_authority, without_life_dates
from searcher.timeline import timeline, to_text

CHROME_HEAD = """<div id="header"><p>Search in</p>
<p>Digital Archive International History Declassified</p></div>"""


def current_page(title: str, people: list[str], *, date: str = "May 2, 1960") -> str:
    pills = "".join(
        f'<div class="pill"><div class="name"><span>{p}</span></div></div>' for p in people
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><header class="site-header"><a href="/">Wilson Center Digital Archive</a></header>
<main><h1 class="title">{title}</h1>
<div class="content-block"><div class="title">Date</div><div class="date">{date}</div></div>
<div class="text-block"><p>A short summary of the document.</p></div>
<div id="documentTabs"><div class="tab-pane active"><p>The text of the document.</p></div></div>
<div class="information-block"><div class="sub-title">Record ID</div>
<div class="text">4242</div></div>
<h2 class="title">Associated People &amp; Organizations</h2>{pills}
</main></body></html>"""


def test_life_dates_in_catalogue_headings_do_not_split_a_person(tmp_path: Path) -> None:
    page = tmp_path / "letter.html"
    people = ["Mao, Tse-tung, 1893-1976", "Castro, Fidel, 1926-2016", "Roca, Blas, b. 1908"]
    page.write_text(current_page("Letter from Kim Il Sung to Mao Zedong", people), "utf-8")
    record = parse_file(page)
    assert record.people[:3] == ("Mao Zedong", "Fidel Castro", "Blas Roca")
    assert "Mao Zedong" in record.recipient
    assert without_life_dates("Group of 77") == "Group of 77"
    assert default_authority().canonicalize("Nagy, Imre, 1896-1958") == "Imre Nagy"


def test_title_about_a_meeting_keeps_its_correspondents(tmp_path: Path) -> None:
    title = "Note on the Meeting of the SED Politburo, Walter Ulbricht to Nikita Khrushchev"
    page = tmp_path / "note.html"
    page.write_text(current_page(title, []), "utf-8")
    record = parse_file(page)
    assert (record.sender, record.recipient, record.participants) == (
        ("Ulbricht",),
        ("Khrushchev",),
        (),
    )


def test_old_site_value_of_several_links_is_several_values(tmp_path: Path) -> None:
    page = tmp_path / "115640.html"
    page.write_text(
        f"""<html><body>{CHROME_HEAD}<div id="main">
<p class="date">March, 1956</p>
<p>Citation</p><p>get citation</p><p>The legation reports on the harvest.</p>
<p>"Report, Hungarian Legation in Pyongyang to the Hungarian Foreign Ministry," March, 1956,
History and Public Policy Program Digital Archive, MOL, XIX-J-1-j Korea, 11. doboz.</p>
<p>share document</p><p>English HTML</p><p>The food situation has not improved.</p></div>
<div class="doc-inf-information"><h4>Collection</h4><div><a href="/collection/1/a">North Korea
in the Cold War</a><br /><a href="/collection/2/b">Hungary and Korea</a></div>
<h4>Source</h4><p>MOL, see <a href="/x">the guide</a> and <a href="/y">the index</a>.</p>
</div></body></html>""",
        "utf-8",
    )
    record = parse_file(page)
    assert record.collections == ("North Korea in the Cold War", "Hungary and Korea")
    assert record.source == "MOL, see the guide and the index."
    assert (record.date_start.isoformat(), record.date_precision) == ("1956-03-01", "month")


def test_cyrillic_word_in_a_windows_1251_text_dump(tmp_path: Path) -> None:
    text = (
        "Search in\n\nDigital Archive International History Declassified\n\nJanuary 19, 1950\n\n"
        "Citation\nget citation\nShtykov reports a lunch.\n"
        '"Ciphered Telegram No. 1147 from Shtykov to Vyshinsky [via Gromyko]," January 19, '
        "1950, History and Public Policy Program Digital Archive, AVP RF, Fond 059a.\n"
        "share document\n\nEnglish HTML\n\nШифртелеграмма\nTop Secret\n\nTo Comrade Vyshinsky\n"
        "On 17 January Kim Il Sung gave a lunch.\n"
    )
    page = tmp_path / "dump.txt"
    page.write_bytes(text.encode("cp1251"))
    record = parse_file(page)
    assert record.body.startswith("Шифртелеграмма\nTop Secret")
    assert (record.sender, record.recipient, record.via) == (
        ("Shtykov",),
        ("Vyshinsky",),
        ("Gromyko",),
    )


def test_composed_citation_adds_no_second_period_after_a_quoted_title() -> None:
    source = 'CWIHP Working Paper 22, "77 Conversations."'
    assert compose_citation("Talks", "1967", source).endswith('"77 Conversations."')
    assert compose_citation("Talks", "1967", "Smith (ed.)").endswith("Smith (ed.).")


def test_rebuild_from_a_folder_without_pages_keeps_the_index(capsys, tmp_path: Path) -> None:
    pages, empty, index = tmp_path / "pages", tmp_path / "empty", tmp_path / "index"
    pages.mkdir()
    empty.mkdir()
    (empty / "notes.md").write_text("not a page", "utf-8")
    (pages / "note.html").write_text(current_page("Cable, Mao Zedong to Stalin", []), "utf-8")
    status, _, _ = run(capsys, "rebuild", "--source", str(pages), "--index", str(index), "-q")
    assert status == 0
    status, _, err = run(capsys, "rebuild", "--source", str(empty), "--index", str(index))
    assert status == 2 and "no pages" in err
    status, out, _ = run(capsys, "query", "*", "--index", str(index), "--format", "json")
    assert status == 0 and json.loads(out)["total"] == 1


def test_timeline_counts_one_document_in_the_singular() -> None:
    from datetime import date

    text = to_text(timeline([(date(1962, 10, 27), "day")], by="year"))
    assert "1 document; 0 undated" in text


def test_and_not_excludes_from_hits_counts_facets_and_exports(capsys, tmp_path: Path) -> None:
    """``A NOT B`` must drop B's documents everywhere, whatever their order in the index."""
    source = tmp_path / "pages"
    source.mkdir()
    texts = {
        "a.html": ("Cable on inspection, Castro to Khrushchev", "inspection of the sites"),
        "b.html": ("Cable on inspection, Mikoyan to Khrushchev", "inspection of the ships"),
        "c.html": ("Cable on missiles, Mikoyan to Kennedy", "no word of the other kind"),
    }
    for n, (name, (title, body)) in enumerate(texts.items()):
        page = current_page(title, ["Khrushchev, Nikita"]).replace(
            "The text of the document.", body
        )
        (source / name).write_text(page.replace("4242", str(5000 + n)), "utf-8")
    index = str(tmp_path / "index")
    assert run(capsys, "rebuild", "--source", str(source), "--index", index)[0] == 0
    for query in (
        "inspection NOT Castro",
        "inspection -Castro",
        "inspection AND NOT sender:Castro",
    ):
        status, out, _ = run(
            capsys, "query", query, "--index", index, "--format", "json", "--facet", "sender"
        )
        data = json.loads(out)
        assert status == 0 and data["total"] == 1, query
        assert [h["title"] for h in data["hits"]] == ["Cable on inspection, Mikoyan to Khrushchev"]
        assert {c["value"]: c["count"] for c in data["facets"]["sender"]} == {"Mikoyan": 1}
        status, out, _ = run(capsys, "query", query, "--index", index, "--format", "csv")
        assert len(out.strip().splitlines()) == 2, query  # header and the one document


def test_did_you_mean_leaves_names_alone_and_never_offers_a_stopword(capsys, raw_html_index):
    index = str(raw_html_index)
    for query in ('"Mao Tse-tung"', "Chou En-lai", "Tse"):
        status, out, _ = run(capsys, "query", query, "--index", index, "--format", "json")
        assert json.loads(out)["suggestion"] is None, query
    status, out, _ = run(capsys, "query", "armistise", "--index", index, "--format", "json")
    assert status == 1 and json.loads(out)["suggestion"] == "armistice"
