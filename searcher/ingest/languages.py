"""Language names and their ISO 639-2/B codes, as the archive's old API gave them.

>>> language_name("rus"), language_name("Chinese"), language_code("German")
('Russian', 'Chinese', 'ger')
"""

from __future__ import annotations

__all__ = ["language_code", "language_name"]

# (ISO 639-2/B code, display name, other codes and names that mean the same language)
_LANGUAGES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("eng", "English", ("en",)),
    ("rus", "Russian", ("ru",)),
    ("chi", "Chinese", ("zho", "zh", "mandarin")),
    ("ger", "German", ("deu", "de")),
    ("jpn", "Japanese", ("ja",)),
    ("fre", "French", ("fra", "fr")),
    ("kor", "Korean", ("ko",)),
    ("pol", "Polish", ("pl",)),
    ("rum", "Romanian", ("ron", "ro", "rumanian")),
    ("hun", "Hungarian", ("hu",)),
    ("cze", "Czech", ("ces", "cs")),
    ("slo", "Slovak", ("slk", "sk")),
    ("vie", "Vietnamese", ("vi",)),
    ("spa", "Spanish", ("es",)),
    ("ita", "Italian", ("it",)),
    ("por", "Portuguese", ("pt",)),
    ("mon", "Mongolian", ("mn",)),
    ("bul", "Bulgarian", ("bg",)),
    ("alb", "Albanian", ("sqi", "sq")),
    ("hbs", "Serbo-Croatian", ("sh", "scr", "scc", "serbo-croat", "serbocroatian")),
    ("srp", "Serbian", ("sr",)),
    ("hrv", "Croatian", ("hr",)),
    ("slv", "Slovenian", ("sl", "slovene")),
    ("mac", "Macedonian", ("mkd", "mk")),
    ("ukr", "Ukrainian", ("uk",)),
    ("bel", "Belarusian", ("be", "byelorussian")),
    ("lit", "Lithuanian", ("lt",)),
    ("lav", "Latvian", ("lv",)),
    ("est", "Estonian", ("et",)),
    ("fin", "Finnish", ("fi",)),
    ("swe", "Swedish", ("sv",)),
    ("nor", "Norwegian", ("no", "nb", "nob")),
    ("dan", "Danish", ("da",)),
    ("dut", "Dutch", ("nld", "nl")),
    ("gre", "Greek", ("ell", "el")),
    ("tur", "Turkish", ("tr",)),
    ("ara", "Arabic", ("ar",)),
    ("heb", "Hebrew", ("he",)),
    ("per", "Persian", ("fas", "fa", "farsi")),
    ("hin", "Hindi", ("hi",)),
    ("urd", "Urdu", ("ur",)),
    ("ben", "Bengali", ("bn",)),
    ("ind", "Indonesian", ("id",)),
    ("tha", "Thai", ("th",)),
    ("khm", "Khmer", ("km", "cambodian")),
    ("lao", "Lao", ("lo", "laotian")),
    ("bur", "Burmese", ("mya", "my")),
    ("geo", "Georgian", ("kat", "ka")),
    ("arm", "Armenian", ("hye", "hy")),
    ("aze", "Azerbaijani", ("az",)),
    ("kaz", "Kazakh", ("kk",)),
    ("uzb", "Uzbek", ("uz",)),
    ("afr", "Afrikaans", ("af",)),
    ("swa", "Swahili", ("sw",)),
    ("amh", "Amharic", ("am",)),
    ("lat", "Latin", ("la",)),
)

_NAME_BY_KEY: dict[str, str] = {}
_CODE_BY_KEY: dict[str, str] = {}
for _code, _name, _others in _LANGUAGES:
    for _key in (_code, _name.lower(), *_others):
        _NAME_BY_KEY[_key] = _name
        _CODE_BY_KEY[_key] = _code


def language_name(value: str) -> str:
    """The display name of a language given by name or code; unknown values are kept."""
    value = value.strip()
    return _NAME_BY_KEY.get(value.lower(), value)


def language_code(value: str) -> str | None:
    """The ISO 639-2/B code of a language given by name or code, or ``None`` if unknown."""
    return _CODE_BY_KEY.get(value.strip().lower())
