"""People named as a group by what they do, written in lower case: "his ministers", "various
advisers", "political officials", "members of the Iraqi government".  Such a group takes part
in a meeting as a body does, though no name runs in capitals.
"""

from __future__ import annotations

import re

#: Up to three words before the group's plural noun, then perhaps what they belong to, and the
#: end or a subject: "members of the Iraqi government regarding the embargo".
_GROUP = re.compile(
    r"^(?P<group>(?:[\w'’-]+\s+){0,3}?(?i:ministers|advisers|advisors|officials|leaders|"
    r"commanders|officers|aides|generals|members|experts|deputies)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s+(?:government|"
    r"leadership|party|army|cabinet|command))?)?)"
    r"(?=$|\s+(?:regarding|concerning|about|on|in|at|to|for|discussing)\b)"
)


def lower_case_group(text: str) -> str:
    """The group a lower-case text opens with ("his ministers"), or "" when it names none."""
    if not text[:1].islower() or text.startswith(("a ", "an ", "the ")):
        return ""  # "the ministers": no one's own, nor described
    return match["group"] if (match := _GROUP.match(text.strip())) else ""
