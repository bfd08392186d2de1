"""Snippets: the passage of a document where the query's words are densest, marked.

Rather than re-analysing a whole body, one regex finds the words that start like a query
stem, and only those candidates are stemmed and compared; a phrase is confirmed by
reading the words after its first one and is marked as one span.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from searcher.analysis import TEXT_FIELDS, stem, words
from searcher.fold import fold
from searcher.query import ast
from searcher.results import Snippet

WIDTH = 240
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
#: Characters a word and its space take at most, for proximity (longer words are rare)
_WORD_SPAN = 32


class Marker:
    """Finds the spans of one query's words in texts."""

    def __init__(
        self,
        sequences: Sequence[tuple[str, ...]],
        near: Sequence[tuple[tuple[str, ...], int]] = (),
    ) -> None:
        #: proximity phrases: their words' stems, and how many positions may separate them
        self.near = [(tuple(stem(w) for w in ws), slop) for ws, slop in near]
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        self.patterns: list[re.Pattern[str]] = []
        prefixes: set[str] = set()
        for seq in sequences:
            if "*" in seq[0] or "?" in seq[0]:
                glob = re.escape(seq[0]).replace(r"\*", r"\w*").replace(r"\?", r"\w")
                self.patterns.append(re.compile(glob + r"\Z", re.IGNORECASE))
                prefixes.add(glob)
                continue
            stems = tuple(stem(w) for w in seq)
            self.phrases.setdefault(stems[0], []).append(stems[1:])
            first = stems[0]
            prefixes.add(re.escape(first[:-1] if len(first) > 2 and first[-1] in "ie" else first))
        #: how many different words the query asks for (wildcards count once)
        self.items = len({s for ws in sequences for s in ws[:1]})
        self.regex = (
            re.compile(r"\b(?:" + "|".join(sorted(prefixes, key=len, reverse=True)) + r")\w*", re.I)
            if prefixes
            else None
        )
        #: the prefixes as plain strings, when there are no wildcards: found with str.find
        #: in the lower-cased text, much faster than the regex's scan of every position
        self.literals = (
            None if self.patterns else sorted({re.sub(r"\\(.)", r"\1", p) for p in prefixes})
        )

    def marks(self, text: str) -> list[tuple[int, int]]:
        if self.regex is None:
            return []
        out: list[tuple[int, int]] = []
        words: list[str] = []
        last_end = 0
        for start, stop, word in self._candidates(text):
            if start < last_end:
                continue
            end = self._match_at(text, word, stop)
            if end is not None:
                out.append((start, end))
                words.append(word)
                last_end = end
        #: the marked words of the last text marked (lower-case, folded), for coverage
        self.marked = (text, words)
        return out

    def _candidates(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, lower-cased word, accents folded) of each word starting with a
        query prefix (folding keeps offsets: the written form is marked)."""
        text = fold(text)
        lower = text.lower()
        if self.literals is None or len(lower) != len(text):
            return [(m.start(), m.end(), m.group().lower()) for m in self.regex.finditer(text)]
        found: set[tuple[int, int, str]] = set()
        find = lower.find
        word_at = _WORD.match
        for prefix in self.literals:
            i = find(prefix)
            while i >= 0:
                before = lower[i - 1] if i else " "
                if not (before.isalnum() or before == "_"):
                    m = word_at(lower, i)
                    found.add((i, m.end(), m.group()))  # type: ignore[union-attr]
                i = find(prefix, i + 1)
        return sorted(found)

    def _match_at(self, text: str, word: str, end: int) -> int | None:
        tails = self.phrases.get(stem(word))
        if tails is not None:
            best: int | None = None
            for tail in tails:
                stop = _follows(text, end, tail)
                if stop is not None and (best is None or stop > best):
                    best = stop
            if best is not None:
                return best
        if any(p.match(word) for p in self.patterns):
            return end
        return None

    def coverage(
        self, text: str, marks: list[tuple[int, int]], proximity: bool = True
    ) -> tuple[int, int]:
        """How well ``text`` matches: the proximity phrases it satisfies, then the number
        of different query words marked in it."""
        found: dict[str, list[int]] = {}
        known, words = getattr(self, "marked", ("", []))
        if known is text and len(words) == len(marks):  # the words marks() found
            for (start, _), word in zip(marks, words, strict=True):
                found.setdefault(stem(word), []).append(start)
        else:
            for start, _ in marks:
                word = _WORD.match(text, start)
                if word is not None:
                    found.setdefault(stem(fold(word.group().lower())), []).append(start)
        if not proximity:
            return 0, len(found)
        satisfied = sum(_in_reach(text, found, stems, slop) for stems, slop in self.near)
        return satisfied, len(found)


def marker_for(node: ast.Node) -> Marker:
    """The Marker of a query's words (positive ones only), proximity phrases known apart."""
    return Marker(positive_words(node), _proximity(node))


