"""Page to Record: ids, dates, correspondents, people, languages, citations."""

from datetime import date

import pytest

from searcher.ingest.implied import archive_languages, archives, document_type, stated_languages
from searcher.ingest.languages import language_code, language_name
from searcher.ingest.normalize import compose_citation, record_id_for, to_record
from searcher.ingest.page import Page
from searcher.names import NameAuthority


def _kohl_blair() -> Page:
    """Shaped like the archive's current-site page of record 300242."""
    return Page(
        layout="current_site",
        title="The Chancellor's [Helmut Kohl's] Meeting with British PM Blair on 20 October "
        "1997, 10.30 a.m. - 3 p.m. in Chequers",
        date="October 31, 1997",
        summary="Kohl and Blair examine Britain's role in Europe.",
        body="The Chancellor welcomes the Prime Minister to Chequers.",
        source="BArch, B 136/59748, 403-410. Contributed, transcribed, and translated by "
        "Stephan Kieninger.",
        archive=["German Federal Archives (BArch)", "German Federal Archives (BArch)"],
        subjects=["Germany--Foreign relations--Great Britain", "Europe--Economic integration"],
        people=["Bitterlich, Joachim"],
        places=["Germany", "Great Britain"],
        languages=["German"],
        contributors=["Kohl, Helmut", 'Blair, Anthony Charles Lynton ("Tony")'],
        record_id="300242",
        url="https://digitalarchive.wilsoncenter.org/document/chancellors-helmut-kohls-meeting"
        "-british-pm-blair-20-october-1997-1030-am-3-pm-chequers",
        extra={"Original Uploaded Date": "2023-10-03"},
    )


def test_current_site_page():
    record = to_record(_kohl_blair(), path="raw_html/kohl.html", content_hash="ab12")
    assert record.id == "300242"
    assert (record.date_start, record.date_end, record.date_precision) == (
        date(1997, 10, 31),
        date(1997, 10, 31),
        "day",
    )
    assert record.participants == ("Kohl", "Blair")
    assert record.sender == record.recipient == ()
    assert record.people == ("Bitterlich", "Kohl", "Blair")
    assert record.contributors == ("Kohl", "Blair")
    assert record.archive == ("German Federal Archives (BArch)",)
    assert record.languages == ("German",)
    assert record.citation == (
        "\"The Chancellor's [Helmut Kohl's] Meeting with British PM Blair on 20 October 1997, "
        '10.30 a.m. - 3 p.m. in Chequers," October 31, 1997, History and Public Policy Program '
        "Digital Archive, BArch, B 136/59748, 403-410. Contributed, transcribed, and translated "
        "by Stephan Kieninger."
    )
    assert record.extra["Original Uploaded Date"] == "2023-10-03"
    assert (record.path, record.content_hash, record.layout) == (
        "raw_html/kohl.html",
        "ab12",
        "current_site",
    )


def test_old_site_text_dump_keeps_its_citation():
    citation = (
        '"Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]," '
        "November 14, 1951, History and Public Policy Program Digital Archive, APRF, f. 45, "
        "op. 1, d. 342, ll. 16-19."
    )
    page = Page(
        layout="plain_text",
        title="Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]",
        date="November 14, 1951",
        citation=citation,
        source="APRF, f. 45, op. 1, d. 342, ll. 16-19",
        people=["Mao, Zedong", "Mao Tse-tung", "Kim, Il Sung"],
        languages=["rus", "eng", "Russian"],
    )
    record = to_record(page, path="pages/seed-page.txt")
    assert record.citation == citation
    assert record.sender == ("Mao Zedong",)
    assert record.recipient == ("Stalin",)
    assert record.title_names == ("Mao Zedong", "Filippov [Stalin]")
    assert record.people == ("Mao Zedong", "Kim Il Sung", "Stalin")
    assert record.languages == ("Russian", "English")
    assert record.id == "seed-page"


def test_month_only_and_undated_pages():
    month = to_record(
        Page(layout="old_site", title="Karsky to Cde. Miklashevsky", date="August 1949")
    )
    assert (month.date_start, month.date_end, month.date_precision) == (
        date(1949, 8, 1),
        date(1949, 8, 31),
        "month",
    )
    undated = to_record(Page(layout="generic", title="Notes on the Harvest", date=""))
    assert (undated.date_start, undated.date_end, undated.date_precision) == (None, None, "undated")
    assert undated.citation == (
        '"Notes on the Harvest," History and Public Policy Program Digital Archive.'
    )


def test_ids_fall_back_from_record_id_to_url_to_file():
    page = Page(layout="current_site", title="T", url="https://x.org/document/cable-mao-stalin-0")
    assert record_id_for(page) == "cable-mao-stalin-0"
    page = Page(layout="old_site", title="T", url="https://x.org/document/116926/download")
    assert record_id_for(page) == "116926"
    page = Page(layout="generic", title="T")
    assert record_id_for(page, "raw_html/a b/Letter (copy).html.gz") == "Letter-copy"
    assert record_id_for(page, "", "0123456789abcdef0123") == "0123456789abcdef"
    assert record_id_for(Page(layout="x", title="T", record_id=" 33548 "), "f.html") == "33548"


