"""Correspondents from titles: measured on real labelled titles, and shape by shape.

Real titles with labels, in ``tests/data``:

- ``titles-with-correspondents.tsv``: the 30 real titles labelled in the project's corpus.
- ``titles-real-dumps.tsv``: the titles of the 16 real page dumps and of the seed page;
  senders and recipients as the dumps' own labels give them, participants (which those
  labels leave out) read from the titles by the project.
- ``titles-real-scrape-2025.tsv``: the 11 titles of the real 2025 scrape sample.
- ``titles-real-archive.tsv``: titles as the archive's own search listings show them (the
  ``source`` column says where), labelled by the project.
- ``titles-real-listings-tuning.tsv``: more titles from stored copies of those listings,
  labelled the same way, for tuning.

How the labels read a title: senders and recipients only for letters, telegrams, cables,
reports, notes and the like that name them; participants for conversations, meetings and
minutes; an author named before "Memorandum of Conversation with B" is the sender and
takes part; intermediaries "via" or "through" someone; '-' is nobody.

How the sets are split.  The first split (SHA-1 of the title, the number of its first 8 hex
digits odd: the check set) was made before any change it measured; the parser reached 168 of
169 tuning titles and 149 of 188 check titles with it (79%), the last honest held-out figure
of that split.  That check set then joined the tuning set, and two sets were held out:

- ``titles-real-listings.tsv``: 89 real titles nobody on the project had seen, copied from
  stored copies of the archive's own search listings and document pages (the ``source``
  column) and labelled by these rules before the parser was run on them.  The parser read 71
  of them right then.
- a third of ``titles-real-archive.tsv``, chosen by a fixed rule before any miss of it was
  looked at: held out when the first byte of the SHA-256 of the title's UTF-8 text is
  divisible by 3 (106 titles; 88 read right then, 42 of the 59 of them that were in the
  first check set).

The parser was tuned on every other real title (``titles-real-listings-tuning.tsv`` grew in
rounds: a round's titles were labelled before the parser was run on them, then their misses
were read by kind).  Measured once, after that tuning: 94 of the 106 held out
of ``titles-real-archive.tsv`` (48 of the 59 of them in the first check set) and 76 of the 89
unseen titles: the last honest held-out figures of those two sets.  Their misses have since
been read by kind, so both are tuning data now, like every set above.

``titles-real-listings-2.tsv``: 67 more real titles nobody on the project had seen, from
stored copies of the archive's listings and document pages (none of them in any set above or
in ``titles-more.tsv``), labelled by these rules and committed before the parser was run on
them.  Measured once, after the tuning on the two sets once held out: 49 of the 67 (73%), the
last honest held-out figure of that set; its misses have since been read by kind (the kinds
are tested in ``test_correspondents_kinds.py``), so it is tuning data now.

``titles-real-listings-3.tsv``: 214 more real titles from the archive's listings, labelled by
a colleague by these rules (three labels since made consistent with the other sets).  Measured
once on arrival, before any tuning on it: 162 of the 214 (76%), the last honest held-out
figure of that set; tuned on since, like every set above.

``titles-real-listings-4.tsv``: 103 real titles held out of the project altogether (never
read, never copied here) and measured once, after the tuning on all the sets above: 78 of 103
(76%), the last honest held-out figure of that set.  Copied here since, its misses read by the
general shape each belongs to (one label made consistent with the other sets), and tuned on.

``titles-real-listings-5.tsv``: 146 more real titles from the archive's listings, labelled by
a colleague by these rules (one name labelled as the other sets label him).  Measured once on
arrival, after the general rules that set 4 showed were in and before any tuning on it: 115 of
the 146 (79%), the last honest held-out figure of that set; tuned on since.

``titles-real-listings-6.tsv``: 101 real titles held out of the project altogether (never
read, never copied here) and measured once, after the tuning on all the sets above (commit
b9cfbee): 70 of 101 (69%); 77 by the benchmark that reads a label as the name authority writes
it too.  Copied here since, one label made consistent with the other sets (a cable quoting a
named conversation names its participants), its misses read by kind (tested in
``test_correspondents_parties.py``) and tuned on.

``titles-real-listings-7.tsv``: 147 real titles held out of the project altogether (never
read, never copied here) and measured once, after the tuning on all the sets above (commit
51726c4), by the benchmark that reads a label as the name authority writes it too: 115 of 147
(78%).  Copied here since, its misses read by kind (tested in
``test_correspondents_bodies.py``) and tuned on.

``titles-real-listings-8.tsv``: 101 real titles held out of the project altogether and
measured once, after the tuning on all the sets above (commit f220e4c), by the benchmark that
reads a label as the name authority writes it too: 74 of 101 (73%), the last honest held-out
figure of that set.  Its misses read by kind since (the general mechanisms they showed are
tested in ``test_correspondents_lexicon.py``) and tuned on: 94 of 101 (tuned, not held out).

``titles-real-listings-9.tsv``: 131 real titles held out of the project altogether, labelled
by a colleague from the archive's listings before the parser was run on them.  Measured once
with the parser before the round that set 8 started (commit c2c0849): 91 of 131 (69%); and
once after that round's general mechanisms (commit 7ed6768): 92 of 131 (70%), the last honest
held-out figure of that set.  A round of 37 mechanisms that lifted set 8 from 74 to 94 moved
an unseen set by one title.  Tuned on since (a last check that drops values no title could
name as a party: 92 to 97 of the set).

``titles-real-listings-10.tsv``: 107 real titles held out of the project altogether, labelled
by a colleague before the parser was run on them.  Measured once with the parser of commit
c2c0849 (before the rounds of sets 8 and 9): 84 of 107 (79%); and once after them (commit
3aae2b2): 86 of 107 (80%), the last honest held-out figure of that set; 89 of 107 (83%) once
three labels were made consistent with the other sets (a group named by its office, "His
Cabinet", "Military Officials", takes part, as in sets 3 to 9).

``titles-real-listings-11.tsv``: 135 real titles from 66 stored listing and document pages
none of the sets above had used, labelled by a colleague by these rules before the parser
was run on them.  Measured once with the parser of commit dee708a: 113 of 135 (84%); and
once after the round of ``test_correspondents_carry.py`` (51 commits of general kinds that
lifted the sets above from 1,898 to 1,964 of 1,982 and cut their invented values from 58 to
23): 113 of 135 again, with the same 12 invented values, the last honest held-out figure of
that set.  Its misses are a long tail of shapes, one or two titles each.  A learned reader
was tried against it too: a conditional random field tagging title tokens as sender,
recipient, via or participant (word shape, the project's word lists, cue words and commas
around each token), trained on every other real set, read 91 of the 135 (67%), and no way
of combining it with the parser (where the parser finds nobody, by the tagger's confidence)
beat the parser's 113; trained on sets 9 and 10 held out it read 64% and 70% of them.

``titles-more.tsv`` holds titles the project wrote in the archive's conventions, not copied
from pages: a regression set of shapes, no measure of how right real titles are read.
"""

import csv
import hashlib
import unicodedata
from pathlib import Path

import pytest

from searcher.ingest.correspondents import Correspondents, merge_authors, parse_title

