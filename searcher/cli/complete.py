"""Shell completion beyond commands and options: field names, and facet values from the index.

Click completes commands and options itself (``_SEARCH_COMPLETE=bash_source search``); the
functions here are the ``shell_complete`` of the options and arguments that take field names
or values.  Reading values from the index never fails a completion: without an index there
are simply no values to offer.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # click's completion machinery is loaded only when completing
    from click.shell_completion import CompletionItem

COMPLETE_VAR = "_SEARCH_COMPLETE"
#: Facet values offered at most (the most frequent first).
MAX_VALUES = 200
#: Characters bash reads specially in a completed word: escaped with a backslash.
_SPECIAL = re.compile(r"[^\w\-.,:=/@+%]")


def _query_names() -> list[str]:
    from searcher.record import QUERY_FIELDS

    names = {spec.query_name for spec in QUERY_FIELDS.values()} | {"date", "year", "decade"}
    return sorted(names - {"date_start", "date_end"})


def _facet_values(ctx: click.Context, name: str, prefix: str) -> list[str]:
    """Values of facet ``name`` starting with ``prefix`` (any case), most frequent first."""
    try:
        from searcher.cli.common import DEFAULT_INDEX, open_archive
        from searcher.query.fields import facet_name

        facet = facet_name(name)
        index = ctx.params.get("index") or os.environ.get("SEARCHER_INDEX") or DEFAULT_INDEX
        with open_archive(index) as archive:
            counts = archive.facets(facet)
    except Exception:  # noqa: BLE001 - no index, no such facet: nothing to offer
        return []
    low = prefix.lower()
    return [c.value for c in counts if c.value.lower().startswith(low)][:MAX_VALUES]


def facet_names(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """``--facet`` and ``search facets FIELD``: the facets, by their query names."""
    from click.shell_completion import CompletionItem

    from searcher.query.fields import FACET_NAMES

    low = incomplete.lower()
    return [CompletionItem(name) for name in FACET_NAMES if name.startswith(low)]


def where_items(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """``--where``: ``field=`` first, then the field's values from the index."""
    from click.shell_completion import CompletionItem

    name, sep, value = incomplete.partition("=")
    if not sep:
        low = name.lower()
        return [CompletionItem(f"{n}=") for n in _query_names() if n.startswith(low)]
    return [CompletionItem(f"{name}={v}") for v in _facet_values(ctx, name, value)]


def query_words(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Words of a query: ``field:`` names, then one-word values of a facet field."""
    from click.shell_completion import CompletionItem

    if not incomplete or incomplete[0] in "\"'(-+":
        return []
    name, sep, value = incomplete.partition(":")
    if not sep:
        low = name.lower()
        return [CompletionItem(f"{n}:") for n in _query_names() if n.startswith(low)]
    values = _facet_values(ctx, name, value)
    return [CompletionItem(f"{name}:{v}") for v in values if v.split() == [v]]


def install() -> None:
    """Complete bash through ``JoinedBashComplete`` (called only when completing)."""
    from click.shell_completion import BashComplete, add_completion_class, split_arg_string

    class JoinedBashComplete(BashComplete):
        """Bash splits words at ``=`` and ``:`` (COMP_WORDBREAKS): ``sender=Mao`` arrives as
        three words.  They are joined again before completing, and each completion is cut to
        the part bash replaces (the last of the three)."""

        _breaks = ("=", ":")

        def get_completion_args(self) -> tuple[list[str], str]:
            words = split_arg_string(os.environ["COMP_WORDS"])
            cword = int(os.environ["COMP_CWORD"])
            words = words[1 : cword + 1]
            joined: list[str] = []
            glue = False
            for word in words:
                if joined and (glue or word in self._breaks):
                    joined[-1] += word
                else:
                    joined.append(word)
                glue = word in self._breaks
            current = words[-1] if words else ""
            if len(words) < cword:  # the cursor is after a space: a new, empty word
                joined.append("")
                current = ""
            incomplete = joined.pop() if joined else ""
            self._cut = len(incomplete) - len(current)
            return joined, incomplete

        def format_completion(self, item: CompletionItem) -> str:
            value = item.value[self._cut :] if item.type == "plain" else item.value
            return item.type + "," + _SPECIAL.sub(lambda m: "\\" + m[0], value)

    add_completion_class(JoinedBashComplete, "bash")
