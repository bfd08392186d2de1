"""Citations: Chicago text, and RIS / BibTeX / CSL-JSON read back by their own parsers."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON

from searcher.cite import STYLES, format_citations, iter_citations
from searcher.cite.parts import parts, split_credit, translators_in
from searcher.errors import QueryError
from searcher.ingest import parse_file
from searcher.record import Record

ACCESSED = date(2026, 11, 27)

# Records shaped like the real pages (old-site seed page, current-site scrape sample).
MAO = Record(
    id="119377",
    record_id="119377",
    title="Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]",
    date="November 14, 1951",
    date_start=date(1951, 11, 14),
    date_end=date(1951, 11, 14),
    date_precision="day",
    sender=("Mao Zedong",),
    recipient=("Stalin",),
    url="https://digitalarchive.wilsoncenter.org/document/119377",
    citation=(
        '"Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin],"'
        " November 14, 1951, History and Public Policy Program Digital Archive, APRF, f. 45,"
        " op. 1, d. 342, ll. 16-19, and RGASPI, f. 558, op. 11, d. 342, ll. 0016-0019."
        " Translated by Gary Goldberg."
    ),
    archive=("Archive of the President of the Russian Federation (APRF)",),
    summary="Mao writes to Stalin of the ongoing armistice negotiations concerning Korea,\n"
    "specifically the proposed demarcation line (38th parallel).",
    languages=("Russian",),
    subjects=("Korean War, 1950-1953--Armistices", "China--Foreign relations--Soviet Union"),
    type="Telegram",
)
KOHL = Record(
    id="300242",
    record_id="300242",
    title="The Chancellor's [Helmut Kohl's] Meeting with British PM Blair on 20 October 1997,"
    " 10.30 a.m. - 3 p.m. in Chequers",
    date="October 31, 1997",
    date_start=date(1997, 10, 31),
    date_end=date(1997, 10, 31),
    date_precision="day",
    participants=("Helmut Kohl", "Tony Blair"),
    url="https://digitalarchive.wilsoncenter.org/document/chancellors-helmut-kohls-meeting",
    source="BArch, B 136/59748, 403-410. Contributed, transcribed, and translated by"
    " Stephan Kieninger.",
    archive=("German Federal Archives (BArch)",),
    languages=("German",),
    subjects=("Germany--Foreign relations--Great Britain",),
)
NAKAJIMA = Record(
    id="300638",
    record_id="300638",
    title="Statement of Nakajima Kenzo, Chairman of the Board, Opposing the Visit of Prime"
    " Minister Sato to the United States",
    date="November 1967",
    date_start=date(1967, 11, 1),
    date_end=date(1967, 11, 30),
    date_precision="month",
    sender=("Nakajima Kenzō",),
    url="https://digitalarchive.wilsoncenter.org/document/statement-nakajima-kenzo",
    source="Diplomatic Archives of the Ministry of Foreign Affairs of Japan, File A’0392"
    " (Microfilm). Contributed by Robert Hoppens and translated by Stephen Mercado.",
    archive=("Diplomatic Archives of the Ministry of Foreign Affairs of Japan",),
    languages=("Japanese",),
)
YEAR_ONLY = Record(
    id="wc-1948",
    title="Cable, Filippov [Stalin] to Mao Zedong",
    date="1948",
    date_start=date(1948, 1, 1),
    date_end=date(1948, 12, 31),
    date_precision="year",
    sender=("Stalin",),
    recipient=("Mao Zedong",),
    url="https://digitalarchive.wilsoncenter.org/document/wc-1948",
    source="AVPRF, f. 07, op. 22, d. 36.",
)
UNDATED = Record(id="raw_html/note.html", title="Note on the Korean Question?")
SPECIAL = Record(
    id="special-1",
    title="Report on 50% cuts & the #1 {priority} for plan_B ~ $5^2",
    date="August 1949",
    date_start=date(1949, 8, 1),
    date_end=date(1949, 8, 31),
    date_precision="month",
    sender=("Liu Shaoqi",),
    recipient=("G.M. Malenkov",),
    url="https://digitalarchive.wilsoncenter.org/document/special-1",
)
ALL = (MAO, KOHL, NAKAJIMA, YEAR_ONLY, UNDATED, SPECIAL)


# --- the pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "locator", "translators"),
    [
        (
            "BArch, B 136/59748, 297-301. Contributed, transcribed, and translated by"
            " Stephan Kieninger.",
            "BArch, B 136/59748, 297-301",
            ("Stephan Kieninger",),
        ),
        (
            "Nehru Memorial Museum and Library, File No. JNSG, vol. 21-1.",
            "Nehru Memorial Museum and Library, File No. JNSG, vol. 21-1",
            (),
        ),
        (
            "APRF, f. 3, op. 65, d. 9. Translated by Gary Goldberg and V. Zubok.",
            "APRF, f. 3, op. 65, d. 9",
            ("Gary Goldberg", "V. Zubok"),
        ),
        ("Translated for CWIHP by Danny Rozas.", "", ("Danny Rozas",)),
    ],
)
def test_source_splits_into_locator_and_credit(source, locator, translators):
    found_locator, credit = split_credit(source)
    assert found_locator == locator
    assert translators_in(credit) == translators


def test_old_site_source_comes_from_the_citation():
    p = parts(MAO)
    assert p.locator.startswith("APRF, f. 45, op. 1, d. 342, ll. 16-19, and RGASPI")
    assert p.locator.endswith("ll. 0016-0019")
    assert p.translators == ("Gary Goldberg",)
    # the locator already says APRF: the repository is named in full, once
    assert p.repository == "Archive of the President of the Russian Federation"


def test_repository_already_in_locator_is_not_repeated():
    assert parts(NAKAJIMA).repository == ""
    assert parts(NAKAJIMA).translators == ("Stephen Mercado",)


# --- Chicago ------------------------------------------------------------------------------


def test_chicago_note_for_the_seed_document():
    note = format_citations([MAO], "chicago", accessed=ACCESSED)
    assert note == (
        '"Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin],"'
        " November 14, 1951, translated by Gary Goldberg, APRF, f. 45, op. 1, d. 342,"
        " ll. 16-19, and RGASPI, f. 558, op. 11, d. 342, ll. 0016-0019, Archive of the"
        " President of the Russian Federation, History and Public Policy Program Digital"
        " Archive, Wilson Center, https://digitalarchive.wilsoncenter.org/document/119377,"
        " accessed November 27, 2026."
    )


@pytest.mark.parametrize(
    ("record", "shown"),
    [(NAKAJIMA, '," November 1967, '), (YEAR_ONLY, '," 1948, '), (UNDATED, '?" n.d., ')],
)
def test_chicago_date_is_as_precise_as_known(record, shown):
    assert shown in format_citations([record], "chicago", accessed=ACCESSED)


def test_chicago_without_url_has_no_access_date():
    note = format_citations([UNDATED], "chicago", accessed=ACCESSED)
    assert "accessed" not in note
    assert note.endswith("History and Public Policy Program Digital Archive, Wilson Center.")


def test_chicago_bibliography_leads_with_sender_and_is_sorted():
    text = format_citations([NAKAJIMA, MAO, KOHL], "chicago-bib", accessed=ACCESSED)
    entries = text.split("\n\n")
    assert len(entries) == 3
    assert entries[0].startswith('Mao Zedong. "Ciphered Telegram No. 25902')
    assert entries[1].startswith("Nakajima Kenzō.")
    assert entries[2].startswith('"The Chancellor')
    assert "Contributed, transcribed, and translated by Stephan Kieninger." in entries[2]
    assert entries[0].endswith("Accessed November 27, 2026.")


# --- RIS ----------------------------------------------------------------------------------

# The parts of Zotero's RIS import table this output relies on.
ZOTERO_RIS_TYPES = {"PCOMM": "letter", "MANSCPT": "manuscript"}
ZOTERO_RIS_FIELDS = {
    "TI": "title",
    "DA": "date",
    "AN": "archiveLocation",
    "DB": "archive",
    "DP": "libraryCatalog",
    "UR": "url",
    "Y2": "accessDate",
    "AB": "abstractNote",
    "LA": "language",
    "M3": "type",
}


def zotero_import_ris(text: str) -> list[dict]:
    """Import RIS the way Zotero's translator maps it (names, types, single-valued fields)."""
    items: list[dict] = []
    item: dict = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - ?(.*)", line)
        assert match, f"not an RIS line: {line!r}"
        tag, value = match.groups()
        if tag == "TY":
            item = {"itemType": ZOTERO_RIS_TYPES[value], "creators": [], "tags": [], "notes": []}
        elif tag == "ER":
            items.append(item)
        elif tag in ("AU", "A2", "A4"):
            role = {"AU": "author", "A2": "recipient", "A4": "translator"}[tag]
            assert not (tag == "A2" and item["itemType"] != "letter"), "A2 outside letters"
            last, _, first = value.partition(",")
            creator = {"lastName": last.strip(), "creatorType": role}
            if first.strip():
                creator["firstName"] = first.strip()
            else:
                creator["fieldMode"] = 1
            item["creators"].append(creator)
        elif tag == "KW":
            item["tags"].append(value)
        elif tag == "N1":
            item["notes"].append(value)
        elif tag == "PY":
            item.setdefault("date", value)
        else:
            field = ZOTERO_RIS_FIELDS[tag]
            assert field not in item, f"{tag} given twice: Zotero would keep only one"
            item[field] = value
    return items


