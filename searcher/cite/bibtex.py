"""BibTeX (biblatex-flavoured) ``@misc`` entries with LaTeX special characters escaped.

Text stays UTF-8 (biber and modern BibTeX read it); names are braced whole so "Mao Zedong" or
"Japan. Foreign Ministry" is never split into first and last names.
"""

from __future__ import annotations

import re
from datetime import date

from searcher.cite.parts import DIGITAL_ARCHIVE, KEYWORD_SEPARATOR, PUBLISHER, Parts, tag
from searcher.record import Record

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in _SPECIAL))
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:\-]+")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def escape(text: str) -> str:
    """``text`` with every LaTeX special character escaped."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], " ".join(text.split()))


def key(record: Record) -> str:
    """A citation key from the record id: ``wilson:300653``."""
    return "wilson:" + (_KEY_UNSAFE.sub("-", record.record_id or record.id).strip("-") or "doc")


def _names(names: tuple[str, ...]) -> str:
    return " and ".join("{" + escape(n) + "}" for n in names)


def entry(record: Record, p: Parts, accessed: date) -> str:
    """One ``@misc`` entry."""
    fields: list[tuple[str, str]] = [("title", "{" + escape(p.title) + "}")]
    if p.authors:
        fields.append(("author", _names(p.authors)))
    if p.is_letter:
        fields.append(("recipient", _names(p.recipients)))
    if p.translators:
        fields.append(("translator", " and ".join(escape(n) for n in p.translators)))
    if p.date_parts:
        fields.append(("year", str(p.date_parts[0])))
        if len(p.date_parts) >= 2:
            fields.append(("month", _MONTHS[p.date_parts[1] - 1]))
        iso = "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(p.date_parts))
        if p.end_year is not None:
            iso += f"/{p.end_year}"
        fields.append(("date", iso))
    elif p.shown_date:
        fields.append(("date", escape(p.shown_date)))
    if record.type:
        fields.append(("type", escape(record.type)))
    holding = ", ".join(x for x in (p.locator, p.repository) if x)
    if p.in_archive:
        fields.append(("howpublished", escape(f"{DIGITAL_ARCHIVE}, {PUBLISHER}")))
    note = "; ".join(x for x in (holding, p.credit) if x)
    if note:
        fields.append(("note", escape(note)))
    if p.url:
        fields.append(("url", p.url))
        fields.append(("urldate", accessed.isoformat()))
    if record.summary.strip():
        fields.append(("abstract", escape(record.summary)))
    if record.languages:
        fields.append(("language", escape(", ".join(record.languages))))
    if record.subjects:
        # one keyword a subject, even where Zotero splits (on commas and semicolons)
        keywords = KEYWORD_SEPARATOR.join(tag(s) for s in record.subjects)
        fields.append(("keywords", escape(keywords)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key(record)},\n{body}\n}}\n\n"
