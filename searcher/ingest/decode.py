"""Page bytes to text: BOM, then the declared charset checked against the bytes, then
detection, then repair of double-encoded UTF-8.

>>> decode("Sat\u014d".encode()).text
'Satō'
>>> decode("<meta charset=windows-1252>caf\u00e9".encode("cp1252")).method
'declared'
"""

from __future__ import annotations

import codecs
import functools
import gzip
import re
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

from searcher.errors import IngestError

#: Bytes searched for a declared charset.
DECLARATION_WINDOW = 4096
#: Detector guesses tried, best first, before the common code pages.
MAX_CANDIDATES = 4
#: Bytes handed to the detector at most.
DETECTOR_SAMPLE = 16384

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data that was not unpacked"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""",
    re.IGNORECASE,
)
# Control bytes that never occur in text (tab, newlines, form feed and ESC excluded).
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
# Declared names that mean another codec on the web (WHATWG encoding labels).
_WEB_NAMES = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
}
_WESTERN = frozenset({"cp1252", "iso8859-15", "cp1250", "iso8859-2", "cp1254", "mac-roman"})
_CYRILLIC = frozenset({"cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866", "mac-cyrillic"})


@dataclass(frozen=True)
class Decoded:
    """Text of a page, with the codec that gave it and how that codec was chosen.

    method: ``ascii`` (pure ASCII), ``bom``, ``declared``, ``detected`` or ``repaired``
    (double-encoded UTF-8 undone after decoding with ``encoding``).
    """

    text: str
    encoding: str
    method: str