def test_authors_become_the_sender_when_the_title_names_none():
    page = Page(
        layout="current_site",
        title="Petition on Opposition to the Coming to Japan of Taiwan's National Defense Minister",
        authors=["Kawase, Ikkan", "Japan-China Import-Export Association"],
    )
    record = to_record(page)
    assert record.sender == ("Kawase Ikkan", "Japan-China Import-Export Association")
    assert record.people == ("Kawase Ikkan",)
    assert record.extra["authors"] == "Kawase, Ikkan; Japan-China Import-Export Association"


def test_a_given_authority_is_used():
    names = NameAuthority([("Koba", "Stalin", "Filippov")])
    record = to_record(
        Page(layout="old_site", title="Cable, Mao Zedong to Filippov"), authority=names
    )
    assert record.recipient == ("Koba",)
    assert record.sender == ("Mao Zedong",)


def test_compose_citation_does_not_double_the_full_stop():
    assert compose_citation("T", "1948", "RGASPI, f. 558.") == (
        '"T," 1948, History and Public Policy Program Digital Archive, RGASPI, f. 558.'
    )
    assert compose_citation("", "1948", "X") == ""


@pytest.mark.parametrize(
    ("value", "name", "code"),
    [
        ("rus", "Russian", "rus"),
        ("chi", "Chinese", "chi"),
        ("zho", "Chinese", "chi"),
        ("ger", "German", "ger"),
        ("German", "German", "ger"),
        ("  french ", "French", "fre"),
        ("rum", "Romanian", "rum"),
        ("Serbo-Croatian", "Serbo-Croatian", "hbs"),
        ("per", "Persian", "per"),
    ],
)
def test_languages(value, name, code):
    assert language_name(value) == name
    assert language_code(value) == code


def test_unknown_languages_are_kept():
    assert language_name("Klingon") == "Klingon"
    assert language_code("Klingon") is None


# ------------------------------------------------------------------- facets a page implies


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]",
         "Telegram"),
        ("Cable Telegram no. 20475 from Gromyko to Kovalev", "Telegram"),
        ("Cable, Mao Zedong to Stalin", "Cable"),
        ("Record of Conversation between N.V. Roshchin and Mao Zedong",
         "Memorandum of Conversation"),
        ("Soviet Ambassador to Ethiopia A.P. Ratanov, Memorandum of Conversation with Mengistu",
         "Memorandum of Conversation"),
        ("Draft Reply to Mao Zedong's Telegram from Stalin via Kovalev", "Draft"),
        ("Hand delivered note, Zhou Enlai to Stalin", "Note"),
        ("Zhou Enlai's Report to Mao Zedong and Mao's Comments", "Report"),
        ("Economic Cooperation Division [Ministry of Foreign Affairs, Japan], 'Main Points of "
         "Meeting Between Prime Minister Sato and National Defense Minister Chiang Ching-kuo'", ""),
        ("Liu Shaoqi to Cde. G.M. Malenkov", ""),
        ("Meeting between Stalin and Kim Il Sung", ""),
    ],
)  # fmt: skip
def test_the_type_a_title_names(title: str, kind: str) -> None:
    assert document_type(title) == kind


def test_archives_a_source_cites_and_the_language_they_keep() -> None:
    cited = archives(
        "APRF, Fond 45, Opis 1, Delo 336, List 122 and AVPRF, Fond 059a, Opis 5a, Delo 5"
    )
    assert cited == [
        "Archive of the President of the Russian Federation (APRF)",
        "Archive of Foreign Policy of the Russian Federation",
    ]
    assert archive_languages(cited) == ["Russian"]
    assert archives("SAPMO-BArch, DY 30/IV 2/2.039/329.") == [
        "Foundation Archives of Parties and Mass Organizations of the GDR (SAPMO)"
    ]
    assert archives("CWIHP Archives") == []


def test_languages_a_page_states() -> None:
    stated = ["Obtained by Yiming Feng and translated from Chinese by Marian Rosenberg."]
    assert stated_languages(stated, []) == ["Chinese"]
    assert stated_languages([], ["English HTML", "Russian Transcript"]) == ["Russian"]
    assert stated_languages([], ["English HTML"]) == []  # the translation tells nothing


def test_what_the_page_labels_wins_over_what_it_implies() -> None:
    page = Page(
        layout="plain_text",
        title="Letter from Kim Il Sung to Mao Tse-tung",
        body="Text.",
        source="APRF, f. 45, op. 1, d. 339, l. 31.",
        languages=["Korean"],
        type="Message",
    )
    record = to_record(page)
    assert (record.type, record.languages) == ("Message", ("Korean",))
    assert record.archive == ("Archive of the President of the Russian Federation (APRF)",)
    bare = to_record(Page(layout="plain_text", title="Meeting", body="Text."))
    assert (bare.type, bare.archive, bare.languages) == ("", (), ())