def test_ris_parses_with_rispy_and_keeps_fields():
    text = format_citations(ALL, "ris", accessed=ACCESSED)
    entries = rispy.loads(text)
    assert len(entries) == len(ALL)
    mao, kohl, nakajima, year_only, undated, special = entries
    assert mao["type_of_reference"] == "PCOMM"
    assert mao["title"] == MAO.title
    assert mao["authors"] == ["Mao Zedong"]
    assert mao["secondary_authors"] == ["Stalin"]
    assert mao["date"] == "1951/11/14"
    assert mao["year"] == "1951"
    assert mao["accession_number"] == parts(MAO).locator
    assert mao["name_of_database"] == "Archive of the President of the Russian Federation"
    assert mao["database_provider"] == "Wilson Center Digital Archive"
    assert mao["urls"] == [MAO.url]
    assert mao["access_date"] == "2026/11/27"
    assert mao["keywords"] == list(MAO.subjects)
    assert mao["abstract"] == " ".join(MAO.summary.split())
    assert kohl["type_of_reference"] == "MANSCPT"
    assert "authors" not in kohl
    assert nakajima["date"] == "1967/11"
    assert year_only["date"] == "1948"
    assert "date" not in undated
    assert special["title"] == SPECIAL.title


def test_ris_imports_into_zotero_shape():
    items = zotero_import_ris(format_citations(ALL, "ris", accessed=ACCESSED))
    mao, kohl, nakajima = items[:3]
    assert mao["itemType"] == "letter"
    assert mao["archiveLocation"].startswith("APRF, f. 45")
    assert mao["archive"] == "Archive of the President of the Russian Federation"
    assert mao["libraryCatalog"] == "Wilson Center Digital Archive"
    assert mao["type"] == "Telegram"
    assert {"lastName": "Mao Zedong", "creatorType": "author", "fieldMode": 1} in mao["creators"]
    assert {"lastName": "Stalin", "creatorType": "recipient", "fieldMode": 1} in mao["creators"]
    assert {"lastName": "Goldberg", "firstName": "Gary", "creatorType": "translator"} in mao[
        "creators"
    ]
    assert kohl["itemType"] == "manuscript"
    assert kohl["archiveLocation"] == "BArch, B 136/59748, 403-410"
    assert {"lastName": "Kieninger", "firstName": "Stephan", "creatorType": "translator"} in kohl[
        "creators"
    ]
    assert nakajima["itemType"] == "manuscript"
    assert nakajima["archive"] == NAKAJIMA.archive[0]


