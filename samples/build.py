"""Write the shipped sample pages (raw_html/) and their manifest, deterministically.

    python -m samples.build [--corpus DIR] [--out raw_html]

Sources of the pages:

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

# Page markup and document text are kept as they appear, one line per line.
# ruff: noqa: E501

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from samples.render import SITE, current_site, old_site, old_site_date, paragraphs

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_OUT = REPO / "raw_html"
SEED_NAME = "seed-page-mao-to-filippov-1951-11-14.txt"
PAGE_ENDINGS = (".html", ".htm", ".txt", ".html.gz")

_SLUG_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "as",
        "at",
        "before",
        "but",
        "by",
        "for",
        "from",
        "is",
        "in",
        "into",
        "like",
        "of",
        "off",
        "on",
        "onto",
        "per",
        "since",
        "than",
        "the",
        "this",
        "that",
        "to",
        "up",
        "via",
        "with",
    ]
)
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


# ------------------------------------------------------------------------------ real pages

#: Correspondents of the 2025 documents, as a historian reads their titles.
_REAL_NAMES: dict[str, dict[str, list[str]]] = {
    "300653": {"sender": ["Nehru"], "recipient": ["Provincial Premiers"]},
    "300641": {"sender": ["Economic Cooperation Division"]},
    "300640": {"sender": ["Asian Affairs Bureau"]},
    "300639": {"sender": ["Kawase Ikkan"], "recipient": ["Ushiba Nobuhiko"]},
    "300638": {"sender": ["Nakajima Kenzo"]},
    "300242": {"participants": ["Kohl", "Blair"]},
    "300241": {"participants": ["Kohl", "Guterres"]},
    "300240": {"participants": ["Kohl", "Kuchma"]},
    "300239": {"participants": ["Kohl", "Nazarbayev"]},
    "300238": {"participants": ["Kohl", "Yeltsin"]},
    "300237": {"participants": ["Kohl", "Kwasniewski"]},
}
#: How each real page is stored: (folder, encoding variant).
_REAL_VARIANTS: dict[str, tuple[str, str]] = {
    "300653": ("current", "plain"),
    "300641": ("current", "declares-latin1"),
    "300640": ("current", "bom"),
    "300639": ("current", "no-charset"),
    "300638": ("current", "gzip"),
    "300242": ("current/kohl/1997", "plain"),
    "300241": ("current/kohl/1997", "plain"),
    "300240": ("current/kohl/1997", "no-charset"),
    "300239": ("current/kohl/1997", "plain"),
    "300238": ("current/kohl/1997", "bom"),
    "300237": ("current/kohl/1996", "plain"),
}


def real_pages(corpus: Path) -> list[Sample]:
    """The 2025 documents in the current layout."""
    docs = json.loads((corpus / "wilson-2025-scrape-sample.json").read_text("utf-8"))
    out = []
    for raw in docs:
        doc = dict(raw)
        rid = doc["record_id"]
        folder, variant = _REAL_VARIANTS[rid]
        slug = doc["document_url"].rsplit("/", 1)[1]
        name = f"{folder}/{slug}.html" + (".gz" if variant == "gzip" else "")
        doc["charset"] = {"declares-latin1": "iso-8859-1", "no-charset": None}.get(variant, "utf-8")
        exp = expected(
            doc["title"], doc["original_publication_date"] or "", record_id=rid, **_REAL_NAMES[rid]
        )
        quirks = ["meta_charset"] if doc["charset"] else []
        quirks += find_quirks(doc, exp) + date_quirks(exp["date"])
        if "Satō" in (doc["text_body"] + " ".join(doc.get("associated_people_orgs") or [])):
            quirks.append("macron")
        out.append(
            Sample(
                file=name,
                layout="current_site",
                text=render("current_site", doc),
                source="real-2025",
                expected=exp,
                declared=doc["charset"],
                quirks=quirks,
                bom=variant == "bom",
            )
        )
    return out


def seed_pages(corpus: Path) -> list[Sample]:
    """The seed text dump as it is, and the same document in the old layout."""
    raw = (corpus / SEED_NAME).read_bytes()
    text = raw.decode("utf-8")
    lines = text.split("\n")
    title = "Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]"
    cite = next(line.strip() for line in lines if line.strip().startswith('"'))
    summary = next(line.strip() for line in lines if line.strip().startswith("Mao writes"))
    body = text.split("English HTML", 1)[1].strip("\n")
    source = cite.split("Digital Archive, ", 1)[1]
    names = {"sender": ["Mao Zedong"], "recipient": ["Stalin"]}
    dump = Sample(
        file=f"text/{SEED_NAME}",
        layout="plain_text",
        text="",
        raw=raw,
        source="seed",
        declared=None,
        expected=expected(title, "November 14, 1951", **names),
        quirks=["title_in_citation", "date_day", "pseudonym_bracket", "honorific"],
    )
    head, rest = body.split("\n\n\nTo Comrade", 1)
    body_html = br_paragraphs(head.strip("\n")) + paragraphs(
        "To Comrade" + rest.replace("\n\n", "\n")
    )
    doc = {
        "title": title,
        "original_publication_date": "November 14, 1951",
        "summary": summary,
        "citation": cite,
        "text_body": body,
        "body_html": body_html,
        "source": source,
        "record_id": "900001",
        "type": "Telegram",
        "language": ["Russian"],
        "original_archive_title": [
            "Archive of the President of the Russian Federation (APRF)",
            "Russian State Archive of Socio-Political History (RGASPI)",
        ],
        "associated_people_orgs": ["Mao, Zedong", "Stalin, Joseph", "Kim, Il Sung"],
        "associated_places": ["China", "Korea (North)", "Soviet Union", "United States"],
        "subjects_discussed": [
            "Korean War, 1950-1953",
            "Korean War, 1950-1953--Armistices",
            "Prisoners of war",
            "China--Foreign relations--Soviet Union",
        ],
        "collections": ["Korean War Origins, 1945-1950", "Sino-Soviet Relations"],
        "charset": "utf-8",
    }
    exp = expected(title, "November 14, 1951", record_id="900001", **names)
    page = Sample(
        file="old/1951/900001.html",
        layout="old_site",
        text=render("old_site", doc),
        source="seed",
        expected=exp,
        quirks=["br_lines", "http_equiv_charset", *find_quirks(doc, exp), "date_day"],
    )
    return [dump, page]


def transcript_page(corpus: Path) -> Sample:
    """The real Russian transcript inside an old-site page, in windows-1251."""
    asset = json.loads((corpus / "old-site-transcript-33548.json").read_text("utf-8"))
    markup = asset["html"]
    inner = markup.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    title = "Record of Conversation between N.V. Roshchin and Mao Zedong on 1 January 1950"
    doc = {
        "title": title,
        "original_publication_date": "January 1, 1950",
        "summary": (
            "Ambassador Roshchin calls on Mao Zedong in Moscow on New Year's Day. Mao reports "
            "that Burma and India are ready to recognise the People's Republic, reviews the "
            "fighting in Sichuan and Yunnan, describes his health and the rest of his visit, and "
            "asks that Japanese war criminals be held in the Soviet Union for another half year."
        ),
        "body_html": inner,
        "tab_label": "Russian HTML",
        "source": "AVP RF, f. 07, op. 23a, d. 18, papka 234, ll. 1-4.",
        "record_id": "900002",
        "type": "Memorandum of Conversation",
        "language": ["Russian"],
        "original_archive_title": ["Archive of Foreign Policy of the Russian Federation"],
        "associated_people_orgs": [
            "Mao, Zedong",
            "Roshchin, N. V. (Nikolai Vasilevich)",
            "Vyshinsky, Andrei Yanuarevich",
            "Shi, Zhe (Karsky)",
        ],
        "associated_places": ["China", "Soviet Union", "Burma", "India", "Japan"],
        "subjects_discussed": [
            "China--Foreign relations--Soviet Union",
            "Diplomatic recognition",
            "War criminals--Japan",
        ],
        "collections": ["Sino-Soviet Relations"],
        "charset": "windows-1251",
    }
    names = {"participants": ["Roshchin", "Mao Zedong"]}
    exp = expected(title, "January 01, 1950", record_id="900002", **names)
    return Sample(
        file="old/1950/900002.html",
        layout="old_site",
        text=render("old_site", doc),
        source="real-transcript",
        encoding="windows-1251",
        declared="windows-1251",
        expected=exp,
        quirks=[
            "crlf",
            "inline_style",
            "nested_p",
            "split_spans",
            "cyrillic",
            "http_equiv_charset",
            "title_date",
            "conversation",
            "date_day",
            "date_zero_padded",
            "non_ascii",
        ],
    )


# -------------------------------------------------------------------------- authored pages


def _tsv_rows(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "titles-with-correspondents.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _split(value: str) -> list[str]:
    return [] if value.strip() == "-" else [v.strip() for v in value.split("|")]


def authored_pages(corpus: Path) -> list[Sample]:
    """Pages written around the titles of the TSV and further documents of the archive's kinds."""
    specs = []
    for row in _tsv_rows(corpus):
        spec = dict(TSV_DOCS[int(row["n"])])
        spec["title"] = row["title"]
        spec["date"] = row["date_shown"]
        for key in ("sender", "recipient", "via", "participants"):
            spec[key] = _split(row[key])
        specs.append(spec)
    specs.extend(MORE_DOCS)
    taken: set[str] = set()
    out = []
    for number, spec in enumerate(specs, start=3):
        out.append(_authored_sample(spec, f"{900000 + number}", taken))
    out.extend(_generic_pages())
    return out