DATA = Path(__file__).parents[1] / "data"
ROLES = ("sender", "recipient", "via", "participants")
REAL = (
    "titles-with-correspondents.tsv",
    "titles-real-dumps.tsv",
    "titles-real-scrape-2025.tsv",
    "titles-real-archive.tsv",
    "titles-real-listings-tuning.tsv",
    "titles-real-listings.tsv",
    "titles-real-listings-2.tsv",
    "titles-real-listings-3.tsv",
    "titles-real-listings-4.tsv",
    "titles-real-listings-5.tsv",
    "titles-real-listings-6.tsv",
    "titles-real-listings-7.tsv",
    "titles-real-listings-8.tsv",
    "titles-real-listings-9.tsv",
    "titles-real-listings-10.tsv",
    "titles-real-listings-11.tsv",
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _matches(expected: str, got: tuple[str, ...]) -> bool:
    """As the labels say: right when the canonical names contain the expected names (accents
    aside: "Gomulka" is right for Gomułka), as many as expected."""
    wanted = [] if expected == "-" else expected.split("|")
    return len(wanted) == len(got) and all(
        any(_fold(w) in _fold(name) for name in got) for w in wanted
    )


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _misses(rows: list[dict[str, str]], names) -> list[str]:
    misses = []
    for row in rows:
        got = parse_title(row["title"], names)
        if not all(_matches(row[role], getattr(got, role)) for role in ROLES):
            misses.append(f"{row['title']!r} -> {got}")
    return misses


def _in_first_check_set(title: str) -> bool:
    return int(hashlib.sha1(title.encode("utf-8")).hexdigest()[:8], 16) % 2 == 1


def _held_out(title: str) -> bool:
    return hashlib.sha256(title.encode("utf-8")).digest()[0] % 3 == 0


REAL_ROWS = [row for name in REAL for row in _rows(name)]
_ARCHIVE = {row["title"] for row in _rows("titles-real-archive.tsv")}
#: Held out of ``titles-real-archive.tsv`` until its misses were read; tuned on since.
HELD_OUT = [row for row in REAL_ROWS if row["title"] in _ARCHIVE and _held_out(row["title"])]
TUNING = REAL_ROWS
_FIRST = {row["title"] for name in REAL[:4] for row in _rows(name)}
FIRST_CHECK = [
    row for row in TUNING if row["title"] in _FIRST and _in_first_check_set(row["title"])
]


def test_the_real_sets_are_labelled_and_apart():
    titles = [row["title"] for row in REAL_ROWS]
    assert len(titles) == len(set(titles)) >= 980
    assert len(HELD_OUT) >= 100
    for row in REAL_ROWS:
        assert all(row[role].strip() for role in ROLES), row
    for name in REAL[1:]:
        assert all(row["source"].strip() for row in _rows(name)), name
    written = {row["title"] for row in _rows("titles-more.tsv")}
    assert not written & set(titles[30:])


def test_tuning_set(names):
    misses = _misses(TUNING, names)
    assert len(TUNING) - len(misses) >= TUNING_FLOOR, misses


def test_the_first_check_set_now_tuned_on(names):
    misses = _misses(FIRST_CHECK, names)
    assert len(FIRST_CHECK) - len(misses) >= FIRST_CHECK_FLOOR, misses


def test_the_held_out_third_now_tuned_on(names):
    right = len(HELD_OUT) - len(_misses(HELD_OUT, names))
    assert right >= HELD_OUT_FLOOR, f"{right} of {len(HELD_OUT)}"


#: Titles of the tuning set read right: what the parser reaches (1901 of 1957, the sets once
#: held out, ``titles-real-listings-2.tsv`` to ``-11.tsv`` among them; 1789 of the 1822 before
#: set 11 joined, 1724 before the general kinds of ``test_correspondents_carry.py``).
TUNING_FLOOR = 1901
#: Titles of the first check set read right: 107 of 129 outside the held-out third when it
#: joined the tuning set; 187 of all its 188 now.
FIRST_CHECK_FLOOR = 185
#: Titles of the once held-out third read right: 88 of 106 when the rule was chosen, 94 when
#: measured last as held out, 105 now that it is tuned on.
HELD_OUT_FLOOR = 103


def test_titles_written_in_the_archives_conventions(names):
    rows = _rows("titles-more.tsv")
    misses = _misses(rows, names)
    assert len(misses) <= len(rows) // 20, misses


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
        "Petition on Opposition to the Coming to Japan of Taiwan's National Defense Minister",
        [],
        [],
        [],
        [],
    ),
    ("Report on the Situation in the Korean Countryside", [], [], [], []),
    ("Cable from Soviet Ambassador Ivanov to Marshal Tito", ["Ivanov"], ["Tito"], [], []),
    (
        "Draft Reply to Kim Il Sung's Letter from Molotov via Shtykov",
        ["Molotov"],
        ["Kim Il Sung"],
        ["Shtykov"],
        [],
    ),
]


S, R, V, P = "sender", "recipient", "via", "participants"

