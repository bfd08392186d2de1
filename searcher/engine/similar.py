"""More like this: the words that say what a document is about, for every engine.

A document's key terms are chosen by tf-idf over its title, summary and body, each field's
term frequencies normalised by the field's length and weighted by the field's ranking
weight: a word of a two-line summary says more about the document than one of a ten-page
body, and a long document's many words do not crowd out its subject.  Stems found in more
than :data:`MAX_DF` of the documents say little about any one and are left out, as are
those found in the document alone.  Engines rank documents by these terms with their own
length-normalised scoring (BM25F in the embedded engine, a BM25-shaped normalisation in
PostgreSQL), each term counted by its normalised frequency in the document, so that a short
document on the same matter outranks a long one that merely shares words.

Measured on the judged set ``tests/relevance/similar.tsv`` (``evaluate_similar``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping

from searcher.analysis import WEIGHTS, stems
from searcher.record import Record

#: Fields whose words make the key terms, and are searched for them.
FIELDS: tuple[str, ...] = ("title", "summary", "body")
#: How many key terms are searched.
TERMS = 20
#: How many of the most frequent stems are considered (their document counts read).
CANDIDATES = 80
#: A stem in more than this share of the documents is no key term.
MAX_DF = 0.35


def key_terms(
    record: Record,
    doc_freq: Callable[[list[str]], Mapping[str, int]],
    documents: int,
    count: int = TERMS,
) -> list[tuple[str, float]]:
    """The record's ``count`` key stems, best first, each with its weight: its frequency
    in the record (normalised as above, the most frequent key term 1).  ``doc_freq`` gives
    the number of documents holding each of a list of stems (asked once, for the
    :data:`CANDIDATES` most frequent)."""
    tf: Counter[str] = Counter()
    for name in FIELDS:
        found = stems(getattr(record, name))
        for s in found:
            if len(s) > 2 and not s.isdigit():
                tf[s] += WEIGHTS[name] / len(found)
    if not tf or documents < 2:
        return []
    candidates = [t for t, _ in sorted(tf.items(), key=lambda i: (-i[1], i[0]))[:CANDIDATES]]
    ceiling = max(2, MAX_DF * documents)
    df = {t: n for t, n in doc_freq(candidates).items() if 1 < n <= ceiling}
    chosen = sorted((-tf[t] * math.log(documents / n), t) for t, n in df.items())[:count]
    if not chosen:
        return []
    top = max(tf[t] for _, t in chosen)
    return [(t, tf[t] / top) for _, t in chosen]
