"""Decoding page bytes: BOMs, declared and undeclared charsets, lies, mojibake, refusals."""

from __future__ import annotations

import codecs
import gzip

import pytest

from searcher.errors import IngestError
from searcher.ingest.decode import CUT_CHARACTER, decode, read_page, repair_mojibake

RUSSIAN = (
    "<p>Советский Союз и Китайская Народная Республика подписали договор о дружбе, "
    "союзе и взаимной помощи. Товарищ Мао Цзэдун прибыл в Москву.</p>"
)
FRENCH = (
    "<p>Le président a déclaré que la République française était prête à négocier "
    "avec le gouvernement chinois. Ça reste à voir, répondit le ministre.</p>"
)
JAPANESE = "<p>佐藤栄作首相と蒋経国国防部長の会談の要点について報告する。</p>"


def meta(charset: str) -> str:
    return f'<html><head><meta charset="{charset}"></head><body>'


@pytest.mark.parametrize(
    ("text", "codec"),
    [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (FRENCH, "cp1252"), (RUSSIAN, "utf-8")],
)
def test_undeclared_encodings_are_detected(text: str, codec: str) -> None:
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.method == "detected"


@pytest.mark.parametrize(
    ("page", "codec", "declared"),
    [
        (meta("windows-1251") + RUSSIAN, "cp1251", "cp1251"),
        (meta("utf-8") + FRENCH, "utf-8", "utf-8"),
        (meta("shift_jis") + JAPANESE, "shift_jis", "cp932"),
        (meta("ISO-8859-1") + FRENCH, "latin-1", "cp1252"),
    ],
)
def test_true_declarations_are_followed(page: str, codec: str, declared: str) -> None:
    decoded = decode(page.encode(codec))
    assert decoded.text == page
    assert (decoded.encoding, decoded.method) == (declared, "declared")


def test_http_equiv_and_xml_declarations_are_read() -> None:
    http_equiv = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251" />'
    assert decode((http_equiv + RUSSIAN).encode("cp1251")).encoding == "cp1251"
    xml = '<?xml version="1.0" encoding="koi8-r"?>'
    assert decode((xml + RUSSIAN).encode("koi8-r")).encoding == "koi8-r"


def test_declared_utf8_on_cp1252_bytes_is_a_lie() -> None:
    page = meta("utf-8") + FRENCH
    decoded = decode(page.encode("cp1252"))
    assert decoded.text == page
    assert decoded.encoding == "cp1252"


def test_declared_single_byte_on_utf8_bytes_is_a_lie() -> None:
    page = meta("windows-1252") + RUSSIAN
    decoded = decode(page.encode("utf-8"))
    assert decoded.text == page
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize("declared", ["windows-1252", "iso-8859-1"])
def test_western_declaration_on_cyrillic_bytes_is_overruled(declared: str) -> None:
    page = meta(declared) + RUSSIAN
    decoded = decode(page.encode("cp1251"))
    assert decoded.text == page
    assert decoded.encoding == "cp1251"


def test_cyrillic_declaration_on_western_bytes_is_overruled() -> None:
    page = meta("windows-1251") + FRENCH
    assert decode(page.encode("cp1252")).text == page


def test_cp1252_punctuation_in_the_c1_range_is_read_as_cp1252() -> None:
    text = meta("iso-8859-1") + "<p>“Quoted” — it’s the minister’s café €5</p>"
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_bom_decides_and_is_dropped(bom: bytes, codec: str) -> None:
    page = meta("windows-1252") + RUSSIAN  # the BOM outranks the declaration
    decoded = decode(bom + page.encode(codec))
    assert decoded.text == page
    assert (decoded.encoding, decoded.method) == (codec, "bom")


def test_utf16_without_bom_is_recognised() -> None:
    assert decode(FRENCH.encode("utf-16-le")).text == FRENCH


def test_pure_ascii_is_fast_pathed() -> None:
    decoded = decode(b"<p>Telegram from Mao Zedong to Filippov</p>")
    assert (decoded.encoding, decoded.method) == ("ascii", "ascii")


def test_crlf_line_ends_become_newlines() -> None:
    assert decode(b"one\r\ntwo\rthree").text == "one\ntwo\nthree"


@pytest.mark.parametrize(
    "good",
    [
        "Prime Minister Satō met Chiang Ching-kuo.",
        "The minister’s “draft” — final.",
        "Товарищ Мао Цзэдун прибыл в Москву.",
        "Déjà vu at the café in Genève.",
    ],
)
@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_double_encoded_utf8_is_repaired(good: str, wrong: str) -> None:
    mojibake = good.encode("utf-8").decode(wrong, "searcher-latin1")
    assert mojibake != good
    decoded = decode(mojibake.encode("utf-8"))
    assert decoded.text == good
    assert decoded.method == "repaired"


