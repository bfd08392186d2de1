"""A title quoting another: "A, 'quoted title'".  A sends; the quoted title is the subject, or
names a recipient, or the parties of a talk (A among them when it was A's own).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import astuple, replace

from searcher.ingest.correspondents.conversations import (
    CONVERSATION,
    DIARY_WORDS,
    conversation_first,
    own_talk,
)
from searcher.ingest.correspondents.listed import RECORD_OF_TALK, listed_people
from searcher.ingest.correspondents.offices import LEAD_WORDS, office_split
from searcher.ingest.correspondents.plausible import is_dated
from searcher.ingest.correspondents.roles import NONE, Correspondents, unique
from searcher.ingest.correspondents.title_names import (
    AND,
    COMMA,
    Collector,
    looks_like_name,
    name_run,
    split_outside_brackets,
)
from searcher.ingest.correspondents.word_kinds import nationality_word
from searcher.ingest.correspondents.words import (
    DOCUMENT_WORDS,
    NOT_SENT,
    TYPE_WORDS,
    bare,
    is_body,
    is_place,
    is_type_phrase,
    without_type_end,
)
from searcher.names import OFFICES, NameAuthority

#: How a title is read, for the quoted title and the author before it.
Parse = Callable[[str, NameAuthority], Correspondents]

#: "A, 'quoted title'", perhaps with an editor's note after it.
QUOTED = re.compile(
    r"^(?P<author>(?:[^'\"‘“]|(?<=\w)['’‘](?=\w)|(?<=s)['’](?=\s))+?),\s*['\"‘“](?P<inner>.+?)['\"’”]?"
    r"(?:\s*\([^)]*\))?[.,]?$"
)


#: The end of a sentence, not of an abbreviation ("Dr.", "Com."): "... Sebestyén. Comrade".
_SENTENCE_END = re.compile(r"(?<=[a-z\u00e0-\u024f]{3})\.\s+(?=[A-Z])")
#: A person's name ending a text: "... Lieut. Col. Aksenov", "Captain A. E. Nikifiorov".
_ENDS_WITH_PERSON = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,5}\.\s*)+[A-Z][a-z]+$")


#: A document's type and its subject: "Report on Cuban Technical Assistance to Angola".
_TYPE_ON = re.compile(r"^(?P<type>.+?)\s+(?:on|about|regarding|concerning)\s", re.IGNORECASE)


def _type_on(piece: str) -> bool:
    """Whether a piece names a document's type and its subject, no correspondent."""
    match = _TYPE_ON.match(piece)
    return match is not None and is_type_phrase(match["type"])


#: A record's type before the conversation it records: "Record of a Conversation with".
_RECORD_LEAD = re.compile(
    r"^(?:record|memorandum|minutes|notes?|transcript)\s+of\s+(?:an?\s+|the\s+)?$", re.I
)


def _body_or_place(text: str) -> bool:
    """Whether a text is a body or a place: where the body before it belongs or sits."""
    return is_body(text) or is_place(text)


def _office_or_body(text: str) -> bool:
    """Whether a text is an office or a body: "Operative Plenipotentiary of Division I",
    "Department 2 of the Sixth Service USSR KGB Administration for Moscow"."""
    return bool(office_split(LEAD_WORDS.sub("", text))[0]) or is_body(text)


#: A gathering or an event at the head of a text: "Session of the CPSU CC Politburo".
GATHERING_HEAD = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:sessions?|meetings?|plenums?|conferences?|congress|"
    r"summits?|talks|conversations?|discussions?|visits?|receptions?|negotiations)\s+"
    r"(?:of|with|between|in|at|on)\s",
    re.IGNORECASE,
)


#: Things named after a person or a subject, no author: "Truman Doctrine", "Marshall Plan",
#: "National Intelligence Estimate".
_NAMED_AFTER = frozenset({"doctrine", "plan", "estimate", "estimates"})


#: A body numbered in words: "First Asia Department of the Ministry of Foreign Affairs".
_NUMBERED_BODY = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?-i:[A-Z])", re.I
)


