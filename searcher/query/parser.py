"""The query language: a small tokenizer and a recursive-descent parser to searcher.query.ast.

Grammar (NOT binds tighter than AND, AND tighter than OR; words side by side are ANDed)::

    query   := or?
    or      := and ("OR" and)*
    and     := unary ("AND"? unary)*
    unary   := "NOT" unary | "-" atom | "+" atom | atom
    atom    := "(" or ")" | FIELD ":" (WORD | PHRASE | "(" or ")") | PHRASE | WORD

Positions in error messages count characters from 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from searcher.errors import QueryError
from searcher.query import fields
from searcher.query.ast import And, Fuzzy, MatchAll, Node, Not, Or, Term, Wildcard
from searcher.query.daterange import date_node
from searcher.query.expand import Expander
from searcher.query.words import clean, split, term_or_phrase, trim

if TYPE_CHECKING:
    from searcher.names import NameAuthority

MAX_TERMS = 1000
MAX_DEPTH = 50
MAX_LENGTH = 20_000
MAX_FUZZY = 2

_OPERATORS = frozenset({"AND", "OR", "NOT"})
_FIELD = re.compile(r"([A-Za-z_]+):(.*)", re.S)
_FUZZY = re.compile(r"~(\d*)$")
_STOP = frozenset('()"')


@dataclass(frozen=True)
class _Token:
    kind: str  # "(" ")" AND OR NOT - + WORD PHRASE FIELD
    text: str
    pos: int  # 0-based offset in the query text
    slop: int = 0


def _at(pos: int) -> str:
    return f" at character {pos + 1}"


def tokenize(text: str) -> list[_Token]:
    """Split query text into tokens; raises QueryError for an unclosed quote or bad field."""
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            tokens.append(_Token(c, c, i))
            i += 1
        elif c == '"':
            i = _phrase(text, i, tokens)
        elif c in "-+":
            j = i
            while j < n and text[j] in "-+":
                j += 1
            if j < n and not text[j].isspace() and text[j] != ")":
                tokens.append(_Token(c, c, i))
            i = j
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in _STOP:
                j += 1
            _word(text, i, j, tokens)
            i = j
    return tokens


def _phrase(text: str, i: int, tokens: list[_Token]) -> int:
    end = text.find('"', i + 1)
    if end < 0:
        raise QueryError(f'unbalanced quote: the " at character {i + 1} is never closed')
    j = end + 1
    slop = 0
    if j < len(text) and text[j] == "~":
        k = j + 1
        while k < len(text) and text[k].isdigit():
            k += 1
        if k == j + 1:
            raise QueryError(f"expected a number of words after '~'{_at(j)}")
        slop = min(int(text[j + 1 : k]), MAX_TERMS)
        j = k
    tokens.append(_Token("PHRASE", text[i + 1 : end], i, slop))
    return j


def _word(text: str, i: int, j: int, tokens: list[_Token]) -> None:
    word = text[i:j]
    if word in _OPERATORS:
        tokens.append(_Token(word, word, i))
        return
    m = _FIELD.match(word)
    if m is None or m[2].startswith("//"):
        tokens.append(_Token("WORD", word, i))
        return
    name, rest = m[1], m[2]
    if not fields.is_known(name):
        if not rest:  # "Note:" followed by a space is text with a colon after it
            tokens.append(_Token("WORD", word, i))
            return
        fields.resolve(name, _at(i))  # raises: unknown field
    if not rest and (j >= len(text) or text[j] not in '"('):
        raise QueryError(f"empty value for field '{name}'{_at(i)}")
    tokens.append(_Token("FIELD", fields.resolve(name), i))
    if rest:
        tokens.append(_Token("WORD", rest, i + len(name) + 1))


class _Parser:
    def __init__(self, tokens: list[_Token], expander: Expander | None) -> None:
        self.tokens = tokens
        self.pos = 0
        self.terms = 0
        self.expander = expander
        #: why the first part of the query that searches nothing was dropped
        self.dropped: str | None = None

    def _drop(self, reason: str) -> None:
        if self.dropped is None:
            self.dropped = reason

    # -- token stream -------------------------------------------------------------------
    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def next(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def _ends_here(self) -> bool:
        token = self.peek()
        return token is None or token.kind == ")"

    def _count(self, pos: int) -> None:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise QueryError(f"query has more than {MAX_TERMS} terms{_at(pos)}")

    # -- grammar ------------------------------------------------------------------------
    def parse(self) -> Node | None:
        """The tree, or None when nothing in the query searches anything."""
        node = self.or_(None, 0)
        token = self.peek()
        if token is not None:  # only a ")" stops or_() early
            raise QueryError(f"unbalanced parenthesis: ')'{_at(token.pos)} has no '('")
        return node

    def or_(self, field: str | None, depth: int) -> Node | None:
        items: list[Node] = []
        while True:
            node = self.and_(field, depth)
            if node is not None:
                items.append(node)
            token = self.peek()
            if token is None or token.kind != "OR":
                break
            self.next()
            if not items:
                raise QueryError(f"'OR'{_at(token.pos)} has nothing before it")
            if self._ends_here():  # a trailing OR is forgiven
                break
            self._no_operator_after(token)
        return _join(Or, items)

    def _no_operator_after(self, token: _Token) -> None:
        following = self.peek()
        if following is not None and following.kind in ("AND", "OR"):
            raise QueryError(f"'{following.kind}'{_at(following.pos)} follows '{token.kind}'")

    def and_(self, field: str | None, depth: int) -> Node | None:
        items: list[Node] = []
        run: list[tuple[Term, str]] = []  # adjacent plain words of one field, for expansion

        def flush() -> None:
            if run:
                if self.expander is None:
                    items.extend(term for term, _ in run)
                else:
                    items.extend(self.expander.words(run[0][0].field, run))
                run.clear()

        while True:
            token = self.peek()
            if token is None or token.kind in (")", "OR"):
                break
            if token.kind == "AND":
                self.next()
                if not items and not run:
                    raise QueryError(f"'AND'{_at(token.pos)} has nothing before it")
                self._no_operator_after(token)
                flush()
                continue
            node, written = self.unary(field, depth)
            if isinstance(node, Term) and written is not None:
                if run and run[0][0].field != node.field:
                    flush()
                run.append((node, written))
                continue
            flush()
            if node is not None:
                items.append(node)
        flush()
        return _join(And, items)

    def unary(self, field: str | None, depth: int) -> tuple[Node | None, str | None]:
        """A node, and the written word when the node is a plain word (for expansion)."""
        token = self.peek()
        assert token is not None
        if token.kind == "NOT":
            self.next()
            if self._ends_here():  # a trailing NOT is forgiven
                self._drop(f"'NOT'{_at(token.pos)} has nothing after it")
                return None, None
            self._no_operator_after(token)
            if depth >= MAX_DEPTH:
                raise QueryError(f"query nested deeper than {MAX_DEPTH} levels{_at(token.pos)}")
            node, _ = self.unary(field, depth + 1)
            return _negate(node), None
        if token.kind in ("-", "+"):
            self.next()
            following = self.peek()
            if following is None or following.kind in (")", "AND", "OR", "NOT"):
                self._drop(f"'{token.kind}'{_at(token.pos)} has nothing after it")
                return None, None  # stray punctuation
            node, written = self.atom(field, depth)
            if self.expander and isinstance(node, Term) and written is not None:
                node = self.expander.words(node.field, [(node, written)])[0]
            return (_negate(node) if token.kind == "-" else node), None
        return self.atom(field, depth)

    def atom(self, field: str | None, depth: int) -> tuple[Node | None, str | None]:
        token = self.next()
        if token.kind == "(":
            return self.group(field, depth, token), None
        if token.kind == ")":
            raise QueryError(f"unbalanced parenthesis: ')'{_at(token.pos)} has no '('")
        if token.kind in ("AND", "OR"):
            raise QueryError(f"'{token.kind}'{_at(token.pos)} has nothing before it")
        if token.kind == "PHRASE":
            self._count(token.pos)
            return self.phrase(field, token), None
        if token.kind == "WORD":
            self._count(token.pos)
            return self.word(field, token)
        if token.kind == "FIELD":
            return self.fielded(token, depth)
        raise QueryError(f"unexpected '{token.text}'{_at(token.pos)}")

    def group(self, field: str | None, depth: int, opening: _Token) -> Node | None:
        if depth >= MAX_DEPTH:
            raise QueryError(f"query nested deeper than {MAX_DEPTH} levels{_at(opening.pos)}")
        node = self.or_(field, depth + 1)
        closing = self.peek()
        if closing is None:
            raise QueryError(f"unbalanced parenthesis: '('{_at(opening.pos)} is never closed")
        self.next()
        if node is None:
            self._drop(f"the parentheses{_at(opening.pos)} hold no words")
        return node

    def fielded(self, token: _Token, depth: int) -> tuple[Node | None, str | None]:
        value = self.peek()
        where = _at(token.pos)
        if value is None or value.kind not in ("WORD", "PHRASE", "("):
            raise QueryError(f"empty value for field '{token.text}'{where}")
        node, written = self.atom(token.text, depth)
        if node is None:
            raise QueryError(f"empty value for field '{token.text}'{where}")
        return node, written

    # -- leaves -------------------------------------------------------------------------
    def phrase(self, field: str | None, token: _Token) -> Node | None:
        if fields.kind(field) == "date":
            return date_node(field, token.text, f" (at character {token.pos + 1})")  # type: ignore[arg-type]
        words = _words(field, token.text)
        if not words:
            self._drop(f"the phrase{_at(token.pos)} holds no words")
        if len(words) == 1 and self.expander:
            return self.expander.words(field, [(Term(field, words[0]), trim(token.text))])[0]
        if self.expander and token.slop == 0 and len(words) > 1:
            expanded = self.expander.name(field, token.text)
            if expanded is not None:
                return expanded
        return term_or_phrase(field, words, token.slop)

    def word(self, field: str | None, token: _Token) -> tuple[Node | None, str | None]:
        raw = token.text
        if fields.kind(field) == "date":
            return date_node(field, raw, f" (at character {token.pos + 1})"), None  # type: ignore[arg-type]
        fuzzy = _FUZZY.search(raw)
        if fuzzy:
            raw = raw[: fuzzy.start()]
        text = raw.strip() if fields.kind(field) == "id" else clean(raw, keep_wildcards=True)
        if not text:
            self._drop(f"'{token.text}'{_at(token.pos)} has no word to search for")
            return None, None
        wild = "*" in text or "?" in text
        if fuzzy:
            if wild:
                raise QueryError(f"a word cannot be both wildcard and fuzzy{_at(token.pos)}")
            distance = int(fuzzy[1] or 1)
            if distance > MAX_FUZZY:
                raise QueryError(
                    f"'{token.text}'{_at(token.pos)} asks for {distance} edits; near spellings "
                    f"go up to {MAX_FUZZY} (write ~1 or ~2)"
                )
            return (Fuzzy(field, text, distance) if distance else Term(field, text)), None
        if wild:
            if field is None and not text.strip("*?"):
                return MatchAll(), None
            return Wildcard(field, text), None
        return Term(field, text), trim(raw)


def _words(field: str | None, text: str) -> tuple[str, ...]:
    if fields.kind(field) == "id":
        return (text.strip(),) if text.strip() else ()
    return split(text)


def _negate(node: Node | None) -> Node | None:
    if node is None:
        return None
    if isinstance(node, Not):
        return node.item
    if isinstance(node, And) and len(node.items) == 2 and isinstance(node.items[0], MatchAll):
        inner = node.items[1]
        if isinstance(inner, Not):  # "NOT (NOT x)" is x
            return inner.item
    if isinstance(node, MatchAll):
        raise QueryError("the query excludes everything")
    return Not(node)


def _join(kind: type[And] | type[Or], items: list[Node]) -> Node | None:
    """And/Or of ``items``: nested Ands flattened (Ors are kept, to keep name expansions
    recognisable), MatchAll dropped beside other items, a lone Not anchored on MatchAll."""
    flat: list[Node] = []
    for item in items:
        if kind is And and isinstance(item, And):
            flat.extend(item.items)
        else:
            flat.append(item)
    if kind is And and flat:
        flat = [item for item in flat if not isinstance(item, MatchAll)] or [MatchAll()]
        if all(isinstance(item, Not) for item in flat):
            flat.insert(0, MatchAll())
    if kind is Or and any(isinstance(item, MatchAll) for item in flat):
        return MatchAll()
    if not flat:
        return None
    if len(flat) == 1:
        return flat[0]
    return kind(tuple(flat))


def parse_node(text: str, expander: Expander | None) -> Node:
    """The tree for ``text``; ``expander`` applies the name authority (None: exact)."""
    if len(text) > MAX_LENGTH:
        raise QueryError(f"query longer than {MAX_LENGTH} characters")
    parser = _Parser(tokenize(text), expander)
    node = parser.parse()
    if node is not None:
        return node
    if text.strip():  # only operators and punctuation: refused rather than read as "all"
        reason = parser.dropped or "it holds only operators and punctuation"
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        raise QueryError(f"nothing to search for in '{shown}': {reason}")
    return MatchAll()


def make_expander(exact: bool, authority: NameAuthority | None) -> Expander | None:
    """The expander for one query, or None when names are searched as written."""
    if exact:
        return None
    if authority is None:
        from searcher.names import default_authority

        authority = default_authority()
    return Expander(authority)


@dataclass(frozen=True)
class ParsedQuery:
    """A query as typed, the tree it was read as, and the name expansions applied."""

    text: str
    node: Node
    #: written name -> the forms of it searched as well
    expanded: dict[str, tuple[str, ...]]

    def explain(self) -> str:
        """A readable account of how the query was read."""
        from searcher.query.explain import describe

        return describe(self.node, self.expanded)


def parse(text: str, *, exact: bool = False, authority: NameAuthority | None = None) -> ParsedQuery:
    """Read query text; names are expanded through ``authority`` unless ``exact``.

    ``authority`` defaults to ``searcher.names.default_authority()``.  Raises QueryError
    with a one-line message naming the character position of the trouble.

    >>> parse("armistice -truce", exact=True).node
    And(items=(Term(field=None, text='armistice'), Not(item=Term(field=None, text='truce'))))
    """
    expander = make_expander(exact, authority)
    node = parse_node(text, expander)
    return ParsedQuery(text, node, dict(expander.expanded) if expander else {})
