"""Correspondents by kind of title: each kind read on two or more real titles of it.

The titles are copied from the labelled sets in ``tests/data`` (the file is named beside each
kind; ``titles-more.tsv`` holds titles written in the archive's conventions, the others real
ones); the roles are those sets' labels.
"""

import pytest
from title_rules import P, R, Rules, S, case_id, cases, check

KINDS: Rules = {
    # titles-real-listings-2.tsv, titles-more.tsv
    "a document's author named after its subject": [
        ("Report on the Marshall Plan by M. Cristian and I. Nitescu", {S: ["Cristian", "Nitescu"]}),
        (
            "Report on the Bandung Conference by the Chinese Delegation",
            {S: ["Chinese Delegation"]},
        ),
        ("Memorandum on Evaluation of Radio Free Europe by US Legation in Hungary", {}),
        ("Report on the Visit to Ethiopia by the Soviet Party-Government Delegation", {}),
        (
            "Information about the Visit of the Soviet Party and Government Delegation to "
            "Mongolia Headed by Brezhnev [Excerpt]",
            {},
        ),
        (  # the agent of a participle in the subject, not the author
            "Lt. Ioan Plugaru, No. PI/00124, 'Report regarding the Intelligence obtained by "
            "Contacting ‘ALBU’, Foreigner'",
            {S: ["Plugaru"]},
        ),
    ],
    # titles-real-listings-2.tsv
    "a headline with its author's verb": [
        (
            "COSVN Party Current Affairs Committee Issues Information Bulletin No. 06/TT 73 on "
            "the Le Duc Tho-Kissinger Talks (17 to 22 May 1973)",
            {S: ["COSVN Party Current Affairs Committee"]},
        ),
        (
            "P. Shelest Reports on a Meeting Between Ukrainian and Slovak Party Officials",
            {S: ["Shelest"]},
        ),
    ],
    # titles-real-listings-2.tsv, titles-real-listings-tuning.tsv
    "a speech or talk given by its speaker, an editor naming the official": [
        (
            "Talk Given by the Minister [Trần Quốc Hoàn] at the 3rd Investigative Conference "
            "[Excerpts]",
            {S: ["Trần Quốc Hoàn"]},
        ),
        (
            "Speech Given by Party First Secretary Le Duan to the 12th Plenum of the Party "
            "Central Committee",
            {S: ["Le Duan"]},
        ),
    ],
    # titles-real-listings-2.tsv, titles-real-listings-tuning.tsv
    "a document for its addressee (in an editor's brackets), then its subject": [
        (
            "Information [for Gustav Husak] on the Progress and Outcome of the 14th Meeting of "
            "the Defense Minsters Committee, 1 and 4 December 1981 in Moscow (Excerpt)",
            {R: ["Husák"]},
        ),
        (
            "Draft Instructions for General Vasilii Chuikov and Vladimir Semyonov regarding GDR "
            "Control of Borders",
            {R: ["Chuikov", "Semyonov"]},
        ),
    ],
    # titles-real-archive.tsv, titles-real-listings-2.tsv
    "a record by its author of a talk the editor's brackets name": [
        (
            "Memorandum by Frank Aiken [on an Interview with Scott McCleod and the Taoiseach]",
            {S: ["Aiken"], P: ["Aiken", "McCleod", "Taoiseach"]},
        ),
        (
            "Captain Ion Iordache, No. 32/II/0012309/23.07.1982, 'Memo [on a Meeting with "
            '"MARIAN"]\'',
            {S: ["Iordache"], P: ["Iordache", "MARIAN"]},
        ),
        # a report, not a record: its sender alone (titles-real-listings-tuning.tsv)
        ("Report by Qiao Xiaoguang on a Conversation with Kim Il Sung", {S: ["Qiao Xiaoguang"]}),
    ],
    # titles-real-listings-2.tsv
    "a body with the city where it sits after a comma, and who signed": [
        (
            "Cable from Dutch Embassy, Washington (Van Roijen), 1 November 1963",
            {S: ["Van Roijen"]},
        ),
        (
            "Letter, Office of the British Political Representative, Bucharest, to the Minister "
            "of Foreign Affairs, M. Gh. Tatarescu",
            {S: ["Office of the British Political Representative"], R: ["Tatarescu"]},
        ),
        (
            "Polish Embassy, Rio de Janeiro (Chabasinski), to Polish Foreign Ministry",
            {S: ["Chabasinski"], R: ["Polish Foreign Ministry"]},
        ),
        (
            "Telegrams from Romanian Embassy, Beijing, to Romanian Ministry of Foreign Affairs, "
            "22-24 August 1968",
            {S: ["Romanian Embassy"], R: ["Romanian Ministry of Foreign Affairs"]},
        ),
    ],
    # titles-real-listings-2.tsv, titles-real-archive.tsv
    "a reception or a dinner: its host, and its guest or the head of its guests": [
        (
            "Memorandum of Discussions at a Dinner Hosted by Corneliu Manescu in Honor of Marshal "
            "I.I. Yakubovksy",
            {P: ["Manescu", "Yakubovksy"]},
        ),
        (
            "Record of the Reception of the Government Delegation of the Mongolian People’s "
            "Republic, led by Prime Minister Yu. Tsedenbal, by the Chairman of the People’s "
            "Central Government of the People’s Republic of China Mao Zedong",
            {P: ["Tsedenbal", "Mao Zedong"]},
        ),
        (
            "Transcript of Reception by Comrade Nicolae Ceausescu of the Foreign Minister of "
            "Holland, Joseph Luns",
            {P: ["Ceaușescu", "Luns"]},
        ),
    ],
    # titles-real-listings-2.tsv, titles-real-listings-tuning.tsv
    "a body's act is sent to no one, whatever it is for": [
        (
            "Secret Bulgarian Politburo Resolution for Military Aid Supply to Certain "
            "National-Liberation Movements and Communist Parties",
            {},
        ),
        ("CPSU Politburo Decision to Adopt the Attached Draft Response", {}),
    ],
    # titles-real-listings-2.tsv, titles-real-archive.tsv
    "an assembly is a body, its name kept with its possessive": [
        (
            "Letter by Ognyan Doynov to Delegates of the People’s Assembly",
            {S: ["Doynov"], R: ["Delegates of the People’s Assembly"]},
        ),
        (
            "Report, Embassy of the Hungarian People’s Republic in the DPRK to the Ministry of "
            "Foreign Affairs of Hungary",
            {
                S: ["Embassy of the Hungarian People’s Republic in the DPRK"],
                R: ["Ministry of Foreign Affairs of Hungary"],
            },
        ),
    ],
    # titles-real-listings-2.tsv
    "an editor's note of what the document includes or leaves out names no one": [
        (
            "Reports Regarding Bulgarian leader Todor Zhivkov’s visit to Cuba, July-August 1970, "
            "at Bulgarian Communist Party Politburo Session (including excerpts from "
            "Zhivkov-Fidel Castro memorandum of conversation)",
            {},
        ),
        ("Bulgarian Politburo Discussion on Radio Free Europe Monitoring Reports (excerpt)", {}),
    ],
    # titles-more.tsv (the archive's conventions), titles-real-listings-2.tsv
    "a meeting of bodies, and of the countries they come from, names no party": [
        (
            "Stenographic Record of a Meeting of Delegations of the Communist and Workers' "
            "Parties of Bulgaria, Hungary, GDR, Poland, USSR and Czechoslovakia",
            {},
        ),
        (
            "Minutes of the Meeting of the Presidium of the Citizens’ Parliamentary Club, 1 "
            "August 1989, 8 p.m.",
            {},
        ),
    ],
    # titles-real-listings-2.tsv, titles-real-listings-tuning.tsv
    "a directive of a body, whatever it is for": [
        (
            "Directive of the Ministry of Defense for Exercise ‘OVERCAST SUMMER-68’",
            {S: ["Ministry of Defense"]},
        ),
        (
            "Directive from the CPSU Secretariat, 14 November 1980, Reducing Tourist Exchanges "
            "with Poland",
            {S: ["CPSU Secretariat"]},
        ),
    ],
    # titles-real-archive.tsv, titles-real-listings-tuning.tsv
    "an office standing for its holder, its complement ending it": [
        (
            "Memorandum by Chief of Defense Staff, 'Political-military considerations with "
            "regards to the ministerial meeting of the NATO Defence Planning Committee' (DPC),",
            {S: ["Chief of Defense Staff"]},
        ),
        (
            "Cable, Secretary of State to US Embassy Vilnius, 'Acting Secretary and Lithuanian "
            "Fonmin on NATO Enlargement'",
            {S: ["Secretary of State"], R: ["US Embassy Vilnius"]},
        ),
    ],
    # titles-real-listings-2.tsv, titles-real-archive.tsv
    "a long list of addressees keeps its places and its numbered units": [
        (
            "Politburo Sends Letter to COSVN, Region 5, Tri-Thien, Saigon, Hue, and Danang",
            {
                S: ["Politburo"],
                R: ["COSVN", "Region 5", "Tri-Thien", "Saigon", "Hue", "Danang"],
            },
        ),
        (
            "Telegram from Bucharest to Peking, Ulaanbaatar, New Delhi, Islamabad, Djakarta, "
            "Tokyo, No. 02/01476",
            {
                S: ["Bucharest"],
                R: ["Peking", "Ulaanbaatar", "New Delhi", "Islamabad", "Djakarta", "Tokyo"],
            },
        ),
    ],
    # titles-real-listings-2.tsv (its numbers and quoted subject aside: "Report, Polish Embassy
    # in Bucharest, '...'", titles-real-archive.tsv)
    "a type, a comma, then its author": [
        (
            "Report, Polish Embassy in Bucharest, 'Romania After the Agreements on Friendship "
            "with the Soviet Union, Poland and Bulgaria'",
            {S: ["Polish Embassy in Bucharest"]},
        ),
        (
            "Cable from Dutch Embassy, Washington (Van Roijen), 27 December 1962",
            {S: ["Van Roijen"]},
        ),
    ],
    # titles-real-listings-2.tsv, titles-real-listings-tuning.tsv
    "an office, then its holder's name after a comma": [
        (
            "Telegram No. 4556 from the Romanian Ambassador in Moscow, Iorgu Iordan, addressed to "
            "Foreign Minister Tatarescu",
            {S: ["Iordan"], R: ["Tatarescu"]},
        ),
        (
            "Report by the Adviser to the Bulgarian Embassy in Beijing, Ivan Dimitrov, to the "
            "Bulgarian Ambassador, Khr. Stoichev",
            {S: ["Dimitrov"], R: ["Stoichev"]},
        ),
    ],
    # titles-real-listings-3.tsv
    "a person glossed with where they were or the office they wrote for": [
        (
            "Secret Telegram from Maneli (Saigon) to Spasowski (Warsaw) [Ciphergram No. 7353]",
            {S: ["Maneli"], R: ["Spasowski"]},
        ),
        (
            "Code Message No. 4802 from Deputy Minister Winiewicz to Michałowski (New York) and "
            "Milnikiel (London)",
            {S: ["Winiewicz"], R: ["Michałowski", "Milnikiel"]},
        ),
        (
            "Letter from C.P. Burdess (British Embassy, Islamabad) to M.J. Wilmshurst (Joint "
            "Nuclear Unit), 'Pakistan: Reprocessing Plant'",
            {S: ["Burdess"], R: ["Wilmshurst"]},
        ),
        (
            "Confidential Note from M.G. Roberts (Joint Nuclear Unit) to Sir A. Acland, "
            "'Panorama Documentary on Pakistan Nuclear Programme'",
            {S: ["Roberts"], R: ["Acland"]},
        ),
    ],
    # titles-real-listings-3.tsv
    "notes from a gathering: no sender, or the author named before them": [
        ("Notes from Politburo Meeting, 26 February 1987 (Excerpt)", {}),
        ("Notes from Politburo Meeting, 21-22 January 1987 (Excerpt)", {}),
        ("Anatoly Chernyaev, Notes from a Meeting of the Politburo", {S: ["Chernyaev"]}),
    ],
    # titles-real-listings-3.tsv, titles-real-archive.tsv, titles-real-listings-tuning.tsv
    "a title opening with its subject names no one, save what follows it after a comma": [
        (
            "Regarding the Approval of Requests from the Relatives of High-Ranking Korean "
            "Nationality Chinese Cadres to Go to Korea",
            {},
        ),
        ("Regarding President Tito’s Official Visit to the DPRK", {}),
        ("On Japan's Ratification of the Nuclear Non-Proliferation Treaty (NPT)", {}),
        (
            "On the Three Principles of National Reunification, Conversations with the South "
            "Korean Delegates to the High-Level Political Talks between North and South Korea",
            {P: ["South Korean Delegates"]},
        ),
    ],
    # titles-real-listings-3.tsv
    "an annex to a document, or a right to something, is sent by no one": [
        ("II. The Right to Territorial Restitution", {}),
        (
            "Annex #1 to 'Development of Relations with Socialist Countries since March 19, 1961'",
            {},
        ),
        (
            "Annex #2 to 'Development of Relations with Socialist Countries since March 19, 1961'",
            {},
        ),
    ],
    # titles-real-listings-3.tsv
    "no author before a quoted title that is a type, a nationality's document or a thing named "
    "after someone": [
        ("Transcript of BBC Panorama Television Program, 'Project 706: the Islamic Bomb'", {}),
        (
            "Secret Soviet Instructions, 'Measures to Carry out Special Assignments throughout "
            "Southern Azerbaijan and the Northern Provinces of Iran'",
            {},
        ),
        ("Truman Doctrine, 'Recommendations for Assistance to Greece and Turkey'", {}),
    ],
    # titles-real-listings-3.tsv
    "common nouns or someone's efforts before 'to' or a type are a subject, not senders": [
        ("Ichiro Ogimura and Young C. Kim's Efforts to Facilitate the 1988 Olympic Games", {}),
        (
            "Recommendations and Some Information on the Conditions in the Zone of Increased "
            "Radiation in the City of Kiev",
            {},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-tuning.tsv
    "a journal entry: its keeper writes it, or takes part in the meal or talk it records": [
        (
            "Journal Entry of Ambassador Zhukov: Breakfast With Huang Zhen",
            {P: ["Zhukov", "Huang Zhen"]},
        ),
        ("Journal Entry of Ambassador Zhukov: The Arrival of Tikhonov in Jakarta", {S: ["Zhukov"]}),
        (
            "Journal of Soviet Ambassador in the DPRK A.M. Puzanov for 31 October 1960",
            {S: ["Puzanov"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-tuning.tsv, titles-real-archive.tsv
    "a message quoting a talk between others names them; its sender's own meeting, no one": [
        (
            "Cable from the Chinese Delegation in Algeria to the Foreign Ministry, 'Situation of "
            "the Talks between Premier Zhou and Ben Bella on the Morning of the 31st'",
            {
                S: ["Chinese Delegation in Algeria"],
                R: ["Foreign Ministry"],
                P: ["Zhou Enlai", "Ben Bella"],
            },
        ),
        (
            "Cable from Wang Bingnan to the Foreign Ministry, 'Sixteenth Meeting with Ambassador "
            "Beam'",
            {S: ["Wang Bingnan"], R: ["Foreign Ministry"]},
        ),
        (
            "Memorandum for the Record from Helmut Sonnenfeldt, 'Meeting Between French Minister "
            "of Defense Michel Debré and Dr. Kissinger, July 7, 1972'",
            {S: ["Sonnenfeldt"], P: ["Debré", "Kissinger"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-archive.tsv
    "an author quoting his own discussion with someone takes part in it": [
        (
            "Report from Etre Sándor, 'Discussion with Comrade Sebestyén. Comrade Sebestyén's "
            "assessment of the situation.'",
            {S: ["Etre Sándor"], P: ["Etre Sándor", "Sebestyén"]},
        ),
        (
            "A. Rapacki, 'Record of Conversation with the Ambassador of Great Britain, on May 17, "
            "1958'",
            {S: ["Rapacki"], P: ["Rapacki", "Ambassador of Great Britain"]},
        ),
    ],
    # titles-real-listings-3.tsv
    "orders, papers and notices by their authors; a possessive document for its addressee": [
        (
            "Order of the Committee of State Security [KGB] of the USSR",
            {S: ["Committee of State Security"]},
        ),
        (
            "Assessment Paper by the Austrian Foreign Ministry, '[Excerpt] Eastern Europe; "
            "Current Assessment'",
            {S: ["Austrian Foreign Ministry"]},
        ),
        (
            "Mikihail Zimyanin's Background Report for Khrushchev on China (Excerpt)",
            {S: ["Zimyanin"], R: ["Khrushchev"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-tuning.tsv
    "a note for its addressee, with what it encloses": [
        (
            "Handwritten Note for Comrade Ramiz, with Attached 'People’s Daily' Article",
            {R: ["Ramiz"]},
        ),
        ("Note for Comrade Veljko Micunovic’s Personal Use", {R: ["Micunovic"]}),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-2.tsv
    "names transliterated with particles, half rings or diacritics": [
        (
            "Reception of Prime Minister of Iran Qavam os-Saltaneh by Cde. I. V. Stalin",
            {P: ["Qavam os-Saltaneh", "Stalin"]},
        ),
        ("Ahmed Sa‘id, 'Returning from Cuba' (Excerpts)", {S: ["Ahmed Sa‘id"]}),
        (
            "Raúl Díaz Argíelles to the Cuban Armed Forces Minister [Raúl Castro]",
            {S: ["Díaz Argíelles"], R: ["Raúl Castro"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-dumps.tsv
    "one body's name with an 'and' inside": [
        (
            "Telegram from UK Embassy in Pretoria to the Foreign and Commonwealth Office, 'South "
            "Africa's Nuclear Intentions'",
            {S: ["UK Embassy in Pretoria"], R: ["Foreign and Commonwealth Office"]},
        ),
        (
            "Memorandum of Conversation between the Romanian Party and Government Delegation Led "
            "by Ion Gheorghe Maurer and Soviet Leader Nikita Khrushchev",
            {P: ["Maurer", "Khrushchev"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-with-correspondents.tsv
    "a country beside a person's name is where they are from, no party": [
        (
            "Memorandum of Conversation between the International Olympic Committee President and "
            "Eduard Shevardnadze, Minister of Foreign Affairs, the USSR, regarding the "
            "negotiations with North Korea on the 1988 Olympics",
            {P: ["International Olympic Committee President", "Shevardnadze"]},
        ),
        (
            "Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]",
            {S: ["Mao Zedong"], R: ["Stalin"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-tuning.tsv
    "delegations led by their heads, each of several": [
        (
            "Minutes of Conversation between the Romanian Delegation to Ho Chi Minh’s Funeral, "
            "Led by Ion Gheorge Maurer, and the Chinese Delegation, Led by Zhou Enlai, 11 "
            "September 1969",
            {P: ["Maurer", "Zhou Enlai"]},
        ),
        (
            "Conversation between the Party of Labor of Albania Delegation, Headed by Comrade "
            "Beqir Balluku, and Comrade Mao Zedong on 5 October 1968, at 19:00-20.30",
            {P: ["Balluku", "Mao Zedong"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-tuning.tsv
    "the people of a body named by a list of their roles in it are the body": [
        (
            "Conversation from [Mao Zedong's] Reception of the Head, Deputy Head, and Key "
            "Members of the Cultural Group of the Laotian Patriotic Front",
            {P: ["Mao Zedong", "Cultural Group of the Laotian Patriotic Front"]},
        ),
        (
            "Report of the Meeting of the Albanian Labor Party Delegation with Leaders of the "
            "Communist Party of the Soviet Union, 12 November 1960",
            {
                P: [
                    "Albanian Labor Party Delegation",
                    "Leaders of the Communist Party of the Soviet Union",
                ]
            },
        ),
    ],
    # titles-real-listings-3.tsv
    "notes by their taker, then the conversation or meeting they record": [
        (
            "Notes by A. S. Chernyaev, Record of Conversation between Mikhail Gorbachev and George "
            "H. W. Bush at Malta Summit",
            {S: ["Chernyaev"], P: ["Gorbachev", "Bush"]},
        ),
        ("Anatoly Chernyaev, Notes from a Meeting of the Politburo", {S: ["Chernyaev"]}),
    ],
    # titles-real-listings-3.tsv, titles-more.tsv (the archive's conventions)
    "someone unnamed ('a Communist') takes no part; a body named so does": [
        ("Report about a meeting with a Communist", {}),
        (
            "Minutes, Mao Zedong's Conversation with a Yugoslavian Communist Union Delegation, "
            "Beijing, [Undated] September 1956",
            {P: ["Mao Zedong", "Yugoslavian Communist Union Delegation"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-with-correspondents.tsv
    "further addressees after a comma, 'to' or 'for' them": [
        (
            "Letter to the CPSU Central Committee, to A. A. Smirnov, Regarding A. F. Serabi",
            {R: ["CPSU Central Committee", "Smirnov"]},
        ),
        (
            "Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong",
            {S: ["Stalin"], R: ["Krasovsky", "Mao Zedong"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings.tsv
    "a telephone call names its party; an office-holder of a country is that person": [
        (
            "Memorandum of Telephone Conversation: Telephone Call from Chancellor Helmut Kohl of "
            "the Federal Republic of Germany, February 13, 1990, 1:49-2:00 p.m. EST",
            {P: ["Kohl"]},
        ),
        (
            "The Chancellor's [Helmut Kohl's] Telephone Conversation with Polish President "
            "Kwasniewski on Thursday, 12 September 1996, 9.30 hours",
            {P: ["Kohl", "Kwasniewski"]},
        ),
    ],
    # titles-real-listings-3.tsv
    "an officer with a long office before a quoted title, and the code name he met": [
        (
            "Captain A. E. Nikifiorov, Operative Plenipotentiary of Division I, Department 2 of "
            "the Sixth Service USSR KGB Administration for Moscow and Moscow Oblast, "
            "'Information about an Interview with Trusted Individual \"Zh. V.A.\"'",
            {S: ["Nikifiorov"], P: ["Nikifiorov", "Zh. V.A."]},
        ),
        (
            "Deputy Head of the 6th Department of the KGB Administration Lieut. Col. Aksenov, "
            "'Notice of Emergency Incident'",
            {S: ["Aksenov"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-archive.tsv
    "aid, assistance, a trip or an approach 'to' someone is a subject, not a message": [
        ("Untitled report regarding a trip to Damascus", {}),
        (
            'Letter, Ahmet H. Ozbudun to C.V. Narasimhan, "US Military Assistance to the ROK"',
            {S: ["Ozbudun"], R: ["Narasimhan"]},
        ),
        (
            "Telegram from the American Embassy in Seoul to the Secretary of State, 'Approach to "
            "Pakistanis on US-North Korean Contacts'",
            {S: ["American Embassy in Seoul"], R: ["Secretary of State"]},
        ),
    ],
    # titles-real-listings-3.tsv, titles-real-listings-tuning.tsv
    "a verb and its object after 'to' are what is to be done, no addressee": [
        ("Ichiro Ogimura and Young C. Kim's Efforts to Facilitate the 1988 Olympic Games", {}),
        ("CPSU Politburo Decision to Adopt the Attached Draft Response", {}),
    ],
    # titles-real-listings-tuning.tsv, titles-real-archive.tsv
    "parties of a conversation the editor names in brackets": [
        (
            "Record of a Conversation [between] N. S. Khrushchev and F. Roberts, British "
            "Ambassador in the USSR concerning the Signing of a Peace Treaty with the Two German "
            "States",
            {P: ["Khrushchev", "Roberts"]},
        ),
        (
            "Brief Summary of Conversation between Comrades Zhou Enlai and Kang Sheng on 16 June "
            "1970 with Myself [Kadri Hazbiu] and Cmrade Xhoxhi Robo",
            {P: ["Zhou Enlai", "Kang Sheng", "Hazbiu", "Robo"]},
        ),
        (
            "Conversation from [Mao Zedong's] Audience with an Algerian Cultural Delegation",
            {P: ["Mao Zedong", "Algerian Cultural Delegation"]},
        ),
    ],
    # titles-real-listings-tuning.tsv, titles-real-listings-2.tsv, titles-real-archive.tsv
    "a body's document for or to another, an editor naming an official; 'for' in a name": [
        (
            "Letter from the HSWP CC [signed by Janos Kadar] to the PUWP CC, attention Stanislaw "
            "Kania",
            {S: ["Kádár"], R: ["PUWP CC", "Kania"]},
        ),
        (
            "Information [for Gustav Husak] on the Progress and Outcome of the 14th Meeting of "
            "the Defense Minsters Committee, 1 and 4 December 1981 in Moscow (Excerpt)",
            {R: ["Husák"]},
        ),
        (
            "East German Ministry for State Security, 'Consultations with KGB 21-24 April 1987, "
            "About Ethiopian Consultation'",
            {
                S: ["East German Ministry for State Security"],
                P: ["East German Ministry for State Security", "KGB"],
            },
        ),
    ],
    # titles-real-listings-tuning.tsv, titles-real-archive.tsv, titles-real-listings-3.tsv
    "the document's date after a comma names no one": [
        (
            "From the Journal of Ambassador P. F. Yudin, Record of Conversation with Mao Zedong, "
            "31 March 1956",
            {P: ["Yudin", "Mao Zedong"]},
        ),
        ("Minutes of the Meeting of the Political Committee, 5 May 1970", {}),
        (
            "Memorandum of Conversation between Vice President Bush and Pakistani President Zia, "
            "December 8, 1982, 3:45 p.m.",
            {P: ["Bush", "Zia"]},
        ),
    ],
    # titles-real-listings-tuning.tsv, titles-real-archive.tsv
    "an editor's note of the version ('(Draft)', '(Translation)') and 'Excerpts from' name no "
    "one": [
        (
            "Joint Communiqué (Draft), Proposed by Premier Zhou to British Charge d’Affaires Con "
            "O’Neill",
            {S: ["Zhou Enlai"], R: ["O’Neill"]},
        ),
        (
            "Telegram from the Northeast Asia Department, 'Handling of the Korea issue in the "
            "United Nations (Draft)'",
            {S: ["Northeast Asia Department"]},
        ),
        (
            "Excerpts from a Report by the Head of the Soviet Mission in Mongolia I. Ivanov to "
            "Moscow",
            {S: ["Ivanov"], R: ["Moscow"]},
        ),
    ],
}

CASES = cases(KINDS)


@pytest.mark.parametrize(("kind", "title", "roles"), CASES, ids=[case_id(c) for c in CASES])
def test_kind(kind, title, roles):
    check(kind, title, roles)