#: One title per shape: the roles it names (roles left out name nobody).
SHAPES = [
    # offices before names, and an office's own "to"
    (
        "Telegram from Soviet Ambassador to the USA Dobrynin to the USSR Foreign Ministry",
        {S: ["Dobrynin"], R: ["USSR Foreign Ministry"]},
    ),
    (
        "Cable from Chinese Foreign Minister Chen Yi to Premier Zhou Enlai and Chairman Mao",
        {S: ["Chen Yi"], R: ["Zhou Enlai", "Mao Zedong"]},
    ),
    (
        "Telegram from Minister of Foreign Affairs of the PRC Chen Yi to Gromyko",
        {S: ["Chen Yi"], R: ["Gromyko"]},
    ),
    (
        "Memorandum from Secretary of State Rusk to President Johnson",
        {S: ["Rusk"], R: ["Lyndon Johnson"]},
    ),
    (
        "Report from Hungarian Ambassador in Beijing Ágoston Szkladán to Foreign Minister Péter",
        {S: ["Ágoston Szkladán"], R: ["Péter"]},
    ),
    (
        "Telegram from the Soviet Ambassador in Addis Ababa to the Soviet Foreign Ministry",
        {S: ["Soviet Ambassador in Addis Ababa"], R: ["Soviet Foreign Ministry"]},
    ),
    (
        "Memorandum from the Director of Central Intelligence (McCone) to the Secretary of State",
        {S: ["McCone"], R: ["Secretary of State"]},
    ),
    # a person where they were, a city for its embassy
    (
        "Ciphered Telegram from Roshchin in Beijing to Filippov (Stalin)",
        {S: ["Roshchin"], R: ["Stalin"]},
    ),
    (
        "Telegram from Pyongyang to Bucharest, No. 76.123, Urgent, Strictly Secret",
        {S: ["Pyongyang"], R: ["Bucharest"]},
    ),
    # senders and recipients in lists, "and others", cc, a date inside
    (
        "Memorandum from Wu Xiuquan to Liu Shaoqi, Zhou Enlai, Chen Yun and Deng Xiaoping",
        {S: ["Wu Xiuquan"], R: ["Liu Shaoqi", "Zhou Enlai", "Chen Yun", "Deng Xiaoping"]},
    ),
    (
        "Telegram from Stalin to Gromyko, Kuznetsov, and Others",
        {S: ["Stalin"], R: ["Gromyko", "Kuznetsov"]},
    ),
    ("Letter from Mao Zedong and Zhu De to Stalin", {S: ["Mao Zedong", "Zhu De"], R: ["Stalin"]}),
    (
        "Telegram from Kim Il Sung to Stalin and Mao Zedong, cc: Zhou Enlai",
        {S: ["Kim Il Sung"], R: ["Stalin", "Mao Zedong", "Zhou Enlai"]},
    ),
    (
        "Letter from Chairman Khrushchev to President Kennedy, October 26, 1962",
        {S: ["Khrushchev"], R: ["John F. Kennedy"]},
    ),
    ("Telegram to Zhou Enlai from Kim Il Sung", {S: ["Kim Il Sung"], R: ["Zhou Enlai"]}),
    # other words for "from"
    ("Letter by Kim Il Sung to Mao Zedong", {S: ["Kim Il Sung"], R: ["Mao Zedong"]}),
    ("Letter of Ho Chi Minh to Mao Zedong", {S: ["Ho Chi Minh"], R: ["Mao Zedong"]}),
    (
        "Reply of the Chinese Government to the Soviet Government's Note of 24 July",
        {S: ["Chinese Government"], R: ["Soviet Government"]},
    ),
    (
        "Memorandum for the President from Henry A. Kissinger, 'My Talks with Chou En-lai'",
        {S: ["Kissinger"], R: ["President"]},
    ),
    (
        "Dobrynin Cable to the USSR Foreign Ministry, 27 October 1962",
        {S: ["Dobrynin"], R: ["USSR Foreign Ministry"]},
    ),
    # institutions, with "and" inside, with a signing person
    (
        "Letter from the Ministry of Trade and Industry to the Embassy of the USSR in the PRC",
        {S: ["Ministry of Trade and Industry"], R: ["Embassy of the USSR in the PRC"]},
    ),
    (
        "Telegram to the CC of the CCP from the CC of the CPSU",
        {S: ["CC of the CPSU"], R: ["CC of the CCP"]},
    ),
    (
        "Cable from Czechoslovak Embassy in Havana (Pavlíček)",
        {S: ["Czechoslovak Embassy in Havana (Pavlíček)"]},
    ),
    (
        "Hungarian Embassy in the DPRK, Report, 12 March 1967",
        {S: ["Hungarian Embassy in the DPRK"]},
    ),
    # a quoted subject is no correspondent; a quoted meeting names participants
    (
        "Cable from the Chinese Embassy in the Soviet Union, 'Reactions to the Moscow Conference'",
        {S: ["Chinese Embassy in the Soviet Union"]},
    ),
    (
        "Cable from Wang Bingnan to the Foreign Ministry, 'Meeting with Ambassador Beam'",
        {S: ["Wang Bingnan"], R: ["Foreign Ministry"]},
    ),
    (
        "Excerpts from the Diary of N.T. Fedorenko, 'Record of Conversation with Mao Zedong'",
        {P: ["Fedorenko", "Mao Zedong"]},
    ),
    # speakers and authors are senders
    (
        "Speech by Chinese Vice Premier Deng Xiaoping at the UN General Assembly",
        {S: ["Deng Xiaoping"]},
    ),
    (
        "Speech of Comrade Kim Il Sung at the Meeting of the Korean Workers' Party Central "
        "Committee",
        {S: ["Kim Il Sung"]},
    ),
    (
        "Khrushchev's Secret Speech, 'On the Cult of Personality,' Delivered at the Twentieth "
        "Party Congress",
        {S: ["Khrushchev"]},
    ),
    ("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 3 June 1958", {S: ["Puzanov"]}),
    # conversations
    ("Minutes of Conversation, Kim Il Sung and Erich Honecker", {P: ["Kim Il Sung", "Honecker"]}),
    (
        "Discussion between Zhou Enlai, Kang Sheng, Le Duan, and Nguyen Van Vinh, Beijing, "
        "23 September 1964",
        {P: ["Zhou Enlai", "Kang Sheng", "Le Duan", "Nguyen Van Vinh"]},
    ),
    (
        "Memorandum of Conversation between Anwar Sadat and Henry Kissinger, Aswan",
        {P: ["Sadat", "Kissinger"]},
    ),
    (
        "Record of a Conversation between Soviet Ambassador in Somalia Samsonov and Siad Barre",
        {P: ["Samsonov", "Siad Barre"]},
    ),
    (
        "Memorandum of Conversation between Premier Kosygin and Chairman of the Council of "
        "Ministers Zhou Enlai",
        {P: ["Kosygin", "Zhou Enlai"]},
    ),
    (
        "Record of Conversation between Comrade I.V. Stalin and Chairman of the Central People's "
        "Government of the People's Republic of China Mao Zedong",
        {P: ["Stalin", "Mao Zedong"]},
    ),
    (
        "Note about a Conversation with the Soviet Ambassador, Comrade Moskovsky, on 12 March 1963",
        {P: ["Moskovsky"]},
    ),
    (
        "From the Diary of Yudin, Record of Conversation with Chairman Mao Zedong on 5 January",
        {P: ["Yudin", "Mao Zedong"]},
    ),
    (
        "Notes from Discussion between Harold Wilson and Alexei Kosygin",
        {P: ["Harold Wilson", "Kosygin"]},
    ),
    (
        "Zhou Enlai's Talk with the Vietnamese Ambassador",
        {P: ["Zhou Enlai", "Vietnamese Ambassador"]},
    ),
    (
        "Minutes of Talks between the Chinese and Soviet Delegations",
        {P: ["Chinese Delegations", "Soviet Delegations"]},
    ),
    ("Minutes of the Meeting of the Politburo of the CC CPSU, 12 June 1986", {}),
    ("Notes on a Meeting of the Presidium of the Central Committee", {}),
    # lower-case words inside a name or an office, editors' notes, minutes of a meeting
    (
        "Memorandum of Conversation between Egyptian leader Anwar el-Sadat and US Secretary "
        "of State Kissinger",
        {P: ["Sadat", "Kissinger"]},
    ),
    ("Letter from Abd al-Karim Qasim to Khrushchev", {S: ["Qasim"], R: ["Khrushchev"]}),
    (
        "Telegram from the Soviet Chargé d'Affaires in Beijing Zudin to the CPSU CC",
        {S: ["Zudin"], R: ["CPSU CC"]},
    ),
    (
        "Letter from Kim Il Sung to Mao Zedong, [Undated] May 1950",
        {S: ["Kim Il Sung"], R: ["Mao Zedong"]},
    ),
    ("Notes from the Meeting of the Presidium of the CC CPSU, 3 November 1956", {}),
    ("Stenographic Record of the CPSU CC Plenum Session", {}),
    # real titles of the tuning set, one per kind read since the split
    (  # an author "by"
        "Memorandum of analysis by Roberto Ducci, 'The international situation after the "
        "Lisbon Council and some provisions that should be undertaken'",
        {S: ["Roberto Ducci"]},
    ),
    (  # ... and the editor's note of his own talk names its parties
        "Memorandum by Frank Aiken [on an Interview with Scott McCleod and the Taoiseach]",
        {S: ["Frank Aiken"], P: ["Frank Aiken", "Scott McCleod", "Taoiseach"]},
    ),
    (  # a body before its report
        "Hungarian Secretariat Report on Fight against 'Imperialist Propaganda'",
        {S: ["Hungarian Secretariat"]},
    ),
    (
        "General Staff of Defense (SMD) Summary Report about the meeting of NATO Defence "
        "Planning Committee at the ministerial session (Bruxelles, May 24th 1972)",
        {S: ["General Staff of Defense"]},
    ),
    (  # a body's letter signed by its official, to a body for the attention of another
        "Letter from the HSWP CC [signed by Janos Kadar] to the PUWP CC, attention Stanislaw Kania",
        {S: ["Kádár"], R: ["PUWP CC", "Kania"]},
    ),
    (  # an author's account, to the last addressee
        "Alexei Adzhubei's Account of His Visit to Washington to the Central Committee of the "
        "Communist Party of the Soviet Union",
        {
            S: ["Alexei Adzhubei"],
            R: ["Central Committee of the Communist Party of the Soviet Union"],
        },
    ),
    (  # a body, and its quoted draft's own addressees are its subject
        "Soviet Ministry of Foreign Affairs, 'Draft for Transmission to Various Heads of "
        "Government Regarding of A. I. Mikoyan's Conversations with Senior US Government "
        "Leaders'",
        {S: ["Soviet Ministry of Foreign Affairs"]},
    ),
    (  # several senders listed, no document type
        "Yurii Andropov, Nikolai Shchelokov, and Mikhail Malyarov to the CPSU CC",
        {S: ["Andropov", "Nikolai Shchelokov", "Mikhail Malyarov"], R: ["CPSU CC"]},
    ),
    (  # offices the authority does not list, a particle inside a name
        "Letter from US Congressman Paul Findley to Brazilian Vice-President Adalberto Pereira "
        "dos Santos",
        {S: ["Paul Findley"], R: ["Adalberto Pereira dos Santos"]},
    ),
    (  # a nationality before an office; what the cable does, after a comma, is no name
        "Cable from Rafael Vazquez, Argentinian Ambassador to Brazil, Requesting Meeting with "
        "the Brazilian Foreign Minister",
        {S: ["Rafael Vazquez"]},
    ),
    (  # numbers glued to "No.", priorities, the district after Washington
        "Telegram from Washington to Bucharest, SECRET, Regular, No. 083.895",
        {S: ["Washington"], R: ["Bucharest"]},
    ),
    (
        "Telegram from the First Directorate to Washington, DC, No.01/04493",
        {S: ["First Directorate"], R: ["Washington"]},
    ),
    (  # the subject after the recipients
        "Telegram 066764 from the Romanian Embassy in Pyongyang to the Romanian Ministry of "
        "Foreign Affairs, Pol Pot’s Visit to the DPRK",
        {S: ["Romanian Embassy in Pyongyang"], R: ["Romanian Ministry of Foreign Affairs"]},
    ),
    (
        "Letter of Hungarian Ambassador Sándor Nógrádi to the Hungarian Foreign Ministry on the "
        "Meeting of Hungarian President István Dobi and Mao Zedong",
        {S: ["Sándor Nógrádi"], R: ["Hungarian Foreign Ministry"]},
    ),
    (
        "Cable, Ambassador Dobrynin to the Soviet Foreign Ministry, Meeting with Robert Kennedy",
        {S: ["Dobrynin"], R: ["Soviet Foreign Ministry"]},
    ),
    (  # a speech's audience is no recipient
        "Speech Given by Comrade Le Duc Tho to the Leaders of Public Security’s Departments, "
        "Bureaus, and City and Provincial Offices during the Conference to Discuss the Three "
        "Specialized Drafts and to Implement Politburo Resolution 31 [Excerpts]",
        {S: ["Le Duc Tho"]},
    ),
    (  # a time and a weekday are no sender
        "Telegram from the Brazilian Embassy in Havana (Bastian Pinto), 10:30 a.m., Tuesday",
        {S: ["Brazilian Embassy in Havana (Bastian Pinto)"]},
    ),
    (  # parties described, an office of a body beside a name, a spot glossed with its city
        "Record of a conversation between Cde. I. V. Stalin and the leaders of the Socialist "
        "Unity Party of Germany Wilhelm Pieck and Otto Grotewohl, 26 March 1948, at 1900 hours",
        {P: ["Stalin", "Pieck", "Grotewohl"]},
    ),
    (
        "Record of the Conversation of Comrade I.V. Stalin with the General Secretary of the "
        "CC French Communist Party, Comrade Thorez",
        {P: ["Stalin", "Thorez"]},
    ),
    (
        "First Conversation between N.S. Khrushchev and Mao Zedong, Hall of Huaizhentan [Beijing]",
        {P: ["Khrushchev", "Mao Zedong"]},
    ),
    (  # "between A with B", an office before a comma
        "Record of Conversation between Soviet Ambassador to the GDR, Pervukhin with Walter "
        "Ulbricht",
        {P: ["Pervukhin", "Ulbricht"]},
    ),
    (  # a delegation's head for the delegation; a date in brackets is no party
        "Conversation of Comrade Mao Zedong with Delegation of the People’s Army of Albania "
        "Haded by Comrade Beqir Balluku (2 October 1963)",
        {P: ["Mao Zedong", "Beqir Balluku"]},
    ),
    (  # "Conversation, A with B"
        "Memorandum of Conversation, Albanian Labor Party Delegation with Mao Zedong",
        {P: ["Albanian Labor Party Delegation", "Mao Zedong"]},
    ),
    (  # a record of the conversation at a meeting
        "Memorandum of Conversation from the Meeting between Vice Premier Chen Yi and the "
        "Albanian Ambassador to China Reis Malile",
        {P: ["Chen Yi", "Reis Malile"]},
    ),
    (  # conversations in a place; talks under a briefing
        "Documents Concerning Conversations in Moscow between Cuban Communist Official Carlos "
        "Rafael Rodriguez and Soviet Leader Nikita Khrushchev",
        {P: ["Carlos Rafael Rodríguez", "Khrushchev"]},
    ),
    (
        "Soviet briefing on the talks between Brezhnev and B. Karmal in Moscow",
        {P: ["Brezhnev", "B. Karmal"]},
    ),
    # real titles of the tuning set, one per kind read since the second split
    (  # an office to a body before a name; a given name not the known person's
        "Report by the Adviser to the Bulgarian Embassy in Beijing, Ivan Dimitrov, to the "
        "Bulgarian Ambassador, Khr. Stoichev",
        {S: ["Ivan Dimitrov"], R: ["Khr. Stoichev"]},
    ),
    (  # a body led by its head, the body's own name with an "and" inside
        "Memorandum of Conversation between the Romanian Party and Government Delegation Led "
        "by Ion Gheorghe Maurer and Soviet Leader Nikita Khrushchev",
        {P: ["Maurer", "Khrushchev"]},
    ),
    (  # a body headed by its head, between commas
        "Conversation between the Party of Labor of Albania Delegation, Headed by Comrade "
        "Beqir Balluku, and Comrade Mao Zedong on 5 October 1968, at 19:00-20.30",
        {P: ["Beqir Balluku", "Mao Zedong"]},
    ),
    (  # a body led by its head; the party and government as one body
        "Memorandum of Conversation, between the Delegation of the People’s Republic of China, "
        "Led by Comrade Zhou Enlai, and the Leadership of the Party and Government of the "
        "People’s Republic of Albania [Excerpts]",
        {
            P: [
                "Zhou Enlai",
                "Leadership of the Party and Government of the People’s Republic of Albania",
            ]
        },
    ),
    (  # parties with a dash, before the meeting
        "Minutes of Todor Zhivkov – Raul Castro Meeting in Sofia",
        {P: ["Zhivkov", "Raúl Castro"]},
    ),
    (  # parties with a dash, after "between"
        "Minutes of Conversation between Todor Zhivkov – Leonid I. Brezhnev, Voden Residence "
        "[Bulgaria]",
        {P: ["Zhivkov", "Brezhnev"]},
    ),
    (  # parties before what they discuss
        "Transcript of Vice Premier Cheny Yi and Soviet Ambassador S.V. Chervonenko discussing "
        "the Laos Issue",
        {P: ["Chen Yi", "Chervonenko"]},
    ),
    (  # hosts receive guests listed with semicolons, each with an office
        "Comrade Zhou Enlai, Comrade Peng Zhen Receive Tran Tu Binh, Vietnam’s Ambassador to "
        "China; Nesti Nase, Albania’s Ambassador to China; and Pak Se-chang, Korea’s "
        "Ambassador to China",
        {P: ["Zhou Enlai", "Peng Zhen", "Tran Tu Binh", "Nesti Nase", "Pak Se-chang"]},
    ),
    (  # a host receives a guest, after the record's type and a colon
        "Abstract of Conversation: Vice-Minister Zhang Receives Indian Ambassador Nehru",
        {P: ["Zhang", "Nehru"]},
    ),
    (  # a diarist's own conversation; the subject after the parties
        "Excerpts from Tsedenbal's diary on his conversation with Soviet leader Anastas "
        "Mikoyan on Soviet Economic Cooperation and Aid to the People's Republic of Mongolia "
        "(Fragments)",
        {P: ["Tsedenbal", "Mikoyan"]},
    ),
    (  # a host's meeting with a date between
        "Notes from L.A. Leont’ev's April 1950 Meeting with Stalin, Regarding Political "
        "Economy Textbook",
        {P: ["L.A. Leont’ev", "Stalin"]},
    ),
    (  # an editor's possessive in brackets; the members of a group
        "Conversation from [Mao Zedong's] Audience with Members of an Albanian Women's "
        "Delegation and Film Crew Workers",
        {P: ["Mao Zedong", "Albanian Women's Delegation", "Film Crew Workers"]},
    ),
    (  # "by A with B, with the Presence of C"; spellings of other languages
        "Report of the Conversation by Carlos Rafael Rodrigeuez with Nikita Jruschov, with the "
        "Presence of Anastas Mikoyan on 11 December 1962",
        {P: ["Carlos Rafael Rodríguez", "Khrushchev", "Mikoyan"]},
    ),
    (  # "between A and B with C and D"; a glossed "Myself"; a misspelt honorific
        "Brief Summary of Conversation between Comrades Zhou Enlai and Kang Sheng on 16 June "
        "1970 with Myself [Kadri Hazbiu] and Cmrade Xhoxhi Robo",
        {P: ["Zhou Enlai", "Kang Sheng", "Kadri Hazbiu", "Xhoxhi Robo"]},
    ),
    (  # a speech's audience is no party
        "J.V. Stalin, 'The Political Tasks of the University of the Peoples of the Far East: "
        "Speech Delivered at a Meeting of Students of the Communist University of the Toilers "
        "of the East, May 18, 1925'",
        {S: ["Stalin"]},
    ),
    (  # a joint meeting of bodies names nobody
        "Minutes of the Joint Meeting of the Central Committee and the Ministers’ Council",
        {},
    ),
    (  # an office glossed with its organisation
        "Memorandum from the Mexican chargé d’affaires in Washington (OAS) regarding a meeting "
        "between Alexis Johnson and Latin American Ambassadors",
        {S: ["Mexican chargé d’affaires in Washington (OAS)"]},
    ),
    (  # an office after a name and a place after it
        "Summary of Zhou Enlai's Talk with Ion Gheorghe Maurer, Chairman of the Council of "
        "Ministers of Romania, in Beijing",
        {P: ["Zhou Enlai", "Maurer"]},
    ),
    (  # the office after a person is his body, not a second sender
        "Telegram from John F. Root, Office of Northern African Affairs, 'Subject: Bulgarian "
        "Fronting For Russian Interests in Ethiopia'",
        {S: ["John F. Root"]},
    ),
    (  # a visit is a subject, not a recipient
        "Statement by Todor Zhivkov on Visit to the DPRK",
        {S: ["Zhivkov"]},
    ),
    (  # a cable of its author
        "Cable of V.V. Kuznetsov on 1 November 1962 conversation between CPSU CC Politburo "
        "Member A.I. Mikoyan and acting UN Secretary General U Thant",
        {S: ["Kuznetsov"]},
    ),
    (  # a quoted subject left open
        "East German Ministry for State Security, 'On the Position of the Army in the "
        "Political System of Ethiopia",
        {S: ["East German Ministry for State Security"]},
    ),
    (  # an interim office
        "Zhou Enlai’s Brief Statement to British Chargé d'affaires ad interim Con O’Neill "
        "Regarding the Princess of Kashmir Investigation",
        {S: ["Zhou Enlai"], R: ["Con O’Neill"]},
    ),
    (  # a nationality before a group is part of its name
        "Todor Zhivkov’s Consultations with Soviet Experts on Relations with Romania",
        {P: ["Zhivkov", "Soviet Experts"]},
    ),
    (  # two types of document; a lower-case body noun
        "Mongolian Politburo Resolution and Letter to the Soviet leadership requesting Soviet "
        "troops be stationed on Mongolian soil to defend against possible attack.",
        {S: ["Mongolian Politburo"], R: ["Soviet leadership"]},
    ),
    (  # a body's member before a name
        "Memorandum of Conversation between First Vice Premier Hysni Kapo and Albanian Labor "
        "Party Politburo Member Ramiz Alia with PRC Premier Zhou Enlai",
        {P: ["Hysni Kapo", "Ramiz Alia", "Zhou Enlai"]},
    ),
    (  # a meeting of a body with another: both parties
        "Report of the Meeting of the Albanian Labor Party Delegation with Leaders of the "
        "Communist Party of the Soviet Union, 12 November 1960",
        {
            P: [
                "Albanian Labor Party Delegation",
                "Leaders of the Communist Party of the Soviet Union",
            ]
        },
    ),
    (  # a body, the quoted record of its ambassador's conversation
        "Embassy of the GDR in the PR China, 'Note about a Conversation of the Ambassador of "
        "the GDR in the PR China, Comrade Hertzfeldt, with the Head of Main Department in the "
        "Foreign Ministry of the PR China, Yu Zhan, on 2 June 1969'",
        {S: ["Embassy of the GDR in the PR China"], P: ["Hertzfeldt", "Yu Zhan"]},
    ),
    (  # a nationality before a group
        "Record of the Conversation from Chairman Mao’s Audience with the Albanian Women’s "
        "Delegation and Albanian Film Workers",
        {P: ["Mao Zedong", "Albanian Women’s Delegation", "Albanian Film Workers"]},
    ),
    (  # a body's committee "at" another body
        "Cable from the Party Committee at the Chinese Embassy in Poland, 'Regarding the "
        "Results of Discussions related to the Situation in Poland over the Past Six Months'",
        {S: ["Party Committee at the Chinese Embassy in Poland"]},
    ),
    (  # a record's author, possessive, takes part
        "Gomulka’s Memorandum of a Conversation with Stalin",
        {S: ["Gomułka"], P: ["Gomułka", "Stalin"]},
    ),
    (  # a visit "by" someone "to" a country is a subject
        "The Official Visit Paid by the Minister of Foreign Affairs of the Socialist Republic "
        "of Romania to the Democratic People's Republic of Korea",
        {},
    ),
    (  # three places or more are addressees
        "Telegram from the First Directorate to Moscow, Budapest, Prague, Warsaw, Berlin, "
        "Tirana, Belgrade, Sofia, Beijing, Ulan Bator, Hanoi, Pyongyang, Havana, Analysis "
        "Division, No.01/04595",
        {
            S: ["First Directorate"],
            R: [
                "Moscow",
                "Budapest",
                "Prague",
                "Warsaw",
                "Berlin",
                "Tirana",
                "Belgrade",
                "Sofia",
                "Beijing",
                "Ulan Bator",
                "Hanoi",
                "Pyongyang",
                "Havana",
                "Analysis Division",
            ],
        },
    ),
    (  # an intervention is spoken
        "Fragments of the Intervention of Commander-in-Chief Fidel Castro at the Plenary "
        "Session of the Central Committee of the Communist Party",
        {S: ["Fidel Castro"]},
    ),
    (  # offices after names, with a quoted journal
        "Summary of a Conversation between Cde. A. M. Rumyantsev, Editor-in-Chief of the "
        "journal 'Problemy Mira i Sotsializma', and Cde. Blas Roca, Member of the Secretariat "
        "of the National Leadership of the United Revolutionary Organizations",
        {P: ["A. M. Rumyantsev", "Blas Roca"]},
    ),
    (  # a type with its participle; an office and its place
        "Directive Sent to the Soviet Ambassador, Havana",
        {R: ["Soviet Ambassador"]},
    ),
    (  # an office with "and" inside, then its holder
        "From the Diary of Yu. V. Petrov, Record of a Conversation with the Deputy Chairman of "
        "the State Council and the Council of Ministers of Cuba, Carlos Rafael Rodriguez",
        {P: ["Yu. V. Petrov", "Carlos Rafael Rodríguez"]},
    ),
    (  # a body with its official, then its report's type and subject
        "Hungarian Embassy in Havana (Görög), Report on Reactions to Fidel Castro’s Trip to "
        "the Soviet Union",
        {S: ["Hungarian Embassy in Havana (Görög)"]},
    ),
    (  # a body and a date are no author and type
        "Minutes of the Meeting of the Political Committee, 5 May 1970",
        {},
    ),
    (  # two offices of one person joined by "and"
        "Information about a Conversation of Comrade Hermann Axen, Member of the Politburo and "
        "Secretary of the Central Committee, with Comrade Nureddin Kianouri, First Secretary "
        "of the Central Committee of the Tudeh Party of Iran",
        {P: ["Hermann Axen", "Nureddin Kianouri"]},
    ),
    (  # a visit of a delegation with a host is a meeting
        "Memorandum On the Visit of the Party and Government Delegation of the GDR, led by "
        "Comrade Prof. Dr. Kurt Hager, with the General Secretary of the KWP and Prime "
        "Minister of the DPRK, Comrade Kim Il Sung, on 16 April 1968, 5:00p.m. until 6:50 p.m.",
        {P: ["Kurt Hager", "Kim Il Sung"]},
    ),
    (  # a note for its addressee
        "Note for Comrade Veljko Micunovic’s Personal Use",
        {R: ["Veljko Micunovic"]},
    ),
    (  # an author's office before the author
        "KGB Memo of Council Minister of the USSR, Y. Andropov, 25 January 1971",
        {S: ["Andropov"]},
    ),
    (  # two adjectives of one noun
        "Premier Chou En-Lai's [Zhou Enlai's] Letter to the Leaders of Asian and African "
        "Countries on the Sino-Indian Boundary Question (November 15, 1962)",
        {S: ["Zhou Enlai"], R: ["Leaders of Asian and African Countries"]},
    ),
    (  # an ordinal inside a body's name
        "Cable, 8th Directorate of the USSR Armed Forces General Staff to Cdes. Shtykov and "
        "Vasil'yev",
        {
            S: ["8th Directorate of the USSR Armed Forces General Staff"],
            R: ["Shtykov", "Vasil'yev"],
        },
    ),
    (  # an embassy "to" a city is one body
        "Memorandum, Chinese Foreign Ministry to the Soviet Embassy to Beijing",
        {S: ["Chinese Foreign Ministry"], R: ["Soviet Embassy to Beijing"]},
    ),
    (  # a subject "on" a gerund
        "Instructions from the CCP Central Committee on Handling the Issue of Ethnic Koreans "
        "in the Northeast Going to Korea",
        {S: ["CCP Central Committee"]},
    ),
    (  # the editor completes a name
        "Cable, Liu Shaoqi to Chairman Mao [Zedong]",
        {S: ["Liu Shaoqi"], R: ["Mao Zedong"]},
    ),
    (  # a host's reception of guests
        "Record of Conversation from Vice Premier Chen Yi's Reception of the Envoys of "
        "Fraternal Countries to China",
        {P: ["Chen Yi", "Envoys of Fraternal Countries"]},
    ),
    (  # an ordinal office beside names
        "A Conversation with the 1st Secretary of the Embassy of the USSR in the DPRK, Comrade "
        "Zvetkov, and Comrade Jarck.",
        {P: ["Zvetkov", "Jarck"]},
    ),
    (  # a report on someone's conversation is its author's
        "Report from Ji Pengfei on Liu Shaoqi’s Conversation with Kim Il Sung",
        {S: ["Ji Pengfei"]},
    ),
    (  # draft instructions for their addressees
        "Draft Instructions for General Vasilii Chuikov and Vladimir Semyonov regarding GDR "
        "Control of Borders",
        {R: ["Vasilii Chuikov", "Vladimir Semyonov"]},
    ),
    (  # an apostrophe inside a name before a quoted subject
        "Memorandum of Conversation between Georgi M. Kornienko, Chargé d'Affaires of the "
        "Soviet Embassy, and Ronald I. Spiers, 'MLF, Disarmament'",
        {P: ["Georgi M. Kornienko", "Ronald I. Spiers"]},
    ),
    (  # an office with "and" in its body's name
        "Memorandum of Conversation between General Counsel of the Arms Control and "
        "Disarmament Agency George Bunn and Soviet Counselor Yuli M. Vorontsov, "
        "'Non-Proliferation Treaty and Other Arms Control Matters'",
        {
            P: [
                "General Counsel of the Arms Control and Disarmament Agency George Bunn",
                "Yuli M. Vorontsov",
            ]
        },
    ),
    (  # a lower-case office with "and" in its body's name
        "Memorandum of Conversation between William C. Foster, director of the Arms Control "
        "and Disarmament Agency, and Karl Carstens, State Secretary at the West German Foreign "
        "Office, 'Disarmament and Related Problems'",
        {P: ["William C. Foster", "Karl Carstens"]},
    ),
    (  # an office ending with its holder's name before "and"
        "Minutes of Conversation Between British Interim Charge d’Affaires of Hong Kong John "
        "Addis and Deputy Department Head Zhang Yue",
        {P: ["John Addis", "Zhang Yue"]},
    ),
    (  # a report presented to a numbered plenum
        "Report Presented to the 15 Plenum of the Communist Party of Vietnam Central Committee",
        {R: ["15 Plenum of the Communist Party of Vietnam Central Committee"]},
    ),
    (  # a classification and a number around a body's cable
        "Secret North Vietnam Politburo Cable No. 320",
        {S: ["North Vietnam Politburo"]},
    ),
    (  # a place after "in" is no party
        "Note on Two Conversations with the Minister Counselor of the North Vietnamese "
        "Embassy, Comrade Hoan Muoi, on 26 January 1966, in the Cuban Embassy, and on 27 "
        "January 1966, on the Occasion of a Farewell Visit to Our Embassy [Excerpts]",
        {P: ["Hoan Muoi"]},
    ),
    (  # a decree is sent by no one
        "CPSU CC Decree, 'On Introducing Several Revisions to the NPT Draft'",
        {},
    ),
    (  # a representative to NATO
        "Telegram by Permanent Representative to NATO Fulci to Ministry of Foreign Affairs, "
        "'NPG, Point I of the agenda. General Abrahamson's relation about the evolution of the "
        "American research program on SDI'",
        {S: ["Fulci"], R: ["Ministry of Foreign Affairs"]},
    ),
    (  # an office of a republic before its holder, in a quoted record
        "From the Journal of S.M. Kudryaytsev, ‘Record of Conversation with the Prime Minister "
        "of the Republic of Cuba, Fidel Castro, 12 March 1961’",
        {P: ["S.M. Kudryaytsev", "Fidel Castro"]},
    ),
    (  # an office and its holder, then the report's type and subject
        "Czechoslovak Interior Minister Jan Pelnář, Report on Security Situation in "
        "Czechoslovakia on Night of 28-29 March 1969",
        {S: ["Czechoslovak Interior Minister Jan Pelnář"]},
    ),
    (  # relations "to" someone are a subject
        "Relations of the Chinese Communist Party to Some Fraternal Communist Countries",
        {},
    ),
    (  # what a record does, after a comma, is no party
        "Conversations between Romanian Leader Gheorghe Gheorghiu-Dej and Chinese Ambassador "
        "Liu Fang, Referring to Bilateral Relations and the Soviet-Chinese Ideological "
        "Conflict Snagov, 5 June 1964 (excerpts)",
        {P: ["Gheorghiu-Dej", "Liu Fang"]},
    ),
    (  # "and the" before another person's office
        "Memorandum of Conversation between The First Secretary of the Mongolian People’s "
        "Republic and the Head of Delegation of Korean Worker’s Party on the 50th Anniversary "
        "of the Mongolian People’s Revolution",
        {
            P: [
                "First Secretary of the Mongolian People’s Republic",
                "Head of Delegation of Korean Worker’s Party",
            ]
        },
    ),
    (  # an editor's note in parentheses, misspelt; a type before a comma
        "Minutes, Zhou Enlai’s Conversation with Mendes-France (Exerpt)",
        {P: ["Zhou Enlai", "Mendes-France"]},
    ),
    (  # which meeting it was is no party
        "Minutes of Conversation between Zhang Wentian and Harold Caccia, First Meeting",
        {P: ["Zhang Wentian", "Harold Caccia"]},
    ),
    (  # parties joined by a hyphen before the meeting
        "Record of Furui-Zhou Enlai Meeting",
        {P: ["Furui", "Zhou Enlai"]},
    ),
    (  # a type before a comma; presentations are spoken
        "Main points, Zhou Enlai's presentations at the Liuzhou Conference (excerpt)",
        {S: ["Zhou Enlai"]},
    ),
    (  # an author named after a quoted title
        "Draft Memorandum, 'A Comprehensive Solution for Restoring Peace in Indochina,' "
        "Prepared by the Vietnam Group of the Chinese Delegation Attending the Geneva "
        "Conference",
        {S: ["Vietnam Group of the Chinese Delegation"]},
    ),
    (  # a church's office after a name
        "Letter from A. Stelmachowski to Józef Glemp, Primate of Poland",
        {S: ["A. Stelmachowski"], R: ["Józef Glemp"]},
    ),
    (  # recollections by their author
        "Excerpts from Recollections by the Former Soviet Ambassador in North Korea Aleksandr "
        "Kapto",
        {S: ["Aleksandr Kapto"]},
    ),
    (  # a decision "to" do something has no recipient
        "CPSU Politburo Decision to Adopt the Attached Draft Response",
        {},
    ),
    (  # two authors before a quoted title
        "A. Putintsev and V. Gorovoy, 'Key Aspects of Korean-Chinese relations in 1972'",
        {S: ["A. Putintsev", "V. Gorovoy"]},
    ),
    (  # a diary's entry is its diarist's
        "Diary Entry of Amintore Fanfani for 16 January 1963",
        {S: ["Amintore Fanfani"]},
    ),
    (  # "through" an intermediary
        "Memorandum from William R. Tyler to the Secretary [Dean Rusk] through U. Alexis "
        "Johnson, 'Turkish and Italian IRBM's'",
        {S: ["William R. Tyler"], R: ["Rusk"], V: ["U. Alexis Johnson"]},
    ),
    (  # what a cryptogram holds, after its sender
        "Cryptogram No 7067 from Polish Embassy in Moscow, Wording of Soviet-Romanian Agreement",
        {S: ["Polish Embassy in Moscow"]},
    ),
    (  # the editor's author in brackets
        "Directive [from Mao Zedong] Regarding Comrade Yao Wenyuan’s Visit to Albania",
        {S: ["Mao Zedong"]},
    ),
    (  # records of conversations
        "Conversation records between Chairman Mao Zedong and the Soviet Communist Party "
        "Delegation, 18 September 1956",
        {P: ["Mao Zedong", "Soviet Communist Party Delegation"]},
    ),
    (  # the parties after a colon, with a dash
        "Minutes of Conversation: Todor Zhivkov – Konstantin Ustinovich Chernenko, Moscow",
        {P: ["Zhivkov", "Chernenko"]},
    ),
    (  # the parties right after "Memorandum of Conversation"
        "Memorandum of Conversation Austrian Chancellor Franz Vranitzky and East German Prime "
        "Minister Hans Modrow, East-Berlin",
        {P: ["Franz Vranitzky", "Modrow"]},
    ),
    (  # a former office after a name, its complement ending with "Province"
        "Letter from Mohammad Emin Bugra, Former Deputy Chairman of Xinjiang Province, to "
        "Yolbars Khan, Chairman of the Office for the Xinjiang Provincial Government",
        {S: ["Mohammad Emin Bugra"], R: ["Yolbars Khan"]},
    ),
    (  # a country's new ambassador after a name
        "Minutes of Conversation between Nicolae Ceaușescu and Soltan V.H. Sanandaji, Iran’s "
        "New Ambassador to Romania, Bucharest",
        {P: ["Ceaușescu", "Soltan V.H. Sanandaji"]},
    ),
    (  # an office opening with its country before a name
        "East German Ambassador in Mogadishu Herklotz, 'Note About a Conversation with the "
        "USSR Ambassador to the SDR [Somali Democratic Republic], Comrade A. Pasiutin, on March "
        "15, 1973'",
        {S: ["Herklotz"], P: ["Herklotz", "A. Pasiutin"]},
    ),
    (  # an office "for External Affairs" before its holder
        "Letter No. 402 from L.D. Wilgress, Canadian Embassy, Moscow, to the Secretary of State "
        "for External Affairs, W.L. Mackenzie King",
        {S: ["L.D. Wilgress"], R: ["W.L. Mackenzie King"]},
    ),
    (  # "Office of Country and Office Name of Country": two parties
        "The Record of Conversation between Foreign Minister of Mongolian People's Republic "
        "and President Kim Il Sung of North Korea at 21 Dec., 1974",
        {P: ["Foreign Minister of Mongolian People's Republic", "Kim Il Sung"]},
    ),
    (  # two authors joined by a hyphen before a report
        "Mikoyan-Suslov Report",
        {S: ["Mikoyan", "Suslov"]},
    ),
    (  # two surnames joined by "and" before a report
        "Ivanov and Prikhodov Report on the Mongolian Referendum",
        {S: ["Ivanov", "Prikhodov"]},
    ),
    (  # a country's intelligence service reports
        "Cuban Intelligence Report on Ethiopia, 'Síntesis analítica sobre la revolución "
        "etiopica. Proposiciones'",
        {S: ["Cuban Intelligence"]},
    ),
    (  # notes by their keeper, about conversations
        "Translation of Notes Kept by the Hungarian Foreign Minister Rergarding Conversations "
        "with Soviet Representatives",
        {S: ["Hungarian Foreign Minister"]},
    ),
    (  # a note of one party with another
        "Note of Comrade Bergold, East German Ambassador, with the Polish Ambassador in North "
        "Vietnam, Comrade Siedliecky",
        {P: ["Bergold", "Siedliecky"]},
    ),
    (  # comments are spoken: whom they are made to is no recipient
        "Zhou Enlai and Kang Sheng’s comments to a COSVN Delegation",
        {S: ["Zhou Enlai", "Kang Sheng"]},
    ),
    (  # a body in its own consultations
        "East German Ministry for State Security, 'Consultations with KGB 21-24 April 1987, "
        "About Ethiopian Consultation'",
        {
            S: ["East German Ministry for State Security"],
            P: ["East German Ministry for State Security", "KGB"],
        },
    ),
    (  # a body's proposal "to" do something has no recipient
        "Free Europe Committee Proposal to Exploit Berlin Crisis",
        {S: ["Free Europe Committee"]},
    ),
    (  # a cable on someone's meetings names no one who sent it, and takes no part
        "Cable on Ambassador Rubens Ricupero’s Meetings with President Alfonsín and Ambassador "
        "Jorge Sabato about Nuclear Cooperation",
        {},
    ),
    (  # a known name inside a longer one, running on with the family's
        "Letter from Abdullah al Mubarak al Sabbah",
        {S: ["Abdullah al Mubarak al Sabbah"]},
    ),
    # Wade-Giles and variant spellings
    ("Letter, Mao Tse-tung to Chou En-lai", {S: ["Mao Zedong"], R: ["Zhou Enlai"]}),
    ("Telegram from Chu Teh to Kao Kang", {S: ["Zhu De"], R: ["Gao Gang"]}),
    ("Letter from N. Khrushchov to J. Kennedy", {S: ["Khrushchev"], R: ["John F. Kennedy"]}),
    (
        "Discussion between Zhou Enlai, Deng Xioaping, Kang Sheng, Le Duan and Nguyen Duy Trinh",
        {P: ["Zhou Enlai", "Deng Xiaoping", "Kang Sheng", "Le Duan", "Nguyen Duy Trinh"]},
    ),
    (
        "Transcript of Conversation between Todor Zhivokov and Zhao Ziyang in Beijing",
        {P: ["Zhivkov", "Zhao Ziyang"]},
    ),
]


