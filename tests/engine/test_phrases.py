"""Phrase and proximity matching against a brute-force reading of the same documents."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from array import array
from itertools import product

import pytest

from searcher.engine.whoosh.blocks import Values, pack_block, unpack_values
from searcher.engine.whoosh.positions import in_order
from searcher.engine.whoosh.schema import PackedPositions

WORDS = "abcd"


def _documents(seed: int, numbers: int) -> dict[int, dict[str, list[int]]]:
    """Document number (below ``numbers``) -> word -> positions; some documents run past
    16-bit positions."""
    rng = random.Random(seed)
    docs = {}
    for d in sorted(rng.sample(range(numbers), 60)):
        start = 65_520 if d % 7 == 0 else 0
        held: dict[str, list[int]] = {}
        for i in range(rng.randint(1, 40)):
            held.setdefault(rng.choice(WORDS), []).append(start + i)
        docs[d] = held
    return docs


def _postings(docs, word: str, packed: bool):
    ids = [d for d in docs if word in docs[d]]
    fmt = PackedPositions()
    values = [fmt.encode(docs[d][word]) for d in ids]
    if packed:  # through a block, as the index reads them back
        data = pack_block(array("I", ids), array("f", [1.0] * len(ids)), Values.of(values), 3)
        values = Values(*unpack_values(data, len(ids), True))
    return ids, [1.0] * len(ids), values


def _chain_exists(held: dict[str, list[int]], phrase: str, slop: int) -> bool:
    reach = set(held.get(phrase[0], ()))
    for word in phrase[1:]:
        reach = {p for p in held.get(word, ()) if any(1 <= p - e <= slop for e in reach)}
    return bool(reach)


@pytest.mark.parametrize("packed", [False, True], ids=["listed", "packed"])
@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("numbers", [5_000, 3_000_000], ids=["32-bit keys", "64-bit keys"])
@pytest.mark.parametrize("kept", [1.0, 0.6, 0.2], ids=["all", "most", "few"])
def test_phrases_and_proximity_match_the_brute_force_answer(seed, packed, numbers, kept):
    """Candidates are the rarest word's documents, as the engine passes them, of which a
    filter (a date range) keeps the share ``kept``; only those may be answered."""
    docs = _documents(seed, numbers)
    rng = random.Random(seed)
    phrases = ["".join(p) for n in (2, 3) for p in product(WORDS, repeat=n)]
    for phrase, slop in product(phrases, (1, 2, 4)):
        lists = [_postings(docs, w, packed) for w in phrase]
        rarest = min((ids for ids, _, _ in lists), key=len)
        candidates = {d for d in rarest if rng.random() < kept}
        expected = {d for d in candidates if _chain_exists(docs[d], phrase, slop)}
        found = in_order([(ids, values) for ids, _, values in lists], candidates, slop)
        assert found.tolist() == sorted(expected), (phrase, slop)


def test_keys_past_63_bits_match_as_any_other():
    """A document number past 2**31 holding positions past 2**31: its keys outgrow 64 bits."""
    fmt = PackedPositions()
    doc, start = 2**31 + 5, 2**32 - 10
    first = ([7, doc], [fmt.encode([1]), fmt.encode([start])])
    second = ([doc], [fmt.encode([start + 3])])
    found = in_order([first, second], {doc}, 3)
    assert found.tolist() == [doc] and found.dtype == "int64"  # usable as an index
    assert in_order([first, second], {doc}, 2).tolist() == []
    assert in_order([second, first], {doc}, 9).tolist() == []


@pytest.mark.parametrize("last", [2**8 - 2, 2**16 - 2, 2**17 - 3])
def test_a_document_ending_in_one_word_does_not_run_into_the_next(last):
    """Word a closes document 3 at position ``last``; word b opens document 4: no phrase,
    however near the two keys lie."""
    fmt = PackedPositions()
    a = ([3, 4], [fmt.encode([last]), fmt.encode([9])])
    b = ([3, 4], [fmt.encode([0]), fmt.encode([0, 1])])
    for slop in (1, 2, 5):
        assert in_order([a, b], {3, 4}, slop).tolist() == []


def test_numpy_is_loaded_by_the_first_phrase_not_by_words_or_dates(raw_html_index):
    """A command searching words or dates starts without numpy's import (about 140 ms)."""
    probe = (
        "import json, sys\n"
        "from searcher import Archive\n"
        f"archive = Archive.open({str(raw_html_index)!r})\n"
        "seen = []\n"
        "for text in ('korea', 'place:Korea date:1950..1953', 'kim OR armistice',\n"
        "             '\"soviet union\"'):\n"
        "    total = archive.search(text).total\n"
        "    seen.append([text, total, 'numpy' in sys.modules])\n"
        "print(json.dumps(seen))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    seen = json.loads(done.stdout)
    assert all(total for _, total, _ in seen), seen  # every query finds something
    assert [loaded for _, _, loaded in seen] == [False, False, False, True]
