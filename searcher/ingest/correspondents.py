"""Who wrote to whom: senders, recipients, intermediaries and participants from a title.

Titles carry correspondents in a few shapes: "Cable, Stalin to Mao Zedong [via Kovalev]",
"Telegram from Mao Zedong to Filippov (Stalin)", "Letter of/by A to B", "Telegram to A
from B", "Memorandum for the President from A", "A's Telegram to B", "Hungarian Embassy in
the DPRK, Report", "Memorandum of Conversation between A and B", "Minutes of Conversation,
A and B", "Record of a Conversation of A with B", "From the Journal of A: Record of
Conversation with B".  How they are read:

- Names come back canonical, through the name authority; a glossed pseudonym gives the
  person in the gloss ("Filippov [Stalin]" is Stalin) unless the name before the gloss is
  itself a canonical name ("Stalin [Kuznetsov]": Stalin, signing as Kuznetsov).
- Offices before a name go ("Soviet Ambassador to the DPRK Shtykov" is Shtykov, and its
  "to" is no recipient); an office alone stands for its holder ("the Soviet Consul General
  in Urumqi"); institutions are kept as written ("Embassy of Hungary in North Korea"), with
  a signing person's gloss ("Czechoslovak Embassy in Havana (Pavlíček)").
- Lists with commas, "and" and "cc:" give several names; "and others", places and dates
  beside names ("Beijing, Mao Zedong"; "..., Havana, 5 November 1962") are dropped.
- A speaker or author is the sender: "Speech by A at ...", "Statement of A", "A's Secret
  Speech"; a diarist is a sender, or a participant when the entry records a conversation.
- Conversations name participants, not senders; a meeting of a body names nobody ("Minutes
  of the Meeting of the CPSU CC Presidium").
- Messages quoted inside the document ("transmitting a Message from A to B") and quoted
  subjects ("Cable from A, 'Reactions to the Moscow Conference'") are not correspondents.

>>> from searcher.names import default_authority
>>> parse_title("Cable, Filippov [Stalin] to Mao Zedong", default_authority()).sender
('Stalin',)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

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
    "supplementary additional second first final brief short urgent text january february "
    "march april may june july august september october november december"
)
#: Joined to an office's "to" while a title is parsed (see ``_OFFICE_TO``), so that the word
#: splits nothing; dropped from the names found.
_MARK = "\u2060"
#: Lower-case particles joined to a name: "al-Assad", "el-Sadat", "d'Affaires", "d'Estaing".
_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|ar|az|ud|ul|ed|d|l)[-'’]\w", re.IGNORECASE)
#: Lower-case words allowed inside a name or an institution's name.
_CONNECTORS = _word_set(
    "of the in for and de da del della van von der den du al el bin ibn la le di y zu"
) | {f"to{_MARK}"}
_INSTITUTION_WORDS = _word_set(
    "embassy ministry committee government bureau division department office party council "
    "commission headquarters command mission consulate legation delegation secretariat "
    "politburo presidium army navy agency association foundation institute section "
    "directorate service administration cabinet premiers leadership staff group front union "
    "republic state states nations kremlin court league federation society embassies "
    "ministries committees governments delegations parties missions consulates councils "
    "commissions departments offices"
)


#: Countries, capitals and regions that titles name beside people ("Beijing, Mao Zedong",
#: "Soviet Ambassador to the DPRK Shtykov", "Mikoyan in Havana"), as name tokens.
def _keys(listing: str) -> frozenset[str]:
    return frozenset(" ".join(name_tokens(item)) for item in listing.split(","))


_PLACES = _keys(
    """
    USA, US, United States, United States of America, America, USSR, Soviet Union, Russia, PRC,
    China, People's Republic of China, Taiwan, Republic of China, Formosa, DPRK, North Korea,
    South Korea, Korea, ROK, Republic of Korea, Democratic People's Republic of Korea, Japan,
    Mongolia, MPR, Mongolian People's Republic, Vietnam, Viet Nam, North Vietnam, South Vietnam,
    DRV, DRVN, Democratic Republic of Vietnam, Laos, Cambodia, Kampuchea, Burma, Thailand,
    Malaysia, Singapore, Indonesia, Philippines, India, Pakistan, Bangladesh, Ceylon, Sri Lanka,
    Nepal, Afghanistan, Iran, Iraq, Syria, Lebanon, Israel, Jordan, Egypt, UAR, Saudi Arabia,
    Yemen, Turkey, Greece, Cyprus, Libya, Algeria, Tunisia, Morocco, Ethiopia, Somalia, Sudan,
    Kenya, Tanzania, Zambia, Angola, Mozambique, Zimbabwe, Rhodesia, South Africa, Namibia,
    Nigeria, Ghana, Guinea, Mali, Congo, Zaire, Cuba, Mexico, Brazil, Argentina, Chile,
    Nicaragua, El Salvador, Grenada, Canada, Poland, Hungary, Czechoslovakia, CSSR, ČSSR, GDR,
    FRG, East Germany, West Germany, Germany, Bulgaria, Romania, Rumania, Albania, Yugoslavia,
    Austria, Finland, Sweden, Norway, Denmark, France, Britain, Great Britain, United Kingdom,
    UK, England, Italy, Spain, Portugal, Belgium, Netherlands, Holland, Switzerland, Ukraine,
    Kazakhstan, Belarus, Georgia, Lithuania, Latvia, Estonia, UN, United Nations, Moscow,
    Beijing, Peking, Beiping, Pyongyang, Seoul, Tokyo, Hanoi, Saigon, Havana, Washington,
    London, Paris, Bonn, Berlin, East Berlin, West Berlin, Warsaw, Prague, Budapest,
    Bucharest, Sofia, Tirana, Belgrade, Vienna, Geneva, Helsinki, Stockholm, New Delhi, Delhi,
    Karachi, Islamabad, Kabul, Tehran, Baghdad, Damascus, Cairo, Beirut, Jerusalem, Tel Aviv,
    Ankara, Addis Ababa, Mogadishu, Luanda, Maputo, Ulan Bator, Ulaanbaatar, Phnom Penh,
    Vientiane, Rangoon, Jakarta, Djakarta, Bandung, Colombo, Kathmandu, Shanghai, Nanjing,
    Nanking, Wuhan, Guangzhou, Canton, Urumqi, Yan'an, Yenan, Harbin, Shenyang, Mukden,
    Port Arthur, Dalian, Dairen, Lushun, Vladivostok, Leningrad, Kiev, Kyiv, Minsk, Tashkent,
    Alma-Ata, Almaty, Hong Kong, Macau, New York, Chequers, Camp David, Glassboro, Panmunjom,
    Kaesong, Manila, Kuala Lumpur, Lhasa, Xinjiang, Tibet, Manchuria, Northeast China, Yalta,
    Potsdam, Madrid, Rome, Ottawa, Mexico City, Santiago, Managua
    """
)
#: An office's "to": "Soviet Ambassador to the DPRK Shtykov" is one person, not a recipient.
_OFFICE_TO = re.compile(
    r"\b(?P<office>ambassadors?|envoys?|representatives?|delegates?|delegations?|missions?|"
    r"charg[ée]s?\s+d['’]affaires|advis[eo]rs?|counsell?ors?|attach[ée]s?|consuls?"
    r"(?:[\s-]+general)?|plenipotentiar(?:y|ies)|emissar(?:y|ies)|observers?)\s+to\s+"
    r"(?P<place>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5})",
    re.IGNORECASE,
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
_FROM = re.compile(
    r"(?:^|\s)from\s+(?!(?:the\s+|an?\s+)?(?:meetings?|conversations?|talks?|discussions?|"
    r"sessions?|plenums?|congress|conference|minutes|records?|diary|journal)\b)",
    re.IGNORECASE,
)
_BY = re.compile(r"(?:^|\s)by\s+(?=.+\s+to\s+)", re.IGNORECASE)
#: "Memorandum for the President from ...": the addressee before the sender.
_FOR_FROM = re.compile(r"^(?:[\w-]+\s+){1,3}?for\s+(?P<who>.+?)\s+from\s+", re.IGNORECASE)
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d.*)?$",
    re.IGNORECASE,
)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_VIA_BRACKET = re.compile(r"\s*[\[(]\s*via\s+([^\])]+)[\])]", re.IGNORECASE)
_VIA = re.compile(r"\s+via\s+", re.IGNORECASE)
_FOR = re.compile(r"\s*,\s*for\s+|\s+for\s+(?=(?:cdes?\.?|comrades?)\s)", re.IGNORECASE)
_AND = re.compile(r"\s*,?\s+and\s+|\s*&\s*", re.IGNORECASE)
_CONVERSATION = re.compile(
    r"(?:(?:telephone|phone|private|official|first|second|further|confidential)\s+)?"
    r"\b(?:conversations?|meetings?|talks?|discussions?|negotiations|consultations|"
    r"exchange\s+of\s+views|interview|audience)(?:\s+(?P<prep>between|among|of|with)\s+|"
    r"\s*,\s+(?=[^,]+\s+and\s+))(?P<who>.+)$",
    re.IGNORECASE,
)
_HOST = re.compile(r"^(?P<host>.+?)['’]s\s+(?P<gloss>\[[^\]]+\]\s+)?$")
_DIARY_WORDS = re.compile(r"\b(?:diary|journal)\b", re.IGNORECASE)
_DIARY = re.compile(r"\b(?:diary|journal)\s+of\s+(?P<who>[^:,]+?)\s*[:,]", re.IGNORECASE)
_AUTHORED = re.compile(
    r"^(?P<type>(?:[\w-]+\s+){0,3}?(?:statement|speech|letter|note|report|remarks|address|"
    r"appeal|declaration|notes|diary|journal|memoirs|testimony|lecture|talk|toast))\s+"
    r"(?:by|of)\s+(?P<who>.+)$",
    re.IGNORECASE,
)
#: "Khrushchev's Secret Speech ...", "Mao Zedong's Instructions ...": the author, possessive.
_POSSESSIVE_AUTHORED = re.compile(
    r"^(?P<who>[^,'’\[(]+?(?:\s*\[[^\]]+\])?)['’]s\s+(?:[\w-]+\s+){0,2}?(?:speech|letter|"
    r"report|remarks|address|statement|telegram|cable|message|note|notes|memorandum|proposal|"
    r"reply|answer|appeal|declaration|diary|journal|memoirs|instructions?|directive|talk|"
    r"toast|comments)\b",
    re.IGNORECASE,
)
_CC = re.compile(r"\s*[,;]?\s*\bcc\s*:\s*|\s*[,;]\s*cc\s+", re.IGNORECASE)
_QUOTED = re.compile(r"^(?P<author>[^'\"‘“]+?),\s*['\"‘“](?P<inner>.+)['\"’”]\.?$")
_GLOSSED = re.compile(r"^(?P<main>[^\[(]+?)\s*[\[(](?P<gloss>[^\])]+)[\])]\s*$")
_POSSESSIVE_TYPE = re.compile(r"['’]s\s+(?P<rest>.+)$")
_POSSESSIVE_END = re.compile(r"['’]s$")
#: Editors' notes in a title: "[Undated]", "[sic]", "[illegible]".
_EDITORIAL = re.compile(
    r"\[(?:undated|no date|n\.\s*d\.|date unknown|sic|illegible|excerpts?)\]", re.IGNORECASE
)
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


@lru_cache(maxsize=4096)
def _is_type_phrase(text: str) -> bool:
    words = [w.lower() for w in _words(text) if w]
    return bool(words) and all(w in _TYPE_WORDS or w[:1].isdigit() for w in words)


def _is_institution(text: str) -> bool:
    return any(t in _INSTITUTION_WORDS for t in name_tokens(text))


@lru_cache(maxsize=4096)
def _name_run(text: str) -> str:
    """The leading run of a text that reads as a name: stop at a date or a lower-case word."""
    kept: list[str] = []
    depth = 0
    for word in text.split():
        if depth == 0:
            bare = word.strip("\"'“”‘’,.;:")
            if not bare or (not kept and bare in ("a", "an")):
                continue
            first = bare[0]
            if first.isdigit() or (
                first.islower()
                and bare not in _CONNECTORS
                and bare.rstrip(".") not in HONORIFICS
                and bare not in OFFICES
                and not _PARTICLE.match(bare)
                and not _POSSESSIVE_END.search(bare)
            ):
                break
        depth += word.count("[") + word.count("(") - word.count("]") - word.count(")")
        depth = max(depth, 0)
        kept.append(word)
    while kept and kept[-1].strip(",.;:") in _CONNECTORS:
        kept.pop()
    return " ".join(kept).strip(" ,;:")


def _looks_like_name(text: str) -> bool:
    run = _name_run(text)
    return bool(run) and run == text.strip(" ,;:") and len(text.split()) <= 12


#: Words of an office's complement: "Secretary of State", "Minister of Foreign Affairs".
_COMPLEMENT_WORDS = OFFICES | _word_set(
    "affairs defense defence state intelligence security interior internal trade finance war "
    "justice economic economy planning culture cultural education health industry commerce "
    "information propaganda organization organisation liaison people peoples government "
    "republic council commission ministry board staff forces armed volunteers communist "
    "workers socialist the"
)
_LEADING_OFFICE = (OFFICES | HONORIFICS | {"d'affaires", "d’affaires"}) - {"of"}
_OFFICE_PREPS = frozenset({"of", "to", f"to{_MARK}", "in", "for", "at"})


def _bare(word: str) -> str:
    return word.strip(".,;:\"'“”‘’").replace(_MARK, "").casefold()


@lru_cache(maxsize=8192)
def _word_key(word: str) -> str:
    return " ".join(name_tokens(word))


_PLACE_FIRST = frozenset(place.split()[0] for place in _PLACES if place)


def _place_end(words: list[str], start: int) -> int:
    """The end of the longest known place starting at ``start`` (``start`` if none)."""
    if start >= len(words) or _word_key(words[start]).split(" ")[0] not in _PLACE_FIRST:
        return start
    keys = [_word_key(w) for w in words[start : start + 6]]
    for end in range(len(keys), 0, -1):
        if " ".join(k for k in keys[:end] if k) in _PLACES:
            return start + end
    return start


@lru_cache(maxsize=4096)
def _office_split(text: str) -> tuple[str, str]:
    """An office and the name after it: ("Soviet Ambassador to the DPRK", "Shtykov").

    The name is empty when the office stands alone ("Prime Minister of India"), and the
    office empty when the text does not open with one.
    """
    words = text.split()
    i = 0
    while i < len(words) and _bare(words[i]) in _LEADING_OFFICE:
        i += 1
    if i == 0:
        return "", text
    while i < len(words) and _bare(words[i]) in _OFFICE_PREPS:
        j = i + 1
        if j < len(words) and _bare(words[j]) == "the":
            j += 1
        k = _place_end(words, j)
        if k == j:
            while k < len(words) - 1 and _bare(words[k]) in _COMPLEMENT_WORDS:
                k += 1
            if k == j:
                k += 1
        i = min(k, len(words))
    name = " ".join(words[i:])
    if name and not name[:1].isupper():
        return "", text
    return " ".join(words[:i]), name


def _is_appositive(text: str) -> bool:
    """An office standing alone after a name: "Prime Minister of India", "Chairman of the Board"."""
    office, name = _office_split(text)
    return bool(office) and not name


@lru_cache(maxsize=4096)
def _is_place(text: str) -> bool:
    words = text.split()
    return bool(words) and _place_end(words, 0) == len(words)


_PLACE_TAIL = re.compile(r"^(?P<who>.+?)\s+(?:in|at)\s+(?:the\s+)?(?P<place>[^,]+)$")
_FILLER = re.compile(r"^(?:(?:and\s+)?others?|et\s+al\.?|etc\.?|(?:the\s+)?rest)$", re.I)
#: Trailing document-type words glued to a name: "Dobrynin Cable", "Kennan Telegram".
_TRAILING_TYPE = re.compile(
    r"(?:\s+(?:cable|telegram|letter|memorandum|memo|report|note|notes|message|speech|"
    r"remarks|minutes))+$",
    re.IGNORECASE,
)
#: Endings of common nouns, never of a one-word name: "Reactions to ...", "Amendments to ...".
_NOUN_ENDING = re.compile(
    r"(?:ions?|ments?|ness|ity|ities|ances?|ences?|isms?|ships?|ings?|ures?|ogy|ies|ics)$",
    re.IGNORECASE,
)


def _drop_place(name: str) -> str:
    """A person without where they were: "Mikoyan in Havana" is Mikoyan."""
    if (match := _PLACE_TAIL.match(name)) and _is_place(match["place"]):
        return match["who"]
    return name


def _spelling(text: str) -> str:
    return _MISSPELLED.sub(lambda m: _SPELLING[m[0].lower()], text)


class _Collector:
    """Resolves written names to canonical ones and remembers how the title wrote them."""

    def __init__(self, authority: NameAuthority) -> None:
        self.authority = authority
        self.written: list[str] = []

    def person_or_body(self, piece: str) -> str | None:
        written = _LEAD_WORDS.sub("", piece.replace(_MARK, "").strip(" ,;:"))
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
        written = _spelling(_TRAILING_TYPE.sub("", written) or written)
        if known := authority.canonical(written):
            return known
        words = written.split()
        for n in range(min(4, len(words) - 1), 0, -1):
            if words[-n][:1].isupper() and (known := authority.canonical(" ".join(words[-n:]))):
                return known
        if _is_institution(written):
            return written
        found = authority.find_names(written)
        if len(found) == 1:
            return found[0]
        office, name = _office_split(written)
        if office and not name:
            return written
        return authority.canonicalize(_drop_place(name))

    def _lone_place(self, part: str) -> bool:
        """One unknown word after "A and B, ...": a place ("... and Kissinger, Aswan")."""
        return " " not in part and not self.authority.canonical(part)

    def names(self, segment: str) -> list[str]:
        """Names of a segment: "A and B", "A, B, and others", "Beijing, Mao Zedong", "A (B)"."""
        out: list[str] = []
        groups = _split(segment, _AND)
        for i, group in enumerate(groups[:-1]):
            shared = groups[i + 1].split()
            group = _LEAD_WORDS.sub("", group)
            if (
                " " not in group
                and group.casefold() in OFFICES
                and shared[0].casefold() in OFFICES
                and _is_institution(shared[-1])
            ):
                groups[i] = " ".join([group, *shared[1:]])
        for i in range(len(groups) - 1, 0, -1):
            if (
                " " not in groups[i]
                and _is_institution(groups[i - 1])
                and not self.authority.canonical(groups[i])
            ):
                groups[i - 1 : i + 1] = [f"{groups[i - 1]} and {groups[i]}"]
        for n, group in enumerate(groups):
            parts = [p for p in _split(group, _COMMA) if not _is_type_phrase(p)]
            parts = [p for p in (_name_run(p) for p in parts) if p]
            parts = [p for p in parts if not _is_filler(p, parts)]
            if n and n == len(groups) - 1 and len(parts) > 1 and self._lone_place(parts[-1]):
                parts.pop()
            for part in parts:
                name = self.person_or_body(part)
                if name and name not in out:
                    out.append(name)
        return out


def _is_filler(part: str, parts: list[str]) -> bool:
    """Not a correspondent: "and others"; beside a name, a place or an office."""
    if _FILLER.match(part) or _MONTH.match(part):
        return True
    beside = len(parts) > 1 and any(not _is_place(p) for p in parts)
    return beside and (_is_place(part) or _is_appositive(part))


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _recipients(segment: str, collect: _Collector) -> tuple[list[str], list[str]]:
    """Recipients and intermediaries of the text after "to"."""
    via: list[str] = []
    for match in _VIA_BRACKET.finditer(segment):
        via += collect.names(match[1])
    segment = _CC.sub(" and ", _VIA_BRACKET.sub("", segment))
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
    from_match = _FROM.search(text) or _BY.search(text)
    if from_match and (match := _FOR_FROM.match(text)) and not _RECORD.match(match["who"]):
        sender, via = _senders(text[from_match.end() :], collect)
        recipient = collect.names(match["who"])
        return Correspondents(tuple(sender), tuple(recipient), tuple(via))
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
        if parts and not _may_send(parts[-1]):
            return NONE
        if parts and (head := _TYPE_OF.match(parts[-1])) and _is_type_phrase(head[1]):
            parts[-1] = parts[-1][head.end() :]
        sender, via_s = _senders(parts[-1], collect) if parts else ([], [])
        if not sender and not _is_type_phrase(prefix):
            return NONE
        recipient, via_r = _recipients(text[to_match.end() :], collect)
        return Correspondents(tuple(sender), tuple(recipient), _unique(via_s + via_r))
    if match := _AUTHORED.match(text):
        who = _split(match["who"], _COMMA)
        if who and _looks_like_name(_name_run(who[0])) and not _GATHERING.search(_name_run(who[0])):
            return Correspondents(tuple(collect.names(_name_run(who[0]))))
    if (match := _POSSESSIVE_AUTHORED.match(text)) and _may_send(match["who"]):
        return Correspondents(tuple(collect.names(match["who"])))
    parts = _split(text, _COMMA)
    if len(parts) > 1 and _is_type_phrase(parts[1]) and _looks_like_name(parts[0]):
        author = parts[0]
        head = _TYPE_OF.match(author)
        if _MONTH.match(parts[1]) or parts[1][:1].isdigit() or head and _is_type_phrase(head[1]):
            return NONE
        if _is_institution(author) or collect.authority.canonical(author):
            return Correspondents(tuple(collect.names(author)))
    return NONE


_TYPE_OF = re.compile(r"^(.+?)\s+(?:of|by)\s+(?:the\s+)?", re.IGNORECASE)
#: A gathering, not an author: "Notes of CC CPSU Politburo Session".
_GATHERING = re.compile(
    r"\b(?:session|meeting|plenum|conference|congress|summit|talks)s?$", re.IGNORECASE
)
_RECORD = re.compile(r"^(?:the\s+)?(?:record|files?|archives?)$", re.IGNORECASE)


def _may_send(text: str) -> bool:
    """Whether the text before "to" in "X to Y" can be a sender ("Reactions to ..." cannot)."""
    if not _looks_like_name(text) or _NOT_A_NAME.match(text):
        return False
    words = text.split()
    return len(words) > 1 or not _NOUN_ENDING.search(words[0].strip(".,;:"))


def _conversation(text: str, match: re.Match[str], collect: _Collector) -> Correspondents:
    names: list[str] = []
    prefix = text[: match.start()]
    if host := _HOST.match(prefix.rsplit(",", 1)[-1].lstrip()):
        head, of, rest = host["host"].partition(" of ")
        who = rest if of and _is_type_phrase(head) else host["host"]
        gloss = f" {host['gloss'].strip()}" if host["gloss"] else ""
        if name := collect.person_or_body(who + gloss):
            names.append(name)
    if diary := _DIARY.search(prefix):
        names += collect.names(diary["who"])
    pieces = [match["who"]]
    if (match["prep"] or "").lower() == "of":
        pieces = re.split(r"\s+with\s+", match["who"], maxsplit=1, flags=re.IGNORECASE)
        if _is_institution(pieces[0]) and not collect.authority.find_names(pieces[0]):
            pieces = pieces[1:]
    for piece in pieces:
        names += collect.names(piece)
    return Correspondents(participants=_unique(names))


_PREPOSITIONS = re.compile(r"\b(?:from|on|about|concerning|regarding)\b", re.IGNORECASE)


def _conversation_first(text: str, match: re.Match[str]) -> bool:
    prefix = _PREPOSITIONS.sub(" ", re.split(r"[:,]", text[: match.start()])[-1])
    return not prefix.strip() or _is_type_phrase(prefix) or _HOST.match(prefix) is not None


def _sent_about_meeting(who: str) -> bool:
    """Whether a conversation's names run on into ", A to B": a message about a meeting."""
    _, comma, rest = who.partition(",")
    return bool(comma) and _TO.search(rest) is not None