@pytest.mark.parametrize(("title", "roles"), SHAPES)
def test_each_shape(names, title, roles):
    got = parse_title(title, names)
    assert {role: list(getattr(got, role)) for role in ROLES} == {
        role: roles.get(role, []) for role in ROLES
    }


@pytest.mark.parametrize(("title", "sender", "recipient", "via", "participants"), OWN_TITLES)
def test_title_shapes(names, title, sender, recipient, via, participants):
    got = parse_title(title, names)
    assert (list(got.sender), list(got.recipient), list(got.via), list(got.participants)) == (
        sender,
        recipient,
        via,
        participants,
    )


def test_a_host_receives_a_guest(names):
    got = parse_title("Chairman Mao Receives American Writer [Edgar] Snow", names)
    assert (got.sender, got.recipient) == ((), ())
    assert got.participants[0] == "Mao Zedong" and got.participants[1].endswith("Edgar Snow")


def test_the_titles_wording_is_kept(names):
    got = parse_title("Cable, Mao Zedong to Comrade Filippov [Stalin]", names)
    assert got.as_written == ("Mao Zedong", "Filippov [Stalin]")
    # compared to the authority without accents, shown as the title writes them
    got = parse_title("Letter from Gomulka to Khrushchev, Marked 'Final Version'", names)
    assert (got.sender, got.recipient, got.as_written) == (
        ("Gomułka",),
        ("Khrushchev",),
        ("Gomulka", "Khrushchev"),
    )
    title = "Soviet briefing on the talks between Brezhnev and B. Karmal in Moscow"
    assert parse_title(title, names).as_written == ("Brezhnev", "B. Karmal in Moscow")