def _authored_sample(spec: dict[str, Any], rid: str, taken: set[str]) -> Sample:
    layout = spec["layout"]
    people = [pill(n) for n in spec.get("people", ())]
    for key in ("sender", "recipient", "via", "participants"):
        people += [pill(n) for n in spec.get(key, ())]
    people = list(dict.fromkeys(p for p in people if p))
    body = spec["body"].strip("\n")
    doc: dict[str, Any] = {
        "title": spec["title"],
        "original_publication_date": spec.get("date") or None,
        "summary": spec["summary"],
        "text_body": body,
        "source": spec.get("source"),
        "record_id": rid,
        "type": spec.get("type"),
        "language": spec.get("language", ["Russian"]),
        "original_archive_title": spec.get("archive"),
        "associated_people_orgs": people,
        "associated_places": spec.get("places"),
        "subjects_discussed": spec.get("subjects"),
        "authors": spec.get("authors"),
        "document_contributors": spec.get("contributors"),
        "credits": spec.get("credits"),
        "donors": spec.get("donors"),
        "original_classification": spec.get("classification"),
        "collections": spec.get("collections"),
        "original_text": spec.get("original"),
        "original_label": spec.get("original_label"),
        "original_upload_date": spec.get("uploaded"),
        "rights": RIGHTS,
    }
    encoding = spec.get("encoding", "utf-8")
    declared = spec.get("declared", encoding)
    doc["charset"] = declared
    if spec.get("br"):
        doc["body_html"] = br_paragraphs(body)
    if layout == "current_site":
        slug = slugify(spec["title"], taken)
        doc["document_url"] = f"{SITE}/document/{slug}"
        shown = spec.get("date") or ""
        folder = spec.get("folder", "current")
        name = f"{folder}/{slug}{spec.get('ext', '.html')}"
        quirks = ["meta_charset"] if declared else []
        if slug[-2:] in ("-0", "-1"):
            quirks.append("slug_collision")
    else:
        doc["document_url"] = f"{SITE}/document/{rid}"
        shown = old_site_date(spec.get("date") or "")
        folder = spec.get("folder", "old")
        name = f"{folder}/{rid}{spec.get('ext', '.html')}"
        quirks = ["http_equiv_charset"] if declared else []
    exp = expected(
        spec["title"],
        shown,
        sender=spec.get("sender", ()),
        recipient=spec.get("recipient", ()),
        via=spec.get("via", ()),
        participants=spec.get("participants", ()),
        record_id=rid,
    )
    doc["body_source"] = body
    quirks += find_quirks(doc, exp) + date_quirks(shown) + list(spec.get("quirks", ()))
    if spec.get("br"):
        quirks.append("br_lines")
    if spec.get("original"):
        quirks.append("second_pane")
    del doc["body_source"]
    return Sample(
        file=name,
        layout=layout,
        text=render(layout, doc),
        source="authored",
        expected=exp,
        encoding=encoding,
        declared=declared,
        quirks=quirks,
        bom=spec.get("bom", False),
        mojibake=spec.get("mojibake", False),
    )


def _generic_pages() -> list[Sample]:
    out = []
    for spec in GENERIC_PAGES:
        charset = spec.get("declared")
        head = f'<meta charset="{charset}">\n' if charset else ""
        body = "".join(f"<p>{escape(p, quote=False)}</p>\n" for p in spec["paragraphs"])
        text = (
            f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{head}<title>{escape(spec["title"])}'
            '</title>\n<link rel="stylesheet" href="/assets/site.css">\n</head>\n<body>\n'
            '<nav><a href="/">Home</a> | <a href="/reading">Reading</a> | '
            '<a href="/about">About</a></nav>\n<article>\n'
            f"<h1>{escape(spec['title'], quote=False)}</h1>\n{body}</article>\n"
            "<footer><p>Posted in Reading notes.</p></footer>\n</body>\n</html>\n"
        )
        exp = expected(spec["title"], "")
        quirks = ["meta_charset"] if charset else []
        if any(ord(c) > 127 for c in text):
            quirks.append("non_ascii")
        out.append(
            Sample(
                file=spec["file"],
                layout="generic",
                text=text,
                source="authored",
                expected=exp,
                encoding=spec["encoding"],
                declared=charset,
                quirks=quirks + ["undated"],
            )
        )
    return out


# ------------------------------------------------------------------------- authored content
#
# Titles of TSV_DOCS come from titles-with-correspondents.tsv; everything else here (summaries,
# bodies, locators) was written for these samples.

RIGHTS = (
    "The History and Public Policy Program welcomes reuse of Digital Archive materials for "
    "research and educational purposes. Some documents may be subject to copyright, which is "
    "retained by the rights holders in accordance with US and international copyright laws."
)

