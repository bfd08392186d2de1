"""What generated pages are made of: words, names, places, subjects and sources.

Word frequencies, phrases, people, places and subjects come from the real scraped pages
(``wilson-2025-scrape-sample.json``) when that file is present; a small built-in set keeps
the generator running without it.  Everything is sorted, so the same inputs always give the
same vocabulary.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

#: Where the real corpus is looked for, unless BENCH_CORPUS names another folder.
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SAMPLE_FILE = "wilson-2025-scrape-sample.json"
TRANSCRIPT_FILE = "old-site-transcript-33548.json"

#: People: (pill as the site writes it, forms a title uses).  Pseudonyms and variant
#: spellings are the ones the archive's titles really carry.
PEOPLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Stalin, Joseph",
        (
            "Stalin",
            "I.V. Stalin",
            "Comrade Stalin",
            "Filippov [Stalin]",
            "Filippov (Stalin)",
            "Cde. Filippov [Stalin]",
            "Feng Xi (Stalin)",
            "Filipov [Stalin]",
            "Flippov [Stalin]",
        ),
    ),
    ("Mao, Zedong", ("Mao Zedong", "Cde. Mao Zedong", "Mao Tse-tung")),
    ("Zhou, Enlai", ("Zhou Enlai", "Chou En-lai")),
    ("Roshchin, N. V.", ("Roshchin", "Roschin")),
    ("Shtykov, Terentii Fomich", ("Shtykov", "Shtytkov")),
    ("Vyshinsky, Andrey Yanuaryevich", ("Vyshinsky",)),
    ("Kovalev, Ivan Vladimirovich", ("Kovalev",)),
    ("Molotov, Vyacheslav Mikhailovich", ("Molotov", "V.M. Molotov")),
    ("Gromyko, Andrei Andreevich", ("Gromyko",)),
    ("Kim, Il Sung", ("Kim Il Sung",)),
    ("Peng, Dehuai", ("Peng Dehuai",)),
    ("Liu, Shaoqi", ("Liu Shaoqi",)),
    ("Malenkov, Georgy Maksimilianovich", ("G.M. Malenkov", "Malenkov")),
    ("Chiang, Kai-shek (Jiang Jieshi)", ("Chiang Kai-shek", "Jiang Jieshi")),
    ("Khrushchev, Nikita Sergeevich", ("Khrushchev", "N.S. Khrushchev")),
    ("Kuznetsov, Vasily Vasilyevich", ("Kuznetsov",)),
    ("Krasovsky, Stepan Akimovich", ("Krasovsky",)),
    ("Nehru, Jawaharlal", ("Jawaharlal Nehru", "Nehru")),
    ("Kohl, Helmut", ("Helmut Kohl", "Kohl")),
    ("Yeltsin, Boris", ("Yeltsin",)),
    ("Deng, Xiaoping", ("Deng Xiaoping",)),
    ("Ulbricht, Walter", ("Walter Ulbricht", "Ulbricht")),
    ("Gomułka, Władysław", ("Gomułka", "Gomulka")),
    ("Tito, Josip Broz", ("Tito",)),
    ("Ho, Chi Minh", ("Ho Chi Minh",)),
)

#: Names a historian searches for, and the other names the same person appears under.
NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "Stalin": ("Filippov", "Filipov", "Flippov", "Feng Xi"),
    "Mao Zedong": ("Mao Tse-tung",),
    "Zhou Enlai": ("Chou En-lai",),
    "Roshchin": ("Roschin",),
    "Shtykov": ("Shtytkov",),
    "Chiang Kai-shek": ("Jiang Jieshi",),
    "Gomulka": ("Gomułka",),
}

#: Surnames written first in running text (East Asian usage).
SURNAME_FIRST = frozenset(("Satō", "Nakajima", "Kawase", "Ushiba", "Chiang", "Kim", "Lin"))

INSTITUTIONS = (
    "the Romanian Embassy in Geneva",
    "the Ministry of Foreign Affairs",
    "the Hungarian Embassy in Beijing",
    "the Soviet Embassy in Pyongyang",
    "the Central Committee of the CPSU",
    "the Polish Embassy in Hanoi",
    "the East German Foreign Ministry",
    "the Chinese Embassy in Moscow",
)

PLACES = (
    "Soviet Union", "China", "Korea (North)", "Korea (South)", "Japan", "Taiwan",
    "United States", "Germany", "Germany (East)", "Poland", "Hungary", "Romania",
    "Czechoslovakia", "Vietnam", "India", "Pakistan", "Mongolia", "Cuba", "Yugoslavia",
    "Moscow", "Beijing", "Pyongyang", "Seoul", "Berlin", "Warsaw", "Hanoi", "Tokyo",
    "Great Britain", "France", "Iran", "Afghanistan", "Ukraine", "Russia", "Kazakhstan",
)  # fmt: skip

SUBJECTS = (
    "Korean War, 1950-1953",
    "Cold War",
    "Nuclear weapons",
    "Sino-Soviet split",
    "Cultural Revolution, 1966-1976",
    "Communist parties",
    "Espionage",
    "Economic assistance",
    "Military assistance",
    "Arms control",
    "Decolonization",
    "North Atlantic Treaty Organization",
    "Warsaw Treaty Organization",
)

ARCHIVES = (
    "Archive of the President of the Russian Federation (APRF)",
    "Russian State Archive of Socio-Political History (RGASPI)",
    "Archive of Foreign Policy of the Russian Federation (AVPRF)",
    "Chinese Foreign Ministry Archive",
    "Romanian National Archives",
    "Hungarian National Archives (MOL)",
    "Polish Central Archives of Modern Records (AAN)",
    "German Federal Archives (BArch)",
)

LANGUAGES = ("English", "Russian", "Chinese", "German", "Japanese", "Korean", "Romanian")
CLASSIFICATIONS = ("Secret", "Top Secret", "Confidential", "Strictly Secret", "Restricted")
TYPES = ("Telegram", "Memorandum", "Letter", "Report", "Minutes", "Cable")
DONORS = (
    "Chun & Jane Chiu Family Foundation",
    "Korea Foundation",
    "Henry Luce Foundation",
    "MacArthur Foundation",
)
CONTRIBUTORS = ("Kieninger, Stephan", "Weathersby, Kathryn", "Chen, Jian", "Person, James")

RIGHTS = (
    "The History and Public Policy Program welcomes reuse of Digital Archive materials for "
    "research and educational purposes. Some documents may be subject to copyright, which is "
    "retained by the rights holders in accordance with US and international copyright laws."
)

FALLBACK_TEXT = (
    "Top secret. Comrade Stalin, I report that the delegation arrived in Moscow on the 14th. "
    "The question of the treaty of friendship, alliance and mutual assistance was discussed "
    "at length. The Chinese side considers it necessary to conclude a new treaty, and the "
    "Soviet government agreed in principle. We exchanged views on the situation in Korea, on "
    "the armistice negotiations and on the supply of military equipment. The Central "
    "Committee asks you to send instructions on the question of the Chinese Changchun "
    "railway and Port Arthur. The economic situation remains difficult; the government is "
    "taking measures to restore industry and agriculture. I request your advice. With "
    "communist greetings. 1. The enemy continues to concentrate forces on the front. 2. Our "
    "troops hold their positions. 3. The ambassador will report on the talks with the "
    "foreign minister in the coming days."
)

#: Pseudo-words appended after the real ones, so vocabulary grows with the corpus as real
#: archives' does (names, misspellings, rare words).
TAIL_WORDS = 40_000
#: Share of sampled words taken from that tail.
TAIL_SHARE = 0.12


@dataclass(frozen=True)
class Vocabulary:
    """Sampling tables for the generator; build with :func:`load_vocabulary`."""

    tokens: tuple[str, ...]  # the real text as a token stream (phrases are slices of it)
    words: tuple[str, ...]  # distinct words, head then tail, for weighted sampling
    cum_weights: tuple[float, ...]
    common: tuple[str, ...]  # frequent content words (for queries)
    bigrams: tuple[tuple[str, str], ...]  # frequent adjacent content-word pairs
    people: tuple[tuple[str, tuple[str, ...]], ...]
    places: tuple[str, ...]
    subjects: tuple[str, ...]
    archives: tuple[str, ...]
    sources: tuple[str, ...]
    russian: tuple[str, ...]  # Cyrillic words, for pages in windows-1251
    fingerprint: str  # changes when the inputs change


_STOPWORDS = (
    "a an and are as at be but by for from has have he her his i in is it its not of on "
    "or our that the their there these they this to was we were which will with would "
    "you your been had may can all also no so than them those who what when if into more "
    "other such should only any must us my me about one two three upon very"
)
STOPWORDS = frozenset(_STOPWORDS.split())


def _clean(word: str) -> str:
    return word.strip(".,;:!?()[]\"'“”‘’«»-–—").lower()


def _corpus_dir() -> Path:
    return Path(os.environ.get("BENCH_CORPUS", DEFAULT_CORPUS))


def _read_corpus(corpus: Path) -> tuple[list[dict], str]:
    path = corpus / SAMPLE_FILE
    if not path.is_file():
        return [], ""
    data = path.read_bytes()
    return json.loads(data), hashlib.blake2b(data, digest_size=8).hexdigest()


def _read_russian(corpus: Path) -> list[str]:
    path = corpus / TRANSCRIPT_FILE
    if not path.is_file():
        return []
    from lxml import html as lxml_html

    markup = json.loads(path.read_bytes()).get("html", "")
    text = lxml_html.fromstring(markup).text_content() if markup else ""
    return [w for w in text.split() if any("а" <= c.lower() <= "я" for c in w)]


def _tail(head: list[str], rng: random.Random, count: int) -> list[str]:
    """Pseudo-words spliced from real ones: plausible shapes, new spellings."""
    stems = [w for w in head if w.isalpha() and len(w) >= 5]
    seen = set(head)
    out: list[str] = []
    for _ in range(count * 4 if stems else 0):  # small vocabularies give fewer new words
        if len(out) == count:
            break
        a, b = rng.choice(stems), rng.choice(stems)
        word = a[: rng.randint(2, len(a) - 2)] + b[rng.randint(2, len(b) - 2) :]
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def load_vocabulary() -> Vocabulary:
    """Read the real corpus (or the fallback) into sampling tables."""
    corpus = _corpus_dir()
    docs, fingerprint = _read_corpus(corpus)
    bodies = [d.get("text_body") or "" for d in docs] or [FALLBACK_TEXT]
    tokens = [t for body in bodies for t in body.split()]
    counts = Counter(tokens)
    head = sorted(counts, key=lambda w: (-counts[w], w))
    rng = random.Random("vocabulary")
    tail = _tail(head, rng, TAIL_WORDS)
    head_total = sum(counts.values())
    # Zipf weights for the tail, scaled so it takes TAIL_SHARE of the sampled words.
    zipf = [1.0 / (len(head) + r) for r in range(1, len(tail) + 1)]
    scale = head_total * TAIL_SHARE / (1 - TAIL_SHARE) / (sum(zipf) or 1)
    weights = [counts[w] for w in head] + [z * scale for z in zipf]

    clean_counts = Counter(_clean(t) for t in tokens)
    common = tuple(
        w
        for w, _ in sorted(clean_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if w.isalpha() and len(w) > 3 and w not in STOPWORDS
    )[:300]
    pairs: Counter[tuple[str, str]] = Counter()
    for a, b in zip(tokens, tokens[1:], strict=False):
        ca, cb = _clean(a), _clean(b)
        if (
            a[-1:].isalpha()
            and ca.isalpha()
            and cb.isalpha()
            and len(ca) > 2
            and len(cb) > 2
            and ca not in STOPWORDS
            and cb not in STOPWORDS
        ):
            pairs[(ca, cb)] += 1
    bigrams = tuple(p for p, _ in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])))[:300]

    people = dict(PEOPLE)
    places = set(PLACES)
    subjects = set(SUBJECTS)
    archives = set(ARCHIVES)
    sources: set[str] = set()
    for d in docs:
        for pill in (
            (d.get("associated_people_orgs") or [])
            + (d.get("document_contributors") or [])
            + (d.get("authors") or [])
        ):
            if ", " in pill and pill not in people:
                surname, given = pill.split(", ", 1)
                given = given.split(" (")[0]
                east_asian = surname in SURNAME_FIRST or len(surname) <= 4 and " " not in given
                people[pill] = (f"{surname} {given}" if east_asian else f"{given} {surname}",)
        places.update(d.get("associated_places") or [])
        subjects.update(d.get("subjects_discussed") or [])
        archives.update(d.get("original_archive_title") or [])
        if d.get("source"):
            sources.add(d["source"])
    countries = sorted(p for p in PLACES if " " not in p or "(" in p)[:16]
    for a in countries:
        subjects.add(f"{a}--Foreign relations--{countries[(len(a) * 7) % len(countries)]}")
        subjects.add(f"{a}--Politics and government")
    fingerprint = hashlib.blake2b(
        (fingerprint + "|" + repr(sorted(people.items())) + repr(sorted(subjects))).encode(),
        digest_size=8,
    ).hexdigest()
    return Vocabulary(
        tokens=tuple(tokens),
        words=tuple(head + tail),
        cum_weights=tuple(accumulate(weights)),
        common=common,
        bigrams=bigrams,
        people=tuple(sorted(people.items())),
        places=tuple(sorted(places)),
        subjects=tuple(sorted(subjects)),
        archives=tuple(sorted(archives)),
        sources=tuple(sorted(sources)),
        russian=tuple(_read_russian(corpus)) or ("секретно", "товарищ", "телеграмма"),
        fingerprint=fingerprint,
    )
