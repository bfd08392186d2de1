"""A document someone handed to someone, told in a clause: "The Soviet Document which the Soviet
Ambassador Personally Presented to Vice Minister Zhang Hanfu", "Information about the Situation
in Korea as the USSR Ambassador in Prague c. S.V. Cervonenko relayed it to the Minister of
Foreign Affairs c. V. David".  Who handed it sends it; whom it was handed to receives it.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.roles import Correspondents
from searcher.ingest.correspondents.title_names import Collector

#: "which A (personally) presented to B", "as A relayed it to B".
_HANDED = re.compile(
    r"\b(?:which|that|as)\s+(?P<who>(?:the\s+)?(?-i:[A-Z]).+?)\s+(?:\w+ly\s+)?"
    r"(?:presented|handed|relayed|delivered|passed|conveyed|sent|gave)(?:\s+(?:it|them|over))?"
    r"\s+to\s+(?P<whom>(?:the\s+)?(?-i:[A-Z]).+?)[.\s]*$",
    re.IGNORECASE,
)
#: "c." before a name in translations from Czech and Slovak: comrade ("c. V. David").
_COMRADE = re.compile(r"\s+c\.\s+(?=[A-Z])")


def read_delivered(text: str, collect: Collector) -> Correspondents:
    """Who handed a document to whom, when a clause tells it; nobody otherwise."""
    if not (match := _HANDED.search(text)):
        return Correspondents()
    sender = collect.names(_COMRADE.sub(", ", match["who"]))
    recipient = collect.names(_COMRADE.sub(", ", match["whom"]))
    if not sender or not recipient:
        return Correspondents()
    return Correspondents(tuple(sender[-1:]), tuple(recipient[-1:]))
