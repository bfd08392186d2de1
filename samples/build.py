"""Write the shipped sample pages (raw_html/) and their manifest, deterministically.

    python -m samples.build [--pages samples/pages] [--out raw_html]
    python -m samples.build --slug 'Cable, Mao Zedong to Stalin'   # a title's address slug

Every page is specified in a ``*.toml`` file under ``samples/pages/``: its file, layout and
bytes, the document it shows and what a reader should take from it (samples/README.md says
how to write one).  The files are read in name order and their ``[[page]]`` tables in order;
the text they hold is all there is, so the pages can be rebuilt from this checkout alone.

Sources of the pages (``source``):

* ``real-2025``: the eleven documents scraped from the current site in 2025, rendered in the
  current layout with their text unchanged;
* ``seed``: the old-site page saved as plain text, copied byte for byte, and the same document
  rendered in the old layout;
* ``real-transcript``: the Russian transcript of an old-site document, as the old site served
  it, inside an old-site page in windows-1251;
* ``authored``: pages written for these samples around real titles (and a few more of the
  archive's kinds).  Their summaries and bodies are short texts composed for testing, not
  transcriptions of the documents; their record ids are numbered from 900001 so they can never
  be mistaken for the archive's own.

Every page is listed in ``manifest.json`` with its layout, the real encoding of its bytes, the
charset it declares, the quirks it carries and what a reader should extract from it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from samples.render import current_site, old_site, old_site_date, paragraphs

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = Path(__file__).resolve().parent / "pages"
DEFAULT_OUT = REPO / "raw_html"
PAGE_ENDINGS = (".html", ".htm", ".txt", ".html.gz")

_SLUG_STOPWORDS = frozenset(
    [
        "a", "an", "as", "at", "before", "but", "by", "for", "from", "is", "in", "into", "like",
        "of", "off", "on", "onto", "per", "since", "than", "the", "this", "that", "to", "up",
        "via", "with",
    ]
)  # fmt: skip
_SLUG_WORD = re.compile(r"[a-z0-9]+")


def slugify(title: str, taken: set[str] | None = None) -> str:
    """The current site's address slug for a title; ``-0``, ``-1`` ... on collisions."""
    plain = title.lower().replace("'", "").replace("\u2019", "")
    words = [w for w in _SLUG_WORD.findall(plain) if w not in _SLUG_STOPWORDS]
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 100:
            break
        slug = f"{slug}-{word}" if slug else word
    if taken is not None:
        base, n = slug, 0
        while slug in taken:
            slug = f"{base}-{n}"
            n += 1
        taken.add(slug)
    return slug


def precision(shown: str) -> str:
    """How precise a displayed date is: day, month, year or undated."""
    if not shown:
        return "undated"
    if re.search(r"\d{1,2},", shown):
        return "day"
    if re.search(r"[A-Za-z]", shown):
        return "month"
    return "year"


# ------------------------------------------------------------------------------ quirk finding

_TEXT_QUIRKS = (
    ("footnotes", re.compile(r"\[\d+\]")),
    ("space_runs", re.compile(r" {20,}")),
    ("letter_spaced", re.compile(r"\b(?:[A-Za-z] ){4,}[A-Za-z]\b")),
    ("fullwidth_punct", re.compile(r"[\u3000-\u303f\uff00-\uffef]")),
    ("nbsp_paragraphs", re.compile(r"^\xa0$", re.M)),
    ("editorial_marks", re.compile(r"\[(?:\.\.\.|…|signature|handwritten: |Translator's note: )")),
    ("cloudflare_email", re.compile(r"\[email protected\]")),
)
_TITLE_QUIRKS = (
    ("pseudonym_bracket", re.compile(r"\[(?:Stalin|Kuznetsov)\]")),
    ("pseudonym_paren", re.compile(r"Filippov \(Stalin\)")),
    ("pseudonym_feng_xi", re.compile(r"Feng Xi")),
    ("pseudonym_unglossed", re.compile(r"\bTerebin\b")),
    ("misspelling", re.compile(r"\b(?:Filipov|Flippov|Roschin|Shtytkov|Governer)\b")),
    ("honorific", re.compile(r"\b(?:Cdes?\.|Comrade)")),
    ("initials", re.compile(r"\b[A-Z]\.\s?[A-Z]\. [A-Z][a-z]+")),
    ("embedded_message", re.compile(r"\b(?:transmitting|conveying)\b")),
    ("onward_addressee", re.compile(r", for [A-Z]")),
    ("institutional_sender", re.compile(r"\bfrom the [\w ]*(?:Embassy|Legation|Governer)\b")),
)
_WADE_GILES = re.compile(r"Mao Tse-tung|Chou En-lai|Chiang Kai-shek")