def test_known_mojibake_sequences() -> None:
    assert repair_mojibake("SatÅ\x8d") == "Satō"
    assert repair_mojibake("itâ€™s") == "it’s"
    assert repair_mojibake("Ã©tÃ©") == "été"


def test_correct_accented_text_is_not_repaired() -> None:
    text = "Zürich, São Paulo, Łódź, Satō, ÉTÉ. Ça c’est « bon »."
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text
    assert decoded.method == "detected"


def test_stray_cp1252_bytes_in_utf8_are_read_without_replacement() -> None:
    data = ("<p>Satō and Zhou Enlai met in Genève.</p>" * 4).encode() + b"<p>caf\xe9</p>"
    text = decode(data).text
    assert text.endswith("<p>café</p>")
    assert "\ufffd" not in text


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00",
        gzip.compress(b"<p>hello</p>"),
        b"<p>text</p>" + b"\x00" * 50 + b"<p>more</p>",
        bytes(range(0, 32)) * 20,
    ],
    ids=["pdf", "png", "zip", "gzip", "nul", "controls"],
)
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match="not a text page"):
        decode(data)


def test_control_bytes_without_nuls_are_refused_but_a_few_are_text() -> None:
    with pytest.raises(IngestError, match=r"binary data \(800 control bytes\)"):
        decode(b"<p>x</p>" + bytes(range(1, 9)) * 100)
    assert decode(b"<p>Molotov\x07</p>" + b" " * 200).text.startswith("<p>Molotov\x07</p>")


@pytest.mark.parametrize("data", [b"", b"  \n\t  ", codecs.BOM_UTF8])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match="empty"):
        decode(data)


def test_a_trace_of_nul_bytes_is_dropped() -> None:
    assert decode(b"<p>Stalin</p>\x00" + b" " * 2000).text.startswith("<p>Stalin</p> ")


@pytest.mark.parametrize("data", [bytes(range(128, 256)) * 8, bytes(range(0x80, 0xC0)) * 8])
def test_high_bytes_read_as_letters_or_refused(data: bytes) -> None:
    try:
        text = decode(data).text
    except IngestError as exc:
        assert "no encoding" in str(exc)
        return
    assert "\ufffd" not in text
    assert sum(c.isalpha() for c in text) > len(text) / 2


@pytest.mark.parametrize(
    ("text", "codec"),
    [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (FRENCH, "cp1252"), (JAPANESE, "shift_jis")],
)
def test_no_replacement_characters(text: str, codec: str) -> None:
    for page in (text, meta("utf-8") + text, meta("windows-1252") + text):
        assert "\ufffd" not in decode(page.encode(codec)).text


def test_large_pages_are_sampled_for_detection() -> None:
    page = ("<div>" + "x" * 200 + "</div>\n") * 5000 + RUSSIAN * 50
    assert decode(page.encode("cp1251")).text == page


# ---------------------------------------------------------------------------- read_page


def test_read_page_plain_and_gzip(tmp_path) -> None:
    plain = tmp_path / "page.html"
    plain.write_bytes(RUSSIAN.encode())
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(RUSSIAN.encode()))
    assert read_page(plain) == read_page(packed) == RUSSIAN.encode()


def test_read_page_refuses_large_files_before_reading(tmp_path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(IngestError, match="over the limit"):
        read_page(big, max_bytes=4096)


def test_read_page_stops_unpacking_a_bomb(tmp_path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"\x00" * 5_000_000))
    assert bomb.stat().st_size < 50_000
    with pytest.raises(IngestError, match="over the limit"):
        read_page(bomb, max_bytes=100_000)


def test_read_page_reports_damaged_and_missing_files(tmp_path) -> None:
    damaged = tmp_path / "cut.html.gz"
    damaged.write_bytes(gzip.compress(FRENCH.encode() * 50)[:40])
    with pytest.raises(IngestError, match="damaged gzip"):
        read_page(damaged)
    with pytest.raises(IngestError, match="cannot read"):
        read_page(tmp_path / "missing.html")
    with pytest.raises(IngestError, match="folder"):
        read_page(tmp_path)


@pytest.mark.parametrize(
    ("text", "char", "keep"),
    [
        ("Prime Minister Satō", "ō", 1),  # a two-byte character, one byte left
        ("Chairman HỒ Chí Minh", "Ồ", 2),  # a three-byte character cut after two
    ],
)
def test_utf8_cut_inside_a_character_ends_in_the_cut_mark(text: str, char: str, keep: int):
    data = text.encode("utf-8")
    cut = data[: data.index(char.encode()) + keep]
    decoded = decode(cut)
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[: text.index(char)] + CUT_CHARACTER
