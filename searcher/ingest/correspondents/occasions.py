"""A speaker named with the occasion he spoke at: "Leonid I. Brezhnev CPSU CC Plenum" is
Brezhnev, "Mao Zedong at the Fifteenth Meeting of the Supreme State Council" is Mao Zedong.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.authors import GATHERING
from searcher.names import NameAuthority

#: Where or when someone spoke, after the name: "... at the Fifteenth Meeting of ...".
_AT = re.compile(r"\s+(?:at|during)\s+(?:the\s+|an?\s+)?(?-i:[A-Z0-9]).*$", re.IGNORECASE)


def speaker(text: str, authority: NameAuthority) -> str:
    """The known person a text opens with, before the gathering or the place he spoke at;
    the text itself when it names none."""
    plain = _AT.sub("", text)
    if plain != text and authority.canonical(plain):
        return plain
    if not GATHERING.search(text):
        return text
    words = text.split()
    for end in range(len(words) - 1, 1, -1):
        if authority.canonical(head := " ".join(words[:end])):
            return head  # "Leonid I. Brezhnev [CPSU CC Plenum]"
    return text