#: The pill a name gets on the page: inverted, with glosses.
PILLS = {
    "Stalin": "Stalin, Joseph",
    "Mao Zedong": "Mao, Zedong",
    "Zhou Enlai": "Zhou, Enlai",
    "Roshchin": "Roshchin, N. V. (Nikolai Vasilevich)",
    "Vyshinsky": "Vyshinsky, Andrei Yanuarevich",
    "Kovalev": "Kovalev, Ivan Vladimirovich",
    "Shtykov": "Shtykov, Terentii Fomich",
    "Gromyko": "Gromyko, Andrei Andreevich",
    "Molotov": "Molotov, Vyacheslav Mikhailovich",
    "Terebin": "Orlov, Andrei",
    "Krasovsky": "Krasovsky, Stepan Akimovich",
    "Liu Shaoqi": "Liu, Shaoqi",
    "Malenkov": "Malenkov, Georgy Maksimilianovich",
    "Karsky": "Shi, Zhe (Karsky)",
    "Kim Il Sung": "Kim, Il Sung",
    "Peng Dehuai": "Peng, Dehuai",
    "Chiang Kai-shek": "Chiang, Kai-shek (Jiang Jieshi)",
    "Sheng Shicai": "Sheng, Shicai",
    "Panikkar": "Panikkar, K. M. (Kavalam Madhava)",
    "Kohl": "Kohl, Helmut",
    "Gorbachev": "Gorbachev, Mikhail",
    "Modrow": "Modrow, Hans",
    "Bush": "Bush, George H. W. (George Herbert Walker)",
    "Genscher": "Genscher, Hans-Dietrich",
    "Baker": "Baker, James A. (James Addison)",
    "Shevardnadze": "Shevardnadze, Eduard Amvrosievich",
    "Teltschik": "Teltschik, Horst",
}


def pill(name: str) -> str | None:
    """The inverted, glossed form the site links a person by; None for institutions."""
    return PILLS.get(name)


_KOREA = ["Korean War, 1950-1953"]
_SINO_SOVIET = ["China--Foreign relations--Soviet Union"]
_APRF = ["Archive of the President of the Russian Federation (APRF)"]
_AVPRF = ["Archive of Foreign Policy of the Russian Federation"]
_CN = ["China", "Soviet Union"]
_KR = ["China", "Korea (North)", "Soviet Union"]

