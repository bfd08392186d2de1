"""Names in a piece of a title: where a name runs, lists of several, offices beside them.

"Soviet Ambassador to the DPRK Shtykov" is Shtykov; "Prime Minister of India" alone stands
for its holder; "Mao Zedong, Zhou Enlai and Others" is two people; "Beijing, Mao Zedong" is
Mao Zedong.  :class:`Collector` turns the pieces into canonical names through the name
authority and remembers how the title wrote them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from searcher.ingest.correspondents.described import closing_name, without_description
from searcher.ingest.correspondents.groups import lower_case_group
from searcher.ingest.correspondents.longer_names import longer_name, runs_on
from searcher.ingest.correspondents.offices import (
    COMPLEMENT_END,
    CONNECTED,
    LEAD_WORDS,
    ORDINAL,
    is_appositive,
    office_phrase,
    office_split,
    sits_in,
    where_it_sits,
)
from searcher.ingest.correspondents.word_kinds import (
    DEMONYM,
    is_nationality,
    nationality_adjective,
    surname_like,
)
from searcher.ingest.correspondents.words import (
    BODY_WORDS,
    CONNECTORS,
    DOMAIN_WORDS,
    LEADING_OFFICE,
    MARK,
    NOUN_ENDING,
    bare,
    is_body,
    is_place,
    is_type_phrase,
    word_set,
)
from searcher.names import HONORIFICS, OFFICES, NameAuthority, name_tokens

#: Lower-case particles joined to a name: "al-Assad", "el-Sadat", "d'Affaires", "d'Estaing",
#: "Qavam os-Saltaneh".
_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|ar|az|ud|ul|ed|os|ol|od|d|l)[-'’]\w", re.IGNORECASE)
POSSESSIVE_END = re.compile(r"['’]s$")
MONTH = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d.*)?$",
    re.IGNORECASE,
)
#: A body written as letters: "CC CPSU", "MFA", "CC SED".
_ABBREVIATED = re.compile(r"^(?:[A-Z]{2,}\b\s*)+$")
#: A body with the person at its head: "Government Delegation Led by Ion Gheorghe Maurer".
_LED_BY = re.compile(r"^[A-Z].*?\s+\w+ed\s+[Bb]y\s+(?P<who>[A-Z].+)$")
_SIGNED = re.compile(r"^signed\s+by\s+(?P<who>.+)$", re.IGNORECASE)
_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)
#: A comma between names, not before a name's own end ("R.E. Cushman, Jr.").
COMMA = re.compile(r"\s*,(?!\s*(?i:jr|sr)\b)\s*")
#: That comma, read out of the name: "R.E. Cushman Jr.".
_TAIL_COMMA = re.compile(r"\s*,\s*(?=(?i:jr|sr)\b)")
AND = re.compile(r"\s*,?\s+and\s+|\s*&\s*", re.IGNORECASE)
GLOSSED = re.compile(r"^(?P<main>[^\[(]+?)\s*[\[(](?P<gloss>[^\])]+)[\])]\s*$")
_GLOSS_POSSESSIVE = re.compile(r"['’]s(?=[\])])")
_PLACE_TAIL = re.compile(r"^(?P<who>.+?)\s+(?:in|at)\s+(?:the\s+)?(?P<place>[^,]+)$")
_FILLER = re.compile(
    r"^(?:(?:and\s+)?others?|et\s+al\.?|etc\.?|(?:the\s+)?rest|"
    r"(?:first|second|third|fourth|fifth|last|final)\s+(?:meeting|session|conversation|talk))$",
    re.I,
)
#: Trailing document-type words glued to a name: "Dobrynin Cable", "Kennan Telegram".
_TRAILING_TYPE = re.compile(
    r"(?:\s+(?:cable|telegram|letter|memorandum|memo|report|note|notes|message|speech|"
    r"remarks|minutes|resolution)(?:\s+and)?)+$",
    re.IGNORECASE,
)


def split_outside_brackets(text: str, pattern: re.Pattern[str]) -> list[str]:
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


@lru_cache(maxsize=4096)
def name_run(text: str) -> str:
    """The leading run of a text that reads as a name: stop at a date or a lower-case word."""
    kept: list[str] = []
    depth = 0
    words = text.split()
    for n, word in enumerate(words):
        if depth == 0:
            plain = word.strip("\"'“”‘’,.;:")
            if not plain or (not kept and plain in _NOT_FIRST):
                continue
            if plain.isdigit() and [bare(w) for w in kept] == ["the"]:
                kept.append(word)  # "the 15 Plenum of the Communist Party of Vietnam"
                continue
            if plain.isdigit() and kept and bare(kept[-1]) in _NUMBERED_UNITS:
                kept.append(word)  # "Region 5", "Directorate 2"
                continue
            if kept and plain in _GROUP_NOUNS:  # "the Soviet leadership", "the Chinese side"
                kept.append(word)
                continue
            if kept and plain == "from" and bare(kept[-1]) in _FROM_GROUPS and n + 1 < len(words):
                kept.append(word)  # "Guests from Africa", "Women's Delegation from Guinea"
                continue
            at = plain == "at" or plain == "with" and bare(kept[-1] if kept else "") == "relations"
            if kept and at and any(bare(w) in BODY_WORDS for w in kept):
                kept.append(
                    word
                )  # "the Party Committee at the ...", "Bureau for ... Relations with"
                continue
            after = words[n + 1] if n + 1 < len(words) else ""
            if kept and plain == "on" and bare(kept[-1]) in _BODIES_ON and after.istitle():
                kept.append(word)  # "Commission on Questions of the Chernobyl Catastrophe"
                continue
            first = plain[0]
            if (
                first.isdigit()
                and not ORDINAL.match(plain)
                or (
                    first.islower()
                    and plain not in CONNECTORS
                    and plain.rstrip(".") not in HONORIFICS
                    and plain not in LEADING_OFFICE
                    and plain.removesuffix("s") not in LEADING_OFFICE  # "Politburo members A"
                    and not _PARTICLE.match(plain)
                    and not POSSESSIVE_END.search(plain)
                )
            ):
                break
        depth += word.count("[") + word.count("(") - word.count("]") - word.count(")")
        depth = max(depth, 0)
        kept.append(word)
    while kept and kept[-1].strip(",.;:") in CONNECTORS:
        kept.pop()
    return " ".join(kept).strip(" ,;:")


#: People named by where they come from: "Guests from Africa", "Delegates from North Korea".
_FROM_GROUPS = word_set(
    "guests delegation delegations delegates representatives officials members visitors students"
)
#: Bodies named by what they are on: "Commission on ...", "Committee on ...".
_BODIES_ON = word_set("commission committee subcommittee council conference")
#: Units named by their number: "Region 5", "Military Zone 9".
_NUMBERED_UNITS = word_set("region zone interzone district sector division corps army directorate")
#: Words that never open a name: "a", "an", a preposition ("... Maurer, in Beijing").
_NOT_FIRST = frozenset({"a", "an"})
#: A part opening with a preposition names a place or a time: "..., in the Cuban Embassy".
_PREPOSITION_FIRST = re.compile(r"^(?:in|at|on|of|for|during|after|before)\s", re.IGNORECASE)
#: Lower-case nouns that end a group's name: "the Soviet leadership", "the Chinese side".
_GROUP_NOUNS = frozenset({"leadership", "leaders", "side", "government", "authorities"})


def lead_name(text: str) -> str:
    """The name a text opens with, or the person a lower-case description of them ends with."""
    run = name_run(text)
    if run == text.strip(" ,;:") and not _LOWER_ROLE.search(text):
        return run
    return closing_name(text) or run


#: A role in lower case before a name: "... (CPCz) official Vladimir Koucky".
_LOWER_ROLE = re.compile(r"\s[a-z][a-z-]+\s+(?=[A-Z])")


def looks_like_name(text: str) -> bool:
    """Whether the whole text reads as a name (or a body's name)."""
    run = name_run(text)
    words = len(text.split())  # a body's name runs longer than a person's
    return bool(run) and run == text.strip(" ,;:") and (words <= 12 or words <= 18 and is_body(run))


#: A body's office before a name: "Albanian Labor Party Politburo Member Ramiz Alia".
_MEMBER_OF_BODY = re.compile(
    r"^(?P<body>.+?)\s+(?:members?|secretar(?:y|ies)|chairman|head|director)\s+"
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})$",
    re.IGNORECASE,
)
#: A given name before a surname: "Ivan" in "Ivan Dimitrov".
_GIVEN = re.compile(r"^[A-Z][a-z]+$")