def find_quirks(doc: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Quirks visible in a document's text and title."""
    text = "\n".join(
        doc.get(k) or "" for k in ("text_body", "original_text", "summary", "body_source")
    )
    found = [name for name, rx in _TEXT_QUIRKS if rx.search(text)]
    title = doc.get("title") or ""
    found += [name for name, rx in _TITLE_QUIRKS if rx.search(title)]
    people = " ".join(doc.get("associated_people_orgs") or [])
    if _WADE_GILES.search(f"{title} {people} {text}"):
        found.append("wade_giles")
    if expected.get("via"):
        found.append("via")
    if expected.get("participants"):
        found.append("conversation")
    if re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", title):
        found.append("title_date")
    if any(ord(c) > 127 for c in text + title):
        found.append("non_ascii")
    return found


def date_quirks(shown: str) -> list[str]:
    """Names for the form a displayed date takes."""
    if not shown:
        return ["undated"]
    if re.fullmatch(r"[A-Z][a-z]+ 0\d, \d{4}", shown):
        return ["date_day", "date_zero_padded"]
    if re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", shown):
        return ["date_day"]
    if re.fullmatch(r"[A-Z][a-z]+, \d{4}", shown):
        return ["date_month_comma"]
    if re.fullmatch(r"[A-Z][a-z]+ \d{4}", shown):
        return ["date_month"]
    return ["date_year"]


# ----------------------------------------------------------------------------------- pages


@dataclass
class Sample:
    """One page to write: its text, how its bytes are made, and its manifest entry."""

    file: str
    layout: str
    text: str
    source: str
    expected: dict[str, Any]
    encoding: str = "utf-8"
    declared: str | None = "utf-8"
    quirks: list[str] = field(default_factory=list)
    bom: bool = False
    mojibake: bool = False
    raw: bytes | None = None

    def data(self) -> bytes:
        """The page's bytes, as written to disk (compressed when the name ends in .gz)."""
        if self.raw is not None:
            data = self.raw
        else:
            text = self.text
            if self.mojibake:
                text = text.encode("utf-8").decode("latin-1")
            data = text.encode(self.encoding)
            if self.bom:
                data = b"\xef\xbb\xbf" + data
        if self.file.endswith(".gz"):
            data = gzip.compress(data, compresslevel=9, mtime=0)
        return data

    def entry(self) -> dict[str, Any]:
        """The manifest entry."""
        quirks = list(self.quirks)
        if self.bom:
            quirks.append("bom")
        if self.mojibake:
            quirks.append("mojibake")
        if self.file.endswith(".gz"):
            quirks.append("gzip")
        if self.file.endswith(".htm"):
            quirks.append("htm_extension")
        if self.file.count("/") >= 2:
            quirks.append("nested_folder")
        if self.layout != "plain_text":
            if self.declared is None:
                quirks.append("no_charset")
            elif _codec(self.declared) != _codec(self.encoding):
                quirks.append("wrong_charset")
        return {
            "file": self.file,
            "layout": self.layout,
            "encoding": self.encoding,
            "declared": self.declared,
            "quirks": sorted(set(quirks)),
            "expected": self.expected,
            "source": self.source,
        }


def _codec(name: str) -> str:
    import codecs

    return codecs.lookup(name).name


def expected(
    title: str,
    date: str,
    *,
    sender: list[str] | tuple[str, ...] = (),
    recipient: list[str] | tuple[str, ...] = (),
    via: list[str] | tuple[str, ...] = (),
    participants: list[str] | tuple[str, ...] = (),
    record_id: str | None = None,
) -> dict[str, Any]:
    """What a reader should take from a page."""
    return {
        "title": title,
        "date": date,
        "date_precision": precision(date),
        "sender": list(sender),
        "recipient": list(recipient),
        "via": list(via),
        "participants": list(participants),
        "record_id": record_id,
    }


_CF_SCRIPT = (
    '<script data-cfasync="false" '
    'src="/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js"></script>'
)


def cloudflare_hex(address: str, key: int = 0x5A) -> str:
    """An address as the CDN hides it in ``data-cfemail``: a key byte, then each byte xor key."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode("utf-8"))


def _cloudflare(page: str) -> str:
    """Obfuscate e-mail addresses the way the site's CDN does."""
    if "[email protected]" not in page:
        return page
    anchor = (
        '<a href="/cdn-cgi/l/email-protection" class="__cf_email__" '
        f'data-cfemail="{cloudflare_hex("editors@digitalarchive.example")}">'
        "[email&#160;protected]</a>"
    )
    page = page.replace("[email protected]", anchor)
    return page.replace("</body>", f"{_CF_SCRIPT}\n</body>", 1)


def br_paragraphs(text: str) -> str:
    """Body text as ``<p>`` blocks split on blank lines, lines inside joined with ``<br />``."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    out = []
    for block in blocks:
        lines = escape(block, quote=False).replace("\xa0", "&nbsp;").split("\n")
        out.append("<p>" + "<br />\n".join(lines) + "</p>\n")
    return "".join(out)


def render(layout: str, doc: dict[str, Any]) -> str:
    """Render a document in a layout, with the CDN's e-mail obfuscation applied."""
    page = current_site(doc) if layout == "current_site" else old_site(doc)
    return _cloudflare(page)


def body_markup(text: str, br: bool | int) -> str:
    """Body markup with lines joined by ``<br />`` in every blank-line block (``True``) or in
    the first N, the rest one paragraph a line."""
    if br is True:
        return br_paragraphs(text)
    blocks = text.split("\n\n")
    return br_paragraphs("\n\n".join(blocks[:br])) + paragraphs("\n\n".join(blocks[br:]))


def generic_page(title: str, texts: list[str], charset: str | None) -> str:
    """A page of some other site: a title, a few paragraphs, its own navigation."""
    head = f'<meta charset="{charset}">\n' if charset else ""
    body = "".join(f"<p>{escape(p, quote=False)}</p>\n" for p in texts)
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{head}<title>{escape(title)}'
        '</title>\n<link rel="stylesheet" href="/assets/site.css">\n</head>\n<body>\n'
        '<nav><a href="/">Home</a> | <a href="/reading">Reading</a> | '
        '<a href="/about">About</a></nav>\n<article>\n'
        f"<h1>{escape(title, quote=False)}</h1>\n{body}</article>\n"
        "<footer><p>Posted in Reading notes.</p></footer>\n</body>\n</html>\n"
    )