#: Page specifications for the rows of the TSV, by row number.
TSV_DOCS: dict[int, dict[str, Any]] = {
    1: {
        "layout": "old_site",
        "type": "Telegram",
        "summary": "Zhou Enlai reports to Stalin on the movement of Chinese volunteer units "
        "into Korea and asks for faster deliveries of anti-aircraft guns.",
        "body": """To Comrade Filippov [Stalin]
The first units of the volunteers have crossed the river and taken up positions in the mountains north of the front line. [...] The enemy has not yet grasped the size of our forces.
Our most pressing need is for anti-aircraft artillery. Without it the bridges and the railway from Andong cannot be held in daylight.
We ask that the deliveries agreed upon earlier be sent in the first half of December.
[signature]
Zhou Enlai""",
        "source": "APRF, f. 45, op. 1, d. 335, ll. 112-113.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + _SINO_SOVIET,
        "people": ["Peng Dehuai"],
    },
    2: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Stalin tells Zhou Enlai, through Ambassador Roshchin, that it would be right "
        "to concentrate Chinese divisions on the Korean border in case the enemy crosses the "
        "38th parallel.",
        "body": """Beijing, Soviet Ambassador
Transmit to Zhou Enlai the following.
We consider it correct to concentrate nine Chinese divisions on the Chinese-Korean border without delay, so that they may act in North Korea should the enemy cross the 38th parallel.
We will try to provide air cover for these units.
Filippov""",
        "source": "APRF, f. 45, op. 1, d. 331, l. 79.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + _SINO_SOVIET,
    },
    3: {
        "layout": "old_site",
        "type": "Telegram",
        "encoding": "windows-1251",
        "declared": "utf-8",
        "summary": "Vyshinsky instructs Ambassador Roschin to ask the Chinese leadership for its "
        "assessment of the American landing threat.",
        "body": """To Roschin.
Visit Zhou Enlai and ask him how the Chinese comrades judge the possibility of an enemy landing in the rear of the Korean People's Army.
Report the answer by telegraph.
Vyshinsky""",
        "original": """Рощину.
Посетите Чжоу Эньлая и спросите его, как китайские товарищи оценивают возможность высадки противника в тылу Корейской народной армии.
Ответ сообщите телеграфом.
Вышинский""",
        "original_label": "Russian HTML",
        "source": "AVP RF, f. 07, op. 23a, d. 236, l. 41.",
        "archive": _AVPRF,
        "places": _KR,
        "subjects": _KOREA,
        "folder": "old/korea/1950",
    },
    4: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Mao forwards to Stalin his message of 14 January to Peng Dehuai on the rest "
        "and refitting of the volunteer army, with a message from Kim Il Sung.",
        "body": """Comrade Stalin!
I am sending you for your information the text of my telegram of 14 January to Comrade Peng Dehuai, together with the message received from Comrade Kim Il Sung.
In the telegram I proposed that the volunteer army rest and refit for two to three months before a new offensive, and that the Korean units hold the coast.
Mao Zedong""",
        "source": "APRF, f. 45, op. 1, d. 337, ll. 78-82.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + _SINO_SOVIET,
        "people": ["Peng Dehuai", "Kim Il Sung"],
    },
    5: {
        "layout": "old_site",
        "type": "Note",
        "summary": "During his visit to Moscow Zhou Enlai passes on to Stalin a telegram he has "
        "received from Mao on the armistice talks.",
        "body": """To Comrade Stalin
I am handing you the telegram I received today from Comrade Mao Zedong.
[handwritten: to be read before the meeting]
The Chairman agrees with the line we discussed on the question of prisoners of war and considers that no new concessions should be made at Panmunjom.
Zhou Enlai""",
        "source": "APRF, f. 45, op. 1, d. 343, ll. 98-99.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + ["Prisoners of war"],
    },
    6: {
        "layout": "current_site",
        "type": "Telegram",
        "ext": ".htm",
        "summary": "Stalin asks Mao Zedong and Zhou Enlai to consider moving volunteer divisions "
        "toward the 38th parallel, as the Korean People's Army falls back.",
        "body": """Beijing, to Soviet Ambassador, for transmission to Mao Zedong or Zhou Enlai.
I am far from Moscow on vacation and somewhat detached from events in Korea. Judging by the information received today, the situation of the Korean comrades is becoming desperate.
I think that if you consider it possible to send troops, you should move at least five or six divisions toward the 38th parallel at once.
Filippov""",
        "source": "APRF, f. 45, op. 1, d. 334, ll. 97-98.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + _SINO_SOVIET,
        "people": ["Kim Il Sung"],
    },
    7: {
        "layout": "old_site",
        "type": "Telegram",
        "summary": "Kovalev reports to Stalin on the crossing of the Yangzi and the mood of the "
        "Chinese Communist leadership.",
        "body": """To Comrade Filippov [Stalin]
The leadership of the Chinese Communist Party expects the crossing of the Yangzi to begin within days. Mao Zedong considers the talks with the Nanjing delegation to be of no further use.
The railway from Tianjin to Pukou has been restored over most of its length.[1]
Kovalev
[1] The section south of Bengbu was restored only in May.""",
        "source": "APRF, f. 45, op. 1, d. 331, ll. 59-61.",
        "archive": _APRF,
        "places": _CN,
        "subjects": ["China--History--Civil War, 1945-1949"] + _SINO_SOVIET,
    },
    8: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Roshchin relays Mao Zedong's account of his talks with Kim Il Sung in Beijing.",
        "body": """To Comrade Filippov [Stalin]
Tonight Zhou Enlai called on me and on behalf of Mao Zedong asked to be told your personal opinion of the plans Kim Il Sung has set out in Beijing.
Mao Zedong wishes to have your explanation without delay.
Roshchin""",
        "source": "APRF, f. 45, op. 1, d. 331, l. 54.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA,
        "people": ["Kim Il Sung"],
    },
    9: {
        "layout": "old_site",
        "type": "Telegram",
        "summary": "Vyshinsky conveys to Mao Zedong the Soviet leadership's answer on the Korean "
        "question.",
        "body": """For Mao Zedong.
In a conversation with the Korean comrades, Filippov and his friends expressed the view that the question should be decided finally by the Chinese and Korean comrades together.
Vyshinsky""",
        "source": "APRF, f. 45, op. 1, d. 331, l. 55.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA,
    },
    10: {
        "layout": "old_site",
        "type": "Draft",
        "ext": ".html.gz",
        "summary": "Stalin, through Molotov, drafts an answer to Mao Zedong's questions about his "
        "journey to Moscow.",
        "body": """Draft
To Comrade Mao Zedong.
We have received your telegram. We agree that you should come to Moscow after the proclamation of the government, at a time convenient to you.
[Translator's note: the draft carries Molotov's corrections in pencil.]""",
        "source": "APRF, f. 45, op. 1, d. 330, l. 97.",
        "archive": _APRF,
        "places": _CN,
        "subjects": _SINO_SOVIET,
    },
    11: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Shtykov reports Kim Il Sung's wish to meet Stalin to discuss the situation "
        "in the south of Korea.",
        "body": """To Comrade Stalin
Kim Il Sung told me at a reception that he cannot sleep at night thinking about the unification of the whole country. He asks to be received by Comrade Stalin.
Shtykov""",
        "source": "AVP RF, f. 059a, op. 5a, d. 3, papka 11, ll. 87-91.",
        "archive": _AVPRF,
        "places": ["Korea (North)", "Korea (South)", "Soviet Union"],
        "subjects": ["Korea (North)--Foreign relations--Soviet Union"],
        "people": ["Kim Il Sung"],
    },
    12: {
        "layout": "old_site",
        "type": "Cable",
        "br": True,
        "summary": "Stalin answers Mao Zedong's questions, through Kovalev, on the coming "
        "advance south and on relations with foreign consulates.",
        "body": """Copies: Stalin, Molotov
To Kovalev
For Mao Zedong

1. We welcome the successes of the People's Liberation Army.
2. We advise that foreign consulates in the liberated cities be treated correctly but without recognition.

Filippov""",
        "source": "APRF, f. 45, op. 1, d. 331, ll. 75-76.",
        "archive": _APRF,
        "places": _CN,
        "subjects": _SINO_SOVIET,
    },
    13: {
        "layout": "current_site",
        "type": "Telegram",
        "encoding": "utf-8",
        "declared": None,
        "bom": True,
        "summary": "Shtykov sends Gromyko and Stalin an account of the military situation after "
        "the Inchon landing.",
        "body": """To Gromyko, for Comrade Stalin
The situation on the front is very grave. Seoul cannot be held. Communication with the divisions in the south has been cut.
Kim Il Sung and Pak Heon-yeong intend to address a letter to Comrade Stalin.
Shtykov""",
        "source": "AVP RF, f. 059a, op. 5a, d. 4, papka 11, ll. 136-138.",
        "archive": _AVPRF,
        "places": ["Korea (North)", "Soviet Union"],
        "subjects": _KOREA,
        "people": ["Kim Il Sung"],
    },
    14: {
        "layout": "old_site",
        "type": "Telegram",
        "encoding": "windows-1251",
        "declared": None,
        "summary": "Stalin sends Terebin a message for Mao Zedong on the Nanjing government's "
        "request for mediation.",
        "body": """To Terebin, for Mao Zedong.
The Nanjing government has asked the Soviet government to mediate. We propose to give an answer that does not bind either side, and we ask for your opinion.
Stalin""",
        "original": """Теребину для Мао Цзэдуна.
Нанкинское правительство обратилось к советскому правительству с просьбой о посредничестве.
Сталин""",
        "original_label": "Russian HTML",
        "source": "APRF, f. 45, op. 1, d. 330, ll. 95-96.",
        "archive": _APRF,
        "places": _CN,
        "subjects": ["China--History--Civil War, 1945-1949"],
        "people": ["Mao Zedong"],
    },
    15: {
        "layout": "old_site",
        "type": "Cable",
        "summary": "Mao Zedong answers Stalin on the question of mediation in the civil war.",
        "body": """To Comrade Stalin
We consider that the Soviet government should refuse to mediate. The Guomindang wishes only to gain time.
\xa0
Mao Zedong""",
        "source": "APRF, f. 45, op. 1, d. 330, ll. 99-100.",
        "archive": _APRF,
        "places": _CN,
        "subjects": ["China--History--Civil War, 1945-1949"],
        "people": ["Chiang Kai-shek"],
    },
    16: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Terebin forwards to Kuznetsov a message from Mao Zedong to Stalin about the "
        "visit of a Soviet representative.",
        "body": """To Kuznetsov.
I transmit the following message from Mao Zedong to Comrade Stalin:
"We are glad that a member of the Politburo will come to us. We will receive him at headquarters."
Terebin""",
        "source": "APRF, f. 45, op. 1, d. 330, l. 103.",
        "archive": _APRF,
        "places": _CN,
        "subjects": _SINO_SOVIET,
        "people": ["Mao Zedong", "Stalin"],
    },
    17: {
        "layout": "old_site",
        "type": "Cable",
        "summary": "Mao Zedong writes to Stalin about the timing of the campaign north of the "
        "Yangzi.",
        "body": """To Comrade Filippov [Stalin]
The armies of the Central Plains will rest for a month. After that we will move on Nanjing. [...]
Mao Zedong""",
        "source": "APRF, f. 45, op. 1, d. 330, ll. 107-109.",
        "archive": _APRF,
        "places": _CN,
        "subjects": ["China--History--Civil War, 1945-1949"],
    },
    18: {
        "layout": "current_site",
        "type": "Cable",
        "summary": "Stalin advises Mao Zedong on the composition of a future coalition government.",
        "body": """To Comrade Mao Zedong
We do not agree that all political parties other than the Communist Party should leave the political stage. The Chinese opposition parties will be needed for a long time.
Filippov""",
        "source": "APRF, f. 39, op. 1, d. 31, ll. 33-34.",
        "archive": _APRF,
        "places": _CN,
        "subjects": ["China--Politics and government--1937-1949"],
    },
    19: {
        "layout": "old_site",
        "type": "Telegram",
        "br": True,
        "summary": "Stalin sends Krasovsky a message for Mao Zedong on the Soviet air units in "
        "the north-east.",
        "body": """Secret
To Krasovsky
For Mao Zedong

We agree with your proposal. The two air divisions will stay in Manchuria until the end of the year.

Filippov""",
        "source": "APRF, f. 45, op. 1, d. 342, l. 73.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + ["Air forces--Soviet Union"],
    },
    20: {
        "layout": "old_site",
        "type": "Telegram",
        "folder": "old/korea/1950",
        "summary": "Stalin congratulates Mao Zedong on the successes of the volunteers and "
        "replies on the supply of arms.",
        "body": """To Comrade Mao Zedong
We congratulate you on the successes of the volunteers. The arms for the new divisions will be delivered through Andong.
Filippov""",
        "source": "APRF, f. 45, op. 1, d. 336, l. 5.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA,
    },
    21: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Roshchin reports the Chinese leadership's hesitation over sending troops to "
        "Korea.",
        "body": """To Comrade Filippov [Stalin]
Zhou Enlai has left for Moscow. Before his departure Mao Zedong told me that the Politburo had again considered the question of troops.
Roshchin""",
        "source": "APRF, f. 45, op. 1, d. 335, l. 1.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + _SINO_SOVIET,
        "people": ["Zhou Enlai"],
    },
    22: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Mao Zedong informs Stalin of the Chinese decision to send volunteers to Korea.",
        "body": """To Filippov (Stalin)
We have decided to send volunteers to Korea to help the Korean comrades. Peng Dehuai will command them.
Mao Zedong""",
        "source": "APRF, f. 45, op. 1, d. 334, ll. 105-106.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA,
        "people": ["Peng Dehuai"],
    },
    23: {
        "layout": "old_site",
        "type": "Telegram",
        "summary": "Roschin reports a conversation with Mao Zedong about the course of the war "
        "in Korea.",
        "body": """To Comrade Filippov [Stalin]
Mao Zedong expressed doubt that the Korean comrades had enough reserves. He thinks the Americans will try to land in the rear.
Roschin""",
        "source": "APRF, f. 45, op. 1, d. 331, ll. 123-125.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA,
        "people": ["Mao Zedong"],
    },
    24: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Stalin tells Mao Zedong and Zhou Enlai that the Soviet Union will try to "
        "provide air cover for Chinese divisions on the border.",
        "body": """To Mao Zedong, Zhou Enlai
\xa0
We will try to provide an air division of 124 jet fighters to cover these troops.
\xa0
Flippov""",
        "source": "APRF, f. 45, op. 1, d. 331, l. 79.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA,
    },
    25: {
        "layout": "old_site",
        "type": "Letter",
        "summary": "Mao Zedong writes to Stalin, through Kovalev, about his coming visit to "
        "Moscow.",
        "body": """Comrade Filippov!
Comrade Kovalev will hand you this letter. I should like to come to Moscow in December for your birthday and to discuss a treaty.
With communist greetings,
Mao Zedong""",
        "source": "APRF, f. 45, op. 1, d. 330, l. 96.",
        "archive": _APRF,
        "places": _CN,
        "subjects": _SINO_SOVIET,
    },
    26: {
        "layout": "current_site",
        "type": "Cable",
        "summary": "Mao Zedong thanks Stalin for the recognition of the People's Republic.",
        "body": """To Comrade Filippov
The recognition of the People's Republic by the Soviet Union has made a great impression on the Chinese people.
Mao Zedong""",
        "source": "APRF, f. 45, op. 1, d. 330, l. 98.",
        "archive": _APRF,
        "places": _CN,
        "subjects": _SINO_SOVIET,
    },
    27: {
        "layout": "old_site",
        "type": "Telegram",
        "summary": "Stalin instructs Kovalev on the return of Soviet specialists from Manchuria.",
        "body": """To Kovalev
You are to prepare the return of the railway specialists by the end of the year.
Filipov""",
        "source": "APRF, f. 45, op. 1, d. 330, l. 93.",
        "archive": _APRF,
        "places": _CN,
        "subjects": ["Railroads--China"],
    },
    28: {
        "layout": "current_site",
        "type": "Telegram",
        "summary": "Gromyko tells Kovalev to stop sending reports outside the embassy's channels.",
        "body": """To Kovalev
Your reports are to be sent only through the Ministry. Confirm receipt.
Gromyko""",
        "source": "AVP RF, f. 07, op. 22, d. 220, l. 16.",
        "archive": _AVPRF,
        "places": _CN,
        "subjects": _SINO_SOVIET,
    },
    29: {
        "layout": "current_site",
        "type": "Letter",
        "summary": "Liu Shaoqi writes to Malenkov about the training of Chinese cadres in the "
        "Soviet Union.",
        "body": """Dear Comrade Malenkov!
The Central Committee of the Chinese Communist Party asks that a group of Chinese cadres be admitted to study in the Soviet Union. [1]
Liu Shaoqi
[1] The list of names was attached separately.""",
        "source": "APRF, f. 45, op. 1, d. 328, ll. 141-142.",
        "archive": _APRF,
        "places": _CN,
        "subjects": _SINO_SOVIET + ["Education--China"],
    },
    30: {
        "layout": "old_site",
        "type": "Letter",
        "summary": "Karsky writes to Miklashevsky about the translation of documents for the "
        "Chinese delegation.",
        "body": """Comrade Miklashevsky!
The translations for Comrade Liu Shaoqi will be ready on Monday.
Karsky""",
        "source": "RGASPI, f. 17, op. 128, d. 1209, l. 4.",
        "archive": ["Russian State Archive of Socio-Political History (RGASPI)"],
        "places": _CN,
        "subjects": _SINO_SOVIET,
        "people": ["Liu Shaoqi"],
    },
}