# --- CSL-JSON -----------------------------------------------------------------------------

# CSL variables Zotero's CSL-JSON import maps to fields of letters and manuscripts.
ZOTERO_CSL_KEYS = {
    "id", "type", "title", "author", "recipient", "translator", "issued", "genre", "archive",
    "archive_location", "source", "URL", "accessed", "abstract", "language", "keyword", "note",
}  # fmt: skip


def test_csl_json_items_are_zotero_shaped():
    items = json.loads(format_citations(ALL, "csl-json", accessed=ACCESSED))
    assert [i["id"] for i in items] == [r.id for r in ALL]
    for item in items:
        assert set(item) <= ZOTERO_CSL_KEYS
        assert item["type"] in ("letter", "manuscript")
    mao, kohl, nakajima, year_only, undated, special = items
    assert mao["type"] == "letter"
    assert mao["author"] == [{"literal": "Mao Zedong"}]
    assert mao["recipient"] == [{"literal": "Stalin"}]
    assert mao["translator"] == [{"family": "Goldberg", "given": "Gary"}]
    assert mao["issued"] == {"date-parts": [[1951, 11, 14]]}
    assert mao["accessed"] == {"date-parts": [[2026, 11, 27]]}
    assert mao["archive_location"] == parts(MAO).locator
    assert kohl["type"] == "manuscript"
    assert nakajima["issued"] == {"date-parts": [[1967, 11]]}
    assert year_only["issued"] == {"date-parts": [[1948]]}
    assert "issued" not in undated
    assert special["title"] == SPECIAL.title


