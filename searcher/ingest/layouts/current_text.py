"""Text saved from a current-site document page (a browser copy or a text scraper).

Its order: "Skip to content" (optional; a copy may also start with the end of another
document's teaser), the date, the title, the credits line, the body (which may open with
the title again, with the date), the summary, lists such as "Author(s):", then "Document
Information": labels ("Source", "Rights", "Original Uploaded Date", "Type", "Language",
"Record ID"...) each followed by its value, if it has one.  The page ends at the last
label; one that stops before "Record ID" was cut short.
"""

from __future__ import annotations

import re

from searcher.ingest.layouts.html_text import assign, label_key, squeeze, tidy
from searcher.ingest.layouts.old_site import (
    ADDRESS,
    CREDITS_LINE,
    DATE_LINE,
    body_after_chrome,
    chrome_key,
    is_chrome,
)
from searcher.ingest.page import Page

SKIP_LINK = "skip to content"
INFORMATION = "document information"
#: Headings of the lists between the summary and the document information.
LIST_HEADINGS = frozenset(
    label_key(h)
    for h in (
        "Author(s)",
        "Associated People & Organizations",
        "Associated Places",
        "Subjects Discussed",
        "Document Contributors",
        "Recipient(s)",
    )
)
#: Labels of the document information block, by their looked-up form.
INFO_LABELS = {
    label_key(h): h
    for h in (
        "Source",
        "Original Archive",
        "Rights",
        "Original Uploaded Date",
        "Original Upload Date",
        "Type",
        "Language",
        "Languages",
        "Record ID",
        "Original Classification",
        "Donors",
        "Collection",
        "Collections",
    )
}
#: Headings of other documents' teasers: what follows is not this document's.
ELSEWHERE = frozenset(("related documents", "related content"))
_DISPLAYED = ("author(s):", "associated people", "associated places", "subjects discussed",
              "document contributors", "document information")  # fmt: skip
_RIGHTS = re.compile(r"welcomes reuse|rights status|copyright|rights holders", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us|me)\b")
#: A longer line before the date is another document's summary, not this one's title.
MAX_TITLE = 200
#: A summary is a sentence at least (a signature or a number closes a body).
MIN_SUMMARY_WORDS = 6
#: A label and its value on one line: "Record ID: 113346", "Type<tab>Telegram".
_INLINE_LABEL = re.compile(r"^([^:\t]{2,40}?)\s*(?::|\t)\s*(\S.*)$")
#: A summary is one paragraph of about this many characters at most.
MAX_SUMMARY = 1500


def is_dump(lines: list[str]) -> bool:
    """Whether text lines read as a current-site page: the skip link first, a date among
    the first lines, or the document information block."""
    first = [chrome_key(x) for x in lines[:40] if x.strip()][:3]
    return (
        first[:1] == [SKIP_LINK]
        or any(DATE_LINE.match(x) for x in first)
        or any(chrome_key(x) == INFORMATION for x in lines)
    )


def _key(line: str) -> str:
    return label_key(squeeze(line)) if len(line) <= 80 else ""


def _is_label(key: str) -> bool:
    return key in LIST_HEADINGS or key in INFO_LABELS or key == INFORMATION or key in ELSEWHERE


def _labelled(line: str) -> tuple[str, str]:
    """A line's label (looked-up form) and the value on the same line, if it is a label."""
    key = _key(line)
    if _is_label(key):
        return key, ""
    inline = _INLINE_LABEL.match(line.strip()) if len(line) < 4000 else None
    if inline and _is_label(label_key(inline.group(1))):
        return label_key(inline.group(1)), inline.group(2)
    return "", ""


def _meta_start(lines: list[str], start: int) -> int | None:
    """Where the lists or the document information begin (a cut heading counts)."""
    for i in range(start, len(lines)):
        key = _labelled(lines[i])[0]
        if key and (key in LIST_HEADINGS or key == INFORMATION or key in ELSEWHERE):
            return i
    last = max((i for i in range(start, len(lines)) if lines[i].strip()), default=None)
    if last is not None:
        tail = squeeze(lines[last]).lower()
        if len(tail) >= 4 and any(h.startswith(tail) for h in _DISPLAYED):
            return last
    return None


def _after_teaser(lines: list[str], i: int, page: Page) -> int:
    """Where the page's own date stands: past an address line and past up to two sentences
    (the end of another document's teaser) that come before a date line."""
    seen: list[int] = []
    j = i
    while j < len(lines) and len(seen) < 4:
        line = squeeze(lines[j])
        if line:
            if DATE_LINE.match(chrome_key(line)):
                for k in seen:
                    if ADDRESS.fullmatch(squeeze(lines[k])):
                        page.url = page.url or squeeze(lines[k])
                return j
            sentence = line.endswith((".", "!", "?")) or len(line) > MAX_TITLE
            if not (ADDRESS.fullmatch(line) or sentence):
                break
            seen.append(j)
        j += 1
    return i


