"""The word lists titles are read with: document types, bodies, places, offices.

The lists themselves are data, in ``searcher/data/title-*.txt`` (one entry a line, "#" for
comments), loaded once; this module holds the few grammatical words and the questions asked
of them: is this a document-type phrase, a body, a place?
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from searcher.names import HONORIFICS, OFFICES, name_tokens

DATA = Path(__file__).resolve().parent.parent.parent / "data"

#: Joined to an office's "to" while a title is parsed, so that the word splits nothing
#: ("Soviet Ambassador to the DPRK Shtykov" is one person); dropped from the names found.
MARK = "\u2060"


def data_lines(name: str) -> list[str]:
    """The entries of a word-list file of ``searcher/data``: stripped, no comments or blanks."""
    text = (DATA / name).read_text("utf-8")
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def word_set(words: str) -> frozenset[str]:
    """A set of the whitespace-separated words of a string."""
    return frozenset(words.split())


def read_as(name: str, reading: str) -> list[str]:
    """The entries of a two-column word list (entry, tab, reading) read one way."""
    pairs = [line.split("\t") for line in data_lines(name)]
    return [entry.strip() for entry, read in pairs if read.strip() == reading]


def kinds_read(reading: str) -> list[str]:
    """The kinds of document the kinds' list reads one way ("authored", "series", ...)."""
    return read_as("title-document-kinds.txt", reading)


#: Kinds of document read by their authors or senders, beyond the letters and reports the
#: patterns name.
AUTHORED_KINDS = tuple(kinds_read("authored") + kinds_read("sent"))
#: Kinds of document sent, whose sender "of" names as "by" does: "Dispatch of the Embassy".
SENT_KINDS = tuple(kinds_read("sent"))
#: Words naming a kind of document: "telegram", "memorandum", "note"; and every one-word kind.
DOCUMENT_WORDS = frozenset(data_lines("title-document-words.txt")) | frozenset(
    kind
    for reading in ("authored", "sent", "issued", "written", "records")
    for kind in kinds_read(reading)
    if " " not in kind
)


def kinds_pattern(kinds: tuple[str, ...]) -> str:
    """An alternation of kinds for a pattern, the longest first, spaces as any space."""
    ordered = sorted(kinds, key=len, reverse=True)
    return "|".join(re.escape(kind).replace(r"\ ", r"\s+") for kind in ordered)


#: Words of a document-type phrase: "Ciphered Telegram No. 3172", "Hand delivered note"; with
#: the numbers, articles and months that go with them.
TYPE_WORDS = DOCUMENT_WORDS | word_set(
    "no no. nos. number # of the a an and january february march april may june july "
    "august september october november december"
)
#: Endings of common nouns, never of a one-word name: "Reactions to ...", "Amendments to ...".
NOUN_ENDING = re.compile(
    r"(?:ions?|ments?|ness|ity|ities|ances?|ences?|isms?|ships?|ings?|ures?|ogy|ies|ics)$",
    re.IGNORECASE,
)
#: Words that make a correspondent a body: "Embassy of Hungary in North Korea".
BODY_WORDS = frozenset(data_lines("title-body-words.txt"))
#: Countries, capitals and regions, as name tokens.
PLACES = frozenset(" ".join(name_tokens(place)) for place in data_lines("title-places.txt"))
PLACE_FIRST = frozenset(place.split()[0] for place in PLACES if place)

#: Lower-case words allowed inside a name or a body's name.
CONNECTORS = word_set(
    "of the in for and de da del della dos das do van von der den du al el bin ibn la le di y zu"
) | {f"to{MARK}", f"and{MARK}"}
#: What an office or a body has in charge: "Foreign Affairs", "Posts and Communications".
DOMAIN_WORDS = word_set(
    "affairs defense defence state intelligence security interior internal trade finance war "
    "justice economic economy planning culture cultural education health industry commerce "
    "information propaganda organization organisation liaison people peoples government "
    "posts communications"
)
#: Words of an office's complement: "Secretary of State", "Minister of Foreign Affairs".
COMPLEMENT_WORDS = (
    OFFICES
    | DOMAIN_WORDS
    | word_set(
        "republic council commission ministry board staff forces armed volunteers communist "
        "workers socialist the"
    )
)
#: Offices the authority's list leaves out: "US Congressman Paul Findley".
MORE_OFFICES = frozenset(data_lines("title-office-words.txt"))
LEADING_OFFICE = (OFFICES | MORE_OFFICES | HONORIFICS | {"d'affaires", "d’affaires"}) - {"of"}
OFFICE_PREPS = frozenset({"of", "to", f"to{MARK}", "in", "for", "at"})


