"""The route a message went, from place to place, when people are named too: "Telegram
from Baku to Moscow, M.D. Bagirov and I.I. Maslennikov to Cdes. Stalin, ..." is Bagirov's and
Maslennikov's to Stalin; the places are no correspondents.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.words import is_place

#: A message's route from place to place, then who sent it to whom: "Telegram from Baku to
#: Moscow, M.D. Bagirov and I.I. Maslennikov to Cdes. Stalin, ...".
_ROUTE = re.compile(
    r"^(?P<type>[^,]+?)\s+from\s+(?P<origin>[^,]+?)\s+to\s+(?P<end>[^,]+?),\s+"
    r"(?P<rest>[^,]+?\sto\s.+)$",
    re.IGNORECASE,
)


#: The route after the addressee: "Bulletin for the Prime Minister Georgi Dimitrov,
#: communicated from Sofia to Moscow".
_SENT_ROUTE = re.compile(
    r",\s+(?:[a-z]+ed\s+)?from\s+(?P<origin>[^,]+?)\s+to\s+(?P<end>[^,]+?)$", re.IGNORECASE
)


def without_route(text: str) -> str:
    """A title without the places its message went between, when people are named too."""
    match = _ROUTE.match(text)
    if match and is_place(match["origin"]) and is_place(match["end"]):
        return f"{match['type']}, {match['rest']}"
    match = _SENT_ROUTE.search(text)
    if match and is_place(match["origin"]) and is_place(match["end"]):
        return text[: match.start()]
    return text
