"""Shell completion through click's own machinery, as bash, zsh and fish call it: the
completion variable, COMP_WORDS and COMP_CWORD, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEARCH = [sys.executable, "-c", "from searcher.cli import main; main()"]


def complete(shell: str, line: str, index: Path | str) -> list[str]:
    """What ``shell`` would be offered for ``line`` (the cursor at its end)."""
    words = line.split(" ")
    env = {
        **os.environ,
        "_SEARCH_COMPLETE": f"{shell}_complete",
        "SEARCHER_INDEX": str(index),
        # fish hands over the whole line and the word under the cursor
        "COMP_WORDS": line,
        "COMP_CWORD": words[-1] if shell == "fish" else str(len(words) - 1),
    }
    done = subprocess.run(
        [*SEARCH], env=env, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    out = done.stdout.strip("\n").splitlines()
    if shell == "zsh":  # type, value, description: three lines each
        return [value for kind, value in zip(out[::3], out[1::3], strict=True) if kind == "plain"]
    rows = [row.partition(",")[2] for row in out if row.startswith("plain,")]
    return [row.partition("\t")[0] for row in rows]  # fish: value, tab, description


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F _search_completion search"),
        ("zsh", "compdef _search_completion search"),
        ("fish", "complete --no-files --command search"),
    ],
)
def test_the_shell_scripts_the_readme_names(shell, marker):
    env = {**os.environ, "_SEARCH_COMPLETE": f"{shell}_source"}
    done = subprocess.run(SEARCH, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and marker in done.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_commands_and_where_fields_in_every_shell(shell, raw_html_index):
    assert complete(shell, "search reb", raw_html_index) == ["rebuild"]
    assert complete(shell, "search query --where sen", raw_html_index) == ["sender="]


def test_options_facets_and_query_fields(raw_html_index):
    assert "--limit" in complete("zsh", "search query --li", raw_html_index)
    assert complete("zsh", "search query --facet sub", raw_html_index) == ["subject"]
    assert complete("zsh", "search facets pl", raw_html_index) == ["place"]
    assert complete("zsh", "search query sen", raw_html_index) == ["sender:"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_where_values_come_from_the_index(shell, raw_html_index):
    offered = complete(shell, "search query --where sender=Ma", raw_html_index)
    assert offered == ["sender=Mao Zedong"]
    korea = complete(shell, "search timeline --where place=kor", raw_html_index)
    assert korea == ["place=Korea (North)", "place=Korea (South)"]


def test_bash_splits_at_the_equals_sign_and_gets_the_rest_escaped(raw_html_index):
    # bash makes "sender=Ma" three words and replaces only the last one
    assert complete("bash", "search query --where sender = Ma", raw_html_index) == ["Mao\\ Zedong"]
    offered = complete("bash", "search query --where place =", raw_html_index)
    assert "=Korea\\ \\(North\\)" in offered and all(v.startswith("=") for v in offered)
    assert complete("bash", "search query sender : Sta", raw_html_index) == ["Stalin"]


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_without_an_index_values_are_quietly_not_offered(shell, tmp_path):
    line = "search query --where sender = Ma" if shell == "bash" else "search -w sender=Ma"
    assert complete(shell, line, tmp_path / "no-index") == []