_GERMANY = ["Germany--History--Unification, 1990"]
_DE = ["Germany", "Soviet Union"]
_BARCH = ["German Federal Archives (BArch)"]

#: Further pages: the Korean War and Sino-Soviet correspondence, German unification,
#: conversations and institutional senders.
MORE_DOCS: list[dict[str, Any]] = [
    {
        "layout": "current_site",
        "title": "Ciphered Telegram, Feng Xi (Stalin) to Mao Zedong",
        "date": "June 1949",
        "sender": ["Stalin"],
        "recipient": ["Mao Zedong"],
        "type": "Telegram",
        "summary": "Stalin, writing as Feng Xi, answers Mao Zedong on the dispatch of a Chinese "
        "delegation to Moscow.",
        "body": """To Comrade Mao Zedong
We agree to receive a delegation headed by Comrade Liu Shaoqi. The delegation may travel by way of Dalian.
Feng Xi""",
        "source": "APRF, f. 45, op. 1, d. 331, l. 11.",
        "archive": _APRF,
        "places": _CN,
        "subjects": _SINO_SOVIET,
        "people": ["Liu Shaoqi"],
    },
    {
        "layout": "old_site",
        "title": "Ciphered Telegram, Shtytkov to Vyshinsky",
        "date": "1950",
        "sender": ["Shtykov"],
        "recipient": ["Vyshinsky"],
        "type": "Telegram",
        "summary": "Shtykov reports to Vyshinsky on the delivery of Soviet equipment to the "
        "Korean People's Army.",
        "body": """To Comrade Vyshinsky
The second transport of equipment has arrived in Chongjin. Unloading will be completed in four days.
Shtytkov""",
        "source": "AVP RF, f. 059a, op. 5a, d. 3, papka 11, l. 102.",
        "archive": _AVPRF,
        "places": ["Korea (North)", "Soviet Union"],
        "subjects": ["Korea (North)--Foreign relations--Soviet Union"],
    },
    {
        "layout": "current_site",
        "title": "Memorandum of Conversation between Chou En-lai and K. M. Panikkar",
        "date": "October 3, 1950",
        "participants": ["Zhou Enlai", "Panikkar"],
        "type": "Memorandum of Conversation",
        "language": ["English"],
        "summary": "Chou En-lai tells the Indian Ambassador that China will intervene if "
        "American troops cross the 38th parallel.",
        "body": """Memorandum of Conversation
Premier Chou En-lai received the Ambassador shortly after midnight.
The Premier said that if American troops crossed the 38th parallel China would not sit still. South Korean troops crossing alone would not be regarded in the same light.
The Ambassador undertook to inform his government at once.""",
        "source": "National Archives of India, Ministry of External Affairs, File 7(14)-FEA/50.",
        "archive": ["National Archives of India"],
        "places": ["China", "India", "Korea (North)", "United States"],
        "subjects": _KOREA + ["China--Foreign relations--India"],
        "people": ["Zhou Enlai (Chou En-lai)"],
    },
    {
        "layout": "old_site",
        "title": "Telegram from Chiang Kai-shek to Mao Tse-tung",
        "date": "August 14, 1945",
        "sender": ["Chiang Kai-shek"],
        "recipient": ["Mao Zedong"],
        "type": "Telegram",
        "language": ["Chinese"],
        "summary": "Chiang Kai-shek invites Mao Tse-tung to Chongqing to discuss the questions of "
        "the post-war settlement.",
        "body": """Mr. Mao Tse-tung, Yan'an:
The war of resistance has been brought to an end. Many important questions of the country await settlement. I invite you to come to the wartime capital at an early date to discuss them together.
Chiang Kai-shek""",
        "source": "Academia Historica, Chiang Kai-shek Papers.",
        "archive": ["Academia Historica"],
        "places": ["China", "Taiwan"],
        "subjects": ["China--History--Civil War, 1945-1949"],
        "people": ["Chiang Kai-shek", "Mao Zedong"],
    },
    {
        "layout": "old_site",
        "title": "Telegram from the Romanian Embassy in Geneva to the Ministry of Foreign Affairs",
        "date": "June 1954",
        "sender": ["Romanian Embassy in Geneva"],
        "recipient": ["Ministry of Foreign Affairs"],
        "type": "Telegram",
        "language": ["Romanian"],
        "summary": "The Romanian Embassy reports on the Korean session of the Geneva "
        "Conference and the positions of the Chinese and Soviet delegations.",
        "body": """Telegram no. 214
The Korean question made no progress this week. The Chinese delegation proposed supervision of all-Korean elections by neutral states; the Western delegations refused.
Comrade Zhou Enlai is expected to speak again on Tuesday. [...]
[signature]""",
        "source": "Archive of the Romanian Ministry of Foreign Affairs, Geneva/1954, file 12, "
        "pp. 33-35.",
        "archive": ["Archive of the Romanian Ministry of Foreign Affairs"],
        "places": ["Switzerland", "Romania", "Korea (North)", "China"],
        "subjects": ["Geneva Conference (1954)", "Korea--Politics and government"],
        "people": ["Zhou Enlai"],
        "folder": "old/institutions",
    },
    {
        "layout": "old_site",
        "title": "Letter from Shicai Sheng to Stalin",
        "date": "June 1934",
        "sender": ["Sheng Shicai"],
        "recipient": ["Stalin"],
        "type": "Letter",
        "language": ["Chinese", "Russian"],
        "quirks": ["name_order"],
        "summary": "The governor of Xinjiang asks Stalin for further Soviet assistance to his "
        "provincial administration.",
        "body": """Respected Comrade Stalin!
The province has been pacified with the help of the Soviet Union. I ask for advisers for the finances and the army of the province.
Sheng Shicai""",
        "source": "APRF, f. 45, op. 1, d. 326, ll. 1-3.",
        "archive": _APRF,
        "places": ["China", "Xinjiang Uygur Zizhiqu (China)", "Soviet Union"],
        "subjects": ["Xinjiang Uygur Zizhiqu (China)--Foreign relations--Soviet Union"],
    },
    {
        "layout": "current_site",
        "title": "Report from Kovalev to Stalin on the Manchurian Railways",
        "date": "1948",
        "sender": ["Kovalev"],
        "recipient": ["Stalin"],
        "type": "Report",
        "summary": "Kovalev describes the state of the railways in the north-east and the work "
        "of the Soviet railway brigade.",
        "body": """To Comrade Stalin
The brigade has restored 1,200 kilometres of track and 62 bridges.
The Chinese comrades ask for locomotives and for more specialists.
Kovalev""",
        "source": "APRF, f. 45, op. 1, d. 328, ll. 11-24.",
        "archive": _APRF,
        "places": _CN + ["Manchuria (China)"],
        "subjects": ["Railroads--China", _SINO_SOVIET[0]],
    },
    {
        "layout": "old_site",
        "title": "Note on the Exchange of Prisoners of War",
        "date": "",
        "type": "Note",
        "language": ["Chinese"],
        "summary": "An undated note sets out the positions of both sides at Panmunjom on the "
        "repatriation of prisoners of war.",
        "body": """1. The enemy insists on voluntary repatriation.
2. Our side insists on the return of all prisoners.
[handwritten: copy to Comrade Li Kenong]""",
        "source": "Archives of the Chinese Ministry of Foreign Affairs, 109-00123-01.",
        "archive": [
            "Archives of the Ministry of Foreign Affairs of the People's Republic of China"
        ],
        "places": ["Korea (North)", "Korea (South)", "China"],
        "subjects": _KOREA + ["Prisoners of war"],
        "ext": ".htm",
    },
    {
        "layout": "current_site",
        "title": "List of Soviet Advisers with the Chinese People's Volunteers",
        "date": "",
        "type": "List",
        "summary": "An undated list of the Soviet advisers attached to the headquarters of the "
        "Chinese People's Volunteers.",
        "body": """List
1. Adviser to the commander: one
2. Advisers on air defence: three
3. Advisers on the rear services: two""",
        "source": "RGASPI, f. 558, op. 11, d. 345, l. 80.",
        "archive": ["Russian State Archive of Socio-Political History (RGASPI)"],
        "places": _KR,
        "subjects": _KOREA,
    },
    {
        "layout": "current_site",
        "title": "Memorandum of Conversation between Helmut Kohl and Mikhail Gorbachev",
        "date": "February 10, 1990",
        "participants": ["Kohl", "Gorbachev"],
        "type": "Memorandum of Conversation",
        "language": ["German"],
        "encoding": "windows-1252",
        "declared": "windows-1252",
        "folder": "current/germany",
        "summary": "Kohl and Gorbachev discuss the pace of German unification and the "
        "“external aspects” that a conference of the four powers and the two German states "
        "would have to settle.",
        "body": """Ministerialdirektor Teltschik                                                                 Bonn, 12 February 1990
M e m o r a n d u m
Subject: The Chancellor’s conversation with General Secretary Gorbachev in Moscow on 10 February 1990[1]
The General Secretary said there were no differences between the Soviet Union and the Federal Republic on unity: the Germans themselves had to decide.
The Chancellor said that the “security questions” would be settled with the four powers.
[1] Prepared from notes taken during the conversation.""",
        "original": """Vermerk
Betr.: Gespräch des Bundeskanzlers mit Generalsekretär Gorbatschow am 10. Februar 1990
Der Generalsekretär erklärte, es gebe zwischen der Sowjetunion und der Bundesrepublik keine Meinungsverschiedenheiten über die Einheit. Die Deutschen müßten selbst entscheiden.
Der Bundeskanzler sagte, die „Sicherheitsfragen“ würden mit den vier Mächten geregelt.""",
        "original_label": "German Original",
        "source": "BArch, B 136/29962, 2-15.",
        "archive": _BARCH,
        "places": _DE,
        "subjects": _GERMANY + ["Germany--Foreign relations--Soviet Union"],
        "people": ["Teltschik"],
    },
    {
        "layout": "old_site",
        "title": "Record of Conversation between Mikhail Gorbachev and Hans Modrow on 30 "
        "January 1990",
        "date": "January 30, 1990",
        "participants": ["Gorbachev", "Modrow"],
        "type": "Memorandum of Conversation",
        "language": ["German", "Russian"],
        "encoding": "latin-1",
        "declared": "iso-8859-1",
        "summary": "Modrow tells Gorbachev that the majority in the GDR no longer supports "
        "two German states, and presents his plan for a stepwise approach to unity.",
        "body": """Gorbachev: We have to think about what the Germans want. Nobody questions unification in principle.
Modrow: The majority of the population no longer supports the idea of two German states. I will present a plan for a step-by-step approach, "Deutschland, einig Vaterland".
Gorbachev: The process must not be rushed. [...]""",
        "original": """Modrow: Die Mehrheit der Bevölkerung unterstützt die Idee von zwei deutschen Staaten nicht mehr.
Gorbatschow: Man darf den Prozeß nicht überstürzen. Über die Einheit entscheiden die Deutschen.""",
        "original_label": "German HTML",
        "source": "SAPMO-BArch, DY 30/IV 2/2.039/329.",
        "archive": ["Foundation Archives of Parties and Mass Organizations of the GDR (SAPMO)"],
        "places": ["Germany (East)", "Soviet Union"],
        "subjects": _GERMANY,
        "folder": "old/germany/1990",
    },
    {
        "layout": "current_site",
        "title": "Telegram from the Soviet Embassy in Bonn to the Ministry of Foreign Affairs "
        "of the USSR",
        "date": "November 1989",
        "sender": ["Soviet Embassy in Bonn"],
        "recipient": ["Ministry of Foreign Affairs of the USSR"],
        "type": "Telegram",
        "mojibake": True,
        "declared": "utf-8",
        "folder": "current/germany",
        "summary": "The Embassy reports the reactions in Bonn to the opening of the Berlin Wall "
        "and Außenminister Genscher’s “ten points” of caution.",
        "body": """Urgent
The opening of the border in Berlin has produced a wave of enthusiasm in the Federal Republic. Außenminister Genscher spoke of “a day of joy” but warned against any change of borders.
Chancellor Kohl’s circle (Teltschik, Schäuble) is preparing a programme of steps toward confederation.
[signature]""",
        "source": "AVP RF, f. 757gb, op. 34, d. 8, ll. 41-44.",
        "archive": _AVPRF,
        "places": ["Germany (West)", "Germany (East)", "Soviet Union"],
        "subjects": _GERMANY,
        "people": ["Genscher", "Kohl", "Teltschik"],
    },
    {
        "layout": "old_site",
        "title": "Memorandum of Conversation between George Bush and Helmut Kohl at Camp David",
        "date": "February 24, 1990",
        "participants": ["Bush", "Kohl"],
        "type": "Memorandum of Conversation",
        "language": ["English"],
        "declared": None,
        "summary": "Bush and Kohl agree that a united Germany should remain a full member of "
        "NATO and discuss the Polish border.",
        "body": """MEMORANDUM OF CONVERSATION
SUBJECT: Meeting with Chancellor Helmut Kohl of the Federal Republic of Germany
The President said that a united Germany should stay in NATO, with special arrangements for the territory of the GDR.
The Chancellor said the question of the Polish border would be settled by a freely elected all-German parliament.
\xa0""",
        "source": "George H. W. Bush Presidential Library, Memcons and Telcons.",
        "archive": ["George H. W. Bush Presidential Library"],
        "places": ["United States", "Germany (West)", "Poland"],
        "subjects": _GERMANY + ["North Atlantic Treaty Organization"],
        "classification": "Secret",
    },
    {
        "layout": "current_site",
        "title": "Letter from Hans-Dietrich Genscher to James Baker",
        "date": "April 1990",
        "sender": ["Genscher"],
        "recipient": ["Baker"],
        "type": "Letter",
        "language": ["German"],
        "encoding": "latin-1",
        "declared": None,
        "summary": "Genscher sets out for Baker the West German view of the agenda of the "
        "Two-plus-Four talks.",
        "body": """Dear Jim,
After our talks in Washington I should like to set out our view of the agenda for the first meeting of the Two-plus-Four. The questions of borders, of the alliance and of the forces of the four powers must be treated together.
The Außenministerium will send the draft to the Département in Paris as well: the French side has asked to be kept informed.
Yours, Hans-Dietrich""",
        "source": "Politisches Archiv des Auswärtigen Amts, B 1, ZA 178.928.",
        "archive": ["Political Archive of the Federal Foreign Office"],
        "places": ["Germany (West)", "United States", "France"],
        "subjects": _GERMANY,
    },
    {
        "layout": "old_site",
        "title": "Memorandum from Teltschik to Kohl on the Two-plus-Four Talks",
        "date": "1990",
        "sender": ["Teltschik"],
        "recipient": ["Kohl"],
        "type": "Memorandum",
        "language": ["German"],
        "summary": "Teltschik advises the Chancellor on the sequence of the Two-plus-Four "
        "meetings.",
        "body": """To the Chancellor
Recommendation: the final document should be signed before the CSCE summit.
(Teltschik)""",
        "source": "BArch, B 136/29963, 1-3.",
        "archive": _BARCH,
        "places": ["Germany (West)"],
        "subjects": _GERMANY,
        "folder": "old/germany/1990",
    },
    {
        "layout": "current_site",
        "title": "Record of Conversation between Eduard Shevardnadze and James Baker on 5 May 1990",
        "date": "May 7, 1990",
        "participants": ["Shevardnadze", "Baker"],
        "type": "Memorandum of Conversation",
        "summary": "Shevardnadze and Baker discuss the first Two-plus-Four meeting in Bonn. "
        "Shevardnadze proposes separating the internal and external aspects of unification.",
        "body": """M e m o r a n d u m
Shevardnadze said the internal and external aspects of unification could be separated in time.
Baker said that would leave Germany with a limited sovereignty.
Copies of the record may be requested from the editors at [email protected].""",
        "source": "Archive of the Gorbachev Foundation, f. 1, op. 1.",
        "archive": ["Gorbachev Foundation Archive"],
        "places": ["Soviet Union", "United States", "Germany"],
        "subjects": _GERMANY,
        "folder": "current/germany",
    },
    {
        "layout": "current_site",
        "title": "Telegram from the Polish Embassy in Beijing to the Ministry of Foreign Affairs",
        "date": "December 12, 1950",
        "sender": ["Polish Embassy in Beijing"],
        "recipient": ["Ministry of Foreign Affairs"],
        "type": "Telegram",
        "language": ["Polish"],
        "summary": "The Polish Embassy reports Chinese views on the war in Korea after the "
        "volunteers' second offensive.",
        "body": """Cipher telegram no. 87
Chinese officials are confident after the retreat of the Americans from the Yalu. They speak of driving them from Korea by spring.
\xa0
Contact with the Soviet Embassy is close. [...]""",
        "source": "AMSZ, z. 11, w. 6, t. 95.",
        "archive": ["Archive of the Ministry of Foreign Affairs, Poland"],
        "places": ["China", "Poland", "Korea (North)"],
        "subjects": _KOREA,
    },
    {
        "layout": "old_site",
        "title": "Report from the Hungarian Legation in Pyongyang to the Hungarian Foreign "
        "Ministry",
        "date": "January 8, 1953",
        "sender": ["Hungarian Legation in Pyongyang"],
        "recipient": ["Hungarian Foreign Ministry"],
        "type": "Report",
        "language": ["Hungarian"],
        "summary": "The Hungarian Legation describes conditions in Pyongyang in the winter of "
        "the war's third year.",
        "body": """The capital has been bombed almost every night. Ministries work in shelters outside the city.
The population is short of fuel and grain.
[signature]""",
        "source": "MNL OL, XIX-J-1-j Korea, 1953, 11. doboz.",
        "archive": ["National Archives of Hungary"],
        "places": ["Korea (North)", "Hungary"],
        "subjects": _KOREA,
        "folder": "old/institutions",
    },
    {
        "layout": "old_site",
        "title": "Record of Conversation between I.V. Stalin and Zhou Enlai on 20 August 1952",
        "date": "August 20, 1952",
        "participants": ["Stalin", "Zhou Enlai"],
        "type": "Memorandum of Conversation",
        "summary": "Stalin and Zhou Enlai discuss the armistice talks, Chinese economic plans "
        "and the future of the Changchun railway.",
        "body": """Present: Molotov, Vyshinsky; on the Chinese side, Chen Yun and Li Fuchun.
Stalin asked how Mao Zedong judged the armistice talks.
Zhou Enlai answered that the Chairman believed the Americans would give way on the question of prisoners.
Stalin said that one must be firm but not close the door.""",
        "source": "APRF, f. 45, op. 1, d. 329, ll. 54-72.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + _SINO_SOVIET,
        "people": ["Molotov", "Vyshinsky", "Mao Zedong"],
        "folder": "old/korea/1952",
    },
    {
        "layout": "current_site",
        "title": "Cable, Mao Zedong to Stalin",
        "date": "January 14, 1949",
        "sender": ["Mao Zedong"],
        "recipient": ["Stalin"],
        "type": "Cable",
        "summary": "Mao Zedong replies to Stalin on the answer to be given to the Nanjing "
        "government.",
        "body": """To Comrade Stalin
We agree with the text of your answer. Our own statement will be published tomorrow.
Mao Zedong""",
        "source": "APRF, f. 45, op. 1, d. 330, ll. 110-111.",
        "archive": _APRF,
        "places": _CN,
        "subjects": ["China--History--Civil War, 1945-1949"],
    },
    {
        "layout": "current_site",
        "title": "Cable, Mao Zedong to Stalin",
        "date": "March 1949",
        "sender": ["Mao Zedong"],
        "recipient": ["Stalin"],
        "type": "Cable",
        "summary": "Mao Zedong informs Stalin of the decisions of the plenum of the Central "
        "Committee.",
        "body": """To Comrade Stalin
The plenum has approved the move of the Central Committee to Beiping.
Mao Zedong""",
        "source": "APRF, f. 45, op. 1, d. 331, ll. 3-4.",
        "archive": _APRF,
        "places": _CN,
        "subjects": ["China--Politics and government--1937-1949"],
    },
    {
        "layout": "old_site",
        "title": "Letter from Kim Il Sung to Mao Tse-tung",
        "date": "July 1951",
        "sender": ["Kim Il Sung"],
        "recipient": ["Mao Zedong"],
        "type": "Letter",
        "language": ["Korean"],
        "summary": "Kim Il Sung asks Mao Tse-tung for advice on the opening of armistice talks "
        "at Kaesong.",
        "body": """Dear Comrade Mao Tse-tung!
The enemy has agreed to meet at Kaesong. We ask your advice on the composition of our delegation.
Kim Il Sung""",
        "source": "APRF, f. 45, op. 1, d. 339, l. 31.",
        "archive": _APRF,
        "places": _KR,
        "subjects": _KOREA + ["Korean War, 1950-1953--Armistices"],
        "folder": "old/korea/1951",
    },
    {
        "layout": "old_site",
        "title": "Telegram from the Governer of Xinjiang to the Soviet Consul General in Urumqi",
        "date": "1944",
        "sender": ["Governor of Xinjiang"],
        "recipient": ["Soviet Consul General in Urumqi"],
        "type": "Telegram",
        "language": ["Chinese"],
        "summary": "The provincial government asks the Soviet consulate to explain the "
        "withdrawal of Soviet specialists from the province.",
        "body": """To the Consul General of the USSR
The provincial government requests an explanation of the departure of the Soviet specialists from Dushanzi.
[signature]""",
        "source": "AVP RF, f. 0100, op. 32, d. 9, l. 17.",
        "archive": _AVPRF,
        "places": ["Xinjiang Uygur Zizhiqu (China)", "Soviet Union"],
        "subjects": ["Xinjiang Uygur Zizhiqu (China)--Foreign relations--Soviet Union"],
        "ext": ".htm",
        "folder": "old/xinjiang",
    },
]

