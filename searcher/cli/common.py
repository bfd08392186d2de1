"""Options, output helpers and archive opening shared by every command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from searcher.api import Archive

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_INDEX = "index"
DEFAULT_SOURCE = "raw_html"


def index_option(f: F) -> F:
    """``--index``: where the index lives (a folder), or $SEARCHER_INDEX."""
    return click.option(
        "--index",
        "index",
        envvar="SEARCHER_INDEX",
        default=DEFAULT_INDEX,
        show_default=True,
        metavar="LOCATION",
        help="Index folder (or $SEARCHER_INDEX).",
    )(f)


def format_option(*choices: str, default: str = "text") -> Callable[[F], F]:
    """``--format``: one of ``choices``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices, case_sensitive=False),
        default=default,
        show_default=True,
        help="Output format.",
    )


def open_archive(index: str) -> Archive:
    """Open the index for reading (raises IndexMissingError / IndexDamagedError)."""
    from searcher.api import Archive

    return Archive.open(index)


def use_color(stream: IO[str] | None = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def emit(text: str = "", *, err: bool = False) -> None:
    """Print one line (or block) to stdout, or stderr with ``err``."""
    click.echo(text, err=err)


def warn(message: str) -> None:
    """A one-line message on stderr, prefixed like every other of the command's.

    Control characters are removed: messages may quote file names and page text.
    """
    from searcher.cli.output import plain

    click.echo(f"search: {plain(message)}", err=True)
