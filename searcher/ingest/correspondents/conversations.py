"""Conversations, meetings and audiences in a title: who took part.

"Memorandum of Conversation between A and B", "Record of a Conversation of A with B",
"From the Journal of A: Record of Conversation with B", "A's Talk with B", "Minutes of A - B
Meeting", "Transcript of A and B discussing ...", "A Receives B".  A diarist who records a
conversation takes part in it; a body at the head of a delegation gives way to its head.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.kinds import KINDS
from searcher.ingest.correspondents.offices import office_phrase
from searcher.ingest.correspondents.pieces import person_shaped
from searcher.ingest.correspondents.roles import Correspondents, unique
from searcher.ingest.correspondents.title_names import (
    AND,
    COMMA,
    Collector,
    looks_like_name,
    split_outside_brackets,
)
from searcher.ingest.correspondents.words import MARK, is_body, is_place, is_type_phrase

CONVERSATION = re.compile(
    r"(?:(?:telephone|phone|private|official|first|second|further|confidential)\s+)?"
    r"\b(?:conversations?|meetings?|talks?|discussions?|negotiations|consultations|"
    r"contacts?(?=\s+between\s)|receiving(?=\s+of\s)|calling\s+on(?=\s)|"
    r"(?:letters|correspondence)(?=\s+between\s)|conference(?=\s+with\s+(?!the\s))|"
    r"exchange\s+of\s+views|interview|audience|reception|visit(?=\s+of\s.+\swith\s)|"
    r"(?:breakfast|lunch|luncheon|dinner)(?=\s+with\s))"
    r"(?:\s+(?:records?|minutes|notes))?"  # "Conversation records between A and B"
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w-]*)?"
    # when and how it was held: "Discussions of 11 and 12 January 1957 between", "held by"
    r"(?:\s+(?:of|on)\s+\d{1,2}(?:\s+and\s+\d{1,2})?\s+(?-i:[A-Z])[a-z]+\s+\d{4}(?=\s+between\s))?"
    r"(?:\s+(?:held|conducted))?"
    r"(?:\s*,?\s+(?P<prep>between|among|of|with|by)\s+|"
    r"\s*[,:]\s+(?=[^,]+\s+(?:and|with|[–—])\s+)|"
    # "Memorandum of Conversation Austrian Chancellor A and East German Prime Minister B"
    r"(?<=of\sconversation)\s+(?=(?-i:[A-Z])[^,]*\s(?:and|with)\s+(?-i:[A-Z]))|"
    r"(?<=calling\son)\s+)(?P<who>.+)$",  # "Premier Zhou's Calling on Chief of Staff Ne Win"
    re.IGNORECASE,
)


#: "Chairman Mao Receives American Writer Edgar Snow", "Saddam Meeting Military Officials":
#: a host and a guest.
RECEIVES = re.compile(
    r"^(?:[^:]*:\s+)?(?P<host>[^:;]+?)\s+(?:receives?|received|meets?|met|"
    r"meeting(?=\s+(?-i:[A-Z])))(?:\s+with)?\s+"
    r"(?P<guest>.+)$",
    re.IGNORECASE,
)


_HOST = re.compile(
    r"^(?:.*\bfrom\s+)?(?P<host>.+?)['’]s\s+(?P<gloss>\[[^\]]+\]\s+)?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+)?(?:\d{1,4}\s+)?$",
    re.IGNORECASE,
)


#: A record of someone's meeting, the name with no possessive: "Summary of A Meeting".
_NAMED_HOST = re.compile(r"^(?P<type>.+?)\s+of\s+(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+)$")


DIARY_WORDS = re.compile(r"\b(?:diary|journal)\b", re.IGNORECASE)


_DIARY = re.compile(
    r"\b(?:diary|journal)(?:\s+entry)?\s+of\s+(?P<who>[^:,]+?)\s*[:,]|"
    r"(?:^|\s)(?:from\s+)?(?P<owner>(?-i:[A-Z])[^:,]*?)['’]s\s+(?:diary|journal)\b",
    re.IGNORECASE,
)


def read_conversation(text: str, match: re.Match[str], collect: Collector) -> Correspondents:
    names: list[str] = []
    prefix = text[: match.start()]
    if host := _HOST.match(prefix.rsplit(",", 1)[-1].lstrip()):
        head, of, rest = host["host"].partition(" of ")
        who = rest if of and is_type_phrase(head) else host["host"]
        gloss = f" {host['gloss'].strip()}" if host["gloss"] else ""
        if name := collect.person_or_body(who + gloss):
            names.append(name)
    elif (
        (host := _NAMED_HOST.match(prefix.rsplit(",", 1)[-1].strip()))
        and is_type_phrase(host["type"])
        and not _PREPOSITIONS.search(host["who"])
    ):
        # "Summary of Averell Harriman Meeting with Stalin": the one named before the meeting
        names += collect.names(host["who"])
    elif (match["prep"] or "").lower() == "with" and _meets(lead := prefix.strip(), collect):
        names += collect.names(lead)  # "Saddam Hussein Meeting with the General Command ..."
    if diary := _DIARY.search(prefix):
        names += collect.names(diary["who"] or _LEAD_FROM.sub("", diary["owner"]))
    prep = (match["prep"] or "").lower()
    sender: tuple[str, ...] = ()
    last = prefix.rsplit(",", 1)[-1].lstrip()
    if prep == "with" and (own := _RECORD_OF.match(last)) and (author := collect.names(own["who"])):
        # "Gomulka's Memorandum of a Conversation with Stalin": its author, who took part;
        # notes kept for oneself send nothing ("Bierut's Notes of a Conversation with Stalin")
        sender = () if KINDS.get(own["kind"].casefold()) == "records" else (author[0],)
        names.append(author[0])
    if prep == "with" and not names and (author := _author_before(prefix, collect)):
        # "Soviet Ambassador to Ethiopia A.P. Ratanov, Memorandum of Conversation with ..."
        sender = (author,)
        names.append(author)
    if prep == "with" and not names and (talker := _talker_before(prefix, collect)):
        names.append(talker)  # "Italian Journalist Carmine De Lepsis, Interview with ..."
    if (
        not sender
        and (notes := _NOTES_BY.match(prefix))
        and (author := collect.names(notes["who"]))
    ):
        # "Notes by A. S. Chernyaev, Record of Conversation between A and B": the note-taker
        sender = (author[0],)
    who = DASH.sub(" and ", _AT_GATHERING.split(_WHO_SUBJECT.split(match["who"])[0])[0])
    described = split_outside_brackets(who, COMMA)  # "with a Member of ..., Fabio Grobart"
    if who.startswith(("a ", "an ")) and not is_body(who) and not office_phrase(described[0]):
        return Correspondents(sender=sender, participants=unique(names))  # "with a Communist"
    pieces = [who]
    if prep in ("between", "", "of", "by"):
        # "between Soviet Ambassador to the GDR, Pervukhin with Walter Ulbricht", "between A
        # and B with C", "of Comrade A with B", "by A with B"
        pieces = _WITH.split(who)
    groups = split_outside_brackets(who, AND)
    # "a Meeting of Delegations of the Communist and Workers' Parties of Bulgaria, ... and
    # Czechoslovakia": bodies, and the countries they come from
    gathering = len(groups) == 1 or all(is_body(g) or is_place(g) for g in groups)
    # "Reception of the Ambassador of Iran ... Nader Arasteh": a guest received, no gathering
    gathering = gathering and not _RECEIVED.match(match[0]) or _HOLDERS.match(who) is not None
    if prep == "of" and len(pieces) == 1 and gathering and not names:
        pieces = []  # "a Meeting of Students of the University": a gathering, no parties
    for piece in pieces:
        names += collect.names(_head_of_body(piece))
    return Correspondents(sender=sender, participants=unique(names))


def _meets(lead: str, collect: Collector) -> bool:
    """Whether the whole text before a meeting is who met: a known person, a person's name or
    a body ("Iraqi Cabinet Meeting with ...")."""
    if not lead or "," in lead or not looks_like_name(lead) or is_type_phrase(lead):
        return False
    return bool(collect.authority.canonical(lead) or is_body(lead) or person_shaped(lead))


#: Holders of an office, many: "the Ambassadors and Acting Ambassadors of Hungary, ...".
_HOLDERS = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:ambassadors|representatives|heads|ministers|"
    r"secretaries|leaders|members|chairmen)\b",
    re.IGNORECASE,
)


#: Notes by their taker before the conversation they record: "Notes by A. S. Chernyaev, ...".
#: A guest's reception or audience: "Reception of the Ambassador of Iran".
_RECEIVED = re.compile(r"(?:reception|receiving|audience)\s+of\s", re.IGNORECASE)


_NOTES_BY = re.compile(r"^(?:notes?|minutes)\s+(?:taken\s+)?by\s+(?P<who>[^,]+),", re.IGNORECASE)


#: A record of two parties named before the meeting, or before what they discuss (perhaps
#: with no record named).
PAIR = re.compile(
    r"^(?:(?:minutes|notes|record|transcript|memorandum|summary)\s+of\s+(?:the\s+)?|"
    r"(?=[^,]+?\s+and\s+[^,]+?\s+discussing\b))"  # "Saddam Hussein and His Advisers Discussing"
    r"(?:(?P<who>[^,]+?\s[–—]\s[^,]+?|(?-i:[A-Z])[a-z]+-(?-i:[A-Z])[^,\s-]+(?:\s(?-i:[A-Z])\w+)?)\s+"
    r"(?:meeting|talks|conversation|discussions?)\b|"
    r"(?P<pair>[^,]+?\s+and\s+[^,]+?)\s+discussing\b)",
    re.IGNORECASE,
)


#: Two parties joined by a hyphen: "Record of Furui-Zhou Enlai Meeting".
HYPHEN_PAIR = re.compile(r"^([A-Z][a-z]+)-(?=[A-Z])")


_WITH = re.compile(r"\s*,?\s+with\s+", re.IGNORECASE)


#: Parties written with a dash: "Minutes of Conversation between Todor Zhivkov – Brezhnev".
DASH = re.compile(r"\s+[–—]\s+")


#: The subject after the parties: "... with Mikoyan on Soviet Economic Cooperation and Aid".
#: Or how it was held, by whom: "... with Stalin in Sochi Held by PPR and PPS Delegations".
_WHO_SUBJECT = re.compile(
    r"\s+(?:on|about|concerning|regarding)\s+(?=(?:the\s+)?[A-Z])|"
    r"\s+(?i:held|organi[sz]ed|arranged|hosted)\s+by\s"
)


#: The gathering the parties came to: "... the South Korean Delegates to the High-Level
#: Political Talks between North and South Korea".
_AT_GATHERING = re.compile(
    rf"\s+(?:to{MARK}?|at)\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?(?:talks|conference|summit|negotiations)\b",
    re.IGNORECASE,
)


#: A body's head named after it: "the Romanian Party and Government Delegation Led by A".
_HEADED_BY = re.compile(r",?\s+(?:led|headed|haded|chaired)\s+by\s+", re.IGNORECASE)


def _head_of_body(piece: str) -> str:
    """ "the X Delegation, Headed by Comrade A, and B": the body goes, its head stays; each
    body of several ("the Romanian Delegation, Led by A, and the Chinese Delegation, Led by B")."""
    if not _HEADED_BY.search(piece):
        return piece
    kept: list[str] = []
    for group in split_outside_brackets(piece, AND):
        if match := _HEADED_BY.search(group):
            while kept and is_body(kept[-1]):
                kept.pop()  # "the Romanian Party" and "Government Delegation Led by A"
            kept.append(group[match.end() :])
        else:
            kept.append(group)
    return " and ".join(kept)


def _author_before(prefix: str, collect: Collector) -> str | None:
    """The person or body named before ", Memorandum of Conversation with ...", if any (a
    body with the unit of it that wrote)."""
    parts = split_outside_brackets(prefix, COMMA)
    if len(parts) < 2 or not is_type_phrase(_PREPOSITIONS.sub(" ", parts[-1])):
        return None
    author = parts[0]
    if not looks_like_name(author) or is_type_phrase(author):
        return None
    if is_body(author) and len(parts) > 2 and is_body(parts[1]):
        author = f"{author}, {parts[1]}"  # "SED CC, Department of International Relations"
    return collect.person_or_body(author)


def _talker_before(prefix: str, collect: Collector) -> str | None:
    """The one person named, with a comma, right before a talk ("A, Interview with B"): he
    took part."""
    parts = split_outside_brackets(prefix, COMMA)
    if len(parts) != 1 or not prefix.rstrip().endswith(","):
        return None
    who = parts[0]
    if not looks_like_name(who) or is_body(who) or is_type_phrase(who) or is_place(who):
        return None
    return collect.person_or_body(who)


#: Words between a record's type and the conversation it records: "Memorandum of
#: Conversation from the Meeting between ...".
_PREPOSITIONS = re.compile(
    r"\b(?:from|on|about|concerning|regarding|the|an?|conversations?|talks?|discussions?)\b",
    re.IGNORECASE,
)


def message_on(text: str, match: re.Match[str]) -> bool:
    """Whether a message is about the conversation: "Cable on A's Meetings with B"."""
    return _MESSAGE_ON.match(re.split(r"[:,]", text[: match.start()])[-1].lstrip()) is not None


def conversation_first(text: str, match: re.Match[str]) -> bool:
    last = re.split(r"[:,]", text[: match.start()])[-1]
    if _MESSAGE_ON.match(last.lstrip()):
        return False  # "Report from Ji Pengfei on Liu Shaoqi's Conversation with Kim Il Sung"
    if (diary := _DIARY.search(last)) and diary["owner"] or _RECORD_OF.match(last.lstrip()):
        return True  # "Excerpts from Tsedenbal's diary on his conversation with ..."
    prefix = _PREPOSITIONS.sub(" ", _ORDINALS.sub(" ", _DONE.sub(" ", last)))
    return not prefix.strip() or is_type_phrase(prefix) or _HOST.match(prefix) is not None


#: A meeting's state before its noun: "the Completed Discussions".
_DONE = re.compile(r"\b(?:completed|concluded|planned|recent|latest|final)\b", re.IGNORECASE)
#: The number of a meeting in a series: "Eleventh Meeting Between ...", "the 3rd Round of".
_ORDINALS = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\w+teenth|twentieth|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)


#: A record's author, possessive: "Gomulka's Memorandum of a Conversation with Stalin".
_RECORD_OF = re.compile(
    r"^(?P<who>[^,'’:]+?)['’]s\s+(?:[\w-]+\s+){0,2}?(?P<kind>memorandum|record|notes?|minutes|"
    r"summary)\s+of\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)


#: A message about a conversation, by its author or to its addressee: "Report from A on B's
#: Conversation with C", "Report to A on B's Conversation with C".
_MESSAGE_ON = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:report|cable|telegram|letter|note|memorandum|information)\s+"
    r"(?:(?:from|by|of|to)\s+[^,]+?\s+on\s+|on\s+(?=[^,]*['’]s\s))",
    re.IGNORECASE,
)


_LEAD_FROM = re.compile(r"^.*\bfrom\s+", re.IGNORECASE)


#: A record of its author's own talk: "Memorandum by Frank Aiken [on an Interview with Scott
#: McCleod and the Taoiseach]", "Memo [on a Meeting with "MARIAN"]", "Discussion with A".
_OWN_TALK = re.compile(
    r"^(?:(?:memorandum|memo|notes?|record|minutes)\s+(?:(?:by|of)\s+(?P<who>[^,]+?)\s+)?"
    r"(?:on|about|regarding|concerning)\s+(?:an?\s+|the\s+)?)?(?:conversation|meeting|"
    r"interview|talk|discussion|audience)s?\s+with\s+(?P<other>.+)$",
    re.IGNORECASE,
)


def own_talk(text: str) -> re.Match[str] | None:
    """A record of a talk with someone, by its author (``who``) if the text names one."""
    return _OWN_TALK.match(text)


def read_own_talk(match: re.Match[str], collect: Collector) -> Correspondents:
    """The author of a record of a talk sends it and takes part, with whom it names."""
    author = collect.names(match["who"]) if match["who"] else []
    others = collect.names(_WHO_SUBJECT.split(match["other"])[0])
    if not author or not others:
        return Correspondents()
    return Correspondents(sender=(author[0],), participants=unique([author[0], *others]))


#: A reception, a dinner or an audience: its host "by", its guest "in honor of", "to" or "of":
#: "Memorandum of Discussions at a Dinner Hosted by A in Honor of B", "the Audience Granted by A
#: to B", "Record of the Reception of the Government Delegation ..., led by A, by B".
_HOSTED = re.compile(
    r"\b(?:reception|dinner|lunch(?:eon)?|banquet|breakfast|audience)\s+(?:(?:(?:given|hosted|"
    r"offered|granted|accorded)\s+)?by\s+(?P<host>.+?)\s+(?:in\s+hono(?:u)?r\s+of|for|to)\s+"
    r"(?P<guest>.+)|"
    r"of\s+(?P<guest_first>.+),?\s+by\s+(?P<host_last>.+))$",
    re.IGNORECASE,
)


def read_hosted(text: str, collect: Collector) -> Correspondents:
    """The host and the guests of a reception or a dinner the title names, if any."""
    if not (match := _HOSTED.search(text)):
        return Correspondents()
    talk = CONVERSATION.search(text, 0, match.start())
    if talk and ((talk["prep"] or "").lower() in ("with", "between") or _WITH.search(talk["who"])):
        return Correspondents()  # "Discussion of A with B, at a Dinner Offered by C": A and B
    host = collect.names(match["host"] or match["host_last"])
    guest = collect.names(_head_of_body(match["guest"] or match["guest_first"]))
    if not host or not guest:
        return Correspondents()
    return Correspondents(participants=unique([*host, *guest]))


#: A telephone call from or to someone, who takes part: "Memorandum of Telephone Conversation:
#: Telephone Call from Chancellor Helmut Kohl of the Federal Republic of Germany, ...".
_CALL = re.compile(
    r"^(?:[^:]*:\s+)?(?:telephone\s+|phone\s+)call\s+(?:from|to|with)\s+(?P<who>[^,]+)",
    re.IGNORECASE,
)


def read_call(text: str, collect: Collector) -> Correspondents:
    """The party a telephone call names, if the title is one."""
    if not (match := _CALL.match(text)):
        return Correspondents()
    return Correspondents(participants=unique(collect.names(match["who"])))


#: A headline of people talking: "Stalin and Harriman Discuss the Military Situation",
#: "Saddam Talks About His Army".
_TALK = re.compile(
    r"^(?P<who>[^,:;'’]+?)\s+(?:talks\s+(?:about|with|on|to)|(?P<two>discuss))\s", re.IGNORECASE
)


def read_talk(text: str, collect: Collector) -> Correspondents:
    """Those a headline says talk, when each is a known person or has a person's name (two
    or more to discuss)."""
    if not (match := _TALK.match(text)):
        return Correspondents()
    groups = split_outside_brackets(match["who"], AND)
    if match["two"] and len(groups) < 2:
        return Correspondents()  # "Deng Xiaoping Discusses the Vietnam Issue": no talk named
    if not all(collect.authority.canonical(g) or person_shaped(g) for g in groups):
        return Correspondents()
    return Correspondents(participants=unique(collect.names(match["who"])))


#: Someone's own records of his conversations, naming no one else: "Collection of Ambassador
#: Jessup's Memoranda of Conversation, January 1950".
_OWN_RECORDS = re.compile(
    r"^(?:(?:collection|set|file|series|selection)\s+of\s+)?(?P<who>[^,'’]+?)['’]s\s+"
    r"(?:memorand(?:a|um)|records?|notes|minutes)\s+of\s+conversations?(?:\s*,.*)?$",
    re.IGNORECASE,
)


def read_own_records(text: str, collect: Collector) -> Correspondents:
    """The one whose records of conversations a title names, with no one else: he took part."""
    if not (match := _OWN_RECORDS.match(text)) or not looks_like_name(match["who"]):
        return Correspondents()
    return Correspondents(participants=unique(collect.names(match["who"])))