#: A number, or a document's number glued to its "No.": "25902", "No.061.119", "01/04493".
_NUMBER = re.compile(r"^(?:nos?\.?)?\d")


def words_of(text: str) -> list[str]:
    """The words of a text without the punctuation around them."""
    return [w.strip(".,;:") for w in text.split()]


#: Words that qualify a kind and name no author: "Background Report", "File Note".
QUALIFIERS = frozenset(kinds_read("qualifies"))


def _series() -> re.Pattern[str]:
    """The series the kinds' list names, as one pattern."""
    names = sorted(kinds_read("series"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE)


#: Series of documents named by what they are: "National Intelligence Estimate".
_NAMED_SERIES = _series()


@lru_cache(maxsize=4096)
def is_type_phrase(text: str) -> bool:
    """Whether a text only names a kind of document: "Ciphered Telegram No. 25902", "US
    Interagency Intelligence Memorandum"."""
    if _SERIES.match(text.strip(" ,;:")):
        return True  # "NSC 8/1", "ORE 5/1", "SNIE 93-83": a document in a series
    words = [w.lower() for w in words_of(_NAMED_SERIES.sub("report", text)) if w]
    if _NAMED_SERIES.search(text):
        while len(words) > 1 and words[0] in OFFICES:
            words.pop(0)  # the country whose series it is: "US Interagency ..."
    return bool(words) and all(w in TYPE_WORDS or _NUMBER.match(w) for w in words)


#: A document's series and number: "NSC 8/1", "SNIE 93-83".
_SERIES = re.compile(r"^[A-Z]{2,6}\s+\d[\w/.-]*$")


#: Nouns that head a sent document's type: the "Telegram" of "State Department Telegram 233".
_SENT_NOUNS = word_set(
    "telegram telegrams cable cables letter letters note notes memorandum memo report reports "
    "message messages directive directives instructions airgram radiogram dispatch despatch "
    "circular wire telephonogram reply answer response request"
)


def without_type_end(text: str) -> str:
    """A sender without the type or number of its document after it: "State Department
    Telegram 233" is the State Department, "North Asia Department No. 720035" the Department."""
    words = text.split()
    cut = len(words)
    while cut > 1 and (bare(words[cut - 1]) in TYPE_WORDS or _NUMBER.match(bare(words[cut - 1]))):
        cut -= 1
    tail = [bare(w) for w in words[cut:]]
    numbered = tail[:1] in (["no"], ["no."], ["nos."]) and len(tail) > 1
    if not (numbered or any(w in _SENT_NOUNS for w in tail)) or bare(words[cut - 1]) in _JOINING:
        return text
    return " ".join(words[:cut])


#: Words after which a name runs on: "Report of the", "A and".
_JOINING = word_set("of the a an and no no. nos.")


def is_body(text: str) -> bool:
    """Whether a name is a body's: "Hungarian Foreign Ministry", "CC of the CPSU"."""
    return any(t in BODY_WORDS for t in name_tokens(text))


def bare(word: str) -> str:
    """A word without punctuation or case, as the word lists hold it."""
    return word.strip(".,;:\"'“”‘’").replace(MARK, "").casefold()


@lru_cache(maxsize=8192)
def word_key(word: str) -> str:
    """A word as the place list compares it."""
    return " ".join(name_tokens(word))


def place_end(words: list[str], start: int) -> int:
    """The end of the longest known place starting at ``start`` (``start`` if none)."""
    if start >= len(words) or word_key(words[start]).split(" ")[0] not in PLACE_FIRST:
        return start
    keys = [word_key(w) for w in words[start : start + 6]]
    for end in range(len(keys), 0, -1):
        if " ".join(k for k in keys[:end] if k) in PLACES:
            return start + end
    return start


@lru_cache(maxsize=4096)
def is_place(text: str) -> bool:
    """Whether a text is one known place: "North Korea", "Beijing"."""
    words = text.split()
    return bool(words) and place_end(words, 0) == len(words)


#: Acts of a body that are not messages: "CPSU CC Decree", "Politburo Resolution for ...".
NOT_SENT = re.compile(
    r"\b(?:decree|resolution|decision|protocol)(?:\s+(?:for|on|about|regarding)\s.*)?$",
    re.IGNORECASE,
)
