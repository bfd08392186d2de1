"""Who wrote to whom: senders, recipients, intermediaries and participants from a title.

Titles carry correspondents in a few shapes ("Cable, Stalin to Mao Zedong [via Kovalev]",
"Telegram from Mao Zedong to Filippov (Stalin)", "Memorandum of Conversation between A and
B").  Names come back canonical, through the name authority; a glossed pseudonym gives the
person in the gloss ("Filippov [Stalin]" is Stalin) unless the name before the gloss is
itself a canonical name ("Stalin [Kuznetsov]": Stalin, signing as Kuznetsov).  Messages
quoted inside the document ("transmitting a Message from A to B") are not its correspondents.

>>> from searcher.names import default_authority
>>> parse_title("Cable, Filippov [Stalin] to Mao Zedong", default_authority()).sender
('Stalin',)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from searcher.names import HONORIFICS, OFFICES, NameAuthority, name_tokens

__all__ = ["Correspondents", "merge_authors", "parse_title"]


@dataclass(frozen=True)
class Correspondents:
    """Canonical names by role, and the title's own wording of each name."""

    sender: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    as_written: tuple[str, ...] = ()


NONE = Correspondents()


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Words of a document-type phrase: "Ciphered Telegram No. 3172", "Hand delivered note".
_TYPE_WORDS = _word_set(
    "telegram telegrams cable cables letter letters note notes memorandum memo report reports "
    "message messages instruction instructions directive directives reply replies draft "
    "minutes record excerpt excerpts extract extracts cipher ciphered coded encoded urgent "
    "secret top strictly hand delivered hand-delivered handwritten radiogram telegraph "
    "telegraphic dispatch despatch circular order decree resolution statement speech remarks "
    "appeal petition request response answer summary information informational special "
    "outgoing incoming personal confidential official verbal diplomatic aide-memoire "
    "aide-mémoire covering transcript translation copy wire telephonogram airgram main points "
    "gist protocol stenogram journal diary entry no no. nos. number # of the a an and "
    "supplementary additional second first final brief short urgent text"
)
#: Lower-case words allowed inside a name or an institution's name.
_CONNECTORS = _word_set(
    "of the in for and de da del della van von der den du al el bin ibn la le di y zu at on to"
) - {"on", "to", "at"}
_INSTITUTION_WORDS = _word_set(
    "embassy ministry committee government bureau division department office party council "
    "commission headquarters command mission consulate legation delegation secretariat "
    "politburo presidium army navy agency association foundation institute section "
    "directorate service administration cabinet premiers leadership staff group front union "
    "republic state states nations kremlin court league federation society"
)