def _drop_place(name: str) -> str:
    """A person without where they were: "Mikoyan in Havana", "Kohl in Novo-Ogarëvo"."""
    if (match := _PLACE_TAIL.match(name)) and is_place(match["place"]):
        return match["who"]
    return name


def _offices(first: str, second: str) -> bool:
    """ "Soviet Ambassadors" and "Representatives": holders of offices, one group of addressees."""
    return all(
        (word := bare(part.split()[-1])).endswith("s") and word[:-1] in LEADING_OFFICE
        for part in (first, second)
    )


def _one_body(first: str, second: str) -> bool:
    """ "the Leadership of the Party" and "Government of Albania", "a Government" and "Economic
    Delegation", "Minister of Posts" and "Communications Minister Diop": one body's or office's
    name, two domains before one noun."""
    last, head = bare(first.split()[-1]), bare(second.split()[0])
    if last in DOMAIN_WORDS and head in DOMAIN_WORDS and len(second.split()) > 1:
        return True
    if (
        _SHARED_COMPLEMENT.search(first)
        and is_body(first)
        and _COMPLEMENT_RUNS_ON.match(second)
        and (NOUN_ENDING.search(head) or head in DOMAIN_WORDS)
    ):
        return True  # "Faculty of Mathematics" and "Physics at Charles University"
    return last == "party" and second.split()[0] in ("Government", "State")


