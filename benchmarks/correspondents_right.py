"""How many titles the title parser reads right: senders, recipients, via and participants.

    python -m benchmarks.correspondents_right [--count] [--invented] [TSV ...]

Each TSV has a header with at least ``title``, ``sender``, ``recipient``, ``via`` and
``participants`` (default: the real labelled titles of ``/work/shared/corpus``).  A title is
right when every role matches its label: each labelled name is contained in one of the
canonical names produced (case and accents aside; the label as written or as the name
authority writes it), as many names as labelled; ``-`` means none, and then nothing may be
produced; ``|`` separates several.  Prints each miss, then
"N of M titles right (P%)" per file; with ``--count``, only that line (for a held-out set,
whose misses are not to be read while the parser is tuned).  With ``--invented``, also the
names produced that contain no label of their role, per role and in all (a precision figure:
a party the title does not name), and the totals over the files.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

from searcher.ingest.correspondents import Correspondents, parse_title
from searcher.names import NameAuthority, default_authority

ROLES = ("sender", "recipient", "via", "participants")
DEFAULT = Path("/work/shared/corpus/titles-with-correspondents.tsv")


def fold(text: str) -> str:
    """Case and accents aside: "Gomulka" matches Gomułka."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def role_matches(label: str, got: tuple[str, ...], authority: NameAuthority) -> bool:
    """Whether the names produced for a role are the labelled ones: each label, as written
    or as the authority writes it ("Alekseyev" is Alekseev), is in one of them."""
    wanted = [] if label.strip() in ("-", "") else label.split("|")
    return len(wanted) == len(got) and all(
        any(
            form in fold(name)
            for form in {fold(w.strip()), fold(authority.canonicalize(w.strip()))}
            for name in got
        )
        for w in wanted
    )


def is_right(row: dict[str, str], got: Correspondents, authority: NameAuthority) -> bool:
    """Whether every role of a parsed title matches the row's labels."""
    return all(role_matches(row[role], getattr(got, role), authority) for role in ROLES)


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a labelled titles TSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def invented(row: dict[str, str], got: Correspondents, authority: NameAuthority) -> list[int]:
    """Per role, how many names produced contain none of the role's labels."""
    counts = []
    for role in ROLES:
        label = row[role].strip()
        wanted = [] if label in ("-", "") else label.split("|")
        forms = {
            f for w in wanted for f in (fold(w.strip()), fold(authority.canonicalize(w.strip())))
        }
        counts.append(sum(not any(f in fold(name) for f in forms) for name in getattr(got, role)))
    return counts


def misses(rows: list[dict[str, str]], authority: NameAuthority) -> list[str]:
    """One line per title read wrong: the title, what came out, what the label says."""
    out = []
    for row in rows:
        got = parse_title(row["title"], authority)
        if not is_right(row, got, authority):
            said = " ".join(f"{r}={'|'.join(getattr(got, r)) or '-'}" for r in ROLES)
            wanted = " ".join(f"{r}={row[r]}" for r in ROLES)
            out.append(f"{row['title']}\n    got   {said}\n    label {wanted}")
    return out


def main(argv: list[str]) -> int:
    authority = default_authority()
    count_only = "--count" in argv
    with_invented = "--invented" in argv
    totals = [0] * (len(ROLES) + 2)
    for name in [a for a in argv if not a.startswith("--")] or [str(DEFAULT)]:
        rows = read_rows(Path(name))
        missed = misses(rows, authority)
        for line in [] if count_only else missed:
            print(line)
        right = len(rows) - len(missed)
        share = 100 * right / len(rows) if rows else 0.0
        print(f"{name}: {right} of {len(rows)} titles right ({share:.0f}%)")
        if with_invented:
            per_role = [0] * len(ROLES)
            for row in rows:
                got = parse_title(row["title"], authority)
                per_role = [
                    a + b for a, b in zip(per_role, invented(row, got, authority), strict=True)
                ]
            totals = [a + b for a, b in zip(totals, [right, len(rows), *per_role], strict=True)]
            print(f"    invented: {_invented_line(per_role)}")
    if with_invented:
        print(
            f"all: {totals[0]} of {totals[1]} titles right; invented: {_invented_line(totals[2:])}"
        )
    return 0


def _invented_line(per_role: list[int]) -> str:
    """Counts as "sender=3 recipient=1 via=0 participants=2 all=6"."""
    parts = [f"{role}={count}" for role, count in zip(ROLES, per_role, strict=True)]
    return " ".join([*parts, f"all={sum(per_role)}"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