def test_csl_json_renders_with_citeproc():
    items = json.loads(format_citations(ALL, "csl-json", accessed=ACCESSED))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), citeproc_formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = {str(entry) for entry in bibliography.bibliography()}
    assert len(rendered) == len(ALL)
    mao = next(e for e in rendered if "Ciphered Telegram No. 25902" in e)
    assert "Mao Zedong (1951)" in mao
    assert MAO.url in mao
    assert any("Nakajima Kenzō (1967)" in e for e in rendered)


def test_csl_json_of_nothing_is_an_empty_array():
    assert json.loads(format_citations([], "csl-json")) == []


def test_csl_json_streams_one_item_per_chunk():
    chunks = list(iter_citations(iter(ALL), "csl-json", accessed=ACCESSED))
    assert len(chunks) == len(ALL) + 2
    assert json.loads("".join(chunks))[3]["issued"] == {"date-parts": [[1948]]}


# --- BibTeX -------------------------------------------------------------------------------


def test_bibtex_parses_and_escapes_special_characters():
    text = format_citations(ALL, "bibtex", accessed=ACCESSED)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert len(library.entries) == len(ALL)
    assert len({e.key for e in library.entries}) == len(ALL)
    by_key = {e.key: e for e in library.entries}
    mao = by_key["wilson:119377"]
    assert mao.entry_type == "misc"
    assert mao["author"] == "{Mao Zedong}"
    assert mao["year"] == "1951"
    assert mao["date"] == "1951-11-14"
    assert mao["url"] == MAO.url
    assert mao["urldate"] == "2026-11-27"
    raw_title = by_key["wilson:special-1"]["title"]
    for char in "%&#_$":
        assert f"\\{char}" in raw_title
    decoded = bibtexparser.parse_string(
        text, append_middleware=[middlewares.LatexDecodingMiddleware()]
    )
    titles = {e.key: e["title"] for e in decoded.entries}
    # pylatexenc spells \textasciicircum as the modifier letter; LaTeX prints a caret
    assert titles["wilson:special-1"].strip("{}").replace("\u02c6", "^") == SPECIAL.title
    assert titles["wilson:119377"].strip("{}") == MAO.title