def read_meta(lines: list[str], page: Page) -> bool:
    """Fill ``page`` from lines of lists and document information; True if they reach
    "Record ID"."""
    return _read_meta(lines, page)


def meta_start(lines: list[str]) -> tuple[int | None, bool]:
    """Where lists or document information begin among body lines, if they do, and
    whether the line there is a heading cut short."""
    at = _meta_start(lines, 0)
    return at, at is not None and not _is_label(_labelled(lines[at])[0])


def _is_summary(paragraph: str) -> bool:
    return (
        len(paragraph.split()) >= MIN_SUMMARY_WORDS
        and len(paragraph) <= MAX_SUMMARY
        and "\n" not in paragraph
        and not _FIRST_PERSON.search(paragraph)
    )


def _read_meta(lines: list[str], page: Page) -> bool:
    """Fill labelled values from the lists and the document information; True if the
    block reaches "Record ID"."""
    label = ""
    values: list[str] = []
    reached_end = False

    def flush() -> None:
        paragraphs = tidy("\n".join(values)).split("\n\n") if values else []
        if label in ELSEWHERE:
            return
        if label in ("", INFORMATION):  # unlabelled: the source, then the rights notice
            for text in (" ".join(x.split()) for p in paragraphs for x in p.split("\n")):
                if page.source or page.rights or _RIGHTS.search(text):
                    page.rights = f"{page.rights} {text}".strip()
                else:
                    page.source = text
        elif label in ("source", "rights", "original classification"):
            assign(page, label, [" ".join(" ".join(paragraphs).split())])
        else:  # as the page writes the label: one it does not name goes to ``extra``
            shown = INFO_LABELS.get(label, label)
            assign(page, shown, [x for p in paragraphs for x in p.split("\n")])

    for line in lines:
        key, value = _labelled(line)
        if _is_label(key):
            flush()
            label, values = key, [value] if value else []
            reached_end = reached_end or key == "record id"
        else:
            values.append(line)
    flush()
    return reached_end


def parse(text: str, page: Page) -> bool:
    """Fill ``page`` from a current-site text dump; False if the text is not one.

    Sets url, date, title, credits, body, summary, the labelled values and ``partial``
    when the page stops before its document information ends.
    """
    lines = text.split("\n")
    if not is_dump(lines):
        return False
    i = 0
    while i < len(lines) and (not lines[i].strip() or is_chrome(lines[i])):
        i += 1
    i = _after_teaser(lines, i, page)
    if i < len(lines) and DATE_LINE.match(chrome_key(lines[i])):
        page.date = squeeze(lines[i])
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    meta = _meta_start(lines, i)
    if i < len(lines) and i != meta:
        page.title = squeeze(lines[i])
        i += 1
        after = next((j for j in range(i, min(len(lines), i + 3)) if lines[j].strip()), None)
        if not page.date and after is not None and DATE_LINE.match(chrome_key(lines[after])):
            page.date, i = squeeze(lines[after]), after + 1  # the date below the title
    end = meta if meta is not None else len(lines)
    body = [x for x in lines[i:end]]
    for j, line in enumerate(body):
        if line.lstrip()[:4] in ("This", "THIS") and CREDITS_LINE.match(chrome_key(line)):
            page.credits = page.credits or squeeze(line)
            body[j] = ""
    first = next((j for j, x in enumerate(body) if x.strip()), None)
    if first is not None and page.title:
        line = squeeze(body[first])
        rest = line[len(page.title) :].strip(" ,;:-–")
        dated = bool(rest) and bool(DATE_LINE.match(rest.split(",")[0].strip()))
        if dated and line.lower().startswith(page.title.lower()):
            body[first] = ""  # the title again, with the date (the title alone is a heading)
    text_body = body_after_chrome([x for x in body if not is_chrome(x) or len(x) > 80])
    if meta is not None:
        paragraphs = text_body.split("\n\n") if "\n\n" in text_body else text_body.split("\n")
        if len(paragraphs) > 1 and _is_summary(paragraphs[-1]):
            page.summary = paragraphs[-1]
            text_body = (
                "\n\n".join(paragraphs[:-1]) if "\n\n" in text_body else "\n".join(paragraphs[:-1])
            )
    page.body = tidy(text_body)
    if meta is not None and not _is_label(_labelled(lines[meta])[0]):  # a heading cut short
        meta = len(lines)
    whole = meta is not None and _read_meta(lines[meta:], page)
    if not whole:
        page.partial = True
        page.extra.setdefault("cut", "the text stops before the document information ends")
    return True
