"""Offices in a title: an office before its holder's name, or standing for its holder.

"Soviet Ambassador to the DPRK Shtykov" is an office and Shtykov; "Prime Minister of India"
alone stands for its holder; the "to" of an office names no recipient.
"""

from __future__ import annotations

import re
from functools import lru_cache

from searcher.ingest.correspondents.words import (
    BODY_WORDS,
    COMPLEMENT_WORDS,
    LEADING_OFFICE,
    MARK,
    MORE_OFFICES,
    OFFICE_PREPS,
    bare,
    is_body,
    is_place,
    is_type_phrase,
    place_end,
    word_set,
)
from searcher.names import HONORIFICS

#: A word for a nationality, before an office: "Argentinian", "Brazilian", "Japanese".
NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i)$")

#: A word that qualifies an office: a nationality, an adjective, an owner ("the Iranian
#: Ambassador", "the Organizational Secretary", "Political Émigré", "Kashani's Secretary").
_MODIFIER = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|al|ary|ive|ic|['’]s)$")

#: An ordinal inside a body's name: "the 8th Directorate of the USSR Armed Forces General Staff".
ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$")

#: Words before a name that are no part of it: "the", "Comrade", "Mr.".
LEAD_WORDS = re.compile(
    r"^(?:(?:the|cdes?\.?|c?mrades?|comrades?|tov\.?|mr\.?|mrs\.?|dr\.?)(?::\s*|\s+))+", re.I
)

#: An office's "to": "Soviet Ambassador to the DPRK Shtykov" is one person, not a recipient.
_OFFICE_TO = re.compile(
    r"\b(?P<office>ambassadors?|envoys?|representatives?|delegates?|delegations?|missions?|"
    r"charg[ée]s?\s+d['’]affaires|advis[eo]rs?|counsell?ors?|attach[ée]s?|consuls?|embass(?:y|ies)"
    r"(?:[\s-]+general)?|plenipotentiar(?:y|ies)|emissar(?:y|ies)|observers?)\s+to\s+"
    r"(?=(?P<place>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}))",
    re.IGNORECASE,
)


def _modifies(word: str) -> bool:
    """Whether a word qualifies the office after it, being no office word itself."""
    return bool(_MODIFIER.match(word)) and bare(word) not in LEADING_OFFICE


@lru_cache(maxsize=4096)
def office_split(text: str) -> tuple[str, str]:
    """An office and the name after it: ("Soviet Ambassador to the DPRK", "Shtykov").

    The name is empty when the office stands alone ("Prime Minister of India"), and the
    office empty when the text does not open with one.
    """
    words = text.split()
    start = int(len(words) > 1 and words[0].casefold() == "the")
    i = place_end(words, start)  # "USSR Ambassador", "DPRK Foreign Minister"
    while i - start < 2 and i < len(words) - 1 and _modifies(words[i]):
        i += 1  # "the Argentinian Ambassador", "the Organizational Secretary", "Kashani's Aide"
    if i == len(words) or bare(words[i]) not in LEADING_OFFICE:
        i = 0
    while i < len(words) and bare(words[i]) in LEADING_OFFICE:
        i += 1
    if i == 0:
        return "", text
    while i < len(words) and bare(words[i]) in OFFICE_PREPS:
        j = i + 1
        if j < len(words) and bare(words[j]) == "the":
            j += 1
        k = place_end(words, j)
        if k == j:
            while k < len(words) - 1 and bare(words[k]) in _COMPLEMENT:
                k += 1
            if k == j:
                k += 1
        if k < len(words) and words[k].startswith("["):  # "to the SDR [Somali ...]"
            while k < len(words) and "]" not in words[k]:
                k += 1
            k += 1
        i = min(k, len(words))
    name = " ".join(words[i:])
    if name and not name[:1].isupper():
        return "", text
    if name and bare(words[-1]) in LEADING_OFFICE - HONORIFICS - BODY_WORDS:
        return text, ""  # "Foreign Affairs Secretary": an office throughout, no name after it
    return " ".join(words[:i]), name


#: Words of an office's complement up to its next preposition ("Chairman of the Council | of
#: Ministers | of Romania").
_COMPLEMENT = COMPLEMENT_WORDS - OFFICE_PREPS


def is_appositive(text: str) -> bool:
    """An office standing alone after a name: "Prime Minister of India", "Chairman of the Board"."""
    office, name = office_split(text)
    return bool(office) and not name


#: Words that name an office's holder, not a body: "General Secretary of the CC ...".
_TITLES = word_set(
    "president premier chairman chancellor ambassador secretary minister consul envoy leader "
    "king queen emperor prince marshal general commander chief counselor counsellor"
)


def _is_office_of_body(text: str) -> bool:
    """An office of a body, standing for its holder: "General Secretary of the CC French
    Communist Party"."""
    office, rest = office_split(text)
    return any(bare(w) in _TITLES for w in office.split()) and is_body(rest)


#: An indefinite article before an office: "a Member of ...".
_ARTICLE = re.compile(r"^an?\s+(?=[A-Z])")


def _body_then_office(text: str) -> bool:
    """An office named after its body: "Argentinian Communist Party CC Secretary"."""
    *body, last = text.split() or [""]
    return bare(last) in _TITLES and bool(body) and is_body(" ".join(body))


def office_phrase(part: str) -> bool:
    """An office standing for no one named: "Prime Minister of India", "Member of the
    Secretariat of the National Leadership of the United Revolutionary Organizations"."""
    part = _ARTICLE.sub("", part)  # "a Member of the Editorial Board of the Magazine ..."
    if is_appositive(part) or _is_office_of_body(part) or _body_then_office(part):
        return True
    words = _NEW_OFFICE.sub("", LEAD_WORDS.sub("", part)).split() or [""]
    if ORDINAL.match(words[0]) and len(words) > 1:
        words = words[1:]  # "the 1st Secretary of the Embassy of the USSR in the DPRK"
    first = min(place_end(words, 0), len(words) - 1)  # "the USSR Ambassador to the SDR"
    if bare(words[first]) not in LEADING_OFFICE - HONORIFICS or _PERSON_AFTER_OFFICE.search(part):
        return False
    office, name = office_split(" ".join(words))
    # no office split off: what follows the office is no name ("... of the journal 'X'"), or
    # only the last word of its complement ("Deputy Chairman of Xinjiang Province")
    return (
        not office
        or not name
        or is_body(name)
        or bool(CONNECTED.search(name))
        or bare(name.split()[-1]) in COMPLEMENT_END  # "... of the Xinjiang Autonomous Region"
        or _INITIALS_ONLY.match(name) is not None  # "... of the Chinese P.R.": no surname
        or is_place(name)  # "Minister for Foreign Affairs the USSR"
    )


#: Letters with no surname after them: an abbreviation, never a name ("P.R.", "U.S.").
_INITIALS_ONLY = re.compile(r"^(?:[A-Z]\.\s*)+$")


#: Words that end an office's complement, never a name: "... for External Affairs".
COMPLEMENT_END = COMPLEMENT_WORDS | word_set("affairs province region district oblast")
#: A country's possessive and "New" before an office: "Iran's New Ambassador to Romania".
_NEW_OFFICE = re.compile(
    r"^(?:(?-i:[A-Z])[\w-]*['’]s\s+)?(?:new(?:ly\s+appointed)?|incoming|outgoing)\s+(?=(?-i:[A-Z]))",
    re.I,
)


#: A connecting word inside what follows an office: no person's name.
CONNECTED = re.compile(r"\s(?:of|in|at|the|to)\s")


#: A name after an office phrase: "... of the CC French Communist Party, Comrade Thorez".
_PERSON_AFTER_OFFICE = re.compile(r"\b(?:[A-Z]\.\s*){1,3}[A-Z][a-z]+$")


def _unknown_post(match: re.Match[str]) -> bool:
    """ "Indian Ambassador to Quetzaltenango Ratan Nehru", "Ambassador to X Alekseev to ...",
    "US Ambassador to X, ...": a post the place list does not know, one plain capitalised word
    before its holder's name, a comma, another "to" or the end, when a nationality stands
    before the office or another "to" after it."""
    post = _POST.match(match.string, match.start("place"))
    if not post:
        return False  # not "to the High-Level Political Talks"
    from searcher.ingest.correspondents.word_kinds import nationality_word  # imports this

    before = match.string[: match.start()].split()
    national = bool(before) and nationality_word(before[-1])
    return national or re.search(r"\sto\s", match.string[post.end() :]) is not None


#: One plain word after an office's "to", then a name, a comma, another "to" or the end.
_POST = re.compile(r"(?:the\s+)?[A-Z][a-z]+(?=\s+[A-Z]|\s*,|\s*$|\s+to\s)")


#: A delegation sent to a gathering, one name: "the USSR Delegation to the XXIII Session of
#: the General Assembly", "Bolivian Delegation to the XII Congress of the CPCz".
_DELEGATION_TO = re.compile(
    r"\b(?P<who>delegations?|mission)\s+to\s+(?=(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:sessions?|congress|conference|talks|negotiations|summit|"
    r"assembly|plenum|meeting|UN\b|United\s+Nations))",
    re.IGNORECASE,
)


#: A body named by its aim, and the aims joined in its name: "the Chinese People's Committee
#: to Defend World Peace and Combat U.S. Aggression".
_AIMS = r"(?:defend|oppose|resist|combat|aid|support|promote|protect|liberate|safeguard)\b"
_BODY_TO_AIM = re.compile(
    rf"\b(?P<body>committee|council|league|association|society|movement|front)\s+to\s+"
    rf"(?P<aim>{_AIMS}(?:(?!\s+and\s)[^,])*)(?P<more>\s+and\s+(?={_AIMS}))?",
    re.IGNORECASE,
)


def _aim(match: re.Match[str]) -> str:
    joined = f" and{MARK} " if match["more"] else ""
    return f"{match['body']} to{MARK} {match['aim']}{joined}"


def protect_office_to(text: str) -> str:
    """Mark the "to" of "Ambassador to the DPRK Shtykov" or "Delegation to the XII Congress"
    so that it splits nothing."""
    if " to " not in text and " To " not in text:
        return text
    text = _BODY_TO_AIM.sub(_aim, _DELEGATION_TO.sub(rf"\g<who> to{MARK} ", text))

    def mark(match: re.Match[str]) -> str:
        words = match["place"].split()
        start = 1 if words[0].casefold() == "the" else 0
        if start < len(words) and place_end(words, start) > start:
            return f"{match['office']} to{MARK} "
        if is_body(match["place"]) and match.string[match.end("place") :].startswith(","):
            # "the Adviser to the Bulgarian Embassy in Beijing, Ivan Dimitrov, to ..."
            return f"{match['office']} to{MARK} "
        if _unknown_post(match):
            return f"{match['office']} to{MARK} "
        return match[0]

    return _OFFICE_TO.sub(mark, text)


#: One plain capitalised word: "Quetzaltenango".
_PLAIN_WORD = re.compile(r"^[A-Z][a-z]+$")


def where_it_sits(body: str, piece: str) -> bool:
    """Whether a piece after a body names where the body sits: a known place, or one plain
    word that is no office, body or type ("Canadian Embassy, Quetzaltenango")."""
    office = office_split(LEAD_WORDS.sub("", body))[0]
    if not is_body(body) or any(bare(w) in _TITLES | MORE_OFFICES for w in office.split()):
        return False  # "the Chairman of the SPD, Brandt": the office's holder
    plain = _PLAIN_WORD.match(piece) and bare(piece) not in LEADING_OFFICE | BODY_WORDS
    return is_place(piece) or bool(plain) and not is_type_phrase(piece)


#: Bodies that sit in one place, whose place is part of their name: "Hungarian Embassy, Prague";
#: not a delegation or a party, which travel or meet somewhere ("..., Delegation, Beijing").
_SITTING = word_set(
    "embassy embassies legation consulate consulate-general mission ministry office department "
    "bureau station residency representation agency"
)


def sits_in(body: str, piece: str) -> bool:
    """Whether a known place after a body is where the body sits, part of its name."""
    return (
        where_it_sits(body, piece)
        and is_place(piece)
        and any(bare(w) in _SITTING for w in body.split())
    )
