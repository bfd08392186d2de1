"""Accents: words match with and without them ("Schauble" finds "Schäuble").

Every Latin letter with a diacritic folds to its base letter (é -> e, ë -> e, ł -> l), one
character for one, so a folded text keeps the offsets of the text it came from (snippets
mark the written form).  Letters that are not a base letter with marks (ß, æ, œ) are kept,
as are other scripts, but for the Cyrillic ё.  Folding runs on the index's words and the
query's alike (see ``searcher.analysis.words``); the written forms of accented words
are indexed besides, so that ``--exact`` can ask for them (see :func:`accented`).
"""

from __future__ import annotations

import re
import unicodedata


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for low, high in ((0xC0, 0x250), (0x1E00, 0x1F00)):
        for code in range(low, high):
            char = chr(code)
            decomposed = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            if len(base) == 1 and base != char and base.isascii():
                table[char] = base
    table.update({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})
    table.update({"ё": "е", "Ё": "Е"})
    return table


#: Each foldable character and its base letter (about 500; built in a few milliseconds).
FOLD: dict[str, str] = _table()
_FOLDABLE = re.compile("[" + "".join(sorted(FOLD)) + "]")
_WORD = re.compile(r"\w+")


def _base(match: re.Match[str]) -> str:
    return FOLD[match.group()]


def fold(text: str) -> str:
    """``text`` with accented letters replaced by their base letters (same length)."""
    if text.isascii():
        return text
    return _FOLDABLE.sub(_base, text)


def has_accents(text: str) -> bool:
    """Whether folding changes ``text``."""
    return not text.isascii() and _FOLDABLE.search(text) is not None


def accented(text: str) -> list[str]:
    """The lower-case words of ``text`` that folding changes, as written ("schäuble"), in
    order; found from the accented letters, without reading every word."""
    if text.isascii():
        return []
    lower = text.lower()
    out: list[str] = []
    end = 0
    for match in _FOLDABLE.finditer(lower):
        if match.start() < end:
            continue  # a second accent of the word already taken
        start = match.start()
        while start > 0 and _WORD.match(lower, start - 1):
            start -= 1
        word = _WORD.match(lower, start)
        if word is not None:
            out.append(word.group())
            end = word.end()
    return out
