"""Correspondents by general kinds of title shape that the labelled sets' misses showed, each
read on real titles of it (the sets are named beside each kind, the first the one whose misses
showed it; the roles are their labels)."""

import pytest
from title_rules import P, R, Rules, S, V, authority, case_id, cases, check

from searcher.ingest.correspondents import parse_title

KINDS: Rules = {
    # titles-real-listings-10.tsv
    "a nationality's adjective with no noun after it names no party": [
        ("Information on Data, Received from Greek and Turkish Legations", {}),
        (
            "Cipher Telegrams Regarding Bulgarian Request to Sending Soviet investigators to Sofia",
            {},
        ),
    ],
    # titles-real-listings-9.tsv
    "a place after a body, where it sits, is part of the body's name": [
        (
            "Bulgarian Legation, Washington, to Bulgarian Foreign Ministry",
            {S: ["Bulgarian Legation, Washington"], R: ["Bulgarian Foreign Ministry"]},
        ),
        (
            "Report from Hungarian Embassy, Prague, on Czechoslovak-Cuban Relations",
            {S: ["Hungarian Embassy, Prague"]},
        ),
        (
            "Note from the Embassy of the Democratic People's Republic of Korea, Helsinki, to "
            "the Ministry for Foreign Affairs, Republic of Finland",
            {
                S: ["Embassy of the Democratic People's Republic of Korea, Helsinki"],
                R: ["Ministry for Foreign Affairs, Republic of Finland"],
            },
        ),
        (  # a delegation sits nowhere: the place is where the talk was
            "Minutes, Mao Zedong's Conversation with a Yugoslavian Communist Union Delegation, "
            "Beijing, [Undated] September 1956",
            {P: ["Mao Zedong", "Yugoslavian Communist Union Delegation"]},
        ),
    ],
    # titles-real-listings-9.tsv
    "who is named before 'Meeting with' takes part": [
        (
            "Iraqi Cabinet Meeting with Saddam Hussein and the Atomic Energy Committee",
            {P: ["Iraqi Cabinet", "Saddam Hussein", "Atomic Energy Committee"]},
        ),
        (
            "Saddam Hussein Meeting with the General Command of the Armed Forces Regarding "
            "Iraqi Development and Defense Theory",
            {P: ["Saddam Hussein", "General Command of the Armed Forces"]},
        ),
    ],
    # titles-real-listings-9.tsv
    "a group named in lower case by what its people do takes part": [
        (
            "Saddam Hussein meeting with his ministers, Qusay Hussein, and Abid Al-Tikriti",
            {P: ["Saddam Hussein", "his ministers", "Qusay Hussein", "Abid Al-Tikriti"]},
        ),
        (
            "Saddam Hussein meeting with various advisers",
            {P: ["Saddam Hussein", "various advisers"]},
        ),
        (
            "Saddam Hussein and political officials discussing how to deal with the Republican "
            "Guard and other issues following the First Gulf War",
            {P: ["Saddam Hussein", "political officials"]},
        ),
        (
            "Meeting of Mr. President with members of the Iraqi government regarding the "
            "embargo, sanctions, and other matters",
            {P: ["President", "members of the Iraqi government"]},
        ),
        (
            "Meeting between Saddam Hussein and various Iraqi Military Leaders",
            {P: ["Saddam Hussein", "various Iraqi Military Leaders"]},
        ),
    ],
    # titles-real-listings-9.tsv, titles-real-listings-10.tsv
    "a headline of people meeting or talking, then its subject": [
        ("Stalin and Harriman Discuss the Military Situation", {P: ["Stalin", "Harriman"]}),
        (
            "Saddam Talks About His Army and How the Iraqis Are Strong and United with Their "
            "Leader in a Regular Meeting Expressing Personal Philosophy",
            {P: ["Saddam"]},
        ),
        (
            "Saddam Meeting Military Officials, acknowledging awards for valor and discussing "
            "lessons learned from the Persian Gulf War",
            {P: ["Saddam", "Military Officials"]},
        ),
        (  # one person discussing a matter: no talk named
            "Cable from the Foreign Ministry, 'Vice Premier Deng Xiaoping Discusses the Vietnam "
            "Issue'",
            {S: ["Foreign Ministry"]},
        ),
    ],
    # titles-real-listings-5.tsv, titles-real-listings-10.tsv, titles-real-listings-9.tsv
    "a type 'for' someone or some time beside the author of a quoted title": [
        (
            "Memorandum, Ambassador Paulo Nogueira Batista, Information for the President of "
            "Brazil, 'Enrichment of Uranium'",
            {S: ["Nogueira Batista"], R: ["President of Brazil"]},
        ),
        (
            "Memorandum, Foreign Minister Azeredo da Silveira, Information for the President of "
            "Brazil, 'Nuclear Issues. Meeting at 13/02/78. Alvorada Palace.'",
            {S: ["Azeredo da Silveira"], R: ["President of Brazil"]},
        ),
        (
            "Political Report for July and August 1975, S. Bikram Shah, Ambassador, 'The Nordic "
            "Foreign Ministers’ meeting in Oslo'",
            {S: ["Bikram Shah"]},
        ),
        (
            "Political Report for the Month of April 1975, K.N. Mohta, Charge d’affaires, "
            "'President Kekkonen’s Foreign Policy'",
            {S: ["Mohta"]},
        ),
    ],
    # titles-real-listings-9.tsv
    "a body's notice or memos before their subject": [
        (
            "CCP Central Committee Notice on the Current Situation in the Conflict with the "
            "United States",
            {S: ["CCP Central Committee"]},
        ),
        (
            "General Military Intelligence Directorate Memos on Iran's Chemical Weapons "
            "Capability and Alleged Use",
            {S: ["General Military Intelligence Directorate"]},
        ),
    ],
    # titles-real-listings-5.tsv, titles-real-listings-7.tsv (and sets 3, 6 and 7 unchanged)
    "a body, then only its document's subject: the body wrote it": [
        (
            "Chinese Communist Party, Plan of Action for Welcoming Home the Chinese Internationals",
            {S: ["Chinese Communist Party"]},
        ),
        (
            "Chinese Foreign Ministry Report, Excerpts of General Ne Win’s Internal "
            "Conversations, the Current Situation and its Solutions",
            {S: ["Chinese Foreign Ministry"]},
        ),
        (
            "International Operations Division, Management Turmoil at Radio Free Europe",
            {S: ["International Operations Division"]},
        ),
        ("VKP(b) CC Decree Draft, Soviet-Iranian Negotiations", {}),
        (
            "Gazette of the State Council of the People's Republic of China, 1956, No. 31 "
            "(Overall Issue No. 57)",
            {},
        ),
    ],
    # titles-real-listings-10.tsv, titles-real-listings-6.tsv
    "a description after a name opened by 'a' or 'an' is no party": [
        (
            "Statement from A.G. Krymov (Guo Zhaotang), a Prisoner in Noril’sk and Former Member "
            "of the Chinese Communist Party and the Executive Committee of the Comintern",
            {S: ["Krymov"]},
        ),
        (
            "Notes of a Telephone Message from F. N. Gryaznov, a Counselor at the Soviet Embassy "
            "in Yugoslavia",
            {S: ["Gryaznov"]},
        ),
        (  # a description before the name stays one
            "Letter to Cde. Khrushchev in the CC from Political Émigré, an Iranian, Ali Reza "
            "Hekmat.",
            {S: ["Hekmat"], R: ["Khrushchev"]},
        ),
    ],
    # titles-real-listings-10.tsv, titles-real-listings-6.tsv
    "a party whose name is withheld, and the office before it, is nobody": [
        (
            "Memorandum from [withheld] for Deputy Chief [withheld], 'Recent Radio Free Europe "
            "(RFE) Broadcasts to Poland' [Declassified September 19, 2016]",
            {},
        ),
        (
            "Memorandum for [withheld], 'Reappraisal of U.S. Propaganda Broadcasting' "
            "[Declassified May 6, 2019]",
            {},
        ),
    ],
    # titles-real-listings-10.tsv
    "a right or a broadcast before 'to' is a subject, no sender": [
        ("Freedom to Non-Repatriated Prisoners of War", {}),
    ],
    # titles-real-listings-10.tsv, titles-real-listings-9.tsv
    "letters between two people, or a conference with one, name who took part": [
        ("Letters between Narasimhan and Ozbudun", {P: ["Narasimhan", "Ozbudun"]}),
        (
            "Conference with Dr. Oncken of the Foreign Office in Bonn on November 28, 1957",
            {P: ["Oncken"]},
        ),
        (  # a conference with a gathering of delegations names no one
            "Stenographic Transcript of Conference with the Delegations that Returned from the GDR",
            {},
        ),
        (  # letters a report is about: their writers are its subject
            "Report to I. V. Stalin on Exchange of Letters between Iranian Prime Minister "
            "Mossadegh and US Ambassador Henderson",
            {R: ["Stalin"]},
        ),
    ],
    # titles-real-listings-10.tsv, titles-real-archive.tsv
    "a second document after a semicolon: both read, 'the Same' one resolved": [
        (
            "Letter to Saudi Crown Prince Abdallah Bin Abdul Aziz from Saddam Hussein Asking for "
            "Help and Admitting a Mistake; Letter from Izzat Ibrahim to the Same Prince",
            {S: ["Saddam Hussein", "Izzat Ibrahim"], R: ["Abdallah Bin Abdul Aziz"]},
        ),
        (  # a semicolon in a list of guests joins no documents
            "Comrade Zhou Enlai, Comrade Peng Zhen Receive Tran Tu Binh, Vietnam’s Ambassador "
            "to China; Nesti Nase, Albania’s Ambassador to China; and Pak Se-chang, Korea’s "
            "Ambassador to China",
            {P: ["Zhou Enlai", "Peng Zhen", "Tran Tu Binh", "Nase", "Pak Se-chang"]},
        ),
    ],
    # titles-real-listings-10.tsv
    "an addressee before the sender, then whom it went through": [
        (
            "Memorandum for General Scowcroft, through W.R. Smyser, from John A. Froebe Jr., "
            '“Proposed WSAG Meeting on Korean Situation"',
            {S: ["Froebe"], R: ["Scowcroft"], V: ["Smyser"]},
        ),
    ],
    # titles-real-listings-10.tsv
    "a joint document's two makers, joined by a slash": [
        (
            'Joint State/Defense Message, “Korean Northwest Coastal Situation"',
            {S: ["State", "Defense"]},
        ),
        (
            'Joint State/Defense Message, “Questions Regarding Northern Limit Line"',
            {S: ["State", "Defense"]},
        ),
    ],
    # titles-real-listings-7.tsv, titles-real-listings-9.tsv
    "a speaker or writer named with the occasion or the place of the document": [
        (
            "Secret Speech by Leonid I. Brezhnev CPSU CC Plenum, 'About Current Problems of the "
            "International Situation and the Struggle of the CPSU for the Cohesion of the World "
            "Communist Movement'",
            {S: ["Brezhnev"]},
        ),
        (
            "Speech, Mao Zedong at the Fifteenth Meeting of the Supreme State Council (excerpt)",
            {S: ["Mao Zedong"]},
        ),
        ("Drafts for various speeches by Saddam Hussein in 1990", {S: ["Saddam Hussein"]}),
        ("Boris Ponomarev, Reports from Kabul (excerpts)", {S: ["Ponomarev"]}),
        ("Polish Notes from Miami", {}),
    ],
    # titles-real-listings-9.tsv, titles-real-listings-6.tsv
    "an office of several office words, with no name after it, is the office": [
        (
            "Cable from the Chinese Embassy in Pakistan, 'Minutes of the Conversation Between the "
            "Chinese Ambassador Ding Guoyu and Pakistan’s Foreign Affairs Secretary on the "
            "Sino-Indian Border Clash'",
            {
                S: ["Chinese Embassy in Pakistan"],
                P: ["Ding Guoyu", "Pakistan’s Foreign Affairs Secretary"],
            },
        ),
        (
            "Letter to the CPSU Central Committee, Request to Give Hekmat Assistance in Finding "
            "Work",
            {R: ["CPSU Central Committee"]},
        ),
    ],
    # titles-real-listings-9.tsv, titles-real-archive.tsv
    "a record of a talk, then its parties listed with their offices": [
        (
            "Memorandum of Conversation, Vladimir Koucky, Secretary of Czechoslovak Communist "
            "Party (CPCz) Central Committee, and Carlos Rafael Rodriguez, Head of Cuba’s National "
            "Institute of Agrarian Reform (INRA), Prague",
            {P: ["Koucky", "Rodr"]},
        ),
        (
            "Record of Conversation, Soviet Ambassador A.M. Puzanov and Taraki",
            {P: ["Puzanov", "Taraki"]},
        ),
    ],
    # titles-real-listings-9.tsv
    "a country's body before 'to', and whom it was transmitted through": [
        (
            "The Response of the People’s Republic of China’s Government to the United States "
            "Government, Transmitted through the British Government",
            {
                S: ["People’s Republic of China’s Government"],
                R: ["United States Government"],
                V: ["British Government"],
            },
        ),
    ],
    # titles-real-archive.tsv
    "a piece after the addressee that holds a subject's noun is the subject": [
        (
            "Memorandum from Brazilian Foreign Minister Silveira to President Geisel, US Threats "
            "and Promises and Brazilian Responses",
            {S: ["Silveira"], R: ["Geisel"]},
        ),
    ],
    # titles-real-listings-7.tsv
    "the Kremlin is where a talk was held": [
        (
            "Minutes of Conversation between the Delegations of the CPCz and the CPSU, The "
            "Kremlin (excerpt)",
            {P: ["CPCz", "CPSU"]},
        ),
    ],
    # titles-real-listings-9.tsv
    "a meeting of many holders of an office is a gathering, no parties named": [
        (
            "Embassy of the GDR in the PR China, 'Note about the Club Meeting of the Ambassadors "
            "and Acting Ambassadors of Hungary, Czechoslovakia, the GDR, the Soviet Union, "
            "Bulgaria, Poland, and Mongolia on 17 April 1970 in the Embassy of Poland'",
            {S: ["Embassy of the GDR in the PR China"]},
        ),
    ],
    # titles-real-listings-9.tsv, titles-real-archive.tsv
    "a person named after a described office with an apostrophe in a word": [
        (
            "Memorandum of Conversation between Chinese Vice Foreign Minister Zhang Hanfu and "
            "Chargé d’Affaires Counselor from the Embassy of North Korea in China Jeong Pung-gye",
            {P: ["Zhang Hanfu", "Jeong Pung-gye"]},
        ),
        (
            "Minutes of Conversation Between British Interim Charge d’Affaires of Hong Kong John "
            "Addis and Deputy Department Head Zhang Yue",
            {P: ["Addis", "Zhang Yue"]},
        ),
    ],
    # titles-real-listings-9.tsv, titles-real-listings-3.tsv, titles-real-archive.tsv
    "a delegation or mission to a gathering is one name; directives for it address it": [
        (
            "Directives for the USSR Delegation to the XXIII Session of the General Assembly of "
            "the UN on the Issue of the Memorandum of the USSR Government on Some Urgent Measures "
            "to Halt the Arms Race and on Disarmament",
            {R: ["USSR Delegation to the XXIII Session of the General Assembly of the UN"]},
        ),
        (
            "On the Three Principles of National Reunification, Conversations with the South "
            "Korean Delegates to the High-Level Political Talks between North and South Korea",
            {P: ["South Korean Delegates"]},
        ),
        (
            "Confidential Memo from Cuban Mission to the United Nations Concerning Anastas "
            "Mikoyan’s Conversations with US President John F. Kennedy (and Secretary of State "
            "Dean Rusk), with cover note from Cuban President Dorticos to Foreign Minister Roa",
            {S: ["Cuban Mission to the United Nations"]},
        ),
    ],
    # titles-real-listings-9.tsv, titles-real-archive.tsv
    "a body's name runs on through 'Relations with'; a subject's relations do not": [
        (
            "Cable from the Chinese Embassy in Mali to the General Bureau for Economic Relations "
            "with Foreign Countries, ‘Regarding the Exchange of Notes for the Chinese Agricultural "
            "Experts Going to Mali’",
            {
                S: ["Chinese Embassy in Mali"],
                R: ["General Bureau for Economic Relations with Foreign Countries"],
            },
        ),
        (
            "Letter from M. Pervukhin to V.V. Kuznetsov about the GDR disapproving of "
            "Czechoslovakia and Romania developing relations with West Berlin",
            {S: ["Pervukhin"], R: ["Kuznetsov"]},
        ),
    ],
    # titles-real-listings-8.tsv, titles-real-archive.tsv
    "the one person named before ', Interview with' took part": [
        (
            "Italian Communist Journalist Carmine De Lepsis, Interview with Ernesto 'Che' "
            "Guevara, Havana",
            {P: ["De Lepsis", "Guevara"]},
        ),
        (  # a message about a meeting: its sender and addressee
            "Cable, Ambassador Dobrynin to the Soviet Foreign Ministry, Meeting with Robert "
            "Kennedy",
            {S: ["Dobrynin"], R: ["Soviet Foreign Ministry"]},
        ),
    ],
    # titles-real-listings-7.tsv, titles-real-archive.tsv
    "a body's comment on a subject is the body's": [
        (
            "Radio Liberation Programming Staff Comment on the Report “An Estimate of the "
            "Effectiveness of Radio Liberation” William Schramm, 1 September 1955 [redacted] with "
            "attachments Radio Liberation Policy Manual and Listener Testimony Omitted",
            {S: ["Radio Liberation Programming Staff"]},
        ),
        (
            "Comments on the Preparation of the Steps of the Soviet Government Concerning a Change "
            "in the Status of West Berlin",
            {},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings.tsv
    "a delegation 'from' somewhere is a name, its 'from' no sender's": [
        (
            "Report by the Chairman of the Delegation from the Ministry of Internal Affairs of the "
            "People’s Republic of Poland, Comrade Boguslav Staruha during Soviet Bloc Meeting on "
            "Western Radio",
            {S: ["Staruha"]},
        ),
        (
            "Transcript of Discussions of a Governmental Economic Delegation from the Democratic "
            "Republic of Vietnam with Nicolae Ceausescu and Ion Gheorghe Maurer",
            {P: ["Governmental Economic Delegation", "Ceau", "Maurer"]},
        ),
    ],
    # titles-real-listings-9.tsv, titles-real-archive.tsv
    "a document's code after its type, and a piece 'for' its addressee": [
        (
            "Memorandum DEM/132 by Luiz Augusto de Castro Neves, Deputy Chief of Energy and "
            "Mineral Resources, for the Head of the Department of Economy, 'Possible "
            "Brazil-Argentina Nuclear Cooperation'",
            {S: ["Castro Neves"], R: ["Head of the Department of Economy"]},
        ),
        (
            "Telegram No. ROM/101/1/73 Indian Ambassador to Italy to Ministry of External Affairs",
            {S: ["Indian Ambassador to Italy"], R: ["Ministry of External Affairs"]},
        ),
    ],
    # titles-real-listings-9.tsv
    "a wire's type before a comma stays, so the place it came from sends": [
        ("Ciphered Telegram, Special No. 1821 from Beijing", {S: ["Beijing"]}),
        ("Polish Notes from Miami", {}),
    ],
    # titles-real-listings-7.tsv, titles-real-archive.tsv
    "bodies, then the verb they share ('Ministries Plan to'): a headline, no document of theirs": [
        (
            "Bulgarian and Czechoslovak Interior Ministries Plan to Cooperate against Foreign "
            "Propaganda",
            {},
        ),
        ("Free Europe Committee Proposal to Exploit Berlin Crisis", {S: ["Free Europe Committee"]}),
    ],
    # titles-real-listings-8.tsv, titles-real-listings-tuning.tsv
    "the writer's own side, named by 'our', is no party": [
        (
            "Account on the Reception of the Delegation of Our Party by Comrade Kim Il Sung and "
            "the Talks that Took Place in this Meeting between Him and Comrade Manush",
            {P: ["Kim Il Sung", "Manush"]},
        ),
        (
            "Note on Two Conversations with the Minister Counselor of the North Vietnamese "
            "Embassy, Comrade Hoan Muoi, on 26 January 1966, in the Cuban Embassy, and on 27 "
            "January 1966, on the Occasion of a Farewell Visit to Our Embassy [Excerpts]",
            {P: ["Hoan Muoi"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-7.tsv
    "a clause telling who handed the document to whom": [
        (
            "The Soviet Document which the Soviet Ambassador Personally Presented to Vice "
            "Minister Zhang Hanfu (Translation)",
            {S: ["Soviet Ambassador"], R: ["Zhang Hanfu"]},
        ),
        (
            "Information about the Situation in Korea as the USSR Ambassador in Prague c. S.V. "
            "Cervonenko relayed it to the Minister of Foreign Affairs c. V. David.",
            {S: ["Cervonenko"], R: ["David"]},
        ),
    ],
    # titles-real-listings-9.tsv (the convention above: the author of a record of a
    # conversation with B sends it and takes part; sets 7 and 10 label two such bodies apart)
    "a body before its record of a conversation with someone sends it and takes part": [
        (
            "Communist Party of Czechoslovakia, Record of Conversation with Secretary and Member "
            "of the Politboro of the Central Committee of the Communist Party of Bolivia, Jorge "
            "Kolle, Prague",
            {
                S: ["Communist Party of Czechoslovakia"],
                P: ["Communist Party of Czechoslovakia", "Kolle"],
            },
        ),
        (
            "Chinese Embassy in Cuba, A Report on a Conversation with Two Deputy Department "
            "Heads of Cuban General Staff",
            {
                S: ["Chinese Embassy in Cuba"],
                P: [
                    "Chinese Embassy in Cuba",
                    "Two Deputy Department Heads of Cuban General Staff",
                ],
            },
        ),
    ],
    # titles-real-listings-8.tsv, titles-real-listings-3.tsv
    "a body and the body it is in, before a quoted title, are one sender": [
        (
            "Bureau of Intelligence and Research, US Department of State, 'Pakistan: Security "
            "Planning and the Nuclear Option,' Report 83-AR",
            {S: ["Bureau of Intelligence and Research, US Department of State"]},
        ),
        (
            "Commission on Questions of the Chernobyl Catastrophe, Supreme Soviet of the "
            "Ukrainian SSR, 'On Some Problems in the Elimination of the Consequences of the "
            "Accident at the Chernobyl Atomic Energy Station'",
            {S: ["Commission on Questions of the Chernobyl Catastrophe"]},
        ),
    ],
    # titles-real-listings-7.tsv, titles-real-listings-9.tsv
    "a memorandum's number and subject line, and an editor's '[of ...]' completing an office": [
        (
            "Forest McCluney, 'Memorandum for the President [of AMCOMLIB], No. 16, Subject: "
            "Procurement'",
            {S: ["McCluney"], R: ["President"]},
        ),
        (
            "Report from Cultural Attaché at the Israeli Embassy, Rio de Janeiro, Smeul Benizi, "
            "18 January 1962, Subject: 'Brazil – Cuban-Latin American Relations'",
            {S: ["Benizi"]},
        ),
    ],
    # titles-real-listings-9.tsv, titles-real-listings-5.tsv
    "a request 'for' clearance or instructions names no addressee": [
        (
            "Request for Clearance of a Draft Joint Communique of the People’s Republic of China "
            "Sports Committee and the Chair of the South African Colored People’s Sports "
            "Committee",
            {},
        ),
        (
            "Chinese Foreign Ministry, Request for Instructions on Supporting the Ne Win "
            "Government through Trade",
            {S: ["Chinese Foreign Ministry"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "the holders of a series of estimates are no addressee": [
        (
            "Memorandum to Holders of Special National Intelligence Estimate, SNIE 93-83, "
            "'Brazil’s Changing Nuclear Goals: Motives and Constraints'",
            {},
        ),
    ],
    # titles-real-listings-10.tsv, titles-real-listings-2.tsv
    "a headline with its author's verb, after a document's type and a comma": [
        (
            "Brazilian Embassy Cable, Brazilian Ambassador to Bonn Reports on Soviet Pressure on "
            "West Germany",
            {S: ["Brazilian Ambassador to Bonn"]},
        ),
        (
            "P. Shelest Reports on a Meeting Between Ukrainian and Slovak Party Officials",
            {S: ["Shelest"]},
        ),
    ],
    # titles-real-listings-10.tsv, titles-real-listings-8.tsv
    "someone's own records of conversations: he took part": [
        (
            "Collection of Ambassador Jessup's Memoranda of Conversation, January 1950",
            {P: ["Jessup"]},
        ),
        (
            "Bierut's Notes of a Conversation with Stalin on the Situation in the Polish "
            "Socialist Party (PPS) and Preparations for Parliamentary Elections in Poland",
            {P: ["Bierut", "Stalin"]},
        ),
    ],
    # titles-real-listings-10.tsv (and the wire of set 9 above)
    "information from a country: the country's service sends it": [
        (
            "Information from Romania on Turkish Intelligence Interests Towards Bulgaria",
            {S: ["Romania"]},
        ),
        ("Polish Notes from Miami", {}),
    ],
    # titles-real-listings-7.tsv
    "from a dated memo of a body, with its official in brackets by his ordinal office": [
        (
            "From a 2 June 1967 Memo of the Soviet Embassy in the DPRK (1st Secretary V. "
            "Nemchinov) about Some New Factors in Korean-Cuban relations",
            {S: ["Nemchinov"]},
        ),
    ],
    # titles-real-listings-5.tsv
    "'from' mistyped 'form' after a document's type": [
        (
            "Note form the Embassy of the Polish Republic in Korea",
            {S: ["Embassy of the Polish Republic in Korea"]},
        ),
    ],
    # titles-real-listings-9.tsv
    "a body named by its aims ('Committee to Defend ... and Combat ...') is one name": [
        (
            "Cable from the Chinese People's Committee to Defend World Peace and Combat U.S. "
            "Aggression and the Chinese Ministry of Foreign Affairs",
            {
                S: [
                    "Chinese People's Committee to Defend World Peace and Combat U.S. Aggression",
                    "Chinese Ministry of Foreign Affairs",
                ]
            },
        ),
    ],
}

CASES = cases(KINDS)


def test_a_place_where_a_talk_was_is_no_part_of_a_delegation():
    """titles-more.tsv: the place after a delegation is where the talk was, not its seat."""
    got = parse_title(
        "Minutes, Mao Zedong's Conversation with a Yugoslavian Communist Union Delegation, "
        "Beijing, [Undated] September 1956",
        authority(),
    )
    assert got.participants == ("Mao Zedong", "Yugoslavian Communist Union Delegation")


@pytest.mark.parametrize(("kind", "title", "roles"), CASES, ids=[case_id(c) for c in CASES])
def test_kind(kind, title, roles):
    check(kind, title, roles)


def test_a_body_numbered_in_words_may_author_a_quoted_title():
    """titles-real-listings-7.tsv: "First Asia Department ..." is a body, not a document."""
    got = parse_title(
        "First Asia Department of the Ministry of Foreign Affairs, 'Negotiations and Talks "
        "between the Chinese and Burmese Governments on the Issue of Dual Citizenship of Overseas "
        "Chinese over the Past Year'",
        authority(),
    )
    assert got.sender == ("First Asia Department of the Ministry of Foreign Affairs",)
