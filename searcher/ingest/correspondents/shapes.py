"""The shapes of titles: who sends, who receives, who takes part.

"Cable, Stalin to Mao Zedong [via Kovalev]", "Telegram to A from B", "Memorandum for the
President from A", "A's Telegram to B", "Hungarian Embassy in the DPRK, Report", "Speech by
A", "Memorandum of Conversation between A and B".  A conversation names participants, a
message its sender and recipients; a message quoted in the document is no correspondent.
"""

from __future__ import annotations

import re
from dataclasses import astuple

from searcher.ingest.correspondents.authors import (
    AUTHORED,
    AUTHORED_BY,
    GATHERING,
    KEPT_BY,
    POSSESSIVE_AUTHORED,
    PREPARED_BY,
    RECORD,
    author_after_subject,
    headline_as_document,
    named_type,
    split_for,
)
from searcher.ingest.correspondents.conversations import (
    CONVERSATION,
    DASH,
    HYPHEN_PAIR,
    PAIR,
    RECEIVES,
    conversation_first,
    message_on,
    own_talk,
    read_call,
    read_conversation,
    read_hosted,
    read_own_records,
    read_own_talk,
    read_talk,
)
from searcher.ingest.correspondents.delivered import read_delivered
from searcher.ingest.correspondents.kinds import read_kind
from searcher.ingest.correspondents.listed import read_listed_talk
from searcher.ingest.correspondents.occasions import speaker
from searcher.ingest.correspondents.offices import (
    office_phrase,
    office_split,
    protect_office_to,
    where_it_sits,
)
from searcher.ingest.correspondents.pieces import (
    holds_office,
    names_type,
    person_shaped,
    titled,
    type_lead,
)
from searcher.ingest.correspondents.quoted import QUOTED, read_quoted
from searcher.ingest.correspondents.roles import NONE, Correspondents, unique
from searcher.ingest.correspondents.routes import without_route
from searcher.ingest.correspondents.subjects import author_before_place, body_then_subject
from searcher.ingest.correspondents.tidy import tidy
from searcher.ingest.correspondents.title_names import (
    COMMA,
    GLOSSED,
    MONTH,
    Collector,
    lead_name,
    looks_like_name,
    name_run,
    split_outside_brackets,
)
from searcher.ingest.correspondents.words import (
    NOT_SENT,
    NOUN_ENDING,
    bare,
    data_lines,
    is_body,
    is_place,
    is_type_phrase,
    without_type_end,
)
from searcher.names import OFFICES, NameAuthority

_EXCERPT = re.compile(
    r"^(?:(?:excerpts?|extracts?)\s+from\s+(?:the\s+|an?\s+)?|from\s+an?\s+)", re.I
)