#: Misspellings of office words seen in titles, and their correction.
_SPELLING = {"governer": "Governor", "ambassodor": "Ambassador", "embasy": "Embassy"}
_MISSPELLED = re.compile(r"\b(?:" + "|".join(_SPELLING) + r")\b", re.IGNORECASE)
#: Words that open a title's subject, never a name: "A Reading Guide to ...".
_NOT_A_NAME = re.compile(
    r"^(?:an?\s|.*\b(?:guide|introduction|road|path|prelude|approach|answers?|key|chronology)\b)",
    re.IGNORECASE,
)
_CONTENT = re.compile(
    r"(?i:,?\s+(?:transmitting|conveying|forwarding|enclosing|containing|attaching|quoting|"
    r"relaying|regarding|concerning|about|re:|with\s+(?:an?\s+|the\s+)?(?:message|letter|"
    r"telegram|note|text|draft|copy|report|request)s?\b|on\s+the\s+(?:question|subject|issue|"
    r"matter|situation)|in\s+(?:reply|response|answer)\b))"
    r"|,\s+[A-Z][a-z]{2,}ing\s+(?:the|a|an|that|his|her|its|their)\b",
)
_FROM = re.compile(r"(?:^|\s)from\s+", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_VIA_BRACKET = re.compile(r"\s*[\[(]\s*via\s+([^\])]+)[\])]", re.IGNORECASE)
_VIA = re.compile(r"\s+via\s+", re.IGNORECASE)
_FOR = re.compile(r"\s*,\s*for\s+|\s+for\s+(?=(?:cdes?\.?|comrades?)\s)", re.IGNORECASE)
_AND = re.compile(r"\s*,?\s+and\s+|\s*&\s*", re.IGNORECASE)
_CONVERSATION = re.compile(
    r"(?:(?:telephone|phone|private|official|first|second|further|confidential)\s+)?"
    r"\b(?:conversations?|meetings?|talks|discussions?|negotiations|consultations|"
    r"exchange\s+of\s+views|interview|audience)\s+(?P<prep>between|among|of|with)\s+(?P<who>.+)$",
    re.IGNORECASE,
)
_HOST = re.compile(r"^(?P<host>.+?)['’]s\s+(?P<gloss>\[[^\]]+\]\s+)?$")
_DIARY = re.compile(r"\b(?:diary|journal)\s+of\s+(?P<who>[^:]+?)\s*:", re.IGNORECASE)
_AUTHORED = re.compile(
    r"^(?P<type>(?:[\w-]+\s+){0,3}?(?:statement|speech|letter|note|report|remarks|address|"
    r"appeal|declaration|notes|diary|memoirs|testimony))\s+(?:by|of)\s+(?P<who>.+)$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^(?P<author>[^'\"‘“]+?),\s*['\"‘“](?P<inner>.+)['\"’”]\.?$")
_GLOSSED = re.compile(r"^(?P<main>[^\[(]+?)\s*[\[(](?P<gloss>[^\])]+)[\])]\s*$")
_POSSESSIVE_TYPE = re.compile(r"['’]s\s+(?P<rest>.+)$")
_POSSESSIVE_END = re.compile(r"['’]s$")
_EXCERPT = re.compile(r"^(?:excerpts?|extracts?)\s+from\s+(?:the\s+|an?\s+)?", re.I)
_GLOSS_POSSESSIVE = re.compile(r"['’]s(?=[\])])")
_LEAD_WORDS = re.compile(r"^(?:(?:the|cdes?\.?|comrades?|tov\.?|mr\.?|mrs\.?|dr\.?)\s+)+", re.I)


def _split(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Split at a pattern, but never inside brackets."""
    if "[" not in text and "(" not in text:
        return [part.strip() for part in pattern.split(text) if part.strip()]
    parts: list[str] = []
    depth, start, pos = 0, 0, 0
    while pos < len(text):
        char = text[pos]
        if char in "[(":
            depth += 1
        elif char in "])":
            depth = max(0, depth - 1)
        elif depth == 0 and (match := pattern.match(text, pos)) and match.end() > pos:
            parts.append(text[start:pos])
            start = pos = match.end()
            continue
        pos += 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


_COMMA = re.compile(r"\s*,\s*")


def _words(text: str) -> list[str]:
    return [w.strip(".,;:") for w in text.split()]


def _is_type_phrase(text: str) -> bool:
    words = [w.lower() for w in _words(text) if w]
    return bool(words) and all(w in _TYPE_WORDS or w[:1].isdigit() for w in words)


def _is_institution(text: str) -> bool:
    return any(t in _INSTITUTION_WORDS for t in name_tokens(text))


def _name_run(text: str) -> str:
    """The leading run of a text that reads as a name: stop at a date or a lower-case word."""
    kept: list[str] = []
    depth = 0
    for word in text.split():
        if depth == 0:
            bare = word.strip("\"'“”‘’,.;:")
            if not bare:
                continue
            first = bare[0]
            if first.isdigit() or (
                first.islower()
                and bare not in _CONNECTORS
                and bare.rstrip(".") not in HONORIFICS
                and not _POSSESSIVE_END.search(bare)
            ):
                break
        depth += word.count("[") + word.count("(") - word.count("]") - word.count(")")
        depth = max(depth, 0)
        kept.append(word)
    while kept and kept[-1].lower().strip(",.;:") in _CONNECTORS:
        kept.pop()
    return " ".join(kept).strip(" ,;:")


def _looks_like_name(text: str) -> bool:
    run = _name_run(text)
    return bool(run) and run == text.strip(" ,;:") and len(text.split()) <= 12


def _is_appositive(text: str) -> bool:
    """An office standing alone after a name: "Prime Minister of India", "Chairman of the Board"."""
    tokens = name_tokens(text)
    i = 0
    while i < len(tokens) and tokens[i] in OFFICES and tokens[i] != "of":
        i += 1
    return 0 < i < len(tokens) and tokens[i] == "of" or (i == len(tokens) and i > 0)


def _strip_offices(text: str) -> str:
    """A name without the offices before it ("Soviet Ambassador Ivanov": "Ivanov"); an
    office standing for its holder ("Soviet Consul General in Urumqi") is kept whole."""
    words = text.split()
    start = 0
    while start < len(words) - 1:
        bare = words[start].strip(".,").lower()
        if bare in OFFICES or bare in HONORIFICS or bare.endswith(("'s", "’s")):
            start += 1
        else:
            break
    if start and not words[start][:1].isupper():
        return text
    return " ".join(words[start:])


def _spelling(text: str) -> str:
    return _MISSPELLED.sub(lambda m: _SPELLING[m[0].lower()], text)


class _Collector:
    """Resolves written names to canonical ones and remembers how the title wrote them."""

    def __init__(self, authority: NameAuthority) -> None:
        self.authority = authority
        self.written: list[str] = []

    def person_or_body(self, piece: str) -> str | None:
        written = _LEAD_WORDS.sub("", piece.strip(" ,;:"))
        written = _GLOSS_POSSESSIVE.sub("", _POSSESSIVE_END.sub("", written)).strip()
        if not written or _is_type_phrase(written):
            return None
        name = self._resolve(written)
        if name and written not in self.written:
            self.written.append(written)
        return name

    def _resolve(self, written: str) -> str:
        authority = self.authority
        if match := _GLOSSED.match(written):
            main, gloss = match["main"].strip(), _POSSESSIVE_END.sub("", match["gloss"].strip())
            if _is_institution(main) or _is_institution(gloss):
                return written
            main_known = authority.canonical(main)
            if main_known and name_tokens(main_known) == name_tokens(main):
                return main_known
            return authority.canonical(gloss) or self._resolve(gloss)
        if _is_institution(written):
            return _spelling(written)
        if known := authority.canonical(written):
            return known
        found = authority.find_names(written)
        if len(found) == 1:
            return found[0]
        return authority.canonicalize(_spelling(_strip_offices(written)))

    def names(self, segment: str, *, pick_known: bool = True) -> list[str]:
        """Names of a segment: "A and B", "A, for B", "Beijing, Mao Zedong", "A (B)"."""
        out: list[str] = []
        for group in _split(segment, _AND):
            parts = [p for p in _split(group, _COMMA) if not _is_type_phrase(p)]
            parts = [p for p in (_name_run(p) for p in parts) if p and not _is_appositive(p)]
            if len(parts) > 1 and pick_known:
                known = [p for p in parts if self.authority.canonical(p)]
                parts = known or parts[-1:]
            for part in parts:
                name = self.person_or_body(part)
                if name and name not in out:
                    out.append(name)
        return out


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _recipients(segment: str, collect: _Collector) -> tuple[list[str], list[str]]:
    """Recipients and intermediaries of the text after "to"."""
    via: list[str] = []
    for match in _VIA_BRACKET.finditer(segment):
        via += collect.names(match[1])
    segment = _VIA_BRACKET.sub("", segment)
    segment, _, via_text = _split_via(segment)
    if via_text:
        via += collect.names(via_text)
    if (match := _POSSESSIVE_TYPE.search(segment)) and _is_type_phrase(match["rest"]):
        segment = segment[: match.start()]
    names: list[str] = []
    for part in _split(segment, _FOR):
        names += collect.names(part)
    return names, via


def _split_via(segment: str) -> tuple[str, str, str]:
    """The text before "via", the word itself, and the intermediaries after it."""
    if match := _VIA.search(segment):
        return segment[: match.start()], "via", segment[match.end() :]
    return segment, "", ""


def _senders(segment: str, collect: _Collector) -> tuple[list[str], list[str]]:
    """Senders and intermediaries of the text after "from" or before "to"."""
    via: list[str] = []
    for match in _VIA_BRACKET.finditer(segment):
        via += collect.names(match[1])
    segment, _, via_text = _split_via(_VIA_BRACKET.sub("", segment))
    if via_text:
        via += collect.names(via_text)
    return collect.names(segment), via


def _correspondence(text: str, collect: _Collector) -> Correspondents:
    from_match = _FROM.search(text)
    to_match = _TO.search(text, from_match.end() if from_match else 0)
    if from_match and not to_match:
        earlier_to = _TO.search(text, 0, from_match.start())
        if earlier_to:
            recipient, via_r = _recipients(text[earlier_to.end() : from_match.start()], collect)
            sender, via_s = _senders(text[from_match.end() :], collect)
            return Correspondents(tuple(sender), tuple(recipient), _unique(via_s + via_r))
        sender, via = _senders(text[from_match.end() :], collect)
        return Correspondents(tuple(sender), (), tuple(via))
    if from_match and to_match:
        sender, via_s = _senders(text[from_match.end() : to_match.start()], collect)
        recipient, via_r = _recipients(text[to_match.end() :], collect)
        return Correspondents(tuple(sender), tuple(recipient), _unique(via_s + via_r))
    if to_match:
        prefix = text[: to_match.start()]
        parts = [p for p in _split(prefix, _COMMA) if not _is_type_phrase(p)]
        if parts and (not _looks_like_name(parts[-1]) or _NOT_A_NAME.match(parts[-1])):
            return NONE
        sender, via_s = _senders(parts[-1], collect) if parts else ([], [])
        if not sender and not _is_type_phrase(prefix):
            return NONE
        recipient, via_r = _recipients(text[to_match.end() :], collect)
        return Correspondents(tuple(sender), tuple(recipient), _unique(via_s + via_r))
    if match := _AUTHORED.match(text):
        who = _split(match["who"], _COMMA)
        if who and _looks_like_name(_name_run(who[0])):
            return Correspondents(tuple(collect.names(_name_run(who[0]))))
    return NONE


def _conversation(text: str, match: re.Match[str], collect: _Collector) -> Correspondents:
    names: list[str] = []
    prefix = text[: match.start()]
    if host := _HOST.match(prefix):
        gloss = f" {host['gloss'].strip()}" if host["gloss"] else ""
        if name := collect.person_or_body(host["host"] + gloss):
            names.append(name)
    if diary := _DIARY.search(prefix):
        names += collect.names(diary["who"])
    who = match["who"]
    if match["prep"].lower() == "of":
        who = re.sub(r"\s+with\s+", " and ", who, flags=re.IGNORECASE)
    for piece in _split(who, _AND):
        names += collect.names(piece)
    return Correspondents(participants=_unique(names))


def _conversation_first(text: str, match: re.Match[str]) -> bool:
    prefix = text[: match.start()].rsplit(":", 1)[-1]
    return not prefix.strip() or _is_type_phrase(prefix) or _HOST.match(prefix) is not None


def parse_title(title: str, authority: NameAuthority) -> Correspondents:
    """Senders, recipients, intermediaries and participants a title names (canonical)."""
    text = " ".join(title.split()).strip(" .")
    collect = _Collector(authority)
    if match := _QUOTED.match(text):
        inner = parse_title(match["inner"], authority)
        author = collect.person_or_body(match["author"])
        if author and not inner.sender:
            return Correspondents(
                (author,),
                inner.recipient,
                inner.via,
                inner.participants,
                _unique([*collect.written, *inner.as_written]),
            )
        return inner
    text = _EXCERPT.sub("", text)
    if content := _CONTENT.search(text):
        text = text[: content.start()]
    conversation = _CONVERSATION.search(text)
    result = NONE
    if conversation and _conversation_first(text, conversation):
        result = _conversation(text, conversation, collect)
    if not (result.sender or result.recipient or result.participants):
        collect.written.clear()
        result = _correspondence(text, collect)
    if conversation and not (result.sender or result.recipient or result.participants):
        collect.written.clear()
        result = _conversation(text, conversation, collect)
    if result == NONE:
        return NONE
    return Correspondents(
        result.sender, result.recipient, result.via, result.participants, tuple(collect.written)
    )


def merge_authors(
    c: Correspondents,
    authors: Iterable[str],
    authority: NameAuthority,
    recipients: Iterable[str] = (),
) -> Correspondents:
    """Fill what the title left open from the page's own Author(s) (and recipient) fields."""
    sender, recipient = c.sender, c.recipient
    if not sender and not c.participants:
        sender = _unique(authority.canonicalize(a) for a in authors if a.strip())
    if not recipient and not c.participants:
        recipient = _unique(authority.canonicalize(r) for r in recipients if r.strip())
    if (sender, recipient) == (c.sender, c.recipient):
        return c
    return Correspondents(sender, recipient, c.via, c.participants, c.as_written)
