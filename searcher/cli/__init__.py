"""The ``search`` command line: a thin layer over :mod:`searcher.api` and :mod:`searcher.ingest`.

Exit statuses are listed in :mod:`searcher.errors` and the README.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Sequence

import click

from searcher.cli.index import INDEX_COMMANDS
from searcher.cli.ingest import INGEST_COMMANDS
from searcher.cli.query import QUERY_COMMANDS

#: Modules that add commands of their own (each exports COMMANDS).
_PLUGIN_MODULES = (
    "searcher.cli.research",
    "searcher.cli.engine",
    "searcher.cli.evaluate",
    "searcher.cli.serve",
)

EPILOG = """\b
Examples:
  search rebuild                          index the pages in raw_html/ into index/
  search '"armistice negotiations"~5'     shorthand for: search query ...
  search --limit 3 Stalin                 options before or after the query
  search query 'sender:Stalin date:1950..1951' --facet recipient
  search show 900001
  search facets subject
Run `search query --help` for the query language."""


class SearchGroup(click.Group):
    """A group where an unknown first word is a query: ``search Stalin`` runs ``search query``.

    Options of ``search query`` may come first (``search --limit 3 Stalin``), and a first
    word a letter or two away from a command is taken for a mistyped command, not a query.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and _is_query_option(self, ctx, args[0]):
            args = ["query", *args]
        return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            near = None if ctx.resilient_parsing else near_command(args[0], self.commands)
            if near is not None and _finds_documents(args):
                click.echo(
                    f"search: searching for the word '{args[0]}' (the command is `search {near}`)",
                    err=True,
                )
            elif near is not None:
                raise click.UsageError(
                    f"no command '{args[0]}'; did you mean `search {near}`? "
                    f"To search for the word, use `search query {args[0]}`",
                    ctx,
                )
            return "query", self.commands["query"], args
        return super().resolve_command(ctx, args)


def _is_query_option(group: click.Group, ctx: click.Context, arg: str) -> bool:
    """Whether ``arg`` is an option of ``search query`` rather than of the group itself."""
    if not arg.startswith("-") or arg == "-" or arg == "--":
        return False
    name = arg.split("=", 1)[0]
    own = {opt for param in group.get_params(ctx) for opt in (*param.opts, *param.secondary_opts)}
    return name not in own


def _finds_documents(args: list[str]) -> bool:
    """Whether the first word, searched as a query, finds documents in the index.

    A word of the archive that happens to be a slip away from a command ("state" and
    ``stats``) is searched for; a word that finds nothing is taken for a mistyped command.
    """
    from searcher.cli.common import DEFAULT_INDEX, open_archive

    index = os.environ.get("SEARCHER_INDEX") or DEFAULT_INDEX
    for i, arg in enumerate(args[:-1]):
        if arg == "--index":
            index = args[i + 1]
    for arg in args:
        if arg.startswith("--index="):
            index = arg.split("=", 1)[1]
    try:
        with open_archive(index) as archive:
            return archive.search(args[0], limit=1, exact=True, snippets=False).total > 0
    except Exception:  # noqa: BLE001 - no index or no such word: a mistyped command
        return False


def near_command(word: str, commands: Iterable[str]) -> str | None:
    """The command ``word`` is a slip of the keyboard for, if any.

    Only a lower-case word of letters counts: one edit (or two, for a command of seven
    letters or more) away; a swap of neighbouring letters is one edit.
    """
    if not (word.isalpha() and word.islower() and len(word) >= 3):
        return None
    best: tuple[int, str] | None = None
    for name in commands:
        limit = 2 if len(name) >= 7 else 1
        distance = _edits(word, name, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, name)
    return best[1] if best else None


def _edits(a: str, b: str, limit: int) -> int:
    """Edit distance of ``a`` and ``b`` (a transposition counts one); above ``limit`` stops."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


@click.group(
    cls=SearchGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(package_name="searcher", prog_name="search")
def cli() -> None:
    """Full-text, faceted search over scraped archives of declassified documents."""


for _command in (*INGEST_COMMANDS, *INDEX_COMMANDS, *QUERY_COMMANDS):
    cli.add_command(_command)
for _module in _PLUGIN_MODULES:
    try:
        _mod = importlib.import_module(_module)
    except ModuleNotFoundError as _exc:
        if _exc.name != _module:
            raise
        continue
    for _command in _mod.COMMANDS:
        cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; every failure becomes one line on stderr and an exit status."""
    from searcher.errors import SearcherError

    if "_SEARCH_COMPLETE" in os.environ:
        from searcher.cli.complete import install

        install()
    try:
        status = cli.main(
            args=list(argv) if argv is not None else None, prog_name="search", standalone_mode=False
        )
    except click.exceptions.Exit as exc:
        status = exc.exit_code
    except click.exceptions.Abort:
        click.echo("search: interrupted", err=True)
        status = 130
    except KeyboardInterrupt:
        click.echo("search: interrupted", err=True)
        status = 130
    except click.exceptions.NoArgsIsHelpError as exc:
        # `search` alone asks what there is: the help, on stdout, is the answer.
        click.echo(exc.ctx.get_help() if exc.ctx else cli.get_help(click.Context(cli)))
        status = 0
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "search"
        message = exc.format_message().rstrip(".")
        click.echo(f"search: {message} (see `{where} --help`)", err=True)
        status = exc.exit_code
    except click.ClickException as exc:
        click.echo(f"search: {exc.format_message()}", err=True)
        status = exc.exit_code
    except SearcherError as exc:
        click.echo(f"search: {exc}", err=True)
        status = exc.exit_code
    except BrokenPipeError:
        # The reader went away (`search ... | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 0
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        click.echo(f"search: {exc.strerror or exc}{where}", err=True)
        status = 5
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks
        if os.environ.get("SEARCHER_DEBUG"):
            raise
        click.echo(
            f"search: internal error: {type(exc).__name__}: {exc} "
            "(set SEARCHER_DEBUG=1 to see where)",
            err=True,
        )
        status = 70
    sys.exit(status if isinstance(status, int) else 0)