#: The sender's own message to someone, no other's: "Telegram from Molotov with a Message to
#: Kim Il Sung" (not "... with a Letter to Stalin from Residents of Dalian").
_OWN_MESSAGE = re.compile(
    r"\s+with\s+(?:an?\s+|his\s+|her\s+|the\s+)?(?:message|letter|note|reply)\s+(?=to\s)", re.I
)
#: A record of a conversation, before what it records: "Note of Conversation [Regarding]".
_RECORD_ABOUT = re.compile(r"^(?:[\w-]+\s+){1,2}of\s+(?:an?\s+|the\s+)?conversations?$", re.I)
#: Nouns of a subject before "to", never a sender ("... Official Visit to the DPRK").
_SUBJECT_WORDS = frozenset(data_lines("title-subject-words.txt"))
_CONTENT = re.compile(
    r"(?i:,?\s+(?:transmitting|conveying|forwarding|enclosing|containing|attaching|quoting|"
    r"relaying|regarding|concerning|about|re:|with\s+(?:an?\s+|the\s+)?(?:message|letter|"
    r"telegram|note|text|draft|copy|report|request)s?\b|in\s+(?:reply|response|answer)\b|"
    r"with\s+(?:an?\s+)?(?:attached|enclosed)\b))"
    r"|,\s+[A-Za-z][a-z]{2,}ing\s+(?:the|a|an|that|his|her|its|their|to|[a-z]+|[A-Z][a-z]+)\b",
)
#: The subject after a message's correspondents: "Letter of A to B on the Meeting of C and D".
_ON_SUBJECT = re.compile(
    r"\s+on\s+(?:(?:the|an?|his|her|its|their)\s|(?:visits?|trips?|talks)\b|(?-i:[A-Z])\w+ing\s)",
    re.IGNORECASE,
)
#: "from" before a sender, not before a gathering: "Notes from Politburo Meeting".
_FROM = re.compile(
    r"(?<!delegation)(?<!delegations)(?<!delegates)(?<!guests)"  # "the Delegation from X": a name
    r"(?:^|\s)from\s+(?!(?:the\s+|an?\s+)?(?:(?-i:[A-Z][\w-]*)\s+){0,3}(?:meetings?|"
    r"conversations?|talks?|discussions?|sessions?|plenums?|congress|conference|minutes|"
    r"records?|diary|journal)\b)",
    re.IGNORECASE,
)
_BY = re.compile(r"(?:^|\s)by\s+(?=.+\s+to\s+)", re.IGNORECASE)
#: "Memorandum for the President from ...": the addressee before the sender.
_FOR_FROM = re.compile(r"^(?:[\w-]+\s+){1,3}?for\s+(?P<who>.+?)\s+from\s+", re.IGNORECASE)
#: "to" before an addressee; not between two dates or hours ("1 May 1953 to 25 June 1953").
_TO = re.compile(r"(?<!\d)\s+to\s+|(?<=\d)\s+to\s+(?!\d)", re.IGNORECASE)
_VIA_BRACKET = re.compile(r"\s*[\[(]\s*via\s+([^\])]+)[\])]", re.IGNORECASE)
_VIA = re.compile(r"(?:,?\s+(?:transmitted|sent|forwarded|passed))?\s+(?:via|through)\s+", re.I)
#: Onward and further addressees: "to A, for B", "to the CPSU Central Committee, to A. A. Smirnov".
_FOR = re.compile(r"\s*,\s*(?:for|to)\s+|\s+for\s+(?=(?:cdes?\.?|comrades?)\s)", re.IGNORECASE)
#: Further addressees: "..., cc: Zhou Enlai", "... to the PUWP CC, attention Stanislaw Kania".
_CC = re.compile(
    r"\s*[,;]?\s*\bcc\s*:\s*|\s*[,;]\s*cc\s+|\s*[,;]\s*(?:attention|attn\.?)\s*:?\s+",
    re.IGNORECASE,
)
#: A piece after a recipient that is the subject, not another recipient: "..., Pol Pot's Visit
#: to the DPRK", "..., Marked 'Final Version'".
_SUBJECT_PIECE = re.compile(r"\w['’]s\s+\w|(?:^|\s)['\"‘“]")
_POSSESSIVE_TYPE = re.compile(r"['’]s\s+(?P<rest>.+)$")
#: The owner of a document after "and", with no comma: "... to Mao Zedong and Mao['s Comments]".
_OWNER_AFTER_AND = re.compile(r"\s+and\s+[^,]+$")


def _recipients(segment: str, collect: Collector) -> tuple[list[str], list[str]]:
    """Recipients and intermediaries of the text after "to"."""
    via: list[str] = []
    for match in _VIA_BRACKET.finditer(segment):
        via += collect.names(match[1])
    segment = _CC.sub(" and ", _VIA_BRACKET.sub("", segment))
    if (on := _ON.search(segment)) and not _BODY_ON.search(segment, 0, on.start()):
        segment = segment[: on.start()]  # "... Affairs on South Africa and the Bomb": a subject
    segment, _, via_text = _split_via(segment)
    if via_text:
        via += collect.names(via_text)
    if (match := _POSSESSIVE_TYPE.search(segment)) and is_type_phrase(match["rest"]):
        segment = _OWNER_AFTER_AND.sub("", segment[: match.start()])  # "... and Mao's Comments"
    pieces = split_outside_brackets(segment, COMMA)
    kept = [p for p in pieces[1:] if not _SUBJECT_PIECE.search(p) and not titled(p)]
    kept = [p for p in kept if not any(bare(w) in _SUBJECT_WORDS for w in p.split())]
    segment = ", ".join(pieces[:1] + kept)  # "..., Economic Policy Report", "..., US Threats"
    names: list[str] = []
    for part in split_outside_brackets(segment, _FOR):
        names += collect.names(part)
    return names, via


