"""What the tests of correspondents by kind and by rule share: the roles, the cases of a
table of rules, and a title read against its labels."""

from __future__ import annotations

from functools import cache

from searcher.ingest.correspondents import parse_title
from searcher.names import NameAuthority, default_authority

ROLES = ("sender", "recipient", "via", "participants")
S, R, V, P = ROLES

#: rule (or kind): [(title, roles)]; roles not given are empty.
Rules = dict[str, list[tuple[str, dict[str, list[str]]]]]


def cases(rules: Rules) -> list[tuple[str, str, dict[str, list[str]]]]:
    """(rule, title, roles) for each title of each rule."""
    return [(rule, title, roles) for rule, titles in rules.items() for title, roles in titles]


def case_id(case: tuple[str, str, dict[str, list[str]]]) -> str:
    """A case's name in the test report: its title's beginning."""
    return case[1][:60]


@cache
def authority() -> NameAuthority:
    """The shipped name authority, loaded once."""
    return default_authority()


def check(rule: str, title: str, roles: dict[str, list[str]]) -> None:
    """Assert that every role of ``title`` holds its labelled names, as many as labelled."""
    got = parse_title(title, authority())
    for role in ROLES:
        wanted = roles.get(role, [])
        names = getattr(got, role)
        assert len(wanted) == len(names) and all(
            any(w in name for name in names) for w in wanted
        ), (rule, role, got)
