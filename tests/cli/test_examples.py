"""Every example command of the README and of every ``--help`` text runs on the shipped
sample pages and finds something (run in-process, as ``main()`` with the example's words).

Examples are the lines of the README's code blocks that start with ``search `` or
``.venv/bin/search ``, and the lines of a help text that start with ``search `` (a trailing
``\\`` continues a line).  What follows two spaces outside quotes is a comment.  Each runs in
a folder laid out like the project (``raw_html/``, ``tests/``), with ``$SEARCHER_INDEX`` an
index of the samples and ``$HOME`` a folder where ``~/scrapes/wilson`` holds the samples too.

An example is not run when:
- the README block is preceded by ``<!-- examples: not run -->`` (say why after it);
- it names a ``postgresql://`` server, or starts with one of ``NOT_RUN`` (a server that
  runs until stopped).
An example meant to fail says so in its comment with ``(exit N)``: it must end with status N
and one line on stderr.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
#: Commands that never end by themselves (servers): not run.
NOT_RUN = ("search serve",)

_PROGRAM = re.compile(r"^(?:\.venv/bin/)?search(?= |$)")
_FENCE = re.compile(r"^\s*```")
_NOT_RUN_MARK = re.compile(r"<!--\s*examples:\s*not run\b")
_EXIT_MARK = re.compile(r"\(exit (\d+)\)")


@dataclass(frozen=True)
class Example:
    where: str
    line: str  # the command as written, comment removed
    comment: str

    @property
    def status(self) -> int:
        """The exit status the example is meant to end with."""
        found = _EXIT_MARK.search(self.comment)
        return int(found[1]) if found else 0

    def skip_reason(self) -> str | None:
        if "postgresql://" in self.line:
            return "needs a PostgreSQL server"
        if self.line.startswith(NOT_RUN):
            return "runs until stopped"
        return None


def split_comment(line: str) -> tuple[str, str]:
    """``line`` cut at the first two spaces (or a ``#``) outside quotes: command, comment."""
    quote = ""
    for i, c in enumerate(line):
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif line.startswith("  ", i) or (c == "#" and (i == 0 or line[i - 1] == " ")):
            return line[:i].rstrip(), line[i:].strip()
    return line.rstrip(), ""


def examples_in(text: str, where: str, *, fenced: bool) -> list[Example]:
    """Example commands of a README (``fenced``: in its code blocks) or of a help text (in
    its paragraphs headed ``Examples:``)."""
    found: list[Example] = []
    inside = skipping = False
    pending = ""
    start = 0
    previous = ""
    for number, raw in enumerate(text.splitlines(), 1):
        if fenced and _FENCE.match(raw):
            inside = not inside
            skipping = inside and bool(_NOT_RUN_MARK.search(previous))
            previous = raw if raw.strip() else previous
            continue
        if raw.strip():
            previous = raw
        if not fenced:
            if raw.strip().endswith("Examples:"):
                inside = True
                continue
            if not raw.strip():
                inside = bool(pending)
        if not inside or skipping:
            continue
        line = raw.strip()
        if pending:
            line, pending = pending + " " + line, ""
        elif not _PROGRAM.match(line):
            continue
        else:
            start = number
        if line.endswith("\\"):
            pending = line[:-1].strip()
            continue
        command, comment = split_comment(line)
        found.append(Example(f"{where}:{start}", _PROGRAM.sub("search", command), comment))
    return found


def _help_texts() -> list[tuple[str, str]]:
    from searcher.cli import cli

    texts: list[tuple[str, str]] = []

    def walk(command: click.Command, path: list[str], parent: click.Context | None) -> None:
        ctx = click.Context(command, info_name=path[-1], parent=parent)
        texts.append((" ".join(path), command.get_help(ctx)))
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None:
                    walk(sub, [*path, name], ctx)

    walk(cli, ["search"], None)
    return texts


def all_examples() -> list[Example]:
    found = examples_in(README.read_text(encoding="utf-8"), "README.md", fenced=True)
    for name, text in _help_texts():
        found += examples_in(text, f"{name} --help", fenced=False)
    return found


EXAMPLES = all_examples()
RUN = [e for e in EXAMPLES if e.skip_reason() is None]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A folder laid out like the project, and the environment the examples run in."""
    from searcher.build import rebuild

    base = tmp_path_factory.mktemp("examples")
    work = base / "project"
    work.mkdir()
    for name in ("raw_html", "tests"):
        (work / name).symlink_to(ROOT / name)
    home = base / "home"
    (home / "scrapes").mkdir(parents=True)
    (home / "scrapes" / "wilson").symlink_to(ROOT / "raw_html")
    index = base / "index"
    rebuild(ROOT / "raw_html", index, full=True, workers=1)
    return work, {"HOME": str(home), "SEARCHER_INDEX": str(index), "NO_COLOR": "1"}


@pytest.fixture()
def inside(project, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, str]]:
    """The examples' folder as the working folder, and their environment set."""
    work, env = project
    for name in [k for k in os.environ if k.startswith("SEARCHER_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(work)
    return project


def test_examples_are_found():
    wheres = {e.where.split(":")[0] for e in EXAMPLES}
    assert "README.md" in wheres and "search --help" in wheres and "search query --help" in wheres
    assert len(EXAMPLES) >= 30


def test_the_extractor_reads_comments_continuations_and_marks():
    text = (
        "```\nsearch a 'x  y'   # two spaces inside quotes stay\n```\n"
        "<!-- examples: not run (needs a server) -->\n```\nsearch serve --port 1\n```\n"
        "```\n.venv/bin/search b \\\n    --c d   # fails on purpose (exit 2)\nsearch\n```\n"
        "search outside a block\n"
    )
    found = examples_in(text, "t", fenced=True)
    assert [(e.line, e.status) for e in found] == [
        ("search a 'x  y'", 0),
        ("search b --c d", 2),
        ("search", 0),
    ]
    assert found[1].where == "t:9"


def test_examples_not_run_are_few_and_each_has_a_reason():
    not_run = [(e.where, e.line, e.skip_reason()) for e in EXAMPLES if e not in RUN]
    assert all(reason for _, _, reason in not_run)
    assert len(not_run) < len(RUN) / 4, not_run


@pytest.mark.parametrize("example", RUN, ids=lambda e: f"{e.where} {e.line}")
def test_example_runs_and_finds_something(example: Example, inside, capsys) -> None:
    work, env = inside
    for part in example.line.split(" && "):
        run_one(part, example, work, env, capsys)


def _local(word: str, home: str) -> str:
    """An example's word with its ``~/`` and ``/tmp/`` paths under the test's own folders."""
    if word.startswith("~/"):
        return home + word[1:]
    if word.startswith("/tmp/"):
        return str(Path(home).parent / "tmp" / word[len("/tmp/") :])
    return word


def run_one(
    command: str,
    example: Example,
    work: Path,
    env: dict[str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Run one command of an example in ``work``, with its ``> file`` and ``| pager``."""
    from searcher.cli import main

    words = [_local(w, env["HOME"]) for w in shlex.split(command)]
    if "|" in words:  # the pager or filter after a pipe is not the example's business
        words = words[: words.index("|")]
    target = None
    if ">" in words:
        at = words.index(">")
        target, words = work / words[at + 1], words[:at] + words[at + 2 :]
    with pytest.raises(SystemExit) as done:
        main(words[1:])
    output, err = capsys.readouterr()
    said = f"{example.where}: `{command}` -> {done.value.code}\n{err[-2000:]}"
    assert done.value.code == example.status, said
    if example.status:
        assert len(err.strip().splitlines()) == 1, said
        return
    if target is not None:
        target.write_text(output)
    assert output.strip(), f"{said}\nprinted nothing"
    assert not re.match(r"0 documents|no dated documents", output), f"{said}\nfound nothing"
    if "--plot" in words:
        drawn = work / words[words.index("--plot") + 1]
        assert drawn.stat().st_size > 0, said
