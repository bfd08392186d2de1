"""Facets a page implies without labelling them: the document type its title names, the
archive its source cites, the language it was translated from.

Every layout runs through these, so a document gives the same type, archive and language
facets whether it was saved as HTML with a document information block or as a text dump
with only a title and a citation.  A value the page labels is always kept; these only fill
what the page leaves empty.

>>> document_type("Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov")
'Telegram'
>>> archives("APRF, f. 45, op. 1, d. 342, ll. 16-19, and RGASPI, f. 558, op. 11, d. 342")
['Archive of the President of the Russian Federation (APRF)', 'Russian State Archive of Socio-Political History (RGASPI)']
"""  # noqa: E501

from __future__ import annotations

import re

from searcher.ingest.languages import language_code, language_name

__all__ = ["archive_languages", "archives", "document_type", "stated_languages"]

#: Type words of titles, as the archive's "Type" facet names them; the first found wins.
_TYPES: tuple[tuple[str, str], ...] = (
    (r"(?:memorandum|record|minutes|notes?) of (?:a |the )?conversations?",
     "Memorandum of Conversation"),
    (r"memcon", "Memorandum of Conversation"),
    (r"(?:cable |ciphered |coded |radio |secret )?telegrams?", "Telegram"),
    (r"cables?", "Cable"),
    (r"letters?", "Letter"),
    (r"memorand(?:um|a)", "Memorandum"),
    (r"reports?", "Report"),
    (r"minutes", "Minutes"),
    (r"notes?", "Note"),
    (r"drafts?", "Draft"),
    (r"transcripts?", "Transcript"),
    (r"diary(?: entry)?", "Diary"),
    (r"speech", "Speech"),
    (r"statement", "Statement"),
    (r"petition", "Petition"),
    (r"resolution", "Resolution"),
    (r"decree", "Decree"),
    (r"directive", "Directive"),
    (r"instructions?", "Instructions"),
    (r"protocol", "Protocol"),
    (r"agreement", "Agreement"),
    (r"treaty", "Treaty"),
    (r"list", "List"),
    (r"message", "Message"),
    (r"communiqu[eé]", "Communique"),
    (r"interview", "Interview"),
)  # fmt: skip
_TYPE = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(_TYPES)) + r")\b",
    re.IGNORECASE,
)
#: Quoted or bracketed parts of a title name other documents, not this one.
_ASIDE = re.compile(r"\[[^\]]*\]|\([^)]*\)|(?<!\w)'[^']*'(?!\w)|‘[^’]*’(?!\w)|\"[^\"]*\"|“[^”]*”")

