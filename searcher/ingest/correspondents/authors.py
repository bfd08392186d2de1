"""Documents read by their authors: "Speech by A", "Memorandum of analysis by A", "A's
Report", "Hungarian Secretariat Report on ...", "Mikoyan-Suslov Report", "..., Prepared by A",
"Notes Kept by A Regarding ...".  The author is the sender; a gathering is no author.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.offices import LEAD_WORDS, office_split
from searcher.ingest.correspondents.pieces import person_shaped
from searcher.ingest.correspondents.plausible import names_no_party
from searcher.ingest.correspondents.roles import NONE, Correspondents
from searcher.ingest.correspondents.title_names import (
    GLOSSED,
    Collector,
    looks_like_name,
    split_outside_brackets,
)
from searcher.ingest.correspondents.word_kinds import surname_like
from searcher.ingest.correspondents.words import (
    AUTHORED_KINDS,
    NOUN_ENDING,
    QUALIFIERS,
    SENT_KINDS,
    is_body,
    is_place,
    is_type_phrase,
    kinds_pattern,
)
from searcher.names import OFFICES

#: The kinds' list's further kinds read by their authors ("analysis", "assessment", ...): after
#: "by", before a possessive's, after an author's name; not after "of", their subject's.
_MORE = kinds_pattern(AUTHORED_KINDS)

#: "Speech by A", "Talk Given by the Minister [A]": a document by its author.
AUTHORED = re.compile(
    r"^(?P<type>(?:[\w-]+\s+){0,3}?(?:statement|speech|letter|note|report|remarks|address|"
    r"cable|telegram|message|"
    r"appeal|declaration|notes|diary|(?:diary|journal)\s+entry|journal|memoirs|testimony|"
    r"lecture|talk|toast|"
    r"memorandum|"
    r"memo|comments|account|information|analysis|assessment|proposal|intervention|directive|"
    rf"instructions?|order|paper|{kinds_pattern(SENT_KINDS)}))"
    r"(?:\s+(?:no\.?\s*\d|(?-i:[A-Z]{2,})/\d)[\w./-]*)?\s+"  # "No. 12", "DEM/132"
    r"(?:(?:given|delivered|made|presented|written)\s+)?(?:by|of)\s+(?P<who>.+)$",
    re.IGNORECASE,
)

#: "Memorandum of analysis by Roberto Ducci": a document by its author.
AUTHORED_BY = re.compile(
    r"^(?P<type>(?:memorandum|memo|note|notes|report|letter|statement|speech|remarks|comments|"
    r"recollections|evaluation|complaint|"
    rf"analysis|information|proposal|drafts?|account|{_MORE})\b(?:\s+[a-z][\w-]*){{0,3}})\s+by\s+"
    r"(?P<who>.+)$",
    re.IGNORECASE,
)

#: "Khrushchev's Secret Speech ...", "Mao Zedong's Instructions ...": the author, possessive.
POSSESSIVE_AUTHORED = re.compile(
    r"^(?P<who>[^,'’\[(]+?(?:\s*\[[^\]]+\])?)['’]s\s+(?:[\w-]+\s+){0,2}?(?:speech|letter|"
    r"report|remarks|address|statement|telegram|cable|message|note|notes|memorandum|proposal|"
    r"reply|answer|appeal|declaration|diary|journal|memoirs|instructions?|directive|talk|"
    rf"toast|comments|account|presentations?|notice|{_MORE})\b",
    re.IGNORECASE,
)

_FOR_BODY = re.compile(r"\s+for\s+(?=(?:the\s+)?[A-Z])")


def _addressee(text: str, collect: Collector) -> bool:
    """Whether the text after "for" names someone: a body, an office, a known person, a comrade
    or a glossed official, not a purpose ("... for Exercise 'OVERCAST SUMMER-68'")."""
    lead = LEAD_WORDS.match(text)
    if lead and lead[0].strip().casefold() != "the":
        return True  # "for Comrade Suslov"
    text = LEAD_WORDS.sub("", text)
    if names_no_party(text):
        return False  # "for Clearance of a Draft Joint Communique of ... Committee": a request
    return (
        bool(GLOSSED.match(text))
        or is_body(text)
        or bool(office_split(text)[0])
        or collect.authority.canonical(text) is not None
    )


def split_for(who: str, collect: Collector) -> tuple[str, str, str]:
    """ "the Ministry for the Presidium of the CC [Gromyko]": the author, "for", the addressee."""
    parts = split_outside_brackets(who, _FOR_BODY)
    if len(parts) != 2 or not _addressee(parts[1], collect):
        return who, "", ""
    if is_body(parts[0].split()[-1]) and not LEAD_WORDS.match(parts[1]):
        return who, "", ""  # "the East German Ministry for State Security": one body's name
    return parts[0], "for", parts[1]


#: "Hungarian Secretariat Report on ...", "General Staff of Defense (SMD) Summary Report",
#: "Radio Liberty Policy Position Statement: ...": a body or a known person before a document
#: type, its subject after "on" or a colon.
_NAMED_TYPE = re.compile(
    r"^(?P<who>[^,:'\"‘“]+?)\s+(?:report|cable|telegram|memorandum|memo|letter|note|notes|"
    rf"message|statement|account|information|directive|instructions|circular|bulletin|document|"
    rf"{_MORE})"
    r"(?:\s+no\.?\s*\d[\w./-]*)?(?:\s+(?:on|about|regarding|concerning)\b.*|:\s.*)?$",
    re.IGNORECASE,
)


def named_type(text: str, collect: Collector) -> Correspondents:
    """The author a title names before the document's type, if any."""
    match = _NAMED_TYPE.match(text)
    words = match["who"].split() if match else []
    while words and is_type_phrase(words[-1]):
        words.pop()  # "... (SMD) Summary Report": "Summary" is part of the type
    if not words or not looks_like_name(who := " ".join(words)):
        return NONE
    if " " not in who and who.casefold() in OFFICES:
        return NONE  # "Soviet Report on ...": a nationality, not an author
    main = GLOSSED.match(who)
    known = main["main"] if main else who
    if is_body(known) or collect.authority.canonical(known) or person_shaped(known):
        return Correspondents(tuple(collect.names(known)))
    if " " not in who and _lone_surname(who):
        return Correspondents(tuple(collect.names(who)))  # "Andropov Report, 28 October 1956"
    if surnames := _surnames(who, collect):
        return Correspondents(tuple(surnames))  # "Mikoyan-Suslov Report", "A and B Report"
    *country, last = who.split()
    if (
        country
        and last.casefold() in _SERVICES
        and all(is_place(w) or _NATIONALITY.match(w) or w.casefold() in OFFICES for w in country)
    ):
        collect.written.append(who)
        return Correspondents((who,))  # "Cuban Intelligence Report on Ethiopia": the service
    return NONE