def _may_author(text: str) -> bool:
    """Whether the text before a quoted title can be its author: not a type of document
    ("Transcript of BBC Panorama Television Program"), a nationality's document ("Soviet
    Instructions") or a thing named after someone ("Truman Doctrine")."""
    if GATHERING_HEAD.match(text):
        return False  # "Session of the CPSU CC Politburo, 'On ...'": an event, no author
    words = text.split()
    named = looks_like_name(text) or name_run(text) == text and _ENDS_WITH_PERSON.search(text)
    numbered = _NUMBERED_BODY.match(text) is not None and is_body(text)  # "First Asia Department"
    if not named or words[0].casefold() in DOCUMENT_WORDS and not numbered:
        return False
    while len(words) > 1 and is_type_phrase(words[-1]):
        words.pop()
    lone = len(words) == 1 and (words[0].casefold() in OFFICES or is_place(words[0]))
    return not lone and words[-1].casefold() not in _NAMED_AFTER


def _nationality_document(piece: str) -> bool:
    """ "South African Report", "Soviet Translation": a nationality's document, no author."""
    words = piece.split()
    while words and bare(words[-1]) in TYPE_WORDS:
        words.pop()
    return 0 < len(words) < len(piece.split()) and all(map(nationality_word, words))


#: A document's type and whom or when it is for: "Information for the President of Brazil",
#: "Political Report for July and August 1975".
_TYPE_FOR = re.compile(r"^(?P<type>[^,]+?)\s+for\s+(?P<who>.+)$", re.IGNORECASE)


def _type_named(text: str) -> bool:
    """A document's type, perhaps after one word of its kind: "Political Report"."""
    words = text.split()
    return is_type_phrase(text) or (
        len(words) == 2 and is_type_phrase(words[-1]) and not is_body(text)
    )


def _addressed(pieces: list[str]) -> tuple[list[str], str]:
    """The pieces before a quoted title without a document's type "for" someone or some time,
    and whom it is for: "Foreign Minister A, Information for the President of Brazil"."""
    kept, addressee = [], ""
    for at, piece in enumerate(pieces):
        match = _TYPE_FOR.match(piece)
        if match and _type_named(match["type"]) and (at or is_dated(match["who"])):
            if not is_dated(match["who"]) and not addressee:
                addressee = match["who"]
            continue  # the first piece's own addressee is read with the rest
        kept.append(piece)
    return kept, addressee


def read_quoted(
    match: re.Match[str], authority: NameAuthority, collect: Collector, parse: Parse
) -> Correspondents:
    """ "A, 'quoted title'": A sends; the quoted title gives participants, or a recipient; a
    document "for" someone before the quoted title names its recipient; a body and the body
    it is in are one sender."""
    pieces, addressee = _addressed(split_outside_brackets(match["author"], COMMA))
    found = _read_quoted(pieces, match, authority, collect, parse)
    named = [p for p in pieces if not is_type_phrase(p)]
    if len(named) > 1 and all(map(is_body, named)) and found.sender[:1] == (named[0],):
        # "Bureau of Intelligence and Research, US Department of State": the body it is in
        found = replace(found, sender=(", ".join(named), *found.sender[1:]))
    if not addressee or not found.sender or found.recipient:
        return found
    sent = tuple(collect.names(addressee))
    return Correspondents(found.sender, sent, found.via, found.participants, found.as_written)


