"""Deterministic generated archive pages in the current site's layout, cached between runs.

``make_document(i, vocab)`` gives the document dict of page ``i`` (the keys of the real
scrape sample, plus ``charset``); ``page_bytes`` renders and encodes it; ``ensure_pages``
writes N pages under ``benchmarks/.cache/pages-{N}/`` once and reuses them while the
generator, the vocabulary and the renderer stay the same.
"""

from __future__ import annotations

import hashlib
import json
import math
import multiprocessing
import random
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

from benchmarks.vocabulary import (
    CLASSIFICATIONS,
    CONTRIBUTORS,
    DONORS,
    INSTITUTIONS,
    LANGUAGES,
    RIGHTS,
    TYPES,
    Vocabulary,
    load_vocabulary,
)

GENERATOR_VERSION = 1
SEED = 20251007
CACHE = Path(__file__).resolve().parent / ".cache"
ROOT = Path(__file__).resolve().parent.parent

MIN_WORDS, MAX_WORDS = 200, 6000
#: Log-normal body length: median and spread fitted to the real pages (about 450 to 3,800
#: words, median near 1,500).
LENGTH_MEDIAN, LENGTH_SIGMA = 1100, 0.75
#: One page in twenty is not UTF-8: (encoding, whether the page declares it).
LEGACY = (
    ("windows-1251", True),
    ("windows-1252", True),
    ("latin-1", True),
    ("windows-1251", False),
    ("windows-1252", False),
    ("latin-1", False),
)
LEGACY_EVERY = 20
#: Date display forms and their shares.
DATE_FORMS = (("day", 0.75), ("month", 0.12), ("year", 0.07), ("undated", 0.06))
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
GERMAN = ("Außenministerium", "Gespräch", "über", "Präsident", "Übersetzung", "Bundesrepublik")
EDITORIAL = ("[...]", "[signature]", "[handwritten: agreed]", "[Translator's note: illegible]")


def _date(rng: random.Random) -> tuple[str, str | None]:
    """(precision, displayed date or None)."""
    year = min(1991, max(1945, int(rng.gauss(1956, 9))))
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    roll, form = rng.random(), "day"
    for form, share in DATE_FORMS:  # noqa: B007 - the last form is the remainder
        if roll < share:
            break
        roll -= share
    shown = {
        "day": f"{MONTHS[month]} {day}, {year}",
        "month": f"{MONTHS[month]} {year}",
        "year": str(year),
        "undated": None,
    }[form]
    return form, shown


def _title(rng: random.Random, forms: list[str], date: str | None) -> str:
    a, b = forms[0], forms[1]
    shape = rng.randrange(11)
    number = rng.randint(100, 60000)
    via = f"{rng.choice(['via ', '[via ', '(via '])}{forms[2]}" if len(forms) > 2 else ""
    if via.startswith("["):
        via += "]"
    elif via.startswith("("):
        via += ")"
    tail = f" {via}" if via else ""
    kind = rng.choice(["Ciphered Telegram", "Ciphered telegram", "Cable", "Telegram"])
    return [
        f"{kind} No. {number}, {a} to {b}{tail}",
        f"{kind} No. {number} from {a} to {b}{tail}",
        f"{kind}, {a} to {b}{tail}",
        f"Telegram from {a} to {b}{tail}",
        f"Letter from {a} to {b}",
        f"Memorandum of Conversation between {a} and {b}",
        f"Record of Conversation between {a} and {b} on {date or 'an unknown date'}",
        f"{a} to {b}",
        f"Telegram from {rng.choice(INSTITUTIONS)} to {rng.choice(INSTITUTIONS)}",
        f"Report, {a} to {b}, on the Situation",
        f"Memorandum, {a} to {b}",
    ][shape]