#: Words of rank, order or state before a type, never a surname: "Second", "Revised".
_NOT_LONE_SURNAME = re.compile(
    r"(?:ed|first|second|third|fourth|fifth|last|final|new|old|short|brief|full|joint|top)$",
    re.IGNORECASE,
)


def _lone_surname(word: str) -> bool:
    """Whether one word before a document's type is its author's surname: "Andropov Report"."""
    return (
        surname_like(word)
        and len(word) > 3
        and not is_type_phrase(word)
        and word.casefold() not in QUALIFIERS
        and not _NOT_LONE_SURNAME.search(word)
        and not _NATIONALITY.match(word)
    )


#: A country's service, named by what it does: "Cuban Intelligence".
_SERVICES = frozenset({"intelligence", "counterintelligence", "counter-intelligence"})


_SURNAME_PAIR = re.compile(r"(?<=[a-z])-(?=[A-Z])|\s+and\s+")
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i)$")


#: Words before a report's type that are no surnames: "Recommendations and Some Information".
_DETERMINERS = frozenset({"some", "other", "further", "more", "certain", "various", "new"})


def _surnames(who: str, collect: Collector) -> list[str]:
    """Two or more surnames joined by "and" or a hyphen before a report's type: its authors."""
    pieces = _SURNAME_PAIR.split(who)
    known = collect.authority.canonical
    if len(pieces) < 2 or not all(
        re.fullmatch(r"[A-Z][a-z]+", p)
        and not NOUN_ENDING.search(p)
        and p.casefold() not in _DETERMINERS
        and not is_place(p)
        and p.casefold() not in OFFICES
        and (known(p) or not _NATIONALITY.match(p))
        for p in pieces
    ):
        return []
    return [name for p in pieces if (name := collect.person_or_body(p))]