def _protect_office_to(text: str) -> str:
    """Mark the "to" of "Ambassador to the DPRK Shtykov" so that it splits nothing."""
    if " to " not in text and " To " not in text:
        return text

    def mark(match: re.Match[str]) -> str:
        words = match["place"].split()
        start = 1 if words[0].casefold() == "the" else 0
        if start < len(words) and _place_end(words, start) > start:
            return f"{match['office']} to{_MARK} {match['place']}"
        return match[0]

    return _OFFICE_TO.sub(mark, text)


def parse_title(title: str, authority: NameAuthority) -> Correspondents:
    """Senders, recipients, intermediaries and participants a title names (canonical)."""
    text = _protect_office_to(" ".join(_EDITORIAL.sub(" ", title).split()).strip(" ."))
    collect = _Collector(authority)
    if match := _QUOTED.match(text):
        outer = parse_title(match["author"], authority)
        if outer.recipient or outer.participants:
            return outer
        inner = parse_title(match["inner"], authority)
        if outer.sender:
            if not inner.participants:
                return outer
            if _DIARY_WORDS.search(match["author"]):
                participants = _unique([*outer.sender, *inner.participants])
                return Correspondents((), (), (), participants, outer.as_written)
            return Correspondents(outer.sender, (), (), inner.participants, outer.as_written)
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
    for content in _CONTENT.finditer(text):
        if not _is_type_phrase(text[: content.start()]):
            text = text[: content.start()]
            break
    conversation = _CONVERSATION.search(text)
    result = NONE
    if conversation and _sent_about_meeting(conversation["who"]):
        result = _correspondence(text, collect)  # "Note on the Meeting of X, A to B"
        if not (result.sender and result.recipient):
            collect.written.clear()
            result = NONE
    if result == NONE and conversation and _conversation_first(text, conversation):
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