#: "on" after an addressee, before the subject; a body's own "on": "Committee on ...".
_ON = re.compile(r"\s+on\s+")
_BODY_ON = re.compile(r"\b(?:committee|commission|subcommittee|council|board|group)$", re.I)


def _split_via(segment: str) -> tuple[str, str, str]:
    """The text before "via", the word itself, and the intermediaries after it."""
    if match := _VIA.search(segment):
        return segment[: match.start()], "via", segment[match.end() :]
    return segment, "", ""


def _senders(segment: str, collect: Collector) -> tuple[list[str], list[str]]:
    """Senders and intermediaries of the text after "from" or before "to"."""
    via: list[str] = []
    for match in _VIA_BRACKET.finditer(segment):
        via += collect.names(match[1])
    segment, _, via_text = _split_via(_VIA_BRACKET.sub("", segment))
    if via_text:
        via += collect.names(via_text)
    if (match := _POSSESSIVE_TYPE.search(segment)) and is_type_phrase(match["rest"]):
        segment = segment[: match.start()]  # "Li Wei's Brief Statement": Li Wei
    pieces = split_outside_brackets(segment, COMMA)
    if len(pieces) > 1:
        # "Cryptogram No 7067 from Polish Embassy in Moscow, Wording of Soviet-Romanian
        # Agreement": what the message holds, not a second sender
        pieces = pieces[:1] + [p for p in pieces[1:] if not _subject_noun(p, collect)]
        segment = ", ".join(pieces)
    return collect.names(segment), via


def _subject_noun(piece: str, collect: Collector) -> bool:
    """A piece opening with a common noun ("Wording of ...", "Reactions to ..."): a subject."""
    first = piece.split()[0].strip(".,;:")
    return (
        first[:1].isupper()
        and NOUN_ENDING.search(first) is not None
        and not is_body(piece)
        and not collect.authority.canonical(piece)
    )


#: Spoken, not sent: whom a speech is given to is its audience, not its recipient.
_SPOKEN = re.compile(
    r"^(?:[^'’,]+['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:speech|remarks|address|toast|lecture|comments|"
    r"talk)\b",
    re.IGNORECASE,
)


def _correspondence(text: str, collect: Collector) -> Correspondents:
    found = _message(text, collect)
    if found.recipient and _SPOKEN.match(text) and (to := _TO.search(text)):
        collect.written.clear()  # the audience goes, and how the title wrote it
        return _message(text[: to.start()], collect)
    return found