def _body(rng: random.Random, vocab: Vocabulary, mentions: list[str], legacy: str) -> str:
    n_words = int(rng.lognormvariate(math.log(LENGTH_MEDIAN), LENGTH_SIGMA))
    n_words = min(MAX_WORDS, max(MIN_WORDS, n_words))
    sampled = rng.choices(vocab.words, cum_weights=vocab.cum_weights, k=n_words // 2)
    tokens: list[str] = []
    real, last = vocab.tokens, len(vocab.tokens) - 12
    pos = 0
    draw = rng.random
    while len(tokens) < n_words:
        step = 3 + int(draw() * 10)
        if draw() < 0.5:
            start = int(draw() * last)
            tokens.extend(real[start : start + step])
        else:
            tokens.extend(sampled[pos : pos + step])
            pos += step
            if pos >= len(sampled):
                pos = 0
    del tokens[n_words:]
    for name in mentions:
        for _ in range(rng.randint(1, 4)):
            tokens.insert(rng.randrange(len(tokens)), name)
    if legacy and legacy != "windows-1251":
        for word in rng.sample(GERMAN, 3):
            tokens.insert(rng.randrange(len(tokens)), word)
    if rng.random() < 0.3:
        tokens.insert(rng.randrange(len(tokens)), rng.choice(EDITORIAL))
    paragraphs: list[str] = []
    i, number = 0, 1
    while i < len(tokens):
        size = rng.randint(30, 150)
        text = " ".join(tokens[i : i + size])
        if rng.random() < 0.3:
            number += 1
            text = f"{number}. {text}"
        paragraphs.append(text)
        i += size
    if rng.random() < 0.25:
        paragraphs[0] += "[1]"
        paragraphs.append("[1] " + " ".join(rng.choices(real, k=rng.randint(8, 25))))
    return "\n".join(paragraphs)


def _russian(rng: random.Random, vocab: Vocabulary) -> str:
    """The original-language version of a page: Russian paragraphs."""
    words = rng.choices(vocab.russian, k=rng.randint(150, 600))
    return "\n".join(" ".join(words[i : i + 80]) for i in range(0, len(words), 80))


def _sentence(rng: random.Random, vocab: Vocabulary, words: int) -> str:
    start = rng.randrange(len(vocab.tokens) - words)
    text = " ".join(vocab.tokens[start : start + words]).rstrip(".,;:")
    return text[:1].upper() + text[1:] + "."


def _fit(text: str, encoding: str) -> str:
    """Text the legacy encoding can hold: other characters lose their accents."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        try:
            ch.encode(encoding)
            out.append(ch)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(base or {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-"}.get(ch, "?"))
    return "".join(out)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def make_document(i: int, vocab: Vocabulary, *, revision: int = 0) -> dict[str, Any]:
    """The document dict of page ``i`` (``revision`` > 0 gives an edited version of it)."""
    rng = random.Random(f"{SEED}:{i}:{revision}")
    legacy, declared = "", True
    if i % LEGACY_EVERY == LEGACY_EVERY // 2:
        legacy, declared = LEGACY[(i // LEGACY_EVERY) % len(LEGACY)]
    chosen = rng.sample(vocab.people, rng.randint(2, 5))
    forms = [rng.choice(f) for _, f in chosen]
    precision, shown = _date(rng)
    title = _title(rng, forms, shown)
    mentions = [f.split(" [")[0].split(" (")[0].removeprefix("Cde. ") for f in forms[:3]]
    language = "Russian" if legacy == "windows-1251" else rng.choice(LANGUAGES)
    if legacy and legacy != "windows-1251":
        language = "German"
    donor = rng.choice(DONORS) if rng.random() < 0.3 else None
    record_id = str(400000 + i)
    doc: dict[str, Any] = {
        "title": title,
        "original_publication_date": shown,
        "summary": " ".join(
            [f"{mentions[0]} writes to {mentions[1]}."]
            + [_sentence(rng, vocab, rng.randint(8, 25)) for _ in range(rng.randint(1, 3))]
        ),
        "text_body": _body(rng, vocab, mentions, legacy),
        "credits": f"This document was made possible with support from {donor}" if donor else None,
        "authors": [chosen[0][0]] if rng.random() < 0.6 else None,
        "associated_people_orgs": [pill for pill, _ in chosen],
        "associated_places": rng.sample(vocab.places, rng.randint(1, 5)),
        "subjects_discussed": rng.sample(vocab.subjects, rng.randint(1, 6)),
        "document_contributors": rng.sample(CONTRIBUTORS, 1) if rng.random() < 0.3 else None,
        "source": rng.choice(vocab.sources)
        if vocab.sources and rng.random() < 0.3
        else f"{rng.choice(vocab.archives)}, fond {rng.randint(1, 600)}, "
        f"opis {rng.randint(1, 30)}, delo {rng.randint(1, 900)}.",
        "original_archive_title": [rng.choice(vocab.archives)],
        "language": [language],
        "rights": RIGHTS,
        "record_id": record_id,
        "original_classification": rng.choice(CLASSIFICATIONS) if rng.random() < 0.7 else None,
        "donors": [donor] if donor else None,
        "original_upload_date": f"20{rng.randint(11, 24)}-{rng.randint(1, 12):02d}-"
        f"{rng.randint(1, 28):02d}",
        "document_url": f"https://digitalarchive.wilsoncenter.org/document/{_slug(title)}",
        "type": rng.choice(TYPES),
        "original_text": _russian(rng, vocab) if legacy == "windows-1251" else None,
        "original_label": "Russian" if legacy == "windows-1251" else None,
        "charset": (legacy if declared else None) if legacy else "utf-8",
        "encoding": legacy or "utf-8",
        "date_precision": precision,
    }
    if legacy:
        for key, value in doc.items():
            if isinstance(value, str):
                doc[key] = _fit(value, legacy)
            elif isinstance(value, list):
                doc[key] = [_fit(v, legacy) for v in value]
    return doc


#: Keys the generator keeps for itself (tests, queries), not shown on the page.
_GENERATOR_KEYS = ("encoding", "date_precision")


def _render(doc: dict[str, Any]) -> str:
    from samples.render import current_site

    return current_site({k: v for k, v in doc.items() if k not in _GENERATOR_KEYS})


def page_bytes(doc: dict[str, Any]) -> bytes:
    """The page as the site (or a scraper re-saving it) would have written it."""
    return _render(doc).encode(doc["encoding"])


def file_name(i: int, doc: dict[str, Any]) -> str:
    return f"{i:06d}-{_slug(doc['title'])[:40]}.html"


def _stamp(vocab: Vocabulary) -> str:
    render = ROOT / "samples" / "render.py"
    render_hash = hashlib.blake2b(render.read_bytes(), digest_size=8).hexdigest()
    return json.dumps(
        {"version": GENERATOR_VERSION, "vocabulary": vocab.fingerprint, "render": render_hash}
    )


_VOCAB: Vocabulary | None = None


def _vocab() -> Vocabulary:
    global _VOCAB
    if _VOCAB is None:
        _VOCAB = load_vocabulary()
    return _VOCAB


def _write_range(args: tuple[str, int, int]) -> int:
    dest, start, stop = args
    vocab = _vocab()
    total = 0
    for i in range(start, stop):
        doc = make_document(i, vocab)
        data = page_bytes(doc)
        (Path(dest) / file_name(i, doc)).write_bytes(data)
        total += len(data)
    return total


def ensure_pages(n: int, *, workers: int | None = None, cache: Path = CACHE) -> Path:
    """The folder of N generated pages, written now unless a matching cache exists."""
    vocab = _vocab()
    dest = cache / f"pages-{n}"
    stamp_file = dest / ".stamp"
    stamp = _stamp(vocab)
    if stamp_file.is_file() and stamp_file.read_text() == stamp:
        return dest
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    step = 500
    jobs = [(str(dest), s, min(n, s + step)) for s in range(0, n, step)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers or multiprocessing.cpu_count()) as pool:
        for _ in pool.imap_unordered(_write_range, jobs):
            pass
    stamp_file.write_text(stamp)
    return dest


def edited_page(i: int, revision: int = 1, *, vocab: Vocabulary | None = None) -> tuple[str, bytes]:
    """(file name, bytes) of an edited version of page ``i``, for incremental rebuilds."""
    vocab = vocab or _vocab()
    original = make_document(i, vocab)
    doc = make_document(i, vocab, revision=revision)
    doc["title"] = original["title"]
    return file_name(i, original), page_bytes(doc)