#: A body's "of" and one word of what it is of: "Faculty of Mathematics".
_SHARED_COMPLEMENT = re.compile(r"\bof\s+[A-Z][a-z]+$")
#: The second word of that complement, then where the body is: "Physics at Charles University".
_COMPLEMENT_RUNS_ON = re.compile(r"^[A-Z][a-z]+(?:\s+(?:at|in|of)\s+(?:the\s+)?[A-Z].*)?$")


#: Two adjectives of one noun: "... of Asian" and "African Countries".
_ADJECTIVES = re.compile(r"^.*\b[A-Z][a-z]+(?:an|ese|ish)\s+[A-Z][a-z]+(?:an|ese|ish)\s+[A-Z]\w+$")
#: A part naming the members of a group: "Members of an Albanian Women's Delegation".
#: Or who was present: "with the Presence of Anastas Mikoyan".
_MEMBERS_OF = re.compile(
    r"^(?:the\s+)?(?:members|representatives|presence|participation|attendance)\s+of\s+"
    r"(?:an?\s+|the\s+)?",
    re.I,
)


#: The people of a body named by a list of their roles in it: "the Head, Deputy Head, and Key
#: Members of the Cultural Group of the Laotian Patriotic Front".
_ROLES_OF = re.compile(
    r"^(?:the\s+)?(?:(?:key|other|leading|senior|deputy)\s+)*(?:heads?|members?|leaders?)"
    r"(?:\s*,?\s*(?:and\s+)?(?:(?:key|other|leading|senior|deputy)\s+)*(?:heads?|members?|"
    r"leaders?))+\s+of\s+(?:an?\s+|the\s+)?(?P<body>.+)$",
    re.IGNORECASE,
)


def _led_by(part: str) -> str:
    """The person at a body's head: "Delegation of the People's Army Headed by Comrade B"."""
    part = _MEMBERS_OF.sub("", part)
    return led["who"] if (led := _LED_BY.match(part)) else part