def _message(text: str, collect: Collector) -> Correspondents:
    from_match = _FROM.search(text) or _BY.search(text)
    gerund = from_match and _GERUND_END.search(text, 0, from_match.start())
    if gerund and not is_type_phrase(gerund[0]):
        from_match = None  # "Returning from Cuba": where someone came from, no sender
    if from_match and _SUBJECT_BY.search(text[: from_match.start()]):
        return NONE  # "The Official Visit Paid by the Minister ... to the DPRK": a subject
    parts = split_outside_brackets(text, COMMA)
    author = parts[0] if len(parts) > 1 and looks_like_name(parts[0]) else ""
    if author and (is_body(author) or all(office_split(author))) and names_type(parts[1]):
        # "Hungarian Embassy in Havana (Görög), Report on Reactions to ...", "Czechoslovak
        # Interior Minister Jan Pelnář, Report on Security Situation ..."
        return Correspondents(tuple(collect.names(parts[0])))
    body = body_then_subject(parts, collect) if author else ""
    if author and is_body(author) and len(parts) == 2 and _subject_phrase(parts[1]) or body:
        # "International Operations Division, Management Turmoil at Radio Free Europe"
        return Correspondents(tuple(collect.names(body or without_type_end(author))))
    if from_match and (match := _FOR_FROM.match(text)) and not RECORD.match(match["who"]):
        sender, via = _senders(text[from_match.end() :], collect)
        recipient, via_r = _recipients(match["who"].rstrip(" ,"), collect)  # "A, through B,"
        return Correspondents(tuple(sender), tuple(recipient), unique(via + via_r))
    to_match = _TO.search(text, from_match.end() if from_match else 0)
    if from_match and not to_match:
        earlier_to = _TO.search(text, 0, from_match.start())
        if earlier_to:
            recipient, via_r = _recipients(text[earlier_to.end() : from_match.start()], collect)
            sender, via_s = _senders(text[from_match.end() :], collect)
            return Correspondents(tuple(sender), tuple(recipient), unique(via_s + via_r))
        # "Note from the Ministry of Foreign Affairs [Gromyko] for the CC CPSU"
        author, _, addressee = split_for(text[from_match.end() :], collect)
        sender, via = _senders(author, collect)
        if all(map(is_place, sender)) and not _WIRED.search(text, 0, from_match.start()):
            sender = author_before_place(text, collect)  # "Polish Notes from Miami": no one
        return Correspondents(tuple(sender), tuple(collect.names(addressee)), tuple(via))
    if from_match and to_match:
        sender, via_s = _senders(text[from_match.end() : to_match.start()], collect)
        recipient, via_r = _recipients(text[to_match.end() :], collect)
        return Correspondents(tuple(sender), tuple(recipient), unique(via_s + via_r))
    if to_match:
        prefix = text[: to_match.start()]
        parts = [p for p in split_outside_brackets(prefix, COMMA) if not is_type_phrase(p)]
        if parts:
            # "State Department Telegram 233 to US Embassy Egypt": a sender, then its type
            sender_type, parts[-1] = parts[-1], without_type_end(parts[-1])
            if parts[-1] != sender_type and parts[-1].casefold() in OFFICES:
                # "Soviet Report to East German Leadership": a nationality, no sender
                recipient, via = _recipients(text[to_match.end() :], collect)
                return Correspondents((), tuple(recipient), tuple(via))
        if len(parts) > 1 and parts[-1].startswith("and "):
            # "Yurii Andropov, Nikolai Shchelokov, and Mikhail Malyarov to the CPSU CC"
            first = len(parts) - 1
            while first > 0 and looks_like_name(parts[first - 1]):
                first -= 1
            parts[first:] = [", ".join(parts[first:])]
        if len(parts) > 1 and where_it_sits(parts[-2], GLOSSED.sub(r"\g<main>", parts[-1])):
            # "Office of the British Political Representative, Bucharest, to ...": where it sits
            parts[-2:] = [", ".join(parts[-2:])]
        if len(parts) > 1 and holds_office(parts[-2], parts[-1]):
            # "William Brubeck, Executive Secretary, to McGeorge Bundy": his office, no sender
            parts.pop()
        if parts and not _may_send(parts[-1]) or _VERB_OBJECT.match(text, to_match.end()):
            # "Plan of Measures to Implement the Decisions ...": what is to be done; "CPCz
            # Information Bulletin on Czechoslovak Reaction to ...": a "to" of the subject
            named = named_type(text, collect)
            return named if named != NONE else _possessive_author(text, collect)
        if (
            parts
            and (plan := _PLAN.match(parts[-1]))
            and _infinitive(text[to_match.end() :], collect)
        ):
            # "Free Europe Committee Proposal to Exploit Berlin Crisis": what it would do
            if _THEY_PLAN.search(parts[-1]):
                return NONE
            if is_body(plan["who"]) or collect.authority.canonical(plan["who"]):
                return Correspondents(tuple(collect.names(plan["who"])))
            return NONE
        if parts and (head := _TYPE_OF.match(parts[-1])) and is_type_phrase(head[1]):
            parts[-1] = parts[-1][head.end() :]
        sender, via_s = _senders(parts[-1], collect) if parts else ([], [])
        if not sender and not is_type_phrase(prefix):
            return NONE
        recipient, via_r = _recipients(text[to_match.end() :], collect)
        return Correspondents(tuple(sender), tuple(recipient), unique(via_s + via_r))
    if match := AUTHORED_BY.match(text) or AUTHORED.match(text):
        # "Journal Entry of Ambassador Zhukov: The Arrival of ...": the subject after a colon
        author, _, addressee = split_for(match["who"].split(": ", 1)[0], collect)
        who = split_outside_brackets(author, COMMA)
        known = collect.authority.canonical
        named = len(who) > 1 and (known(who[1]) or person_shaped(who[1]))
        if named and not known(name_run(who[0])):
            who = who[1:]  # "KGB Memo of Council Minister of the USSR, Y. Andropov, ..."
        elif len(who) > 1 and office_phrase(who[0]) and looks_like_name(name_run(who[1])):
            who = who[1:]  # "Report by the Hungarian Ambassador to the DPRK, Károly Pásztor, ..."
        lead = speaker(lead_name(who[0]), collect.authority) if who else ""  # "Secretary ... A"
        if lead and looks_like_name(lead) and not GATHERING.search(lead):
            recipient = collect.names(addressee) if addressee else []
            return Correspondents(tuple(collect.names(lead)), tuple(recipient))
    if (match := POSSESSIVE_AUTHORED.match(text)) and _may_send(match["who"]):
        sender = tuple(collect.names(match["who"]))
        if addressed := _FOR_WHOM.match(text, match.end()):
            # "Mikihail Zimyanin's Background Report for Khrushchev on China"
            return Correspondents(sender, tuple(collect.names(addressed["who"])))
        return Correspondents(sender)
    if (match := _TYPE_FOR.match(text)) and not RECORD.match(match["who"]):
        return Correspondents((), tuple(collect.names(match["who"])))  # "Note for Comrade A"
    if (match := _TYPE_ON_FOR.match(text)) and is_type_phrase(match["type"]):
        # "Daily Information Bulletin for the Prime Minister Georgi Dimitrov", "Information on
        # the Chinese Question for the Leaderships of the Fraternal Parties ..."
        author, _, addressee = split_for(f"{match['type']} for {match['who']}", collect)
        if addressee:
            return Correspondents((), tuple(collect.names(addressee)))
    if (named := named_type(text, collect)) != NONE:
        return named
    parts = split_outside_brackets(text, COMMA)
    if len(parts) > 1 and looks_like_name(parts[0]) and type_lead(parts[1]):
        author = parts[0]
        head = _TYPE_OF.match(author)
        if MONTH.match(parts[1]) or parts[1][:1].isdigit() or head and is_type_phrase(head[1]):
            return NONE
        if is_body(author) or collect.authority.canonical(author) or person_shaped(author):
            return Correspondents(tuple(collect.names(author)))  # "Anatoly A, Notes from ..."
    return NONE


