"""The command line as a new user tries it: operator-only queries, mistyped commands,
options before the query, facet lists, --explain and both spellings of field names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import run


@pytest.fixture()
def index(raw_html_index: Path) -> str:
    return str(raw_html_index)


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("NOT", "'NOT' at character 1 has nothing after it"),
        ("()", "the parentheses at character 1 hold no words"),
        ("~", "'~' at character 1 has no word to search for"),
        ("AND", "'AND' at character 1 has nothing before it"),
        ("OR", "'OR' at character 1 has nothing before it"),
    ],
)
def test_operator_only_queries_are_usage_errors(capsys, index, query, reason):
    for args in ((query,), ("query", query)):
        status, out, err = run(capsys, *args, "--index", index)
        assert (status, out) == (2, "")
        assert err.startswith("search: ") and reason in err
        assert len(err.strip().splitlines()) == 1


def test_every_document_is_still_asked_for_with_a_star_or_nothing(capsys, index):
    _, out, _ = run(capsys, "*", "--index", index, "--format", "json")
    total = json.loads(out)["total"]
    _, out, _ = run(capsys, "query", "--index", index, "--format", "json")
    _, stats, _ = run(capsys, "stats", "--index", index, "--format", "json")
    assert json.loads(out)["total"] == total == json.loads(stats)["documents"] > 60


def test_an_edit_distance_above_two_is_refused(capsys, index):
    status, out, err = run(capsys, "Stalin~9", "--index", index)
    assert (status, out) == (2, "")
    assert "'Stalin~9' at character 1 asks for 9 edits" in err and "~1 or ~2" in err
    status, out, _ = run(capsys, "Stalin~2", "--index", index, "--format", "json")
    assert status == 0 and json.loads(out)["total"] > 0


@pytest.mark.parametrize(
    ("typed", "command"),
    [("rebuld", "rebuild"), ("facet", "facets"), ("stast", "stats"), ("similiar", "similar")],
)
def test_a_mistyped_command_is_named_not_searched(capsys, index, typed, command):
    status, out, err = run(capsys, typed, "sender", "--index", index)
    assert (status, out) == (2, "")
    assert f"no command '{typed}'; did you mean `search {command}`?" in err
    assert f"use `search query {typed}`" in err
    status, out, _ = run(capsys, "query", typed, "--index", index)
    assert status in (0, 1) and out.split()[1].startswith("document")


def test_a_word_of_the_archive_near_a_command_is_still_searched(capsys, index):
    # "state" is one letter from `stats`, and a word the sample pages use.
    status, out, err = run(capsys, "state", "--index", index, "--format", "json")
    assert status == 0 and json.loads(out)["total"] > 0
    assert "searching for the word 'state' (the command is `search stats`)" in err


def test_words_far_from_any_command_are_searched():
    from searcher.cli import near_command

    assert near_command("Stalin", ["stats", "show"]) is None
    assert near_command("armistice", ["rebuild", "similar"]) is None
    assert near_command("Stats", ["stats"]) is None  # capitalised: a word to search
    assert near_command("shwo", ["show"]) == "show"


@pytest.mark.parametrize(
    "args",
    [
        ("--limit", "3", "Stalin"),
        ("-n", "3", "Stalin"),
        ("--limit=3", "Stalin"),
        ("Stalin", "--limit", "3"),
        ("query", "--limit", "3", "Stalin"),
        ("query", "Stalin", "--limit", "3"),
    ],
)
def test_options_may_come_before_or_after_the_query(capsys, index, args):
    status, out, err = run(capsys, *args, "--index", index, "--format", "json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["query"] == "Stalin" and data["limit"] == 3 and len(data["hits"]) == 3


def test_group_options_stay_the_group_s(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("search, version")
    status, _, err = run(capsys, "--no-such-option", "Stalin")
    assert status == 2 and "No such option '--no-such-option'" in err


def test_facets_say_how_many_values_and_how_many_shown(capsys, index):
    status, out, _ = run(capsys, "facets", "sender", "--limit", "3", "--index", index)
    lines = out.splitlines()
    assert status == 0 and lines[0] == "sender: 27 values, the 3 most frequent shown"
    assert len(lines) == 4
    _, out, _ = run(capsys, "facets", "sender", "--index", index)
    assert out.splitlines()[0] == "sender: 27 values" and len(out.splitlines()) == 28
    _, out, _ = run(capsys, "facets", "sender", "-n", "3", "--index", index, "--format", "json")
    data = json.loads(out)
    assert data["total"] == 27 and len(data["values"]) == 3


def test_explain_shows_filters_dates_and_order(capsys, index):
    status, out, _ = run(
        capsys,
        "Stalin",
        "--where",
        "place=Korea",
        "--from",
        "1950",
        "--to",
        "1953-06",
        "--sort",
        "date",
        "--explain",
        "--index",
        index,
    )
    lines = out.splitlines()
    assert status == 0 and lines[0].startswith("query read as: word 'Stalin' (also: Filippov")
    assert lines[1] == "filtered to: place is 'korea'; dated between 1950-01-01 and 1953-06-30"
    assert lines[2] == "sorted by date, oldest first; page 1, 10 per page"


@pytest.mark.parametrize(
    ("plural", "singular"), [("subjects", "subject"), ("places", "place"), ("people", "person")]
)
def test_field_names_both_ways_messages_one_way(capsys, index, plural, singular):
    answers = []
    for name in (plural, singular):
        _, out, _ = run(capsys, "facets", name, "--index", index, "--format", "json")
        data = json.loads(out)
        assert data["facet"] == singular
        answers.append(data["values"])
    assert answers[0] == answers[1]
    top = answers[0][0]["value"]
    totals = []
    for name in (plural, singular):
        for args in (
            (f'{name}:"{top}"',),
            ("--where", f"{name}={top}"),
        ):
            _, out, _ = run(capsys, "query", *args, "--index", index, "--format", "json")
            totals.append(json.loads(out)["total"])
        _, out, _ = run(capsys, "query", "--facet", name, "--index", index, "--format", "json")
        assert list(json.loads(out)["facets"]) == [singular]
        _, out, _ = run(capsys, "facets", name, "--index", index)
        assert out.startswith(f"{singular}: ")
    # the query matches words of values, the filter whole values: each agrees with itself
    assert totals[0] == totals[2] > 0 and totals[1] == totals[3] > 0
    _, out, _ = run(capsys, f'{plural}:"{top}"', "--explain", "--index", index)
    assert out.startswith(f"query read as: {singular} has ")


def test_unknown_facet_lists_the_query_names(capsys, index):
    status, _, err = run(capsys, "facets", "colour", "--index", index)
    assert status == 2 and "unknown facet 'colour'" in err
    assert "subject," in err and "subjects" not in err and "places" not in err


@pytest.mark.parametrize("args", [(), ("engine",)])
def test_a_bare_command_prints_its_help(capsys, args):
    status, out, err = run(capsys, *args)
    assert (status, err) == (0, "")
    assert out.startswith(f"Usage: search {' '.join(args)}".rstrip() + " [OPTIONS] COMMAND")