def _undefined_as_latin1(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes a single-byte codec leaves undefined read as Latin-1."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 inside UTF-8 text read as cp1252."""
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", "searcher-latin1"), exc.end


codecs.register_error("searcher-latin1", _undefined_as_latin1)
codecs.register_error("searcher-cp1252", _stray_as_cp1252)


@functools.lru_cache(maxsize=256)
def _canonical(name: str) -> str | None:
    """Python's codec name for a charset label, mapped as browsers map it.

    None if unknown or not ASCII-compatible (EBCDIC): pages are markup in ASCII.
    """
    try:
        found = codecs.lookup(name.strip().lower()).name
        if found.startswith("utf-16") or found.startswith("utf-32"):
            return "utf-8"
        if b"<p> az".decode(found) != "<p> az":
            return None
    except (LookupError, ValueError, UnicodeDecodeError):
        return None
    return _WEB_NAMES.get(found, found)


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(f"not a text page: {what}")
    sample = data[:65536]
    nuls = sample.count(0)
    if nuls > max(2, len(sample) // 1000):
        raise IngestError(f"not a text page: binary data ({nuls} NUL bytes)")
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > max(8, len(sample) // 20):
        raise IngestError(f"not a text page: binary data ({controls} control bytes)")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL pattern says so (ASCII-range text, no BOM)."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _declared(data: bytes) -> str | None:
    match = _DECLARED.search(data, 0, DECLARATION_WINDOW)
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    return _canonical(label)


#: What stands for a character cut off at the end of a page (a dump cut at a byte count).
CUT_CHARACTER = "\ufffd"


def _cut_tail(data: bytes) -> int:
    """How many bytes at the end start a UTF-8 sequence the page stops in the middle of."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return 0
        if byte >= 0xC0:  # a lead byte: does the sequence it starts end within the page?
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return back if needed > back else 0
    return 0


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text, allowing a few stray cp1252 bytes (pages stitched from two encodings,
    a sequence cut off at the end, which reads as :data:`CUT_CHARACTER`)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    cut = _cut_tail(data)
    if cut:  # pages cut at a byte count; a single-byte page ends on markup or a line end
        try:
            return data[:-cut].decode("utf-8") + CUT_CHARACTER
        except UnicodeDecodeError:
            pass
    # counted in C first (a lone surrogate per stray byte): text in a single-byte code page
    # has a stray byte for every non-ASCII character, and is turned down without a call
    # of the handler for each
    escaped = data.decode("utf-8", "surrogateescape")
    stray = len(escaped) - len(data.decode("utf-8", "ignore"))
    saved = len(data) - len(escaped)  # grows with every multi-byte UTF-8 sequence
    return data.decode("utf-8", "searcher-cp1252") if saved >= 4 * max(stray, 1) else None


_C1 = re.compile("[\x80-\x9f]")


def _decode_single(data: bytes, encoding: str) -> str | None:
    """Text in ``encoding``, or None if the bytes are not that encoding's text."""
    handler = "searcher-latin1" if encoding == "cp1252" else "strict"
    try:
        text = data.decode(encoding, handler)
    except (UnicodeDecodeError, LookupError):
        return None
    controls = len(_C1.findall(text, 0, 200000))
    return None if controls > 4 and controls * 100 > len(text) else text


def _sample(data: bytes) -> bytes:
    """The non-ASCII-rich parts of the page, bounded: what the detector needs to see."""
    if len(data) <= DETECTOR_SAMPLE:
        return data
    parts: list[bytes] = []
    size = 0
    last_end = 0
    for match in _NON_ASCII_RUN.finditer(data):
        start = max(match.start() - 24, last_end)
        end = min(match.end() + 24, len(data))
        if start >= end:
            continue
        parts.append(data[start:end])
        size += end - start
        last_end = end
        if size >= DETECTOR_SAMPLE:
            break
    return b" ".join(parts)


def _detect(data: bytes) -> list[str]:
    """Candidate codecs from chardet, best first."""
    import chardet

    candidates = []
    for guess in chardet.detect_all(_sample(data)):
        name = guess.get("encoding")
        codec = _canonical(name) if name else None
        if codec and codec not in candidates:
            candidates.append(codec)
    return candidates


#: Non-letters common in real text of any European script.
_COMMON_SIGNS = frozenset("\xa0“”‘’‚„–—…«»°§€£¥©®™·•×±¹²³¼½¾¡¿¦¨¯´¸ˆ˜‹›†‡‰№")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")
#: A word this long in a Latin-script language always has a plain ASCII letter.
_NO_LATIN_WORD = 5


def _all_latin(word: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in word)


def _implausible(text: str, encoding: str) -> bool:
    """Whether single-byte text reads like the wrong code page.

    Latin text has a few accented letters among many plain ones; Cyrillic text read as
    Western gives almost nothing but accented letters, and Western text read as Cyrillic
    gives words mixing the two alphabets.
    """
    sample = text[:200000]
    non_ascii = _NON_ASCII_CHAR.findall(sample)
    if len(non_ascii) < 8:
        return False
    odd = sum(1 for c in non_ascii if not c.isalpha() and c not in _COMMON_SIGNS)
    if odd * 5 > len(non_ascii):
        return True
    words = _LETTER_WORD.findall(sample)
    if not words:
        return False
    accented = mixed = considered = long_accented = 0
    for word in words:
        if word.isascii():
            continue
        considered += 1
        has_ascii = any(c.isascii() for c in word)
        if not has_ascii and len(word) >= _NO_LATIN_WORD and _all_latin(word):
            long_accented += 1
        if encoding in _WESTERN and not has_ascii:
            accented += 1
        elif encoding in _CYRILLIC and has_ascii:
            mixed += 1
    if long_accented and long_accented * 2 >= considered:
        return True  # words of accented Latin letters only: another alphabet, misread
    if considered < 3:
        return False
    if encoding in _WESTERN:
        return accented > 0.5 * considered
    return mixed > 0.3 * considered


def _from_detector(data: bytes) -> tuple[str, str]:
    """The first detector candidate whose text reads plausibly (common code pages last)."""
    for codec in [*_detect(data)[:MAX_CANDIDATES], "cp1251", "cp1252"]:
        text = _mostly_utf8(data) if codec == "utf-8" else _decode_single(data, codec)
        if text is None:
            continue
        if codec == "utf-8" or not _implausible(text, codec):
            return text, codec
    raise IngestError("text in no encoding that explains its bytes")


_MOJIBAKE_CONT = "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"  # noqa: E501
_MOJIBAKE = re.compile(
    f"[\xc2-\xdf][{_MOJIBAKE_CONT}]"
    f"|[\xe0-\xef][{_MOJIBAKE_CONT}]{{2}}"
    f"|[\xf0-\xf4][{_MOJIBAKE_CONT}]{{3}}"
)


def _as_cp1252_bytes(chars: str) -> bytes:
    return bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in chars)


def _fix_sequence(match: re.Match[str]) -> str:
    try:
        return _as_cp1252_bytes(match.group()).decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was read as cp1252/Latin-1 ("SatÅ\\x8d" -> "Satō", "â€™" -> "’").

    Only sequences that decode as UTF-8 are changed, so correct text is left alone.
    """
    for _ in range(3):  # text can be double-encoded more than once
        fixed = _MOJIBAKE.sub(_fix_sequence, text)
        if fixed == text:
            break
        text = fixed
    return text


#: The start of any mojibake sequence; one cheap scan rules most pages out.
_MOJIBAKE_START = re.compile(f"[\xc2-\xf4][{_MOJIBAKE_CONT}]")


def _looks_double_encoded(text: str) -> bool:
    """Whether mojibake sequences make up most of the text's non-ASCII characters."""
    if text.isascii() or not _MOJIBAKE_START.search(text):
        return False
    covered = 0
    for match in _MOJIBAKE.finditer(text):
        if _fix_sequence(match) != match.group():
            covered += len(match.group())
    if not covered:
        return False
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return covered * 2 >= non_ascii


def _finish(text: str, encoding: str, method: str) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("empty page: only whitespace")
    if _looks_double_encoded(text):
        return Decoded(repair_mojibake(text), encoding, "repaired")
    return Decoded(text, encoding, method)


def decode(data: bytes) -> Decoded:
    """Decode page bytes to text, or raise IngestError for empty or binary input."""
    if not data:
        raise IngestError("empty page: no bytes")
    if data.isascii():
        _refuse_binary(data)
        return _finish(data.decode("ascii"), "ascii", "ascii")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom) :].decode(codec), codec, "bom")
            except UnicodeDecodeError:
                data = data[len(bom) :]
                break
    wide = _utf16_without_bom(data)
    if wide:
        try:
            return _finish(data.decode(wide), wide, "detected")
        except UnicodeDecodeError:
            pass
    _refuse_binary(data)
    utf8 = _mostly_utf8(data)
    declared = _declared(data)
    if declared == "utf-8" and utf8 is not None:
        return _finish(utf8, "utf-8", "declared")
    if utf8 is not None:  # a single-byte declaration on valid UTF-8 is almost surely wrong
        return _finish(utf8, "utf-8", "detected")
    if declared and declared != "utf-8":
        text = _decode_single(data, declared)
        if text is not None and not _implausible(text, declared):
            return _finish(text, declared, "declared")
    text, codec = _from_detector(data)
    return _finish(text, codec, "detected")