#: Messages a place sends, as a post's wire does: "Cable from Tehran", "Telegram from Pyongyang";
#: information a country's service sends ("Information from Romania on ...").
_WIRED = re.compile(
    r"\b(?:cable|telegram|cipher|ciphered|telex|radiogram|wire|airgram|information)", re.I
)


def _subject_phrase(piece: str) -> bool:
    """A capitalized phrase that is no name and sends nothing: a document's subject."""
    return (
        piece[:1].isupper()
        and not looks_like_name(piece)
        and not _TO.search(piece)
        and not (_FROM.search(piece) or _BY.search(piece))
    )


_GERUND_END = re.compile(r"\b[A-Z]?[a-z]+ing$")
#: A verb and its object after "to", not an addressee: "to Implement the Decisions".
_VERB_OBJECT = re.compile(r"[A-Z][a-z]+\s+(?:the|a|an|their|its|his|her|our|all)\s")
#: The addressee after a document's type: "... Report for Khrushchev on China".
_FOR_WHOM = re.compile(
    r"\s+for\s+(?P<who>(?:(?:cdes?\.?|comrades?)\s+)?[A-Z][^,;:]*?)"
    r"(?:\s+(?:on|about|regarding|concerning)\s.*)?$"
)


#: A body's plan, before "to" and what it would do: "Free Europe Committee Proposal to ...".
_PLAN = re.compile(r"^(?P<who>.+?)\s+(?:proposals?|plans?|requests?|attempts?)$", re.I)
#: Several bodies, then the verb they share: "... Interior Ministries Plan [to Cooperate]", a
#: headline of what they plan, no document of theirs.
_THEY_PLAN = re.compile(r"(?:ies|ees|ers|ons)\s+(?:plan|propose|request|attempt)$", re.I)