def test_page_authors_fill_a_missing_sender(names):
    untold = parse_title("Report on the Situation in the Korean Countryside", names)
    merged = merge_authors(untold, ["Shtykov, Terentii", "Ivanov, Pyotr"], names)
    assert merged.sender == ("Shtykov", "Pyotr Ivanov")
    told = parse_title("Cable, Mao Zedong to Stalin", names)
    assert merge_authors(told, ["Zhou, Enlai"], names).sender == ("Mao Zedong",)
    assert merge_authors(Correspondents(), [], names, ["Chou En-lai"]).recipient == ("Zhou Enlai",)


def test_the_benchmark_counts_a_held_out_set_without_its_misses(capsys, tmp_path):
    from benchmarks.correspondents_right import main

    labels = tmp_path / "titles.tsv"
    labels.write_text(
        "title\tsender\trecipient\tvia\tparticipants\n"
        "Cable, Mao Zedong to Stalin\tMao Zedong\tStalin\t-\t-\n"
        "Cable, Mao Zedong to Stalin, for Zhou Enlai\tMao Zedong\tStalin\t-\t-\n",
        encoding="utf-8",
    )
    main([str(labels)])
    shown = capsys.readouterr().out.splitlines()
    main(["--count", str(labels)])
    counted = capsys.readouterr().out.splitlines()
    assert len(shown) > 1 and counted == shown[-1:] and "1 of 2 titles right" in counted[0]


def test_the_benchmark_reads_a_label_as_the_name_authority_writes_it(capsys, tmp_path):
    from benchmarks.correspondents_right import main

    labels = tmp_path / "titles.tsv"
    labels.write_text(
        "title\tsender\trecipient\tvia\tparticipants\n"
        "Ciphered Telegram from Alekseyev to Gromyko\tAlekseyev\tGromyko\t-\t-\n"
        "Letter from Feng Xi (Stalin) to Kim Il Sung (via Shtytkov)\tStalin\tKim Il Sung\t"
        "Shtytkov\t-\n"
        "Ciphered Telegram from Alekseyev to Gromyko\tAleksandrov\tGromyko\t-\t-\n",
        encoding="utf-8",
    )
    main(["--count", str(labels)])
    assert "2 of 3 titles right" in capsys.readouterr().out