def read_page(path: str | Path, *, max_bytes: int = 20 * 1024 * 1024) -> bytes:
    """Read a page file's bytes, unpacking gzip; refuse files larger than ``max_bytes``.

    The limit applies to the unpacked size, and unpacking stops as soon as it is passed.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(f"page is {size} bytes, over the limit of {max_bytes}")
        with path.open("rb") as handle:
            head = handle.read(2)
            handle.seek(0)
            data = handle.read(max_bytes + 1) if head != b"\x1f\x8b" else _gunzip(handle, max_bytes)
    except IngestError:
        raise
    except IsADirectoryError:
        raise IngestError("is a folder, not a page") from None
    except OSError as exc:
        raise IngestError(f"cannot read page: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise IngestError(f"page grew over the limit of {max_bytes} bytes while read")
    return data


def _gunzip(handle, max_bytes: int) -> bytes:  # noqa: ANN001 - a binary file object
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.GzipFile(fileobj=handle) as unpacked:
            while chunk := unpacked.read(1 << 16):
                total += len(chunk)
                if total > max_bytes:
                    raise IngestError(f"page unpacks to over the limit of {max_bytes} bytes")
                chunks.append(chunk)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise IngestError(f"damaged gzip file: {exc}") from None
    return b"".join(chunks)
