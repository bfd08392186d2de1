"""Correspondents by general rule: each rule read on two or more real titles it was made for.

The titles come from ``tests/data/titles-real-listings-4.tsv`` and later sets (the file is
named beside each rule); the roles are those sets' labels, each title read wrong before its
rule was added.  The rules are shapes of whole titles and checks of what a name can be,
not kinds of single titles.
"""

import pytest
from title_rules import P, R, Rules, S, case_id, cases, check

from searcher.ingest.correspondents import parse_title
from searcher.ingest.correspondents.title_names import Collector

RULES: Rules = {
    # titles-real-listings-4.tsv
    "SENDER TYPE [No.] to RECIPIENT: the type and its number go from the sender": [
        (
            "State Department Telegram 233 to US Embassy Egypt",
            {S: ["State Department"], R: ["US Embassy Egypt"]},
        ),
        (
            "State Department Telegram 010144 to US Embassy Japan, 'Tokai-Mura Negotiations "
            "Text of Notes'",
            {S: ["State Department"], R: ["US Embassy Japan"]},
        ),
        (
            "US Embassy Japan Telegram 14873 to State Department, 'GAO Review: Nuclear "
            "Nonproliferation Act of 1978'",
            {S: ["US Embassy Japan"], R: ["State Department"]},
        ),
    ],
    # titles-real-listings-4.tsv
    "a suffix or an initial after a comma ends the name before it, no name of its own": [
        (
            "Letter, General Duk Shin Choi to General William K. Harrison, Jr. on Civilian "
            "Internees",
            {S: ["Choi"], R: ["Harrison"]},
        ),
        (
            "Letter, M.D. Bagirov to Cdes. Kafar-Zade, Yemel’yanov, Yakubov, T., and Atakishiyev",
            {S: ["Bagirov"], R: ["Kafar-Zade", "Yemel’yanov", "Yakubov", "Atakishiyev"]},
        ),
    ],
    # titles-real-listings-4.tsv
    "a numbered meeting or contact between parties names its participants": [
        (
            "Record of the First Contact between Premier Zhou and Vice Premier Chen Yi and Kosygin",
            {P: ["Zhou", "Chen Yi", "Kosygin"]},
        ),
        (
            "Record of the Fifth Contact between Premier Zhou and Vice Premier Chen Yi and "
            "Kosygin (1)",
            {P: ["Zhou", "Chen Yi", "Kosygin"]},
        ),
        (
            "Eleventh Meeting Between Delegates from North Korea and South Korea",
            {P: ["North Korea", "South Korea"]},
        ),
    ],
    # titles-real-listings-4.tsv
    "NAME, OFFICE, to RECIPIENT: the office after the name is no sender": [
        (
            "William Brubeck, Executive Secretary, to McGeorge Bundy, 'Second Visit by U.S. "
            "Scientists to the Dimona Reactor'",
            {S: ["Brubeck"], R: ["Bundy"]},
        ),
        ("William Brubeck, Executive Secretary, to McGeorge Bundy", {S: ["Brubeck"], R: ["Bundy"]}),
    ],
    # titles-real-listings-4.tsv
    "an office in lower case runs on into its holder's name": [
        (
            "Telegram from Soviet delegate to the UN Zorin to USSR Foreign Ministry",
            {S: ["Zorin"], R: ["USSR Foreign Ministry"]},
        ),
        (
            "Telegram from Soviet delegate to the United Nations V. A. Zorin to USSR Foreign "
            "Ministry",
            {S: ["Zorin"], R: ["USSR Foreign Ministry"]},
        ),
    ],
    # titles-real-listings-4.tsv
    "AUTHOR, TYPE on SUBJECT, 'quoted title': the type and its subject are no second author": [
        (
            "Raúl Castro, Report on his Visit to Africa, 'Informe al Buró Político del Segundo "
            "Secretario del Comité Central del Partido Comunista de Cuba acerca de su visita... "
            "(19 de abril a 7 junio de 1976)'",
            {S: ["Raúl Castro"]},
        ),
        (
            "Raúl Castro, Report on Cuban Technical Assistance to Angola, 'Acerca de la "
            "necesidad de una masiva ayuda técnica (civil) a RPA'",
            {S: ["Raúl Castro"]},
        ),
    ],
    # titles-real-listings-4.tsv (the first printed twice on its page)
    "TYPE from PLACE to PLACE, SENDERS to RECIPIENTS: the route names no one": [
        (
            "Telegram from Baku to Moscow, M.D. Bagriov and I.I. Maslennikov to Cdes. Stalin, "
            "Molotov, Beria, and MalenkovTelegram from Baku to Moscow, M.D. Bagriov and I.I. "
            "Maslennikov to Cdes. Stalin, Molotov, Beria, and Malenkov",
            {S: ["Bagriov", "Maslennikov"], R: ["Stalin", "Molotov", "Beria", "Malenkov"]},
        ),
        (
            "Telegram from Baku to Moscow, M.D. Bagriov and I.I. Maslennikov to Cdes. Stalin, "
            "Molotov, Beria, and Malenkov",
            {S: ["Bagriov", "Maslennikov"], R: ["Stalin", "Molotov", "Beria", "Malenkov"]},
        ),
    ],
    # titles-real-listings-4.tsv, titles-real-listings-2.tsv
    "TYPE from A to B on SUBJECT: 'on' ends the addressees, save a body's own ('Committee on')": [
        (
            "Cable from South African Embassy in the US to the South African Secretary for "
            "Foreign Affairs on South Africa and the Bomb",
            {S: ["South African Embassy in the US"], R: ["South African Secretary for Foreign"]},
        ),
        (
            "Information from D. Stoyanov to M. Balev on Propaganda Against People's Republic of "
            "Bulgaria",
            {S: ["Stoyanov"], R: ["Balev"]},
        ),
    ],
    # titles-real-listings-4.tsv, titles-real-listings-3.tsv
    "a plural office after 'and' shares the group before it: one group of addressees": [
        (
            "CPSU CC Politburo Directive to Soviet Ambassadors and Representatives, 'Carrying Out "
            "Additional Measures to Counter American-Chinese Military Cooperation'",
            {S: ["CPSU CC Politburo"], R: ["Soviet Ambassadors and Representatives"]},
        ),
        (
            "Note from the GPRA Secretary General to Foreign Missions and Delegations, ‘Our "
            "Foreign Policy’",
            {S: ["GPRA Secretary General"], R: ["Foreign Missions and Delegations"]},
        ),
    ],
    # titles-real-listings-4.tsv, titles-real-listings-3.tsv, titles-more.tsv
    "A [to B], 'Record of Conversation with C': the record's author talked with C": [
        (
            "S. Kudryavtsev to A.F. Dobrynin, 'Record of Conversation with Raúl Roa, Minister of "
            "Foreign Affairs, 14 September 1960'",
            {S: ["Kudryavtsev"], R: ["Dobrynin"], P: ["Kudryavtsev", "Roa"]},
        ),
        (
            "A. Rapacki, 'Record of Conversation with the Ambassador of Great Britain, on May 17, "
            "1958'",
            {S: ["Rapacki"], P: ["Rapacki", "Ambassador of Great Britain"]},
        ),
        (  # a message's subject, no record: no participants
            "Cable from Wang Bingnan to the Foreign Ministry, 'Sixteenth Meeting with Ambassador "
            "Beam'",
            {S: ["Wang Bingnan"], R: ["Foreign Ministry"]},
        ),
    ],
    # titles-real-listings-4.tsv
    "the reception or audience of a guest: the host and the guest take part": [
        (
            "From the Journal of A. A. Gromyko, 'Reception of the Ambassador of Iran in Moscow "
            "Nader Arasteh, 21 July 1949'",
            {P: ["Gromyko", "Arasteh"]},
        ),
        (
            "From the Diary of V.M. Molotov, Reception of the Chinese Ambassador to France, Jing "
            "Tai, on 6 May 1946 at 3:00 p.m. in the Soviet Embassy in Paris",
            {P: ["Molotov", "Jing Tai"]},
        ),
    ],
    # titles-real-listings-4.tsv (the second, its first quoted subject alone)
    "a lone word with a common noun's ending, unknown as a name, is a subject's word": [
        (
            "Memorandum of Conversation, 'Non-Proliferation and Reprocessing in Japan,' with "
            "Attached 'Possible Basis of Japan-US Understanding of Nuclear Fuel Cycle'",
            {},
        ),
        ("Memorandum of Conversation, 'Non-Proliferation and Reprocessing in Japan'", {}),
    ],
    # titles-real-listings-5.tsv, titles-real-listings-3.tsv
    "AUTHOR, SERIES NUMBER, 'quoted title': a document's series and number name no one": [
        (
            "Central Intelligence Group, ORE 5/1, 'The Situation in Korea'",
            {S: ["Central Intelligence Group"]},
        ),
        (
            "National Security Council Report, NSC 8/1, 'The Position of the United States with "
            "Respect to Korea'",
            {S: ["National Security Council"]},
        ),
        (
            "North Asia Department No. 720035, 'Summary of (redacted)’s Debrief on North Korea "
            "following his Three-week Mission to North Korea from this Past mid-April'",
            {S: ["North Asia Department"]},
        ),
        (  # the estimate is the document, no author
            "National Intelligence Estimate, NIE 4-66, 'The Likelihood of Further Nuclear "
            "Proliferation'",
            {},
        ),
    ],
    # titles-real-listings-5.tsv
    "a body's members in lower case before their names: the members": [
        (
            "Telegram from Soviet Politburo members Mikoyan and Suslov reporting on the "
            "situation in Hungary",
            {S: ["Mikoyan", "Suslov"]},
        ),
        (
            "Report from Politburo members Mikoyan and Suslov on the crisis in Hungary",
            {S: ["Mikoyan", "Suslov"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "TYPE of NAME Meeting with B: the one named before the meeting takes part": [
        (
            "Cable, Summary of Averell Harriman Meeting with Stalin and T. V. Soong",
            {P: ["Harriman", "Stalin", "Soong"]},
        ),
        (
            "Cable, Summary of Averell Harriman Meeting with T. V. Soong",
            {P: ["Harriman", "Soong"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "A's receiving of B, A's calling on B: a conversation of A and B": [
        (
            "Record of Conversation from Premier Zhou’s receiving of the Hungarian Ambassador to "
            "China Ágoston Szkladán on his Farewell Visit",
            {P: ["Zhou", "Szkladán"]},
        ),
        (
            "Record of Conversation from Premier Zhou's Calling on Chief of Staff Ne Win",
            {P: ["Zhou", "Ne Win"]},
        ),
    ],
    # titles-real-listings-5.tsv, titles-real-archive.tsv
    "A's TYPE on a Trip to PLACE: the trip's 'to' names no recipient": [
        ("J. Burgin's Report on a Trip to North Korea", {S: ["Burgin"]}),
        (  # the last "to" after the subject does
            "Alexei Adzhubei's Account of His Visit to Washington to the Central Committee of "
            "the Communist Party of the Soviet Union",
            {S: ["Adzhubei"], R: ["Central Committee of the Communist Party of the Soviet Union"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "TYPE [on SUBJECT] for ADDRESSEE, sent from PLACE to PLACE: the addressee": [
        (
            "Secret Daily Information Bulletin for the Prime Minister Georgi Dimitrov, "
            "communicated from Sofia to Moscow",
            {R: ["Dimitrov"]},
        ),
        (
            "Information on the Chinese Question for the Leaderships of the Fraternal Parties of "
            "the Socialist Countries",
            {R: ["Leaderships of the Fraternal Parties of the Socialist Countries"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "an office after a name, a nationality's adjective inside a body's name: no one more": [
        (
            "Note from G. Dobashin, Consul-General of the USSR in Ürümchi, to Comrades N.T. "
            "Fedorenko, Zimianin, and P.F. Iudin",
            {S: ["Dobashin"], R: ["Fedorenko", "Zimianin", "Yudin"]},
        ),
        (
            "Cable from the Division of Soviet and East European Affairs to the Chinese Embassy "
            "in the Soviet Union",
            {
                S: ["Division of Soviet and East European Affairs"],
                R: ["Chinese Embassy in the Soviet Union"],
            },
        ),
    ],
    # titles-real-listings-5.tsv, titles-real-listings-2.tsv
    "a conversation 'with' someone before a dinner: its parties, not the dinner's host": [
        (
            "Discussion of Comrade Nicolae Ceausescu with A. N. Shelepin, at a Dinner Offered by "
            "the CPSU CC, in Honor of the Foreign Delegations at the 23rd Congress of the CPSU",
            {P: ["Ceau", "Shelepin"]},
        ),
        (
            "Memorandum of Discussions at a Dinner Hosted by Corneliu Manescu in Honor of "
            "Marshal I.I. Yakubovksy",
            {P: ["Manescu", "Yakubovksy"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "a nationality's TYPE to RECIPIENT: the recipient, no sender": [
        (
            "Soviet Report to East German Leadership on Sino-Soviet Border Clashes",
            {R: ["East German Leadership"]},
        ),
    ],
    # titles-real-listings-5.tsv, titles-real-listings-4.tsv
    "an office's 'to' marked one office at a time: two offices in a title, each with its holder": [
        (
            "Record of a Conversation between Chinese Ambassador to Burma Geng Biao and Burmese "
            "Ambassador to China Jiao Wen",
            {P: ["Geng Biao", "Jiao Wen"]},
        ),
        (
            "Telegram from Soviet Ambassador to Cuba A.I. Alekseev to USSR Foreign Ministry",
            {S: ["Alekseev"], R: ["USSR Foreign Ministry"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "a discussion held by A with B, or held on a date between A and B, names its parties": [
        (
            "Memorandum of a Discussion held by USSR Consul-General in Ürümchi, G S. Dobashin, "
            "with First Secretary of the Party Committee of the Xinjiang Uyghur Autonomous "
            "Region, Comrade Wang Enmao, and Chair of the People’s Committee, Comrade S. Äzizov",
            {P: ["Dobashin", "Wang Enmao", "Äzizov"]},
        ),
        (
            "Notes from the Completed Discussions of 11 and 12 January 1957 between the "
            "Delegates of the Chinese People’s Republic and Poland (Excerpts)",
            {P: ["Chinese People’s Republic", "Poland"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "a note of conversation 'regarding' an audience: what it records, the audience's parties": [
        (
            "Note of Conversation Regarding Audience of Leslie Charles Glass, the Ambassador of "
            "Great Britain in Bucharest, with Comrade Nicolae Ceaucescu, General Secretary of the "
            "Central Committee of the Rumanian Communist Party",
            {P: ["Glass", "Ceau"]},
        ),
    ],
    # titles-real-listings-4.tsv, titles-real-archive.tsv
    "TYPE No. N of a BODY for a period: the body, however long its name; a span's 'to' no one": [
        (
            "Report No. 3 of the Embassy of the People’s Republic of Poland in the Democratic "
            "Republic of Korea for the period of 1 May 1953 to 25 June 1953",
            {S: ["Embassy of the People’s Republic of Poland in the Democratic Republic of Korea"]},
        ),
        (
            "Conversation between General de Gaulle and Marshal Stalin at the Kremlin 6 December "
            "1944 from 18:00 to 19:45",
            {P: ["de Gaulle", "Stalin"]},
        ),
    ],
    # titles-real-listings-4.tsv, titles-real-listings-3.tsv
    "TYPE from A with a Message to B: A's own message to B, unless another wrote it": [
        (
            "Ciphered Telegram from Molotov with a Message to Kim Il Sung",
            {S: ["Molotov"], R: ["Kim Il Sung"]},
        ),
        (
            "Cipher Message No. 145101 from Meretskov and Grushevoy with a Letter to Stalin from "
            "Residents of Dalian",
            {S: ["Meretskov", "Grushevoy"]},
        ),
    ],
    # titles-real-listings-5.tsv, titles-real-listings-tuning.tsv
    "TYPE from A, 'quoted title': its parties only when it records the talk, not a subject": [
        ("Cable from Wang Bingnan, 'The Situation of the Talk with Ochab'", {S: ["Wang Bingnan"]}),
        (
            "Cable from the Foreign Ministry, 'Notice on Holding Vice Foreign Minister Level Talks "
            "Between China and Vietnam'",
            {S: ["Foreign Ministry"]},
        ),
        (
            "Cable from the Chinese Foreign Ministry, 'Summary of Conversation between Chairman "
            "Mao and Governor Sampaio of Brazil'",
            {S: ["Chinese Foreign Ministry"], P: ["Mao Zedong", "Sampaio"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-5.tsv
    "BODY, the BODY it belongs to, 'quoted title': the first body; a body 'on' what it is for": [
        (
            "Commission on Questions of the Chernobyl Catastrophe, Supreme Soviet of the "
            "Ukrainian SSR, 'On Some Problems in the Elimination of the Consequences of the "
            "Accident at the Chernobyl Atomic Energy Station'",
            {S: ["Commission on Questions of the Chernobyl Catastrophe"]},
        ),
        (
            "Embassy of the GDR in the USSR, Political Department, 'Note about a Meeting with "
            "Comrade Kireyev, Deputy Head of the 1st Far Eastern Department of the MID on 24 May "
            "1977'",
            {S: ["Embassy of the GDR in the USSR"], P: ["Kireyev"]},
        ),
        (
            "United Nations Bureau, Japanese Foreign Ministry, 'Our Lobbying on the Nuclear "
            "Non-Proliferation Treaty (Draft)'",
            {S: ["United Nations Bureau"]},
        ),
    ],
}

CASES = cases(RULES)


@pytest.mark.parametrize(("rule", "title", "roles"), CASES, ids=[case_id(c) for c in CASES])
def test_rule(rule, title, roles):
    check(rule, title, roles)


@pytest.mark.parametrize(
    ("piece", "wanted"),
    [
        # pieces of real titles (titles-real-listings-5.tsv, -3.tsv, -tuning.tsv)
        ("the Current Situation and its Solutions", []),
        ("Non-Proliferation and Reprocessing in Japan", []),
        (
            "Chairman of the Palestine Liberation Organization Ahmad Shukeiri",
            ["Chairman of the Palestine Liberation Organization Ahmad Shukeiri"],
        ),
        ("Nevada-Semipalatinsk Movement", ["Nevada-Semipalatinsk Movement"]),
    ],
)
def test_what_can_be_a_correspondent(names, piece, wanted):
    """A person, a body, an office or a place; never a subject's abstract nouns."""
    assert Collector(names).names(piece) == wanted


@pytest.mark.parametrize(
    "title",
    [
        "United Nations Bureau, Japanese Foreign Ministry, 'Our Lobbying on the Nuclear "
        "Non-Proliferation Treaty (Draft)'",
        "Embassy of the GDR in the USSR, Political Department, 'Note about a Meeting with Comrade "
        "Kireyev, Deputy Head of the 1st Far Eastern Department of the MID on 24 May 1977'",
    ],
)
def test_the_first_body_sends_with_the_body_it_is_in(names, title):
    """The body that wrote, named with the body it belongs to, one sender
    (titles-real-listings-3.tsv, -5; -8 labels the two together)."""
    sender = parse_title(title, names).sender
    assert len(sender) == 1
    assert sender[0] == ", ".join(title.split(", ")[:2])
