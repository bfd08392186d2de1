"""Correspondents from titles: the 30 real titles, and further shapes the archive uses."""

import csv
from pathlib import Path

import pytest

from searcher.ingest.correspondents import Correspondents, merge_authors, parse_title
from searcher.names import default_authority

TITLES = Path(__file__).parent / "data" / "titles-with-correspondents.tsv"
ROLES = ("sender", "recipient", "via", "participants")


@pytest.fixture(scope="module")
def names():
    return default_authority()


def _matches(expected: str, got: tuple[str, ...]) -> bool:
    """As the TSV says: right when the canonical names contain the expected names."""
    wanted = [] if expected == "-" else expected.split("|")
    return len(wanted) == len(got) and all(any(w in name for name in got) for w in wanted)


def test_real_titles(names):
    with TITLES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == 30
    misses = []
    for row in rows:
        got = parse_title(row["title"], names)
        if not all(_matches(row[role], getattr(got, role)) for role in ROLES):
            misses.append(f"{row['n']}: {row['title']!r} -> {got}")
    print("\n".join(misses))
    assert len(rows) - len(misses) >= 28, misses


# title, sender, recipient, via, participants
OWN_TITLES = [
    (
        "Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]",
        ["Mao Zedong"],
        ["Stalin"],
        [],
        [],
    ),
    (
        "Telegram from the Romanian Embassy in Geneva to the Ministry of Foreign Affairs",
        ["Romanian Embassy in Geneva"],
        ["Ministry of Foreign Affairs"],
        [],
        [],
    ),
    (
        "Letter from Kim Il Sung to Stalin, for Mao Zedong (via Shtykov)",
        ["Kim Il Sung"],
        ["Stalin", "Mao Zedong"],
        ["Shtykov"],
        [],
    ),
    (
        "Cable, Feng Xi (Stalin) to Mao Tse-tung, regarding the Armistice Talks",
        ["Stalin"],
        ["Mao Zedong"],
        [],
        [],
    ),
    (
        "Ciphered Telegram, Stalin [Kuznetsov] to Terebin, for Mao Zedong",
        ["Stalin"],
        ["Terebin", "Mao Zedong"],
        [],
        [],
    ),
    (
        "Message to Stalin from Chou En-lai via Roshchin",
        ["Zhou Enlai"],
        ["Stalin"],
        ["Roshchin"],
        [],
    ),
    (
        "Letter, Cdes. Mao Zedong and Zhou Enlai to Comrade Filipov [Stalin]",
        ["Mao Zedong", "Zhou Enlai"],
        ["Stalin"],
        [],
        [],
    ),
    (
        "Telegram No. 412 from Shtytkov to Vyshinskii, conveying a Message from Kim Il-sung",
        ["Shtykov"],
        ["Vyshinsky"],
        [],
        [],
    ),
    (
        "Report from Ambassador Roschin to the Ministry of Foreign Affairs of the USSR",
        ["Roshchin"],
        ["Ministry of Foreign Affairs of the USSR"],
        [],
        [],
    ),
    (
        "Memorandum of Conversation between Mao Zedong and Soviet Ambassador Yudin",
        [],
        [],
        [],
        ["Mao Zedong", "Yudin"],
    ),
    (
        "Record of Conversation between Zhou Enlai and Roshchin on 2 October 1950",
        [],
        [],
        [],
        ["Zhou Enlai", "Roshchin"],
    ),
    (
        "Record of Conversation of Comrade Mao Zedong with Soviet Ambassador Pavel Yudin, "
        "31 March 1956",
        [],
        [],
        [],
        ["Mao Zedong", "Yudin"],
    ),
    (
        "Excerpt from the Diary of V.V. Kuznetsov: Memorandum of Conversation with Kim Il Sung",
        [],
        [],
        [],
        ["Kuznetsov", "Kim Il Sung"],
    ),
    (
        "Memorandum of Conversation between Gorbachev and Genscher on 5 December 1990",
        [],
        [],
        [],
        ["Gorbachev", "Genscher"],
    ),
    (
        "The Chancellor's [Helmut Kohl's] Telephone Conversation with Polish President "
        "Kwasniewski on Thursday, 12 September 1996, 9.30 hours",
        [],
        [],
        [],
        ["Kohl", "Kwasniewski"],
    ),
    (
        "The Chancellor's [Helmut Kohl's] Conversation with the President of Ukraine, Leonid "
        "Kuchma, on the sidelines of the NATO Summit in Madrid on 8 July 1997",
        [],
        [],
        [],
        ["Kohl", "Kuchma"],
    ),
    (
        "Economic Cooperation Division [Ministry of Foreign Affairs, Japan], 'Main Points of "
        "Meeting Between Prime Minister Sato and National Defense Minister Chiang Ching-kuo'",
        ["Economic Cooperation Division [Ministry of Foreign Affairs, Japan]"],
        [],
        [],
        ["Sato Eisaku", "Chiang Ching-kuo"],
    ),
    (
        "Statement of Nakajima Kenzo, Chairman of the Board, Opposing the Visit of Prime "
        "Minister Sato to the United States",
        ["Nakajima Kenzo"],
        [],
        [],
        [],
    ),
    (
        "Letter, Jawaharlal Nehru to All Provincial Premiers",
        ["Nehru"],
        ["All Provincial Premiers"],
        [],
        [],
    ),
    ("Report to the Central Committee of the CPSU", [], ["Central Committee of the CPSU"], [], []),
    (
        "Letter from Ivan Petrov, Prime Minister of Ruritania, to Kim Il Sung",
        ["Ivan Petrov"],
        ["Kim Il Sung"],
        [],
        [],
    ),
    (
        "Petition on Opposition to the Coming to Japan of Taiwan's National Defense Minister",
        [],
        [],
        [],
        [],
    ),
    ("Report on the Situation in the Korean Countryside", [], [], [], []),
    ("A Reading Guide to the Sino-Soviet Alliance, 1949-1950", [], [], [], []),
    (
        "Telegram from the Governer of Xinjiang to the Soviet Consul General in Urumqi",
        ["Governor of Xinjiang"],
        ["Soviet Consul General in Urumqi"],
        [],
        [],
    ),
    ("Cable from Soviet Ambassador Ivanov to Marshal Tito", ["Ivanov"], ["Tito"], [], []),
    (
        "Draft Reply to Kim Il Sung's Letter from Molotov via Shtykov",
        ["Molotov"],
        ["Kim Il Sung"],
        ["Shtykov"],
        [],
    ),
]


@pytest.mark.parametrize(("title", "sender", "recipient", "via", "participants"), OWN_TITLES)
def test_title_shapes(names, title, sender, recipient, via, participants):
    got = parse_title(title, names)
    assert (list(got.sender), list(got.recipient), list(got.via), list(got.participants)) == (
        sender,
        recipient,
        via,
        participants,
    )


def test_the_titles_wording_is_kept(names):
    got = parse_title("Cable, Mao Zedong to Comrade Filippov [Stalin]", names)
    assert got.as_written == ("Mao Zedong", "Filippov [Stalin]")


def test_page_authors_fill_a_missing_sender(names):
    untold = parse_title("Report on the Situation in the Korean Countryside", names)
    merged = merge_authors(untold, ["Shtykov, Terentii", "Ivanov, Pyotr"], names)
    assert merged.sender == ("Shtykov", "Pyotr Ivanov")
    told = parse_title("Cable, Mao Zedong to Stalin", names)
    assert merge_authors(told, ["Zhou, Enlai"], names).sender == ("Mao Zedong",)
    assert merge_authors(Correspondents(), [], names, ["Chou En-lai"]).recipient == ("Zhou Enlai",)