def _infinitive(after: str, collect: Collector) -> bool:
    """Whether the text after "to" opens with a verb: "Exploit Berlin Crisis", no addressee."""
    first = after.split()[0] if after.split() else ""
    return (
        first[:1].isupper()
        and first.casefold() not in ("the", "a", "an")
        and not collect.authority.canonical(first)
        and not is_place(first)
        and not is_body(after)
        and not office_split(after)[0]
    )


#: A document for its addressee: "Note for Comrade Veljko Micunovic's Personal Use".
_TYPE_FOR = re.compile(
    r"^(?:(?:draft|handwritten|personal|secret|urgent)\s+)?(?:note|notes|memorandum|memo|letter|"
    r"information|directives?|instructions?)\s+"
    # "for Comrades: A, B, and C": the honorific of several opens their list
    r"for\s+(?P<who>(?:comrades|cdes\.?)(?::|\s)\s*[^'\"‘“]+?|[^,'\"‘“]+?)"
    r"(?:['’]s\s+personal\s+use)?$",
    re.IGNORECASE,
)


#: A document for its addressee, perhaps after its subject: "Information on the Chinese
#: Question for the Leaderships of the Fraternal Parties".
_TYPE_ON_FOR = re.compile(
    r"^(?P<type>[^,]+?)(?:\s+(?:on|about|regarding|concerning)\s+[^,]+?)?"
    r"\s+for\s+(?P<who>[^,'\"‘“]+)$",
    re.IGNORECASE,
)


#: An act before "by", whose agent is no sender: "The Official Visit Paid by ...",
#: "Russian-Language Broadcasts by ...".
_SUBJECT_BY = re.compile(
    r"\b(?:visits?|trips?|journey|broadcasts?|broadcasting|deliveries|shipments?|supplies)\b"
    r"(?:\s+\w+)?\s*$",
    re.IGNORECASE,
)


def _possessive_author(text: str, collect: Collector) -> Correspondents:
    """ "A's Account of His Visit to Washington to the Central Committee": A to the last "to"."""
    match = POSSESSIVE_AUTHORED.match(text)
    if not match or not _may_send(match["who"]):
        return NONE
    tos = list(_TO.finditer(text, match.end()))
    if tos and bare(text[: tos[-1].start()].split()[-1]) in _SUBJECT_WORDS:
        tos = []  # "J. Burgin's Report on a Trip to North Korea": where the trip went
    recipient = _recipients(text[tos[-1].end() :], collect)[0] if tos else []
    return Correspondents(tuple(collect.names(match["who"])), tuple(recipient))


_TYPE_OF = re.compile(r"^(.+?)\s+(?:of|by)\s+(?:the\s+)?", re.IGNORECASE)