#: A gathering, not an author: "Notes of CC CPSU Politburo Session".
GATHERING = re.compile(
    r"\b(?:session|meeting|plenum|conference|congress|summit|talks|conversation|discussion)s?$",
    re.IGNORECASE,
)
RECORD = re.compile(r"^(?:the\s+)?(?:record|files?|archives?)$", re.IGNORECASE)

#: An author named after the document: "..., Prepared by the Vietnam Group of ...".
PREPARED_BY = re.compile(
    r"['’,]\s+(?:prepared|compiled|drafted|written)\s+by\s+(?P<who>[^,]+?)"
    r"(?:\s+(?:attending|at|for|on)\s.*)?$",
    re.IGNORECASE,
)

#: Notes by their keeper: "Translation of Notes Kept by A Regarding Conversations with B".
KEPT_BY = re.compile(
    r"^(?:translation\s+of\s+)?(?:the\s+)?(?:notes?|minutes|records?|diary|journal)\s+"
    r"(?:kept|taken|made|written)\s+by\s+(?P<who>.+?)\s+"
    r"(?:[a-z]*(?:garding|cerning)|on|about|of)\s+",
    re.IGNORECASE,
)


#: A headline with its author's verb: "Politburo Sends Letter to COSVN", "COSVN Party Current
#: Affairs Committee Issues Information Bulletin No. 06 ...", "P. Shelest Reports on ...",
#: "Andropov Informs the CC CPSU on ...".
_HEADLINE = re.compile(
    r"^(?P<who>[A-Z][^,:;'\"‘“]*?)\s+(?:(?P<sends>(?i:sends|issues|submits|forwards|transmits))\s+"
    r"(?P<type>[A-Z][\w-]*(?:\s+[\w.-]+){0,3}?)(?=\s+(?i:to|on|about|regarding|no\.?)\s|$)|"
    r"(?P<reports>(?i:reports|writes|replies|responds|cables|telegraphs))"
    r"(?=\s+(?i:to|on|about|that|from)\s)|"
    r"(?P<tells>(?i:informs|instructs|notifies|tells|asks|urges|advises|warns|briefs|answers))"
    r"(?=\s+(?:the\s+)?[A-Z]))(?P<rest>.*)$"
)
#: The document a headline's verb stands for.
_VERB_TYPES = {"reports": "Report", "cables": "Cable", "telegraphs": "Telegram"}


#: A headline with its author's stance, a noun or a verb, then its subject: "Prague Embassy Views
#: of ...", "Warsaw Embassy Appraisal of ...", "Office of Policy Coordination Provides ...",
#: "Soviet Ambassador Dorynin on Radio Liberty".
_STANCE = re.compile(
    r"^(?P<who>[A-Z][^,:;'\"‘“]*?)\s+(?:(?i:views|appraisals?|assessments?|evaluations?|"
    r"analysis|opinions?|position|comments|reactions?|thoughts|proposals?|recommendations?)\s+"
    r"(?i:of|on|about|regarding|to|for)|(?i:provides|proposes|recommends|assesses|evaluates|"
    r"describes|outlines|discusses|reviews|suggests|considers)|(?P<on>on))\s+[A-Z]"
)


