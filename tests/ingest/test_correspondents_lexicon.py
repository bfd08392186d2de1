"""Correspondents read by general mechanisms: the lexicon of document kinds, the name
authority's restraint, offices beside names, participants a record lists.

Titles are real ones from the labelled sets in ``tests/data`` (the file is named beside each
mechanism); the roles are those sets' labels.
"""

import pytest
from title_rules import P, R, Rules, S, authority, case_id, cases, check

from searcher.ingest.correspondents import offices, parse_title
from searcher.ingest.correspondents.words import MARK
from searcher.names import NameAuthority

MECHANISMS: Rules = {
    # titles-real-listings-8.tsv, titles-real-listings-3.tsv
    "a kind issued by the body after 'of' or 'by'": [
        (
            "Decree by the USSR Council of People’s Commissars on Establishing a School in Tabriz",
            {S: ["USSR Council of People’s Commissars"]},
        ),
        (
            "Decree by the USSR Council of People's Commissars on the Organization of Soviet "
            "Industrial Enterprises in Northern Iran",
            {S: ["USSR Council of People's Commissars"]},
        ),
        (
            "Decree of the State Defense Committee on Geological Prospecting Work for Oil in "
            "Northern Iran",
            {S: ["State Defense Committee"]},
        ),
        (
            "Findings of the Commission of the USSR Congress of People’s Deputies to Investigate "
            "the Events which Occurred in the City of Tbilisi on 9 April 1989",
            {S: ["Commission of the USSR Congress of People’s Deputies"]},
        ),
        (
            "Order of the Committee of State Security [KGB] of the USSR",
            {S: ["Committee of State Security"]},
        ),
        ("CPSU CC Decree, 'On Introducing Several Revisions to the NPT Draft'", {}),
        ("VKP(b) CC Decree Draft, Soviet-Iranian Negotiations", {}),
    ],
    # titles-real-listings-8.tsv
    "a kind sent by whoever is named before it": [
        (
            "Budapest Legation Dispatch No. 372, Radio Free Europe Hungarian Broadcasts Appraised",
            {S: ["Budapest Legation"]},
        ),
    ],
    # titles-real-listings-8.tsv
    "a record's participants after 'with participation by'": [
        (
            "Working Notes from the Session of the CPSU CC Presidium on 3 November 1956, with "
            "Participation by J. Kadar, F. Munnich, and I. Horvath",
            {P: ["Kádár", "Munnich", "Horvath"]},
        ),
    ],
    # titles-real-listings-8.tsv
    "a known name inside a longer one is not that person": [
        (
            "Memorandum from Ambassador Figuerero to Castro Madero",
            {S: ["Figuerero"], R: ["Castro Madero"]},
        ),
        (
            "Minutes of Conversation between Todor Zhivkov and Muammar al-Qaddafi , Tripoli",
            {P: ["Zhivkov", "Qaddafi"]},
        ),
        # titles-real-dumps.tsv: an owner's thing after the name is no longer name
        (
            "Zhou Enlai's Report to Mao Zedong and Mao's Comments",
            {S: ["Zhou Enlai"], R: ["Mao Zedong"]},
        ),
    ],
    # titles-real-listings-8.tsv, titles-real-listings-5.tsv, titles-real-archive.tsv
    "a body before a quoted title sends it, not the body it is in": [
        (
            "Foreign Affairs Department of the Central Committee of the Hungarian Socialist "
            "Workers' Party, 'Report on the Party and Government Delegation’s Visit to Cuba'",
            {
                S: [
                    "Foreign Affairs Department of the Central Committee of the Hungarian "
                    "Socialist Workers' Party"
                ]
            },
        ),
        (
            "Faculty of Mathematics and Physics at Charles University, Prague, 'Resolution "
            "Adopted by the Faculty Organization of the Czechoslovak Youth Union'",
            {S: ["Faculty of Mathematics and Physics at Charles University"]},
        ),
        (
            "Commission on Questions of the Chernobyl Catastrophe, Supreme Soviet of the "
            "Ukrainian SSR, 'On Some Problems in the Elimination of the Consequences of the "
            "Accident at the Chernobyl Atomic Energy Station'",
            {S: ["Commission on Questions of the Chernobyl Catastrophe"]},
        ),
    ],
    # titles-real-listings-8.tsv
    "a gathering before a quoted title is no author": [
        (
            'Session of the CPSU CC Politburo, "On the Results of a Visit to the USSR by the '
            "First Secretary of the Polish United Workers' Party, Cde. S. Kania, and the "
            'Chairman of the PPR Council of Ministers, Cde. J. Pinkowski," 31 October 1980',
            {},
        ),
    ],
    # titles-real-listings-8.tsv, titles-real-listings-7.tsv
    "an office beside a name, or standing alone, is no second name": [
        (
            "Memorandum, by L.D. Battle, Executive Secretary, to McGeorge Bundy, Special "
            "Assistant to the President for National Security Affairs, 'American Scientists’ "
            "Visit to Israel’s Dimona Reactor'",
            {S: ["Battle"], R: ["Bundy"]},
        ),
        (
            "Memorandum by Director of Global Issues, 'President Sarney and Brazil´s Nuclear "
            "Policy'",
            {S: ["Director of Global Issues"]},
        ),
        (
            "Memorandum of Conversation between Senior Cuban Communist Carlos Rafael Rodriguez "
            "and Czechoslovak Communist Party (CPCz) official Vladimir Koucky, Prague, 25 May 1965",
            {P: ["Rodríguez", "Koucky"]},
        ),
    ],
    # titles-real-listings-8.tsv
    "a person named after a description of who they are": [
        (
            "Telegram from an official in the Albanian embassy in Beijing Lilo Zeneli to the "
            "Ministry of Foreign Affairs of Albania",
            {S: ["Lilo Zeneli"], R: ["Ministry of Foreign Affairs of Albania"]},
        ),
        (
            "Minutes of the meeting between the Democratic Republic of Vietnam’s delegate Tran "
            "Dinh Thu with an Albanian official Shpresa Fuga on June 6, 1964",
            {P: ["Tran Dinh Thu", "Shpresa Fuga"]},
        ),
        # titles-real-listings-2.tsv: a quoted subject's name is no description's
        (
            "Report from Várkonyi József 'The visit of Korean ambassador Pak Gyeong-sun'",
            {S: ["Várkonyi József"]},
        ),
    ],
    # titles-real-listings-8.tsv
    "the parties a record of conversation lists in its quoted title": [
        (
            "Memorandum of Conversation, 'President Kennedy, Prime Minister Ben-Gurion, "
            "Ambassador Avraham Harman of Israel, Myer Feldman of the White House Staff, and "
            "Philips Talbot, Assistant Secretary, Near East and South Asian Affairs'",
            {P: ["Kennedy", "Ben-Gurion", "Harman", "Feldman", "Talbot"]},
        ),
        (
            "Memorandum of Conversation, 'Official German Intentions Vis-a-Vis Radio Free Europe'",
            {},
        ),
    ],
    # titles-real-listings-8.tsv
    "editors' added parties and handling marks": [
        (
            "Conversation with Comrade Mao Zedong [and Beqir Balluku], on 1 October 1968 during "
            "the parades organized on the occasion of the 19th anniversary of liberation on "
            "Tiananmen",
            {P: ["Mao Zedong", "Balluku"]},
        ),
        (
            "Telegram from Pyongyang to Bucharest, TOP SECRET, No. 76.020, Flash",
            {S: ["Pyongyang"], R: ["Bucharest"]},
        ),
    ],
    # titles-real-listings-8.tsv, titles-real-listings-tuning.tsv
    "notes kept of one's own conversation send nothing; a memorandum of it is sent": [
        (
            "Bierut's Notes of a Conversation with Stalin on the Situation in the Polish "
            "Socialist Party (PPS) and Preparations for Parliamentary Elections in Poland",
            {P: ["Bierut", "Stalin"]},
        ),
        (
            "Gomulka’s Memorandum of a Conversation with Stalin",
            {S: ["Gomułka"], P: ["Gomułka", "Stalin"]},
        ),
    ],
    # titles-real-listings-8.tsv, titles-real-archive.tsv
    "two parties before what they discuss, with or without the record's type": [
        (
            "Saddam Hussein and His Advisers Discussing Iraq's Decision to Go to War with Iran",
            {P: ["Saddam Hussein", "His Advisers"]},
        ),
        (
            "Transcript of Vice Premier Cheny Yi and Soviet Ambassador S.V. Chervonenko "
            "discussing the Laos Issue",
            {P: ["Chen Yi", "Chervonenko"]},
        ),
    ],
    # titles-real-listings-7.tsv
    "a document's own title after its addressee, and a proposal as a kind": [
        (
            "Czechoslovak Embassy in La Paz to Ministry of Foreign Affairs, Economic Policy Report",
            {S: ["Czechoslovak Embassy in La Paz"], R: ["Ministry of Foreign Affairs"]},
        ),
        (
            "Proposal to the Presidium of the Central Committee of the Communist Party of "
            "Czechoslovakia, 'Help to the People’s Progressive Party of British Guiana'",
            {R: ["Presidium of the Central Committee of the Communist Party of Czechoslovakia"]},
        ),
    ],
    # titles-real-listings-5.tsv, titles-real-listings-7.tsv
    "a diarist and whom the quoted entry describes": [
        (
            "From the Journal of N.G. Sudarikov, 'General Secretary of the CC and Chairman of "
            "the DPRK Cabinet of Ministers, Kim Il Sung'",
            {P: ["Sudarikov", "Kim Il Sung"]},
        ),
        (
            "Journal of Second Secretary at the Soviet Embassy in the DPRK V.S. Nemchinov, "
            "'Record of a Conversation with Kim Chae-Won, Chief of the DPRK MFA Department of "
            "International Information'",
            {P: ["Nemchinov", "Kim Chae-Won"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-7.tsv
    "people named by where they come from keep their 'from'": [
        (
            "Conversation from [Mao Zedong's] Audience with Guests from Africa",
            {P: ["Mao Zedong", "Guests from Africa"]},
        ),
        (
            "Conversation from [Mao Zedong's] Audience with a Government and Economic Delegation "
            "and Women's Delegation from Guinea",
            {
                P: [
                    "Mao Zedong",
                    "Government and Economic Delegation",
                    "Women's Delegation from Guinea",
                ]
            },
        ),
    ],
    # titles-real-listings-7.tsv
    "an officer named by rank before a comma and his document's type": [
        ("Maj. Witold Osinski, Reports on the Events of 19-23 October 1956", {S: ["Osinski"]}),
    ],
    # titles-real-listings-7.tsv, titles-real-listings-8.tsv
    "an office whose complement ends in an abbreviation or a country is no name": [
        (
            "Transcript of Conversations Between the Romanian Delegation Led by First Secretary "
            "of the C.C. of the R.W.P., Nicolae Ceausescu, and the Chinese Delegation, Led by "
            "Premier of the Council of State of the Chinese P.R., Zhou Enlai",
            {P: ["Ceaușescu", "Zhou Enlai"]},
        ),
        (
            "Records of the Talks between GDR Comrade Erich Honecker, and Member of the "
            "Politburo and Minister for Foreign Affairs the USSR, Eduard A. Shevardnadze",
            {P: ["Honecker", "Shevardnadze"]},
        ),
    ],
    # titles-real-listings-7.tsv
    "an unknown acronym after a person is the person's body": [
        (
            "Airgram No. 68 from Swift to Admiral Stevens, AMCOMLIB, with attachment 'Joint "
            "Agreement on Principles Governing Programs Broadcast by Radio Liberation'",
            {S: ["Swift"], R: ["Stevens"]},
        ),
    ],
    # titles-real-listings-6.tsv, titles-real-listings-7.tsv
    "a series of documents named by what they are has no author": [
        ("US Interagency Intelligence Memorandum, 'The 22 September 1979 Event'", {}),
        (
            "National Intelligence Daily Cable, NIDC 78/007C, 'Argentina: No Treaty Ratification'",
            {},
        ),
    ],
    # titles-real-listings-8.tsv
    "who held a conversation is no party named after it": [
        (
            "Osóbka Morawski's Notes of a Conversation with Stalin in Sochi Held by PPR and PPS "
            "Delegations",
            {P: ["Osóbka Morawski", "Stalin"]},
        ),
    ],
    # titles-real-archive.tsv, titles-real-listings-4.tsv: kinds read by their authors after
    # "by", but after "of" only their subject
    "kinds the lexicon reads by their authors": [
        (
            "Assessment by the Austrian Foreign Ministry, 'Question of German Unity (State of "
            "affairs, February 1990)'",
            {S: ["Austrian Foreign Ministry"]},
        ),
        (
            "Analysis by Envoy Thomas Nowotny, 'The Specter of German Reunification'",
            {S: ["Nowotny"]},
        ),
        (
            "Nguyễn Thủ Thanh, 'A Study of the Use of a Number of Psychological Characteristics "
            "of Ethnic Chinese in the Interrogation of Accused and Suspected Chinese Spies'",
            {S: ["Nguyễn Thủ Thanh"]},
        ),
        ("Memorandum on Evaluation of Radio Free Europe by US Legation in Hungary", {}),
    ],
    # titles-real-listings-2.tsv
    "a kind written by whoever is named before a colon": [
        ("Tran Quang Co: A Memoir", {S: ["Tran Quang Co"]}),
    ],
}


CASES = cases(MECHANISMS)


@pytest.mark.parametrize(("rule", "title", "roles"), CASES, ids=[case_id(c) for c in CASES])
def test_mechanism(rule, title, roles):
    check(rule, title, roles)


@pytest.mark.parametrize(
    ("title", "role", "names"),
    [
        # titles-real-listings-8.tsv: a known surname inside a longer name
        ("Memorandum from Ambassador Figuerero to Castro Madero", R, ("Castro Madero",)),
        # titles-real-archive.tsv, titles-real-listings*.tsv: a misspelling, a known longer
        # form, a day or a verb after the name are no longer name
        (
            "Telegram, Zhou Enlai to Mao Zeong, Liu Shaoqi, and the CCP Central Committee",
            R,
            ("Mao Zedong", "Liu Shaoqi", "CCP Central Committee"),
        ),
        (
            "From the Journal of A.I. Alekseyev, 'Record of a Conversation with Raul Castro Ruz, "
            "Minister of the Armed Forces of the Republic of Cuba, 6-7 January 1963'",
            P,
            ("Alekseev", "Raúl Castro"),
        ),
        (
            "Account of General de Gaulle's Meeting with Marshal Stalin Saturday, 2 December at "
            "21:00 at the Kremlin",
            P,
            ("de Gaulle", "Stalin"),
        ),
        (
            "Letter from Czech Communist Politicians to Brezhnev Requesting Soviet Intervention "
            "in Prague Spring",
            R,
            ("Brezhnev",),
        ),
    ],
)
def test_a_known_name_runs_on_only_into_another_name(title, role, names):
    """The authority's name, or the longer name as written; never a name and what follows."""
    assert getattr(parse_title(title, authority()), role) == names


def test_a_gathering_or_a_pronoun_alone_is_no_party():
    """titles-real-listings-8.tsv: "the Talks" and "Him" name nobody."""
    got = parse_title(
        "Account on the Reception of the Delegation of Our Party by Comrade Kim Il Sung and the "
        "Talks that Took Place in this Meeting between Him and Comrade Manush",
        authority(),
    )
    assert "Kim Il Sung" in got.participants and "Manush" in got.participants
    assert not {"Talks", "Him"} & set(got.participants)


@pytest.mark.parametrize(
    ("title", "sender", "recipient", "participants"),
    [
        # titles-real-listings-tuning.tsv, titles-real-archive.tsv: read with no name known
        (
            "Anatoly Chernyaev, Notes from a Meeting of the Politburo",
            ("Anatoly Chernyaev",),
            (),
            (),
        ),
        (
            "KGB Memo of Council Minister of the USSR, Y. Andropov, 25 January 1971",
            ("Y. Andropov",),
            (),
            (),
        ),
        (
            "Cable from the Central Committee of the Communist Party of the Soviet Union to Tito "
            "and Central Committee of the League Of Communists Of Yugoslavia",
            ("Central Committee of the Communist Party of the Soviet Union",),
            ("Tito", "Central Committee of the League Of Communists Of Yugoslavia"),
            (),
        ),
        # titles-real-listings-tuning.tsv, titles-real-archive.tsv, titles-real-listings-3.tsv: a
        # lone surname before a kind authors it; a word that qualifies the kind does not
        ("Andropov Report, 28 October 1956", ("Andropov",), (), ()),
        ("Zhukov report on the situation in Hungary as of 12 noon", ("Zhukov",), (), ()),
        ("Background report on Ethiopia’s Relations with Western Countries", (), (), ()),
        (
            "Department III Deputy Director Lewandowski, 'File Note regarding the British "
            "Position regarding the Rapacki Plan'",
            ("Lewandowski",),
            (),
            (),
        ),
        # titles-real-dumps.tsv: the addressee's own document after "and" is no addressee
        (
            "Zhou Enlai's Report to Mao Zedong and Mao's Comments",
            ("Zhou Enlai",),
            ("Mao Zedong",),
            (),
        ),
        # titles-real-archive.tsv: a possessive before the kind names its sender
        (
            "Zhou Enlai’s Brief Statement to British Chargé d'affaires ad interim Con O’Neill "
            "Regarding the Princess of Kashmir Investigation",
            ("Zhou Enlai",),
            ("Con O’Neill",),
            (),
        ),
        # titles-real-archive.tsv: the parties after "Conversation from the Meeting between"
        (
            "Memorandum of Conversation from the Meeting between Vice Premier Chen Yi and the "
            "Albanian Ambassador to China Reis Malile",
            (),
            (),
            ("Chen Yi", "Reis Malile"),
        ),
        # titles-real-archive.tsv: who was present took part
        (
            "Report of the Conversation by Carlos Rafael Rodrigeuez with Nikita Jruschov, with "
            "the Presence of Anastas Mikoyan on 11 December 1962",
            (),
            (),
            ("Carlos Rafael Rodrigeuez", "Nikita Jruschov", "Anastas Mikoyan"),
        ),
        # titles-real-listings-5.tsv, titles-real-listings-4.tsv
        (
            "Report from Politburo members Mikoyan and Suslov on the crisis in Hungary",
            ("Mikoyan", "Suslov"),
            (),
            (),
        ),
        (
            "CPSU CC Politburo Directive to Soviet Ambassadors and Representatives, 'Carrying Out "
            "Additional Measures to Counter American-Chinese Military Cooperation'",
            ("CPSU CC Politburo",),
            ("Soviet Ambassadors and Representatives",),
            (),
        ),
        (
            "From the Diary of S. V. Chervonenko, Memorandum of Conversation between Soviet "
            "Ambassador to China Stepan V. Chervonenko and Mongolian Ambassador to China "
            "Dondongiin Tsevegmid",
            (),
            (),
            ("S. V. Chervonenko", "Dondongiin Tsevegmid"),
        ),
    ],
)
def test_people_the_authority_does_not_know(title, sender, recipient, participants):
    """A person's name by its shape, a lone name before "and" a body, one person written twice:
    read without the name authority's help, as unseen titles' people often must be."""
    got = parse_title(title, NameAuthority())
    assert (got.sender, got.recipient, got.participants) == (sender, recipient, participants)


@pytest.mark.parametrize(
    ("title", "protected"),
    [
        # titles-real-archive.tsv, titles-real-listings-tuning.tsv: a nationality before the
        # office, or a later "to", makes the office's "to" the office's
        (
            "Minutes of Conversation between Chinese Premier Zhou Enlai and the Newly Appointed "
            "Indian Ambassador to China Ratan Kumar Nehru",
            True,
        ),
        ("Telegram from Soviet Ambassador to Cuba A.I. Alekseev to USSR Foreign Ministry", True),
        # titles-real-archive.tsv, titles-real-listings-3.tsv: the post before another "to", a
        # comma or the end
        (
            "Telegram No. ROM/101/1/73 Indian Ambassador to Italy to Ministry of External Affairs",
            True,
        ),
        (
            "Memorandum of Conversation between Emil Bodnaras and Harry G. Barnes, US Ambassador "
            "to Romania",
            True,
        ),
        # titles-real-listings-3.tsv: "to" a gathering is no post
        (
            "On the Three Principles of National Reunification, Conversations with the South "
            "Korean Delegates to the High-Level Political Talks between North and South Korea",
            False,
        ),
    ],
)
def test_a_post_the_place_list_does_not_know(monkeypatch, title, protected):
    """With no place known, an office's "to" before one word and a name is still the office's."""
    monkeypatch.setattr(offices, "place_end", lambda words, start: start)
    assert (MARK in offices.protect_office_to(title)) == protected


@pytest.mark.parametrize(
    ("body", "piece", "sits"),
    [
        # titles-real-archive.tsv: "Letter No. 402 from L.D. Wilgress, Canadian Embassy, ..."
        ("Canadian Embassy", "Ottawa", True),
        # a place no list knows, one plain word after a body
        ("Romanian Embassy", "Quetzaltenango", True),
        # titles-real-listings-tuning.tsv: "Letter by the Chairman of the SPD, Brandt, to ..."
        ("the Chairman of the SPD", "Brandt", False),
        ("Romanian Embassy", "Report", False),
    ],
)
def test_where_a_body_sits(body, piece, sits):
    """A piece after a body is where it sits, not a second correspondent; after an office of a
    body it is the office's holder."""
    assert offices.where_it_sits(body, piece) == sits


def test_where_a_body_sits_is_no_correspondent():
    """titles-real-archive.tsv, read with no name known."""
    got = parse_title(
        "Letter No. 402 from L.D. Wilgress, Canadian Embassy, Ottawa, to the Secretary of State "
        "for External Affairs, W.L. Mackenzie King",
        NameAuthority(),
    )
    assert (got.sender, got.recipient) == (("L.D. Wilgress",), ("W.L. Mackenzie King",))
    got = parse_title(
        "Letter by the Chairman of the SPD, Brandt, to the General Secretary of the CC of the "
        "CPSU, Gorbachev",
        NameAuthority(),
    )
    assert (got.sender, got.recipient) == (("Brandt",), ("Gorbachev",))


@pytest.mark.parametrize(
    ("title", "sender"),
    [
        # titles-real-listings-tuning.tsv, titles-real-listings-5.tsv: read with no name known
        ("Andropov Analysis, 28 October 1956", ("Andropov",)),
        ("J. Burgin's Assessment on a Trip to North Korea", ("J. Burgin",)),
        ("Ivanov and Prikhodov Dispatch on the Mongolian Referendum", ("Ivanov", "Prikhodov")),
    ],
)
def test_any_kind_of_the_lexicon_names_its_author(title, sender):
    """The real titles with "Report" written as another kind the lexicon knows: the patterns
    that name an author before a kind, or by a possessive, take every kind of the lexicon."""
    assert parse_title(title, NameAuthority()).sender == sender