def _may_send(text: str) -> bool:
    """Whether the text before "to" in "X to Y" can be a sender ("Reactions to ..." cannot)."""
    if not looks_like_name(text) or text.split()[0].casefold() in ("a", "an"):
        return False
    words = text.split()
    if any(w.strip(".,;:’'").casefold() in _SUBJECT_WORDS for w in words) or NOT_SENT.search(text):
        return False  # "... Visit to ...", "CPSU Politburo Decision to Adopt ..."
    if len(words) > 1 and NOUN_ENDING.search(words[0]) and words[1].islower() and not is_body(text):
        return False  # "Recommendations for Assistance to Greece and Turkey"
    if (owned := _OWNED.search(text)) and not (is_type_phrase(owned[1]) or is_body(owned[1])):
        return False  # "Ichiro Ogimura and Young C. Kim's Efforts to Facilitate ..."
    return len(words) > 1 or not NOUN_ENDING.search(words[0].strip(".,;:"))


#: A thing someone has, last before "to": "... Kim's Efforts".
_OWNED = re.compile(r"['’]s\s+([A-Z][\w-]*)$")


#: A type and a comma before the title proper: "Main points, Zhou Enlai's presentations ...".
_TYPE_LEAD = re.compile(r"^([^,]+),\s+(?=[A-Z])")


def _sent_about_meeting(who: str) -> bool:
    """Whether a conversation's names run on into ", A to B": a message about a meeting."""
    _, comma, rest = who.partition(",")
    return bool(comma) and _TO.search(rest) is not None


#: A note of one party's talk with another: "Note of Comrade A, Ambassador, with B".
_NOTE_WITH = re.compile(
    r"^(?:notes?|record|memorandum|minutes)\s+of\s+(?!(?:the|an?)\s)(?P<who>[^,]+(?:,[^,]+)?)"
    r",?\s+with\s+(?P<other>.+)$",
    re.IGNORECASE,
)


#: A title opening with its subject, then perhaps a comma: "Regarding ...", "On ...".
_SUBJECT_FIRST = re.compile(r"^(?:regarding|concerning|about|on|re:)\s(?:[^,]*,\s*)?", re.I)