# ------------------------------------------------------------------------- specifications


#: What a ``[[page]]`` table and its ``[page.expected]`` may hold (samples/README.md).
PAGE_KEYS = frozenset(
    ("file", "layout", "source", "encoding", "declared", "bom", "mojibake", "br", "quirks",
     "detect_quirks", "raw_file", "body_html_file", "document", "expected")
)  # fmt: skip
EXPECTED_KEYS = frozenset(
    ("title", "date", "record_id", "sender", "recipient", "via", "participants")
)
REQUIRED_KEYS = ("file", "layout", "source")


def load_specs(folder: Path) -> list[dict[str, Any]]:
    """Every page specification under ``folder``, in order, with its file's defaults applied."""
    specs = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            try:
                data = tomllib.load(fh)
            except tomllib.TOMLDecodeError as exc:
                raise ValueError(f"{path.name}: {exc}") from None
        defaults = data.get("defaults", {})
        for page in data.get("page", []):
            where = f"{path.name}: {page.get('file', 'a page')}"
            unknown = (set(defaults) | set(page)) - PAGE_KEYS
            unknown |= {*defaults.get("expected", {}), *page.get("expected", {})} - EXPECTED_KEYS
            if unknown:
                raise ValueError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
            spec = {**defaults, **page, "folder": path.parent, "spec_file": path.name}
            missing = [key for key in REQUIRED_KEYS if key not in spec]
            if missing:
                raise ValueError(f"{where}: no {', '.join(missing)}")
            for key in ("document", "expected"):
                spec[key] = {**defaults.get(key, {}), **page.get(key, {})}
            specs.append(spec)
    return specs