def positive_words(node: ast.Node) -> list[tuple[str, ...]]:
    """The word sequences a document may show for the non-negated parts of a query.

    Used for snippets: each item is one term's or one phrase's words, lower-cased.
    """
    out: list[tuple[str, ...]] = []

    def walk(n: ast.Node) -> None:
        if isinstance(n, ast.And | ast.Or):
            for item in n.items:
                walk(item)
        elif isinstance(n, ast.Term | ast.Fuzzy) and (n.field is None or n.field in TEXT_FIELDS):
            ws = tuple(words(n.text))
            if ws:
                out.append(ws)
        elif isinstance(n, ast.Phrase) and (n.field is None or n.field in TEXT_FIELDS):
            ws = tuple(w for p in n.words for w in words(p))
            if ws and n.slop == 0:
                out.append(ws)
            else:
                out.extend((w,) for w in ws)
        elif isinstance(n, ast.Wildcard) and (n.field is None or n.field in TEXT_FIELDS):
            out.append((n.pattern.lower(),))

    walk(node)
    return out


def _proximity(node: ast.Node) -> list[tuple[tuple[str, ...], int]]:
    if isinstance(node, ast.And | ast.Or):
        return [p for item in node.items for p in _proximity(item)]
    if isinstance(node, ast.Phrase) and node.slop and node.field in (None, *TEXT_FIELDS):
        return [(tuple(w for p in node.words for w in words(p)), node.slop)]
    return []


def _in_reach(text: str, found: dict[str, list[int]], stems: tuple[str, ...], slop: int) -> bool:
    """Whether the stems occur in order, each within ``slop + 1`` words of the one before
    (``found``: stem -> offsets of the words marked with it, ascending)."""
    reach = (slop + 2) * _WORD_SPAN  # an offset this far apart cannot be near enough
    reached = found.get(stems[0], []) if stems else []
    for item in stems[1:]:
        nexts = []
        for p in found.get(item, []):
            lo, hi = bisect_left(reached, p - reach), bisect_left(reached, p)
            if any(_words_between(text, q, p) <= slop + 1 for q in reached[lo:hi]):
                nexts.append(p)
        reached = nexts
    return bool(reached)


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _follows(text: str, pos: int, tail: tuple[str, ...]) -> int | None:
    """End offset when the words after ``pos`` have the stems of ``tail``, else None."""
    for expected in tail:
        m = _WORD.search(text, pos)
        if m is None or stem(fold(m.group().lower())) != expected:
            return None
        pos = m.end()
    return pos


def passage(text: str, marks: list[tuple[int, int]], width: int = WIDTH) -> Snippet:
    """The ``width``-character passage holding the most marks, whitespace collapsed."""
    if not marks:
        start, end = 0, min(len(text), width)
    else:
        best, best_count = 0, 0
        j = 0
        for i, (s, _) in enumerate(marks):
            j = max(j, i)
            while j + 1 < len(marks) and marks[j + 1][1] <= s + width:
                j += 1
            if j - i + 1 > best_count:
                best, best_count = i, j - i + 1
        anchor = marks[best][0]
        start = max(0, anchor - width // 4)
        if start:
            space = text.rfind(" ", max(0, start - 20), anchor)
            start = space + 1 if space >= 0 else start
        end = min(len(text), start + width)
        end = max(end, marks[best][1])
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start + width // 2:
            end = space
    window = text[start:end]
    lead = len(window) - len(window.lstrip())
    body = _SPACE.sub(" ", window.strip())
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    shift = len(prefix)
    kept: list[tuple[int, int]] = []
    for s, e in marks:
        if s >= start and e <= end:
            ns = len(_SPACE.sub(" ", window[lead : s - start])) + shift
            ne = ns + len(_SPACE.sub(" ", text[s:e]))
            kept.append((ns, ne))
    return Snippet(prefix + body + suffix, tuple(kept))


def make_snippet(texts: Sequence[str], marker: Marker, width: int = WIDTH) -> Snippet | None:
    """A snippet of the text that matched best (see :meth:`Marker.coverage`; the first of
    equals), every matched word in it marked; else the start of the first text."""
    present = [t for t in texts if t]
    if not present:
        return None
    best: tuple[tuple[int, int, int], Snippet] | None = None
    for text in present:
        found = marker.marks(text)
        if found:
            near, words = marker.coverage(text, found)
            if best is not None and (near, words, words) <= best[0]:
                continue  # cannot do better than the passage already found
            snippet = passage(text, found, width)
            shown = marker.coverage(snippet.text, list(snippet.marks), proximity=False)[1]
            if best is None or (near, shown, words) > best[0]:
                best = ((near, shown, words), snippet)
            if near == len(marker.near) and shown >= marker.items:
                break  # every query word shown: no other text can do better
    return passage(present[0], [], width) if best is None else best[1]