def test_bibtex_dates_follow_precision():
    library = bibtexparser.parse_string(format_citations(ALL, "bibtex", accessed=ACCESSED))
    by_key = {e.key: e for e in library.entries}
    assert by_key["wilson:300638"]["date"] == "1967-11"
    assert by_key["wilson:300638"]["month"] == "nov"
    assert by_key["wilson:wc-1948"]["date"] == "1948"
    assert "year" not in by_key["wilson:raw_html-note-html"].fields_dict


def test_unknown_style_is_a_query_error():
    with pytest.raises(QueryError):
        format_citations([MAO], "apa")
    assert "chicago" in STYLES


# --- real pages: each archive named once, subjects as whole tags, notes not archived ------

RAW_HTML = Path(__file__).resolve().parents[2] / "raw_html"


def _page(relative: str) -> Record:
    return parse_file(RAW_HTML / relative)


GORBACHEV = "current/germany/record-conversation-between-eduard-shevardnadze-and-james-baker-5-may-1990.html"  # noqa: E501
PRISONERS = "old/900040.htm"
NOTES = (
    "generic/reading-guide-sino-soviet-alliance.html",
    "generic/two-plus-four-bibliography.html",
    "generic/notes/korean-armistice-chronology.htm",
)


@pytest.mark.parametrize(
    ("page", "archive", "shelfmark"),
    [
        (GORBACHEV, "Archive of the Gorbachev Foundation", "f. 1, op. 1"),
        (PRISONERS, "Archives of the Chinese Ministry of Foreign Affairs", "109-00123-01"),
    ],
)
def test_each_archive_is_named_once(page: str, archive: str, shelfmark: str) -> None:
    record = _page(page)
    assert record.archive and record.archive[0] != archive  # the page names it twice over
    for style in ("chicago", "chicago-bib", "bibtex"):
        text = format_citations([record], style, accessed=ACCESSED)
        assert text.count("Archive") == 1 + text.count("Digital Archive"), (style, text)
        assert archive in text
    ris = rispy.loads(format_citations([record], "ris", accessed=ACCESSED))[0]
    assert (ris["name_of_database"], ris["accession_number"]) == (archive, shelfmark)
    csl = json.loads(format_citations([record], "csl-json", accessed=ACCESSED))[0]
    assert (csl["archive"], csl["archive_location"]) == (archive, shelfmark)


def test_subjects_come_back_one_tag_each() -> None:
    record = _page(PRISONERS)
    assert "Korean War, 1950-1953" in record.subjects
    subjects = [s.replace(",", "") for s in record.subjects]
    bib = bibtexparser.parse_string(format_citations([record], "bibtex", accessed=ACCESSED))
    keywords = bib.entries[0]["keywords"]
    # Zotero's BibTeX import splits keywords on /\s*[,;]\s*/; biblatex on commas
    assert re.split(r"\s*[,;]\s*", keywords) == subjects
    csl = json.loads(format_citations([record], "csl-json", accessed=ACCESSED))[0]
    assert re.split(r"\s*[,;]\s*", csl["keyword"]) == subjects
    ris = rispy.loads(format_citations([record], "ris", accessed=ACCESSED))[0]
    assert ris["keywords"] == list(record.subjects)  # RIS keeps one KW line a subject


@pytest.mark.parametrize("page", NOTES)
def test_pages_that_are_not_the_archives_are_not_cited_as_held_by_it(page: str) -> None:
    record = _page(page)
    for style in STYLES:
        text = format_citations([record], style, accessed=ACCESSED)
        assert "Digital Archive" not in text and "Wilson Center" not in text, (style, text)
        assert ".." not in text
    assert format_citations([record], "chicago", accessed=ACCESSED).startswith(f'"{record.title},"')


def test_archive_documents_are_still_cited_from_the_digital_archive() -> None:
    note = format_citations([_page(GORBACHEV)], "chicago", accessed=ACCESSED)
    assert "History and Public Policy Program Digital Archive, Wilson Center" in note
    ris = rispy.loads(format_citations([_page(PRISONERS)], "ris", accessed=ACCESSED))[0]
    assert ris["database_provider"] == "Wilson Center Digital Archive"