def sample(spec: dict[str, Any]) -> Sample:
    """The page a specification describes."""
    layout = spec["layout"]
    encoding = spec.get("encoding", "utf-8")
    declared = spec.get("declared", encoding) or None
    doc = dict(spec["document"])
    listed = list(spec.get("quirks", ()))
    page = {
        "file": spec["file"],
        "layout": layout,
        "source": spec["source"],
        "encoding": encoding,
        "declared": declared,
        "bom": spec.get("bom", False),
        "mojibake": spec.get("mojibake", False),
    }
    if "raw_file" in spec:
        raw = (spec["folder"] / spec["raw_file"]).read_bytes()
        exp = expected(**{"record_id": None, **spec["expected"]})
        return Sample(text="", raw=raw, expected=exp, quirks=listed, **page)
    if layout == "generic":
        text = generic_page(doc["title"], doc["paragraphs"], declared)
        exp = expected(**{"title": doc["title"], "date": "", **spec["expected"]})
        quirks = ["meta_charset"] if declared else []
        if any(ord(c) > 127 for c in text):
            quirks.append("non_ascii")
        return Sample(text=text, expected=exp, quirks=[*quirks, "undated", *listed], **page)
    if layout not in ("current_site", "old_site"):
        raise ValueError(f"{spec['spec_file']}: {spec['file']}: unknown layout {layout!r}")
    doc["charset"] = declared
    if "body_html_file" in spec:
        doc["body_html"] = (spec["folder"] / spec["body_html_file"]).read_bytes().decode("utf-8")
    elif spec.get("br"):
        doc["body_html"] = body_markup(doc["text_body"], spec["br"])
    shown = doc.get("original_publication_date") or ""
    if layout == "old_site":
        shown = old_site_date(shown)
    given = {"title": doc["title"], "date": shown, "record_id": doc.get("record_id")}
    exp = expected(**{**given, **spec["expected"]})
    quirks = listed
    if spec.get("detect_quirks", True):
        if declared:
            quirks.append("meta_charset" if layout == "current_site" else "http_equiv_charset")
        quirks += find_quirks(doc, exp) + date_quirks(shown)
        if spec.get("br"):
            quirks.append("br_lines")
        if doc.get("original_text"):
            quirks.append("second_pane")
    return Sample(text=render(layout, doc), expected=exp, quirks=quirks, **page)


def all_samples(pages: Path = DEFAULT_PAGES) -> list[Sample]:
    """Every sample page, in manifest order."""
    samples = [sample(spec) for spec in load_specs(pages)]
    if not samples:
        raise ValueError(f"no pages specified in {pages}")
    files = [s.file for s in samples]
    if len(files) != len(set(files)):
        raise ValueError("two samples share a file name")
    return samples


# ----------------------------------------------------------------------------------- writing


def _clear(out: Path) -> None:
    for path in sorted(out.rglob("*")):
        if path.is_file() and (path.name.endswith(PAGE_ENDINGS) or path.name == "manifest.json"):
            path.unlink()
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def write(samples: list[Sample], out: Path) -> None:
    """Write the pages and manifest.json under ``out`` (earlier pages there are removed)."""
    out.mkdir(parents=True, exist_ok=True)
    _clear(out)
    for item in samples:
        target = out / item.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.data())
    manifest = [s.entry() for s in samples]
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m samples.build",
        description="Write the sample pages specified under samples/pages/ and their manifest.",
    )
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="the specifications")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the pages")
    parser.add_argument("--slug", metavar="TITLE", help="print the current site's slug of TITLE")
    args = parser.parse_args(argv)
    if args.slug is not None:
        print(slugify(args.slug))
        return 0
    try:
        samples = all_samples(args.pages)
    except (ValueError, KeyError, OSError) as exc:
        print(f"samples.build: {exc}", file=sys.stderr)
        return 2
    write(samples, args.out)
    print(f"wrote {len(samples)} pages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