#: Pages without the archive's layout: a reader still takes a title and a body from them.
GENERIC_PAGES: list[dict[str, Any]] = [
    {
        "file": "generic/reading-guide-sino-soviet-alliance.html",
        "encoding": "utf-8",
        "declared": "utf-8",
        "title": "A Reading Guide to the Sino-Soviet Alliance, 1949-1950",
        "paragraphs": [
            "The treaty of February 1950 was negotiated over two months in Moscow. The "
            "telegrams between Mao Zedong and “Filippov” show how slowly the terms took shape.",
            "Readers new to the material should begin with the conversations of December 1949 "
            "and the exchanges about the Changchun railway.",
            "Japanese records of the period, such as those of the Satō years, belong to a later "
            "chapter.",
        ],
    },
    {
        "file": "generic/notes/korean-armistice-chronology.htm",
        "encoding": "windows-1252",
        "declared": None,
        "title": "Notes on the Korean Armistice: A Chronology",
        "paragraphs": [
            "July 1951: talks open at Kaesong; the “line of contact” becomes the first dispute.",
            "1952: the prisoner question stalls the talks at Panmunjom for most of the year.",
            "July 1953: the armistice is signed; the régime of the demilitarised zone begins.",
        ],
    },
    {
        "file": "generic/two-plus-four-bibliography.html",
        "encoding": "latin-1",
        "declared": "iso-8859-1",
        "title": "Two-plus-Four: A Short Bibliography",
        "paragraphs": [
            "Documents on the external aspects of unification: the Außenministerium's files, "
            "the Chancellery's Vermerke and the Soviet records of conversations.",
            "For the French view see the notes of the Quai d'Orsay, résumés of which were "
            "circulated to Bonn.",
            "Entries on the Grenzvertrag with Poland and on the Zwei-plus-Vier-Vertrag follow.",
        ],
    },
]


# ----------------------------------------------------------------------------------- writing


def all_samples(corpus: Path) -> list[Sample]:
    """Every sample page, in manifest order."""
    samples = real_pages(corpus) + seed_pages(corpus) + [transcript_page(corpus)]
    samples += authored_pages(corpus)
    files = [s.file for s in samples]
    if len(files) != len(set(files)):
        raise ValueError("two samples share a file name")
    return samples


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
    for sample in samples:
        target = out / sample.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sample.data())
    manifest = [s.entry() for s in samples]
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.build", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    samples = all_samples(args.corpus)
    write(samples, args.out)
    print(f"wrote {len(samples)} pages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