def _is_filler(part: str, parts: list[str]) -> bool:
    """Not a correspondent: "and others"; beside a name, a place or an office."""
    if _FILLER.match(part) or MONTH.match(part) or _WEEKDAY.match(part):
        return True
    if len(parts) < 2:
        return False
    if is_place(LEAD_WORDS.sub("", part)):
        # "Beijing, Mao Zedong", "the Soviet Ambassador, Havana"; a list of three places or
        # more, or of four names or more, is a list of addressees ("to Moscow, Budapest,
        # Prague, ...", "to COSVN, Region 5, Tri-Thien, Saigon, Hue, and Danang")
        return sum(map(is_place, parts)) < 3 and not all(map(is_place, parts)) and len(parts) < 4
    # "Maurer, Chairman of the Council of Ministers of Romania"; "an Iranian, Ali Reza Hekmat"
    described = office_phrase(part) or (DEMONYM.match(part) is not None and not is_place(part))
    return described and any(not is_place(p) and not office_phrase(p) for p in parts)


#: An office's complement ending in an adjective: "Director of Global [Issues]".
_ADJECTIVE_END = re.compile(r"\s(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+(?:al|ic|ive|ary)$")


def _qualified(office: str, name: str) -> bool:
    """Whether the one word after an office is the noun its complement's adjective qualifies."""
    return " " not in name and _ADJECTIVE_END.search(office) is not None


#: A person's name: initials or given names and a surname, "M.J. Wilmshurst", "Alois Mock".
_PERSON_NAME = re.compile(r"^(?:[A-Z][\w'’-]*\.?\s*){0,3}[A-Z][\w'’-]+$")


def _gloss_place(gloss: str) -> str:
    """The place a gloss names, without its country: "British Embassy, Islamabad" is Islamabad."""
    return gloss.rsplit(",", 1)[-1].strip()


#: Where a person after an office comes from: "... Helmut Kohl of the Federal Republic".
_OF_PLACE = re.compile(r"\s(?:of|in|at)\s")
#: A name in quotes, perhaps after who they are: a code name ("MARIAN", Trusted Individual
#: "Zh. V.A.").
_CODE_NAME = re.compile(r"^(?:[A-Z][\w-]*\s+){0,2}[\"“‘']([^\"“”‘’']+)[\"”’']$")


#: Endings of abstract nouns, never of a name of several words: "Situation", "Development".
_ABSTRACT = re.compile(r"(?:ions?|ments?|ness|ity|ities|isms?|ships?|ances?)$")
#: Gatherings and pronouns, never a name alone: "... and the Talks that Took Place ...", "Him".
_NO_ONE = word_set(
    "talks talk meeting meetings conversation conversations session sessions discussion "
    "discussions negotiations consultations him her them he she they we us it"
)
#: Spans of time, never the end of a name: "for the First Period of 1962".
_TIMES = word_set("period periods quarter half phase stage year years month months week weeks")
#: What ends a name written after a comma, never a name itself: "Jr.", "III", an initial "T.".
_NAME_TAIL = re.compile(r"^(?:(?i:jr|sr)\.?|II|III|IV|(?:[A-Z]\.\s*){1,3})$")