def _read_quoted(
    pieces: list[str],
    match: re.Match[str],
    authority: NameAuthority,
    collect: Collector,
    parse: Parse,
) -> Correspondents:
    # the author's numbers go: "Captain Ion Iordache, No. 32/II/0012309/23.07.1982, 'Memo ...'"
    pieces = [p for p in pieces if not is_type_phrase(p)]
    # "Raúl Castro, Report on his Visit to Africa, '...'": the type and its subject go
    pieces = pieces[:1] + [p for p in pieces[1:] if not _type_on(p)]
    if pieces and all(map(_nationality_document, pieces)):
        return NONE  # "South African Report, '...'", "Soviet Translation, Letter, '...'"
    if pieces:
        pieces[-1] = without_type_end(pieces[-1])  # "North Asia Department No. 720035, '...'"
    if (
        len(pieces) > 1
        and _ENDS_WITH_PERSON.search(pieces[0])
        and all(map(_office_or_body, pieces[1:]))
    ):
        pieces = pieces[:1]  # "Captain A. E. Nikifiorov, Operative Plenipotentiary of ..."
    if len(pieces) > 1 and is_body(pieces[0]) and all(map(_body_or_place, pieces[1:])):
        # "Commission on ..., Supreme Soviet of the Ukrainian SSR, '...'": the body it is in
        pieces = pieces[:1]
    written = ", ".join(pieces) or match["author"]
    if NOT_SENT.search(written):
        return NONE  # "CPSU CC Decree, 'On Introducing Several Revisions ...'"
    outer = parse(written, authority)
    if outer.participants:
        return outer
    if RECORD_OF_TALK.match(written) and (listed := listed_people(match["inner"], collect)):
        return Correspondents(participants=unique(listed), as_written=tuple(collect.written))
    # the quoted title's first sentence: "'Discussion with Comrade Sebestyén. Comrade ...'"
    inner = parse(_SENTENCE_END.split(match["inner"])[0], authority)
    if outer.recipient:
        # "Cable from A to B, 'Situation of the Talks between Premier Zhou and Ben Bella ...'";
        # not the sender's own meeting "with" someone ("..., 'Sixteenth Meeting with ...'")
        talk = CONVERSATION.search(match["inner"])
        prep = (talk["prep"] or "").lower() if talk else ""
        participants = inner.participants if prep == "between" else ()
        if prep == "with" and _RECORD_LEAD.match(match["inner"], 0, talk.start()):
            # "A to B, 'Record of Conversation with C'": the record A made of his talk with C
            participants = unique([*outer.sender, *inner.participants])
        return Correspondents(*astuple(outer)[:3], participants, outer.as_written)
    if outer.sender:
        diary = DIARY_WORDS.search(written)
        if diary and not inner.participants and (met := listed_people(match["inner"], collect, 1)):
            # "From the Journal of A, 'General Secretary of the CC ..., Kim Il Sung'": whom A met
            return Correspondents(participants=unique([*outer.sender, *met]))
        if not inner.participants:
            return outer
        if DIARY_WORDS.search(written):
            participants = unique([*outer.sender, *inner.participants])
            return Correspondents((), (), (), participants, outer.as_written)
        if own_talk(match["inner"]):  # "A, 'Memo [on a Meeting with B]'": A took part
            participants = unique([*outer.sender, *inner.participants])
            return Correspondents(outer.sender, (), (), participants, outer.as_written)
        talk = CONVERSATION.search(match["inner"])
        if talk and not conversation_first(match["inner"], talk):
            return outer  # "Cable from A, 'The Situation of the Talk with B'": its subject
        return Correspondents(outer.sender, (), (), inner.participants, outer.as_written)
    author = collect.person_or_body(written) if _may_author(written) else None
    known = author and (
        is_body(author) or authority.canonical(author) or _ENDS_WITH_PERSON.search(written)
    )
    if known and inner.sender:
        # the quoted title's own "A to B" is its subject: "Ministry, 'Draft for ... to ...'",
        # "Fred W. Valtin, 'Czech Crisis--Policy Guidance from State'"
        return Correspondents((author,), (), (), inner.participants, tuple(collect.written))
    if author and not inner.sender:
        authors = collect.names(written) if AND.search(written) else [author]
        participants = inner.participants
        # "A, 'Note About a Conversation with B'": A talked with B
        talk = CONVERSATION.search(match["inner"])
        # a body in its own consultations: "Ministry for State Security, 'Consultations with
        # KGB ...'"; not in a conversation it reports ("Embassy, 'Note About a Conversation ...")
        own = not is_body(author) or talk is not None and talk.start() == 0
        if participants and talk and (talk["prep"] or "").lower() == "with" and own:
            participants = unique([author, *participants])
        return Correspondents(
            tuple(authors),  # "A. Putintsev and V. Gorovoy, 'Key Aspects of ...'"
            inner.recipient,
            inner.via,
            participants,
            unique([*collect.written, *inner.as_written]),
        )
    return inner
