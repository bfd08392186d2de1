"""Page content is data: never markup, terminal control, format string, shell or path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from reliability_support import invoke, marker_page, total

TITLE = "Telegram <script>alert(1)</script> \x1b[2J\x1b]0;owned\x07 {0.__class__} %s%n \x9b31m"

HOSTILE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>t</title></head><body>
<h1 class="title">Telegram &lt;script&gt;alert(1)&lt;/script&gt; &#27;[2J&#27;]0;owned&#7;
{{0.__class__}} %s%n &#155;31m</h1>
<div class="date">March 3, 1953</div>
<p>The armistice &lt;img src=x onerror=alert(2)&gt; text &#27;[31mred&#27;[0m $(touch {witness})
`touch {witness}` ; rm -rf {witness}</p>
<script>var hidden = "scriptonlyword";</script>
</body></html>
"""

#: What a terminal acts on: C0 controls but tab and newline, DEL, C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path, Path]:
    pages, index, witness = tmp_path / "pages", tmp_path / "index", tmp_path / "witness"
    pages.mkdir()
    (pages / "hostile.html").write_text(HOSTILE_PAGE.format(witness=witness), "utf-8")
    done = invoke("rebuild", "--source", str(pages), "--index", str(index))
    assert done.returncode == 0, done.stderr
    return pages, index, witness


def test_text_output_carries_no_terminal_controls(hostile):
    _, index, _ = hostile
    outputs = [
        invoke("query", "armistice", "--index", str(index)),
        invoke("query", "armistice", "--index", str(index), "--format", "csv"),
        invoke("query", "armistice", "--index", str(index), "--facet", "sender"),
        invoke("facets", "sender", "--index", str(index)),
        invoke("stats", "--index", str(index)),
    ]
    ids = json.loads(invoke("query", "armistice", "--index", str(index), "--format", "json").stdout)
    record_id = ids["hits"][0]["id"]
    outputs.append(invoke("show", record_id, "--index", str(index)))
    for done in outputs:
        assert done.returncode == 0, done.stderr
        shown = (done.stdout + done.stderr).replace("\r\n", "\n")  # csv line ends
        assert not CONTROL.search(shown), repr(shown)
    text = outputs[0].stdout
    assert "<script>alert(1)</script>" in text, "markup in a title is shown as text"
    assert "{0.__class__} %s%n" in text, "braces and percent signs are not formatted"
    assert "[2J" in text  # the visible rest of the escape sequence, harmless


def test_json_output_keeps_the_title_as_escaped_data(hostile):
    _, index, _ = hostile
    done = invoke("query", "armistice", "--index", str(index), "--format", "json")
    assert not CONTROL.search(done.stdout)
    title = json.loads(done.stdout)["hits"][0]["title"]
    assert "<script>alert(1)</script>" in title
    assert "{0.__class__} %s%n" in title


def test_page_content_never_reaches_a_shell_or_script(hostile):
    _, index, witness = hostile
    assert total(index, "armistice") == 1
    assert not witness.exists(), "shell syntax in a page was never run"
    assert total(index, "scriptonlyword") == 0, "a page's own scripts are not document text"
    record = json.loads(
        invoke("query", "armistice", "--index", str(index), "--format", "json").stdout
    )
    snippet = record["hits"][0]["snippet"]["text"]
    # markup written as text in the page stays text: shown as typed, searchable as words
    assert "The armistice <img src=x onerror=alert(2)> text" in snippet
    assert total(index, "onerror") == 1


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A source folder with links out of it: to a page, to a folder, and a loop."""
    source, outside = tmp_path / "pages", tmp_path / "outside"
    marker_page(source, "insidewordzq")
    marker_page(outside, "outsidewordzq", "secret.html")
    marker_page(outside / "folder", "folderwordzq")
    (source / "secret.html").symlink_to(outside / "secret.html")
    (source / "linked-folder").symlink_to(outside / "folder")
    (source / "loop").symlink_to(source)
    return source, tmp_path / "index"


def test_links_out_of_the_source_are_not_followed_unless_asked(linked):
    source, index = linked
    done = invoke("rebuild", "--source", str(source), "--index", str(index))
    assert done.returncode in (0, 1), done.stderr
    assert total(index, "insidewordzq") == 1
    assert total(index, "outsidewordzq") == 0
    assert total(index, "folderwordzq") == 0


def test_follow_links_reads_each_page_once_even_through_a_loop(linked):
    source, index = linked
    done = invoke("rebuild", "--source", str(source), "--index", str(index), "--follow-links")
    assert done.returncode in (0, 1), done.stderr
    assert total(index, "outsidewordzq") == 1
    assert total(index, "folderwordzq") == 1
    assert total(index, "insidewordzq") == 1, "the loop does not index the folder again"
