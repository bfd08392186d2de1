"""Name-authority expansion: ``Stalin`` also finds "Filippov", ``"Mao Tse-tung"`` "Mao Zedong".

In the default text fields a written name becomes an ``Or`` of what was written and the
other forms of that person; a form that contains another one searched (such as
"I.V. Stalin" for ``Stalin``) adds nothing and is left out.  In the keyword person fields,
whose values are canonical names, the written name is replaced by the canonical one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from searcher.fold import fold, has_accents
from searcher.query.ast import And, Node, Not, Or, Phrase, Term
from searcher.query.fields import PERSON_FIELDS
from searcher.query.words import split, term_or_phrase

if TYPE_CHECKING:
    from searcher.names import NameAuthority

#: The longest run of adjacent words looked up as one name ("Kim Il Sung", "Chiang Kai-shek").
MAX_NAME_WORDS = 4


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


class Expander:
    """Applies one authority to the words of one query and records what it added."""

    def __init__(self, authority: NameAuthority) -> None:
        self.authority = authority
        #: written name -> the forms searched as well
        self.expanded: dict[str, tuple[str, ...]] = {}

    def words(self, field: str | None, terms: Sequence[tuple[Term, str]]) -> list[Node]:
        """Expand a run of adjacent words (each a Term and its text as written).

        The longest run of words that names a person wins, left to right.
        """
        if field is not None and field not in PERSON_FIELDS:
            return [term for term, _ in terms]
        out: list[Node] = []
        i = 0
        while i < len(terms):
            for width in range(min(MAX_NAME_WORDS, len(terms) - i), 0, -1):
                chunk = terms[i : i + width]
                written = " ".join(text for _, text in chunk)
                node = self.name(field, written)
                if node is not None:
                    out.append(node)
                    i += width
                    break
            else:
                out.append(terms[i][0])
                i += 1
        return out

    def name(self, field: str | None, written: str) -> Node | None:
        """The node for ``written`` if it names a known person and expanding adds something."""
        if field is not None and field not in PERSON_FIELDS:
            return None
        found = self.authority.expansions(written)
        if found is None:
            return None
        canonical, variants = found
        own = split(written)
        if not own:
            return None
        if field is not None:
            target = split(canonical)
            if target == own:
                return None
            self.expanded[written] = (canonical,)
            return term_or_phrase(field, target)
        forms = [(form, split(form)) for form in (canonical, *variants)]
        if len(own) > 1:
            # a full name is never widened to one word of a name ("Mao" for "Mao
            # Tse-tung" finds every Mao); a one-word pseudonym ("Filippov") still counts
            parts = {w for _, words in [("", own), *forms] if len(words) > 1 for w in words}
            forms = [(f, words) for f, words in forms if len(words) > 1 or words[0] not in parts]
        kept: list[tuple[str, ...]] = [own]
        for _, words in sorted(forms, key=lambda f: len(f[1])):
            if words and not any(_contains(words, k) for k in kept):
                kept.append(words)
        wanted = set(kept[1:])
        added: list[str] = []
        for form, words in forms:
            if words in wanted:
                wanted.discard(words)
                added.append(form)
        if not added:
            return None
        self.expanded[written] = tuple(added)
        items = [term_or_phrase(None, own), *(term_or_phrase(None, split(f)) for f in added)]
        return Or(tuple(n for n in items if n is not None))


def folded(node: Node) -> Node:
    """``node`` with the accents of its words and phrases folded ("schäuble" ->
    "schauble"): they then match the word with and without accents.  Queries that are not
    exact are searched so; an exact one keeps its accents, which only the written form
    matches."""
    if isinstance(node, Term) and has_accents(node.text) and node.field != "id":
        return Term(node.field, fold(node.text))
    if isinstance(node, Phrase) and node.field != "id" and any(map(has_accents, node.words)):
        return Phrase(node.field, tuple(fold(w) for w in node.words), node.slop)
    if isinstance(node, And | Or):
        return type(node)(tuple(folded(item) for item in node.items))
    if isinstance(node, Not):
        return Not(folded(node.item))
    return node