def _stance_author(text: str) -> str:
    """The author of a headline of stance ("" when none): a body, or an office and its holder."""
    match = _STANCE.match(text)
    if not match or not looks_like_name(who := match["who"]) or is_type_phrase(who):
        return ""
    office, name = office_split(who)
    holder = bool(office and name) and not is_body(name) and not is_type_phrase(name.split()[-1])
    if match["on"]:  # "Soviet Ambassador Dorynin on ...", not "Commission on ..."
        return who if holder else ""
    return who if is_body(who) or holder else ""


def headline_as_document(text: str) -> str:
    """A headline read as its document: "A Sends Letter to B" is "Letter from A to B";
    "A Views of ..." is a report from A; after a document's type and a comma too ("Brazilian
    Embassy Cable, Brazilian Ambassador to Bonn Reports on ...": the ambassador reports)."""
    lead, comma, rest = text.partition(", ")
    if comma and is_type_phrase(lead.split()[-1]) and (read := headline_as_document(rest)) != rest:
        return read
    if author := _stance_author(text):
        return f"Report from {author}"
    match = _HEADLINE.match(text)
    if not match or not looks_like_name(who := match["who"]) or is_type_phrase(who):
        return text
    if " " not in who and who.casefold() in OFFICES:
        return text  # "Soviet Reports on ...": a nationality, no author
    rest = match["rest"]
    if match["sends"]:
        if not is_type_phrase(match["type"]):
            return text  # "... Sends Troops to ...": no document
        kind = match["type"]
    elif match["tells"]:
        kind, rest = "Message", f" to{rest}"  # "A Informs B on ...": a message to B
    else:
        kind = _VERB_TYPES.get(match["reports"].casefold(), "Letter")
    if rest.startswith(" from "):
        rest = f",{rest[5:]}"  # "Mikoyan Reports from Budapest": where he was
    return f"{kind} from {who}{rest}"


#: A document's author after its subject: "Report on the Marshall Plan by M. Cristian and I.
#: Nitescu", "Report on the Bandung Conference by the Chinese Delegation".
_SUBJECT_THEN_BY = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:report|memorandum|memo|note|notes|information|analysis|"
    r"assessment|study|comments|remarks|statement)\s+(?:on|about|regarding|concerning)\s+"
    r"(?:the\s+|an?\s+)?(?P<subject>[^,]+?)\s+by\s+(?P<who>[^,]+?)(?:,\s+[^,]+)?$",
    re.IGNORECASE,
)
#: A subject that is an act, whose agent the "by" names: "... on Evaluation of Radio Free
#: Europe by US Legation", "Report on the Visit to Ethiopia by the Soviet ... Delegation".
_ACT = re.compile(r"(?:ions?|ments?|als?|visits?|trips?|journeys?|control)$", re.IGNORECASE)


#: A participle ending the subject, whose agent "by" names: "... obtained", "... Led".
_PARTICIPLE = re.compile(r"(?:\b[a-z]+|[A-Za-z]+ed)$")


#: A document by its author, then "of" and its subject: "Evaluation by the East German Embassy
#: in Bucharest of Ceauşescu's Visit to China"; the subject's "to" names no recipient.
_BY_THEN_SUBJECT = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:evaluation|assessment|analysis|report|comments)\s+by\s+"
    r"(?P<who>[^,]+?)\s+of\s+(?P<subject>[^,]+?)\s+to\s",
    re.IGNORECASE,
)


def author_after_subject(text: str, collect: Collector) -> Correspondents:
    """The author a document names after its subject, or before an act of its subject, if any."""
    before = _BY_THEN_SUBJECT.match(text)
    if before and _ACT.search(before["subject"]) and looks_like_name(before["who"]):
        return Correspondents(tuple(collect.names(before["who"])))
    match = _SUBJECT_THEN_BY.match(text)
    if not match or _ACT.search(match["subject"].split()[0]):
        return NONE
    if _PARTICIPLE.search(match["subject"]) or match["who"].split()[0].endswith("ing"):
        return NONE  # "... the Intelligence obtained by Contacting 'ALBU'": the subject's agent
    who = match["who"]
    if not looks_like_name(who) or GATHERING.search(who) or is_place(who):
        return NONE
    return Correspondents(tuple(collect.names(who)))