class Collector:
    """Resolves written names to canonical ones and remembers how the title wrote them."""

    def __init__(self, authority: NameAuthority) -> None:
        self.authority = authority
        self.written: list[str] = []

    def person_or_body(self, piece: str) -> str | None:
        """The canonical name of one written person or body (None for a type phrase)."""
        written = LEAD_WORDS.sub("", piece.replace(MARK, "").strip(" ,;:"))
        written = _GLOSS_POSSESSIVE.sub("", POSSESSIVE_END.sub("", written)).strip()
        written = _TAIL_COMMA.sub(" ", written)
        if (code := _CODE_NAME.match(written)) and not is_body(written):
            written = code[1]  # a code name in quotes: "MARIAN", Trusted Individual "Zh. V.A."
        if not written or is_type_phrase(written) or self._common_noun(written):
            return None
        name = self._resolve(written)
        if name and written not in self.written:
            self.written.append(written)
        return name

    def _common_noun(self, written: str) -> bool:
        """Words no person, body, office or place is named by, but a subject's: a lone noun
        ("Reprocessing", "Non-Proliferation"), words ending in an abstract noun ("the Current
        Situation") or in a span of time ("the First Period")."""
        written = _drop_place(written)
        words = written.split()
        if len(words) == 1 and bare(words[0]) in _NO_ONE:
            return True  # "the Talks", "Him": a gathering or a pronoun names nobody
        last = words[-1].split("-")[-1] if words else ""
        if bare(last) in _TIMES and not is_body(written):
            return True  # "the First Period [of 1962]", "the Second Half"
        ending = NOUN_ENDING if len(words) == 1 else _ABSTRACT
        return (
            len(last) > 6
            and ending.search(last) is not None
            and not is_body(written)
            and not is_place(written)
            and not any(bare(w) in LEADING_OFFICE for w in words)
            and self.authority.canonical(written) is None
            and not self.authority.find_names(written)
        )

    def _resolve(self, written: str) -> str:
        authority = self.authority
        if match := GLOSSED.match(written):
            main, gloss = match["main"].strip(), POSSESSIVE_END.sub("", match["gloss"].strip())
            if signer := _SIGNED.match(gloss):  # "HSWP CC [signed by Janos Kadar]"
                return self._resolve(signer["who"])
            person = _PERSON_NAME.match(LEAD_WORDS.sub("", main)) and not is_body(main)
            if person and (is_place(_gloss_place(gloss)) or is_body(gloss)):
                # "Maneli (Saigon)", "M.J. Wilmshurst (Joint Nuclear Unit)": where the person
                # was, or the office he wrote for
                return self._resolve(main)
            if is_body(main) or is_body(gloss) or _ABBREVIATED.match(main):
                return written  # "the CC CPSU [Andropov]": the body, with its official
            if _ABBREVIATED.match(gloss) and not authority.canonical(gloss):
                return written  # "the Mexican chargé d'affaires in Washington (OAS)"
            main_known = authority.canonical(main)
            if main_known and name_tokens(main_known) == name_tokens(main):
                return main_known
            joined = authority.find_names(f"{main} {gloss}")
            if not authority.canonical(gloss) and len(joined) == 1:
                return joined[0]  # "Chairman Mao [Zedong]": the editor completes the name
            if not authority.canonical(gloss) and person and " " in main.strip():
                return self._resolve(main)  # "Salah Khalaf (Abu Iyad)": his other name
            return authority.canonical(gloss) or self._resolve(gloss)
        written = _TRAILING_TYPE.sub("", written) or written
        if known := authority.canonical(written):
            return known
        words = written.split()
        for n in range(min(4, len(words) - 1), 0, -1):
            if words[-n][:1].isupper() and (known := authority.canonical(" ".join(words[-n:]))):
                if self._other_given_name(words[-n - 1], known, words[-n:]):
                    return written  # "Ivan Dimitrov" is not Georgi Dimitrov
                return known
        if (member := _MEMBER_OF_BODY.match(written)) and is_body(member["body"]):
            # "Albanian Labor Party Politburo Member Ramiz Alia"
            return authority.canonicalize(member["name"])
        office, name = office_split(written)
        head = _OF_PLACE.split(name)[0]
        if office and " " in head and (known := authority.canonical(head)):
            return known  # "Chancellor Helmut Kohl of the Federal Republic of Germany"
        if is_body(written):
            return written
        found = authority.find_names(written)
        if len(found) == 1 and not longer_name(written, found[0]):
            if runs_on(written, found[0], authority):
                return written  # "Castro Madero" is not Fidel Castro
            return found[0]
        office, name = office_split(written)
        if office and (not name or bare(name) in COMPLEMENT_END or _qualified(office, name)):
            return written  # "Prime Minister of India", "the Director of Central Intelligence"
        if office and all(is_nationality(w) for w in office.split()):
            return written  # "Soviet Experts", "Albanian Film Workers": a group, not an office
        return authority.canonicalize(_drop_place(name))

    def _other_given_name(self, word: str, known: str, surname: list[str]) -> bool:
        """Whether a given name before a known surname is not that person's own."""
        word = word.strip("“”\"'")
        if not _GIVEN.match(word) or bare(word) in LEADING_OFFICE or is_place(word):
            return False
        tail = name_tokens(" ".join(surname))
        givens = {
            tokens[-len(tail) - 1]
            for variant in self.authority.variants(known)
            if len(tokens := name_tokens(variant)) > len(tail) and tokens[-len(tail) :] == tail
        }
        first = name_tokens(word)[0]
        return bool(givens) and all(g[0] != first[0] for g in givens)

    @staticmethod
    def _another_office(text: str) -> bool:
        """ "the Head of Delegation of ...": another person's office, after "and the"."""
        words = text.split()
        return len(words) > 1 and words[0].casefold() == "the" and bare(words[1]) in LEADING_OFFICE

    def _names_person(self, text: str) -> bool:
        """Whether an office is followed by a known person: "President Kim Il Sung of North
        Korea" is Kim Il Sung, no office of a body."""
        name = office_split(LEAD_WORDS.sub("", text))[1]
        head = re.split(r"\s(?:of|in|at)\s", name)[0]
        return bool(head) and " " in head and self.authority.canonical(head) is not None

    def _ends_with_person(self, text: str) -> bool:
        """Whether an office ends with its holder's name: "... of Hong Kong John Addis"."""
        name = office_split(LEAD_WORDS.sub("", text))[1]
        if not name or is_body(name) or CONNECTED.search(f" {name} "):
            return False
        return " " in name or self.authority.canonical(name) is not None

    def _shared_body(self, first: str, second: str) -> bool:
        """ "the Foreign" and "Commonwealth Office" (or "Secretary"): two words of one name; a
        lone unknown word with no "the" may be a person's ("... to Tito and Central Committee")."""
        word = LEAD_WORDS.sub("", first)
        return (
            " " not in word
            and (word != first.strip() or bare(word) in DOMAIN_WORDS | OFFICES)
            and word[:1].isupper()
            and (is_body(second) or bare(second.split()[-1]) in LEADING_OFFICE)
            and not second.casefold().startswith("the ")
            and not is_place(word)
            and not is_nationality(word)
            and not self.authority.canonical(word)
        )

    def _affiliation(self, parts: list[str], i: int) -> bool:
        """A body right after a person, in one list without "and": the person's body ("...
        to Admiral Stevens, AMCOMLIB": an unknown acronym is one)."""
        before = parts[i - 1]
        acronym = _ABBREVIATED.match(parts[i]) and not self.authority.canonical(parts[i])
        return (
            (is_body(parts[i]) or bool(acronym) and not is_place(parts[i]))
            and not is_body(before)
            and not is_appositive(before)
            and (not is_place(before))
        )

    def _lone_place(self, part: str) -> bool:
        """An unknown word after "A and B, ...", or a spot glossed with its city: a place
        ("... and Kissinger, Aswan", "..., Hall of Huaizhentan [Beijing]")."""
        if self.authority.canonical(part):
            return False
        glossed = GLOSSED.match(part)
        return " " not in part or bool(glossed and is_place(glossed["gloss"].strip()))

    def _known_in(self, part: str) -> str:
        """The one known person a described part ends with: "the leaders of the Socialist
        Unity Party of Germany Wilhelm Pieck" is Pieck; "" when none or several."""
        found = self.authority.find_names(part)
        return found[0] if len(found) == 1 else ""

    def names(self, segment: str) -> list[str]:
        """Names of a segment: "A and B", "A, B, and others", "Beijing, Mao Zedong", "A (B)"."""
        out: list[str] = []
        segment = without_description(segment)  # "A.G. Krymov, a Prisoner in Noril'sk"
        if (roles := _ROLES_OF.match(segment)) and is_body(roles["body"]):
            segment = roles["body"]  # "the Head, Deputy Head, and Key Members of the X Group"
        groups = split_outside_brackets(segment, AND)
        for i, group in enumerate(groups[:-1]):
            shared = groups[i + 1].split()
            group = LEAD_WORDS.sub("", group)
            if (
                " " not in group
                and group.casefold() in OFFICES
                and shared[0].casefold() in OFFICES
                and is_body(shared[-1])
            ):
                groups[i] = " ".join([group, *shared[1:]])
        for i in range(len(groups) - 1, 0, -1):
            if (
                (
                    " " not in groups[i]
                    and (is_body(groups[i - 1]) or _offices(groups[i - 1], groups[i]))
                    and not self.authority.canonical(groups[i])
                    and not is_place(groups[i])  # "the Delegates of the ... Republic and Poland"
                    # "Politburo members Mikoyan and Suslov": two surnames, two people
                    and not (surname_like(groups[i - 1].split()[-1]) and surname_like(groups[i]))
                )
                or _one_body(groups[i - 1], groups[i])
                or self._shared_body(groups[i - 1], groups[i])
            ):
                groups[i - 1 : i + 1] = [f"{groups[i - 1]} and {groups[i]}"]
        for i in range(len(groups) - 1, 0, -1):
            before = split_outside_brackets(groups[i - 1], COMMA)[-1]
            if (
                " of " in before
                and bare(LEAD_WORDS.sub("", before).split()[0]) in LEADING_OFFICE
                and not self._ends_with_person(before)
                and not self._another_office(groups[i])
                and (is_body(after := groups[i].split(",")[0]) or office_phrase(after))
                and not self._names_person(after)
                or (" of " in groups[i - 1] and _ADJECTIVES.match(f"{before} {groups[i]}"))
                or (" of " in before and nationality_adjective(before.split()[-1]))
            ):
                # "A, Member of the Politburo and Secretary of the Central Committee, with B";
                # "the Leaders of Asian and African Countries"
                groups[i - 1 : i + 1] = [f"{groups[i - 1]} and {groups[i]}"]
        for n, group in enumerate(groups):
            parts = [p for p in split_outside_brackets(group, COMMA) if not is_type_phrase(p)]
            parts = [p for p in parts if not _PREPOSITION_FIRST.match(p)]
            parts = [
                lower_case_group(p) or lead_name(_led_by(p)) or self._known_in(p) for p in parts
            ]
            parts = [p for p in parts if p]
            for i in range(len(parts) - 1, 0, -1):
                if _NAME_TAIL.match(parts[i]):
                    # "William K. Harrison, Jr.", "Yakubov, T.": the name before, no other
                    parts[i - 1 : i + 1] = [f"{parts[i - 1]} {parts[i]}"]
            for i in range(len(parts) - 1, 0, -1):
                gloss = GLOSSED.match(parts[i])
                if gloss and is_place(gloss["main"]) and is_body(parts[i - 1]):
                    # "Dutch Embassy, Washington (Van Roijen)": where it sits, who signed
                    parts[i - 1 : i + 1] = [f"{parts[i - 1]}, {parts[i]}"]
            for i in range(len(parts) - 1, 0, -1):
                if where_it_sits(parts[i - 1], parts[i]) and not self.authority.canonical(parts[i]):
                    # "L.D. Wilgress, Canadian Embassy, Ottawa": a known place joins the name
                    joined = sits_in(parts[i - 1], parts[i])
                    parts[i - 1 : i + 1] = (
                        [f"{parts[i - 1]}, {parts[i]}"] if joined else [parts[i - 1]]
                    )
            parts = [p for p in parts if not _is_filler(p, parts)]
            if n and n == len(groups) - 1 and len(parts) > 1 and self._lone_place(parts[-1]):
                parts.pop()
            if len(groups) == 1:
                # "John F. Root, Office of Northern African Affairs": his office, not a second
                parts = [p for i, p in enumerate(parts) if not i or not self._affiliation(parts, i)]
            for part in parts:
                name = self.person_or_body(part)
                if name and name not in out:
                    out.append(name)
        return out