def read_title(title: str, authority: NameAuthority) -> Correspondents:
    """Senders, recipients, intermediaries and participants a title names (canonical)."""
    text = without_route(_EXCERPT.sub("", protect_office_to(tidy(title))))
    collect = Collector(authority)
    if (made := PREPARED_BY.search(text)) and (author := collect.names(made["who"])):
        # "Draft Memorandum, '...,' Prepared by the Vietnam Group of the Chinese Delegation"
        return Correspondents(tuple(author), as_written=tuple(collect.written))
    if match := QUOTED.match(text):
        return read_quoted(match, authority, collect, read_title)
    text = headline_as_document(text)
    if subject := _SUBJECT_FIRST.match(text):
        # "Regarding President Tito's Official Visit to the DPRK": only what follows the
        # subject and a comma names anyone ("On the Three Principles ..., Conversations with")
        if not subject[0].rstrip().endswith(","):
            return NONE
        text = text[subject.end() :]
    if (handed := read_delivered(text, collect)).sender:  # "... which A presented to B"
        return Correspondents(*astuple(handed)[:4], as_written=tuple(collect.written))
    if (talk := own_talk(text)) and (own := read_own_talk(talk, collect)).sender:
        return Correspondents(*astuple(own)[:4], as_written=tuple(collect.written))
    for read in (read_hosted, read_call, read_talk, read_listed_talk, read_own_records):
        if (met := read(text, collect)).participants:
            return Correspondents(participants=met.participants, as_written=(*collect.written,))
    collect.written.clear()
    if (after := author_after_subject(text, collect)).sender:
        return Correspondents(after.sender, as_written=tuple(collect.written))
    own = _OWN_MESSAGE.search(text)
    if own and _FROM.search(text, 0, own.start()) and not _FROM.search(text, own.end()):
        text = f"{text[: own.start()]} {text[own.end() :]}"  # "from A with a Message to B"
    for content in _CONTENT.finditer(text):
        if _RECORD_ABOUT.search(text[: content.start()]):
            break  # "Note of Conversation Regarding Audience of A with B": what it records
        if not is_type_phrase(text[: content.start()]):
            text = text[: content.start()]
            break
    for content in _ON_SUBJECT.finditer(text):
        before = text[: content.start()]
        addressed = _TYPE_FOR.match(before)  # "Information [for Gustav Husak] on ..."
        if (
            _TO.search(before)
            or _FROM.search(before)
            or AUTHORED_BY.match(before)
            or (addressed and not RECORD.match(addressed["who"]))
        ):
            text = before
            break
    sent = _TO.search(text) or _WIRED.search(text.split(",")[0]) and _FROM.search(text)
    if (lead := _TYPE_LEAD.match(text)) and is_type_phrase(lead[1]) and not sent:
        text = text[lead.end() :]  # "Minutes, Zhou Enlai's Conversation with Mendes-France"
        author = speaker(split_outside_brackets(text, COMMA)[0], authority)
        if looks_like_name(author) and (is_body(author) or authority.canonical(author)):
            # "Memorandum, Hungarian Embassy in Beijing": its author
            return Correspondents(tuple(collect.names(author)), as_written=(*collect.written,))
    if pair := PAIR.match(text):
        # "Minutes of Todor Zhivkov – Raul Castro Meeting", "Transcript of A and B discussing"
        who = pair["who"] or pair["pair"]
        participants = collect.names(DASH.sub(" and ", HYPHEN_PAIR.sub(r"\1 and ", who)))
        if len(participants) > 1:
            return Correspondents(participants=unique(participants), as_written=(*collect.written,))
        collect.written.clear()
    if (kept := KEPT_BY.match(text)) and (author := collect.names(kept["who"])):
        # "Notes Kept by the Hungarian Foreign Minister Regarding Conversations with ..."
        return Correspondents(tuple(author), as_written=tuple(collect.written))
    conversation = CONVERSATION.search(text)
    note = None if conversation else _NOTE_WITH.match(text)
    if note and looks_like_name(lead := note["who"].split(",")[0]) and not GATHERING.search(lead):
        # "Note of Comrade Bergold, East German Ambassador, with the Polish Ambassador ..."
        first, second = collect.names(note["who"]), collect.names(note["other"])
        if first and second:
            return Correspondents(
                participants=unique([*first, *second]), as_written=tuple(collect.written)
            )
        collect.written.clear()
    result = NONE
    if conversation and _sent_about_meeting(conversation["who"]):
        result = _correspondence(text, collect)  # "Note on the Meeting of X, A to B"
        if not (result.sender and result.recipient):
            collect.written.clear()
            result = NONE
    if result == NONE and conversation and "," in text[: conversation.start()]:
        # "Cable, Ambassador Dobrynin to the Soviet Foreign Ministry, Meeting with ...": a
        # message whose subject is a meeting
        result = _correspondence(text[: conversation.start()].rstrip(" ,"), collect)
        if not (result.sender and result.recipient):
            collect.written.clear()
            result = NONE
    if result == NONE and conversation and conversation_first(text, conversation):
        result = read_conversation(text, conversation, collect)
    if not (result.sender or result.recipient or result.participants):
        collect.written.clear()
        result = _correspondence(text, collect)
    talked = conversation and not message_on(text, conversation)  # not "Cable on A's Meetings"
    if talked and not (result.sender or result.recipient or result.participants):
        collect.written.clear()
        result = read_conversation(text, conversation, collect)
    if result == NONE and (visit := RECEIVES.match(text)) and looks_like_name(visit["host"]):
        host = collect.names(visit["host"])
        guest = collect.names(visit["guest"])
        if host and guest:
            result = Correspondents(participants=unique([*host, *guest]))
    if result == NONE and (result := read_kind(text, collect)) == NONE:
        return NONE
    return Correspondents(
        result.sender, result.recipient, result.via, result.participants, tuple(collect.written)
    )