#: Archives as a source cites them, the archive's own name for each, and the language of
#: the documents it keeps (None when they come in many).
_ARCHIVES: tuple[tuple[str, str, str | None], ...] = (
    (r"\bSAPMO\b|Foundation Archives of Parties and Mass Organi[sz]ations",
     "Foundation Archives of Parties and Mass Organizations of the GDR (SAPMO)", "German"),
    (r"\bAPRF\b|\bAP RF\b|Archive of the President of the Russian Federation|Presidential Archive",
     "Archive of the President of the Russian Federation (APRF)", "Russian"),
    (r"\bRGASPI\b|\bRTsKhIDNI\b|Russian State Archive of Socio-Political History",
     "Russian State Archive of Socio-Political History (RGASPI)", "Russian"),
    (r"\bAVP ?RF\b|Archive of (?:the )?Foreign Policy of the Russian Federation",
     "Archive of Foreign Policy of the Russian Federation", "Russian"),
    (r"\bGARF\b|State Archive of the Russian Federation",
     "State Archive of the Russian Federation (GARF)", "Russian"),
    (r"\bRGANI\b|\bTsKhSD\b|Russian State Archive of Contemporary History",
     "Russian State Archive of Contemporary History (RGANI)", "Russian"),
    (r"(?<![\w-])BArch\b|German Federal Archives|Bundesarchiv",
     "German Federal Archives (BArch)", "German"),
    (r"\bPA ?AA\b|Politisches Archiv des Auswärtigen Amts"
     r"|Political Archive of the Federal Foreign Office",
     "Political Archive of the Federal Foreign Office", "German"),
    (r"\bAMSZ\b", "Archive of the Ministry of Foreign Affairs, Poland", "Polish"),
    (r"\bMNL OL\b|\bMOL\b|National Archives of Hungary|Hungarian National Archives",
     "National Archives of Hungary", "Hungarian"),
    (r"Archive of the Romanian Ministry of Foreign Affairs|\bAMAE\b",
     "Archive of the Romanian Ministry of Foreign Affairs", "Romanian"),
    (r"\bPRC FMA\b|Archives of the (?:Chinese )?Ministry of Foreign Affairs"
     r"(?: of the People's Republic of China)?",
     "Archives of the Ministry of Foreign Affairs of the People's Republic of China", "Chinese"),
    (r"Academia Historica", "Academia Historica", "Chinese"),
    (r"Diplomatic Archives of the Ministry of Foreign Affairs of Japan",
     "Diplomatic Archives of the Ministry of Foreign Affairs of Japan", "Japanese"),
    (r"Nehru Memorial Museum and Library|\bNMML\b",
     "Nehru Memorial Museum and Library (NMML)", "English"),
    (r"National Archives of India", "National Archives of India", "English"),
    (r"George H\. ?W\. Bush Presidential Library",
     "George H. W. Bush Presidential Library", "English"),
    (r"Gorbachev Foundation", "Gorbachev Foundation Archive", "Russian"),
)  # fmt: skip
_ARCHIVE = [(re.compile(p), name, language) for p, name, language in _ARCHIVES]
_LANGUAGE_OF = {name: language for _, name, language in _ARCHIVES}

_TRANSLATED_FROM = re.compile(
    r"\btranslated\s+(?:from|out\s+of)\s+(?:the\s+)?(?:original\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?:\s+(?:and|or)\s+([A-Z][a-z]+))?",
    re.IGNORECASE,
)
_TAB_LANGUAGE = re.compile(
    r"^(?:original\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:original|transcript|transcription"
    r"|html|text|version|pdf|scan)$|^original\s+([A-Z][a-z]+)$",
    re.IGNORECASE,
)


def document_type(title: str) -> str:
    """The document type a title names ("Ciphered Telegram No. 5" -> Telegram), or ""."""
    match = _TYPE.search(_ASIDE.sub(" ", title))
    if not match:
        return ""
    index = next(i for i, group in enumerate(match.groups()) if group is not None)
    return _TYPES[index][1]


def archives(source: str) -> list[str]:
    """The archives a source or citation cites, by the archive's own names, in order."""
    found = sorted(
        (m.start(), name) for pattern, name, _ in _ARCHIVE if (m := pattern.search(source))
    )
    return list(dict.fromkeys(name for _, name in found))


def archive_languages(names: list[str]) -> list[str]:
    """The languages of the documents kept by the archives named (where one language)."""
    return list(dict.fromkeys(lang for n in names if (lang := _LANGUAGE_OF.get(n))))


def stated_languages(texts: list[str], tabs: list[str]) -> list[str]:
    """Languages a page states: "Translated from Russian" in its citation or credits, tab
    labels such as "Russian Transcript" or "Original Chinese" (English tabs aside: they
    are the translation)."""
    found: list[str] = []
    for text in texts:
        for match in _TRANSLATED_FROM.finditer(text):
            found.extend(g for g in match.groups() if g and language_code(g))
    for tab in tabs:
        match = _TAB_LANGUAGE.match(" ".join(tab.split()))
        name = match and (match.group(1) or match.group(2))
        if name and language_code(name) and language_code(name) != "eng":
            found.append(name)
    return list(dict.fromkeys(language_name(f) for f in found))
