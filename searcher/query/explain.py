"""A readable account of a query tree, for ``--explain`` and ``Results.explanation``."""

from __future__ import annotations

from searcher.query.ast import (
    And,
    DateRange,
    Fuzzy,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    Term,
    Value,
    Wildcard,
)
from searcher.query.fields import kind, query_name


def describe(node: Node, expanded: dict[str, tuple[str, ...]] | None = None) -> str:
    """Describe ``node``; ``expanded`` (written name -> forms added) labels name expansions.

    >>> describe(And((Term(None, "armistice"), Phrase(None, ("demarcation", "line"), 5))))
    "all of: word 'armistice'; phrase 'demarcation line' (within 5 words)"
    """
    names = {_key(written): (written, forms) for written, forms in (expanded or {}).items()}
    return _describe(node, names, top=True)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _in(field: str | None) -> str:
    return "" if field is None else f" in {query_name(field)}"


def _describe(node: Node, names: dict[str, tuple[str, tuple[str, ...]]], top: bool = False) -> str:
    if isinstance(node, MatchAll):
        return "every document"
    if isinstance(node, Term):
        return _term(node, names)
    if isinstance(node, Value):
        return f"{query_name(node.field)} is '{node.value}'"
    if isinstance(node, Phrase):
        return _phrase(node, names)
    if isinstance(node, Wildcard):
        return f"words matching '{node.pattern}'{_in(node.field)}"
    if isinstance(node, Fuzzy):
        edits = "edit" if node.distance == 1 else "edits"
        return f"words like '{node.text}' (up to {node.distance} {edits}){_in(node.field)}"
    if isinstance(node, DateRange):
        return _dates(node)
    if isinstance(node, Not):
        return f"not {_describe(node.item, names)}"
    if isinstance(node, Or):
        named = _expansion(node, names)
        if named is not None:
            return named
    if isinstance(node, And | Or):
        items = node.items
        if isinstance(node, And) and len(items) > 1 and isinstance(items[0], MatchAll):
            items = items[1:]
        label = "all of" if isinstance(node, And) else "any of"
        inner = "; ".join(_describe(item, names) for item in items)
        return f"{label}: {inner}" if top else f"{label} ({inner})"
    return repr(node)


def _term(node: Term, names: dict[str, tuple[str, tuple[str, ...]]]) -> str:
    if node.field is None:
        return f"word '{node.text}'"
    if kind(node.field) == "keyword":
        label = f"{query_name(node.field)} has '{node.text}'"
        return label + _written_as(node.text, node.field, names)
    return f"word '{node.text}'{_in(node.field)}"


def _phrase(node: Phrase, names: dict[str, tuple[str, tuple[str, ...]]]) -> str:
    text = " ".join(node.words)
    near = f" (within {node.slop} words)" if node.slop else ""
    label = f"phrase '{text}'{near}{_in(node.field)}"
    if node.field is not None and kind(node.field) == "keyword":
        label = f"{query_name(node.field)} has '{text}'{near}"
        return label + _written_as(text, node.field, names)
    return label


def _written_as(text: str, field: str, names: dict[str, tuple[str, tuple[str, ...]]]) -> str:
    for written, forms in names.values():
        if len(forms) == 1 and _key(forms[0]) == text:
            return f" (written '{written}')"
    return ""


def _expansion(node: Or, names: dict[str, tuple[str, tuple[str, ...]]]) -> str | None:
    first = node.items[0]
    if isinstance(first, Term):
        text = first.text
    elif isinstance(first, Phrase) and not first.slop:
        text = " ".join(first.words)
    else:
        return None
    found = names.get(text)
    if found is None or len(found[1]) != len(node.items) - 1:
        return None
    written, forms = found
    what = "word" if isinstance(first, Term) else "phrase"
    return f"{what} '{written}'{_in(first.field)} (also: {', '.join(forms)})"


def _dates(node: DateRange) -> str:
    if node.start and node.end:
        if node.start == node.end:
            return f"dated {node.start.isoformat()}"
        return f"dated between {node.start.isoformat()} and {node.end.isoformat()}"
    if node.start:
        return f"dated {node.start.isoformat()} or later"
    if node.end:
        return f"dated {node.end.isoformat()} or earlier"
    return "any date"


def describe_request(
    explanation: str,
    filters: Node | None,
    *,
    sort: str = "relevance",
    page: int = 1,
    limit: int = 10,
    facets: tuple[str, ...] = (),
) -> list[str]:
    """The whole request in lines: the query as read, the filters, the order and the page.

    ``filters`` is the node of ``--where``, ``--from`` and ``--to`` (None: no filters).
    """
    lines = [f"query read as: {explanation}"]
    if filters is not None and not isinstance(filters, MatchAll):
        inner = filters.items if isinstance(filters, And) else (filters,)
        lines.append("filtered to: " + "; ".join(_describe(item, {}) for item in inner))
    order = {"relevance": "by relevance", "date": "by date, oldest first"}.get(
        sort, "by date, newest first"
    )
    lines.append(f"sorted {order}; page {page}, {limit} per page")
    if facets:
        lines.append(f"counted by: {', '.join(facets)}")
    return lines
