"""The word file of a generation: every unstemmed word of the text fields, with the
number of documents that hold it.

It serves wildcards, fuzzy terms and spelling suggestions, which need the words as
written (the indexed fields hold stems).  Keeping it as a sorted file instead of an
indexed field saves the rebuild ~40% of its postings.  An incremental rebuild adds the
words of new and changed pages to the previous file; words only held by deleted pages
stay until the next full rebuild (they can widen a wildcard's list of stems, never its
matches beyond what the stems find).
"""

from __future__ import annotations

import fnmatch
import os
import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from pathlib import Path

from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton

FILE = "words.tsv"


def write(folder: Path, counts: Mapping[str, int]) -> None:
    """Write the word file of a generation folder (replacing, never editing, a linked one)."""
    temp = folder / f"{FILE}.tmp"
    with open(temp, "w", encoding="utf-8") as fh:
        fh.writelines(f"{w}\t{counts[w]}\n" for w in sorted(counts) if "\t" not in w)
    os.replace(temp, folder / FILE)


def read_counts(folder: Path) -> dict[str, int]:
    """Word -> document count from a generation's word file ({} when it has none)."""
    try:
        text = (folder / FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    out: dict[str, int] = {}
    for line in text.splitlines():
        word, _, count = line.partition("\t")
        out[word] = int(count or 1)
    return out


class Lexicon:
    """A generation's words, sorted, with their document counts."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.words = sorted(counts)

    @classmethod
    def load(cls, folder: Path) -> Lexicon | None:
        """The folder's lexicon, or None when it has no word file."""
        if not (folder / FILE).exists():
            return None
        return cls(read_counts(folder))

    def matching(self, pattern: str, cap: int) -> list[str]:
        """Words matching a glob pattern (``*``, ``?``), at most ``cap``, in order."""
        cut = min((i for i in (pattern.find("*"), pattern.find("?")) if i >= 0), default=-1)
        prefix = pattern if cut < 0 else pattern[:cut]
        regex = re.compile(fnmatch.translate(pattern))
        out: list[str] = []
        words = self.words
        for i in range(bisect_left(words, prefix), len(words)):
            word = words[i]
            if not word.startswith(prefix):
                break
            if regex.match(word):
                out.append(word)
                if len(out) >= cap:
                    break
        return out

    def within(self, word: str, distance: int, prefix: int = 0) -> Iterator[str]:
        """Words within ``distance`` edits of ``word`` sharing its first ``prefix`` letters."""
        if not self.words or distance <= 0:
            return iter(())
        dfa = levenshtein_automaton(word, distance, prefix).to_dfa()
        return find_all_matches(dfa, _Skipper(self.words))

    def suggest(self, word: str, maxdist: int = 2, prefix: int = 1) -> str | None:
        """The most frequent word within ``maxdist`` edits (ties: the last in order)."""
        counts = self.counts
        found = [w for w in self.within(word, maxdist, prefix) if w != word]
        if not found:
            return None
        return max(found, key=lambda w: (-(maxdist + 0.5 / (counts.get(w) or 1)), w))


class _Skipper:
    """The next word at or after a string, for the automaton walk over a sorted list."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def __call__(self, text: str) -> str | None:
        pos = bisect_left(self.words, text)
        return self.words[pos] if pos < len(self.words) else None
